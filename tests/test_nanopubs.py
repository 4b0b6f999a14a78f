"""The nanopublications follow the well-formedness rules, and each break is reported."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef

from alkkg.nanopubs import check_nanopublications, nanopublication_problems, release_dataset
from alkkg.errors import ValidationError
from alkkg.pipeline import Artifacts
from alkkg.prefixes import NP, compress, new_dataset
from alkkg.release import load_release
from conftest import RELEASE_DATE
from rdfcompare import canonical, canonical_file

NPI = "https://w3id.org/alkkg/np/shaw-2014-s09-ceritinib-inhibits-alk"


def _copy(artifacts: Artifacts) -> Dataset:
    dataset = new_dataset()
    for compiled in artifacts.documents:
        for quad in compiled.nanopubs.quads((None, None, None, None)):
            dataset.add(quad)
    return dataset


def test_our_nanopublications_are_well_formed(artifacts: Artifacts) -> None:
    dataset = _copy(artifacts)
    assert nanopublication_problems(dataset) == []
    check_nanopublications(dataset)


@pytest.mark.parametrize("break_it,expected", [
    (lambda d: d.remove((None, None, None, d.graph(URIRef(NPI + "#pubinfo")))),
     "graph alkkgnp:shaw-2014-s09-ceritinib-inhibits-alk#pubinfo is empty or missing"),
    (lambda d: d.remove((URIRef(NPI), NP.hasProvenance, None, d.graph(URIRef(NPI + "#Head")))), "head has 0 np:hasProvenance"),
    (lambda d: d.remove((URIRef(NPI + "#assertion"), None, None, d.graph(URIRef(NPI + "#provenance")))),
     "provenance says nothing about the assertion graph"),
    (lambda d: d.add((URIRef("urn:x"), URIRef("urn:p"), Literal(1), d.graph(URIRef("urn:stray")))),
     "graph urn:stray belongs to no nanopublication"),
    (lambda d: d.add((URIRef("urn:x"), URIRef("urn:p"), Literal(1))), "outside any nanopublication graph"),
])
def test_each_break_is_reported(artifacts: Artifacts, break_it, expected: str) -> None:  # type: ignore[no-untyped-def]
    dataset = _copy(artifacts)
    break_it(dataset)
    with pytest.raises(ValidationError) as caught:
        check_nanopublications(dataset)
    assert expected in str(caught.value)


def _quads(built: Path) -> Dataset:
    dataset = new_dataset()
    dataset.parse(built / "alkkg.nq", format="nquads")
    return dataset


def test_the_quad_files_hold_every_nanopublication_and_the_ontology_graph(built: Path) -> None:
    """alkkg.nq (and alkkg.trig, checked equal in test_build) is the complete release: every graph
    is a part of a nanopublication or the ontology graph, named by the ontology's versionIRI."""
    dataset = _quads(built)
    version = URIRef(load_release(RELEASE_DATE).version_iri)
    graphs = {g.identifier for g in dataset.graphs() if len(g)}
    assert version in graphs
    parts = {o for _, p, o, _ in dataset.quads((None, None, None, None))
             if p in (NP.hasAssertion, NP.hasProvenance, NP.hasPublicationInfo)}
    heads = {g for _, _, _, g in dataset.quads((None, RDF.type, NP.Nanopublication, None))}
    assert graphs == parts | heads | {version}
    assert nanopublication_problems(dataset, other_graphs={version}) == []
    check_nanopublications(dataset, other_graphs={version})
    # strict for everything else: without naming it, the ontology graph is a stray graph
    assert nanopublication_problems(dataset) == [f"graph {compress(str(version))} belongs to no nanopublication"]
    # the ontology graph is the released ontology, and the document description is a nanopublication
    ontology = ox.Dataset(ox.Quad(q.subject, q.predicate, q.object)
                          for q in ox.parse(path=str(built / "alkkg.nq"), format=ox.RdfFormat.N_QUADS)
                          if q.graph_name == ox.NamedNode(str(version)))
    assert canonical(ontology) == canonical_file(str(built / "alkkg-ontology.ttl"), ox.RdfFormat.TURTLE)
    assert URIRef("https://w3id.org/alkkg/np/shaw-2014-document") in {
        s for s, _, _, _ in dataset.quads((None, RDF.type, NP.Nanopublication, None))}


def test_a_nanopublication_may_not_claim_a_release_graph(artifacts: Artifacts) -> None:
    dataset = _copy(artifacts)
    other = URIRef(NPI + "#pubinfo")
    problems = nanopublication_problems(dataset, other_graphs={other})
    assert "alkkgnp:shaw-2014-s09-ceritinib-inhibits-alk: graph alkkgnp:shaw-2014-s09-ceritinib-inhibits-alk#pubinfo " \
           "is not a nanopublication graph" in problems
    dataset.add((URIRef("urn:x"), URIRef("urn:p"), Literal(1), dataset.graph(URIRef("urn:stray"))))
    assert "graph urn:stray belongs to no nanopublication" in nanopublication_problems(dataset, other_graphs={URIRef("urn:o")})
    with pytest.raises(ValidationError, match="both a nanopublication graph and a release graph"):
        release_dataset(_copy(artifacts), {URIRef(NPI + "#Head"): Graph()})
