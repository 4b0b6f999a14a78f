"""What the site's pages show, read once from the published graphs: claims with their quotes and
offsets, sentences, documents, nanopublications, who names what; and the page parts they share
(headings, property lists, the highlighted source text)."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.term import Node

from .prefixes import ALKKG, OA
from .queries import NamedQuery
from .siteassets import facts, section, table
from .sitegraph import LOCAL_NAME, SiteGraph
from .sitetext import Piece, Quote, pieces

if TYPE_CHECKING:
    from .pipeline import Artifacts

DEEP = "../../"  # from a resource page (site/<kind>/<local>/index.html) to the site root
SEP = " \u00b7 "
FOLD_ROWS = 25  # longer "Referenced by" tables start folded
#: what polarity and modality mean, in plain words (other values are shown by their labels)
STANCES = {
    ("asserted", "stated"): "stated: the source says it <em>is</em> so",
    ("negated", "stated"): '<span class="neg">negated</span>: the source says it is <em>not</em> so',
    ("asserted", "hedged"): '<span class="hedged">hedged</span>: the source says it <em>may</em> be so',
    ("negated", "hedged"): '<span class="hedged">hedged</span> and <span class="neg">negated</span>: '
                           "the source says it <em>may not</em> be so",
}


@dataclass(frozen=True)
class SentenceInfo:
    """A sentence of a source: its number, character span, citation markers and cited references."""

    iri: URIRef
    document: URIRef
    number: int
    start: int
    end: int
    markers: tuple[tuple[int, int, str], ...]
    references: tuple[tuple[int, URIRef], ...]


class SiteModel:
    """The published graphs, read for the pages; every list it returns is sorted."""

    def __init__(self, artifacts: Artifacts, competency: Sequence[NamedQuery]) -> None:
        self.a = artifacts
        self.g = SiteGraph(artifacts.flat, artifacts.inferred, artifacts.ontology,
                           [d.nanopubs for d in artifacts.documents])
        self.queries = [q for q in sorted(competency, key=lambda q: q.name) if LOCAL_NAME.match(q.name)]
        flat, g = artifacts.flat, self.g
        self.claims = [c for c in g.subjects(RDF.type, ALKKG.Claim) if isinstance(c, URIRef)]
        self.documents = [d for d in g.subjects(RDF.type, ALKKG.SourceDocument) if isinstance(d, URIRef)]
        self.texts: dict[Node, str] = {}
        for d in self.documents:
            for t in g.objects(d, ALKKG.hasText):
                for value in g.objects(t, ALKKG.text):
                    self.texts.setdefault(d, str(value))
        self.sentences: dict[Node, list[SentenceInfo]] = {d: self._read_sentences(d) for d in self.documents}
        self.sentence_of: dict[Node | None, SentenceInfo] = {s.iri: s for ss in self.sentences.values() for s in ss}
        self.quotes: dict[Node, Quote] = {}
        for c in self.claims:
            quote = self._read_quote(c)
            if quote is not None:
                self.quotes[c] = quote
        self.nanopub: dict[Node, URIRef] = {}
        for s, p, o in ((s, p, o) for triples in g.graphs.values() for s, p, o in triples):
            if p == ALKKG.assertionOf and isinstance(s, URIRef):
                self.nanopub[o] = URIRef(str(s).partition("#")[0])
        #: properties that qualify a claim: alkkg:hasQualifier and its sub-properties, as the ontology says
        self.qualifier_properties = {ALKKG.hasQualifier, *flat.transitive_subjects(RDFS.subPropertyOf, ALKKG.hasQualifier)}
        # which claims name each resource, and how
        self.roles: dict[Node, dict[Node, set[str]]] = defaultdict(lambda: defaultdict(set))
        for c in self.claims:
            for p, o in flat.predicate_objects(c):
                if isinstance(o, URIRef) and o != c:
                    self.roles[o][c].add(g.label(p))
                if p == ALKKG.claimObject and self.minted_part(c, o):  # a measurement
                    for q, value in flat.predicate_objects(o):
                        if isinstance(value, URIRef) and value not in (c, o) and q != RDF.type:
                            self.roles[value][c].add(f"measurement: {g.label(q)}")
            for _, _, _, entity in self.mentions(c):
                self.roles[entity][c].add("mentioned in the quote")

    # -- reading the graph ---------------------------------------------------------------------------
    def number(self, node: Node, prop: Node) -> int | None:
        value = self.g.value(node, prop)
        try:
            return int(str(value)) if isinstance(value, Literal) else None
        except ValueError:
            return None

    def _read_sentences(self, document: URIRef) -> list[SentenceInfo]:
        g, found = self.g, []
        for s in g.subjects(ALKKG.sentenceOf, document):
            position = g.value(s, ALKKG.hasPosition)
            number = self.number(s, ALKKG.sentenceNumber)
            start = self.number(position, OA.start) if position is not None else None
            end = self.number(position, OA.end) if position is not None else None
            if not isinstance(s, URIRef) or number is None or start is None or end is None:
                continue
            text = str(g.value(s, ALKKG.sentenceText) or "")
            markers = []
            for marker in g.objects(s, ALKKG.citationMarker):
                at = text.rfind(str(marker))
                if at >= 0 and str(marker):
                    markers.append((start + at, start + at + len(str(marker)), str(marker)))
            references = sorted((n, r) for r in g.objects(s, ALKKG.sentenceCites) if isinstance(r, URIRef)
                                for n in [self.number(r, ALKKG.referenceNumber)] if n is not None)
            found.append(SentenceInfo(s, document, number, start, end, tuple(sorted(markers)), tuple(references)))
        return sorted(found, key=lambda s: (s.start, s.number))

    def _read_quote(self, claim: URIRef) -> Quote | None:
        """The claim's quote and offsets, from its annotation's position selector."""
        g = self.g
        statement = str(g.value(claim, ALKKG.statement) or g.label(claim))
        annotations = g.subjects(OA.hasBody, claim)
        describing = [a for a in annotations if (a, OA.motivatedBy, OA.describing) in g.flat]
        for annotation in describing or annotations:
            for target in g.objects(annotation, OA.hasTarget):
                for selector in g.objects(target, OA.hasSelector):
                    start, end = self.number(selector, OA.start), self.number(selector, OA.end)
                    if start is not None and end is not None:
                        return Quote(g.local(claim), start, end, statement)
        return None

    def minted_part(self, claim: Node, node: Node) -> bool:
        """Whether *node* was minted for *claim* (its measurement, hypothesis, qualified statement),
        not a claim itself nor one of its Web Annotations."""
        types = set(self.g.flat.objects(node, RDF.type))
        return (node != claim and self.g.kind(node) == "claim" and str(node).startswith(str(claim))
                and ALKKG.Claim not in types and OA.Annotation not in types)

    def mentions(self, claim: Node) -> list[tuple[str, int, int, URIRef]]:
        """(words, start, end, entity) of each phrase of the claim's quote that names an entity: the
        claim's Web Annotations motivated by identifying."""
        g, found = self.g, []
        for annotation in g.flat.objects(claim, None):
            if (annotation, OA.motivatedBy, OA.identifying) not in g.flat:
                continue
            for entity in g.objects(annotation, OA.hasBody):
                for target in g.objects(annotation, OA.hasTarget):
                    exact = next((str(e) for sel in g.objects(target, OA.hasSelector) for e in g.objects(sel, OA.exact)), "")
                    for sel in g.objects(target, OA.hasSelector):
                        start, end = self.number(sel, OA.start), self.number(sel, OA.end)
                        if start is not None and end is not None and isinstance(entity, URIRef):
                            found.append((exact, start, end, entity))
        return sorted(found, key=lambda m: (m[1], m[2], str(m[3])))

    def document_of(self, claim: Node) -> Node | None:
        sentence = self.g.value(claim, ALKKG.inSentence)
        return self.g.value(sentence, ALKKG.sentenceOf) if sentence is not None else None

    def href(self, node: Node, root: str = DEEP) -> str:
        return html.escape(self.g.href(node, root) or "#")

    # -- shared parts ------------------------------------------------------------------------------
    def heading(self, iri: URIRef, title: str, lead: str = "") -> str:
        g = self.g
        types = [g.link(t, DEEP) for t in g.objects(iri, RDF.type) if t != OWL.NamedIndividual]
        kinds = f'<p class="lead">{", ".join(types)}</p>' if types else ""
        return f"<h1>{html.escape(title)}</h1>\n{kinds}" + (f'<p class="lead">{lead}</p>' if lead else "")

    def statements(self, iri: URIRef) -> str:
        if self.g.kind(iri) == "np":  # its triples are in its graphs
            source = self.g.new_graph()
            for triple in self.g.own_triples(iri):
                source.add(triple)
            rows = self.g.rows(iri, DEEP, graph=source)
        else:
            rows = self.g.rows(iri, DEEP)
        if not rows:
            return ""
        body = facts((self.g.link(r.predicate, DEEP), list(r.values)) for r in rows)
        return section("All statements", '<p class="lead">Every triple with this resource as subject '
                       "(as in <code>index.ttl</code>).</p>" + body, anchor="statements")

    def referrers(self, iri: URIRef) -> str:
        rows = [(self.g.link(s, DEEP), self.g.link(p, DEEP)) for s, p in self.g.referrers(iri)]
        if not rows:
            return ""
        shown = table(("subject", "predicate"), rows)
        if len(rows) > FOLD_ROWS:
            shown = f"<details><summary>{len(rows)} statements link here</summary>{shown}</details>"
        return section("Referenced by", shown, anchor="referenced-by")

    def claims_naming(self, iri: Node, title: str = "Claims naming it") -> str:
        roles = self.roles.get(iri)
        if not roles:
            return ""
        rows = []
        for claim in sorted(roles, key=self.claim_order):
            sentence = self.g.value(claim, ALKKG.inSentence)
            rows.append((self.claim_link(claim), html.escape(", ".join(sorted(roles[claim]))),
                         self.g.link(sentence, DEEP, self.sentence_number(sentence)) if sentence is not None else "",
                         self.stance(claim, short=True)))
        return section(f"{title} ({len(rows)})", table(("claim", "as", "sentence", "stance"), rows), anchor="claims")

    def claim_order(self, claim: Node) -> tuple[int, int, str]:
        quote = self.quotes.get(claim)
        sentence = self.sentence_of.get(self.g.value(claim, ALKKG.inSentence))
        return (sentence.number if sentence else 0, quote.start if quote else 0, str(claim))

    def claim_link(self, claim: Node, root: str = DEEP) -> str:
        statement = self.g.value(claim, ALKKG.statement)
        return self.g.link(claim, root, str(statement) if statement is not None else None)

    def node_facts(self, node: Node) -> str:
        """The properties of a node minted for a claim (its measurement, its hypothesis)."""
        return facts((self.g.link(r.predicate, DEEP), list(r.values)) for r in self.g.rows(node, DEEP, skip=[RDFS.label]))

    def docs_link(self, iri: URIRef, title: str) -> list[str]:
        docs = self.g.docs_href(iri, DEEP)
        return [f'<a href="{html.escape(docs)}">{html.escape(title)} in the reference</a>'] if docs else []

    def reference_key(self, reference: Node) -> tuple[int, str]:
        return (self.number(reference, ALKKG.referenceNumber) or 0, str(reference))

    def pages(self, kind: str) -> list[URIRef]:
        return [URIRef(p) for p in self.g.pages if self.g.kind(URIRef(p)) == kind]

    def sentence_link(self, claim: Node, root: str) -> str:
        """The number of the claim's sentence, linked to the sentence."""
        found = self.sentence_of.get(self.g.value(claim, ALKKG.inSentence))
        return self.g.link(found.iri, root, str(found.number)) if found else ""

    def sentence_number(self, sentence: Node | None) -> str | None:
        found = self.sentence_of.get(sentence)
        return f"sentence {found.number}" if found else None

    def stance(self, claim: Node, *, short: bool = False) -> str:
        g = self.g
        polarity, modality = g.value(claim, ALKKG.polarity), g.value(claim, ALKKG.modality)
        if polarity is None or modality is None:
            return ""
        key = (g.local(polarity), g.local(modality))
        if short:
            words = [w for w in (key[1] if key[1] != "stated" else "", key[0] if key[0] != "asserted" else "") if w]
            return html.escape(", ".join(words) or "stated")
        return STANCES.get(key) or f"{g.link(polarity, DEEP)}, {g.link(modality, DEEP)}"

    def highlight(self, text: str, sentence: SentenceInfo, quotes: list[Quote], claims: dict[str, Node],
                  root: str) -> str:
        """The sentence's text with each quote a link (``a.quote[data-claim]``) to its claim."""
        out = []
        for piece in pieces(text, sentence.start, sentence.end, quotes, [(a, b) for a, b, _ in sentence.markers]):
            chunk = html.escape(text[piece.start:piece.end])
            if piece.owner is not None:
                chunk = (f'<a class="quote d{min(piece.depth, 4)}" data-claim="{html.escape(piece.owner.key)}" '
                         f'href="{self.href(claims[piece.owner.key], root)}" title="{html.escape(piece.owner.title)}">'
                         f"{chunk}</a>")
                out.append(f'<sup class="cite">{chunk}</sup>' if piece.marker else chunk)
            elif piece.marker:
                out.append(self.marker(text, piece, sentence, root))
            else:
                out.append(chunk)
        return "".join(out)

    def marker(self, text: str, piece: Piece, sentence: SentenceInfo, root: str) -> str:
        """A citation marker with each reference number a link (ranges link their two ends)."""
        by_number = dict(sentence.references)
        parts = []
        for token in re.findall(r"\d+|\D+", text[piece.start:piece.end]):
            ref = by_number.get(int(token)) if token.isdigit() else None
            parts.append(f'<a href="{self.href(ref, root)}">{token}</a>' if ref is not None else html.escape(token))
        numbers = ", ".join(str(n) for n, _ in sentence.references)
        return f'<sup class="cite" title="References {numbers}">{"".join(parts)}</sup>'

    def sentence_html(self, sentence: SentenceInfo, text: str, root: str) -> str:
        """The sentence with the quotes of its document's claims that lie inside it highlighted."""
        claims = {q.key: c for c, q in self.quotes.items()
                  if sentence.start <= q.start and q.end <= sentence.end and self.document_of(c) == sentence.document}
        quotes = sorted((self.quotes[c] for c in claims.values()), key=lambda q: (q.start, q.end, q.key))
        return self.highlight(text, sentence, quotes, claims, root)

    def source_html(self, document: Node, root: str) -> str:
        text, out, at = self.texts.get(document, ""), [], 0
        for sentence in self.sentences.get(document, []):
            if sentence.start > at:
                out.append(html.escape(text[at:sentence.start]))
            out.append(f'<span class="sentence" id="s{sentence.number}"><a class="sn" href="{self.href(sentence.iri, root)}" '
                       f'title="Sentence {sentence.number}">{sentence.number}</a>{self.sentence_html(sentence, text, root)}'
                       "</span>")
            at = max(at, sentence.end)
        out.append(html.escape(text[at:]))
        return '<div class="source">' + "".join(out) + "</div>"
