"""Compile a curated document into RDF: a flat graph and one nanopublication per claim.

Both shapes carry the same claim nodes; the flat graph adds nothing the nanopublications lack
except the ontology. Every node gets a minted IRI; the only blank nodes are the
``owl:NegativePropertyAssertion`` axioms OWL requires, and those carry fixed labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL
from rdflib.term import Node

from .curation import Claim, Curation, Document, Measurement
from .errors import CurationError
from .prefixes import (
    ALKKG,
    ALKKGE,
    BIBO,
    CC_BY_4,
    CITO,
    CLAIM,
    DCTERMS,
    DOC,
    NP,
    NP_BASE,
    OA,
    PROV,
    expand,
    new_dataset,
    new_graph,
)
from .source import Sentence, split_sentences

CONTEXT_CHARS = 32
UNIT_IRIS = {
    "percent": URIRef(expand("UO:0000187")),
    "month": URIRef(expand("UO:0000035")),
    "fold": ALKKG["fold"],
    "proportion": ALKKG["proportion"],
}
QUALIFIER_PROPERTIES = {
    "population": ALKKG.inPopulation,
    "disease": ALKKG.inDiseaseContext,
    "assay": ALKKG.inAssay,
    "model": ALKKG.inModel,
    "comparator": ALKKG.comparedWith,
    "target": ALKKG.againstTarget,
    "context": ALKKG.inContext,
    "drug": ALKKG.withDrug,
    "degree": ALKKG.withDegree,
}
#: qualifiers whose values are terms of the ontology (alkkg:), not named entities (alkkge:)
VOCABULARY_QUALIFIERS = {"degree"}
#: the measurement-node property for each claim qualifier: a numeric question needs no claim node
MEASUREMENT_CONTEXT = {
    "population": ALKKG.measuredInPopulation,
    "disease": ALKKG.measuredInDisease,
    "assay": ALKKG.measuredInAssay,
    "model": ALKKG.measuredInModel,
    "comparator": ALKKG.measuredAgainst,
    "target": ALKKG.ofTarget,
    "context": ALKKG.measuredInContext,
    "drug": ALKKG.ofDrug,
}
IS_ABOUT = URIRef(expand("IAO:0000136"))


@dataclass(frozen=True)
class LocatedClaim:
    """A claim with the exact place of its quote in the source."""

    claim: Claim
    start: int
    end: int
    mention_spans: tuple[tuple[int, int, str], ...]


Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]


class Triples:
    """The triples of one part of a document, in insertion order and without repeats.

    Filling one costs a fraction of an rdflib ``Graph`` (which indexes every triple three ways):
    a large corpus is compiled into these and streamed out as N-Quads, and an indexed graph is
    built only where one is queried (:meth:`graph`).
    """

    __slots__ = ("_items",)

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self._items: dict[Triple, None] = dict.fromkeys(triples)

    def add(self, triple: Triple) -> None:
        self._items[triple] = None

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def graph(self) -> Graph:
        """The same triples in an (indexed) rdflib graph."""
        graph = _part()
        for triple in self._items:
            graph.add(triple)
        return graph


@dataclass
class CompiledDocument:
    """The RDF of one curated document.

    ``quads`` holds every nanopublication quad in order (what the corpus path streams); the rdflib
    views (``nanopubs``, ``document_graph``, ``claim_graphs``, ``flat``) are built on first use.
    """

    curation: Curation
    text: str
    sentences: list[Sentence]
    located: list[LocatedClaim]
    document_triples: Triples
    claim_triples: dict[str, Triples]
    quads: list[Quad] = field(repr=False)

    @cached_property
    def nanopubs(self) -> Dataset:
        """Every nanopublication of the document, one named graph per part."""
        dataset = new_dataset()
        graphs: dict[URIRef, Graph] = {}
        for s, p, o, g in self.quads:
            if g not in graphs:
                graphs[g] = dataset.graph(g)
            graphs[g].add((s, p, o))
        return dataset

    @cached_property
    def document_graph(self) -> Graph:
        """The description of the document, its text, sentences, references and curation."""
        return self.document_triples.graph()

    @cached_property
    def claim_graphs(self) -> dict[str, Graph]:
        """Each claim's assertion and claim-node triples, by claim id."""
        return {claim_id: part.graph() for claim_id, part in self.claim_triples.items()}

    @property
    def flat(self) -> Graph:
        """The document description and every claim's triples in one graph."""
        graph = new_graph()
        for part in (self.document_triples, *self.claim_triples.values()):
            for triple in part:
                graph.add(triple)
        return graph


