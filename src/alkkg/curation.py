"""Load a curated document (``document.yaml`` + ``claims.yaml``) into typed, checked records.

Every error names the file, the line and, where there is one, the claim id.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

from .errors import ConfinementError, CurationError
from .yamlload import load_file

CLAIM_ID = re.compile(r"^s(\d{2,})-[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME = re.compile(r"^(?:author:)?[A-Za-z][A-Za-z0-9-]*$")
POLARITIES = ("asserted", "negated")
MODALITIES = ("stated", "hedged")
DIRECTIONS = ("increase", "decrease")
UNITS = ("percent", "month", "fold", "proportion")
QUALIFIERS = ("population", "disease", "assay", "model", "comparator", "target", "context", "drug", "degree")
#: qualifier terms of the ontology (alkkg:), as opposed to the entities (alkkge:) other qualifiers name
DEGREES = ("aberrant", "limited", "marked", "potent")
CLAIM_KEYS = {"id", "sentence", "statement", "quote", "start", "subject", "predicate", "object",
              "polarity", "modality", "evidence", "qualifiers", "measurement", "cites",
              "rests_on", "mentions"}
MAX_INT = 10**9
DECIMAL_EXPONENTS = 12
DECIMAL_DIGITS = 15
YEARS = (1800, 2100)
DOI = re.compile(r'^10\.\d{4,9}/[^\s"<>{}|\\^`]+$')
TRIAL = re.compile(r"^NCT\d{8}$")
PMCID = re.compile(r"^PMC\d+$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
SENTENCE_DIGEST = re.compile(r"^[0-9a-f]{12}$")
#: licences a curation may carry (SPDX id -> IRI); add one here, with its IRI, to allow it
LICENSES = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
}
MEASUREMENT_KEYS = {"type", "value", "min", "max", "numerator", "denominator", "unit",
                    "approximate", "direction", "upper_bound", "lower_bound", "within", "about"}


@dataclass(frozen=True)
class Author:
    id: str
    name: str
    position: int


@dataclass(frozen=True)
class Document:
    """Bibliographic metadata of one curated source document."""

    id: str
    title: str
    journal: str
    citation: str
    year: int
    doi: str
    pmid: str
    pmcid: str | None
    trial: str | None
    text_path: Path
    text_sha256: str | None
    sentence_sha256: tuple[str, ...]
    authors: tuple[Author, ...]
    curation_agent: str
    curation_date: str
    license: str
    path: Path


@dataclass(frozen=True)
class Measurement:
    """A quantity: a value, a range (min/max) or a proportion, with its unit."""

    type: str
    unit: str
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    numerator: int | None = None
    denominator: int | None = None
    approximate: bool = False
    upper_bound: bool = False
    lower_bound: bool = False
    direction: str | None = None
    #: a time window ("within 12 months"): value and unit
    within: tuple[Decimal, str] | None = None
    #: the entities the measured quantity is about (the mechanisms a share explains)
    about: tuple[str, ...] = ()

    def numbers(self) -> tuple[Decimal, ...]:
        """The numbers this measurement writes, for coverage."""
        found = [self.value, self.min, self.max, self.numerator, self.denominator,
                 self.within[0] if self.within else None]
        return tuple(Decimal(x) for x in found if x is not None)


@dataclass(frozen=True)
class Mention:
    text: str
    entity: str
    start: int | None
    line: int


@dataclass(frozen=True)
class Claim:
    """One atomic curated claim."""

    id: str
    line: int
    sentence: int
    statement: str
    quote: str
    start: int | None
    subject: str
    predicate: str
    object: str | None
    polarity: str
    modality: str
    evidence: tuple[str, ...]
    qualifiers: tuple[tuple[str, str], ...]
    measurement: Measurement | None
    cites: tuple[int, ...]
    rests_on: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Acknowledgement:
    """A text feature (citation marker or number) that carries no claim, and why."""

    kind: str
    sentence: int
    text: str
    reason: str
    line: int


@dataclass(frozen=True)
class Curation:
    """A document with its claims, as curated."""

    document: Document
    claims: tuple[Claim, ...]
    acknowledged: tuple[Acknowledgement, ...]
    path: Path
    folder: Path


class _Reader:
    """Reads fields of one mapping, raising errors that point at the line of the key at fault."""

    def __init__(self, mapping: Any, path: Path, what: str, claim_id: str | None = None,
                 line: int | None = None) -> None:
        self.path = path
        self.claim_id = claim_id
        self.line = getattr(mapping, "line", None) or line
        self.mapping: dict[Any, Any] = mapping if isinstance(mapping, dict) else {}
        if not isinstance(mapping, dict):
            self.fail(f"{what} must be a mapping of keys to values, got {type(mapping).__name__}")

    def line_of(self, key: str) -> int | None:
        return getattr(self.mapping, "key_lines", {}).get(key) or self.line

    def fail(self, message: str, key: str | None = None) -> NoReturn:
        """Raise, pointing at the line of *key* when given, else at the mapping."""
        line = self.line_of(key) if key else self.line
        raise CurationError(message, path=str(self.path), line=line, claim_id=self.claim_id)

    def only(self, allowed: set[str]) -> None:
        unknown = sorted((k for k in self.mapping if k not in allowed), key=str)
        if unknown:
            self.fail(f"unknown key {_show(unknown[0])}; allowed keys are {', '.join(sorted(allowed))}",
                      unknown[0])

    def get(self, key: str, kind: type | tuple[type, ...], *, required: bool = True,
            default: Any = None) -> Any:
        if key not in self.mapping or self.mapping[key] is None:
            if required:
                self.fail(f"missing required key {key!r}")
            return default
        value = self.mapping[key]
        # YAML's true/false are ints to Python: accept them only where a bool is asked for.
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in kinds):
            self.fail(f"{key!r} must be {_kind_name(kind)}, got {_show(value)}", key)
        if isinstance(value, str) and not value.strip():
            self.fail(f"{key!r} must not be empty", key)
        if isinstance(value, int) and not isinstance(value, bool) and not -MAX_INT <= value <= MAX_INT:
            self.fail(f"{key!r} is {_show(value)}, out of range (at most {MAX_INT})", key)
        return value

    def choice(self, key: str, choices: tuple[str, ...], *, required: bool = True) -> str | None:
        value = self.get(key, str, required=required)
        if value is not None and value not in choices:
            self.fail(f"{key!r} is {_show(value)}; use one of {', '.join(choices)}", key)
        return value

    def name(self, key: str, *, required: bool = True) -> str | None:
        value = self.get(key, str, required=required)
        if value is not None and not NAME.match(value):
            self.fail(f"{key!r} is {_show(value)}, not a term name (letters, digits and '-')", key)
        return value

    def matching(self, key: str, pattern: re.Pattern[str], example: str, *, required: bool = True) -> str | None:
        value = self.get(key, str, required=required)
        if value is not None and not pattern.match(value):
            self.fail(f"{key!r} is {_show(value)}, not like {example}", key)
        return value


def _show(value: object, limit: int = 80) -> str:
    """A value for an error message, cut short: the message must stay one readable line."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**limit:
        return f"a number of more than {limit} digits"  # repr() refuses ints over 4300 digits
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "text", int: "a whole number", bool: "true or false", list: "a list",
             dict: "a mapping", float: "a number", Decimal: "a number"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _decimal(reader: _Reader, key: str) -> Decimal | None:
    value = reader.get(key, (int, Decimal, str), required=False)
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        reader.fail(f"{key!r} must be a number, got {_show(value)}", key)
    if not number.is_finite():
        reader.fail(f"{key!r} must be a finite number, got {_show(value)}", key)
    # Bounded so that every value has a short exact decimal form ("1e400000000" would not).
    if number and not (-DECIMAL_EXPONENTS <= number.adjusted() <= DECIMAL_EXPONENTS):
        reader.fail(f"{key!r} is {_show(value)}, out of range (between 1e-{DECIMAL_EXPONENTS} and "
                    f"1e{DECIMAL_EXPONENTS})", key)
    if len(number.as_tuple().digits) > DECIMAL_DIGITS:
        reader.fail(f"{key!r} is {_show(value)}: more than {DECIMAL_DIGITS} significant digits", key)
    return number


