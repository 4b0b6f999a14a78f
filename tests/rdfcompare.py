"""Fast graph comparison: rdflib graphs as pyoxigraph datasets, canonicalised (RDFC-1.0)."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef


def _term(term: object) -> object:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term).replace("-", "_"))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(term)


def canonical_rdflib(graph: Graph) -> set[str]:
    """The canonical N-Quads lines of an rdflib graph."""
    return canonical(ox.Quad(_term(s), _term(p), _term(o)) for s, p, o in graph)  # type: ignore[arg-type]


def canonical(quads: Iterable[ox.Quad]) -> set[str]:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in dataset}


def canonical_file(path: str, fmt: ox.RdfFormat, *, merge_graphs: bool = False) -> set[str]:
    quads = ox.parse(path=path, format=fmt)
    if merge_graphs:
        quads = (ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    return canonical(quads)
