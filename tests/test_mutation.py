"""Mutation testing of the SHACL shapes: break the built graph in small ways, check the shapes notice.

Starting from the built graph (``artifacts.flat``), one sample node per class (a few more for
claims, measurements and entities; see SAMPLES) is mutated, one mutation per mutant:

* remove each property of the node (all its values);
* change the datatype of each literal (strings become xsd:anyURI, other literals xsd:string);
* point each link (an object that has an rdf:type) at a node of the wrong class;
* change one character of a quote or a sentence's text (alkkg:quote, oa:exact, alkkg:sentenceText);
* move an offset by one (oa:start / oa:end, both directions);
* swap a range's minimum and maximum;
* drop a nanopublication-level piece of a claim (its annotation, target, quote selector, position
  selector, measurement, negative property assertion, hypothesis, or its assertion triple);
* assert a hedged claim as a fact (add its plain triple).

A mutant "makes the data wrong" unless it removes a property that the curation format makes
optional (HARMLESS and _harmless_removal, docs/shapes.md). It is caught when the shapes report a violation or a warning
that the unmutated sample does not have. The shapes must catch at least 95% of the mutants that
make the data wrong; the survivors are printed (pytest -s) and named in the assertion message.

Speed: validating the whole graph per mutant would take about a second each. Instead every mutant
is a small DISJOINT COPY of its sample's neighbourhood (nodes renamed ``<iri>--<tag>``, blank
nodes fresh), and the built graph plus all copies are validated in one run per worker process. A
copy holds the sample node with all its triples (for the anchoring of a claim: claim, annotation,
target and selectors; a claim's measurement and hypothesis), and the nodes pointing at it (their
triples, with the link renamed; the document only with its links into the copy). Everything else (document, source text, entities,
ontology) is shared, so the source-text and document SPARQL checks see the copies too. A result
belongs to a copy through its focus node or value node; an unmutated copy of each region is the
baseline whose results (a copy is not a complete graph) are subtracted.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from test_shapes import Result, run_all, workers

# Hundreds of mutants through pyshacl: the heaviest check, run by .ci/run with the slow set.
pytestmark = pytest.mark.slow

# Plain namespaces (rdflib's closed ones warn when pytest inspects this module).
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ALKKG = Namespace("https://w3id.org/alkkg/vocab/")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
CITO = Namespace("http://purl.org/spar/cito/")
CLAIM = "https://w3id.org/alkkg/claim/shaw-2014-"
DOC = "https://w3id.org/alkkg/doc/"
ENTITY = "https://w3id.org/alkkg/entity/"
REQUIRED_SCORE = 0.95
NEGATION = "(the owl:NegativePropertyAssertion of the negated claim)"
COPY_IRI = re.compile(r"--(s\d+a?-base|s\d+-m\d+)\b")   # a renamed IRI names its copy

# (what the sample stands for, its IRI, its class). When the data no longer has that IRI (the
# curation changes), the first node of that class (and kind) stands in for it.
SAMPLES: tuple[tuple[str, str, Node], ...] = (
    ("Claim with measurement, qualifiers, references", CLAIM + "s04-crizotinib-median-pfs", ALKKG.Claim),
    ("negated Claim", CLAIM + "s11-ceritinib-does-not-inhibit-met", ALKKG.Claim),
    ("stated Claim with a qualified statement", CLAIM + "s03-tumor-depends-on-alk", ALKKG.Claim),
    ("hedged Claim resting on others", CLAIM + "s13-active-after-crizotinib-progression", ALKKG.Claim),
    ("alkkg:Hypothesis of a hedged claim", CLAIM + "s13-active-after-crizotinib-progression-hypothesis", ALKKG.Hypothesis),
    ("alkkg:QualifiedStatement of a stated claim", CLAIM + "s03-tumor-depends-on-alk-statement", ALKKG.QualifiedStatement),
    ("owl:NegativePropertyAssertion", NEGATION, OWL.NegativePropertyAssertion),
    ("oa:Annotation", CLAIM + "s04-crizotinib-median-pfs-annotation", OA.Annotation),
    ("oa:Annotation of a mention", CLAIM + "s11-ceritinib-inhibits-igf1r-mention-1", OA.Annotation),
    ("oa:SpecificResource", CLAIM + "s04-crizotinib-median-pfs-target", OA.SpecificResource),
    ("oa:TextQuoteSelector", CLAIM + "s04-crizotinib-median-pfs-quote-selector", OA.TextQuoteSelector),
    ("oa:TextPositionSelector of a quote", CLAIM + "s04-crizotinib-median-pfs-position-selector", OA.TextPositionSelector),
    ("oa:TextPositionSelector of a sentence", DOC + "shaw-2014-sentence-05-position", OA.TextPositionSelector),
    ("Measurement: range (months)", CLAIM + "s04-crizotinib-median-pfs-measurement", ALKKG.Measurement),
    ("Measurement: percentage", CLAIM + "s04-crizotinib-response-rate-measurement", ALKKG.Measurement),
    ("Measurement: lower bound, time window", CLAIM + "s05-relapse-within-12-months-measurement", ALKKG.Measurement),
    ("Measurement: proportion", CLAIM + "s06-alk-alteration-resistance-share-measurement", ALKKG.Measurement),
    ("Measurement: fold", CLAIM + "s10-ceritinib-20-fold-more-potent-measurement", ALKKG.Measurement),
    ("alkkg:Sentence", DOC + "shaw-2014-sentence-05", ALKKG.Sentence),
    ("alkkg:BibliographicReference", DOC + "shaw-2014-reference-9", ALKKG.BibliographicReference),
    ("alkkg:Authorship", DOC + "shaw-2014-authorship-20", ALKKG.Authorship),
    ("prov:Person (author of a byline claim)", DOC + "person-boral-al", PROV.Person),
    ("prov:Organization", DOC + "alkkg-curators", PROV.Organization),
    ("prov:Activity", DOC + "shaw-2014-curation", PROV.Activity),
    ("alkkg:SourceDocument", DOC + "shaw-2014", ALKKG.SourceDocument),
    ("alkkg:SourceText", DOC + "shaw-2014-text", ALKKG.SourceText),
    ("alkkg:ClinicalTrial", "https://identifiers.org/clinicaltrials:NCT01283516", ALKKG.ClinicalTrial),
    ("entity: Drug", ENTITY + "crizotinib", ALKKG.Drug),
    ("entity: Gene", ENTITY + "ALK-gene", ALKKG.Gene),
    ("entity: Protein", ENTITY + "ALK-protein", OWL.NamedIndividual),
    ("entity: PatientPopulation", ENTITY + "crizotinib-treated-patients", ALKKG.PatientPopulation),
    ("entity: EvidenceType", ENTITY + "clinical-study", OWL.NamedIndividual),
    ("vocabulary: UnitOfMeasure", str(ALKKG.fold), ALKKG.UnitOfMeasure),
    ("vocabulary: Polarity", str(ALKKG.asserted), ALKKG.Polarity),
)

# Removals that leave the data right: what the curation format (docs/curation-format.md) and
# document.yaml make optional.
HARMLESS: dict[Node, str] = {
    ALKKG.citesReference: "optional: 'cites' lists only the references that back the claim",
    ALKKG.restsOn: "optional: 'rests_on'",
    ALKKG.hasEvidenceType: "optional: 'evidence'",
    ALKKG.inPopulation: "optional qualifier",
    ALKKG.inDiseaseContext: "optional qualifier",
    ALKKG.inAssay: "optional qualifier",
    ALKKG.inModel: "optional qualifier",
    ALKKG.comparedWith: "optional qualifier",
    ALKKG.againstTarget: "optional qualifier",
    ALKKG.inContext: "optional qualifier",
    ALKKG.withDrug: "optional qualifier",
    ALKKG.withDegree: "optional qualifier ('degree')",
    ALKKG.isUpperBound: "optional: 'upper_bound' (absent means not an upper bound)",
    ALKKG.isLowerBound: "optional: 'lower_bound' (absent means not a lower bound)",
    ALKKG.reportsTrial: "optional: 'trial' in document.yaml",
    ALKKG.pmcid: "optional: 'pmcid' in document.yaml",
    OA.prefix: "optional in Web Annotation: the position selector anchors the quote",
    OA.suffix: "optional in Web Annotation: the position selector anchors the quote",
    SKOS.closeMatch: "optional mapping of an entity",
    SKOS.broadMatch: "optional mapping of an entity",
    SKOS.related: "optional mapping of an entity",
}
OPTIONAL_DIRECTION = "optional: 'direction' is only required for unit fold"
OPTIONAL_MAPPING = "optional: only genes, proteins and drugs need a skos:exactMatch"
BACKGROUND = "optional: a relation between entities that no claim asserts (ontology background knowledge)"
OPTIONAL_ABOUT = "optional: 'about' of a measurement (IAO:0000136 that does not name its claim's subject)"
IS_ABOUT = URIRef("http://purl.obolibrary.org/obo/IAO_0000136")

INSTANCE_CLASSES = {
    ALKKG.Claim, OA.Annotation, OA.SpecificResource, OA.TextQuoteSelector, OA.TextPositionSelector,
    ALKKG.Measurement, OWL.NegativePropertyAssertion, ALKKG.Sentence, ALKKG.BibliographicReference,
    ALKKG.Authorship, PROV.Agent, PROV.Activity, ALKKG.SourceDocument, ALKKG.SourceText,
    ALKKG.ClinicalTrial, ALKKG.Hypothesis, ALKKG.QualifiedStatement,
}
IDENTIFIED = (ALKKG.Gene, ALKKG.Protein, ALKKG.Drug)   # classes whose exactMatch is required
TRIMMED = (ALKKG.hasAuthorship, CITO.cites)          # long lists of the document (see region())
# Properties whose object the shapes allow only one subject of (inverse sh:maxCount 1).
ONCE_PER_OBJECT = (OA.hasBody, OA.hasTarget, ALKKG.hasAuthorship, ALKKG.hasText, CITO.cites,
                   ALKKG.statesHypothesis, ALKKG.hasQualifiedStatement)


@dataclass
class Mutant:
    tag: str
    sample: str
    description: str
    harmless: str | None
    baseline: str                                    # tag of the unmutated copy of its region
    mutate: Callable[[Graph], None] = field(repr=False)


@dataclass
class Outcome:
    mutants: list[Mutant]
    new_results: dict[str, set[tuple]]
    unattributed: list[tuple]
    seconds: float
    copy_triples: int

    def caught(self, m: Mutant) -> bool:
        return bool(self.new_results[m.tag])

    @property
    def wrong(self) -> list[Mutant]:
        return [m for m in self.mutants if not m.harmless]

    @property
    def survivors(self) -> list[Mutant]:
        return [m for m in self.wrong if not self.caught(m)]

    @property
    def score(self) -> float:
        return 1 - len(self.survivors) / len(self.wrong)

    def summary(self) -> str:
        harmless = [m for m in self.mutants if m.harmless]
        return (f"mutation score {self.score:.1%}: the shapes catch {len(self.wrong) - len(self.survivors)} "
                f"of {len(self.wrong)} mutants that make the data wrong ({len(harmless)} harmless mutants "
                f"not counted, {sum(map(self.caught, harmless))} of them reported anyway); "
                f"{len(SAMPLES)} samples, {self.copy_triples} triples in copies, {self.seconds:.1f} s")

    def survivor_lines(self) -> list[str]:
        return [f"SURVIVOR [{m.sample}] {m.description}" for m in self.survivors]


# -- reading the built graph ------------------------------------------------------------------

class Model:
    """What the mutants need to know about the built graph."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.measurement_classes = set(g.transitive_subjects(RDFS.subClassOf, ALKKG.Measurement))
        self.agent_classes = set(g.transitive_subjects(RDFS.subClassOf, PROV.Agent))
        self.asserted = set()
        for c in g.subjects(RDF.type, ALKKG.Claim):
            self.asserted.add((g.value(c, ALKKG.claimSubject), g.value(c, ALKKG.claimPredicate),
                               g.value(c, ALKKG.claimObject)))
        self.text = next(g.subjects(RDF.type, ALKKG.SourceText))
        self.hedged = set(g.subjects(ALKKG.modality, ALKKG.hedged)) & set(g.subjects(RDF.type, ALKKG.Claim))
        self.activity = next(g.subjects(RDF.type, PROV.Activity))

    def node(self, iri: str, cls: Node) -> Node:
        """The sample node: its IRI, else the first node of its class (see SAMPLES)."""
        if iri != NEGATION and (URIRef(iri), RDF.type, None) in self.g:
            return URIRef(iri)
        members = set(self.g.transitive_subjects(RDFS.subClassOf, cls))
        candidates = sorted({s for c in members for s in self.g.subjects(RDF.type, c)}, key=str)
        assert candidates, f"no node of class {cls} for sample {iri}"
        return candidates[0]

    def types(self, node: Node) -> set[Node]:
        return set(self.g.objects(node, RDF.type))

    def kind(self, node: Node) -> Node | None:
        """The class of a node of our data; None for entities and ontology terms."""
        for t in self.types(node):
            if t in self.measurement_classes:
                return ALKKG.Measurement
            if t in self.agent_classes:
                return PROV.Agent
            if t in INSTANCE_CLASSES:
                return t
        return None

    def claim_of(self, node: Node) -> Node | None:
        """The claim whose anchoring (annotation, target, selectors) a node belongs to."""
        g = self.g
        kind = self.kind(node)
        if kind == ALKKG.Claim:
            return node
        if kind == OA.Annotation:
            body = g.value(node, OA.hasBody)
            return body if self.kind(body) == ALKKG.Claim else None  # a mention names an entity
        if kind == OA.SpecificResource:
            return self.claim_of(g.value(predicate=OA.hasTarget, object=node))
        target = g.value(predicate=OA.hasSelector, object=node)
        return self.claim_of(target) if target is not None else None

    def anchoring(self, claim: Node) -> set[Node]:
        g = self.g
        annotation = g.value(predicate=OA.hasBody, object=claim)
        target = g.value(annotation, OA.hasTarget)
        return {claim, annotation, target, *g.objects(target, OA.hasSelector)}

    def mention_anchoring(self, annotation: Node) -> set[Node]:
        target = self.g.value(annotation, OA.hasTarget)
        return {annotation, target, *self.g.objects(target, OA.hasSelector)}

    def negation_of(self, claim: Node) -> Node | None:
        g = self.g
        s, p, o = (g.value(claim, ALKKG.claimSubject), g.value(claim, ALKKG.claimPredicate),
                   g.value(claim, ALKKG.claimObject))
        for npa in g.subjects(OWL.sourceIndividual, s):
            if (npa, OWL.assertionProperty, p) in g and (npa, OWL.targetIndividual, o) in g:
                return npa
        return None

    def identified(self, node: Node) -> bool:
        """Is the entity a gene, protein or drug (whose identifier mapping is required)?"""
        return any(set(self.g.transitive_objects(t, RDFS.subClassOf)) & set(IDENTIFIED)
                   for t in self.types(node))

    def wrong_node(self, original: Node) -> Node:
        """A node of another class than the link's target: the source text, else the activity."""
        return self.activity if original == self.text else self.text

    def short(self, term: Node) -> str:
        return self.g.namespace_manager.normalizeUri(term) if isinstance(term, URIRef) else str(term)


