"""The shapes of a shapes graph, found as pyshacl finds them, and the SHACL parameters the compiler knows."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .terms import RDF_FIRST, RDF_NIL, RDF_REST, RDF_TYPE, SH, SH_VIOLATION, UnsupportedShapesError, _sh

_TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "target")
# Parameters read as a value-level constraint (one result per failing value node).
_VALUE_LEVEL = ("class", "datatype", "nodeKind", "in", "pattern", "languageIn", "minLength", "maxLength",
                "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "or", "and", "not", "xone", "node")
_FOCUS_LEVEL = ("minCount", "maxCount", "hasValue", "qualifiedValueShape", "closed", "lessThan",
                "lessThanOrEquals", "disjoint", "equals", "sparql")
_OTHER = ("path", "property", "severity", "message", "deactivated", "name", "description", "order", "group",
          "defaultValue", "ignoredProperties", "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint")
_KNOWN = {_sh(n) for n in (*_TARGETS, *_VALUE_LEVEL, *_FOCUS_LEVEL, *_OTHER)}
_COMPONENT = {
    "class": "ClassConstraintComponent", "datatype": "DatatypeConstraintComponent",
    "nodeKind": "NodeKindConstraintComponent", "in": "InConstraintComponent", "pattern": "PatternConstraintComponent",
    "languageIn": "LanguageInConstraintComponent", "minLength": "MinLengthConstraintComponent",
    "maxLength": "MaxLengthConstraintComponent", "minInclusive": "MinInclusiveConstraintComponent",
    "maxInclusive": "MaxInclusiveConstraintComponent", "minExclusive": "MinExclusiveConstraintComponent",
    "maxExclusive": "MaxExclusiveConstraintComponent", "or": "OrConstraintComponent", "and": "AndConstraintComponent",
    "not": "NotConstraintComponent", "xone": "XoneConstraintComponent", "node": "NodeConstraintComponent",
    "minCount": "MinCountConstraintComponent", "maxCount": "MaxCountConstraintComponent",
    "hasValue": "HasValueConstraintComponent", "closed": "ClosedConstraintComponent",
    "lessThan": "LessThanConstraintComponent", "lessThanOrEquals": "LessThanOrEqualsConstraintComponent",
    "disjoint": "DisjointConstraintComponent", "equals": "EqualsConstraintComponent",
    "sparql": "SPARQLConstraintComponent", "qualifiedMin": "QualifiedMinCountConstraintComponent",
    "qualifiedMax": "QualifiedMaxCountConstraintComponent",
}
# Parameters that would change what pyshacl does if present anywhere in the shapes graph.
_UNSUPPORTED_TYPES = {_sh(n) for n in ("ConstraintComponent", "SPARQLConstraintComponent", "JSConstraintComponent",
                                       "SPARQLTargetType", "JSTargetType", "SPARQLFunction", "JSFunction",
                                       "SPARQLRule", "TripleRule", "JSRule", "SPARQLAskValidator",
                                       "SPARQLSelectValidator")}


def _describe(node: Node) -> str:
    return f"<{node}>" if isinstance(node, URIRef) else f"a blank-node shape ({node})" if isinstance(node, BNode) else str(node)


@dataclass
class _Shape:
    node: Node
    path: Node | None
    severity: URIRef
    messages: tuple[str, ...]
    deactivated: bool

    @property
    def is_property(self) -> bool:
        return self.path is not None


class _ShapesGraph:
    """The shapes of a shapes graph, found as pyshacl finds them."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph
        g = graph
        for t in _UNSUPPORTED_TYPES:
            if (None, RDF_TYPE, t) in g:
                raise UnsupportedShapesError(f"unsupported: the shapes graph declares an sh:{t[len(SH):]} "
                                             "(custom constraint components, functions, rules and JavaScript)")
        if (None, _sh("entailment"), None) in g:
            raise UnsupportedShapesError("unsupported: sh:entailment")
        nodes: set[Node] = set(g.subjects(RDF_TYPE, _sh("NodeShape"))) | set(g.subjects(RDF_TYPE, _sh("PropertyShape")))
        for p in ("targetClass", "targetNode", "targetObjectsOf", "targetSubjectsOf", "property", "node"):
            nodes |= set(g.subjects(_sh(p), None))
        for p in ("property", "node", "not", "qualifiedValueShape"):
            nodes |= set(g.objects(None, _sh(p)))
        for p in ("and", "or", "xone"):
            for lst in g.objects(None, _sh(p)):
                nodes |= set(self.items(lst, f"sh:{p}"))
        self.nodes = nodes
        self.shapes: dict[Node, _Shape] = {}
        for node in nodes:
            if isinstance(node, Literal):
                raise UnsupportedShapesError(f"a literal ({node!r}) is used as a shape")
            paths = list(g.objects(node, _sh("path")))
            if len(paths) > 1:
                raise UnsupportedShapesError(f"{_describe(node)} has {len(paths)} sh:path values")
            if (node, RDF_TYPE, _sh("PropertyShape")) in g and not paths:
                raise UnsupportedShapesError(f"{_describe(node)} is a sh:PropertyShape without sh:path")
            severities = list(g.objects(node, _sh("severity")))
            if len(severities) > 1 or any(not isinstance(x, URIRef) for x in severities):
                raise UnsupportedShapesError(f"{_describe(node)}: sh:severity must be one IRI")
            deactivated = [o for o in g.objects(node, _sh("deactivated"))]
            if any(not isinstance(d, Literal) for d in deactivated) or len(deactivated) > 1:
                raise UnsupportedShapesError(f"{_describe(node)}: sh:deactivated must be one boolean literal")
            self.shapes[node] = _Shape(
                node=node, path=paths[0] if paths else None,
                severity=URIRef(str(severities[0])) if severities else SH_VIOLATION,
                messages=tuple(sorted(str(m) for m in g.objects(node, _sh("message")))),
                deactivated=bool(deactivated and isinstance(deactivated[0], Literal) and deactivated[0].value),
            )
        for node in nodes:
            for predicate in g.predicates(node):
                if isinstance(predicate, URIRef) and str(predicate).startswith(SH) and predicate not in _KNOWN:
                    raise UnsupportedShapesError(f"unsupported: sh:{str(predicate)[len(SH):]} on {_describe(node)}")

    def items(self, lst: Node, what: str) -> list[Node]:
        out: list[Node] = []
        seen: set[Node] = set()
        while lst != RDF_NIL:
            if lst in seen or not isinstance(lst, (BNode, URIRef)):
                raise UnsupportedShapesError(f"{what}: not a well-formed RDF list")
            seen.add(lst)
            first = list(self.g.objects(lst, RDF_FIRST))
            rest = list(self.g.objects(lst, RDF_REST))
            if len(first) != 1 or len(rest) != 1:
                raise UnsupportedShapesError(f"{what}: not a well-formed RDF list")
            out.append(first[0])
            lst = rest[0]
        return out

    def shape(self, node: Node) -> _Shape:
        if node not in self.shapes:
            raise UnsupportedShapesError(f"{_describe(node)} is referenced as a shape but is not one")
        return self.shapes[node]

    def values(self, node: Node, name: str) -> list[Node]:
        return sorted(self.g.objects(node, _sh(name)), key=lambda n: (type(n).__name__, str(n)))

    def one(self, node: Node, name: str) -> Node | None:
        found = self.values(node, name)
        if len(found) > 1:
            raise UnsupportedShapesError(f"{_describe(node)} has {len(found)} values of sh:{name}")
        return found[0] if found else None
