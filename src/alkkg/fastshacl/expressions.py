"""SPARQL expressions for one value node: does it violate a value-level constraint, does it conform to
a shape (sh:or, sh:and, sh:not, sh:xone, sh:node, qualified value shapes)."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.term import Node

from .paths import _iri, _Paths, _string, _term, _Vars
from .shapesgraph import _FOCUS_LEVEL, _VALUE_LEVEL, _describe, _Shape, _ShapesGraph
from .terms import (
    _ALLOWED_SEVERITIES,
    RDF_LANGSTRING,
    RDF_TYPE,
    RDFS_DATATYPE,
    RDFS_LITERAL,
    RDFS_RESOURCE,
    RDFS_SUBCLASSOF,
    SH,
    XSD_STRING,
    UnsupportedShapesError,
    _indexed,
)
from .values import _SAFE_LEXICAL, _regex_works_in_oxigraph, _strish, _translate_pattern, _Value


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