class Vocabulary:
    """What the ontology declares, to resolve curated names against it (build it once per ontology
    and pass it to :func:`compile_document` for every document of a corpus)."""

    def __init__(self, ontology: Graph) -> None:
        self.individuals = {s for s in ontology.subjects(RDF.type, OWL.NamedIndividual)}
        self.classes = {s for s in ontology.subjects(RDF.type, OWL.Class)}
        self.object_properties = {s for s in ontology.subjects(RDF.type, OWL.ObjectProperty)}
        self.labels = {s: str(o) for s, o in ontology.subject_objects(RDFS.label)}
        self.drugs = self._instances(ontology, ALKKG.Drug)
        self.populations = self._instances(ontology, ALKKG.PatientPopulation)

    def label(self, term: URIRef) -> str:
        return self.labels.get(term, str(term).rsplit("/", 1)[-1])

    @staticmethod
    def _instances(ontology: Graph, klass: URIRef) -> set[URIRef]:
        """Individuals asserted to be of *klass* or of one of its named subclasses."""
        classes = {klass, *ontology.transitive_subjects(RDFS.subClassOf, klass)}
        return {s for c in classes for s in ontology.subjects(RDF.type, c) if isinstance(s, URIRef)}


def document_iri(document: Document) -> URIRef:
    return DOC[document.id]


def claim_iri(document: Document, claim_id: str) -> URIRef:
    return CLAIM[f"{document.id}-{claim_id}"]


def nanopub_iri(document: Document, local: str) -> URIRef:
    return NP_BASE[f"{document.id}-{local}"]


def _fail(curation: Curation, claim: Claim, message: str) -> CurationError:
    return CurationError(message, path=str(curation.path), line=claim.line, claim_id=claim.id)


def locate(curation: Curation, text: str, sentences: list[Sentence]) -> list[LocatedClaim]:
    """Find each quote in its sentence: exactly once, or exactly at its given start.

    Searching the claim's own sentence, not the whole text, keeps this linear in the number of
    claims (the text of a large corpus grows with it).
    """
    located = []
    for claim in curation.claims:
        if not 1 <= claim.sentence <= len(sentences):
            raise _fail(curation, claim, f"sentence {claim.sentence} does not exist; the source has "
                                          f"{len(sentences)} sentences")
        home = sentences[claim.sentence - 1]
        if claim.start is not None:
            if text[claim.start:claim.start + len(claim.quote)] != claim.quote:
                found = _occurrences(text, claim.quote)
                hint = f"it occurs at {', '.join(map(str, found))}" if found else "it occurs nowhere"
                raise _fail(curation, claim, f"quote is not at start {claim.start} ({hint}); "
                                              "fix 'start' or copy the quote from source.txt")
            start = claim.start
        else:
            found = _occurrences(home.text, claim.quote)
            if not found:
                raise _fail(curation, claim, _missing_quote(text, sentences, claim))
            if len(found) > 1:
                raise _fail(curation, claim, f"quote occurs {len(found)} times in sentence "
                                              f"{claim.sentence}; lengthen it or add 'start'")
            start = home.start + found[0]
        end = start + len(claim.quote)
        if not (home.start <= start and end <= home.end):
            raise _fail(curation, claim, f"quote at {start}-{end} is not in sentence {claim.sentence} "
                                          f"({home.start}-{home.end}); fix 'sentence' or 'start'")
        spans = []
        for mention in claim.mentions:
            if mention.start is not None:
                at = mention.start
                if text[at:at + len(mention.text)] != mention.text:
                    raise _fail(curation, claim, f"mention {mention.text!r} is not at {at}")
            else:
                hits = _occurrences(home.text, mention.text)
                if len(hits) != 1:
                    raise _fail(curation, claim, f"mention {mention.text!r} occurs {len(hits)} times "
                                                  f"in sentence {claim.sentence}; it must occur once "
                                                  "(or give its 'start')")
                at = home.start + hits[0]
            if not (home.start <= at and at + len(mention.text) <= home.end):
                raise _fail(curation, claim, f"mention {mention.text!r} at {at}-{at + len(mention.text)} is "
                                              f"not in sentence {claim.sentence} ({home.start}-{home.end}); "
                                              "fix its 'start'")
            spans.append((at, at + len(mention.text), mention.entity))
        located.append(LocatedClaim(claim, start, end, tuple(spans)))
    return located


