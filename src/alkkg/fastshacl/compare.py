"""fastshacl's results against pyshacl's: the results of a report graph, and canonical keys that
compare equal across rdflib and Oxigraph."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .compiled import CompiledShapes
from .paths import _string
from .terms import RDF_FIRST, SH, XSD_STRING, Result, _sh


def report_results(report: Graph) -> list[Result]:
    """The results of a W3C validation report graph (pyshacl's), as :class:`Result` s."""
    out = []
    for r in report.objects(None, _sh("result")):
        severity, shape = report.value(r, _sh("resultSeverity")), report.value(r, _sh("sourceShape"))
        focus, component = report.value(r, _sh("focusNode")), report.value(r, _sh("sourceConstraintComponent"))
        assert isinstance(severity, URIRef) and shape is not None and focus is not None and isinstance(component, URIRef)
        out.append(Result(severity=severity, source_shape=shape, path=report.value(r, _sh("resultPath")), focus=focus,
                          value=report.value(r, _sh("value")), component=component,
                          source_constraint=report.value(r, _sh("sourceConstraint")),
                          messages=tuple(sorted(str(m) for m in report.objects(r, _sh("resultMessage"))))))
    return out


def path_text(graph: Graph, node: Node | None) -> str:
    """A SPARQL rendering of a SHACL path held in *graph* (for comparing paths across graphs)."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if not isinstance(node, BNode):
        return str(node)
    if (node, RDF_FIRST, None) in graph:
        return "(" + "/".join(path_text(graph, m) for m in graph.items(node)) + ")"
    for kind, fmt in (("inversePath", "^{}"), ("zeroOrMorePath", "({})*"), ("oneOrMorePath", "({})+"),
                      ("zeroOrOnePath", "({})?")):
        inner = graph.value(node, _sh(kind))
        if inner is not None:
            return fmt.format(path_text(graph, inner))
    alternatives = graph.value(node, _sh("alternativePath"))
    if alternatives is not None:
        return "(" + "|".join(path_text(graph, m) for m in graph.items(alternatives)) + ")"
    return f"_:{node}"


@lru_cache(maxsize=100_000)
def _canonical_literal(lexical: str, datatype: str | None, language: str | None) -> str:
    """A literal as Oxigraph stores it (its value-space canonical form), in N-Triples."""
    store = ox.Store()
    literal = (ox.Literal(lexical, language=language) if language else
               ox.Literal(lexical, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(lexical))
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), literal))
    stored = next(iter(store)).object
    # keep the original datatype: Oxigraph maps derived integer types to xsd:integer
    return str(stored) if language or not datatype else f"{_string(stored.value)}^^<{datatype}>"


def term_key(term: Node | None) -> str:
    """A description of a term that compares equal across rdflib and Oxigraph (canonical literals)."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        datatype = None if term.datatype in (None, XSD_STRING) else str(term.datatype)
        return _canonical_literal(str(term), datatype, term.language or None)
    if isinstance(term, BNode):
        return f"_:{term}"
    return f"<{term}>"


@dataclass
class Comparison:
    """fastshacl's results against pyshacl's, as multisets of canonical keys."""

    fast: Counter[tuple[str, ...]]
    pyshacl: Counter[tuple[str, ...]]
    only_fast: Counter[tuple[str, ...]] = field(init=False)
    only_pyshacl: Counter[tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        self.only_fast = self.fast - self.pyshacl
        self.only_pyshacl = self.pyshacl - self.fast

    @property
    def same_set(self) -> bool:
        return set(self.fast) == set(self.pyshacl)

    @property
    def same_multiset(self) -> bool:
        return self.fast == self.pyshacl

    def explain(self, limit: int = 20) -> str:
        lines = [f"fastshacl {sum(self.fast.values())} results, pyshacl {sum(self.pyshacl.values())}"]
        for label, diff in (("only fastshacl", self.only_fast), ("only pyshacl", self.only_pyshacl)):
            for key, n in sorted(diff.items())[:limit]:
                lines.append(f"  {label} x{n}: " + " | ".join(key))
        return "\n".join(lines)


def result_key(r: Result, graph: Graph, declared: set[Node], *, messages: bool = True) -> tuple[str, ...]:
    """The canonical key of a result (shapes and paths described through *graph*, which holds them)."""
    if isinstance(r.source_shape, URIRef):
        shape = str(r.source_shape)
    else:
        shape = f"_:shape {path_text(graph, graph.value(r.source_shape, _sh('path')))}"
    source = r.source_constraint if r.source_constraint is not None else r.source_shape
    text = "\n".join(r.messages) if messages and isinstance(source, URIRef) and source in declared else ""
    constraint = str(r.source_constraint) if isinstance(r.source_constraint, URIRef) else ""
    return (str(r.severity)[len(SH):], shape, constraint, path_text(graph, r.path), term_key(r.focus),
            term_key(r.value), str(r.component)[len(SH):], text)


def compare_results(compiled: CompiledShapes, fast: Sequence[Result], pyshacl_report: Graph, *,
                    messages: bool = True) -> Comparison:
    """Compare fastshacl's results with the results of pyshacl's report graph.

    Keys: severity, source shape, source constraint, result path, focus node, value node, constraint
    component and (when the shape or SPARQL constraint declares sh:message) the messages. Literals
    are compared in Oxigraph's canonical form with their datatype; blank nodes by id (skolemise the
    data graph before validating, so that both validators name the same nodes).
    """
    declared = compiled.messages_declared
    fast_keys = Counter(result_key(r, compiled.shapes, declared, messages=messages) for r in fast)
    slow_keys = Counter(result_key(r, pyshacl_report, declared, messages=messages) for r in report_results(pyshacl_report))
    return Comparison(fast_keys, slow_keys)
