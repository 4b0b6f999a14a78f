"""The nanopublications follow the well-formedness rules, and each break is reported."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef

from alkkg.nanopubs import check_nanopublications, nanopublication_problems
from alkkg.errors import ValidationError
from alkkg.pipeline import Artifacts
from alkkg.prefixes import NP, new_dataset

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
    (lambda d: d.remove((None, None, None, d.graph(URIRef(NPI + "#pubinfo")))), "graph alkkgnp:shaw-2014-s09-ceritinib-inhibits-alk#pubinfo is empty or missing"),
    (lambda d: d.remove((URIRef(NPI), NP.hasProvenance, None, d.graph(URIRef(NPI + "#Head")))), "head has 0 np:hasProvenance"),
    (lambda d: d.remove((URIRef(NPI + "#assertion"), None, None, d.graph(URIRef(NPI + "#provenance")))), "provenance says nothing about the assertion graph"),
    (lambda d: d.add((URIRef("urn:x"), URIRef("urn:p"), Literal(1), d.graph(URIRef("urn:stray")))), "graph urn:stray belongs to no nanopublication"),
    (lambda d: d.add((URIRef("urn:x"), URIRef("urn:p"), Literal(1))), "outside any nanopublication graph"),
])
def test_each_break_is_reported(artifacts: Artifacts, break_it, expected: str) -> None:  # type: ignore[no-untyped-def]
    dataset = _copy(artifacts)
    break_it(dataset)
    with pytest.raises(ValidationError) as caught:
        check_nanopublications(dataset)
    assert expected in str(caught.value)
