"""Coverage of the source by the claims, computed from the text itself.

Each sentence must carry a claim, each number must be carried by a claim (a measurement value
inside the claim's quote, or an entity mention), each reference of each citation marker must be
cited by a claim of its sentence; otherwise the curation says why not (``acknowledged``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal

from .claims import CompiledDocument, LocatedClaim
from .errors import CurationError
from .source import find_numbers


@dataclass
class Coverage:
    """Coverage of one document: rows for sentences, numbers and citation markers."""

    document: str
    sentences: list[dict] = field(default_factory=list)
    numbers: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)

    @property
    def gaps(self) -> list[str]:
        gaps = [f"sentence {s['sentence']} has no claim" for s in self.sentences if not s["claims"]]
        gaps += [f"number {n['text']!r} at offset {n['start']} (sentence {n['sentence']}) is carried "
                 "by no claim" for n in self.numbers if not n["claims"] and not n["acknowledged"]]
        gaps += [f"reference {c['reference']} of citation marker {c['marker']!r} (sentence "
                 f"{c['sentence']}) is cited by no claim"
                 for c in self.citations if not c["claims"] and not c["acknowledged"]]
        return gaps

    def as_dict(self) -> dict:
        return {"document": self.document, "sentences": self.sentences, "numbers": self.numbers,
                "citations": self.citations, "gaps": self.gaps}

    def to_markdown(self) -> str:
        out = [f"# Coverage of {self.document}", "",
               "Built from the source text, not from the claims. "
               f"Gaps: {len(self.gaps)}.", "", "## Sentences", "",
               "| # | span | claims | text |", "| --- | --- | --- | --- |"]
        for s in self.sentences:
            text = s["text"].replace("|", "\\|")
            out.append(f"| {s['sentence']} | {s['start']}-{s['end']} | {', '.join(s['claims']) or '**none**'} | {text} |")
        out += ["", "## Numbers", "", "| number | offset | sentence | carried by |", "| --- | --- | --- | --- |"]
        for n in self.numbers:
            by = ", ".join(n["claims"]) or (f"acknowledged: {n['acknowledged']}" if n["acknowledged"] else "**none**")
            out.append(f"| {n['text']} | {n['start']} | {n['sentence']} | {by} |")
        out += ["", "## Citation markers", "", "| marker | sentence | reference | cited by |",
                "| --- | --- | --- | --- |"]
        for c in self.citations:
            by = ", ".join(c["claims"]) or (f"acknowledged: {c['acknowledged']}" if c["acknowledged"] else "**none**")
            out.append(f"| {c['marker']} | {c['sentence']} | {c['reference']} | {by} |")
        return "\n".join(out) + "\n"


def report_json(coverages: list[Coverage]) -> str:
    """build/coverage.json: one entry per curated document."""
    return json.dumps({"documents": [c.as_dict() for c in coverages]}, indent=1, sort_keys=True) + "\n"


def report_markdown(coverages: list[Coverage]) -> str:
    """build/coverage.md: one section per curated document."""
    return "\n".join(c.to_markdown() for c in coverages)


def _carries(item: LocatedClaim, start: int, end: int, number: Decimal) -> bool:
    for a, b, _ in item.mention_spans:
        if a <= start and end <= b:
            return True
    m = item.claim.measurement
    return (m is not None and item.start <= start and end <= item.end and number in m.numbers())


def compute_coverage(compiled: CompiledDocument) -> Coverage:
    """Coverage rows for every sentence, number and citation marker of the source."""
    curation = compiled.curation
    coverage = Coverage(curation.document.id)
    acknowledged = {(a.kind, a.sentence, a.text): a.reason for a in curation.acknowledged}
    used: set[tuple[str, int, str]] = set()
    by_sentence: dict[int, list[LocatedClaim]] = {}
    for item in compiled.located:
        by_sentence.setdefault(item.claim.sentence, []).append(item)
    for sentence in compiled.sentences:
        here = by_sentence.get(sentence.number, [])
        claims = [i.claim.id for i in here]
        coverage.sentences.append({"sentence": sentence.number, "start": sentence.start,
                                   "end": sentence.end, "text": sentence.text, "claims": claims})
        marker = sentence.citation
        if marker is None:
            continue
        for reference in marker.references:
            citing = [i.claim.id for i in here if reference in i.claim.cites]
            key = ("citation-marker", sentence.number, marker.text)
            reason = acknowledged.get(key) if not citing else None
            if reason:
                used.add(key)
            coverage.citations.append({"marker": marker.text, "sentence": sentence.number,
                                       "reference": reference, "claims": citing,
                                       "acknowledged": reason})
    for token in find_numbers(compiled.text, compiled.sentences):
        value = Decimal(token.text)
        claims = [i.claim.id for i in by_sentence.get(token.sentence, [])
                  if _carries(i, token.start, token.end, value)]
        key = ("number", token.sentence, token.text)
        reason = acknowledged.get(key) if not claims else None
        if reason:
            used.add(key)
        coverage.numbers.append({"text": token.text, "start": token.start, "sentence": token.sentence,
                                 "claims": claims, "acknowledged": reason})
    _check_citations_are_in_markers(compiled)
    for ack in curation.acknowledged:
        if (ack.kind, ack.sentence, ack.text) not in used:
            raise CurationError(f"acknowledged {ack.kind} {ack.text!r} in sentence {ack.sentence} is "
                                "not an uncovered feature of the text; remove the entry",
                                path=str(curation.path), line=ack.line)
    return coverage


def _check_citations_are_in_markers(compiled: CompiledDocument) -> None:
    """A claim may cite only references its own sentence's marker cites."""
    for item in compiled.located:
        sentence = compiled.sentences[item.claim.sentence - 1]
        allowed = set(sentence.citation.references) if sentence.citation else set()
        extra = sorted(set(item.claim.cites) - allowed)
        if extra:
            raise CurationError(
                f"cites reference(s) {', '.join(map(str, extra))}, which sentence "
                f"{sentence.number} does not cite (its marker: "
                f"{sentence.citation.text if sentence.citation else 'none'})",
                path=str(compiled.curation.path), line=item.claim.line, claim_id=item.claim.id)
