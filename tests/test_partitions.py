"""Validation per partition (alkkg.partitions) gives exactly the whole graph's results.

The corpus is a synthetic project plus a copy of the paper's document: several documents sharing
entities, an author and the curation agent. Each test compiles it, changes the documents' triples
(local breakages of every kind of node, and conflicts across documents: a hedge asserted or denied
elsewhere, an entity given a second label or a wrong-range relation elsewhere, a shared author
renamed), then validates the union graph whole and per partition (one document each, and two
documents each) with the compiled shapes, and compares the results as multisets of canonical keys.
fastshacl itself equals pyshacl on every fixture and mutant (tests/test_fastshacl.py), so these
results are pyshacl's. Many breakages go into one corpus, each on its own node, so that one
validation checks them all; the test also checks that each breakage is reported.
"""

from __future__ import annotations

import random
import shutil
from collections import Counter
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.term import Node

from alkkg import fastshacl, rdfio
from alkkg.claims import Vocabulary
from alkkg.corpus import REPORT, build_corpus
from alkkg.errors import ValidationError
from alkkg.ontology import load_ontology
from alkkg.partitions import (
    Load,
    Ownership,
    PartitionMismatch,
    Triple,
    backward_walks,
    merge_results,
    split_document,
    validate_partition,
)
from alkkg.pipeline import Project, compile_folder
from alkkg.prefixes import ALKKG, OA, PROV
from alkkg.release import load_release
from alkkg.synth import synthesise
from alkkg.validation import load_shapes
from conftest import RELEASE_DATE, ROOT

RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PAPER = "shaw-2014"

Documents = list[tuple[str, list[Triple]]]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("partitions") / "project"
    synthesise(100, folder, seed=11, project=Project(ROOT))
    shutil.copytree(ROOT / "assertions" / PAPER, folder / "assertions" / PAPER)
    return folder


@pytest.fixture(scope="module")
def compiled(project: Path) -> tuple[bytes, Documents, fastshacl.CompiledShapes]:
    """The ontology's N-Triples, each document's (flat) triples, and the compiled shapes."""
    p = Project(project)
    release = load_release(RELEASE_DATE)
    ontology = load_ontology(p.ontology, release)
    vocabulary = Vocabulary(ontology)
    documents: Documents = []
    for folder in p.documents():
        c, _ = compile_folder(folder, vocabulary, release.release_date)
        documents.append((c.curation.document.id, [t for part in (c.document_triples, *c.claim_triples.values())
                                                    for t in part]))
    assert len(documents) >= 4 and PAPER in dict(documents)
    return rdfio.ntriples(ontology).encode(), documents, fastshacl.compile_shapes(load_shapes(p.shapes))


def _nt(triples: Sequence[Triple]) -> bytes:
    return rdfio.triples_to_ntriples(triples).encode()


def whole(ontology: bytes, documents: Documents, shapes: fastshacl.CompiledShapes) -> list[fastshacl.Result]:
    return shapes.validate(fastshacl.load_ntriples(ontology + b"".join(_nt(t) for _, t in documents)))


