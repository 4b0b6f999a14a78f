"""Set-based SHACL validation: our shapes compiled to SPARQL queries run over a pyoxigraph store.

Whole-graph pyshacl walks every focus node in Python; on a literature-sized corpus (100,000 claims,
~4 M triples) that takes far too long. This module compiles the shapes graph once into SPARQL
queries - ONE query per constraint (per parameter value, per shape and per parent shape), each over
ALL focus nodes of its shape - and runs them in Oxigraph. The results are those of
``pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)``
(the call of :func:`alkkg.validation.validate`), including pyshacl's own choices where it departs
from the W3C text; tests/test_fastshacl.py checks the equality on every fixture of the shapes
tests, on the built graph and on every mutant of the mutation test.

Use::

    compiled = compile_shapes(load_shapes(Path("shapes")))   # raises UnsupportedShapesError
    store = load_graph(data)                                  # or load_ntriples(bytes)
    results = compiled.validate(store)                        # list[Result]

**The supported SHACL subset** (anything else in the shapes graph raises
:class:`UnsupportedShapesError` at compile time; nothing is skipped silently):

* shapes: node and property shapes (declared, or implied as pyshacl implies them), sh:severity,
  sh:message, sh:deactivated, sh:property (also nested in the members of logical constraints);
* targets: sh:targetClass (instances of the class or of any rdfs:subClassOf* subclass, in the data
  graph), implicit class targets, sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf, and
  SHACL-AF sh:SPARQLTarget (sh:target with sh:select and sh:prefixes);
* paths: IRIs, sh:inversePath, sh:alternativePath, sequence paths, sh:oneOrMorePath, and
  sh:zeroOrMorePath / sh:zeroOrOnePath inside a path that cannot have length zero;
* value type: sh:class, sh:datatype, sh:nodeKind; cardinality: sh:minCount, sh:maxCount; value
  range: sh:minInclusive, sh:maxInclusive, sh:minExclusive, sh:maxExclusive; string: sh:minLength,
  sh:maxLength, sh:pattern (without sh:flags), sh:languageIn; property pair: sh:lessThan,
  sh:lessThanOrEquals, sh:disjoint, sh:equals; logical and shape-based: sh:or, sh:and, sh:not,
  sh:xone, sh:node, sh:qualifiedValueShape with sh:qualifiedMinCount / sh:qualifiedMaxCount (not
  sh:qualifiedValueShapesDisjoint); other: sh:in, sh:hasValue, sh:closed with sh:ignoredProperties;
* SHACL-SPARQL: sh:sparql constraints with sh:select, sh:prefixes (sh:declare), sh:message
  templates ``{?var}`` / ``{$var}``, pre-bound ``$this`` (and ``$PATH`` on a property shape).

**How pyshacl's per-node pre-binding becomes a set-based join.** A SPARQL constraint is run once:
the focus nodes of its shape are joined in as the first element of the query's outer group
(``{ SELECT DISTINCT ?this WHERE { <targets> } }``), so every FILTER, BIND and EXISTS of that group
sees ``?this`` as pyshacl's pre-binding does. A query in which ``$this`` is used where the join
cannot reach it (a FILTER or BIND in an inner group that does not bind it, a sub-select that does
not project it), and aggregates, LIMIT/OFFSET, VALUES, MINUS, SERVICE and GRAPH, are refused at
compile time. pyshacl's removal of duplicate solutions and its filling of message templates
(``re.sub`` per bound variable, ``$this``/``?path``/``?value`` last) are reproduced.

**Literals in Oxigraph.** Oxigraph stores typed literals in their value space: ``"5"^^
xsd:nonNegativeInteger`` comes back as ``"5"^^xsd:integer`` and ``"1.50"^^xsd:decimal`` as
``"1.5"^^xsd:decimal``. pyshacl sees the literal as written (as rdflib parsed it). The loaders of
this module (:func:`load_graph`, :func:`load_ntriples`) therefore also write every typed literal
(other than xsd:string) to a side graph, with its original lexical form and datatype, and the
queries recover the original literal wherever it matters: sh:datatype (whose well-formedness test
is that of rdflib, as in pyshacl: lexical forms outside a known-safe pattern are checked by rdflib
itself, in Python), the string of sh:pattern / sh:minLength / sh:maxLength, and the sh:value of a
result. :meth:`CompiledShapes.validate` refuses a store that was not loaded this way.

**Oxigraph's evaluation.** The queries walk from the focus nodes with ``LATERAL`` (Oxigraph would
otherwise scan a pattern such as ``?this ?p ?o`` whole and hash-join it). Two equivalent rewrites of
the users' SPARQL (constraints and targets) avoid what Oxigraph evaluates again for every solution,
which made queries grow with the square of the data: a sequence path with a zero-or-more step,
``A/B*``, becomes ``(A|A/B+)`` (inside an EXISTS Oxigraph evaluates ``B*`` from every node of the
graph: the range check took 70 s on the mutation-test graph, 0.02 s rewritten), and an EXISTS over
a join of plain triple patterns becomes an OPTIONAL over its precomputed answers
(:func:`_rewrite_exists`; the assertion check took 54 s on 300 documents, 0.1 s rewritten).

**Differences from pyshacl.** One shows in our tests, and it is rdflib's: rdflib orders two
literals of unrelated datatypes (or a literal it cannot read) by their datatype IRIs
(``"550"^^xsd:string > 555`` is true), where SPARQL 1.1 - and Oxigraph - have a type error. Inside
SHACL-SPARQL that gives pyshacl results fastshacl does not give (5 results on 4 of the mutation
test's mutants, an offset turned into a string; the sh:datatype check reports those mutants in
both); in sh:minInclusive & co. and sh:lessThan it can make pyshacl accept what fastshacl reports.
Others are possible in principle but do not occur in our data, fixtures or mutants: literals that
rdflib keeps apart but Oxigraph merges (``"1.0"`` and ``"1.00"`` as xsd:decimal values of one
property) count once for sh:minCount / sh:maxCount; values computed by SPARQL constraints come back
in Oxigraph's canonical lexical form; regular expressions run in Rust's regex engine (Python's ``$``
and ``\\s`` are translated; a construct Rust lacks is refused at compile time). A node that is not in
the data can be a focus node (sh:targetNode) and a zero-length path would make it its own value in
pyshacl but not in SPARQL: such paths are refused. Typed literals in sh:in and sh:hasValue are
refused (Oxigraph compares them by value).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node, Variable

__all__ = [
    "CompiledShapes", "Comparison", "FastShaclError", "Result", "UnsupportedShapesError",
    "compare_results", "compile_shapes", "load_graph", "load_ntriples", "report_results",
]

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = URIRef(RDF + "type")
RDF_FIRST, RDF_REST, RDF_NIL = URIRef(RDF + "first"), URIRef(RDF + "rest"), URIRef(RDF + "nil")
RDF_LANGSTRING = URIRef(RDF + "langString")
RDFS_CLASS, RDFS_SUBCLASSOF = URIRef(RDFS + "Class"), URIRef(RDFS + "subClassOf")
RDFS_LITERAL, RDFS_DATATYPE, RDFS_RESOURCE = URIRef(RDFS + "Literal"), URIRef(RDFS + "Datatype"), URIRef(RDFS + "Resource")
OWL_ONTOLOGY = URIRef(OWL + "Ontology")
XSD_STRING = URIRef(XSD + "string")


def _sh(name: str) -> URIRef:
    return URIRef(SH + name)


SH_VIOLATION, SH_WARNING, SH_INFO = _sh("Violation"), _sh("Warning"), _sh("Info")
# pyshacl is called with allow_warnings=True: a shape of these severities always "conforms" when it
# is checked inside another constraint (sh:or, sh:qualifiedValueShape, ...), though its results
# are still reported at the top level.
_ALLOWED_SEVERITIES = {SH_WARNING, SH_INFO}

# The side graph of original typed literals (see the module docstring).
LITERAL_GRAPH = "urn:alkkg:fastshacl:literals"
_ENCODED = "urn:alkkg:fastshacl:datatype:"
_MARKER = ox.Quad(ox.NamedNode("urn:alkkg:fastshacl:store"), ox.NamedNode("urn:alkkg:fastshacl:literalIndex"),
                  ox.Literal("1"), ox.NamedNode(LITERAL_GRAPH))


class FastShaclError(Exception):
    """The validation could not run (a store without its literal index, a blank node in sh:lessThan)."""


class UnsupportedShapesError(FastShaclError):
    """The shapes graph uses something this compiler does not implement (raised at compile time)."""


# ------------------------------------------------------------------------------------------- results

@dataclass(frozen=True)
class Result:
    """One validation result, as in a W3C SHACL validation report.

    *path* is the shapes graph's sh:path node for a property shape (an IRI, or the blank node of a
    complex path in the compiled shapes graph), the data's predicate for sh:closed, the ``?path`` of
    a SPARQL constraint, else None. *messages*: the sh:message texts (templates filled).
    """

    severity: URIRef
    source_shape: Node
    path: Node | None
    focus: Node
    value: Node | None
    component: URIRef
    source_constraint: Node | None = None
    messages: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        return "\n".join(self.messages)


# ------------------------------------------------------------------------------------- terms, store

_BNODE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_\-]*")


def _to_ox(term: Node, bnodes: dict[BNode, Any] | None = None) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        if _BNODE_ID.fullmatch(str(term)):
            return ox.BlankNode(str(term))
        if bnodes is None:
            raise FastShaclError(f"blank node id {str(term)!r} is not valid in Oxigraph")
        return bnodes.setdefault(term, ox.BlankNode())
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise FastShaclError(f"cannot store {term!r}")


def _from_ox(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype.startswith(_ENCODED):
            datatype = datatype[len(_ENCODED):]
        return Literal(term.value) if datatype == str(XSD_STRING) else Literal(term.value, datatype=URIRef(datatype))
    raise FastShaclError(f"unexpected term {term!r} in a query result")


def _indexed(literal: Literal) -> bool:
    """Is the literal written to the side graph (a typed literal other than xsd:string)?"""
    return not literal.language and literal.datatype is not None and literal.datatype != XSD_STRING


def load_graph(graph: Graph, store: ox.Store | None = None) -> ox.Store:
    """A store holding *graph* in its default graph, with the literal index this module needs.

    Blank nodes keep their rdflib ids where Oxigraph allows them, so results name the same nodes
    (others get fresh Oxigraph ids; skolemise the graph first to compare results across tools).
    """
    store = store if store is not None else ox.Store()
    side = ox.NamedNode(LITERAL_GRAPH)
    quads = [_MARKER]
    bnodes: dict[BNode, Any] = {}
    for s, p, o in graph:
        subject, predicate = _to_ox(s, bnodes), _to_ox(p)
        quads.append(ox.Quad(subject, predicate, _to_ox(o, bnodes)))
        if isinstance(o, Literal) and _indexed(o):
            quads.append(ox.Quad(subject, predicate, ox.Literal(str(o), datatype=ox.NamedNode(_ENCODED + str(o.datatype))),
                                 side))
    store.bulk_extend(quads)
    return store


# An N-Triples line whose object is a typed literal other than xsd:string (the datatype ends the line).
_TYPED_LINE = re.compile(rb'^([^\n]*")\^\^<(?!http://www\.w3\.org/2001/XMLSchema#string>)([^<>"\s]*)>([ \t]*\.[ \t]*\r?)$',
                         re.MULTILINE)


def load_ntriples(data: bytes, store: ox.Store | None = None) -> ox.Store:
    """A store holding the N-Triples *data* (Oxigraph's bulk loader), with the literal index."""
    store = store if store is not None else ox.Store()
    store.bulk_load(data, ox.RdfFormat.N_TRIPLES)
    side = b"\n".join(m.group(1) + b"^^<" + _ENCODED.encode() + m.group(2) + b">" + m.group(3)
                      for m in _TYPED_LINE.finditer(data))
    if side:
        store.bulk_load(side, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(LITERAL_GRAPH))
    store.add(_MARKER)
    return store


# ------------------------------------------------------------------------------------ shapes graph

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


# --------------------------------------------------------------------------------------- SPARQL text

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


_SIDE = f"<{LITERAL_GRAPH}>"
_K = len(_ENCODED) + 1


def _decoded(enc: str) -> str:
    """The Oxigraph term of an encoded original literal (for matching it to the stored value)."""
    return f"STRDT(STR({enc}), IRI(SUBSTR(STR(DATATYPE({enc})), {_K})))"


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


# ------------------------------------------------------------------------------- value expressions

# rdflib gives literals of these datatypes (and language-tagged ones) a Python str value: pyshacl
# compares them as strings in sh:lessThan and the range constraints.
_STR_DATATYPES = tuple(URIRef(XSD + n) for n in ("string", "normalizedString", "token", "language", "anyURI"))
# Lexical forms that rdflib certainly parses into a value of the type pyshacl expects for the
# datatype (anything else of the datatype is checked with rdflib itself, in Python).
_SAFE_LEXICAL = {
    URIRef(XSD + "integer"): "^[+-]?[0-9]+$",
    URIRef(XSD + "nonNegativeInteger"): "^[+]?[0-9]+$",
    URIRef(XSD + "positiveInteger"): "^[+]?0*[1-9][0-9]*$",
    URIRef(XSD + "decimal"): "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$",
    URIRef(XSD + "double"): "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$",
    URIRef(XSD + "float"): "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$",
    URIRef(XSD + "boolean"): "^(true|false|1|0)$",
}


def _strish(x: str, odt: str) -> str:
    """pyshacl's 'has a str value' test (IRIs, plain / language-tagged / string-typed literals)."""
    types = ", ".join(_iri(t) for t in _STR_DATATYPES)
    return f"(isIRI({x}) || (isLiteral({x}) && (LANG({x}) != \"\" || {odt} IN ({types}))))"


def _translate_pattern(pattern: str) -> str:
    """A Python regular expression (re.search, no flags) as an equivalent Rust one (Oxigraph's REGEX).

    Python's ``$`` also matches before a final newline; ``\\s`` also matches U+001C..U+001F; ``\\Z`` is
    Rust's ``\\z``; inside a class, ``[``, ``&``, ``~`` are literal in Python but operators in Rust.
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            e = pattern[i + 1]
            if e == "s":
                out.append(r"\s\x1C-\x1F" if in_class else r"[\s\x1C-\x1F]")
            elif e == "S":
                if in_class:
                    raise UnsupportedShapesError(f"unsupported: \\S inside a character class in sh:pattern {pattern!r}")
                out.append(r"[^\s\x1C-\x1F]")
            elif e == "Z" and not in_class:
                out.append(r"\z")
            else:
                out.append(c + e)
            i += 2
            continue
        if in_class:
            if c == "]" and not (out and out[-1] in ("[", "[^")):
                in_class = False
                out.append(c)
            elif c in "[&~":
                out.append("\\" + c)
            else:
                out.append(c)
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                out.append("[^")
                i += 1
            else:
                out.append("[")
            if pattern[i + 1:i + 2] == "]":           # "[]...]" / "[^]...]": a literal ] first
                out.append(r"\]")
                i += 1
        elif c == "$":
            out.append(r"(?:\n?$)")
        else:
            out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=None)
def _regex_works_in_oxigraph(pattern: str) -> bool:
    solutions = ox.Store().query(f"SELECT (REGEX(\"\", {_string(pattern)}) AS ?ok) WHERE {{}}")
    assert isinstance(solutions, ox.QuerySolutions)
    return next(iter(solutions))["ok"] is not None


@dataclass
class _Value:
    """A value node in a query: its variable, and how to reach its original literal."""

    var: str
    enc: str | None = None            # variable bound to the encoded original literal (side graph)

    @property
    def lex(self) -> str:
        return f"COALESCE(STR({self.enc}), STR({self.var}))" if self.enc else f"STR({self.var})"

    @property
    def odt(self) -> str:
        if self.enc:
            return f"COALESCE(IRI(SUBSTR(STR(DATATYPE({self.enc})), {_K})), DATATYPE({self.var}))"
        return f"DATATYPE({self.var})"


_LITERAL_SENSITIVE = ("datatype", "pattern", "minLength", "maxLength")


class _Compiler:
    def __init__(self, sg: _ShapesGraph) -> None:
        self.sg = sg
        self.paths = _Paths(sg)

    # -- value-level violation expressions ---------------------------------------------------

    def violation(self, name: str, param: Node, shape: _Shape, v: _Value, fresh: _Vars, stack: tuple[Node, ...],
                  nested: bool, lateral: list[str] | None = None) -> str:
        """A SPARQL expression that is true when value node *v* violates (*name*, *param*).

        *lateral*, when given, collects patterns to be joined to the solutions before the expression
        is evaluated, for tests on *v* itself: Oxigraph plans an EXISTS (or LATERAL) body without the
        solution's bindings, so that looking up "is v an instance of C" there costs about the number
        of instances of C, per value node. The instances of C are instead selected once and
        left-joined (30 times faster on 1000 documents, and linear).
        """
        x = v.var
        if name == "class":
            # rdf:type/rdfs:subClassOf* as one path, without a zero-length step (10-20 times faster)
            path = f"({_iri(RDF_TYPE)}|{_iri(RDF_TYPE)}/{_iri(RDFS_SUBCLASSOF)}+)"
            if lateral is not None:
                flag, t = fresh("is"), fresh("t")
                lateral.append(f"OPTIONAL {{ SELECT DISTINCT {x} (true AS {flag}) WHERE {{ {x} {_iri(RDF_TYPE)} {t} . "
                               f"{t} {_iri(RDFS_SUBCLASSOF)}* {_term(param)} }} }}")
                return f"(isLiteral({x}) || !BOUND({flag}))"
            return f"(isLiteral({x}) || NOT EXISTS {{ {x} {path} {_term(param)} }})"
        if name == "datatype":             # (outside nested shapes, _value_query() also selects the uncertain part)
            ok, _uncertain = self.datatype_test(param, v, nested)
            return f"!({ok})"
        if name == "nodeKind":
            tests = {"IRI": "isIRI({x})", "BlankNode": "isBlank({x})", "Literal": "isLiteral({x})",
                     "BlankNodeOrIRI": "(isBlank({x}) || isIRI({x}))", "BlankNodeOrLiteral": "(isBlank({x}) || isLiteral({x}))",
                     "IRIOrLiteral": "(isIRI({x}) || isLiteral({x}))"}
            kind = str(param)[len(SH):] if str(param).startswith(SH) else ""
            if kind not in tests:
                raise UnsupportedShapesError(f"unsupported sh:nodeKind {param}")
            return "!" + tests[kind].format(x=x)
        if name == "in":
            members = self.sg.items(param, "sh:in")
            for m in members:
                if isinstance(m, Literal) and _indexed(m):
                    raise UnsupportedShapesError(f"unsupported: a typed literal ({m!r}) in sh:in (Oxigraph merges "
                                                 "literals of equal value)")
            return "!(" + (" || ".join(f"sameTerm({x}, {_term(m)})" for m in members) or "false") + ")"
        if name == "pattern":
            if not isinstance(param, Literal):
                raise UnsupportedShapesError("sh:pattern must be a literal")
            translated = _translate_pattern(str(param))
            if not _regex_works_in_oxigraph(translated):
                raise UnsupportedShapesError(f"unsupported: sh:pattern {str(param)!r} uses regular-expression syntax that "
                                             "Oxigraph (Rust regex) does not have")
            return f"(isBlank({x}) || !REGEX({v.lex}, {_string(translated)}))"
        if name == "languageIn":
            langs = self.sg.items(param, "sh:languageIn")
            if any(not isinstance(lang, Literal) for lang in langs):
                raise UnsupportedShapesError("sh:languageIn members must be literals")
            wanted = sorted({str(lang).lower() for lang in langs})
            if "*" in wanted:
                return f"!(isLiteral({x}) && LANG({x}) != \"\")"
            listed = ", ".join(_string(w) for w in wanted) or '""'
            return (f"!(isLiteral({x}) && LANG({x}) != \"\" && (LCASE(LANG({x})) IN ({listed}) || "
                    f"LCASE(STRBEFORE(CONCAT(LANG({x}), \"-\"), \"-\")) IN ({listed})))")
        if name in ("minLength", "maxLength"):
            if not isinstance(param, Literal) or not isinstance(param.value, int) or param.value < 0:
                raise UnsupportedShapesError(f"sh:{name} must be a non-negative integer")
            if name == "minLength" and param.value == 0:
                return "false"
            op = "<" if name == "minLength" else ">"
            return f"(isBlank({x}) || STRLEN({v.lex}) {op} {param.value})"
        if name in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
            if not isinstance(param, Literal):
                raise UnsupportedShapesError(f"sh:{name} must be a literal")
            op = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}[name]
            bound_is_str = "true" if isinstance(param.value, str) else "false"
            return (f"!(isLiteral({x}) && ({_strish(x, v.odt)} = {bound_is_str}) && "
                    f"COALESCE({x} {op} {_term(param)}, false))")
        if name in ("or", "and", "xone"):
            members = self.sg.items(param, f"sh:{name}")
            parts = [self.conforms(self.sg.shape(m), x, fresh, stack, lateral) for m in members]
            if name == "or":
                return "!(" + (" || ".join(parts) or "false") + ")"
            if name == "and":
                return "!(" + (" && ".join(parts) or "true") + ")"
            return "((" + " + ".join(f"IF({p}, 1, 0)" for p in parts) + ") != 1)"
        if name == "not":
            return self.conforms(self.sg.shape(param), x, fresh, stack, lateral)
        if name == "node":
            return "!" + self.conforms(self.sg.shape(param), x, fresh, stack, lateral)
        raise AssertionError(name)  # pragma: no cover

    def datatype_test(self, param: Node, v: _Value, nested: bool) -> tuple[str, str]:
        """(definitely conforms, needs rdflib to decide) for sh:datatype *param* on *v*."""
        x = v.var
        if not isinstance(param, URIRef):
            raise UnsupportedShapesError("sh:datatype must be an IRI")
        if param == RDF_LANGSTRING:
            return f"(isLiteral({x}) && LANG({x}) != \"\")", "false"
        if param == XSD_STRING:
            return f"(isLiteral({x}) && LANG({x}) = \"\" && DATATYPE({x}) = {_iri(XSD_STRING)})", "false"
        if param == RDFS_LITERAL:
            return f"isLiteral({x})", "false"
        if param == RDFS_DATATYPE:
            raise UnsupportedShapesError("unsupported: sh:datatype rdfs:Datatype")
        if nested:
            raise UnsupportedShapesError(f"unsupported: sh:datatype {param} inside a shape used by another constraint "
                                         "(only rdf:langString, xsd:string and rdfs:Literal are decided there)")
        typed = f"(isLiteral({x}) && LANG({x}) = \"\" && {v.odt} = {_iri(param)})"
        safe = _SAFE_LEXICAL.get(param)
        if safe is None:
            return "false", typed
        return (f"({typed} && REGEX({v.lex}, {_string(safe)}))",
                f"({typed} && !REGEX({v.lex}, {_string(safe)}))")

    # -- conformance of a value node to a shape (sh:or, sh:node, qualified value shapes) ------

    def conforms(self, shape: _Shape, x: str, fresh: _Vars, stack: tuple[Node, ...],
                 lateral: list[str] | None = None) -> str:
        """A SPARQL expression that is true when node *x* conforms to *shape* (pyshacl's sense);
        *lateral* as in :meth:`violation`."""
        if shape.node in stack:
            raise UnsupportedShapesError(f"unsupported: recursive shapes ({_describe(shape.node)})")
        stack = (*stack, shape.node)
        if shape.deactivated or shape.severity in _ALLOWED_SEVERITIES:
            return "true"
        sg = self.sg
        parts: list[str] = []
        for name in _VALUE_LEVEL:
            for param in sg.values(shape.node, name):
                if shape.is_property:
                    assert shape.path is not None
                    v = _Value(fresh())
                    pattern = f"{x} {self.paths.sparql(shape.path)} {v.var} ."
                    if name in ("pattern", "minLength", "maxLength"):
                        v.enc = fresh("enc")
                        lookup = self.paths.lookup(x, shape.path, v.var, v.enc, fresh)
                        pattern += " " + (lookup or "")
                        if lookup is None:
                            v.enc = None
                    test = self.violation(name, param, shape, v, fresh, stack, True)
                    parts.append(f"NOT EXISTS {{ {pattern} FILTER({test}) }}")
                else:
                    parts.append(f"!({self.violation(name, param, shape, _Value(x), fresh, stack, True, lateral)})")
        for name in _FOCUS_LEVEL:
            for param in sg.values(shape.node, name):
                parts.append(self.focus_conforms(name, param, shape, x, fresh, stack))
        for child in sg.values(shape.node, "property"):
            child_shape = sg.shape(child)
            if not child_shape.is_property:
                raise UnsupportedShapesError(f"{_describe(child)} is the sh:property of {_describe(shape.node)} "
                                             "but has no sh:path")
            parts.append(self.conforms(child_shape, x, fresh, stack, lateral))
        return "(" + (" && ".join(parts) or "true") + ")"

    def focus_conforms(self, name: str, param: Node, shape: _Shape, x: str, fresh: _Vars, stack: tuple[Node, ...]) -> str:
        path = self.paths.sparql(shape.path) if shape.path is not None else None
        if name in ("minCount", "maxCount"):
            n = _count(param, name)
            if path is None:
                raise UnsupportedShapesError(f"unsupported: sh:{name} on node shape {_describe(shape.node)}")
            if name == "minCount" and n == 0:
                return "true"
            k = n if name == "minCount" else n + 1
            if k > 3:
                raise UnsupportedShapesError(f"unsupported: sh:{name} {n} inside a shape used by another constraint")
            vs = [fresh() for _ in range(k)]
            body = " ".join(f"{x} {path} {v} ." for v in vs)
            distinct = " && ".join(f"!sameTerm({a}, {b})" for i, a in enumerate(vs) for b in vs[i + 1:])
            test = f"EXISTS {{ {body}{f' FILTER({distinct})' if distinct else ''} }}"
            return test if name == "minCount" else f"!{test}"
        if name == "hasValue":
            if path is None:
                return f"sameTerm({x}, {_term(param)})"
            return f"EXISTS {{ {x} {path} {_term(param)} }}"
        if name == "closed":
            if not _true(param):
                return "true"
            v = fresh()
            values = f"{x} {path} {v} ." if path else f"BIND({x} AS {v})"
            p, o = fresh("p"), fresh("o")
            return f"NOT EXISTS {{ {values} {v} {p} {o} . FILTER({self.closed_filter(shape, p, o)}) }}"
        if name in ("lessThan", "lessThanOrEquals", "disjoint", "equals"):
            if path is None:
                raise UnsupportedShapesError(f"unsupported: sh:{name} on node shape {_describe(shape.node)}")
            v, o = fresh(), fresh("o")
            if name == "equals":
                return (f"(NOT EXISTS {{ {x} {path} {v} FILTER NOT EXISTS {{ {x} {_iri(param)} {v} }} }} && "
                        f"NOT EXISTS {{ {x} {_iri(param)} {o} FILTER NOT EXISTS {{ {x} {path} {o} }} }})")
            if name == "disjoint":
                return f"NOT EXISTS {{ {x} {path} {v} . {x} {_iri(param)} {v} }}"
            return (f"NOT EXISTS {{ {x} {path} {v} . {x} {_iri(param)} {o} "
                    f"FILTER(!{self.ordered(name, _Value(v), _Value(o))}) }}")
        raise UnsupportedShapesError(f"unsupported: sh:{name} inside a shape used by another constraint "
                                     f"({_describe(shape.node)})")

    def closed_filter(self, shape: _Shape, p: str, o: str) -> str:
        allowed: list[Node] = []
        for lst in self.sg.values(shape.node, "ignoredProperties"):
            allowed.extend(self.sg.items(lst, "sh:ignoredProperties"))
        for child in self.sg.values(shape.node, "property"):
            path = self.sg.shape(child).path
            if isinstance(path, URIRef):
                allowed.append(path)
        iris = sorted({a for a in allowed if isinstance(a, URIRef)}, key=str)
        keep = " || ".join(f"sameTerm({p}, {_iri(a)})" for a in iris) or "false"
        return f"!({keep}) && !(sameTerm({p}, {_iri(RDF_TYPE)}) && sameTerm({o}, {_iri(RDFS_RESOURCE)}))"

    def ordered(self, name: str, v: _Value, o: _Value) -> str:
        """pyshacl's sh:lessThan / sh:lessThanOrEquals test of value *v* against *o*."""
        op = "<" if name == "lessThan" else "<="
        sv, so = _strish(v.var, v.odt), _strish(o.var, o.odt)
        return (f"IF({sv} || {so}, {sv} && {so} && STR({v.var}) {op} STR({o.var}), "
                f"COALESCE({v.var} {op} {o.var}, false))")


def _count(param: Node, name: str) -> int:
    if not isinstance(param, Literal) or not isinstance(param.value, int) or param.value < 0:
        raise UnsupportedShapesError(f"sh:{name} must be a non-negative integer")
    return int(param.value)


def _true(param: Node) -> bool:
    if not isinstance(param, Literal) or not isinstance(param.value, bool):
        raise UnsupportedShapesError("sh:closed must be a boolean literal")
    return bool(param.value)


# ------------------------------------------------------------------------------ SPARQL constraints

_KEYWORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


def _scan(text: str) -> Iterator[tuple[int, str]]:
    """The significant characters and keywords of SPARQL *text*, with their offsets: strings, IRIs,
    comments and variables are skipped, keywords come as one token."""
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c == "#":
            j = text.find("\n", i)
            i = len(text) if j < 0 else j
            continue
        if c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < len(text) and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<":
            m = _IRIREF.match(text, i)
            if m:
                i = m.end()
                continue
        if c in "?$":
            m = _KEYWORD.match(text, i + 1)
            yield i, text[i:(m.end() if m else i + 1)]
            i = m.end() if m else i + 1
            continue
        if c.isalpha():
            m = _KEYWORD.match(text, i)
            assert m is not None
            # a prefixed name (ex:foo) is not a keyword
            end = m.end()
            if end < len(text) and text[end] == ":":
                end += 1
                while end < len(text) and (text[end].isalnum() or text[end] in "_-.%:"):
                    end += 1
                i = end
                continue
            yield i, m.group(0)
            i = m.end()
            continue
        yield i, c
        i += 1


@dataclass
class _Select:
    prologue: str
    head: str          # "SELECT [DISTINCT] projection" (with ?this added if missing)
    body: str          # from the first "{" of the WHERE clause to the end
    this_projected: bool


# A step of a property path: an IRI, a prefixed name or "a", optionally inverse, optionally with "*".
_STEP = (r"(?:\^?(?:<[^<>\"{}|^`\\\x00-\x20]*>|(?:[A-Za-z][\w\-]*)?:[\w\-%]+(?:\.[\w\-%]+)*|(?<![\w?$:])a(?![\w:]))"
         r"\*?)")
# not after "^" / "!" (they would apply to the first step only), not before a modifier of the last step
_STAR_SEQUENCE = re.compile(rf"(?<![\w?$:^!]){_STEP}(?:/{_STEP})+(?![\w*+?])")


def _code_segments(text: str) -> Iterator[tuple[bool, str]]:
    """*text* cut into (is_code, segment): strings and comments are not code; IRIs are."""
    i, start = 0, 0
    while i < len(text):
        c = text[i]
        if c == "<":
            m = _IRIREF.match(text, i)
            i = m.end() if m else i + 1
            continue
        if c in "\"'#":
            if i > start:
                yield True, text[start:i]
            if c == "#":
                j = text.find("\n", i)
                j = len(text) if j < 0 else j
            else:
                quote = c * 3 if text.startswith(c * 3, i) else c
                j = i + len(quote)
                while j < len(text) and not text.startswith(quote, j):
                    j += 2 if text[j] == "\\" else 1
                j = min(len(text), j + len(quote))
            yield False, text[i:j]
            i = start = j
            continue
        i += 1
    if start < len(text):
        yield True, text[start:]


def _expand_star_sequence(m: re.Match[str]) -> str:
    steps = m.group(0).split("/") if "<" not in m.group(0) else re.findall(_STEP, m.group(0))
    if not any(s.endswith("*") for s in steps) or all(s.endswith("*") for s in steps):
        return m.group(0)
    alternatives = [[]]  # type: list[list[str]]
    for step in steps:
        if step.endswith("*"):
            alternatives = [a + extra for a in alternatives for extra in ([], [step[:-1] + "+"])]
        else:
            alternatives = [a + [step] for a in alternatives]
    return "(" + "|".join("/".join(a) for a in alternatives) + ")"


def _rewrite_star_sequences(text: str) -> str:
    """Rewrite sequence paths with a zero-or-more step, ``A/B*`` as ``(A|A/B+)`` (the same pairs).

    Oxigraph evaluates a ``*`` step whose start is bound by another pattern of an EXISTS from every
    node of the graph (its zero-length matches), once per outer solution: the range check took 70 s
    on the mutation-test graph. ``+`` and a first step that is a plain predicate avoid that. Only
    sequences of plain steps with at least one step without ``*`` are rewritten; multiplicities
    do not matter (pyshacl removes duplicate solutions, sets of focus nodes are sets).
    """
    return "".join(_STAR_SEQUENCE.sub(_expand_star_sequence, seg) if code else seg for code, seg in _code_segments(text))


_NOT_A_BGP = {"FILTER", "OPTIONAL", "BIND", "VALUES", "UNION", "MINUS", "GRAPH", "SERVICE", "SELECT", "EXISTS", "NOT"}


def _matching(tokens: list[tuple[int, str]], i: int) -> int:
    """The index of the token closing the brace opened at tokens[i]."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j][1] == "{":
            depth += 1
        elif tokens[j][1] == "}":
            depth -= 1
            if depth == 0:
                return j
    raise UnsupportedShapesError("unbalanced braces in a SPARQL query")


def _rewrite_exists(group: str, bound_outside: set[str], counter: list[int]) -> str:
    """Rewrite an EXISTS in a FILTER or BIND of the outer *group* (text from its "{") as an OPTIONAL.

    Oxigraph evaluates an EXISTS whose body joins several patterns again for every solution, from
    the body's most constant pattern, without the solution's bindings (SourceDocument-claimsAsserted
    took 54 s on 300 documents; it grows with the square of the corpus). ``EXISTS { P }`` becomes
    ``BOUND(?fs_exN)`` with ``OPTIONAL { SELECT DISTINCT <shared> (true AS ?fs_exN) WHERE { P } }``
    joined into the group (before the BIND; at the group's end for a FILTER, which applies to the
    whole group). Equivalent when P is a basic graph pattern, each variable it shares with the rest
    of the query is bound by a triple pattern of the group (before the BIND) or is $this, and its
    other variables occur nowhere else. Only bodies of two or more plain triple patterns (no property
    path) are rewritten: a single pattern is fast in Oxigraph, and P is then evaluated once over the
    whole data, which should be cheap. Any other EXISTS is kept.
    """
    tokens = list(_scan(group))
    if not tokens or tokens[0][1] != "{":
        return group
    end = _matching(tokens, 0)
    var_count: Counter[str] = Counter(t[1:] for _, t in tokens if t[:1] in "?$" and len(t) > 1)
    edits: list[tuple[int, int, str]] = []          # (start, end, replacement) in group text
    inserts_at_end: list[str] = []
    depth, parens, statement = 0, 0, 0
    bound_before: set[str] = set(bound_outside)
    i = 0
    while i < end:
        offset, t = tokens[i]
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
        elif t == "(":
            parens += 1
        elif t == ")":
            parens -= 1
        elif depth == 1 and parens == 0 and t.upper() in ("FILTER", "BIND"):
            statement = i
        elif depth == 1 and parens == 0 and t[:1] in "?$":
            bound_before.add(t[1:])
        elif depth == 1 and parens > 0 and t.upper() == "EXISTS" and tokens[i + 1][1] == "{":
            close = _matching(tokens, i + 1)
            body = tokens[i + 2:close]
            words = {b.upper() for _, b in body}
            patterns, current = 0, 0
            for _, b in [*body, (0, ".")]:
                if b in ".;,":
                    patterns += current > 0
                    current = 0
                else:
                    current += 1
            plain = not any(b in ("/", "|", "^", "*", "+", "?", "!") for _, b in body)
            body_vars = {b[1:] for _, b in body if b[:1] in "?$" and len(b) > 1}
            inside = Counter(b[1:] for _, b in body if b[:1] in "?$" and len(b) > 1)
            shared = {v for v in body_vars if var_count[v] > inside[v]}
            is_bind = tokens[statement][1].upper() == "BIND"
            available = bound_before if is_bind else (bound_before | _group_vars(tokens, i, end))
            negated = i > 0 and tokens[i - 1][1].upper() == "NOT"
            if not words & _NOT_A_BGP and "{" not in words and patterns >= 2 and plain and shared and shared <= available:
                counter[0] += 1
                flag = f"?fs_ex{counter[0]}"
                start = tokens[i - 1][0] if negated else offset
                edits.append((start, tokens[close][0] + 1, f"{'!' if negated else ''}BOUND({flag})"))
                table = (f"OPTIONAL {{ SELECT DISTINCT {' '.join('?' + v for v in sorted(shared))} (true AS {flag}) "
                         f"WHERE {{ {group[tokens[i + 1][0] + 1:tokens[close][0]]} }} }} ")
                if is_bind:
                    edits.append((tokens[statement][0], tokens[statement][0], table))
                else:
                    inserts_at_end.append(table)
                i = close + 1
                continue
        i += 1
    if not edits:
        return group
    edits.append((tokens[end][0], tokens[end][0], " ".join(inserts_at_end)))
    out = group
    for start, stop, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:start] + text + out[stop:]
    return out


def _group_vars(tokens: list[tuple[int, str]], start: int, end: int) -> set[str]:
    """Variables of the outer group's own triple patterns (outside nested groups and expressions)."""
    found: set[str] = set()
    depth, parens = 0, 0
    for _, t in tokens[:end]:
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
        elif t == "(":
            parens += 1
        elif t == ")":
            parens -= 1
        elif depth == 1 and parens == 0 and t[:1] in "?$" and len(t) > 1:
            found.add(t[1:])
    return found


def _oxigraph_parses(text: str, where: str) -> None:
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        raise UnsupportedShapesError(f"{where}: Oxigraph cannot parse the compiled query: {exc}") from None


def _split_select(text: str, where: str) -> _Select:
    tokens = list(_scan(text))
    select_at = next((i for i, (_, t) in enumerate(tokens) if t.upper() == "SELECT"), None)
    if select_at is None:
        raise UnsupportedShapesError(f"{where}: not a SELECT query")
    prologue = text[:tokens[select_at][0]]
    if re.search(r"(?i)\bBASE\b", prologue):
        raise UnsupportedShapesError(f"{where}: unsupported: BASE")
    depth = 0
    brace = None
    projection: list[str] = []
    for offset, token in tokens[select_at + 1:]:
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "{" and depth == 0:
            brace = offset
            break
        elif depth == 0:
            projection.append(token)
    if brace is None:
        raise UnsupportedShapesError(f"{where}: no WHERE clause")
    head = text[tokens[select_at][0]:brace]
    names = {t[1:] for t in projection if t[:1] in "?$"}
    star = "*" in projection
    this_projected = star or "this" in names
    if not this_projected:
        m = re.match(r"(?is)\s*SELECT(\s+(DISTINCT|REDUCED))?", head)
        assert m is not None
        head = head[:m.end()] + " ?this" + head[m.end():]
    return _Select(prologue, re.sub(r"(?i)\bWHERE\s*$", "WHERE", head.rstrip()), text[brace:], this_projected)


def _prefixes(sg: _ShapesGraph, node: Node) -> dict[str, str]:
    """The PREFIX declarations pyshacl puts before the query of *node* (its sh:prefixes)."""
    g = sg.g
    found = {"rdf": RDF, "rdfs": RDFS, "owl": OWL}
    ontologies = set(g.subjects(RDF_TYPE, OWL_ONTOLOGY))
    graph_declares = set(g.objects(g.identifier, _sh("declare"))) if isinstance(g.identifier, (URIRef, BNode)) else set()
    ontology_declares = {d for o in ontologies for d in g.objects(o, _sh("declare"))}
    for holder in g.objects(node, _sh("prefixes")):
        own = set(g.objects(holder, _sh("declare")))
        declares = own | graph_declares if own and holder in ontologies else graph_declares | ontology_declares | own
        for dec in sorted(declares, key=str):
            prefix, namespace = g.value(dec, _sh("prefix")), g.value(dec, _sh("namespace"))
            if not isinstance(prefix, Literal) or namespace is None:
                raise UnsupportedShapesError("sh:declare needs one sh:prefix literal and one sh:namespace")
            found[str(prefix)] = str(namespace)
    return found


def _prologue(prefixes: dict[str, str]) -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())


_ALWAYS_REFUSED = ("ServiceGraphPattern", "Graph", "GraphGraphPattern")
_REFUSED_WITH_THIS = ("Minus", "MinusGraphPattern", "values", "InlineData", "Group", "AggregateJoin", "Slice")


def _check_query(text: str, where: str, *, prebound: bool) -> None:
    """Refuse what the compiled query cannot evaluate as pyshacl does.

    Always: SERVICE and GRAPH (the store holds the literal index in a named graph). With a pre-bound
    ``$this`` (SPARQL constraints): what pyshacl refuses (MINUS, VALUES), aggregates and LIMIT/OFFSET
    (per focus node in pyshacl, over all of them in one query), a FILTER or BIND that uses ``$this``
    in a group that does not bind it, and a sub-select that uses ``$this`` without projecting it:
    there a join of the focus nodes differs from pyshacl's pre-binding. (Inside EXISTS the current
    solution is substituted, so ``$this`` is bound there as in pyshacl.)
    """
    from rdflib.plugins.sparql import prepareQuery

    try:
        query = prepareQuery(text)
    except Exception as exc:  # rdflib raises pyparsing errors
        raise UnsupportedShapesError(f"{where}: rdflib cannot parse the query: {exc}") from None
    this = Variable("this")

    def mentions(expr: Any) -> bool:
        if isinstance(expr, Variable):
            return expr == this
        if isinstance(expr, dict):
            return any(mentions(v) for k, v in expr.items() if k != "_vars")
        if isinstance(expr, (list, tuple)):
            return any(mentions(v) for v in expr)
        return False

    def bound(p: Any) -> set[Any]:
        return set(p.get("_vars", ())) if isinstance(p, dict) else set()

    def walk(node: Any, top: bool, in_exists: bool) -> None:
        if isinstance(node, (list, tuple)):
            for item in node:
                walk(item, top, in_exists)
            return
        if not isinstance(node, dict) or not hasattr(node, "name"):
            return
        name = node.name
        if name in _ALWAYS_REFUSED or (prebound and name in _REFUSED_WITH_THIS):
            raise UnsupportedShapesError(f"{where}: unsupported here: {name} (refused: SERVICE, GRAPH; in a SPARQL "
                                         "constraint also MINUS, VALUES, aggregates, LIMIT/OFFSET)")
        if prebound and not in_exists:
            if name in ("Filter", "Extend") and mentions(node.get("expr")) and this not in bound(node.get("p")):
                raise UnsupportedShapesError(f"{where}: $this is used in a FILTER or BIND of a group that does not "
                                             "bind it; a join of the focus nodes cannot reproduce pyshacl's pre-binding")
            if name == "Project" and not top and mentions(node.get("p")) and this not in node.get("PV", ()):
                raise UnsupportedShapesError(f"{where}: a sub-select uses $this without projecting it")
        exists = in_exists or name in ("Builtin_EXISTS", "Builtin_NOTEXISTS")
        for key, value in node.items():
            if key != "_vars":
                walk(value, top and name in ("SelectQuery", "Project", "Distinct", "Reduced", "OrderBy"), exists)

    walk(query.algebra, True, False)


# ------------------------------------------------------------------------------------------ queries

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


def _pyshacl_datatype_ok(lexical: str, datatype: str, rule: URIRef) -> bool:
    """pyshacl's sh:datatype test of a literal ``lexical^^datatype`` against *rule* (rdflib parsing)."""
    from datetime import date, datetime, time

    if datatype.startswith(_ENCODED):
        datatype = datatype[len(_ENCODED):]
    if URIRef(datatype) != rule:
        return False
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        literal = Literal(lexical, datatype=rule)
    finally:
        logger.setLevel(level)
    if getattr(literal, "ill_typed", None) is True:
        return False
    value = literal.value
    checks: dict[str, Callable[[Any], bool]] = {
        "string": lambda x: isinstance(x, (str, bytes)), "integer": lambda x: isinstance(x, int),
        "float": lambda x: isinstance(x, float), "decimal": lambda x: isinstance(x, Decimal),
        "boolean": lambda x: isinstance(x, bool), "date": lambda x: isinstance(x, date),
        "time": lambda x: isinstance(x, time), "dateTime": lambda x: isinstance(x, datetime),
    }
    check = checks.get(str(rule)[len(XSD):]) if str(rule).startswith(XSD) else None
    return True if check is None else check(value)


# ------------------------------------------------------------------------------------------ compile

def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Compile *shapes* (the shapes graph pyshacl gets) to SPARQL queries, one per constraint.

    Raises :class:`UnsupportedShapesError` for anything outside the supported subset (module docstring).
    """
    sg = _ShapesGraph(shapes)
    c = _Compiler(sg)
    queries: list[_Query] = []
    declared: set[Node] = set()
    for node, shape in sg.shapes.items():
        if shape.messages:
            declared.add(node)
    for sparql in shapes.objects(None, _sh("sparql")):
        if (sparql, _sh("message"), None) in shapes:
            declared.add(sparql)
    for node in sorted(sg.shapes, key=lambda n: (isinstance(n, BNode), str(n))):
        shape = sg.shapes[node]
        targets = _targets(sg, shape)
        if not targets or shape.deactivated:
            continue
        prefixes: dict[str, str] = {}
        focus = _focus_set(sg, shape, targets, prefixes)
        _compile_shape(c, shape, focus, prefixes, queries, (shape.node,))
    for q in queries:
        _oxigraph_parses(q.text, q.describe())
    return CompiledShapes(shapes, queries, declared)


def _targets(sg: _ShapesGraph, shape: _Shape) -> list[tuple[str, Node]]:
    g = sg.g
    found: list[tuple[str, Node]] = [(name, t) for name in _TARGETS for t in sg.values(shape.node, name)]
    rdfs_classes = {RDFS_CLASS, *g.subjects(RDFS_SUBCLASSOF, RDFS_CLASS)}
    if any(t in rdfs_classes for t in g.objects(shape.node, RDF_TYPE)):
        found.append(("targetClass", shape.node))              # implicit class target
    return found


def _merge_prefixes(into: dict[str, str], more: dict[str, str], where: str) -> None:
    for p, ns in more.items():
        if into.get(p, ns) != ns:
            raise UnsupportedShapesError(f"{where}: prefix {p}: is declared with two namespaces")
        into[p] = ns


def _focus_set(sg: _ShapesGraph, shape: _Shape, targets: list[tuple[str, Node]], prefixes: dict[str, str]) -> str:
    """A group pattern binding ``?this`` to each focus node of *shape* once."""
    g = sg.g
    branches: list[str] = []
    fresh = _Vars()
    for kind, t in targets:
        if kind == "targetClass":
            tv = fresh("t")
            branches.append(f"?this {_iri(RDF_TYPE)} {tv} . {tv} {_iri(RDFS_SUBCLASSOF)}* {_iri(t)} .")
        elif kind == "targetNode":
            branches.append(f"VALUES ?this {{ {_term(t)} }}")
        elif kind == "targetSubjectsOf":
            branches.append(f"?this {_iri(t)} {fresh('o')} .")
        elif kind == "targetObjectsOf":
            branches.append(f"{fresh('s')} {_iri(t)} ?this .")
        else:                                                   # sh:target: SHACL-AF SPARQL target
            where = f"the SPARQL target of {_describe(shape.node)}"
            types = set(g.objects(t, RDF_TYPE))
            selects = list(g.objects(t, _sh("select")))
            if types - {_sh("SPARQLTarget")} or len(selects) != 1 or not isinstance(selects[0], Literal):
                raise UnsupportedShapesError(f"unsupported: {where}: only a sh:SPARQLTarget with one sh:select")
            for p in g.predicates(t):
                if str(p).startswith(SH) and p not in (_sh("select"), _sh("prefixes")):
                    raise UnsupportedShapesError(f"unsupported: {where} has sh:{str(p)[len(SH):]}")
            text = str(selects[0])
            parts = _split_select(text, where)
            own = dict(re.findall(r"(?i)PREFIX\s+([A-Za-z0-9_\-.]*):\s*<([^>]*)>", parts.prologue))
            declared = _prefixes(sg, t)
            _merge_prefixes(declared, own, where)
            _check_query(_prologue(declared) + text, where, prebound=False)
            _merge_prefixes(prefixes, declared, where)
            body = _rewrite_exists(_rewrite_star_sequences(parts.body), set(), [0])
            branches.append(f"{{ SELECT ?this WHERE {{ {{ {parts.head} {body} }} }} }}")
    union = " UNION ".join(f"{{ {b} }}" for b in branches)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


def _child_focus(c: _Compiler, parent: _Shape, focus: str) -> str:
    if not parent.is_property:
        return focus
    assert parent.path is not None
    return (f"{{ SELECT DISTINCT ?this WHERE {{ {{ SELECT (?this AS ?fs_parent) WHERE {{ {focus} }} }} "
            f"LATERAL {{ ?fs_parent {c.paths.sparql(parent.path)} ?this . }} }} }}")


def _compile_shape(c: _Compiler, shape: _Shape, focus: str, prefixes: dict[str, str], out: list[_Query],
                   stack: tuple[Node, ...]) -> None:
    sg = c.sg
    prologue = _prologue(prefixes)
    for name in _VALUE_LEVEL:
        for param in sg.values(shape.node, name):
            out.append(_value_query(c, shape, name, param, focus, prologue, stack))
    for name in _FOCUS_LEVEL:
        params = sg.values(shape.node, name)
        if name == "qualifiedValueShape":
            for param in params:
                out.extend(_qualified_queries(c, shape, param, focus, prologue, stack))
            continue
        if name == "sparql":
            for param in params:
                q = _sparql_query(c, shape, param, focus, prefixes)
                if q is not None:
                    out.append(q)
            continue
        for param in params:
            out.extend(_focus_queries(c, shape, name, param, focus, prologue))
    for child in sg.values(shape.node, "property"):
        child_shape = sg.shape(child)
        if not child_shape.is_property:
            raise UnsupportedShapesError(f"{_describe(child)} is the sh:property of {_describe(shape.node)} but has no sh:path")
        if child in stack:
            raise UnsupportedShapesError(f"unsupported: recursive shapes ({_describe(child)})")
        if child_shape.deactivated:
            continue
        _compile_shape(c, child_shape, _child_focus(c, shape, focus), prefixes, out, (*stack, child))


def _lateral(pattern: str | None) -> str:
    """*pattern* evaluated once per solution so far (Oxigraph otherwise scans it whole and joins)."""
    return f"LATERAL {{ {pattern} }}" if pattern else ""


def _values_of(c: _Compiler, shape: _Shape, focus: str, fresh: _Vars) -> tuple[str, str]:
    """(a group pattern binding ?this and the value variable once per focus and value node, that
    variable). A node shape's value node is its focus node: the variable is ?this itself."""
    if not shape.is_property:
        return focus, "?this"
    assert shape.path is not None
    v = fresh()
    pattern = f"{focus} LATERAL {{ ?this {c.paths.sparql(shape.path)} {v} . }}"
    if c.paths.unique(shape.path):
        return pattern, v
    return f"{{ SELECT DISTINCT ?this {v} WHERE {{ {pattern} }} }}", v


def _sensitive(name: str, param: Node) -> bool:
    """Does the constraint read the original lexical form or datatype of a literal value?"""
    if name == "datatype":
        return param not in (RDF_LANGSTRING, XSD_STRING, RDFS_LITERAL)
    return name in ("pattern", "minLength", "maxLength")


def _value_query(c: _Compiler, shape: _Shape, name: str, param: Node, focus: str, prologue: str,
                 stack: tuple[Node, ...]) -> _Query:
    fresh = _Vars()
    values, var = _values_of(c, shape, focus, fresh)
    sensitive = _sensitive(name, param)
    v = _Value(var)
    lookup = None
    if shape.is_property:
        assert shape.path is not None
        enc = fresh("enc")
        try:
            lookup = c.paths.lookup("?this", shape.path, var, enc, fresh)
        except UnsupportedShapesError:
            if sensitive:
                raise
            lookup = None                      # (a */+/? path: the value is reported as Oxigraph stores it)
        if lookup is not None:
            v.enc = enc
    tested = v if sensitive else _Value(var)
    q = _Query("", shape, _sh(_COMPONENT[name]), "value", value_var=var, enc_var=v.enc)
    project = f"?this {var if var != '?this' else ''} {v.enc or ''}"
    if name == "datatype":
        ok, uncertain = c.datatype_test(param, tested, False)
        if uncertain != "false":
            flag, lex, dt = fresh("unc"), fresh("lex"), fresh("dt")
            q.uncertain = (flag, lex, dt)
            q.datatype = param if isinstance(param, URIRef) else None
            q.text = (f"{prologue}SELECT {project} {flag} {lex} {dt} WHERE {{ {values} {_lateral(lookup)} "
                      f"FILTER(!({ok})) BIND({uncertain} AS {flag}) BIND({tested.lex} AS {lex}) "
                      f"BIND({tested.odt} AS {dt}) }}")
            return q
        test = f"!({ok})"
    else:
        flags: list[str] = []
        test = c.violation(name, param, shape, tested, fresh, stack, False, flags)
        if flags:                              # (each matches a value node at most once)
            values = f"{{ {values} {' '.join(flags)} }}"
    if sensitive:
        q.text = f"{prologue}SELECT {project} WHERE {{ {values} {_lateral(lookup)} FILTER({test}) }}"
    else:
        q.text = f"{prologue}SELECT {project} WHERE {{ {{ {values} FILTER({test}) }} {_lateral(lookup)} }}"
    return q


def _focus_queries(c: _Compiler, shape: _Shape, name: str, param: Node, focus: str, prologue: str) -> list[_Query]:
    fresh = _Vars()
    component = _sh(_COMPONENT[name])
    path = c.paths.sparql(shape.path) if shape.path is not None else None
    if name in ("minCount", "maxCount"):
        n = _count(param, name)
        if path is None:
            raise UnsupportedShapesError(f"unsupported: sh:{name} on node shape {_describe(shape.node)}")
        v = fresh()
        if name == "minCount":
            if n == 0:
                return []
            if n == 1:
                where = f"{focus} FILTER NOT EXISTS {{ ?this {path} {v} }}"
            else:
                count = fresh("c")
                where = (f"{{ SELECT ?this (COUNT(DISTINCT {v}) AS {count}) WHERE {{ {focus} "
                         f"LATERAL {{ OPTIONAL {{ ?this {path} {v} }} }} }} "
                         f"GROUP BY ?this }} FILTER({count} < {n})")
        elif n == 0:
            where = f"{focus} FILTER EXISTS {{ ?this {path} {v} }}"
        elif n == 1:                               # two different values (cheaper than counting them)
            w = fresh()
            where = f"{focus} FILTER EXISTS {{ ?this {path} {v} . ?this {path} {w} . FILTER(!sameTerm({v}, {w})) }}"
        else:
            count = fresh("c")
            where = (f"{{ SELECT ?this (COUNT(DISTINCT {v}) AS {count}) WHERE {{ {focus} LATERAL {{ ?this {path} {v} }} }} "
                     f"GROUP BY ?this }} FILTER({count} > {n})")
        return [_Query(f"{prologue}SELECT ?this WHERE {{ {where} }}", shape, component, "focus")]
    if name == "hasValue":
        test = f"!sameTerm(?this, {_term(param)})" if path is None else f"NOT EXISTS {{ ?this {path} {_term(param)} }}"
        if isinstance(param, Literal) and _indexed(param):
            raise UnsupportedShapesError(f"unsupported: a typed literal ({param!r}) as sh:hasValue")
        return [_Query(f"{prologue}SELECT ?this WHERE {{ {focus} FILTER({test}) }}", shape, component, "focus")]
    if name == "closed":
        if not _true(param):
            return []
        values, v = _values_of(c, shape, focus, fresh)
        enc = "?fs_enc"
        where = (f"{{ {values} LATERAL {{ {v} ?fs_p ?fs_o . FILTER({c.closed_filter(shape, '?fs_p', '?fs_o')}) }} }} "
                 f"LATERAL {{ OPTIONAL {{ GRAPH {_SIDE} {{ {v} ?fs_p {enc} }} "
                 f"FILTER(isLiteral(?fs_o) && sameTerm({_decoded(enc)}, ?fs_o)) }} }}")
        return [_Query(f"{prologue}SELECT ?this ?fs_p ?fs_o {enc} WHERE {{ {where} }}", shape, component, "closed",
                       value_var="?fs_o", enc_var=enc)]
    if name in ("lessThan", "lessThanOrEquals", "disjoint", "equals"):
        if path is None or shape.path is None:
            raise UnsupportedShapesError(f"unsupported: sh:{name} on node shape {_describe(shape.node)}")
        values, var = _values_of(c, shape, focus, fresh)
        val, o = _Value(var), _Value(fresh("o"))
        enc = fresh("enc")
        lookup = c.paths.lookup("?this", shape.path, val.var, enc, fresh)
        if lookup is not None:
            val.enc = enc
        other = _iri(param)
        if name == "disjoint":
            where = f"{{ {values} FILTER EXISTS {{ ?this {other} {val.var} }} }} {_lateral(lookup)}"
            return [_Query(f"{prologue}SELECT ?this {val.var} {val.enc or ''} WHERE {{ {where} }}", shape, component,
                           "value", value_var=val.var, enc_var=val.enc)]
        if name == "equals":
            missing = f"{{ {values} FILTER NOT EXISTS {{ ?this {other} {val.var} }} }} {_lateral(lookup)}"
            o_enc = fresh("enc")
            extra = (f"{{ {focus} LATERAL {{ ?this {other} {o.var} . FILTER NOT EXISTS {{ ?this {path} {o.var} }} }} }} "
                     f"LATERAL {{ OPTIONAL {{ GRAPH {_SIDE} {{ ?this {other} {o_enc} }} FILTER(isLiteral({o.var}) && "
                     f"sameTerm({_decoded(o_enc)}, {o.var})) }} }}")
            return [_Query(f"{prologue}SELECT ?this {val.var} {val.enc or ''} WHERE {{ {missing} }}", shape, component, "value",
                           value_var=val.var, enc_var=val.enc),
                    _Query(f"{prologue}SELECT ?this {o.var} {o_enc} WHERE {{ {extra} }}", shape, component, "value",
                           value_var=o.var, enc_var=o_enc)]
        o_enc = fresh("enc")
        o.enc = o_enc
        o_lookup = (f"OPTIONAL {{ GRAPH {_SIDE} {{ ?this {other} {o_enc} }} FILTER(isLiteral({o.var}) && "
                    f"sameTerm({_decoded(o_enc)}, {o.var})) }}")
        where = (f"{values} LATERAL {{ ?this {other} {o.var} . }} {_lateral(lookup)} {_lateral(o_lookup)} "
                 f"FILTER(!{c.ordered(name, val, o)})")
        return [_Query(f"{prologue}SELECT ?this {val.var} {val.enc or ''} {o.var} WHERE {{ {where} }}", shape, component,
                       "value", value_var=val.var, enc_var=val.enc, pair=o.var)]
    raise AssertionError(name)  # pragma: no cover


def _qualified_queries(c: _Compiler, shape: _Shape, param: Node, focus: str, prologue: str,
                       stack: tuple[Node, ...]) -> list[_Query]:
    sg = c.sg
    if shape.path is None:
        return []                 # pyshacl ignores sh:qualifiedValueShape on a node shape (with a warning)
    for flag in sg.values(shape.node, "qualifiedValueShapesDisjoint"):
        if isinstance(flag, Literal) and flag.value is True:
            raise UnsupportedShapesError(f"unsupported: sh:qualifiedValueShapesDisjoint on {_describe(shape.node)}")
    low = sg.one(shape.node, "qualifiedMinCount")
    high = sg.one(shape.node, "qualifiedMaxCount")
    if low is None and high is None:
        raise UnsupportedShapesError(f"{_describe(shape.node)}: sh:qualifiedValueShape without a qualified count")
    fresh = _Vars()
    v = fresh()
    conforms = c.conforms(sg.shape(param), v, fresh, stack)
    count = fresh("c")
    counted = (f"{{ SELECT ?this (COUNT(DISTINCT {v}) AS {count}) WHERE {{ {focus} LATERAL {{ OPTIONAL {{ ?this "
               f"{c.paths.sparql(shape.path)} {v} FILTER({conforms}) }} }} }} GROUP BY ?this }}")
    out = []
    if low is not None:
        out.append(_Query(f"{prologue}SELECT ?this WHERE {{ {counted} FILTER({count} < {_count(low, 'qualifiedMinCount')}) }}",
                          shape, _sh(_COMPONENT["qualifiedMin"]), "focus"))
    if high is not None:
        out.append(_Query(f"{prologue}SELECT ?this WHERE {{ {counted} FILTER({count} > {_count(high, 'qualifiedMaxCount')}) }}",
                          shape, _sh(_COMPONENT["qualifiedMax"]), "focus"))
    return out


def _sparql_query(c: _Compiler, shape: _Shape, node: Node, focus: str, prefixes: dict[str, str]) -> _Query | None:
    sg = c.sg
    g = sg.g
    where = f"the SPARQL constraint {_describe(node)} of {_describe(shape.node)}"
    for p in g.predicates(node):
        if str(p).startswith(SH) and p not in (_sh("select"), _sh("prefixes"), _sh("message"), _sh("deactivated")):
            raise UnsupportedShapesError(f"unsupported: sh:{str(p)[len(SH):]} in {where}")
    selects = list(g.objects(node, _sh("select")))
    if len(selects) != 1 or not isinstance(selects[0], Literal):
        raise UnsupportedShapesError(f"{where}: needs exactly one sh:select string")
    deactivated = g.value(node, _sh("deactivated"))
    if isinstance(deactivated, Literal) and deactivated.value is True:
        return None
    text = str(selects[0])
    for pre_bound in ("shapesGraph", "currentShape"):
        if re.search(r"[\s{}()][$?]" + pre_bound + r"\b", text):
            raise UnsupportedShapesError(f"{where}: unsupported: ${pre_bound}")
    if re.search(r"[\s{}()][$?]PATH\b", text):
        if shape.path is None:
            raise UnsupportedShapesError(f"{where}: $PATH on a node shape")
        path_sparql = c.paths.sparql(shape.path)
        text = re.sub(r"([\s{}()])[$?]PATH\b", lambda m: m.group(1) + path_sparql, text)
    if re.search(r"[?$]failure\b", text):
        raise UnsupportedShapesError(f"{where}: unsupported: ?failure")
    declared = _prefixes(sg, node)
    parts = _split_select(text, where)
    # checked with a stand-in for the focus nodes (the real ones may use VALUES, sub-selects, ...)
    _check_query(f"{_prologue(declared)}\n{parts.prologue}{parts.head} {{ ?this <urn:alkkg:fastshacl:focus> ?fs_focus . "
                 f"{parts.body[1:]}", where, prebound=True)
    full_prefixes = dict(prefixes)
    _merge_prefixes(full_prefixes, declared, where)
    body = _rewrite_exists(_rewrite_star_sequences(parts.body), {"this"}, [0])
    query = f"{_prologue(full_prefixes)}\n{parts.prologue}{parts.head} {{ {focus} {body[1:]}"
    messages = tuple(sorted(str(m) for m in g.objects(node, _sh("message"))))
    return _Query(query, shape, _sh(_COMPONENT["sparql"]), "sparql", constraint=node, messages=messages,
                  this_projected=parts.this_projected)


# --------------------------------------------------------------------------------------- comparison

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
