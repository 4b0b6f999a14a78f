"""The compiled shapes: one query per constraint, run over a store, their rows turned into results
as pyshacl reports them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from .shapesgraph import _describe, _Shape
from .terms import _ALLOWED_SEVERITIES, _MARKER, LITERAL_GRAPH, SH, FastShaclError, Result, _from_ox
from .values import _pyshacl_datatype_ok


@dataclass
class _Query:
    """One compiled constraint: its SPARQL text and how its rows become results."""

    text: str
    shape: _Shape
    component: URIRef
    kind: str                          # value | focus | closed | pair | sparql
    value_var: str | None = None
    enc_var: str | None = None
    uncertain: tuple[str, str, str] | None = None   # (flag, lexical, datatype) vars of sh:datatype
    datatype: URIRef | None = None
    constraint: Node | None = None
    messages: tuple[str, ...] = ()
    this_projected: bool = True
    pair: str | None = None            # lessThan: the compared value (blank nodes fail in pyshacl)

    def describe(self) -> str:
        return f"{_describe(self.shape.node)} {self.component[len(SH):]}"


class CompiledShapes:
    """A shapes graph compiled to one SPARQL query per constraint; see :meth:`validate`."""

    def __init__(self, shapes: Graph, queries: list[_Query], messages_declared: set[Node]) -> None:
        self.shapes = shapes
        self.queries = queries
        self.messages_declared = messages_declared

    def __len__(self) -> int:
        return len(self.queries)

    def validate(self, store: ox.Store, *, timings: dict[str, float] | None = None) -> list[Result]:
        """All results of the shapes on the store's default graph (loaded with :func:`load_graph` or
        :func:`load_ntriples`). *timings*, when given, receives the seconds each query took."""
        import time

        if _MARKER not in store:
            raise FastShaclError("the store has no literal index: load the data with fastshacl.load_graph() or "
                                 "fastshacl.load_ntriples() (Oxigraph alone loses the datatype of typed literals)")
        found: list[Result] = []
        side: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(LITERAL_GRAPH)]
        for q in self.queries:
            started = time.perf_counter()
            solutions = store.query(q.text, named_graphs=side)
            assert isinstance(solutions, ox.QuerySolutions)
            found.extend(self._results(q, solutions))
            if timings is not None:
                timings[q.describe()] = timings.get(q.describe(), 0.0) + time.perf_counter() - started
        return found

    def conforms(self, results: Iterable[Result]) -> bool:
        """pyshacl's verdict (with allow_warnings): no result of severity sh:Violation."""
        return not any(r.severity not in _ALLOWED_SEVERITIES for r in results)

    def _results(self, q: _Query, solutions: ox.QuerySolutions) -> Iterator[Result]:
        shape = q.shape
        if q.kind == "sparql":
            yield from self._sparql_results(q, solutions)
            return

        def result(focus: Node, path: Node | None, value: Node | None) -> Result:
            return Result(severity=shape.severity, source_shape=shape.node, path=path, focus=focus, value=value,
                          component=q.component, messages=shape.messages)

        for row in solutions:
            focus = _from_ox(row["this"])
            if q.kind == "focus":
                yield result(focus, shape.path, None)
                continue
            if q.uncertain is not None:
                flag = row[q.uncertain[0][1:]]
                if flag is not None and flag.value == "true":
                    lexical, datatype = row[q.uncertain[1][1:]], row[q.uncertain[2][1:]]
                    assert q.datatype is not None and lexical is not None and datatype is not None
                    if _pyshacl_datatype_ok(lexical.value, datatype.value, q.datatype):
                        continue
            if q.pair is not None and q.value_var is not None:
                if isinstance(row[q.pair[1:]], ox.BlankNode) or isinstance(row[q.value_var[1:]], ox.BlankNode):
                    raise FastShaclError(f"{q.describe()}: sh:lessThan / sh:lessThanOrEquals met a blank node "
                                         "(pyshacl stops with an error there too)")
            value = self._value(row, q)
            yield result(focus, _from_ox(row["fs_p"]) if q.kind == "closed" else shape.path, value)

    @staticmethod
    def _value(row: ox.QuerySolution, q: _Query) -> Node:
        if q.enc_var is not None and row[q.enc_var[1:]] is not None:
            return _from_ox(row[q.enc_var[1:]])
        assert q.value_var is not None
        return _from_ox(row[q.value_var[1:]])

    def _sparql_results(self, q: _Query, solutions: ox.QuerySolutions) -> Iterator[Result]:
        names = [v.value for v in solutions.variables]
        seen: set[tuple[Any, ...]] = set()
        shape = q.shape
        for row in solutions:
            values = {n: _from_ox(row[n]) for n in names if row[n] is not None}
            focus = values.get("this")
            assert focus is not None
            key = (focus, tuple(sorted((n, (type(t).__name__, str(t), getattr(t, "datatype", None), getattr(t, "language", None)))
                                       for n, t in values.items())))
            if key in seen:
                continue
            seen.add(key)
            this = values.pop("this") if q.this_projected else None
            values.pop("this", None)
            values.pop("failure", None)
            path = values.pop("path", None)
            value = values.pop("value", None)
            if value is None and not shape.is_property:
                value = focus
            bound: dict[str, Node] = dict(values)
            if this is not None:
                bound["this"] = this
            if path is not None:
                bound["path"] = path
            if value is not None:
                bound["value"] = value
            messages = tuple(sorted({_fill(m, bound) for m in (*q.messages, *shape.messages)}))
            yield Result(severity=shape.severity, source_shape=shape.node, path=path if path is not None else shape.path,
                         focus=focus, value=value, component=q.component, source_constraint=q.constraint,
                         messages=messages)


def _fill(message: str, bound: dict[str, Node]) -> str:
    """pyshacl's template filling: ``re.sub("{[?$]var}", str(value), message)`` for each bound var."""
    for var, val in bound.items():
        message = re.sub("{{[?$]{}}}".format(var), str(val), message)
    return message
