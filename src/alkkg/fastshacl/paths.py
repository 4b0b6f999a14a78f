"""Terms rendered as SPARQL text, fresh variable names, and SHACL paths as SPARQL property paths
(with the route to a literal value's original form in the literal index)."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .shapesgraph import _ShapesGraph
from .terms import _SIDE, RDF_FIRST, SH, XSD_STRING, UnsupportedShapesError, _decoded, _sh


def _iri(node: Node) -> str:
    if not isinstance(node, URIRef):
        raise UnsupportedShapesError(f"expected an IRI, got {node!r}")
    return "<" + str(node).replace("\\", "\\\\").replace(">", "\\u003E") + ">"


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return _iri(node)
    if isinstance(node, Literal):
        if node.language:
            return _string(str(node)) + "@" + node.language
        return _string(str(node)) + "^^" + _iri(node.datatype or XSD_STRING)
    raise UnsupportedShapesError(f"unsupported: a blank node ({node}) as a constraint parameter")


class _Vars:
    """Fresh variable names for one compilation (never clash with ?this or a user query's names)."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, hint: str = "v") -> str:
        self.n += 1
        return f"?fs_{hint}{self.n}"


class _Paths:
    def __init__(self, sg: _ShapesGraph) -> None:
        self.sg = sg

    def sparql(self, path: Node) -> str:
        """The SPARQL property path of a shape's sh:path (refused when it can have length zero)."""
        if self.nullable(path):
            raise UnsupportedShapesError("unsupported: a sh:path that can have length zero (sh:zeroOrMorePath or "
                                         "sh:zeroOrOnePath not inside a longer sequence): pyshacl makes the focus "
                                         "node its own value even where SPARQL's zero-length path does not")
        return self._sparql(path)

    def _sparql(self, path: Node) -> str:
        g = self.sg.g
        if isinstance(path, URIRef):
            return _iri(path)
        if not isinstance(path, BNode):
            raise UnsupportedShapesError(f"unsupported sh:path {path!r}")
        if (path, RDF_FIRST, None) in g:
            members = self.sg.items(path, "a sequence path")
            if len(members) < 2:
                raise UnsupportedShapesError("a sequence path needs two or more members")
            return "(" + "/".join(self._sparql(m) for m in members) + ")"
        kinds = [p for p in g.predicates(path) if str(p).startswith(SH)]
        if len(kinds) != 1 or len(list(g.predicate_objects(path))) != 1:
            raise UnsupportedShapesError(f"unsupported sh:path ({path}): {[str(k) for k in kinds]}")
        kind, inner = kinds[0], next(g.objects(path, kinds[0]))
        if kind == _sh("inversePath"):
            return f"^{self._sparql(inner)}"
        if kind == _sh("alternativePath"):
            members = self.sg.items(inner, "sh:alternativePath")
            if len(members) < 2:
                raise UnsupportedShapesError("sh:alternativePath needs two or more members")
            return "(" + "|".join(self._sparql(m) for m in members) + ")"
        suffix = {str(_sh("zeroOrMorePath")): "*", str(_sh("oneOrMorePath")): "+", str(_sh("zeroOrOnePath")): "?"}.get(str(kind))
        if suffix is None:
            raise UnsupportedShapesError(f"unsupported path kind {kind}")
        return f"({self._sparql(inner)}){suffix}"

    def nullable(self, path: Node) -> bool:
        """Can the path have length zero (then a focus node is its own value, even if not in the data)?"""
        g = self.sg.g
        if isinstance(path, URIRef):
            return False
        if (path, RDF_FIRST, None) in g:
            return all(self.nullable(m) for m in self.sg.items(path, "a sequence path"))
        if (path, _sh("zeroOrMorePath"), None) in g or (path, _sh("zeroOrOnePath"), None) in g:
            return True
        for kind in ("inversePath", "oneOrMorePath"):
            inner = g.value(path, _sh(kind))
            if inner is not None:
                return self.nullable(inner)
        alternatives = g.value(path, _sh("alternativePath"))
        if alternatives is not None:
            return any(self.nullable(m) for m in self.sg.items(alternatives, "sh:alternativePath"))
        return False

    def unique(self, path: Node) -> bool:
        """Does ``?s PATH ?o`` give each (s, o) once (so no DISTINCT is needed)?"""
        if isinstance(path, URIRef):
            return True
        if isinstance(path, BNode):
            inverse = self.sg.g.value(path, _sh("inversePath"))
            return inverse is not None and isinstance(inverse, URIRef)
        return False

    def side(self, path: Node) -> list[tuple[str, Node]]:
        """How a literal value of *path* is reached: (path prefix in the data or "", last predicate)."""
        g = self.sg.g
        if isinstance(path, URIRef):
            return [("", path)]
        if (path, RDF_FIRST, None) in g:
            members = self.sg.items(path, "a sequence path")
            prefix = "/".join(self._sparql(m) for m in members[:-1])
            return [(prefix + ("/" + p if p else ""), last) for p, last in self.side(members[-1])]
        if (path, _sh("inversePath"), None) in g:
            return []                                  # subjects: never literals
        alternatives = g.value(path, _sh("alternativePath"))
        if alternatives is not None:
            return [x for m in self.sg.items(alternatives, "sh:alternativePath") for x in self.side(m)]
        raise UnsupportedShapesError("unsupported: a literal-sensitive constraint (sh:datatype, sh:pattern, sh:minLength, "
                                     "sh:maxLength) on a path with sh:zeroOrMorePath / sh:oneOrMorePath / "
                                     "sh:zeroOrOnePath")

    def lookup(self, subject: str, path: Node, value: str, enc: str, fresh: _Vars) -> str | None:
        """An OPTIONAL pattern binding *enc* to the original (side graph) literal of *value*, if any."""
        routes = self.side(path)
        if not routes:
            return None
        branches = []
        for prefix, last in routes:
            if prefix:
                mid = fresh("m")
                branches.append(f"{{ {subject} {prefix} {mid} . GRAPH {_SIDE} {{ {mid} {_iri(last)} {enc} }} }}")
            else:
                branches.append(f"{{ GRAPH {_SIDE} {{ {subject} {_iri(last)} {enc} }} }}")
        return (f"OPTIONAL {{ {' UNION '.join(branches)} FILTER(isLiteral({value}) && "
                f"sameTerm({_decoded(enc)}, {value})) }}")
