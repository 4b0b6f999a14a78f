"""Synthetic benchmark corpora: a complete, buildable alkkg project of N generated claims.

``alkkg synth --claims N --out DIR [--seed S]`` writes into DIR (new, or an empty folder):

* ``ontology/alkkg.ttl``: the project's ontology, unchanged, plus a section of synthetic entities
  (``alkkge:synth-...``: drugs, genes and the proteins they encode, kinase domains, mutations,
  amplifications, rearrangements, drug classes, diseases, tumours, patient populations,
  resistance mechanisms and acquired resistances), typed with the ontology's classes, each with
  one ``@en`` label and definition, the synonyms and the pattern-valid *placeholder* identifiers
  the shapes ask for, an ``rdfs:comment`` that says so, and one ``owl:AllDifferent`` list per
  kind of entity (entities of disjoint classes are different already);
* ``shapes/`` and ``queries/``: copies of the project's;
* ``assertions/synth-NNNNN/{document.yaml,claims.yaml,source.txt}``: documents of 10 to 60
  claims each, whose generated text is made of sentences with citation markers, every quote at
  its offsets, every number and marker covered by a claim (or acknowledged), and the pins
  written by :func:`alkkg.pinning.fingerprint`;
* ``README.md`` and ``synth.json``: what this is, and the summary.

The claims follow the mix of kinds of ``assertions/shaw-2014/claims.yaml`` (inhibition, negated
and hedged claims, activation, expression and roles, dependency, sensitivity, resistance,
causation, treatment options, drug profiles, antitumour activity, outcome measurements with
values, ranges, proportions, bounds and time windows, ``rests_on`` links and citations). They are
kept consistent for the reasoner: one ledger, shared by all documents, refuses to assert a triple
that another claim denies or hedges (or that the ontology's background makes contradictory,
such as a tumour both resistant and sensitive to a drug), and every subject, object and qualifier
is picked from the class the property's domain or range asks for.

The output depends only on (N, seed) and the copied project files: the same arguments give the
same bytes. No clock, no environment, no hash order is read.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, OutputError
from .pinning import fingerprint
from .source import split_sentences

if TYPE_CHECKING:
    from .pipeline import Project

#: the comment every synthetic entity carries
PLACEHOLDER_COMMENT = ("Synthetic benchmark entity (alkkg synth); its identifiers are placeholders, "
                       "not real records.")
#: claims per document (the last document takes what is left, and a corpus under 10 is one document)
DOCUMENT_CLAIMS = (10, 60)
#: most claims one sentence carries
SENTENCE_CLAIMS = 4
#: the fixed curation date of every synthetic document (an input, never the clock)
CURATION_DATE = "2026-11-28"
CURATION_AGENT = "alkkg synth benchmark generator"
#: the largest corpus the command accepts
MAX_CLAIMS = 10_000_000
#: most members of one owl:AllDifferent list (alkkg.canon walks RDF lists recursively)
ALL_DIFFERENT_MAX = 100
#: Crossref's test DOI prefix: a DOI-shaped value that names no real article
DOI_PREFIX = "10.5555"

_FAMILY_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DRUG_STEMS = ("bro", "cal", "dor", "fen", "gal", "hex", "ival", "jor", "kel", "lom", "mir", "nov",
               "pel", "quin", "ros", "tal", "ver", "zan")
_DRUG_LINKS = ("a", "e", "i", "o", "u", "ara", "ero", "ila")
_DRUG_SUFFIXES = ("tinib", "metinib", "lotinib", "ratinib", "zatinib", "citinib")
_ORGANS = ("lung", "colorectal", "breast", "thyroid", "ovarian", "pancreatic", "gastric", "renal")
_SURNAMES = ("Example", "Sample", "Placeholder", "Testcase", "Mockwell", "Fakeworth", "Dummett",
             "Specimen", "Templeton", "Proxford", "Standin", "Syntheson", "Modelle", "Pattern")
_INITIALS = ("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W")
_LEADS = ("Moreover, ", "In addition, ", "Notably, ", "As reported previously, ", "Importantly, ")
_THERAPIES = (("cytotoxic-chemotherapy", "cytotoxic chemotherapy"),
              ("palliative-radiotherapy", "palliative radiotherapy"), ("supportive-care", "supportive care"))


# ----------------------------------------------------------------------------------------- results

@dataclass(frozen=True)
class SynthSummary:
    """What :func:`synthesise` wrote: counts of documents, sentences, entities and claims."""

    out: Path
    seed: int
    documents: int
    sentences: int
    claims: int
    entities: int
    #: claims per kind (each claim has exactly one kind; the counts sum to ``claims``)
    kinds: dict[str, int] = field(default_factory=dict)
    #: claims with a feature (negated, hedged, measurement, rests_on, qualifiers, cites, ...)
    features: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"seed": self.seed, "documents": self.documents, "sentences": self.sentences,
                "claims": self.claims, "entities": self.entities, "kinds": dict(self.kinds),
                "features": dict(self.features)}

    def text(self) -> str:
        """A few readable lines for the command line."""
        lines = [f"wrote {self.out}: {self.documents} documents, {self.sentences} sentences, "
                 f"{self.claims} claims, {self.entities} synthetic entities (seed {self.seed})",
                 "claims per kind:"]
        lines += [f"  {kind:<44} {count:>8}" for kind, count in self.kinds.items()]
        lines.append("claims with:")
        lines += [f"  {name:<44} {count:>8}" for name, count in self.features.items()]
        return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------- entities

@dataclass
class _Entity:
    """A synthetic named entity of the ontology."""

    local: str
    classes: tuple[str, ...]
    label: str
    text: str  # how the generated text names it
    definition: str
    synonyms: tuple[str, ...] = ()
    match: str | None = None  # the placeholder skos:exactMatch, as written in Turtle
    facts: list[tuple[str, str]] = field(default_factory=list)
    #: the gene family, the drug, the disease it is tied to (None where there is none)
    family: int | None = None
    drug: _Entity | None = None
    disease: _Entity | None = None
    kind: str = ""


@dataclass
class _Family:
    """A gene with everything tied to it: protein, kinase domain, alterations, drug class."""

    index: int
    symbol: str
    gene: _Entity
    protein: _Entity
    domain: _Entity
    mutation: _Entity
    amplification: _Entity
    rearrangement: _Entity
    drug_class: _Entity
    mechanism: _Entity | None = None


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


class _World:
    """The synthetic entities of one corpus, sized by its number of claims."""

    def __init__(self, rng: random.Random, n_claims: int) -> None:
        self.rng = rng
        self.by_kind: dict[str, list[_Entity]] = {}
        n_families = _clamp(n_claims // 40, 4, 300)
        n_drugs = _clamp(n_claims // 25, 6, 400)
        n_diseases = _clamp(n_claims // 100, 3, min(100, n_families))
        n_tumors = _clamp(n_claims // 50, 6, 240)
        n_populations = _clamp(n_claims // 30, 8, 300)
        n_mechanisms = _clamp(n_claims // 100, 2, min(100, n_families))
        codes = [a + b for a in _FAMILY_LETTERS for b in _FAMILY_LETTERS]
        rng.shuffle(codes)
        self.families = [self._family(i + 1, "XSYN" + codes[i]) for i in range(n_families)]
        # distinct names ("mir"+"a"+"ratinib" and "mir"+"ara"+"tinib" would be one label twice)
        names = sorted({f"syn{s}{m}{x}" for s in _DRUG_STEMS for m in _DRUG_LINKS for x in _DRUG_SUFFIXES})
        rng.shuffle(names)
        self.drugs = [self._drug(i + 1, names[i]) for i in range(n_drugs)]
        self.resistances = [self._add("resistance", i + 1, ("AcquiredDrugResistance",),
                                      f"acquired {d.text} resistance", f"acquired resistance to {d.text}",
                                      f"Resistance to the synthetic drug {d.text} that develops during "
                                      "treatment after an initial response, generated for benchmarking.",
                                      drug=d)
                            for i, d in enumerate(self.drugs)]
        for family in rng.sample(self.families, n_mechanisms):
            family.mechanism = self._add(
                "mechanism", len(self.by_kind.get("mechanism", [])) + 1, ("ResistanceMechanism",),
                f"{family.symbol} bypass signalling activation", f"activation of {family.symbol} bypass signalling",
                f"A synthetic resistance mechanism, activation of signalling through {family.symbol} that "
                "bypasses the drug target, generated for benchmarking.", family=family.index)
        self.diseases: list[_Entity] = []
        for i, family in enumerate(rng.sample(self.families, n_diseases)):
            organ = rng.choice(_ORGANS)
            name = f"{family.symbol}-positive synthetic {organ} carcinoma"
            self.diseases.append(self._add(
                "disease", i + 1, ("Disease",), name, name,
                f"A synthetic {organ} carcinoma whose material basis is a {family.symbol} rearrangement, "
                "generated for benchmarking.",
                facts=[("alkkg:hasMaterialBasisIn", family.rearrangement.local)], family=family.index))
        self.tumors = self._tumors(n_tumors)
        self.populations = self._populations(n_populations)

    # -- construction --------------------------------------------------------------------------
    def _add(self, kind: str, number: int, classes: tuple[str, ...], label: str, text: str, definition: str,
             *, synonyms: tuple[str, ...] = (), match: str | None = None,
             facts: list[tuple[str, str]] | None = None, family: int | None = None,
             drug: _Entity | None = None, disease: _Entity | None = None, sub: str = "") -> _Entity:
        entity = _Entity(f"synth-{kind}-{number:04d}", classes, label, text, definition, synonyms, match,
                         facts or [], family, drug, disease, sub)
        self.by_kind.setdefault(kind, []).append(entity)
        return entity

    def _family(self, i: int, symbol: str) -> _Family:
        protein_class = self.rng.choice(("Protein", "ProteinKinase", "ReceptorTyrosineKinase"))
        digits = f"{i:04d}"
        domain = self._add("kinase-domain", i, ("KinaseDomain",), f"{symbol} tyrosine kinase domain",
                           f"the {symbol} tyrosine kinase domain",
                           f"The tyrosine kinase domain of the synthetic protein {symbol}, generated for benchmarking.",
                           family=i)
        protein = self._add(
            "protein", i, (protein_class,), f"{symbol} protein", symbol,
            f"The synthetic protein {symbol}, a placeholder kinase generated for benchmarking; it names no real protein.",
            synonyms=(symbol, f"{symbol} kinase"),
            match=f"<https://identifiers.org/uniprot:X9SYN{digits[0]}Z{digits[1:]}>",
            facts=[("alkkg:hasDomain", domain.local)], family=i)
        gene = self._add(
            "gene", i, ("Gene",), f"{symbol} gene", f"the {symbol} gene",
            f"The synthetic gene {symbol}, a placeholder generated for benchmarking; it names no real gene.",
            synonyms=(symbol, f"synthetic gene {symbol}"), match=f"<https://identifiers.org/hgnc:99{digits}>",
            facts=[("alkkg:encodes", protein.local)], family=i)
        mutation = self._add(
            "mutation", i, ("AcquiredMutation",), f"{symbol} kinase domain mutation",
            f"an acquired mutation within the {symbol} tyrosine kinase domain",
            f"A synthetic acquired mutation in the part of the {symbol} gene that encodes its kinase domain, "
            "generated for benchmarking.",
            facts=[("alkkg:altersGene", gene.local), ("alkkg:locatedInDomain", domain.local)], family=i)
        amplification = self._add(
            "amplification", i, ("GeneAmplification",), f"{symbol} gene amplification",
            f"amplification of the {symbol} gene",
            f"A synthetic increase in the copy number of the {symbol} gene, generated for benchmarking.",
            facts=[("alkkg:altersGene", gene.local)], family=i)
        rearrangement = self._add(
            "rearrangement", i, ("ChromosomalRearrangement",), f"{symbol} rearrangement",
            f"{symbol} rearrangement",
            f"A synthetic chromosomal rearrangement involving the {symbol} gene, generated for benchmarking.",
            facts=[("alkkg:altersGene", gene.local)], family=i)
        drug_class = self._add(
            "drug-class", i, ("DrugClass",), f"{symbol} inhibitors", f"{symbol} inhibitors",
            f"The synthetic class of drugs that inhibit the kinase activity of {symbol}, generated for benchmarking.",
            synonyms=(f"{symbol} inhibitor",), family=i)
        return _Family(i, symbol, gene, protein, domain, mutation, amplification, rearrangement, drug_class)

    def _drug(self, i: int, name: str) -> _Entity:
        code = "XSD-" + "".join(_FAMILY_LETTERS[(i // 26 ** k) % 26] for k in (2, 1, 0))
        drug = self._add("drug", i, ("Drug",), name, name,
                         f"The synthetic drug {name}, a placeholder small molecule generated for benchmarking; "
                         "it names no real compound.",
                         synonyms=(code,), match=f"obo:CHEBI_{99900000 + i}",
                         family=self.rng.randrange(len(self.families)) + 1)
        return drug

    def _tumors(self, count: int) -> list[_Entity]:
        candidates: list[tuple[str, int]] = [("rearranged", f.index) for f in self.families]
        candidates += [("sensitive", i) for i in range(len(self.drugs))]
        candidates += [("resistant", i) for i in range(len(self.drugs))]
        self.rng.shuffle(candidates)
        # every kind at least once, then the shuffled rest
        firsts = [next(c for c in candidates if c[0] == kind) for kind in ("rearranged", "sensitive", "resistant")]
        chosen = firsts + [c for c in candidates if c not in firsts][: count - len(firsts)]
        tumors = []
        for number, (kind, ref) in enumerate(chosen, start=1):
            if kind == "rearranged":
                family = self.family(ref)
                tumors.append(self._add(
                    "tumor", number, ("Tumor",), f"{family.symbol}-rearranged synthetic tumor",
                    f"{family.symbol}-rearranged tumors",
                    f"A synthetic tumour that carries a {family.symbol} rearrangement, considered as a kind, "
                    "generated for benchmarking.",
                    facts=[("alkkg:hasMaterialBasisIn", family.rearrangement.local)], family=family.index,
                    sub=kind))
            else:
                drug = self.drugs[ref]
                relation = "alkkg:sensitiveTo" if kind == "sensitive" else "alkkg:resistantTo"
                tumors.append(self._add(
                    "tumor", number, ("Tumor",), f"{drug.text}-{kind} synthetic tumor", f"{drug.text}-{kind} tumors",
                    f"A synthetic tumour that is {kind} to {drug.text}, grown in a xenograft model, generated "
                    "for benchmarking.",
                    facts=[(relation, drug.local), ("alkkg:modelledIn", "xenograft-model")], drug=drug, sub=kind))
        return tumors

    def _populations(self, count: int) -> list[_Entity]:
        kinds = ("advanced", "naive", "progressed", "treated", "resistant")
        seen: set[tuple[str, str, str]] = set()
        populations: list[_Entity] = []
        attempts = 0
        while len(populations) < count and attempts < count * 20:
            attempts += 1
            kind = kinds[len(populations)] if len(populations) < len(kinds) else self.rng.choice(kinds)
            disease = self.rng.choice(self.diseases)
            drug = self.rng.choice(self.drugs)
            key = (kind, disease.local, drug.local if kind != "advanced" else "")
            if key in seen:
                continue
            seen.add(key)
            d, x = disease.text, drug.text
            label, text, facts, classes = {
                "advanced": (f"patients with advanced {d}", f"patients with advanced {d}", [],
                             ("AdvancedDiseasePopulation",)),
                "naive": (f"{x}-naive patients with {d}", f"{x}-naive patients with {d}",
                          [("alkkg:notPreviouslyTreatedWith", drug.local)], ("PatientPopulation",)),
                "progressed": (f"patients with {d} who progressed on {x}", f"patients with {d} who progressed on {x}",
                               [("alkkg:progressedOn", drug.local)], ("PatientPopulation",)),
                "treated": (f"patients with {d} treated with {x}", f"patients with {d} treated with {x}",
                            [("alkkg:treatedWith", drug.local)], ("PatientPopulation",)),
                "resistant": (f"patients with {x}-resistant {d}", f"patients with {x}-resistant {d}",
                              [("alkkg:resistantTo", drug.local)], ("PatientPopulation",)),
            }[kind]
            populations.append(self._add(
                "population", len(populations) + 1, classes, label, text,
                f"Synthetic {label}, a patient population generated for benchmarking.",
                facts=[("alkkg:hasCondition", disease.local), *facts],
                drug=drug if kind != "advanced" else None, disease=disease, sub=kind))
        return populations

    # -- lookups -------------------------------------------------------------------------------
    def family(self, index: int | None) -> _Family:
        return self.families[(index or 1) - 1]

    def entities(self) -> list[_Entity]:
        return [e for kind in sorted(self.by_kind) for e in self.by_kind[kind]]

    def turtle(self, n_claims: int, seed: int) -> str:
        """The synthetic section appended to the ontology."""
        rule = "# " + "=" * 97
        out = ["", "", rule,
               f"# Synthetic benchmark entities: written by `alkkg synth --claims {n_claims} --seed {seed}`.",
               "# Every name and identifier below is a PLACEHOLDER (pattern-valid, not a real record); nothing",
               "# here describes a real gene, protein, drug, disease or patient population.",
               rule, ""]
        for kind in sorted(self.by_kind):
            out.append(f"# --- synthetic {kind} entities")
            out.append("")
            for e in self.by_kind[kind]:
                types = ", ".join(["owl:NamedIndividual", *(f"alkkg:{c}" for c in e.classes)])
                lines = [f"alkkge:{e.local} a {types} ;", f"    rdfs:label {_ttl(e.label)} ;"]
                if e.synonyms:
                    lines.append(f"    skos:altLabel {', '.join(_ttl(s) for s in e.synonyms)} ;")
                if e.match:
                    lines.append(f"    skos:exactMatch {e.match} ;")
                for prop, obj in e.facts:
                    lines.append(f"    {prop} alkkge:{obj} ;")
                lines.append(f"    rdfs:comment {_ttl(PLACEHOLDER_COMMENT)} ;")
                lines.append(f"    obo:IAO_0000115 {_ttl(e.definition)} .")
                out.extend(lines)
                out.append("")
        out.append("# No unique-name assumption in OWL: the synthetic entities of each kind are declared distinct")
        out.append("# (entities of disjoint classes are distinct already). Long RDF lists are slow to canonicalise")
        out.append(f"# and overflow the stack: a kind of more than {ALL_DIFFERENT_MAX} entities is cut in blocks, with one")
        out.append("# list for each pair of blocks, so that every two entities of a kind still share a list.")
        for kind in sorted(self.by_kind):
            for members in _distinct_lists(self.by_kind[kind]):
                body = "\n".join("        " + " ".join(f"alkkge:{e.local}" for e in members[i:i + 4])
                                 for i in range(0, len(members), 4))
                out.append(f"[] a owl:AllDifferent ;\n    owl:distinctMembers (\n{body} ) .")
        return "\n".join(out) + "\n"


def _distinct_lists(members: list[_Entity]) -> list[list[_Entity]]:
    """owl:AllDifferent lists of at most ALL_DIFFERENT_MAX members in which every pair of *members* meets.

    For 250 members: blocks of 50, and one list of 100 for each of the 10 pairs of blocks.
    """
    if len(members) < 2:
        return []
    if len(members) <= ALL_DIFFERENT_MAX:
        return [members]
    half = ALL_DIFFERENT_MAX // 2
    blocks = [members[i:i + half] for i in range(0, len(members), half)]
    return [blocks[i] + blocks[j] for i in range(len(blocks)) for j in range(i + 1, len(blocks))]


def _ttl(text: str) -> str:
    """An English Turtle literal."""
    return json.dumps(text, ensure_ascii=False) + "@en"


# ----------------------------------------------------------------------------------- consistency

class _Ledger:
    """What the whole corpus asserts, denies and hedges, so that no claim contradicts another."""

    def __init__(self, world: _World) -> None:
        self.asserted: set[tuple[str, str, str]] = set()
        self.negated: set[tuple[str, str, str]] = set()
        self.hedged: set[tuple[str, str, str]] = set()
        #: triples whose assertion the ontology's background would contradict (resistant, so never
        #: sensitive: alkkg:resistantTo is owl:propertyDisjointWith alkkg:sensitiveTo)
        self.forbidden: set[tuple[str, str, str]] = set()
        for entity in world.entities():
            for prop, obj in entity.facts:
                if prop == "alkkg:sensitiveTo":
                    self.asserted.add((entity.local, "sensitiveTo", obj))
                if prop == "alkkg:resistantTo":
                    self.forbidden.add((entity.local, "sensitiveTo", obj))

    def take(self, subject: str, predicate: str, obj: str, mode: str) -> bool:
        """Record a claim's triple in *mode* (asserted, negated, hedged) if no other claim contradicts it."""
        triple = (subject, predicate, obj)
        if mode == "asserted":
            if triple in self.negated or triple in self.hedged or triple in self.forbidden:
                return False
            self.asserted.add(triple)
        elif mode == "negated":
            if triple in self.asserted or triple in self.hedged:
                return False
            self.negated.add(triple)
        else:
            if triple in self.asserted or triple in self.negated or triple in self.forbidden:
                return False
            self.hedged.add(triple)
        return True


