"""Well-formedness of the nanopublications (https://nanopub.net/guidelines/working_draft/), and
the release dataset that holds them beside the ontology graph."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.term import Node

from .errors import ValidationError
from .prefixes import NP, compress, new_dataset

_PARTS = (NP.hasAssertion, NP.hasProvenance, NP.hasPublicationInfo)


def nanopublication_problems(dataset: Dataset, other_graphs: Collection[Node] = ()) -> list[str]:
    """Every way *dataset* breaks the nanopublication rules, one line each (empty when well-formed).

    *other_graphs* names the graphs that are known not to be nanopublication parts (the release's
    ontology graph): they are set aside, but must not be claimed by a nanopublication either.
    Every other graph must be one of the four graphs of exactly one nanopublication.
    """
    problems: list[str] = []
    others = set(other_graphs)
    graphs: dict[Node, Graph] = {g.identifier: g for g in dataset.graphs() if len(g) and g.identifier not in others}
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
            if graph in others:
                problems.append(f"{name}: graph {compress(str(graph))} is not a nanopublication graph")
            elif graph not in graphs:
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


def check_nanopublications(dataset: Dataset, other_graphs: Collection[Node] = ()) -> None:
    """Raise ValidationError listing every problem, if any (*other_graphs*: see nanopublication_problems)."""
    problems = nanopublication_problems(dataset, other_graphs)
    if problems:
        raise ValidationError("the nanopublications are not well-formed:\n  " + "\n  ".join(problems))


def release_dataset(nanopubs: Dataset, graphs: Mapping[URIRef, Graph]) -> Dataset:
    """The nanopublications plus each of *graphs* as a named graph: the complete release as quads.

    The release puts the ontology in the graph named by its versionIRI, so that a quad store
    loaded with ``alkkg.nq`` (or ``alkkg.trig``) alone holds the ontology and every nanopublication.
    A graph name already used by the nanopublications is refused (ValidationError).
    """
    dataset = new_dataset()
    for quad in nanopubs.quads((None, None, None, None)):
        dataset.add(quad)  # type: ignore[arg-type]
    used = {g.identifier for g in nanopubs.graphs() if len(g)}
    for name, graph in graphs.items():
        if name in used:
            raise ValidationError(f"graph {compress(str(name))} is both a nanopublication graph and a release graph")
        target = dataset.graph(name)
        for triple in graph:
            target.add(triple)
    return dataset