def partitioned(ontology: bytes, documents: Documents, shapes: fastshacl.CompiledShapes,
                per_partition: int) -> list[fastshacl.Result]:
    """What alkkg corpus does, in one process: split, record ownership, validate each partition, merge."""
    ownership = Ownership()
    count = (len(documents) + per_partition - 1) // per_partition
    shared, parts = [b""] * count, [b""] * count
    for index, (document, triples) in enumerate(documents):
        split = split_document(triples, document)
        ownership.add(index // per_partition, document, split.minted, split.mentioned)
        shared[index // per_partition] += _nt(split.shared)
        parts[index // per_partition] += _nt(triples)

    def load(data: bytes) -> Load:
        return partial(fastshacl.load_ntriples, data)

    results = [validate_partition(shapes, [load(ontology)], [load(s) for i, s in enumerate(shared) if i != own],
                                  [load(parts[own])]) for own in range(count)]
    return merge_results(results, ownership, lambda r: key(shapes, r))


def key(shapes: fastshacl.CompiledShapes, r: fastshacl.Result) -> tuple[str, ...]:
    return fastshacl.result_key(r, shapes.shapes, shapes.messages_declared)


def keys(shapes: fastshacl.CompiledShapes, results: Sequence[fastshacl.Result]) -> Counter[tuple[str, ...]]:
    """The results' keys, blank nodes shown as "[]" (as in the report: Oxigraph renames them at each load)."""
    return Counter(tuple("[]" if part.startswith("_:") else part for part in key(shapes, r)) for r in results)


def assert_same(ontology: bytes, documents: Documents, shapes: fastshacl.CompiledShapes) -> Counter[tuple[str, ...]]:
    expected = keys(shapes, whole(ontology, documents, shapes))
    for size in (1, 2):
        got = keys(shapes, partitioned(ontology, documents, shapes, size))
        assert got == expected, (f"{size} document(s) per partition:\n only partitioned: {got - expected}\n"
                                 f" only whole: {expected - got}")
    return expected


def _subjects(triples: Sequence[Triple], cls: Node) -> list[Node]:
    return sorted({s for s, p, o in triples if p == RDF.type and o == cls}, key=str)


def _value(triples: Sequence[Triple], s: Node, p: Node) -> Node | None:
    return next((o for s2, p2, o in triples if s2 == s and p2 == p), None)


# ----------------------------------------------------------------------------------------------- tests

def test_the_clean_corpus_gives_the_same_results(compiled) -> None:
    ontology, documents, shapes = compiled
    assert_same(ontology, documents, shapes)


def local_breakages(documents: Documents, rng: random.Random) -> tuple[Documents, list[str]]:
    """Each document broken on several of its own nodes, one breakage per node, of every kind."""
    broken: Documents = []
    expected_focus: list[str] = []
    for document, original in documents:
        broken.append((document, _break_document(list(original), rng, expected_focus)))
    return broken, expected_focus


def _break_document(triples: list[Triple], rng: random.Random, expected_focus: list[str]) -> list[Triple]:
    used: set[Node] = set()

    def pick(cls: Node, suffix: str = "") -> Node | None:
        choices = [n for n in _subjects(triples, cls) if n not in used and str(n).endswith(suffix)]
        if not choices:
            return None
        node = rng.choice(choices)
        used.add(node)
        expected_focus.append(str(node))
        return node

    if (claim := pick(ALKKG.Claim)) is not None:            # a required property removed
        triples = [t for t in triples if not (t[0] == claim and t[1] == ALKKG.quote)]
    if (claim := pick(ALKKG.Claim)) is not None:            # a link to a node of the wrong class
        sentence = _subjects(triples, ALKKG.Sentence)[0]
        triples = [(s, p, sentence if (s == claim and p == ALKKG.claimSubject) else o) for s, p, o in triples]
    if (selector := pick(OA.TextPositionSelector, "-position-selector")) is not None:  # a quote's offset moved
        start = _value(triples, selector, OA.start)
        assert isinstance(start, Literal)
        triples = [(s, p, Literal(int(start) + 1, datatype=XSD.nonNegativeInteger)
                    if (s == selector and p == OA.start) else o) for s, p, o in triples]
    if (selector := pick(OA.TextQuoteSelector)) is not None:     # a literal of the wrong datatype
        triples = [(s, p, Literal(str(o), datatype=XSD.anyURI) if (s == selector and p == OA.exact) else o)
                   for s, p, o in triples]
    if (measurement := pick(ALKKG.Measurement)) is not None:     # a measurement's unit removed
        triples = [t for t in triples if not (t[0] == measurement and t[1] == ALKKG.unit)]
    if (sentence := pick(ALKKG.Sentence)) is not None:           # a sentence's position removed
        triples = [t for t in triples if not (t[0] == sentence and t[1] == ALKKG.hasPosition)]
    if (negation := pick(OWL.NegativePropertyAssertion)) is not None:  # a denial without its target
        triples = [t for t in triples if not (t[0] == negation and t[1] == OWL.targetIndividual)]
    if (hypothesis := pick(ALKKG.Hypothesis)) is not None:       # a hypothesis without its label
        triples = [t for t in triples if not (t[0] == hypothesis and t[1] == RDFS.label)]
    if (reference := pick(ALKKG.BibliographicReference)) is not None:
        triples = [t for t in triples if not (t[0] == reference and t[1] == ALKKG.referenceNumber)]
    return triples


def test_local_breakages_of_every_document_give_the_same_results(compiled) -> None:
    ontology, documents, shapes = compiled
    broken, focus = local_breakages(documents, random.Random(3))
    expected = assert_same(ontology, broken, shapes)
    reported = {k[4] for k in expected} | {k[5] for k in expected}   # focus and value nodes
    missed = [f for f in focus if f"<{f}>" not in reported and not f.startswith("npa-")]
    denials = sum(1 for f in focus if f.startswith("npa-"))   # blank nodes: "[]" in the keys
    assert len(focus) > 3 * len(documents) and not missed, missed
    assert sum(n for k, n in expected.items() if "NegativeAssertion" in k[1] and k[4] == "[]") >= denials > 0


def _hedged(docs: Documents) -> list[tuple[str, Node, tuple[Node, ...]]]:
    """(document, claim, its subject-predicate-object) of each hedged claim."""
    found = []
    for document, triples in docs:
        for claim in _subjects(triples, ALKKG.Claim):
            if _value(triples, claim, ALKKG.modality) == ALKKG.hedged:
                spo = tuple(_value(triples, claim, p) for p in (ALKKG.claimSubject, ALKKG.claimPredicate,
                                                                ALKKG.claimObject))
                found.append((document, claim, spo))
    return found


def hedge_asserted_elsewhere(docs: Documents) -> list[str]:
    document, _, spo = _hedged(docs)[0]
    next(t for d, t in docs if d != document).append(spo)  # type: ignore[arg-type]
    return [f"<https://w3id.org/alkkg/doc/{document}>"]  # the focus of SourceDocument-hedgesNotAsserted


def hedge_denied_elsewhere(docs: Documents) -> list[str]:
    document, _, spo = _hedged(docs)[-1]
    other, triples = next((d, t) for d, t in reversed(docs) if d != document)
    negation = URIRef(f"https://w3id.org/alkkg/claim/{other}-s99-denial-negation")
    triples.extend([(negation, RDF.type, OWL.NegativePropertyAssertion), (negation, OWL.sourceIndividual, spo[0]),
                    (negation, OWL.assertionProperty, spo[1]), (negation, OWL.targetIndividual, spo[2])])
    return [f"<https://w3id.org/alkkg/doc/{document}>"]


CERITINIB = URIRef("https://w3id.org/alkkg/entity/ceritinib")


def entity_labelled_twice(docs: Documents) -> list[str]:
    docs[-1][1].append((CERITINIB, RDFS.label, Literal("a second label", lang="en")))
    return [f"<{CERITINIB}>"]


def entity_related_outside_its_range(docs: Documents) -> list[str]:
    sentence = _subjects(docs[1][1], ALKKG.Sentence)[0]
    docs[1][1].append((CERITINIB, ALKKG.inhibits, sentence))
    return [f"<{CERITINIB}>"]  # (the value node of Ontology-relationRanges)


def shared_author_renamed(docs: Documents) -> list[str]:
    """A second document names an author of the first (an author of two papers) differently."""
    person = sorted({s for s, p, o in docs[0][1] if p == RDF.type and o == PROV.Person}, key=str)[0]
    docs[1][1].extend([(person, RDF.type, PROV.Person), (person, RDFS.label, Literal("renamed", lang="en"))])
    return [f"<{person}>"]


CONFLICTS = (hedge_asserted_elsewhere, hedge_denied_elsewhere, entity_labelled_twice, entity_related_outside_its_range,
             shared_author_renamed)


def test_conflicts_across_documents_together_give_the_same_results(compiled) -> None:
    ontology, documents, shapes = compiled
    docs = [(d, list(t)) for d, t in documents]
    expected_nodes = [node for conflict in CONFLICTS for node in conflict(docs)]
    expected = assert_same(ontology, docs, shapes)
    reported = {k[4] for k in expected} | {k[5] for k in expected}
    assert all(node in reported for node in expected_nodes), (expected_nodes, sorted(reported))


@pytest.mark.slow
@pytest.mark.parametrize("conflict", CONFLICTS, ids=lambda f: f.__name__)
def test_each_conflict_across_documents_gives_the_same_results(compiled, conflict) -> None:
    """One conflict at a time: none can hide behind another's results or the shared-node check."""
    ontology, documents, shapes = compiled
    docs = [(d, list(t)) for d, t in documents]
    expected_nodes = conflict(docs)
    expected = assert_same(ontology, docs, shapes)
    reported = {k[4] for k in expected} | {k[5] for k in expected}
    assert all(node in reported for node in expected_nodes), (expected_nodes, sorted(reported))


def test_a_document_mentioning_a_node_of_another_partition_is_not_partitioned(compiled) -> None:
    ontology, documents, shapes = compiled
    docs = [(d, list(t)) for d, t in documents]
    theirs = _subjects(docs[0][1], ALKKG.Claim)[0]
    mine = _subjects(docs[1][1], ALKKG.Claim)[0]
    docs[1][1].append((mine, ALKKG.restsOn, theirs))
    with pytest.raises(PartitionMismatch, match=f"document {docs[1][0]}: it mentions a node minted"):
        partitioned(ontology, docs, shapes, 1)
    # in one partition the two documents are independent of the others again: the whole graph's results
    assert keys(shapes, partitioned(ontology, docs, shapes, 2)) == keys(shapes, whole(ontology, docs, shapes))


@pytest.mark.slow
def test_a_shape_reading_across_documents_is_caught_by_the_shared_results(compiled) -> None:
    """A shape whose results on a shared node depend on other documents' triples (here: how many
    claims have an entity as subject, an inverse path at a shared node) makes the partitions disagree."""
    ontology, documents, shapes = compiled
    extra = fastshacl.compile_shapes(load_shapes(ROOT / "shapes") + _shape(
        "ex:S a sh:NodeShape ; sh:targetClass alkkg:Drug ; "
        "sh:property [ sh:path [ sh:inversePath alkkg:claimSubject ] ; sh:maxCount 1 ] ."))
    with pytest.raises(PartitionMismatch, match="report different results for a shared node"):
        partitioned(ontology, documents, extra, 1)


def _shape(text: str):
    from rdflib import Graph

    return Graph().parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> . "
                              "@prefix alkkg: <https://w3id.org/alkkg/vocab/> . " + text, format="turtle")


# Warnings (they do not stop the corpus, so the report is written) on nodes minted by documents and
# on shared nodes; the report must be the same per partition as whole.
WARNINGS = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix alkkg: <https://w3id.org/alkkg/vocab/> .
@prefix ex: <https://example.org/test#> .
ex:ClaimWitness a sh:NodeShape ; sh:targetClass alkkg:Claim ;
    sh:property [ sh:path ex:witness ; sh:minCount 1 ; sh:severity sh:Warning ; sh:message "no witness (test)" ] .
ex:DrugSynonyms a sh:NodeShape ; sh:targetClass alkkg:Drug ;
    sh:property [ sh:path skos:altLabel ; sh:maxCount 1 ; sh:severity sh:Warning ; sh:message "synonyms (test)" ] .
"""


@pytest.mark.parametrize(("path", "walks"), [
    ("<urn:p>", False),
    ("[ sh:inversePath <urn:p> ]", False),                       # at the focus node: checked at run time
    ("( [ sh:inversePath <urn:p> ] <urn:q> )", False),
    ("( <urn:p> [ sh:inversePath <urn:q> ] )", True),
    ("[ sh:oneOrMorePath [ sh:inversePath <urn:p> ] ]", True),
    ("[ sh:alternativePath ( <urn:p> ( <urn:q> [ sh:inversePath <urn:r> ] ) ) ]", True),
    ("[ sh:inversePath ( <urn:p> <urn:q> ) ]", True),
])
def test_backward_steps_after_the_focus_node_are_found(path: str, walks: bool) -> None:
    shapes = _shape(f"ex:S a sh:NodeShape ; sh:targetClass alkkg:Claim ; sh:property [ sh:path {path} ] .")
    assert bool(backward_walks(shapes)) == walks


def test_backward_steps_from_value_nodes_of_nested_shapes_are_found(compiled) -> None:
    nested = _shape("ex:S a sh:NodeShape ; sh:targetClass alkkg:Claim ; sh:property [ sh:path alkkg:claimSubject ; "
                    "sh:or ( [ sh:path [ sh:inversePath alkkg:claimSubject ] ; sh:maxCount 1 ] ) ] .")
    assert backward_walks(nested) == ["a property shape of <https://example.org/S>: sh:inversePath from a value node"]
    assert backward_walks(compiled[2].shapes) == []  # ours step backward only from focus nodes


@pytest.mark.slow  # a corpus run (the unit tests above check backward_walks itself)
def test_a_shape_stepping_backward_from_a_value_node_validates_the_whole_graph(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    (copy / "shapes" / "test-backward.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix alkkg: <https://w3id.org/alkkg/vocab/> .\n"
        "<https://example.org/S> a sh:NodeShape ; sh:targetClass alkkg:Claim ; sh:property [ sh:path ( "
        "alkkg:claimSubject [ sh:inversePath alkkg:claimSubject ] ) ; sh:minCount 1 ; sh:severity sh:Warning ] .\n",
        encoding="utf-8")
    summary = build_corpus(copy, tmp_path / "out", release_date=RELEASE_DATE, jobs=1, memory_budget_mb=1)
    assert summary.partitions == 0 and "steps backward from a value node" in summary.whole_graph_reason


@pytest.mark.slow
def test_the_corpus_writes_the_same_report_either_way(project: Path, tmp_path: Path) -> None:
    """Through alkkg corpus's files and worker pool, with results on minted and on shared nodes."""
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    (copy / "shapes" / "test-warnings.ttl").write_text(WARNINGS, encoding="utf-8")
    reports = []
    for whole_graph in (False, True):
        out = tmp_path / f"out-{whole_graph}"
        summary = build_corpus(copy, out, release_date=RELEASE_DATE, jobs=2, memory_budget_mb=1,
                               whole_graph=whole_graph)
        assert (summary.partitions > 2) != whole_graph and summary.violations == 0
        assert summary.results > summary.claims  # every claim, and the drugs with several synonyms
        reports.append((out / REPORT).read_text(encoding="utf-8"))
    assert reports[0] == reports[1]
    assert "synonyms (test)" in reports[0] and "no witness (test)" in reports[0]


@pytest.mark.slow
def test_a_violation_across_documents_stops_the_corpus_either_way(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    (copy / "shapes" / "test-warnings.ttl").write_text(WARNINGS.replace("sh:Warning", "sh:Violation"), encoding="utf-8")
    messages = []
    for whole_graph in (False, True):
        with pytest.raises(ValidationError) as caught:
            build_corpus(copy, tmp_path / "out", release_date=RELEASE_DATE, jobs=1, memory_budget_mb=1,
                         whole_graph=whole_graph)
        messages.append(str(caught.value))
    assert messages[0] == messages[1] and not (tmp_path / "out" / REPORT).exists()


def _removal_rounds(documents: Documents) -> list[Documents]:
    """Every property of one node of each class of every document removed, a round per property index:
    in each round every sampled node loses one property (nodes differ, so breakages do not mask each other)."""
    classes = (ALKKG.Claim, ALKKG.Hypothesis, ALKKG.QualifiedStatement, OA.Annotation, OA.SpecificResource,
               OA.TextQuoteSelector, OA.TextPositionSelector, ALKKG.Sentence, ALKKG.SourceText, ALKKG.SourceDocument,
               ALKKG.BibliographicReference, ALKKG.Authorship, OWL.NegativePropertyAssertion, PROV.Person)
    samples = [(d, node, sorted({p for s, p, o in t if s == node}, key=str))
               for d, t in documents for cls in classes for node in _subjects(t, cls)[:1]]
    measurements = [(d, node, sorted({p for s, p, o in t if s == node}, key=str))
                    for d, t in documents for node in sorted({s for s, p, o in t if "measurement" in str(s)
                                                              and p == RDF.type}, key=str)[:1]]
    samples += measurements
    rounds = []
    for index in range(max(len(props) for _, _, props in samples)):
        removed = {(d, node, props[index]) for d, node, props in samples if index < len(props)}
        rounds.append([(d, [t for t in triples if (d, t[0], t[1]) not in removed]) for d, triples in documents])
    return rounds


@pytest.mark.slow
def test_every_property_removed_from_nodes_of_every_kind_gives_the_same_results(compiled) -> None:
    ontology, documents, shapes = compiled
    rounds = _removal_rounds(documents)
    assert len(rounds) >= 8
    found = Counter()
    for broken in rounds:
        found += assert_same(ontology, broken, shapes)
    assert sum(found.values()) > 100
