"""Every published file parses with two parsers, holds the same triples, and is reproducible."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from alkkg.pipeline import Artifacts, assemble, compare_trees, write_tree
from alkkg.release import load_release
from conftest import RELEASE_DATE

GRAPH_FILES = {"alkkg.ttl": "turtle", "alkkg-ontology.ttl": "turtle", "alkkg-inferred.ttl": "turtle",
               "alkkg-ontology.owl": "xml", "alkkg.jsonld": "json-ld",
               "reports/validation-report.ttl": "turtle"}
DATASET_FILES = {"alkkg.trig": "trig", "alkkg.nq": "nquads"}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "xml": ox.RdfFormat.RDF_XML, "json-ld": ox.RdfFormat.JSON_LD,
              "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


def _from_ox(term: object) -> object:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(term)


def _oxigraph_graph(path: Path, fmt: str) -> Graph:
    graph = Graph()
    for quad in ox.parse(path=str(path), format=OX_FORMATS[fmt]):
        graph.add((_from_ox(quad.subject), _from_ox(quad.predicate), _from_ox(quad.object)))  # type: ignore[arg-type]
    return graph


def _normalised(graph: Graph) -> Graph:
    """Literals compared by lexical form and datatype (xsd:string made explicit)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype is None and o.language is None:
            o = Literal(str(o), datatype=URIRef("http://www.w3.org/2001/XMLSchema#string"))
        elif isinstance(o, Literal) and o.language is None:
            o = Literal(str(o), datatype=o.datatype)
        out.add((s, p, o))
    return out


@pytest.mark.parametrize("name", sorted(GRAPH_FILES))
def test_graph_file_parses_with_rdflib_and_oxigraph_to_the_same_triples(built: Path, name: str) -> None:
    fmt = GRAPH_FILES[name]
    with_rdflib = Graph().parse(built / name, format=fmt)
    with_oxigraph = _oxigraph_graph(built / name, fmt)
    assert len(with_rdflib) > 0
    assert isomorphic(_normalised(with_rdflib), _normalised(with_oxigraph))


@pytest.mark.parametrize("name", sorted(DATASET_FILES))
def test_dataset_file_parses_with_rdflib_and_oxigraph_to_the_same_quads(built: Path, name: str) -> None:
    fmt = DATASET_FILES[name]
    dataset = Dataset()
    dataset.parse(built / name, format=fmt)
    rdflib_quads = {(str(s), str(p), str(o), str(g)) for s, p, o, g in dataset.quads((None, None, None, None))
                    if not isinstance(s, BNode) and not isinstance(o, BNode)}
    ox_quads = {(q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)
                for q in ox.parse(path=str(built / name), format=OX_FORMATS[fmt])
                if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    assert rdflib_quads and rdflib_quads == ox_quads
    blank_rdflib = sum(1 for s, p, o, g in dataset.quads((None, None, None, None))
                       if isinstance(s, BNode) or isinstance(o, BNode))
    blank_ox = sum(1 for q in ox.parse(path=str(built / name), format=OX_FORMATS[fmt])
                   if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode))
    assert blank_rdflib == blank_ox


def test_trig_and_nquads_hold_the_same_quads(built: Path) -> None:
    trig, nq = Dataset(), Dataset()
    trig.parse(built / "alkkg.trig", format="trig")
    nq.parse(built / "alkkg.nq", format="nquads")
    assert len(trig) == len(nq)
    for context in nq.graphs():
        if len(context):
            assert isomorphic(context, trig.graph(context.identifier))


def test_jsonld_holds_the_turtle_triples(built: Path) -> None:
    turtle = Graph().parse(built / "alkkg.ttl", format="turtle")
    jsonld = Graph().parse(built / "alkkg.jsonld", format="json-ld")
    assert isomorphic(_normalised(turtle), _normalised(jsonld))


def test_ontology_owl_and_ttl_agree(built: Path) -> None:
    ttl = Graph().parse(built / "alkkg-ontology.ttl", format="turtle")
    owl = Graph().parse(built / "alkkg-ontology.owl", format="xml")
    assert isomorphic(_normalised(ttl), _normalised(owl))


def test_two_builds_are_byte_identical(artifacts: Artifacts, project, tmp_path: Path) -> None:
    again = assemble(project, load_release(RELEASE_DATE))
    assert sorted(again.files) == sorted(artifacts.files)
    differing = [name for name in artifacts.files if artifacts.files[name] != again.files[name]]
    assert differing == []
    write_tree(artifacts.files, tmp_path / "a")
    write_tree(again.files, tmp_path / "b")
    assert compare_trees(tmp_path / "a", tmp_path / "b") == []


def test_release_date_is_an_input_not_the_clock(project) -> None:
    other = assemble(project, load_release("2030-01-02"))
    assert "https://w3id.org/alkkg/ontology/releases/2030-01-02" in other.files["alkkg-ontology.ttl"]
    assert "2030-01-02T00:00:00" in other.files["alkkg.trig"]
    manifest = json.loads(other.files["MANIFEST.json"])
    assert manifest["release_date"] == "2030-01-02"


def test_manifest_hashes_every_file(artifacts: Artifacts) -> None:
    import hashlib

    manifest = json.loads(artifacts.files["MANIFEST.json"])
    assert set(manifest["sha256"]) == set(artifacts.files) - {"MANIFEST.json"}
    for name, digest in manifest["sha256"].items():
        assert hashlib.sha256(artifacts.files[name].encode()).hexdigest() == digest


def test_no_unlabelled_blank_nodes_in_claim_data(artifacts: Artifacts) -> None:
    """Claims mint IRIs; the only blank nodes are OWL axioms (restrictions, lists, negations)."""
    from rdflib import OWL, RDF

    for compiled in artifacts.documents:
        for s, p, o in compiled.flat:
            if isinstance(s, BNode):
                assert (s, RDF.type, OWL.NegativePropertyAssertion) in compiled.flat