# -- the copies ---------------------------------------------------------------------------------

@dataclass
class Region:
    """What a copy holds. All of `full`; the rdf:type of `extra`; of each `pointers` node its
    triples (the document: only its links into the copy). All three sets are renamed."""

    full: set[Node]
    extra: set[Node] = field(default_factory=set)
    pointers: set[Node] = field(default_factory=set)
    triples: Graph = field(default_factory=Graph)

    @property
    def renamed(self) -> set[Node]:
        return self.full | self.extra | self.pointers


def region(model: Model, node: Node, anchored: bool) -> Region:
    """The neighbourhood of a sample that its copies hold.

    `anchored`: the copy holds the claim's whole anchoring (annotation, target, selectors), for the
    mutants that the quote check must see.
    """
    g = model.g
    kind = model.kind(node)
    claim = model.claim_of(node) if kind in (ALKKG.Claim, OA.Annotation, OA.SpecificResource,
                                             OA.TextQuoteSelector, OA.TextPositionSelector) else None
    if claim is not None and (anchored or kind != ALKKG.Claim):
        full = model.anchoring(claim)
    elif kind == OA.Annotation:
        full = model.mention_anchoring(node)
    else:
        full = {node}
    if kind == ALKKG.Claim:
        obj = g.value(node, ALKKG.claimObject)
        if model.kind(obj) == ALKKG.Measurement:
            full.add(obj)
        full |= set(g.objects(node, ALKKG.statesHypothesis))
        full |= set(g.objects(node, ALKKG.hasQualifiedStatement))
    if kind == OWL.NegativePropertyAssertion:
        full |= {c for c in g.subjects(RDF.type, ALKKG.Claim) if model.negation_of(c) == node}
    if kind == ALKKG.Claim and model.negation_of(node) is not None:
        full.add(model.negation_of(node))
    out = Region(full=set(full))
    # A negated claim and its negative property assertion get their own subject and object
    # entities (their types only): a negative assertion elsewhere (the built graph's, or another
    # copy's) would otherwise still satisfy the copy.
    for x in full:
        if model.kind(x) == OWL.NegativePropertyAssertion:
            out.extra |= {g.value(x, OWL.sourceIndividual), g.value(x, OWL.targetIndividual)}
    # So do a hedged claim and its hypothesis: a mutant asserting the hedge as a fact adds the
    # plain triple between the copy's own entities, not to the built graph's.
    for x in full:
        if x in model.hedged:
            out.extra |= {e for e in (g.value(x, ALKKG.claimSubject), g.value(x, ALKKG.claimObject))
                          if model.kind(e) is None}
    for x in full:
        for p, o in g.predicate_objects(x):
            out.triples.add((x, p, o))
    # Who points at the copy: entities stay shared (their link is copied, renamed); nodes of our
    # data are copied: one per property, and for claimSubject one claim per claim predicate (each
    # checks through the assertion check that the sample still asserts that relation).
    pointing: dict[Node, set[Node]] = defaultdict(set)
    for x in full:
        by_property: dict[Node, list[Node]] = defaultdict(list)
        for v, p in g.subject_predicates(x):
            if v in full:
                continue
            if model.kind(v) is None:
                out.triples.add((v, p, x))
            else:
                by_property[p].append(v)
        for p, vs in by_property.items():
            if p == ALKKG.claimSubject:
                per_predicate: dict[Node, Node] = {}
                for v in sorted(vs, key=str):
                    per_predicate.setdefault(g.value(v, ALKKG.claimPredicate), v)
                vs = list(per_predicate.values())
            else:
                vs = [min(vs, key=str)]
            for v in vs:
                pointing[v].add(p)
    for x in full:            # the document's long lists: one value, plus those into the copy
        for p in TRIMMED:
            values = sorted(g.objects(x, p), key=str)
            keep = {v for v in values if v in pointing} | set(values[:1])
            for v in values:
                if v not in keep:
                    out.triples.remove((x, p, v))
    for v, properties in pointing.items():
        out.pointers.add(v)
        if model.kind(v) == ALKKG.SourceDocument:
            for t in g.objects(v, RDF.type):
                out.triples.add((v, RDF.type, t))
            for p in properties:
                for o in g.objects(v, p):
                    if o in full:
                        out.triples.add((v, p, o))
        else:
            for p, o in g.predicate_objects(v):
                out.triples.add((v, p, o))
    # A shared node may be the object of these properties only once (inverse sh:maxCount): the
    # copy links to its own stand-in instead (types only).
    for s, p, o in list(out.triples):
        if p in ONCE_PER_OBJECT and s in out.renamed and o not in out.renamed:
            out.extra.add(o)
    for x in out.extra:
        for t in g.objects(x, RDF.type):
            out.triples.add((x, RDF.type, t))
    return out


