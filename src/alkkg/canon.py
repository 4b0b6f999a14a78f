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
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from .prefixes import new_graph


def _n3(node: Node) -> str:
    return node.n3() if isinstance(node, (URIRef, Literal)) else "_"


def _has_cycle(outgoing: dict[BNode, list[tuple[Node, Node]]]) -> bool:
    state: dict[BNode, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: BNode) -> bool:
        state[node] = 1
        for _, child in outgoing.get(node, ()):
            if isinstance(child, BNode):
                if state.get(child) == 1 or (child not in state and visit(child)):
                    return True
        state[node] = 2
        return False

    return any(node not in state and visit(node) for node in list(outgoing))


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
    if _has_cycle(outgoing):
        # Not the tree shape OWL uses: hand over to the general (slower) canonicalisation.
        canonical = new_graph()
        for triple in to_canonical_graph(graph):
            canonical.add(triple)
        return canonical
    content: dict[BNode, str] = {}

    def subtree(node: BNode) -> str:
        if node in content:
            return content[node]
        parts = sorted(f"{p.n3()} {subtree(o) if isinstance(o, BNode) else _n3(o)}"
                       for p, o in outgoing[node])
        content[node] = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        return content[node]

    labels: dict[BNode, str] = {}

    def label(node: BNode) -> str:
        if node in labels:
            return labels[node]
        where = sorted(f"{label(s) if isinstance(s, BNode) else _n3(s)} {p.n3()}" for s, p in parents[node])
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