def _missing_quote(text: str, sentences: list[Sentence], claim: Claim) -> str:
    elsewhere = [s.number for s in sentences if claim.quote in s.text]
    if elsewhere:
        return (f"quote is not in sentence {claim.sentence} but in sentence "
                f"{', '.join(map(str, elsewhere))}; fix 'sentence' or the quote")
    return f"quote {claim.quote!r} is not in the source text; copy it byte for byte from source.txt"


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


class _Compiler:
    def __init__(self, curation: Curation, text: str, vocabulary: Vocabulary, release_date: str) -> None:
        self.curation = curation
        self.document = curation.document
        self.text = text
        self.vocabulary = vocabulary
        self.release_date = release_date
        self.doc = document_iri(self.document)
        self.activity = DOC[f"{self.document.id}-curation"]
        self.agent = DOC[_slug(self.document.curation_agent)]
        self.source_text = DOC[f"{self.document.id}-text"]
        self.authors = {a.id: DOC[f"person-{a.id}"] for a in self.document.authors}

    # -- names ---------------------------------------------------------------------------------
    def entity(self, claim: Claim, name: str, role: str) -> URIRef:
        if name == "document":
            return self.doc
        if name.startswith("author:"):
            author = name.split(":", 1)[1]
            if author not in self.authors:
                raise _fail(self.curation, claim, f"{role} {name!r} is not an author in document.yaml")
            return self.authors[author]
        iri = ALKKGE[name]
        if iri not in self.vocabulary.individuals:
            raise _fail(self.curation, claim, f"{role} {name!r} is not an entity of the ontology "
                                               f"(no owl:NamedIndividual alkkge:{name}); declare it in "
                                               "ontology/alkkg.ttl or fix the name")
        return iri

    def qualifier(self, claim: Claim, key: str, name: str) -> URIRef:
        """The value of a claim qualifier: an ontology term (a degree) or a named entity."""
        if key in VOCABULARY_QUALIFIERS:
            return ALKKG[name]  # the curation loader allows only the degree terms the ontology declares
        return self.entity(claim, name, f"qualifier {key}")

    def klass(self, claim: Claim, name: str, role: str) -> URIRef:
        iri = ALKKG[name]
        if iri not in self.vocabulary.classes:
            raise _fail(self.curation, claim, f"{role} {name!r} is not a class of the ontology "
                                               f"(no owl:Class alkkg:{name})")
        return iri

    def predicate(self, claim: Claim) -> URIRef:
        if claim.predicate == "type":
            return RDF.type
        iri = ALKKG[claim.predicate]
        if iri not in self.vocabulary.object_properties:
            raise _fail(self.curation, claim, f"predicate {claim.predicate!r} is not an object "
                                               f"property of the ontology (alkkg:{claim.predicate})")
        return iri

    # -- document -------------------------------------------------------------------------------
    def document_triples(self, sentences: list[Sentence], cited: Iterable[int]) -> Triples:
        d, g = self.document, Triples()
        g.add((self.doc, RDF.type, ALKKG.SourceDocument))
        g.add((self.doc, RDFS.label, _en(f"{d.authors[0].name.split()[0]} et al. {d.year}: {d.title}")))
        g.add((self.doc, DCTERMS.title, Literal(d.title)))
        g.add((self.doc, DCTERMS.bibliographicCitation, Literal(d.citation)))
        g.add((self.doc, DCTERMS.identifier, URIRef(f"https://doi.org/{d.doi}")))
        g.add((self.doc, BIBO.doi, Literal(d.doi)))
        g.add((self.doc, BIBO.pmid, Literal(d.pmid)))
        if d.pmcid:
            g.add((self.doc, ALKKG.pmcid, Literal(d.pmcid)))
        g.add((self.doc, ALKKG.journal, Literal(d.journal)))
        g.add((self.doc, ALKKG.publicationYear, Literal(d.year, datatype=XSD.integer)))
        g.add((self.doc, ALKKG.hasText, self.source_text))
        if d.trial:
            trial = URIRef(f"https://identifiers.org/clinicaltrials:{d.trial}")
            g.add((self.doc, ALKKG.reportsTrial, trial))
            g.add((trial, RDF.type, ALKKG.ClinicalTrial))
            g.add((trial, RDFS.label, _en(f"ClinicalTrials.gov {d.trial}")))
        g.add((self.source_text, RDF.type, ALKKG.SourceText))
        g.add((self.source_text, RDFS.label, _en(f"Text of the curated excerpt of {d.id}")))
        g.add((self.source_text, ALKKG.text, Literal(self.text)))
        for author in d.authors:
            person, authorship = self.authors[author.id], DOC[f"{d.id}-authorship-{author.position:02d}"]
            g.add((person, RDF.type, PROV.Person))
            g.add((person, RDFS.label, _en(author.name)))
            g.add((self.doc, ALKKG.hasAuthorship, authorship))
            g.add((authorship, RDF.type, ALKKG.Authorship))
            g.add((authorship, RDFS.label, _en(f"{author.name}, author {author.position} of {d.id}")))
            g.add((authorship, ALKKG.authorPosition, Literal(author.position, datatype=XSD.nonNegativeInteger)))
            g.add((authorship, ALKKG.authorshipAgent, person))
        acknowledged = {(a.sentence, a.text): a.reason for a in self.curation.acknowledged
                        if a.kind == "citation-marker"}
        marked: set[int] = set()
        for sentence in sentences:
            node = self.sentence_iri(sentence.number)
            position = DOC[f"{d.id}-sentence-{sentence.number:02d}-position"]
            g.add((node, RDF.type, ALKKG.Sentence))
            g.add((node, RDFS.label, _en(f"Sentence {sentence.number} of {d.id}")))
            g.add((node, ALKKG.sentenceNumber, Literal(sentence.number, datatype=XSD.nonNegativeInteger)))
            g.add((node, ALKKG.sentenceOf, self.doc))
            g.add((node, ALKKG.sentenceText, Literal(sentence.text)))
            g.add((node, ALKKG.hasPosition, position))
            g.add((position, RDF.type, OA.TextPositionSelector))
            g.add((position, RDFS.label, _en(f"Characters {sentence.start}-{sentence.end} of {d.id}: "
                                             f"sentence {sentence.number}")))
            g.add((position, OA.start, Literal(sentence.start, datatype=XSD.nonNegativeInteger)))
            g.add((position, OA.end, Literal(sentence.end, datatype=XSD.nonNegativeInteger)))
            if sentence.citation:
                g.add((node, ALKKG.citationMarker, Literal(sentence.citation.text)))
                reason = acknowledged.get((sentence.number, sentence.citation.text))
                if reason:  # the marker stands in this sentence's span but belongs to text the excerpt lost
                    g.add((node, RDFS.comment, Literal(f"Citation marker {sentence.citation.text}: {reason}")))
                for number in sentence.citation.references:
                    g.add((node, ALKKG.sentenceCites, self.reference_iri(number)))
                    marked.add(number)
        for number in sorted(set(cited) | marked):
            ref = self.reference_iri(number)
            g.add((ref, RDF.type, ALKKG.BibliographicReference))
            g.add((ref, RDFS.label, _en(f"Reference {number} of {d.id}")))
            g.add((ref, ALKKG.referenceNumber, Literal(number, datatype=XSD.nonNegativeInteger)))
            g.add((ref, ALKKG.referenceOf, self.doc))
            g.add((self.doc, CITO.cites, ref))
        g.add((self.activity, RDF.type, PROV.Activity))
        g.add((self.activity, RDFS.label, _en(f"Curation of the claims of {d.id}")))
        g.add((self.activity, PROV.wasAssociatedWith, self.agent))
        g.add((self.activity, PROV.endedAtTime,
               Literal(f"{d.curation_date}T00:00:00Z", datatype=XSD.dateTime)))
        g.add((self.agent, RDF.type, PROV.Organization))
        g.add((self.agent, RDFS.label, _en(d.curation_agent)))
        return g

    def sentence_iri(self, number: int) -> URIRef:
        return DOC[f"{self.document.id}-sentence-{number:02d}"]

    def reference_iri(self, number: int) -> URIRef:
        return DOC[f"{self.document.id}-reference-{number}"]

    # -- claims ---------------------------------------------------------------------------------
    def assertion(self, item: LocatedClaim, iri: URIRef) -> tuple[Triples, URIRef, URIRef, URIRef]:
        """The formal content of a claim, with its resolved subject, predicate and object."""
        claim, g = item.claim, Triples()
        subject = self.entity(claim, claim.subject, "subject")
        predicate = self.predicate(claim)
        if claim.measurement is not None:
            m = claim.measurement
            obj = URIRef(f"{iri}-measurement")
            self.measurement(claim, m, obj, subject, g)
        elif predicate == RDF.type:
            obj = self.klass(claim, claim.object or "", "object")
        else:
            obj = self.entity(claim, claim.object or "", "object")
        if claim.modality != "stated":
            # Hedged: the plain layer must not state it. The hypothesis names the statement with
            # annotation properties, which neither a triple pattern nor the reasoner reads as fact.
            hypothesis = hypothesis_iri(iri)
            self.statement_node(g, claim, hypothesis, ALKKG.Hypothesis, f"Hypothesis ({claim.modality})",
                                (ALKKG.hypothesisSubject, ALKKG.hypothesisPredicate, ALKKG.hypothesisObject),
                                (subject, predicate, obj))
            g.add((hypothesis, ALKKG.modality, ALKKG[claim.modality]))
            return g, subject, predicate, obj
        if claim.qualifiers and claim.measurement is None:
            # The triple below says less than the source: the qualified statement says it with the
            # words that restrict or grade it, in the same (plain) graph. A measurement node already
            # carries its context.
            self.statement_node(g, claim, qualified_statement_iri(iri), ALKKG.QualifiedStatement,
                                "Qualified statement",
                                (ALKKG.statementSubject, ALKKG.statementPredicate, ALKKG.statementObject),
                                (subject, predicate, obj))
        if claim.polarity == "negated":
            if predicate == RDF.type:
                raise _fail(self.curation, claim, "a negated class membership is not supported; "
                                                   "use an object property predicate")
            axiom = BNode(f"npa-{self.document.id}-{claim.id}")
            g.add((axiom, RDF.type, OWL.NegativePropertyAssertion))
            g.add((axiom, OWL.sourceIndividual, subject))
            g.add((axiom, OWL.assertionProperty, predicate))
            g.add((axiom, OWL.targetIndividual, obj))
        else:
            g.add((subject, predicate, obj))
        return g, subject, predicate, obj

    def statement_node(self, g: Triples, claim: Claim, node: URIRef, kind: URIRef, title: str,
                       properties: tuple[URIRef, URIRef, URIRef], spo: tuple[URIRef, URIRef, URIRef]) -> None:
        """A node naming the claim's triple with annotation properties (read by neither a triple
        pattern nor the reasoner as fact), with the claim's polarity and qualifiers."""
        g.add((node, RDF.type, kind))
        g.add((node, RDFS.label, _en(f"{title}: {claim.statement}")))
        for prop, value in zip(properties, spo, strict=True):
            g.add((node, prop, value))
        g.add((node, ALKKG.polarity, ALKKG[claim.polarity]))
        self.qualifiers(claim, node, g)

    def qualifiers(self, claim: Claim, node: URIRef, g: Triples) -> None:
        for key, name in claim.qualifiers:
            g.add((node, QUALIFIER_PROPERTIES[key], self.qualifier(claim, key, name)))

    def measurement(self, claim: Claim, m: Measurement, node: URIRef, subject: URIRef, g: Triples) -> None:
        """The measurement node, with its values and everything that sets what it measures."""
        kind = self.klass(claim, m.type, "measurement type")
        g.add((node, RDF.type, kind))
        g.add((node, RDFS.label, _en(f"{self.vocabulary.label(kind)} {_amount(m)} ({claim.id})")))
        g.add((node, ALKKG.unit, UNIT_IRIS[m.unit]))
        for prop, value in ((ALKKG.numericValue, m.value), (ALKKG.minValue, m.min), (ALKKG.maxValue, m.max)):
            if value is not None:
                g.add((node, prop, _decimal(value)))
        for prop, count in ((ALKKG.numerator, m.numerator), (ALKKG.denominator, m.denominator)):
            if count is not None:
                g.add((node, prop, Literal(count, datatype=XSD.nonNegativeInteger)))
        g.add((node, ALKKG.isApproximate, Literal(m.approximate)))
        if m.upper_bound:
            g.add((node, ALKKG.isUpperBound, Literal(True)))
        if m.lower_bound:
            g.add((node, ALKKG.isLowerBound, Literal(True)))
        if m.direction:
            g.add((node, ALKKG.direction, ALKKG[m.direction]))
        if m.within:
            g.add((node, ALKKG.timeWindowValue, _decimal(m.within[0])))
            g.add((node, ALKKG.timeWindowUnit, UNIT_IRIS[m.within[1]]))
        if subject in self.vocabulary.drugs:
            g.add((node, ALKKG.ofDrug, subject))
        elif subject in self.vocabulary.populations:
            g.add((node, ALKKG.measuredInPopulation, subject))
        else:
            g.add((node, IS_ABOUT, subject))
        for key, name in claim.qualifiers:
            if key in MEASUREMENT_CONTEXT:
                g.add((node, MEASUREMENT_CONTEXT[key], self.qualifier(claim, key, name)))
        for name in m.about:
            g.add((node, IS_ABOUT, self.entity(claim, name, "measurement 'about'")))

    def claim_node(self, item: LocatedClaim, iri: URIRef, spo: tuple[URIRef, URIRef, URIRef]) -> Triples:
        claim, g = item.claim, Triples()
        subject, predicate, obj = spo
        g.add((iri, RDF.type, ALKKG.Claim))
        g.add((iri, RDFS.label, _en(f"{self.document.id} {claim.id}")))
        g.add((iri, ALKKG.statement, Literal(claim.statement)))
        g.add((iri, ALKKG.claimSubject, subject))
        g.add((iri, ALKKG.claimPredicate, predicate))
        g.add((iri, ALKKG.claimObject, obj))
        g.add((iri, ALKKG.polarity, ALKKG[claim.polarity]))
        g.add((iri, ALKKG.modality, ALKKG[claim.modality]))
        g.add((iri, ALKKG.quote, Literal(claim.quote)))
        g.add((iri, ALKKG.inSentence, self.sentence_iri(claim.sentence)))
        self.qualifiers(claim, iri, g)
        if claim.modality != "stated":
            g.add((iri, ALKKG.statesHypothesis, hypothesis_iri(iri)))
        elif claim.qualifiers and claim.measurement is None:
            g.add((iri, ALKKG.hasQualifiedStatement, qualified_statement_iri(iri)))
        for name in claim.evidence:
            g.add((iri, ALKKG.hasEvidenceType, self.entity(claim, name, "evidence")))
        for number in claim.cites:
            g.add((iri, ALKKG.citesReference, self.reference_iri(number)))
        for target in claim.rests_on:
            g.add((iri, ALKKG.restsOn, claim_iri(self.document, target)))
        g.add((iri, PROV.wasDerivedFrom, self.doc))
        g.add((iri, PROV.wasQuotedFrom, self.doc))
        g.add((iri, PROV.wasGeneratedBy, self.activity))
        g.add((iri, DCTERMS.license, URIRef(self.document.license)))
        self.anchor(g, URIRef(f"{iri}-annotation"), iri, OA.describing, item.start, item.end,
                    (f"Evidence span of claim {claim.id}", f"The quoted span of claim {claim.id}",
                     f"Quote of claim {claim.id}", f"claim {claim.id}"))
        for number, (start, end, name) in enumerate(item.mention_spans, 1):
            # A mention names the entity a phrase of the quote stands for ("IGF-1 receptor").
            mention = URIRef(f"{iri}-mention-{number}")
            g.add((iri, ALKKG.hasMention, mention))
            self.anchor(g, mention, self.entity(claim, name, "mention entity"), OA.identifying, start, end,
                        (f"Mention {number} of claim {claim.id}", f"The span of mention {number} of claim {claim.id}",
                         f"Mention {number} of claim {claim.id}", f"mention {number} of claim {claim.id}"))
        return g

    def anchor(self, g: Triples, annotation: URIRef, body: URIRef, motivation: URIRef, start: int, end: int,
               labels: tuple[str, str, str, str]) -> None:
        """A Web Annotation tying *body* to the characters *start*-*end* of the source text."""
        stem = annotation.removesuffix("-annotation")  # a claim's nodes share its IRI, a mention's its own
        target, quote_selector = URIRef(f"{stem}-target"), URIRef(f"{stem}-quote-selector")
        position = URIRef(f"{stem}-position-selector")
        exact = self.text[start:end]
        annotation_label, target_label, quote_label, position_label = labels
        g.add((annotation, RDF.type, OA.Annotation))
        g.add((annotation, RDFS.label, _en(annotation_label)))
        g.add((annotation, OA.hasBody, body))
        g.add((annotation, OA.hasTarget, target))
        g.add((annotation, OA.motivatedBy, motivation))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, RDFS.label, _en(f"{target_label} in the text of {self.document.id}")))
        g.add((target, OA.hasSource, self.source_text))
        g.add((target, OA.hasSelector, quote_selector))
        g.add((target, OA.hasSelector, position))
        g.add((quote_selector, RDF.type, OA.TextQuoteSelector))
        g.add((quote_selector, RDFS.label, _en(f"{quote_label}: {exact}")))
        g.add((quote_selector, OA.exact, Literal(exact)))
        g.add((quote_selector, OA.prefix, Literal(self.text[max(0, start - CONTEXT_CHARS):start])))
        g.add((quote_selector, OA.suffix, Literal(self.text[end:end + CONTEXT_CHARS])))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, RDFS.label, _en(f"Characters {start}-{end} of {self.document.id}: {position_label}")))
        g.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
        g.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))