def rename(copy: Graph, nodes: set[Node], tag: str) -> tuple[Graph, dict[Node, Node]]:
    mapping: dict[Node, Node] = {n: BNode() if isinstance(n, BNode) else URIRef(f"{n}--{tag}") for n in nodes}
    out = Graph()
    for s, p, o in copy:
        out.add((mapping.get(s, s), p, mapping.get(o, o)))
    return out, mapping


# -- the mutations ------------------------------------------------------------------------------

def _other_datatype(value: Literal) -> Literal:
    if value.datatype in (None, XSD.string):
        return Literal(str(value), datatype=XSD.anyURI)
    return Literal(str(value), datatype=XSD.string)


def _one_char(text: str) -> str:
    i = len(text) // 2
    return text[:i] + ("x" if text[i] != "x" else "y") + text[i + 1:]


def _harmless_removal(model: Model, node: Node, p: Node) -> str | None:
    g = model.g
    if p in HARMLESS:
        return HARMLESS[p]
    if p == ALKKG.direction and g.value(node, ALKKG.unit) != ALKKG.fold:
        return OPTIONAL_DIRECTION
    if p == IS_ABOUT and model.kind(node) == ALKKG.Measurement:
        claim = g.value(predicate=ALKKG.claimObject, object=node)
        if claim is None or g.value(claim, ALKKG.claimSubject) not in set(g.objects(node, IS_ABOUT)):
            return OPTIONAL_ABOUT
    if model.kind(node) is None:                      # an entity of the ontology
        if p == SKOS.exactMatch and not model.identified(node):
            return OPTIONAL_MAPPING
        if str(p).startswith(str(ALKKG)) and not any((node, p, o) in model.asserted for o in g.objects(node, p)):
            return BACKGROUND
    return None


