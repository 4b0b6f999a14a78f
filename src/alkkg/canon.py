"""Stable blank-node labels for OWL graphs, in linear time.

OWL's RDF mapping uses blank nodes only for trees (restrictions, class expressions, lists,
axioms such as owl:AllDisjointClasses), so each blank node can be named by a hash of its own
subtree and of where it hangs (parent subject and predicate). ``rdflib.compare.to_canonical_graph``
does the general job but takes seconds on our ontology; this takes milliseconds.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .prefixes import new_graph


def _n3(node: Node) -> str:
    return node.n3() if isinstance(node, (URIRef, Literal)) else "_"


def relabel_blank_nodes(graph: Graph) -> Graph:
    """A copy of *graph* whose blank nodes carry labels derived from their content and position.

    >>> g = Graph().parse(data="<urn:a> <urn:p> [ <urn:q> 1 ] .", format="turtle")
    >>> sorted(str(o)[:2] for o in relabel_blank_nodes(g).objects())
    ['1', 'b-']
    """
    outgoing: dict[BNode, list[tuple[Node, Node]]] = defaultdict(list)
    parents: dict[BNode, list[tuple[Node, Node]]] = defaultdict(list)
    for s, p, o in graph:
        if isinstance(s, BNode):
            outgoing[s].append((p, o))
        if isinstance(o, BNode):
            parents[o].append((s, p))
    content: dict[BNode, str] = {}

    def subtree(node: BNode, seen: frozenset[BNode] = frozenset()) -> str:
        if node in content:
            return content[node]
        if node in seen:  # a cycle: not OWL, but stay total
            return "cycle"
        parts = sorted(f"{p.n3()} {subtree(o, seen | {node}) if isinstance(o, BNode) else _n3(o)}"
                       for p, o in outgoing[node])
        content[node] = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        return content[node]

    labels: dict[BNode, str] = {}

    def label(node: BNode, seen: frozenset[BNode] = frozenset()) -> str:
        if node in labels:
            return labels[node]
        where = sorted(f"{label(s, seen | {node}) if isinstance(s, BNode) and s not in seen else _n3(s)} {p.n3()}"
                       for s, p in parents[node])
        digest = hashlib.sha256((subtree(node) + "|" + "\n".join(where)).encode()).hexdigest()
        labels[node] = digest
        return digest

    nodes = set(outgoing) | set(parents)
    counts: dict[str, int] = defaultdict(int)
    final: dict[BNode, BNode] = {}
    # Identical subtrees at identical places are the same axiom stated twice; keep them apart anyway.
    for node in sorted(nodes, key=lambda n: (label(n), str(n))):
        digest = label(node)
        final[node] = BNode(f"b-{digest[:24]}-{counts[digest]}" if counts[digest] else f"b-{digest[:24]}")
        counts[digest] += 1
    out = new_graph()
    for s, p, o in graph:
        out.add((final.get(s, s) if isinstance(s, BNode) else s, p,  # type: ignore[arg-type]
                 final.get(o, o) if isinstance(o, BNode) else o))
    return out