# -------------------------------------------------------------------------------------- documents

@dataclass
class _Draft:
    """One claim of a sentence being written; its quote is a span of the sentence."""

    span: tuple[int, int]
    kind: str
    statement: str
    subject: str
    predicate: str
    obj: str | None = None
    polarity: str = "asserted"
    modality: str = "stated"
    evidence: list[str] = field(default_factory=list)
    qualifiers: list[tuple[str, str]] = field(default_factory=list)
    measurement: list[tuple[str, str]] | None = None  # YAML key, YAML value (already written)
    rests_on: list[str] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # text, entity


@dataclass
class _Claim:
    """A finished claim: its draft, placed in the text."""

    id: str
    sentence: int
    quote: str
    start: int | None
    cites: list[int]
    draft: _Draft


class _Sentence:
    """Builds one sentence, handing out the spans of what it appends."""

    def __init__(self) -> None:
        self.text = ""
        self.drafts: list[_Draft] = []
        self.cohort: str | None = None  # a number no claim carries (acknowledged)
        self.marker = True  # whether the sentence may carry a citation marker

    def add(self, piece: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        return start, len(self.text)

    def begin(self, piece: str) -> tuple[int, int]:
        """Append *piece*, capitalised when it opens the sentence."""
        return self.add(piece[0].upper() + piece[1:] if not self.text else piece)

    def listing(self, items: Sequence[str], conjunction: str = "and") -> list[tuple[int, int]]:
        spans = []
        for k, item in enumerate(items):
            if k:
                self.add(f" {conjunction} " if k == len(items) - 1 else ", ")
            spans.append(self.add(item))
        return spans


def _slug(local: str) -> str:
    return local.removeprefix("synth-").replace(":", "-").lower()


class _Writer:
    """Writes the sentences and claims of one document."""

    def __init__(self, corpus: _Corpus, doc_id: str, size: int, authors: list[tuple[str, str]],
                 first: bool = False) -> None:
        self.corpus = corpus
        self.first = first
        self.world = corpus.world
        self.rng = corpus.rng
        self.ledger = corpus.ledger
        self.doc_id = doc_id
        self.size = size
        self.authors = authors
        self.sentences: list[str] = []
        self.claims: list[_Claim] = []
        self.acknowledged: list[tuple[str, int, str, str]] = []
        self.offset = 0
        self.next_reference = self.rng.randint(1, 6)
        self.references: list[int] = []
        self.ids: set[str] = set()

    # -- the document ---------------------------------------------------------------------------
    def write(self) -> None:
        templates = self.corpus.templates
        names = [name for name, _ in templates]
        weights = [weight for _, weight in templates]
        # Most documents close, as the real excerpt does, with a hedged conclusion resting on what
        # they stated; the first document also denies something early, so that every corpus, however
        # small, has negated, hedged and rests_on claims.
        closing = 1 if self.first or self.rng.random() < 0.6 else 0
        forced = ["negation"] if self.first else []
        if self.rng.random() < 0.25:
            self.finish(self.t_byline(min(self.size - closing, SENTENCE_CLAIMS)))
        while len(self.claims) < self.size - closing:
            budget = min(self.size - closing - len(self.claims), SENTENCE_CLAIMS)
            name = forced.pop() if forced else self.rng.choices(names, weights)[0]
            sentence = getattr(self, f"t_{name}")(budget)
            if sentence is None or not sentence.drafts:
                sentence = self.t_growth(budget)
            self.finish(sentence)
        if closing:
            self.finish(self.t_hedged(1) or self.t_growth(1))
        text = " ".join(self.sentences)
        split = split_sentences(text)
        if [s.text for s in split] != self.sentences:  # a template broke the sentence rules: a bug
            wrong = next((a for a, b in zip(self.sentences, [s.text for s in split], strict=False) if a != b), "")
            raise AssertionError(f"{self.doc_id}: generated sentence {wrong!r} does not split back as written")

    def finish(self, sentence: _Sentence | None) -> None:
        if sentence is None or not sentence.drafts:
            return
        rng = self.rng
        number = len(self.sentences) + 1
        body = sentence.text
        if not (body[0].isupper() and body.endswith(".")):
            raise AssertionError(f"{self.doc_id}: sentence {number} is malformed: {body!r}")
        references: list[int] = []
        if sentence.marker and rng.random() < 0.75:
            references = self.citation()
            body += _marker(references)
        acknowledged_marker = bool(references) and rng.random() < 0.03
        if acknowledged_marker:
            self.acknowledged.append(("citation-marker", number, _marker(references),
                                      "synthetic marker left uncited on purpose, to exercise acknowledged "
                                      "citation markers"))
        if sentence.cohort is not None:
            self.acknowledged.append(("number", number, sentence.cohort,
                                      "the size of the cohort; no claim is made about it"))
        for k, draft in enumerate(sentence.drafts):
            a, b = draft.span
            quote = body[a:b]
            start = self.offset + a if body.count(quote) > 1 else None
            cites: list[int] = []
            if references and not acknowledged_marker:
                if k == 0 or rng.random() < 0.7:
                    cites = list(references)
                else:
                    cites = sorted(rng.sample(references, rng.randint(1, len(references))))
            base = f"s{number:02d}-{draft.kind.split('/')[0]}-" + "-".join(
                _slug(x) for x in (draft.subject, draft.obj or (draft.measurement or [("", "m")])[0][1]) if x)
            claim_id = base
            counter = 2
            while claim_id in self.ids:
                claim_id = f"{base}-{counter}"
                counter += 1
            self.ids.add(claim_id)
            self.claims.append(_Claim(claim_id, number, quote, start, cites, draft))
        self.sentences.append(body)
        self.offset += len(body) + 1

    def citation(self) -> list[int]:
        """The references of a new citation marker: new ones, sometimes with earlier ones."""
        rng = self.rng
        count = rng.choice((1, 1, 1, 2, 2, 3, 4, 5))
        fresh = list(range(self.next_reference, self.next_reference + count))
        self.next_reference += count + (1 if rng.random() < 0.1 else 0)
        earlier = [r for r in self.references if r not in fresh]
        refs = set(fresh)
        if earlier and rng.random() < 0.3:
            refs.update(rng.sample(earlier, min(len(earlier), rng.randint(1, 2))))
        self.references.extend(r for r in fresh if r not in self.references)
        return sorted(refs)

    def earlier(self, subject: str | None, limit: int = 5) -> list[str]:
        """Ids of earlier stated claims of this document, about *subject* when there are any."""
        stated = [c for c in self.claims if c.draft.modality == "stated"]
        about = [c.id for c in stated if c.draft.subject == subject]
        return about[-limit:] if about else [c.id for c in stated[-min(limit, 2):]]

    def lead(self, sentence: _Sentence) -> None:
        if self.rng.random() < 0.15:
            sentence.add(self.rng.choice(_LEADS))

    # -- pickers ----------------------------------------------------------------------------------
    def drug(self) -> _Entity:
        return self.rng.choice(self.world.drugs)

    def population(self, *kinds: str) -> _Entity:
        pool = [p for p in self.world.populations if p.kind in kinds] or self.world.populations
        return self.rng.choice(pool)

    def others(self, exclude: _Family) -> list[_Family]:
        return [f for f in self.world.families if f is not exclude]

    # -- templates: each returns a sentence with 1..budget claims, or None ------------------------
    def t_byline(self, budget: int) -> _Sentence | None:
        s = _Sentence()
        s.add("This synthetic report was written by ")
        chosen = self.authors[: min(budget, len(self.authors), 3)]
        spans = s.listing([name for _, name in chosen])
        s.add(".")
        s.marker = False
        for (author_id, name), span in zip(chosen, spans, strict=True):
            s.drafts.append(_Draft(span, "authorship", f"{name} is an author of the document.", "document",
                                   "hasAuthor", f"author:{author_id}", evidence=["byline"]))
        return s

    def t_inhibition(self, budget: int) -> _Sentence | None:
        rng, drug = self.rng, self.drug()
        family = self.world.family(drug.family)
        candidates = [family] + rng.sample(self.others(family), min(3, len(self.world.families) - 1))
        targets = [f for f in candidates if self.ledger.take(drug.local, "inhibits", f.protein.local, "asserted")]
        targets = targets[: rng.randint(1, min(3, budget))]
        if not targets:
            return None
        s = _Sentence()
        self.lead(s)
        setting = rng.choice(("", "", "enzymatic", "cell"))
        qualifiers: list[tuple[str, str]] = []
        evidence: list[str] = []
        where = ""
        if setting == "enzymatic":
            s.begin("in enzymatic assays, ")
            qualifiers, evidence, where = [("assay", "enzymatic-assay")], ["enzymatic-assay"], " in enzymatic assays"
        elif setting == "cell":
            s.begin("in cell-based studies, ")
            evidence, where = ["preclinical-study"], " in cell-based studies"
        potent = rng.random() < 0.3
        if potent:
            qualifiers = [*qualifiers, ("degree", "potent")]
        start, _ = s.begin(f"{drug.text} {'potently inhibits' if potent else 'inhibits'} the kinase activity of ")
        spans = s.listing([f.protein.text for f in targets])
        s.add(".")
        for k, (f, span) in enumerate(zip(targets, spans, strict=True)):
            quote = (start, span[1]) if k == 0 or rng.random() < 0.5 else span
            s.drafts.append(_Draft(quote, "inhibition", f"{drug.text} {'potently ' if potent else ''}inhibits the "
                                   f"kinase activity of the {f.symbol} protein{where}.", drug.local, "inhibits",
                                   f.protein.local, evidence=list(evidence), qualifiers=list(qualifiers)))
        return s

    def t_negation(self, budget: int) -> _Sentence | None:
        variant = self.rng.choice(("contrast", "contrast", "contrast", "antitumor", "response", "resistance",
                                   "sensitivity"))
        return getattr(self, f"_negation_{variant}")(budget)

    def _negation_contrast(self, budget: int) -> _Sentence | None:
        rng, ledger = self.rng, self.ledger
        drug = self.drug()
        own = self.world.family(drug.family)
        pool = self.others(own)
        if not pool:
            return None
        target = rng.choice(pool)
        if not ledger.take(drug.local, "inhibits", target.protein.local, "negated"):
            return None
        s = _Sentence()
        contrast = None
        if budget >= 2 and rng.random() < 0.6:
            other = rng.choice([d for d in self.world.drugs if d is not drug])
            if ledger.take(other.local, "inhibits", target.protein.local, "asserted"):
                contrast = other
        whole_start = 0
        if contrast is not None:
            s.begin(f"unlike {contrast.text}, ")
        negated = s.begin(f"{drug.text} does not inhibit the kinase activity of {target.protein.text}")
        whole = (whole_start, negated[1])
        extra = None
        if budget - (2 if contrast else 1) >= 1 and rng.random() < 0.5 and ledger.take(
                drug.local, "inhibits", own.protein.local, "asserted"):
            s.add("; however, ")
            extra = s.add(f"it inhibits {own.protein.text}")
        s.add(".")
        evidence = ["preclinical-study"]
        s.drafts.append(_Draft(negated, "inhibition", f"{drug.text} does not inhibit the kinase activity of the "
                               f"{target.symbol} protein.", drug.local, "inhibits", target.protein.local,
                               polarity="negated", evidence=evidence))
        if contrast is not None:
            s.drafts.append(_Draft(whole, "inhibition", f"{contrast.text} inhibits the kinase activity of the "
                                   f"{target.symbol} protein (implied by the contrast with {drug.text}).",
                                   contrast.local, "inhibits", target.protein.local, evidence=list(evidence)))
        if extra is not None:
            s.drafts.append(_Draft(extra, "inhibition", f"{drug.text} inhibits the kinase activity of the "
                                   f"{own.symbol} protein.", drug.local, "inhibits", own.protein.local,
                                   evidence=list(evidence)))
        return s

    def _negation_antitumor(self, budget: int) -> _Sentence | None:
        drug, tumor = self.drug(), self.rng.choice(self.world.tumors)
        if not self.ledger.take(drug.local, "hasAntitumorActivityAgainst", tumor.local, "negated"):
            return None
        s = _Sentence()
        span = s.begin(f"{drug.text} showed no antitumor activity against {tumor.text}")
        s.add(" in xenograft models.")
        s.drafts.append(_Draft(span, "antitumor-activity", f"{drug.text} has no antitumor activity against "
                               f"{tumor.text} in xenograft models.", drug.local, "hasAntitumorActivityAgainst",
                               tumor.local, polarity="negated", evidence=["xenograft-model", "preclinical-study"],
                               qualifiers=[("model", "xenograft-model")]))
        return s

    def _negation_response(self, budget: int) -> _Sentence | None:
        drug, population = self.drug(), self.population("advanced", "resistant", "progressed")
        if not self.ledger.take(population.local, "respondsTo", drug.local, "negated"):
            return None
        s = _Sentence()
        self.lead(s)
        span = s.begin(f"{population.text} did not respond to {drug.text}")
        s.add(".")
        s.drafts.append(_Draft(span, "response", f"{population.label} do not respond to {drug.text}.",
                               population.local, "respondsTo", drug.local, polarity="negated",
                               evidence=["clinical-study"]))
        return s

    def _negation_resistance(self, budget: int) -> _Sentence | None:
        drug = self.drug()
        family = self.rng.choice(self.world.families)
        mechanism = self.rng.choice((family.mutation, family.amplification))
        if not self.ledger.take(mechanism.local, "confersResistanceTo", drug.local, "negated"):
            return None
        s = _Sentence()
        span = s.begin(f"{mechanism.text} does not confer resistance to {drug.text}")
        s.add(".")
        s.drafts.append(_Draft(span, "resistance", f"The {mechanism.label} does not confer resistance to "
                               f"{drug.text}.", mechanism.local, "confersResistanceTo", drug.local,
                               polarity="negated", evidence=["preclinical-study"]))
        return s

    def _negation_sensitivity(self, budget: int) -> _Sentence | None:
        drug, tumor = self.drug(), self.rng.choice(self.world.tumors)
        if not self.ledger.take(tumor.local, "sensitiveTo", drug.local, "negated"):
            return None
        s = _Sentence()
        span = s.begin(f"{tumor.text} are not sensitive to {drug.text}")
        s.add(".")
        s.drafts.append(_Draft(span, "sensitivity", f"{tumor.label}s are not sensitive to {drug.text}.",
                               tumor.local, "sensitiveTo", drug.local, polarity="negated",
                               evidence=["preclinical-study"]))
        return s

    def t_activation(self, budget: int) -> _Sentence | None:
        rng, ledger, family = self.rng, self.ledger, self.rng.choice(self.world.families)
        options = [(family.mutation, "mutation"), (family.amplification, "gene amplification"),
                   (family.rearrangement, "chromosomal rearrangement")]
        chosen = [o for o in options if rng.random() < 0.7] or [rng.choice(options)]
        chosen = [o for o in chosen if ledger.take(o[0].local, "activates", family.gene.local, "asserted")]
        chosen = chosen[:budget]
        if not chosen:
            return None
        s = _Sentence()
        self.lead(s)
        start, _ = s.begin(f"{family.symbol} can be aberrantly activated by ")
        spans = s.listing([word for _, word in chosen], "or")
        left = budget - len(chosen)
        # "..., leading to the expression of a potent oncogenic driver": which alterations lead to
        # the expression of the protein, and the protein's role, as far as the budget goes
        expressed = [(o, span) for o, span in zip(chosen, spans, strict=True)
                     if ledger.take(o[0].local, "leadsToExpressionOf", family.protein.local, "asserted")]
        expressed = expressed[: rng.randint(1, left)] if left >= 1 and rng.random() < 0.6 else []
        role = len(expressed) < left and ledger.take(family.protein.local, "hasRole", "oncogenic-driver-role",
                                                     "asserted")
        clause = None
        if expressed or role:
            s.add(", leading to the expression of ")
            clause = s.add("a potent oncogenic driver")
        s.add(".")
        for k, ((alteration, word), span) in enumerate(zip(chosen, spans, strict=True)):
            quote = (start, span[1]) if k == 0 else span
            s.drafts.append(_Draft(quote, "activation", f"{family.symbol} can be aberrantly activated by {word}.",
                                   alteration.local, "activates", family.gene.local,
                                   qualifiers=[("degree", "aberrant")]))
        if clause is not None:
            for (alteration, word), span in expressed:
                s.drafts.append(_Draft((span[0], clause[1]), "expression", f"Aberrant activation of {family.symbol} "
                                       f"by {word} leads to the expression of the {family.symbol} protein, a potent "
                                       "oncogenic driver.", alteration.local, "leadsToExpressionOf",
                                       family.protein.local, qualifiers=[("degree", "potent")]))
            if role:
                s.drafts.append(_Draft(clause, "role", f"The {family.symbol} protein is a potent oncogenic driver.",
                                       family.protein.local, "hasRole", "oncogenic-driver-role",
                                       qualifiers=[("degree", "potent")]))
        return s

    def t_dependency(self, budget: int) -> _Sentence | None:
        rng, ledger = self.rng, self.ledger
        tumor = rng.choice([t for t in self.world.tumors if t.kind == "rearranged"])
        family = self.world.family(tumor.family)
        if not ledger.take(tumor.local, "dependsOn", family.protein.local, "asserted"):
            return None
        s = _Sentence()
        first = s.begin(f"{tumor.text} depend on {family.symbol} for growth and survival")
        s.drafts.append(_Draft(first, "dependency", f"{tumor.label}s depend on the {family.symbol} protein for "
                               "growth and survival.", tumor.local, "dependsOn", family.protein.local,
                               qualifiers=[("context", "growth-and-survival")]))
        members = [d for d in self.world.drugs if d.family == family.index]
        drug = self.drug()
        if budget >= 2 and members and rng.random() < 0.6 and ledger.take(
                tumor.local, "sensitiveTo", family.drug_class.local, "asserted"):
            member = rng.choice(members)
            s.add(" and ")
            span = s.add(f"show marked sensitivity to {family.symbol} inhibitors such as {member.text}")
            example = (span[0] + len("show marked sensitivity to "), span[1])
            s.drafts.append(_Draft(span, "sensitivity", f"{tumor.label}s show marked sensitivity to "
                                   f"{family.symbol} inhibitors.", tumor.local, "sensitiveTo",
                                   family.drug_class.local, qualifiers=[("degree", "marked")]))
            if len(s.drafts) < budget and ledger.take(member.local, "memberOfDrugClass", family.drug_class.local,
                                                      "asserted"):
                s.drafts.append(_Draft(example, "drug-class", f"{member.text} is one of the {family.symbol} "
                                       "inhibitors.", member.local, "memberOfDrugClass", family.drug_class.local))
            if len(s.drafts) < budget and ledger.take(member.local, "inhibits", family.protein.local, "asserted"):
                s.drafts.append(_Draft(example, "inhibition", f"{member.text} inhibits the {family.symbol} protein.",
                                       member.local, "inhibits", family.protein.local))
        elif budget >= 2 and ledger.take(tumor.local, "sensitiveTo", drug.local, "asserted"):
            s.add(" and ")
            span = s.add(f"show marked sensitivity to {drug.text}")
            s.drafts.append(_Draft(span, "sensitivity", f"{tumor.label}s show marked sensitivity to {drug.text}.",
                                   tumor.local, "sensitiveTo", drug.local, qualifiers=[("degree", "marked")],
                                   evidence=["preclinical-study"]))
        s.add(".")
        return s

    def _mechanisms(self, drug: _Entity, count: int) -> list[_Entity]:
        family = self.world.family(drug.family)
        pool = [family.mutation, family.amplification]
        pool += [f.mechanism for f in self.world.families if f.mechanism is not None]
        picked = self.rng.sample(pool, min(count, len(pool)))
        return sorted(picked, key=pool.index)

    def t_resistance(self, budget: int) -> _Sentence | None:
        rng, drug = self.rng, self.drug()
        disease = rng.choice(self.world.diseases)
        mechanisms = [m for m in self._mechanisms(drug, rng.randint(1, min(3, budget)))
                      if self.ledger.take(m.local, "confersResistanceTo", drug.local, "asserted")]
        if not mechanisms:
            return None
        s = _Sentence()
        self.lead(s)
        s.begin(f"in patients with {disease.text}, ")
        start, _ = s.add(f"resistance to {drug.text} can arise from ")
        spans = s.listing([m.text for m in mechanisms], "or")
        s.add(".")
        rests = self.earlier(drug.local, 2) if rng.random() < 0.2 else []
        for k, (mechanism, span) in enumerate(zip(mechanisms, spans, strict=True)):
            s.drafts.append(_Draft((start, span[1]) if k == 0 else span, "resistance",
                                   f"The {mechanism.label} confers resistance to {drug.text} in patients with "
                                   f"{disease.text}.", mechanism.local, "confersResistanceTo", drug.local,
                                   evidence=["clinical-study"], qualifiers=[("disease", disease.local)],
                                   rests_on=list(rests)))
        return s

    def t_relapse(self, budget: int) -> _Sentence | None:
        rng = self.rng
        population = self.population("treated", "progressed", "advanced")
        drug = population.drug or self.drug()
        s = _Sentence()
        responses = budget >= 2 and rng.random() < 0.6 and self.ledger.take(
            population.local, "respondsTo", drug.local, "asserted")
        response = None
        if responses:
            s.begin("despite initial responses to ")
            response = s.add(drug.text)
            response = (response[0] - len("initial responses to "), response[1])
            s.add(", ")
        window = rng.choice((6, 9, 12, 12, 18, 24))
        if rng.random() < 0.5:
            span = s.begin(f"the majority of {population.text} have a relapse within {window} months")
            measurement = [("type", "RelapseProportion"), ("numerator", "1"), ("denominator", "2"),
                           ("unit", "proportion"), ("lower_bound", "true"), ("approximate", "true"),
                           ("within", f"{{value: {window}, unit: month}}")]
            amount = "the majority (more than half)"
        else:
            total = rng.randint(4, 12)
            part = rng.randint(1, total - 1)
            if not s.text:  # a sentence starts with a capital letter, never a number
                s.add(rng.choice(("Overall, ", "In these studies, ", "During follow-up, ")))
            span = s.add(f"{part} of {total} {population.text} have a relapse within {window} months")
            measurement = [("type", "RelapseProportion"), ("numerator", str(part)), ("denominator", str(total)),
                           ("unit", "proportion"), ("within", f"{{value: {window}, unit: month}}")]
            amount = f"{part} of {total}"
        causes = None
        resistance = self.world.resistances[self.world.drugs.index(drug)]
        if (3 if responses else 2) <= budget and rng.random() < 0.7 and self.ledger.take(
                resistance.local, "causes", "relapse", "asserted"):
            s.add(", ")
            causes = s.add("owing to the development of resistance")
        s.add(".")
        s.drafts.append(_Draft(span, "measurement/RelapseProportion", f"{amount} of {population.label} on "
                               f"{drug.text} relapse within {window} months.", population.local, "hasMeasurement",
                               evidence=["clinical-study"], qualifiers=[("drug", drug.local), ("context", "relapse")],
                               measurement=measurement))
        if response is not None:
            s.drafts.append(_Draft(response, "response", f"{population.label} show initial responses to {drug.text}.",
                                   population.local, "respondsTo", drug.local, evidence=["clinical-study"],
                                   qualifiers=[("context", "initial-response")]))
        if causes is not None:
            s.drafts.append(_Draft(causes, "causation", f"Relapse on {drug.text} is owing to the development of "
                                   f"acquired resistance to {drug.text}.", resistance.local, "causes", "relapse",
                                   evidence=["clinical-study"]))
        return s

    def t_unchanged(self, budget: int) -> _Sentence | None:
        rng = self.rng
        population = self.population("resistant")
        if population.kind != "resistant" or population.drug is None:
            return None
        drug = population.drug
        family = self.world.family(drug.family)
        if not self.ledger.take(family.gene.local, "unchangedIn", population.local, "asserted"):
            return None
        s = _Sentence()
        s.begin(f"in the rest of the {drug.text}-resistant cases, ")
        span = s.add(f"the {family.symbol} gene is unchanged")
        s.drafts.append(_Draft(span, "unchanged", f"In the remaining {drug.text}-resistant cases, the "
                               f"{family.symbol} gene is unaltered.", family.gene.local, "unchangedIn",
                               population.local, evidence=["clinical-study"]))
        bypass = [f.mechanism for f in self.world.families if f.mechanism is not None and f is not family]
        if budget >= 2 and bypass:
            mechanism = rng.choice(bypass)
            if self.ledger.take(mechanism.local, "confersResistanceTo", drug.local, "asserted"):
                s.add(", and resistance mechanisms such as ")
                reported = s.add(f"{mechanism.text} have been reported")
                s.drafts.append(_Draft(reported, "resistance", f"In the remaining {drug.text}-resistant cases, "
                                       f"{mechanism.label} confers resistance to {drug.text}.", mechanism.local,
                                       "confersResistanceTo", drug.local, evidence=["clinical-study"],
                                       qualifiers=[("population", population.local)]))
        s.add(".")
        return s

    def t_options(self, budget: int) -> _Sentence | None:
        rng = self.rng
        population = self.population("progressed")
        options: list[tuple[str, str]] = list(_THERAPIES)
        options += [(d.local, d.text) for d in rng.sample(self.world.drugs, 2) if d is not population.drug]
        chosen = rng.sample(options, rng.randint(1, min(3, budget)))
        chosen = [o for o in chosen if self.ledger.take(population.local, "hasTreatmentOption", o[0], "asserted")]
        if not chosen:
            return None
        s = _Sentence()
        if population.kind == "progressed" and population.drug is not None:
            s.begin(f"treatment options after the failure of {population.drug.text} are limited and include ")
        else:
            s.begin(f"treatment options for {population.text} are limited and include ")
        spans = s.listing([text for _, text in chosen], "or")
        s.add(".")
        rests = self.earlier(None, 1) if rng.random() < 0.2 and self.claims else []
        for (option, text), span in zip(chosen, spans, strict=True):
            s.drafts.append(_Draft(span, "treatment-option", f"Treatment options of {population.label} are limited "
                                   f"and include {text}.", population.local, "hasTreatmentOption", option,
                                   qualifiers=[("degree", "limited")], rests_on=list(rests)))
        return s

    def t_profile(self, budget: int) -> _Sentence | None:
        rng, drug = self.rng, self.drug()
        family = self.world.family(drug.family)
        facts = [("oral", "route"), ("small-molecule", "SmallMoleculeDrug"), ("ATP-competitive", "ATPCompetitiveInhibitor"),
                 ("tyrosine kinase inhibitor", "TyrosineKinaseInhibitor"), ("inhibits", ""), ("class", "")]
        rng.shuffle(facts)
        chosen = {word for word, _ in facts[:budget]}
        adjectives = [a for a in ("oral", "small-molecule", "ATP-competitive") if a in chosen or rng.random() < 0.3]
        s = _Sentence()
        article = "an" if (adjectives or ["tyrosine"])[0][0] in "aeiouAEIOU" else "a"
        s.begin(f"{drug.text} is {article} ")
        spans: dict[str, tuple[int, int]] = {}
        for adjective in adjectives:
            spans[adjective] = s.add(adjective)
            s.add(", ")
        tki = s.add("tyrosine kinase inhibitor")
        s.add(" of ")
        symbol = s.add(family.symbol)
        s.add(".")
        labels = {"oral": "an oral drug", "small-molecule": "a small-molecule drug",
                  "ATP-competitive": "an ATP-competitive inhibitor", "tyrosine kinase inhibitor": "a tyrosine kinase inhibitor"}
        for word, klass in facts[:budget]:
            if word == "oral":
                if self.ledger.take(drug.local, "hasRouteOfAdministration", "oral-route", "asserted"):
                    s.drafts.append(_Draft(spans["oral"], "route", f"{drug.text} is {labels[word]}.", drug.local,
                                           "hasRouteOfAdministration", "oral-route"))
            elif word in labels:
                s.drafts.append(_Draft(spans.get(word, tki), "type", f"{drug.text} is {labels[word]}.", drug.local,
                                       "type", klass))
            elif word == "inhibits":
                if self.ledger.take(drug.local, "inhibits", family.protein.local, "asserted"):
                    s.drafts.append(_Draft((tki[0], symbol[1]), "inhibition", f"{drug.text} inhibits the tyrosine "
                                           f"kinase activity of {family.symbol}.", drug.local, "inhibits",
                                           family.protein.local))
            elif self.ledger.take(drug.local, "memberOfDrugClass", family.drug_class.local, "asserted"):
                s.drafts.append(_Draft((tki[0], symbol[1]), "drug-class", f"{drug.text} is one of the "
                                       f"{family.symbol} inhibitors.", drug.local, "memberOfDrugClass",
                                       family.drug_class.local))
        return s

    def t_antitumor(self, budget: int) -> _Sentence | None:
        rng, drug = self.rng, self.drug()
        disease = rng.choice(self.world.diseases)
        tumors = [t for t in rng.sample(self.world.tumors, min(len(self.world.tumors), 2))
                  if self.ledger.take(drug.local, "hasAntitumorActivityAgainst", t.local, "asserted")]
        tumors = tumors[: rng.randint(1, min(2, budget))]
        if not tumors:
            return None
        s = _Sentence()
        s.begin(f"in xenograft models of {disease.text}, ")
        start, _ = s.add(f"{drug.text} showed marked antitumor activity against {'both ' if len(tumors) > 1 else ''}")
        spans = s.listing([t.text for t in tumors])
        s.add(".")
        for tumor, span in zip(tumors, spans, strict=True):
            s.drafts.append(_Draft((start, span[1]), "antitumor-activity", f"In xenograft models of {disease.text}, "
                                   f"{drug.text} showed marked antitumor activity against {tumor.text}.", drug.local,
                                   "hasAntitumorActivityAgainst", tumor.local,
                                   evidence=["xenograft-model", "preclinical-study"],
                                   qualifiers=[("disease", disease.local), ("model", "xenograft-model"),
                                               ("degree", "marked")]))
        return s

    def t_hedged(self, budget: int) -> _Sentence | None:
        rng, drug = self.rng, self.drug()
        variant = rng.choice(("active", "active", "active", "inhibit", "sensitive"))
        s = _Sentence()
        rests = self.earlier(drug.local)
        if variant == "active":
            pool = [p for p in self.world.populations if p.kind in ("naive", "progressed", "advanced")]
            populations = [p for p in rng.sample(pool, min(2, len(pool)))
                           if self.ledger.take(drug.local, "isActiveIn", p.local, "hedged")]
            populations = populations[: min(budget, rng.randint(1, 2))]
            if not populations:
                return None
            s.begin(rng.choice(("these preclinical studies suggest that ", "these findings suggest that ")))
            start, _ = s.add(f"{drug.text} may be active in ")
            spans = [s.add(populations[0].text)]
            if len(populations) > 1:
                s.add(", and also in ")
                spans.append(s.add(populations[1].text))
            s.add(".")
            s.marker = rng.random() < 0.3
            for population, span in zip(populations, spans, strict=True):
                s.drafts.append(_Draft((start, span[1]), "activity", f"These studies suggest that {drug.text} may be "
                                       f"active in {population.label}.", drug.local, "isActiveIn", population.local,
                                       modality="hedged", evidence=["preclinical-study"], rests_on=list(rests)))
        elif variant == "inhibit":
            family = rng.choice(self.world.families)
            if not self.ledger.take(drug.local, "inhibits", family.protein.local, "hedged"):
                return None
            span = s.begin(f"{drug.text} might also inhibit the kinase activity of {family.symbol}")
            s.add(".")
            s.drafts.append(_Draft(span, "inhibition", f"{drug.text} might also inhibit the kinase activity of the "
                                   f"{family.symbol} protein.", drug.local, "inhibits", family.protein.local,
                                   modality="hedged", evidence=["preclinical-study"], rests_on=list(rests)))
        else:
            tumor = rng.choice(self.world.tumors)
            if not self.ledger.take(tumor.local, "sensitiveTo", drug.local, "hedged"):
                return None
            span = s.begin(f"{tumor.text} may also be sensitive to {drug.text}")
            s.add(".")
            s.drafts.append(_Draft(span, "sensitivity", f"{tumor.label}s may be sensitive to {drug.text}.",
                                   tumor.local, "sensitiveTo", drug.local, modality="hedged",
                                   evidence=["preclinical-study"], rests_on=list(rests)))
        return s

    # -- measurement templates ----------------------------------------------------------------------
    def _percent(self) -> str:
        value = self.rng.randint(8, 92)
        return f"{value}.5" if self.rng.random() < 0.25 else str(value)

    def t_orr(self, budget: int) -> _Sentence | None:
        rng = self.rng
        population = self.population("advanced", "treated", "naive")
        drug = population.drug if population.kind == "treated" and population.drug else self.drug()
        disease = population.disease
        assert disease is not None
        s = _Sentence()
        if rng.random() < 0.2:
            cohort = str(rng.randint(20, 400))
            s.begin(f"in a cohort of {cohort} {population.text}, ")
            s.cohort = cohort
        else:
            s.begin(f"among {population.text}, ")
        value = self._percent()
        approximately = rng.random() < 0.5
        start, _ = s.add(f"{drug.text} has been associated with response rates of ")
        _, end = s.add(f"{'approximately ' if approximately else ''}{value} percent")
        qualifiers = [("population", population.local), ("disease", disease.local)]
        orr = _Draft((start, end), "measurement/ObjectiveResponseRate", f"Among {population.label}, {drug.text} has "
                     f"been associated with response rates of {'approximately ' if approximately else ''}{value} "
                     "percent.", drug.local, "hasMeasurement", evidence=["clinical-study"], qualifiers=qualifiers,
                     measurement=[("type", "ObjectiveResponseRate"), ("value", value), ("unit", "percent"),
                                  *([("approximate", "true")] if approximately else [])])
        if rng.random() < 0.4:
            s.add(" across several studies")
        s.drafts.append(orr)
        if budget >= 2 and rng.random() < 0.6:
            s.add(" and ")
            if rng.random() < 0.6:
                low = rng.randint(3, 14)
                high = low + rng.randint(1, 6)
                span = s.add(f"a median progression-free survival of {low} to {high} months")
                measurement = [("type", "MedianProgressionFreeSurvival"), ("min", str(low)), ("max", str(high)),
                               ("unit", "month")]
                amount = f"{low} to {high} months"
            else:
                months = rng.randint(3, 24)
                value_text = f"{months}.5" if rng.random() < 0.3 else str(months)
                span = s.add(f"a median progression-free survival of {value_text} months")
                measurement = [("type", "MedianProgressionFreeSurvival"), ("value", value_text), ("unit", "month")]
                amount = f"{value_text} months"
            s.drafts.append(_Draft(span, "measurement/MedianProgressionFreeSurvival", f"Among {population.label}, "
                                   f"{drug.text} has been associated with a median progression-free survival of "
                                   f"{amount}.", drug.local, "hasMeasurement", evidence=["clinical-study"],
                                   qualifiers=list(qualifiers), measurement=measurement))
        s.add(".")
        return s

    def t_potency(self, budget: int) -> _Sentence | None:
        rng, drug = self.rng, self.drug()
        comparator = rng.choice([d for d in self.world.drugs if d is not drug])
        family = self.world.family(drug.family)
        fold = rng.choice((2, 3, 5, 8, 10, 12, 15, 20, 25, 40, 50, 100))
        increase = rng.random() < 0.7
        s = _Sentence()
        s.begin("in enzymatic assays, ")
        if increase:
            span = s.add(f"{drug.text} is {fold} times as potent as {comparator.text} against {family.symbol}")
        else:
            span = s.add(f"{drug.text} is {fold} times less potent than {comparator.text} against {family.symbol}")
        s.add(".")
        s.drafts.append(_Draft(span, "measurement/RelativePotency", f"In enzymatic assays, {drug.text} is {fold} times "
                               f"{'as potent as' if increase else 'less potent than'} {comparator.text} against the "
                               f"{family.symbol} protein.", drug.local, "hasMeasurement", evidence=["enzymatic-assay"],
                               qualifiers=[("assay", "enzymatic-assay"), ("comparator", comparator.local),
                                           ("target", family.protein.local)],
                               measurement=[("type", "RelativePotency"), ("value", str(fold)), ("unit", "fold"),
                                            ("direction", "increase" if increase else "decrease")]))
        return s

    def t_selectivity(self, budget: int) -> _Sentence | None:
        rng, drug = self.rng, self.drug()
        main = self.world.family(drug.family)
        others = self.others(main)
        if not others:
            return None
        off = rng.choice(others)
        if not (self.ledger.take(drug.local, "inhibits", off.protein.local, "asserted")
                and self.ledger.take(drug.local, "inhibits", main.protein.local, "asserted")):
            return None
        fold = rng.choice((5, 10, 20, 30, 50, 80, 100, 200))
        s = _Sentence()
        receptor = f"{off.symbol} receptor"
        first = s.begin(f"{drug.text} also inhibits the {receptor}")
        s.add(", although ")
        span = s.add(f"the inhibition of {off.symbol} is less potent than the inhibition of {main.symbol} by a "
                     f"factor of {fold}")
        s.add(".")
        s.drafts.append(_Draft(span, "measurement/Selectivity", f"{drug.text}'s inhibition of the {off.symbol} protein is "
                               f"less potent than its inhibition of the {main.symbol} protein by a factor of {fold}.",
                               drug.local, "hasMeasurement", evidence=["preclinical-study"],
                               qualifiers=[("comparator", main.protein.local), ("target", off.protein.local)],
                               measurement=[("type", "Selectivity"), ("value", str(fold)), ("unit", "fold"),
                                            ("direction", "decrease")]))
        if budget >= 2:
            s.drafts.append(_Draft(first, "inhibition", f"{drug.text} inhibits the {off.symbol} protein.", drug.local,
                                   "inhibits", off.protein.local, evidence=["preclinical-study"],
                                   mentions=[(receptor, off.protein.local)]))
        return s

    def t_share(self, budget: int) -> _Sentence | None:
        rng = self.rng
        population = self.population("resistant")
        drug = population.drug or self.drug()
        disease = population.disease
        assert disease is not None
        mechanisms = self._mechanisms(drug, rng.randint(1, 2))
        total = rng.choice((3, 4, 5, 10))
        part = rng.randint(1, total - 1)
        s = _Sentence()
        span = s.begin(f"approximately {part} of {total} {population.text} have a relapse due to ")
        mechanism_spans = s.listing([m.text for m in mechanisms], "or")
        span = (span[0], mechanism_spans[-1][1])
        s.add(".")
        s.drafts.append(_Draft(span, "measurement/ResistanceMechanismShare", f"Approximately {part} of {total} "
                               f"{population.label} relapse because of {' or '.join(m.label for m in mechanisms)}.",
                               population.local, "hasMeasurement", evidence=["clinical-study"],
                               qualifiers=[("disease", disease.local), ("drug", drug.local)],
                               measurement=[("type", "ResistanceMechanismShare"), ("numerator", str(part)),
                                            ("denominator", str(total)), ("unit", "proportion"), ("approximate", "true"),
                                            ("about", "[" + ", ".join(m.local for m in mechanisms) + "]")]))
        for mechanism, mspan in zip(mechanisms, mechanism_spans, strict=True):
            if len(s.drafts) >= budget:
                break
            if self.ledger.take(mechanism.local, "confersResistanceTo", drug.local, "asserted"):
                s.drafts.append(_Draft(mspan, "resistance", f"The {mechanism.label} confers resistance to {drug.text} "
                                       f"in patients with {disease.text}.", mechanism.local, "confersResistanceTo",
                                       drug.local, evidence=["clinical-study"], qualifiers=[("disease", disease.local)]))
        return s

    def t_ttr(self, budget: int) -> _Sentence | None:
        population = self.population("treated", "progressed")
        drug = population.drug or self.drug()
        months = self.rng.randint(4, 30)
        s = _Sentence()
        s.begin(f"among {population.text}, ")
        span = s.add(f"relapse on {drug.text} occurs after at most {months} months")
        s.add(".")
        s.drafts.append(_Draft(span, "measurement/TimeToRelapse", f"Among {population.label}, relapse on {drug.text} "
                               f"occurs after at most {months} months.", population.local, "hasMeasurement",
                               evidence=["clinical-study"], qualifiers=[("drug", drug.local), ("context", "relapse")],
                               measurement=[("type", "TimeToRelapse"), ("value", str(months)), ("unit", "month"),
                                            ("upper_bound", "true")]))
        return s

    def t_growth(self, budget: int) -> _Sentence:
        drug, disease = self.drug(), self.rng.choice(self.world.diseases)
        value = self._percent()
        s = _Sentence()
        s.begin(f"in xenograft models of {disease.text}, ")
        span = s.add(f"{drug.text} reduced tumor growth by {value} percent")
        s.add(".")
        s.drafts.append(_Draft(span, "measurement/AntitumorActivity", f"In xenograft models of {disease.text}, "
                               f"{drug.text} reduced tumour growth by {value} percent.", drug.local, "hasMeasurement",
                               evidence=["xenograft-model", "preclinical-study"],
                               qualifiers=[("disease", disease.local), ("model", "xenograft-model")],
                               measurement=[("type", "AntitumorActivity"), ("value", value), ("unit", "percent")]))
        return s

    # -- files ----------------------------------------------------------------------------------
    def claims_yaml(self) -> str:
        out = ["# Synthetic benchmark claims written by `alkkg synth`: generated, not curated from a real text.",
               f"document: {self.doc_id}", ""]
        if self.acknowledged:
            out.append("acknowledged:")
            for kind, sentence, text, reason in self.acknowledged:
                out += [f"  - kind: {kind}", f"    sentence: {sentence}", f"    text: {_q(text)}",
                        f"    reason: {_q(reason)}"]
            out.append("")
        out.append("claims:")
        for claim in self.claims:
            d = claim.draft
            statement = d.statement[0].upper() + d.statement[1:]
            out += [f"  - id: {claim.id}", f"    sentence: {claim.sentence}", f"    statement: {_q(statement)}",
                    f"    quote: {_q(claim.quote)}"]
            if claim.start is not None:
                out.append(f"    start: {claim.start}")
            out.append(f"    subject: {_q(d.subject)}")
            out.append(f"    predicate: {d.predicate}")
            if d.obj is not None:
                out.append(f"    object: {_q(d.obj)}")
            out += [f"    polarity: {d.polarity}", f"    modality: {d.modality}"]
            if d.evidence:
                out.append(f"    evidence: [{', '.join(d.evidence)}]")
            if d.qualifiers:
                out.append("    qualifiers:")
                out += [f"      {key}: {value}" for key, value in d.qualifiers]
            if d.measurement is not None:
                out.append("    measurement:")
                out += [f"      {key}: {value}" for key, value in d.measurement]
            if claim.cites:
                out.append(f"    cites: [{', '.join(map(str, claim.cites))}]")
            if d.rests_on:
                out.append("    rests_on: [" + ", ".join(d.rests_on) + "]")
            if d.mentions:
                out.append("    mentions:")
                for text, entity in d.mentions:
                    out += [f"      - text: {_q(text)}", f"        entity: {entity}"]
        return "\n".join(out) + "\n"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _marker(references: list[int]) -> str:
    """A citation marker as papers write it: runs of three or more as ranges ("2-8"), else commas."""
    parts, run = [], [references[0]]
    for number in references[1:]:
        if number == run[-1] + 1:
            run.append(number)
        else:
            parts.append(run)
            run = [number]
    parts.append(run)
    out: list[str] = []
    for run in parts:
        out += [f"{run[0]}-{run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
    return ",".join(out)


# ----------------------------------------------------------------------------------------- corpus

#: sentence templates and their weights, tuned so that the claim kinds follow shaw-2014's mix
TEMPLATES: tuple[tuple[str, int], ...] = (
    ("inhibition", 9), ("negation", 8), ("activation", 7), ("dependency", 4), ("resistance", 7),
    ("relapse", 5), ("unchanged", 3), ("options", 5), ("profile", 7), ("antitumor", 5), ("hedged", 8),
    ("orr", 7), ("potency", 4), ("selectivity", 3), ("share", 3), ("ttr", 2), ("growth", 2),
)


class _Corpus:
    def __init__(self, n_claims: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.world = _World(self.rng, n_claims)
        self.ledger = _Ledger(self.world)
        self.templates = TEMPLATES


def _document_sizes(rng: random.Random, n_claims: int) -> list[int]:
    low, high = DOCUMENT_CLAIMS
    sizes, left = [], n_claims
    while left > 0:
        size = left if left <= high else rng.randint(low, min(high, left - low))
        sizes.append(size)
        left -= size
    return sizes


def _authors(rng: random.Random) -> list[tuple[str, str]]:
    names: list[str] = []
    while len(names) < rng.randint(2, 6):
        # two initials: "Standin F." would read as an initial, not as the end of a sentence
        name = f"{rng.choice(_SURNAMES)} {''.join(rng.sample(_INITIALS, 2))}"
        if name not in names:
            names.append(name)
    # the id is the name's slug: one id, one name, across every document of the corpus
    return [("synth-" + "-".join(name.lower().split()), name) for name in names]


def _document_yaml(doc_id: str, number: int, rng: random.Random, authors: list[tuple[str, str]], text: str,
                   seed: int) -> str:
    pin = fingerprint(text)
    year = rng.randint(2015, 2025)
    lines = [
        "# Synthetic benchmark document written by `alkkg synth`. Every value below is a PLACEHOLDER:",
        f"# the DOI uses Crossref's test prefix {DOI_PREFIX}, the PubMed id and trial number are out of range.",
        f"id: {doc_id}",
        f"title: {_q(f'Synthetic benchmark document {number}: generated claims about synthetic kinase inhibitors')}",
        "journal: Synthetic Journal of Benchmark Oncology",
        f"citation: {_q(f'Synth J Bench Oncol {year}; {number % 40 + 1}({number % 12 + 1}):{number}-{number + 9}')}",
        f"year: {year}",
        f"doi: {DOI_PREFIX}/alkkg-synth.{number:05d}",
        f'pmid: "{999_000_000 + number}"',
    ]
    if rng.random() < 0.4:
        lines.append(f"trial: NCT9{number % 10_000_000:07d}")
    lines += [
        "text: source.txt",
        f'text_sha256: "{pin.text_sha256}"',
        "sentence_sha256:",
        *(f'  - "{digest}"' for digest in pin.sentence_sha256),
        f"excerpt: {_q(f'Generated by alkkg synth (seed {seed}); not a real publication.')}",
        "authors:",
        *(f"  - {{id: {author_id}, name: {_q(name)}}}" for author_id, name in authors),
        "curation:",
        f"  agent: {CURATION_AGENT}",
        f"  date: {CURATION_DATE}",
        "  license: https://creativecommons.org/licenses/by/4.0/",
    ]
    return "\n".join(lines) + "\n"


def _check_out(out: Path, project: Project) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder; give a new or empty folder for --out")
    if out.is_dir() and any(out.iterdir()):
        raise InputError(f"{out}: exists and is not empty; give a new or empty folder for --out "
                         "(alkkg synth never writes into a folder that holds files)")
    target = out.resolve()
    for folder in (project.ontology.parent, project.assertions, project.shapes, project.root / "queries",
                   project.build):
        if target == folder.resolve() or target.is_relative_to(folder.resolve()):
            raise InputError(f"{out}: is inside the project's {folder.name}/ folder; write the synthetic "
                             "project somewhere else")


def _count(claims: Iterable[_Claim], kinds: Counter[str], features: Counter[str]) -> None:
    """Add each claim's kind and features to the counts."""
    for claim in claims:
        d = claim.draft
        kinds[d.kind] += 1
        flags = {"negated": d.polarity == "negated", "hedged": d.modality == "hedged",
                 "measurement": d.measurement is not None, "rests_on": bool(d.rests_on),
                 "qualifiers": bool(d.qualifiers), "cites": bool(claim.cites), "mentions": bool(d.mentions),
                 "evidence": bool(d.evidence), "explicit start": claim.start is not None}
        features.update(name for name, on in flags.items() if on)


def synthesise(n_claims: int, out: Path, *, seed: int = 0, project: Project | None = None,
               log: Callable[[str], None] | None = None) -> SynthSummary:
    """Write a buildable synthetic project of exactly *n_claims* claims into *out* (new or empty).

    The ontology, shapes and queries are copied from *project* (default: the project found from
    the current folder). The same (*n_claims*, *seed*) and project files give the same bytes. The
    folder appears whole or not at all: everything is written beside it first and renamed into place.

    >>> synthesise(500, Path("/tmp/synth-500"), seed=1)  # doctest: +SKIP
    """
    from .pipeline import find_project

    if isinstance(n_claims, bool) or not isinstance(n_claims, int) or not 1 <= n_claims <= MAX_CLAIMS:
        raise InputError(f"--claims {n_claims!r}: give a whole number of claims from 1 to {MAX_CLAIMS}")
    project = project or find_project()
    out = Path(out)
    _check_out(out, project)
    say = log or (lambda _m: None)
    corpus = _Corpus(n_claims, seed)
    sizes = _document_sizes(corpus.rng, n_claims)
    width = max(5, len(str(len(sizes))))
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.synth-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        staging.mkdir()
        for name in ("shapes", "queries"):
            shutil.copytree(project.root / name, staging / name)
        (staging / "ontology").mkdir()
        base = project.ontology.read_text(encoding="utf-8")
        ontology = base + ("" if base.endswith("\n") else "\n") + corpus.world.turtle(n_claims, seed)
        (staging / "ontology" / "alkkg.ttl").write_text(ontology, encoding="utf-8")
        kinds: Counter[str] = Counter()
        features: Counter[str] = Counter()
        sentences = claims = 0
        for number, size in enumerate(sizes, start=1):
            doc_id = f"synth-{number:0{width}d}"
            authors = _authors(corpus.rng)
            writer = _Writer(corpus, doc_id, size, authors, first=number == 1)
            writer.write()
            text = " ".join(writer.sentences)
            folder = staging / "assertions" / doc_id
            folder.mkdir(parents=True)
            (folder / "source.txt").write_text(text, encoding="utf-8")
            (folder / "claims.yaml").write_text(writer.claims_yaml(), encoding="utf-8")
            (folder / "document.yaml").write_text(_document_yaml(doc_id, number, corpus.rng, authors, text, seed),
                                                  encoding="utf-8")
            _count(writer.claims, kinds, features)  # counted, not kept: a large corpus stays small in memory
            claims += len(writer.claims)
            sentences += len(writer.sentences)
            if number % 500 == 0:
                say(f"{number} of {len(sizes)} documents")
        summary = SynthSummary(out, seed, len(sizes), sentences, claims, len(corpus.world.entities()),
                               dict(sorted(kinds.items())), dict(sorted(features.items())))
        (staging / "synth.json").write_text(json.dumps({"generator": "alkkg synth", "claims_requested": n_claims,
                                                        **summary.as_dict()}, indent=1, sort_keys=True) + "\n",
                                            encoding="utf-8")
        (staging / "README.md").write_text(_readme(n_claims, seed, summary), encoding="utf-8")
        if out.is_dir():
            out.rmdir()  # empty (checked above)
        staging.rename(out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{out}: cannot write the synthetic project: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if summary.claims != n_claims:  # pragma: no cover - the document sizes sum to n_claims
        raise AssertionError(f"wrote {summary.claims} claims, not {n_claims}")
    return summary


def _readme(n_claims: int, seed: int, summary: SynthSummary) -> str:
    return (
        "# Synthetic alkkg benchmark project\n\n"
        f"Written by `alkkg synth --claims {n_claims} --seed {seed}`: {summary.documents} generated documents, "
        f"{summary.claims} claims.\n\n"
        "**Nothing here is real.** The documents, texts, authors, DOIs (Crossref's test prefix 10.5555),\n"
        "PubMed ids, trial numbers, and the `alkkge:synth-...` entities with their HGNC, UniProt and ChEBI\n"
        "identifiers are placeholders that only have the right shape. The ontology, shapes and queries are\n"
        "copies of the alkkg project's.\n\n"
        "Build it like the real project:\n\n"
        "```bash\nalkkg build --project . --out build --release-date 2026-11-28\n```\n"
    )