@dataclass
class Mutation:
    description: str
    harmless: str | None
    mutate: Callable[[Graph], None]
    anchored: bool = False      # needs the claim's whole anchoring in the copy


def mutations(model: Model, node: Node) -> list[Mutation]:
    g = model.g
    short = model.short
    kind = model.kind(node)
    found: list[Mutation] = []
    properties = sorted(set(g.predicates(node)), key=str)
    for p in properties:
        def remove(c: Graph, p=p) -> None:
            c.remove((node, p, None))
        found.append(Mutation(f"remove {short(p)}", _harmless_removal(model, node, p), remove))
    for p in properties:
        for value in sorted(g.objects(node, p), key=str):
            if not isinstance(value, Literal):
                continue
            wrong = _other_datatype(value)

            def retype(c: Graph, p=p, value=value, wrong=wrong) -> None:
                c.remove((node, p, value))
                c.add((node, p, wrong))
            found.append(Mutation(f"datatype of {short(p)} -> {short(wrong.datatype)}", None, retype))
            if p in (ALKKG.quote, OA.exact, ALKKG.sentenceText):
                def one_char(c: Graph, p=p, value=value) -> None:
                    c.remove((node, p, value))
                    c.add((node, p, Literal(_one_char(str(value)), datatype=value.datatype)))
                found.append(Mutation(f"change one character of {short(p)}", None, one_char, anchored=True))
            if p in (OA.start, OA.end):
                for delta in (-1, 1):
                    def move(c: Graph, p=p, value=value, delta=delta) -> None:
                        c.remove((node, p, value))
                        c.add((node, p, Literal(int(value) + delta, datatype=value.datatype)))
                    found.append(Mutation(f"move {short(p)} by {delta:+d}", None, move))
        if p == RDF.type:
            continue
        linked = sorted((o for o in g.objects(node, p) if not isinstance(o, Literal) and model.types(o)), key=str)
        if linked:
            original, wrong_node = linked[0], model.wrong_node(linked[0])

            def repoint(c: Graph, p=p, original=original, wrong_node=wrong_node) -> None:
                c.remove((node, p, original))
                c.add((node, p, wrong_node))
            found.append(Mutation(f"point {short(p)} at {short(wrong_node)} (wrong class) instead of "
                                  f"{short(original)}", None, repoint))
    low, high = g.value(node, ALKKG.minValue), g.value(node, ALKKG.maxValue)
    if low is not None and high is not None:
        def swap(c: Graph, low=low, high=high) -> None:
            c.remove((node, ALKKG.minValue, low))
            c.remove((node, ALKKG.maxValue, high))
            c.add((node, ALKKG.minValue, high))
            c.add((node, ALKKG.maxValue, low))
        found.append(Mutation("swap minimum and maximum", None, swap))
    if kind == ALKKG.Claim:
        found.extend(_dropped_pieces(model, node))
    if node in model.hedged:
        triple = (g.value(node, ALKKG.claimSubject), g.value(node, ALKKG.claimPredicate), g.value(node, ALKKG.claimObject))

        def assert_hedge(c: Graph, triple=triple) -> None:
            c.add(triple)
        found.append(Mutation("assert its hedged triple as a fact", None, assert_hedge))
    return found