def _measurement(raw: Any, path: Path, claim_id: str, line: int) -> Measurement:
    reader = _Reader(raw, path, "measurement", claim_id, line)
    reader.only(MEASUREMENT_KEYS)
    kind = reader.name("type")
    unit = reader.choice("unit", UNITS)
    value, low, high = _decimal(reader, "value"), _decimal(reader, "min"), _decimal(reader, "max")
    numerator = reader.get("numerator", int, required=False)
    denominator = reader.get("denominator", int, required=False)
    forms = [value is not None, low is not None or high is not None,
             numerator is not None or denominator is not None]
    if sum(forms) != 1:
        reader.fail("a measurement needs exactly one of: value; min and max; numerator and denominator")
    if forms[1] and (low is None or high is None):
        reader.fail("a range needs both 'min' and 'max'")
    if forms[1] and low is not None and high is not None and low > high:
        reader.fail(f"range minimum {low} is above its maximum {high}; swap them")
    if forms[2]:
        if numerator is None or denominator is None:
            reader.fail("a proportion needs both 'numerator' and 'denominator'")
        if denominator <= 0 or numerator < 0 or numerator > denominator:
            reader.fail(f"proportion {numerator}/{denominator} is not between 0 and 1")
        if unit != "proportion":
            reader.fail("a numerator/denominator measurement must use unit 'proportion'")
    if unit == "percent" and value is not None and not (0 <= value <= 100):
        reader.fail(f"percentage {value} is outside 0-100")
    if unit in ("month", "fold"):
        for number in (value, low, high):
            if number is not None and number <= 0:
                reader.fail(f"a {unit} value must be positive, got {number}")
    direction = reader.choice("direction", DIRECTIONS, required=False)
    if unit == "fold" and direction is None:
        reader.fail("a fold comparison needs 'direction': increase or decrease")
    upper = reader.get("upper_bound", bool, required=False, default=False)
    lower = reader.get("lower_bound", bool, required=False, default=False)
    if upper and lower:
        reader.fail("a value cannot be both an upper and a lower bound", "lower_bound")
    within = None
    raw_within = reader.get("within", dict, required=False)
    if raw_within is not None:
        window = _Reader(raw_within, path, "within", claim_id, reader.line_of("within"))
        window.only({"value", "unit"})
        length = _decimal(window, "value")
        window_unit = window.choice("unit", ("month",))
        if length is None or length <= 0:
            window.fail("a time window needs a positive 'value'", "value")
        within = (length, window_unit or "month")
    about = reader.get("about", list, required=False, default=[])
    if any(not isinstance(name, str) or not NAME.match(name) for name in about):
        reader.fail(f"'about' must list entity names, got {_show(about)}", "about")
    return Measurement(
        type=kind or "", unit=unit or "", value=value, min=low, max=high,
        numerator=numerator, denominator=denominator,
        approximate=reader.get("approximate", bool, required=False, default=False),
        upper_bound=upper, lower_bound=lower, direction=direction, within=within, about=tuple(about),
    )


