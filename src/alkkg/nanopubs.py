"""Well-formedness of the nanopublications (https://nanopub.net/guidelines/working_draft/)."""

from __future__ import annotations

from rdflib import RDF, Dataset, Graph
from rdflib.term import Node

from .errors import ValidationError
from .prefixes import NP, compress

_PARTS = (NP.hasAssertion, NP.hasProvenance, NP.hasPublicationInfo)


def nanopublication_problems(dataset: Dataset) -> list[str]:
    """Every way *dataset* breaks the nanopublication rules, one line each (empty when well-formed)."""
    problems: list[str] = []
    graphs: dict[Node, Graph] = {g.identifier: g for g in dataset.graphs() if len(g)}
    default = dataset.default_graph.identifier
    if default in graphs:
        problems.append(f"{len(graphs[default])} triple(s) outside any nanopublication graph")
    owner: dict[Node, str] = {}
    heads = [(g.identifier, np) for g in graphs.values() for np in g.subjects(RDF.type, NP.Nanopublication)]
    for head, np in sorted(heads):
        name = compress(str(np))
        head_graph = graphs[head]
        parts: dict[Node, Node] = {}
        for part in _PARTS:
            values = list(head_graph.objects(np, part))
            if len(values) != 1:
                problems.append(f"{name}: head has {len(values)} {compress(str(part))} (needs exactly 1)")
                continue
            parts[part] = values[0]
        members = [head, *parts.values()]
        if len(set(members)) != len(members):
            problems.append(f"{name}: its graphs are not four distinct graphs")
        for graph in members:
            if graph not in graphs:
                problems.append(f"{name}: graph {compress(str(graph))} is empty or missing")
            elif graph in owner and owner[graph] != name:
                problems.append(f"{name}: graph {compress(str(graph))} also belongs to {owner[graph]}")
            owner[graph] = name
        if len(head_graph) != 4:
            problems.append(f"{name}: head graph holds {len(head_graph)} triples (needs exactly 4)")
        assertion, provenance, pubinfo = (parts.get(p) for p in _PARTS)
        if provenance is not None and provenance in graphs and (assertion, None, None) not in graphs[provenance]:
            problems.append(f"{name}: provenance says nothing about the assertion graph")
        if pubinfo is not None and pubinfo in graphs and (np, None, None) not in graphs[pubinfo]:
            problems.append(f"{name}: publication info says nothing about the nanopublication")
    stray = sorted(compress(str(g)) for g in graphs if g not in owner and g != default)
    problems += [f"graph {g} belongs to no nanopublication" for g in stray]
    return problems


def check_nanopublications(dataset: Dataset) -> None:
    """Raise ValidationError listing every problem, if any."""
    problems = nanopublication_problems(dataset)
    if problems:
        raise ValidationError("the nanopublications are not well-formed:\n  " + "\n  ".join(problems))