def _dropped_pieces(model: Model, claim: Node) -> list[Mutation]:
    """Drop one nanopublication-level piece of a claim (the node with all its triples)."""
    g = model.g
    annotation = g.value(predicate=OA.hasBody, object=claim)
    target = g.value(annotation, OA.hasTarget)
    pieces = {"annotation": (annotation, True), "target": (target, True)}
    for selector in g.objects(target, OA.hasSelector):
        name = "quote selector" if model.kind(selector) == OA.TextQuoteSelector else "position selector"
        pieces[name] = (selector, True)
    obj = g.value(claim, ALKKG.claimObject)
    if model.kind(obj) == ALKKG.Measurement:
        pieces["measurement"] = (obj, False)
    if model.negation_of(claim) is not None:
        pieces["owl:NegativePropertyAssertion (its assertion)"] = (model.negation_of(claim), False)
    for hypothesis in g.objects(claim, ALKKG.statesHypothesis):
        pieces["hypothesis"] = (hypothesis, False)
    for statement in g.objects(claim, ALKKG.hasQualifiedStatement):
        pieces["qualified statement"] = (statement, False)
    found = []
    for name, (piece, anchored) in sorted(pieces.items()):
        def drop(c: Graph, piece=piece) -> None:
            c.remove((piece, None, None))
            c.remove((None, None, piece))
        found.append(Mutation(f"drop its {name}", None, drop, anchored=anchored))
    if model.kind(obj) == ALKKG.Measurement:
        triple = (g.value(claim, ALKKG.claimSubject), g.value(claim, ALKKG.claimPredicate), obj)

        def drop_assertion(c: Graph, triple=triple) -> None:
            c.remove(triple)
        found.append(Mutation("drop its assertion triple", None, drop_assertion))
    return found