def _claim(raw: Any, path: Path, index: int) -> Claim:
    raw_id = raw.get("id") if isinstance(raw, dict) else None
    claim_id = raw_id if isinstance(raw_id, str) else None
    reader = _Reader(raw, path, f"claim #{index + 1}", claim_id)
    reader.only(CLAIM_KEYS)
    claim_id = reader.get("id", str)
    id_match = CLAIM_ID.match(claim_id)
    if not id_match:
        reader.fail(f"id {_show(claim_id)} must look like 's09-ceritinib-inhibits-alk' "
                    "(s, sentence number of two or more digits, lowercase words joined by '-')", "id")
    sentence = reader.get("sentence", int)
    if sentence < 1:
        reader.fail(f"sentence must be 1 or more, got {sentence}", "sentence")
    if id_match and int(id_match.group(1)) != sentence:
        reader.fail(f"id says sentence {int(id_match.group(1))} but 'sentence' is {sentence}", "sentence")
    quote = reader.get("quote", str)
    start = reader.get("start", int, required=False)
    if start is not None and start < 0:
        reader.fail(f"'start' must be 0 or more, got {start}", "start")
    measurement_raw = reader.get("measurement", dict, required=False)
    measurement = (_measurement(measurement_raw, path, claim_id, reader.line or 0)
                   if measurement_raw is not None else None)
    obj = reader.name("object", required=measurement is None)
    if measurement is not None and obj is not None:
        reader.fail("give either 'object' or 'measurement', not both (the measurement is the object)", "object")
    qualifiers_raw = reader.get("qualifiers", dict, required=False, default={})
    unknown = sorted(set(qualifiers_raw) - set(QUALIFIERS))
    if unknown:
        reader.fail(f"unknown qualifier {_show(unknown[0])}; use one of {', '.join(QUALIFIERS)}", "qualifiers")
    qualifiers = []
    for key in QUALIFIERS:
        if key in qualifiers_raw:
            value = qualifiers_raw[key]
            if not isinstance(value, str) or not NAME.match(value):
                reader.fail(f"qualifier {key!r} must be a term name, got {_show(value)}", "qualifiers")
            if key == "degree" and value not in DEGREES:
                reader.fail(f"qualifier 'degree' is {_show(value)}; use one of {', '.join(DEGREES)}", "qualifiers")
            qualifiers.append((key, value))
    evidence = reader.get("evidence", list, required=False, default=[])
    cites = reader.get("cites", list, required=False, default=[])
    if any(not isinstance(c, int) or isinstance(c, bool) or not 1 <= c <= MAX_INT for c in cites):
        reader.fail(f"'cites' must list reference numbers (whole numbers >= 1), got {_show(cites)}", "cites")
    rests_on = reader.get("rests_on", list, required=False, default=[])
    mentions = []
    for raw_mention in reader.get("mentions", list, required=False, default=[]):
        mention = _Reader(raw_mention, path, "mention", claim_id, reader.line)
        mention.only({"text", "entity", "start"})
        mention_start = mention.get("start", int, required=False)
        if mention_start is not None and mention_start < 0:
            mention.fail(f"mention 'start' must be 0 or more, got {mention_start}", "start")
        mentions.append(Mention(mention.get("text", str), mention.name("entity") or "",
                                mention_start, mention.line or 0))
    for item in evidence + rests_on:
        if not isinstance(item, str):
            reader.fail(f"'evidence' and 'rests_on' must list names, got {_show(item)}")
    return Claim(
        id=claim_id, line=reader.line or 0, sentence=sentence,
        statement=reader.get("statement", str).strip(), quote=quote, start=start,
        subject=reader.name("subject") or "", predicate=reader.name("predicate") or "", object=obj,
        polarity=reader.choice("polarity", POLARITIES) or "",
        modality=reader.choice("modality", MODALITIES) or "",
        evidence=tuple(evidence), qualifiers=tuple(qualifiers), measurement=measurement,
        cites=tuple(sorted(set(cites))), rests_on=tuple(rests_on), mentions=tuple(mentions),
    )