def _part() -> Graph:
    """A graph for one claim's triples: binding the project's prefixes costs more than its triples,
    and only the graphs that are serialised need them."""
    return Graph(bind_namespaces="none")


def hypothesis_iri(claim: URIRef) -> URIRef:
    return URIRef(f"{claim}-hypothesis")


def qualified_statement_iri(claim: URIRef) -> URIRef:
    return URIRef(f"{claim}-statement")


def _amount(m: Measurement) -> str:
    """How the source words a quantity, for a label: "approximately 60 percent", "8-10 month"."""
    if m.numerator is not None:
        number = f"{m.numerator}/{m.denominator}"
    elif m.value is not None:
        number = f"{m.value} {m.unit}"
    else:
        number = f"{m.min}-{m.max} {m.unit}"
    prefix = ("approximately " if m.approximate else "") + ("at most " if m.upper_bound else "") + \
        ("more than " if m.lower_bound else "")
    suffix = f" within {m.within[0]} {m.within[1]}s" if m.within else ""
    direction = {"increase": " more", "decrease": " less"}.get(m.direction or "", "")
    return f"{prefix}{number}{direction}{suffix}"


def _en(text: str) -> Literal:
    """A label in English: every label we mint carries its language, so lang() filters find it."""
    return Literal(text, lang="en")


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _decimal(value: Decimal) -> Literal:
    """An xsd:decimal in canonical lexical form ("60.0", "0.5"), identical in every syntax."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def compile_document(curation: Curation, text: str, ontology: Graph | Vocabulary,
                     release_date: str) -> CompiledDocument:
    """Check a curation against its source text and ontology, and compile it to RDF."""
    sentences = split_sentences(text)
    located = locate(curation, text, sentences)
    vocabulary = ontology if isinstance(ontology, Vocabulary) else Vocabulary(ontology)
    compiler = _Compiler(curation, text, vocabulary, release_date)
    cited = {n for c in curation.claims for n in c.cites}
    document_triples = compiler.document_triples(sentences, cited)

    quads: list[Quad] = []
    _add_nanopub(quads, compiler, "document", document_triples, None)
    claim_triples = {}
    for item in located:
        iri = claim_iri(curation.document, item.claim.id)
        assertion, subject, predicate, obj = compiler.assertion(item, iri)
        node = compiler.claim_node(item, iri, (subject, predicate, obj))
        claim_triples[item.claim.id] = Triples([*assertion, *node])
        _add_nanopub(quads, compiler, item.claim.id, assertion, (iri, node))
    unique = list(dict.fromkeys(quads))  # a graph holds a triple once
    return CompiledDocument(curation, text, sentences, located, document_triples, claim_triples, unique)


def _add_nanopub(quads: list[Quad], compiler: _Compiler, local: str, assertion: Triples,
                 claim: tuple[URIRef, Triples] | None) -> None:
    np = nanopub_iri(compiler.document, local)
    head, body = URIRef(f"{np}#Head"), URIRef(f"{np}#assertion")
    provenance, pubinfo = URIRef(f"{np}#provenance"), URIRef(f"{np}#pubinfo")
    quads += [(np, RDF.type, NP.Nanopublication, head), (np, NP.hasAssertion, body, head),
              (np, NP.hasProvenance, provenance, head), (np, NP.hasPublicationInfo, pubinfo, head)]
    quads += [(s, p, o, body) for s, p, o in assertion]
    quads += [(body, PROV.wasDerivedFrom, compiler.doc, provenance),
              (body, PROV.wasGeneratedBy, compiler.activity, provenance)]
    if claim is not None:
        claim_node, node_triples = claim
        quads.append((body, ALKKG.assertionOf, claim_node, provenance))
        quads += [(s, p, o, provenance) for s, p, o in node_triples]
    quads += [(np, DCTERMS.created, Literal(f"{compiler.release_date}T00:00:00Z", datatype=XSD.dateTime), pubinfo),
              (np, DCTERMS.license, URIRef(CC_BY_4), pubinfo),
              (np, PROV.wasAttributedTo, compiler.agent, pubinfo)]