def build_mutants(model: Model) -> list[tuple[Mutant, Region]]:
    out: list[tuple[Mutant, Region]] = []
    for index, (sample, iri, cls) in enumerate(SAMPLES):
        node = model.node(iri, cls)
        regions: dict[bool, tuple[str, Region]] = {}
        for j, m in enumerate(mutations(model, node)):
            anchored = m.anchored and model.kind(node) == ALKKG.Claim
            if anchored not in regions:
                tag = f"s{index}{'a' if anchored else ''}-base"
                regions[anchored] = (tag, region(model, node, anchored))
                out.append((Mutant(tag, sample, "unmutated copy", "baseline", tag, lambda c: None),
                            regions[anchored][1]))
            base, reg = regions[anchored]
            out.append((Mutant(f"s{index}-m{j}", sample, m.description, m.harmless, base, m.mutate), reg))
    return out


# -- running ------------------------------------------------------------------------------------

def run_mutants(flat: Graph, processes: int | None = None) -> Outcome:
    started = time.perf_counter()
    model = Model(flat)
    pairs = build_mutants(model)
    parts = [Graph() for _ in range(processes or workers())]
    sizes = [0] * len(parts)
    for part in parts:
        part += flat
    back: dict[Node, tuple[str, Node]] = {}
    for mutant, reg in pairs:
        copy = Graph()
        copy += reg.triples
        mutant.mutate(copy)
        renamed, mapping = rename(copy, reg.renamed, mutant.tag)
        for original, new in mapping.items():
            back[new] = (mutant.tag, original)
        smallest = sizes.index(min(sizes))          # balance the copies over the workers
        parts[smallest] += renamed
        sizes[smallest] += len(renamed)

    def key(r: Result) -> tuple:
        def original(n: Node | None) -> str:
            return "" if n is None else str(back[n][1] if n in back else n)
        return r.severity, r.source, r.path, original(r.focus), original(r.value), r.component

    by_tag: dict[str, set[tuple]] = defaultdict(set)
    unattributed: set[tuple] = set()
    for r in (r for found in run_all(parts, len(parts)) for r in found):
        owner = back.get(r.focus) or (back.get(r.value) if r.value is not None else None)
        if owner is None:       # a SPARQL result on shared nodes whose message names a copy
            named = COPY_IRI.search(r.message)
            owner = (named.group(1), None) if named else None
        (by_tag[owner[0]] if owner else unattributed).add(key(r))
    mutants = [m for m, _ in pairs if m.harmless != "baseline"]
    new = {m.tag: by_tag[m.tag] - by_tag[m.baseline] for m in mutants}
    return Outcome(mutants, new, sorted(unattributed), time.perf_counter() - started, sum(sizes))


