"""Each nanopublication passes the shapes on its own graphs.

A claim nanopublication points at the sentence, reference and document nodes described once in
the document nanopublication, at ontology terms, and (restsOn) at claims of other nanopublications;
so each is validated as: its assertion and provenance graphs + the document nanopublication's
assertion graph + the ontology. The one thing it cannot show on its own is that a restsOn target is
a claim (that lives in the other nanopublication): those results, and only those, are set aside
here; the merged graph (build/alkkg.ttl) checks them.
"""

from __future__ import annotations

import pytest

from rdflib import RDF, Graph

from alkkg.pipeline import Artifacts
from alkkg.prefixes import ALKKG, NP, new_graph
from test_shapes import run_all

CLAIM = ALKKG.Claim
RESTS_ON = ALKKG.restsOn


def _graphs(artifacts: Artifacts) -> dict[str, Graph]:
    dataset = artifacts.documents[0].nanopubs
    heads = {np: g for g in dataset.graphs() for np in g.subjects(RDF.type, NP.Nanopublication)}
    document = next(np for np in heads if str(np).endswith("-document"))
    shared = new_graph()
    shared += artifacts.ontology
    shared += dataset.graph(heads[document].value(document, NP.hasAssertion))
    graphs = {}
    for np, head in sorted(heads.items()):
        if np == document:
            continue
        graph = new_graph()
        graph += shared
        for part in (NP.hasAssertion, NP.hasProvenance):
            graph += dataset.graph(head.value(np, part))
        graphs[str(np)] = graph
    return graphs


@pytest.mark.slow
def test_every_claim_nanopublication_conforms_on_its_own(artifacts: Artifacts) -> None:
    graphs = _graphs(artifacts)
    assert len(graphs) == sum(len(d.located) for d in artifacts.documents)
    claims = {c for g in graphs.values() for c in g.subjects(RDF.type, CLAIM)}
    failures = {}
    for name, found in zip(graphs, run_all(list(graphs.values())), strict=True):
        bad = [f"{r.severity} {r.source} {r.path}" for r in found if r.severity == "Violation"
               and not (r.source == "Claim-restsOn" and r.value in claims)]
        if bad:
            failures[name] = bad
    assert failures == {}


@pytest.mark.slow  # pyshacl over one nanopublication with the ontology: seconds; CI runs it
def test_a_broken_nanopublication_is_caught_on_its_own(artifacts: Artifacts) -> None:
    graphs = _graphs(artifacts)
    name = next(iter(graphs))
    graph = graphs[name]
    claim = next(c for c in graph.subjects(RDF.type, CLAIM) if (c, RESTS_ON, None) not in graph)
    graph.remove((claim, ALKKG.statement, None))
    (found,) = run_all([graph], processes=1)
    assert any(r.severity == "Violation" and r.path.endswith("statement") for r in found)