def _date(reader: _Reader, key: str) -> str:
    value = reader.get(key, (str, dt.date))
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        reader.fail(f"{key!r} must be a date YYYY-MM-DD, got {_show(value)}", key)


def load_document(path: Path) -> Document:
    """Load ``document.yaml``."""
    raw = load_file(path)
    reader = _Reader(raw, path, "the document")
    reader.only({"id", "title", "journal", "citation", "year", "doi", "pmid", "pmcid", "trial",
                 "text", "text_sha256", "sentence_sha256", "excerpt", "authors", "curation"})
    authors = []
    for position, raw_author in enumerate(reader.get("authors", list), start=1):
        author = _Reader(raw_author, path, "an author", line=reader.line_of("authors"))
        author.only({"id", "name"})
        authors.append(Author(author.name("id") or "", author.get("name", str), position))
    if len({a.id for a in authors}) != len(authors):
        reader.fail("author ids must be unique", "authors")
    curation = _Reader(reader.get("curation", dict), path, "curation", line=reader.line_of("curation"))
    curation.only({"agent", "date", "license"})
    pmid = str(reader.get("pmid", (str, int)))
    if not pmid.isdigit():
        reader.fail(f"pmid {_show(pmid)} must be digits only", "pmid")
    year = reader.get("year", int)
    if not YEARS[0] <= year <= YEARS[1]:
        reader.fail(f"year {year} is not a publication year ({YEARS[0]}-{YEARS[1]})", "year")
    digests = reader.get("sentence_sha256", list, required=False, default=[])
    if any(not isinstance(d, str) or not SENTENCE_DIGEST.match(d) for d in digests):
        reader.fail("'sentence_sha256' must list 12-digit hex digests, one per sentence; "
                    "run `alkkg pin` to write them", "sentence_sha256")
    return Document(
        id=reader.name("id") or "", title=reader.get("title", str), journal=reader.get("journal", str),
        citation=reader.get("citation", str), year=year,
        doi=reader.matching("doi", DOI, "10.1056/NEJMoa1311107") or "", pmid=pmid,
        pmcid=reader.matching("pmcid", PMCID, "PMC4079055", required=False),
        trial=reader.matching("trial", TRIAL, "NCT01283516", required=False),
        text_path=_text_path(reader, path), text_sha256=reader.matching("text_sha256", SHA256, (
            "64 lowercase hex digits; run `alkkg pin` once the claims are checked against the text"),
            required=False),
        sentence_sha256=tuple(digests), authors=tuple(authors),
        curation_agent=curation.get("agent", str), curation_date=_date(curation, "date"),
        license=_license(curation), path=path,
    )