# -- the tests ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def outcome(artifacts) -> Outcome:
    return run_mutants(artifacts.flat)


def test_built_graph_itself_has_no_results(outcome: Outcome) -> None:
    assert outcome.unattributed == [], "results on the unmutated built graph:\n" + "\n".join(
        map(str, outcome.unattributed))


def test_shapes_catch_the_mutants(outcome: Outcome) -> None:
    report = "\n".join([outcome.summary(), *outcome.survivor_lines()])
    print("\n" + report)
    assert outcome.score >= REQUIRED_SCORE, report


def test_every_kind_of_mutation_is_exercised(outcome: Outcome) -> None:
    kinds = ("remove ", "datatype of ", "point ", "change one character of alkkg:quote",
             "change one character of oa:exact", "move oa:start", "move oa:end", "swap minimum",
             "drop its annotation", "drop its position selector", "drop its assertion triple",
             "drop its owl:NegativePropertyAssertion", "drop its hypothesis", "assert its hedged triple",
             "drop its qualified statement",
             "change one character of alkkg:sentenceText")
    descriptions = [m.description for m in outcome.mutants]
    assert [k for k in kinds if not any(d.startswith(k) for d in descriptions)] == []


def test_every_kind_of_node_of_our_data_has_a_sample(artifacts) -> None:
    model = Model(artifacts.flat)
    sampled = {model.kind(model.node(iri, cls)) for _, iri, cls in SAMPLES}
    used = {model.kind(s) for s in set(artifacts.flat.subjects(RDF.type, None))} - {None}
    assert sorted(used - sampled) == []


def test_harmless_mutants_are_only_optional_removals(outcome: Outcome) -> None:
    for m in outcome.mutants:
        if m.harmless:
            assert m.description.startswith("remove "), m
