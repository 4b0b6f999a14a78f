"""Stable blank-node labels for OWL graphs, in linear time.

OWL's RDF mapping uses blank nodes only for trees (restrictions, class expressions, lists,
axioms such as owl:AllDisjointClasses), so each blank node can be named by a hash of its own
subtree and of where it hangs (parent subject and predicate). ``rdflib.compare.to_canonical_graph``
does the general job but takes seconds on our ontology; this takes milliseconds.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from .prefixes import new_graph


def _n3(node: Node) -> str:
    return node.n3() if isinstance(node, (URIRef, Literal)) else "_"


def _has_cycle(outgoing: dict[BNode, list[tuple[Node, Node]]]) -> bool:
    """Depth-first, with an explicit stack: an RDF list of thousands of members is that deep."""
    state: dict[BNode, int] = {}  # 1 = on the current path, 2 = done
    for root in list(outgoing):
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(outgoing.get(root, ())))]
        while stack:
            node, children = stack[-1]
            for _, child in children:
                if isinstance(child, BNode):
                    if state.get(child) == 1:
                        return True
                    if child not in state:
                        state[child] = 1
                        stack.append((child, iter(outgoing.get(child, ()))))
                        break
            else:
                state[node] = 2
                stack.pop()
    return False


def _post_order(start: BNode, children: Callable[[BNode], list[BNode]], compute: Callable[[BNode], str],
                memo: dict[BNode, str]) -> str:
    """memo[start] = compute(start), after every node it depends on (acyclic; no recursion)."""
    stack = [(start, False)]
    while stack:
        node, ready = stack.pop()
        if node in memo:
            continue
        if ready:
            memo[node] = compute(node)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in children(node) if child not in memo)
    return memo[start]


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

    def own_content(node: BNode) -> str:
        parts = sorted(f"{p.n3()} {content[o] if isinstance(o, BNode) else _n3(o)}" for p, o in outgoing[node])
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def subtree(node: BNode) -> str:
        return _post_order(node, lambda n: [o for _, o in outgoing[n] if isinstance(o, BNode)], own_content, content)

    labels: dict[BNode, str] = {}

    def own_label(node: BNode) -> str:
        where = sorted(f"{labels[s] if isinstance(s, BNode) else _n3(s)} {p.n3()}" for s, p in parents[node])
        return hashlib.sha256((subtree(node) + "|" + "\n".join(where)).encode()).hexdigest()

    def label(node: BNode) -> str:
        return _post_order(node, lambda n: [s for s, _ in parents[n] if isinstance(s, BNode)], own_label, labels)

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
