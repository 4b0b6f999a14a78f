"""Compiled claims: quotes at their offsets, names resolved, negation as OWL, same claims in both shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from alkkg.claims import compile_document
from alkkg.curation import load_curation
from alkkg.errors import CurationError
from alkkg.pipeline import Artifacts
from alkkg.prefixes import ALKKG, ALKKGE, NP, OA
from alkkg.source import read_source
from conftest import ROOT

FOLDER = ROOT / "assertions" / "shaw-2014"
CLAIM = "https://w3id.org/alkkg/claim/shaw-2014-"


def test_every_quote_is_exact_at_its_offsets(artifacts: Artifacts) -> None:
    for compiled in artifacts.documents:
        flat = compiled.flat  # (a property that merges the claim graphs: read it once)
        for item in compiled.located:
            assert compiled.text[item.start:item.end] == item.claim.quote
            position = URIRef(f"{CLAIM}{item.claim.id}-position-selector")
            assert flat.value(position, OA.start) == Literal(item.start, datatype=URIRef(
                "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"))


def test_quote_selector_context_comes_from_the_text(artifacts: Artifacts) -> None:
    compiled = artifacts.documents[0]
    flat = compiled.flat  # (a property that merges the claim graphs: read it once)
    for item in compiled.located:
        selector = URIRef(f"{CLAIM}{item.claim.id}-quote-selector")
        prefix = str(flat.value(selector, OA.prefix))
        suffix = str(flat.value(selector, OA.suffix))
        assert compiled.text[item.start - len(prefix):item.start] == prefix
        assert compiled.text[item.end:item.end + len(suffix)] == suffix


def test_negated_claim_is_an_owl_negative_property_assertion(artifacts: Artifacts) -> None:
    flat = artifacts.flat
    axioms = list(flat.subjects(RDF.type, OWL.NegativePropertyAssertion))
    triples = {(flat.value(a, OWL.sourceIndividual), flat.value(a, OWL.assertionProperty),
                flat.value(a, OWL.targetIndividual)) for a in axioms}
    assert (ALKKGE.ceritinib, ALKKG.inhibits, ALKKGE["MET-protein"]) in triples
    assert (ALKKGE.ceritinib, ALKKG.inhibits, ALKKGE["MET-protein"]) not in flat
    assert (ALKKGE.crizotinib, ALKKG.inhibits, ALKKGE["MET-protein"]) in flat


def test_nanopublications_and_flat_turtle_hold_the_same_claims(built: Path) -> None:
    """Claim nodes, their annotations and assertions: identical in alkkg.trig and alkkg.ttl."""
    flat = Graph().parse(built / "alkkg.ttl", format="turtle")
    dataset = Dataset(default_union=True)
    dataset.parse(built / "alkkg.trig", format="trig")
    nanopubs = set(dataset.subjects(RDF.type, NP.Nanopublication))
    assert nanopubs
    union = Graph()
    for np in nanopubs:
        graphs = {p: dataset.value(np, p) for p in (NP.hasAssertion, NP.hasProvenance, NP.hasPublicationInfo)}
        assert all(graphs.values()), f"{np} lacks one of its graphs"
        head = [c for c in dataset.graphs() if (np, RDF.type, NP.Nanopublication) in c]
        assert len(head) == 1
        assert len(dataset.graph(graphs[NP.hasAssertion])) > 0
        provenance = dataset.graph(graphs[NP.hasProvenance])
        assert (graphs[NP.hasAssertion], None, None) in provenance
        assert (np, None, None) in dataset.graph(graphs[NP.hasPublicationInfo])
        for graph_iri in (graphs[NP.hasAssertion], graphs[NP.hasProvenance]):
            for s, p, o in dataset.graph(graph_iri):
                if s != graphs[NP.hasAssertion]:
                    union.add((s, p, o))
    claims_trig = set(union.subjects(RDF.type, ALKKG.Claim))
    claims_flat = set(flat.subjects(RDF.type, ALKKG.Claim))
    assert claims_trig == claims_flat and len(claims_flat) == len(nanopubs) - 1
    ontology = Graph().parse(built / "alkkg-ontology.ttl", format="turtle")
    negations = set(flat.subjects(RDF.type, OWL.NegativePropertyAssertion))
    data_flat = Graph()
    for s, p, o in flat:
        if (s, p, o) in ontology:
            continue
        if isinstance(s, BNode) and s not in negations:
            continue  # an OWL restriction or list of the ontology
        if isinstance(o, BNode) and o not in negations:
            continue
        data_flat.add((s, p, o))
    assert isomorphic(data_flat, union)


def _compile_with(tmp_path: Path, edit, ontology: Graph) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "shaw-2014"
    folder.mkdir()
    for name in ("document.yaml", "source.txt"):
        (folder / name).write_bytes((FOLDER / name).read_bytes())
    (folder / "claims.yaml").write_text(edit((FOLDER / "claims.yaml").read_text()))
    curation = load_curation(folder)
    compile_document(curation, read_source(folder / "source.txt"), ontology, "2026-11-28")


@pytest.mark.parametrize("old,new,expected", [
    ('quote: "tyrosine kinase inhibitor of ALK"', 'quote: "tyrosine kinase inhibitor of MET"',
     "is not in the source text"),
    ('quote: "tyrosine kinase inhibitor of ALK"', 'quote: "-"', "occurs 2 times in sentence 9"),
    ('quote: "tyrosine kinase inhibitor of ALK"', 'quote: "ALK inhibitors such as crizotinib"',
     "not in sentence 9"),
    ("subject: ceritinib", "subject: ceritinibb", "'ceritinibb' is not an entity of the ontology"),
    ("predicate: inhibits", "predicate: inhibitz", "predicate 'inhibitz' is not an object property"),
])
def test_bad_claim_is_refused_with_its_id(tmp_path: Path, artifacts: Artifacts, old: str, new: str,
                                          expected: str) -> None:
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    with pytest.raises(CurationError) as caught:
        _compile_with(tmp_path, edit, artifacts.ontology)
    message = str(caught.value)
    assert expected in message and "claims.yaml:" in message and "[s" in message


# --------------------------------------------------------------- the streamed N-Quads of a document

def test_streamed_nquads_equal_rdflib_serialiser_on_the_paper(artifacts: Artifacts) -> None:
    from alkkg import rdfio

    for compiled in artifacts.documents:
        assert rdfio.quads_to_nquads(compiled.quads) == rdfio.nquads(compiled.nanopubs)


def test_streamed_nquads_equal_rdflib_serialiser_on_a_synthetic_corpus(tmp_path: Path) -> None:
    from alkkg import rdfio
    from alkkg.claims import Vocabulary
    from alkkg.ontology import load_ontology
    from alkkg.pipeline import Project
    from alkkg.release import load_release
    from alkkg.synth import synthesise

    synthesise(150, tmp_path / "corpus", seed=3, project=Project(ROOT))
    corpus = Project(tmp_path / "corpus")
    release = load_release("2026-11-28")
    vocabulary = Vocabulary(load_ontology(corpus.ontology, release))
    documents = corpus.documents()
    assert len(documents) > 1
    for folder in documents:
        curation = load_curation(folder)
        compiled = compile_document(curation, read_source(curation.document.text_path), vocabulary,
                                    release.release_date)
        assert rdfio.quads_to_nquads(compiled.quads) == rdfio.nquads(compiled.nanopubs), folder.name


@pytest.mark.parametrize("text", ['say "hi"', "back\\slash", "two\nlines", "cr\rhere", "tab\there", "ünïcode ✓",
                                  'mix "\\\n\r end'])
def test_streamed_nquads_escape_literals_as_rdflib_does(text: str) -> None:
    from alkkg import rdfio

    node, graph = URIRef("https://example.org/s"), URIRef("https://example.org/g")
    for literal in (Literal(text), Literal(text, lang="en"), Literal(text, datatype=URIRef("https://example.org/dt"))):
        quads = [(node, URIRef("https://example.org/p"), literal, graph), (BNode("b1"), RDF.type, node, graph)]
        dataset = Dataset()
        for s, p, o, g in quads:
            dataset.graph(g).add((s, p, o))
        assert rdfio.quads_to_nquads(quads) == rdfio.nquads(dataset)


def test_streamed_ntriples_equal_rdflib_serialiser(artifacts: Artifacts) -> None:
    from alkkg import rdfio

    for compiled in artifacts.documents:
        flat = compiled.flat
        assert rdfio.triples_to_ntriples(flat) == rdfio.ntriples(flat)
