"""Every published file parses with two parsers, holds the same triples, and is reproducible."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDFS, BNode, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS

from alkkg import rdfio
from alkkg.claims import compile_document
from alkkg.curation import load_curation
from alkkg.ontology import load_ontology
from alkkg.pipeline import Artifacts, compare_trees
from alkkg.release import load_release
from alkkg.source import read_source
from conftest import RELEASE_DATE, ROOT
from rdfcompare import _term, canonical, canonical_file, canonical_rdflib

GRAPH_FILES = {"alkkg.ttl": "turtle", "alkkg-ontology.ttl": "turtle", "alkkg-inferred.ttl": "turtle",
               "alkkg-ontology.owl": "xml", "alkkg.jsonld": "json-ld",
               "reports/validation-report.ttl": "turtle", "void.ttl": "turtle"}
DATASET_FILES = {"alkkg.trig": "trig", "alkkg.nq": "nquads"}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "xml": ox.RdfFormat.RDF_XML, "json-ld": ox.RdfFormat.JSON_LD,
              "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


@pytest.mark.parametrize("name", sorted(GRAPH_FILES))
def test_graph_file_parses_with_rdflib_and_oxigraph_to_the_same_triples(built: Path, name: str) -> None:
    fmt = GRAPH_FILES[name]
    with_rdflib = Graph().parse(built / name, format=fmt)
    assert len(with_rdflib) > 0
    assert canonical_rdflib(with_rdflib) == canonical_file(str(built / name), OX_FORMATS[fmt])


@pytest.mark.parametrize("name", sorted(DATASET_FILES))
def test_dataset_file_parses_with_rdflib_and_oxigraph_to_the_same_quads(built: Path, name: str) -> None:
    fmt = DATASET_FILES[name]
    dataset = Dataset()
    dataset.parse(built / name, format=fmt)
    quads = [ox.Quad(_term(s), _term(p), _term(o), _term(g.identifier if isinstance(g, Graph) else g))
             for s, p, o, g in dataset.quads((None, None, None, None))]
    assert quads
    assert canonical(quads) == canonical_file(str(built / name), OX_FORMATS[fmt])


def test_trig_and_nquads_hold_the_same_quads(built: Path) -> None:
    assert canonical_file(str(built / "alkkg.trig"), ox.RdfFormat.TRIG) == canonical_file(
        str(built / "alkkg.nq"), ox.RdfFormat.N_QUADS)


def test_jsonld_holds_the_turtle_triples(built: Path) -> None:
    assert canonical_file(str(built / "alkkg.ttl"), ox.RdfFormat.TURTLE) == canonical_file(
        str(built / "alkkg.jsonld"), ox.RdfFormat.JSON_LD)


def test_ontology_owl_and_ttl_agree(built: Path) -> None:
    assert canonical_file(str(built / "alkkg-ontology.ttl"), ox.RdfFormat.TURTLE) == canonical_file(
        str(built / "alkkg-ontology.owl"), ox.RdfFormat.RDF_XML)


@pytest.mark.slow
def test_a_build_in_another_process_is_byte_identical(built: Path, tmp_path: Path) -> None:
    """A second build, with another hash seed (set and dict order), gives the same bytes."""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = tmp_path / "again"
    result = subprocess.run([sys.executable, "-m", "alkkg", "build", "--quiet", "--out", str(out),
                             "--release-date", RELEASE_DATE, "--project", str(ROOT)],
                            capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert compare_trees(built, out) == []


def test_release_date_is_an_input_not_the_clock(project) -> None:
    """The date reaches the versionIRI and the nanopublications only through load_release."""
    release = load_release("2030-01-02")
    ontology = load_ontology(project.ontology, release)
    version = ontology.value(URIRef("https://w3id.org/alkkg/ontology"), OWL.versionIRI)
    assert str(version) == "https://w3id.org/alkkg/ontology/releases/2030-01-02"
    folder = project.documents()[0]
    curation = load_curation(folder)
    compiled = compile_document(curation, read_source(curation.document.text_path), ontology,
                                release.release_date)
    assert "2030-01-02T00:00:00" in rdfio.trig(compiled.nanopubs)


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
        for s, _, _ in compiled.flat:
            if isinstance(s, BNode):
                assert (s, RDF.type, OWL.NegativePropertyAssertion) in compiled.flat


def test_void_describes_the_release(built: Path) -> None:
    void = Graph().parse(built / "void.ttl", format="turtle")
    dataset = URIRef("https://w3id.org/alkkg/dataset")
    triples = void.value(dataset, URIRef("http://rdfs.org/ns/void#triples"))
    assert int(triples) == len(Graph().parse(built / "alkkg.ttl", format="turtle"))
    dumps = {str(o).rsplit("/", 1)[-1] for o in void.objects(dataset, URIRef("http://rdfs.org/ns/void#dataDump"))}
    assert {"alkkg.ttl", "alkkg.trig", "alkkg.nq", "alkkg.jsonld", "alkkg-ontology.owl"} <= dumps
    assert all((built / name).is_file() for name in dumps)


def test_void_says_which_named_graph_holds_what(built: Path) -> None:
    """void:subset per kind of graph of alkkg.trig/alkkg.nq: the ontology graph (sd:name its
    versionIRI) and the nanopublications, one subset per part; sizes as counted in alkkg.nq."""
    void = Graph().parse(built / "void.ttl", format="turtle")
    voidns, sd = "http://rdfs.org/ns/void#", "http://www.w3.org/ns/sparql-service-description#"
    dataset = URIRef("https://w3id.org/alkkg/dataset")
    ontology, nanopubs = (URIRef(f"https://w3id.org/alkkg/dataset/{name}") for name in ("ontology-graph", "nanopublications"))
    assert set(void.objects(dataset, URIRef(voidns + "subset"))) == {ontology, nanopubs}
    version = load_release(RELEASE_DATE).version_iri
    assert void.value(ontology, URIRef(sd + "name")) == URIRef(version)
    quads = Dataset()
    quads.parse(built / "alkkg.nq", format="nquads")
    sizes = {str(g.identifier): len(g) for g in quads.graphs() if len(g)}
    triples = URIRef(voidns + "triples")
    assert int(void.value(ontology, triples)) == sizes[version]
    assert int(void.value(nanopubs, triples)) == sum(sizes.values()) - sizes[version]
    parts = set(void.objects(nanopubs, URIRef(voidns + "subset")))
    assert {str(p).rsplit("/", 1)[1] for p in parts} == {"Head", "assertion", "provenance", "pubinfo"}
    for part in parts:
        suffix = "#" + str(part).rsplit("/", 1)[1]
        assert int(void.value(part, triples)) == sum(n for g, n in sizes.items() if g.endswith(suffix))
    descriptions = {str(void.value(d, RDFS.label)): str(void.value(d, DCTERMS.description))
                    for d in void.objects(dataset, URIRef(voidns + "dataDump"))}
    assert "ontology" in descriptions["alkkg.trig"] and "versionIRI" in descriptions["alkkg.trig"]
    assert "ontology" in descriptions["alkkg.nq"]


def test_ontology_owl_opens_with_its_header(built: Path) -> None:
    """The owl:Ontology description comes first, its rdf:type first: streaming OWL readers
    (py-horned-owl) keep the versionIRI only then."""
    text = (built / "alkkg-ontology.owl").read_text(encoding="utf-8")
    first = text.split("\n>\n", 1)[1].splitlines()[:2]
    assert first == ['  <rdf:Description rdf:about="https://w3id.org/alkkg/ontology">',
                     '    <rdf:type rdf:resource="http://www.w3.org/2002/07/owl#Ontology"/>']


def test_py_horned_owl_reads_the_version_iri(built: Path) -> None:
    import pyhornedowl  # in the test extras
    ontology = pyhornedowl.open_ontology_from_file(str(built / "alkkg-ontology.owl"), "rdf")
    assert str(ontology.get_iri()) == "https://w3id.org/alkkg/ontology"
    assert str(ontology.get_version_iri()) == load_release(RELEASE_DATE).version_iri
