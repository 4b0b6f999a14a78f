"""The compiler: a shapes graph to one SPARQL query per constraint (per parameter value, per shape and
per parent shape), each over all focus nodes of its shape."""

from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .compiled import CompiledShapes, _Query
from .expressions import _Compiler, _count, _true
from .paths import _iri, _term, _Vars
from .shapesgraph import _COMPONENT, _FOCUS_LEVEL, _TARGETS, _VALUE_LEVEL, _describe, _Shape, _ShapesGraph
from .sparqltext import (
    _check_query,
    _oxigraph_parses,
    _prefixes,
    _prologue,
    _rewrite_exists,
    _rewrite_star_sequences,
    _split_select,
)
from .terms import (
    _SIDE,
    RDF_LANGSTRING,
    RDF_TYPE,
    RDFS_CLASS,
    RDFS_LITERAL,
    RDFS_SUBCLASSOF,
    SH,
    XSD_STRING,
    UnsupportedShapesError,
    _decoded,
    _indexed,
    _sh,
)
from .values import _Value


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Compile *shapes* (the shapes graph pyshacl gets) to SPARQL queries, one per constraint.

    Raises :class:`UnsupportedShapesError` for anything outside the supported subset (package docstring).
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