def _text_path(reader: _Reader, path: Path) -> Path:
    """The source text, which must live inside the document folder (symlinks resolved)."""
    name = reader.get("text", str)
    folder = path.parent.resolve()
    target = (folder / name).resolve()
    if Path(name).is_absolute() or not target.is_relative_to(folder) or target == folder:
        raise ConfinementError(f"{path}:{reader.line_of('text')}: 'text' is {_show(name)}, which is outside "
                               f"the document folder {path.parent}; copy the source text into that "
                               "folder and name it relative to it, e.g. 'text: source.txt'")
    return path.parent / name


def _license(reader: _Reader) -> str:
    value = reader.get("license", str)
    if value in LICENSES:
        return LICENSES[value]
    if value in LICENSES.values():
        return str(value)
    known = ", ".join(f"{k} ({v})" for k, v in LICENSES.items())
    reader.fail(f"licence {_show(value)} is not one we can publish under; use one of {known}", "license")


def load_curation(folder: Path) -> Curation:
    """Load one curated document folder (``document.yaml`` and ``claims.yaml``)."""
    document = load_document(folder / "document.yaml")
    path = folder / "claims.yaml"
    raw = load_file(path)
    reader = _Reader(raw, path, "claims.yaml")
    reader.only({"document", "acknowledged", "claims"})
    if reader.get("document", str) != document.id:
        reader.fail(f"'document' must be {document.id!r}, the id in document.yaml")
    claims = tuple(_claim(raw_claim, path, i) for i, raw_claim in enumerate(reader.get("claims", list)))
    seen: dict[str, Claim] = {}
    for claim in claims:
        if claim.id in seen:
            raise CurationError(f"duplicate claim id (first on line {seen[claim.id].line}); "
                                "give each claim its own id", path=str(path), line=claim.line,
                                claim_id=claim.id)
        seen[claim.id] = claim
    for claim in claims:
        for target in claim.rests_on:
            if target not in seen:
                raise CurationError(f"rests_on names {_show(target)}, which is not a claim id here",
                                    path=str(path), line=claim.line, claim_id=claim.id)
    acknowledged = []
    for raw_ack in reader.get("acknowledged", list, required=False, default=[]):
        ack = _Reader(raw_ack, path, "an acknowledgement", line=reader.line)
        ack.only({"kind", "sentence", "text", "reason"})
        acknowledged.append(Acknowledgement(ack.choice("kind", ("citation-marker", "number")) or "",
                                            ack.get("sentence", int), str(ack.get("text", (str, int))),
                                            ack.get("reason", str), ack.line or 0))
    return Curation(document, claims, tuple(acknowledged), path, folder)
