"""Named SPARQL queries: discovery, safe parameters, two engines, three output formats.

A query file opens with comment headers::

    # question: Which drugs inhibit a given target?
    # param: target - the target entity (default alkkge:ALK-protein)
    # requires: inference

Parameters are bound by the engine: rdflib's initBindings; Oxigraph's ``substitutions``, plus, where
it means exactly what a pre-binding means and the value is not common in the data, a ``VALUES ?param
{ term }`` block at the start of the query's outermost WHERE group, which Oxigraph plans from (it
applies substitutions after planning: a lookup by a bound parameter then scans as if it were
unbound). The term is written from a strict grammar, at a place a SPARQL tokenizer found and rdflib's
parse tree confirms (see :func:`bind_with_values` and :func:`oxigraph_binding`).

Every query is parsed with rdflib before either engine runs it, and refused when it would reach
beyond the data: a ``SERVICE`` anywhere (nested, in ``EXISTS``, in a subquery) or a ``FROM`` /
``FROM NAMED`` naming an IRI that is not a graph of the loaded data; updates are refused. The
checks walk rdflib's parse tree and algebra, so comments and strings cannot hide or fake them.

SELECT gives rows; ASK gives ``true``/``false``; CONSTRUCT and DESCRIBE give RDF, printed the same
way for both engines: literals in value-canonical form (Oxigraph stores values, not lexical forms),
blank nodes relabelled from their content, lines sorted. DESCRIBE is computed by alkkg, not by the
engines (which disagree): the targets come from the query run as ``SELECT DISTINCT``, and each
target's description is its Concise Bounded Description (as rdflib's ``Graph.cbd``).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import struct
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import rdflib.plugins.sparql
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Dataset
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from .errors import AlkkgError, ConfinementError, InputError, LimitError, QueryError, first_line
from .files import read_bounded, utf8_position
from .limits import MAX_QUERY_BYTES
from .prefixes import CONVERTER, compress, new_graph

# Belt and braces: even if a FROM slipped past our check, rdflib must never fetch a graph.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

FORMATS = ("table", "csv", "json")
ENGINES = ("rdflib", "oxigraph")

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    question: str
    params: tuple[str, ...]
    needs_inference: bool


@dataclass(frozen=True)
class QueryResult:
    """What a query gave: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[object | None, ...], ...]
    kind: str = "SELECT"
    boolean: bool | None = None
    triples: tuple[Triple, ...] = ()


def _headers(text: str) -> list[tuple[str, str]]:
    found = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        if ":" in body:
            key, value = body.split(":", 1)
            found.append((key.strip().lower(), value.strip()))
    return found


def read_query(path: Path) -> NamedQuery:
    """Read a ``.rq`` file (UTF-8, at most 1 MB) and its comment headers."""
    raw = read_bounded(path, MAX_QUERY_BYTES, what="a query file", missing="no such query file",
                       hint="a query is not data")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, _ = utf8_position(raw, exc.start)
        raise QueryError(f"{path}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x}); save the query as UTF-8") from None
    headers = _headers(text)
    question = next((v for k, v in headers if k == "question"), "")
    params = tuple(v.split()[0].lstrip("?$") for k, v in headers if k == "param" and v)
    needs = any(k == "requires" and "inference" in v.lower() for k, v in headers)
    return NamedQuery(path.stem, path, text, question, params, needs)


def list_queries(folder: Path) -> list[NamedQuery]:
    """Every competency query, sorted by name."""
    return [read_query(p) for p in sorted(folder.glob("*.rq"))]


def find_query(name_or_path: str, folder: Path) -> NamedQuery:
    path = Path(name_or_path)
    try:
        is_file = path.is_file()
    except OSError:  # e.g. a name too long for the file system: not a file, then
        is_file = False
    if path.suffix == ".rq" or is_file:
        return read_query(path)
    candidate = folder / f"{name_or_path}.rq"
    if candidate.is_file():
        return read_query(candidate)
    # "direct/drug-outcomes": a query of a sibling set (queries/direct/), by its folder and name
    sibling = folder.parent / f"{name_or_path}.rq"
    if "/" in name_or_path and ".." not in name_or_path and sibling.is_file():
        return read_query(sibling)
    known = ", ".join(q.name for q in list_queries(folder)) or "none"
    raise QueryError(f"unknown query {name_or_path!r}; known queries: {known} (or give a .rq file)")


# ------------------------------------------------------------------------------------ parameters

# An absolute IRI without the characters RDF forbids in IRIs (space, <>"{}|^`\ and controls).
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\\x7f]*\Z")


def check_iri(iri: str) -> str:
    """Return *iri* if it is an absolute IRI both engines accept; raise ValueError saying why not."""
    if not _IRI.match(iri):
        bad = sorted({c for c in iri if c in ' <>"{}|^`\\' or ord(c) < 0x21 or ord(c) == 0x7f})
        if bad:
            raise ValueError(f"{iri!r} is not an IRI: it contains {', '.join(repr(c) for c in bad)}")
        raise ValueError(f"{iri!r} is not an absolute IRI (it needs a scheme such as https:)")
    import pyoxigraph as ox

    try:  # Oxigraph is the stricter of the two engines (percent-encoding, host syntax)
        ox.NamedNode(iri)
    except ValueError as exc:
        raise ValueError(f"{iri!r} is not a valid IRI: {exc}") from None
    return iri


def parse_term(value: str) -> URIRef | Literal:
    """A parameter value: ``<iri>``, a CURIE of the project prefix map, or a plain literal.

    Raises ValueError for a malformed IRI.

    >>> parse_term("alkkge:ceritinib")
    rdflib.term.URIRef('https://w3id.org/alkkg/entity/ceritinib')
    >>> parse_term("<https://example.org/x>")
    rdflib.term.URIRef('https://example.org/x')
    >>> parse_term("60")
    rdflib.term.Literal('60')
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("the value is not valid text (it holds bytes that are not UTF-8)") from None
    if value.startswith("<") or value.endswith(">"):
        if not (value.startswith("<") and value.endswith(">") and len(value) >= 2):
            raise ValueError(f"{value!r} is not an IRI: write it as <https://...>")
        return URIRef(check_iri(value[1:-1]))
    if ":" in value and not value.startswith(("http://", "https://")):
        expanded = CONVERTER.expand(value)
        if expanded:
            return URIRef(check_iri(expanded))
    if value.startswith(("http://", "https://")):
        return URIRef(check_iri(value))
    return Literal(value)


def bind_params(query: NamedQuery, params: dict[str, str]) -> dict[str, URIRef | Literal]:
    bindings = {}
    for key, value in params.items():
        if key not in query.params:
            allowed = ", ".join(query.params) or "none"
            raise QueryError(f"query {query.name!r} has no parameter {key!r}; its parameters: {allowed}")
        try:
            bindings[key] = parse_term(value)
        except ValueError as exc:
            raise QueryError(f"--param {key}: {exc}; give <https://...>, a CURIE such as alkkge:ceritinib, "
                             "or a plain literal") from None
    return bindings


# ------------------------------------------------------------------------------------ safety checks

@dataclass(frozen=True)
class Plan:
    """A query parsed and checked, ready for either engine."""

    kind: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    text: str  # what the engines run (for DESCRIBE: the SELECT of its targets, or "")
    algebra: Query | None  # rdflib's translation of *text*
    dataset: tuple[tuple[str, URIRef], ...]  # ("default" | "named", IRI) of each FROM clause
    constants: tuple[URIRef, ...] = ()  # DESCRIBE: IRIs named in the query
    variables: tuple[str, ...] = ()  # DESCRIBE: variables named in the query
    tree: Any = field(default=None, compare=False, repr=False)  # rdflib's parse tree of the query (untranslated)


_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def parse_sparql(text: str, where: str) -> Any:
    """rdflib's parse tree of a query; QueryError for syntax errors and for updates."""
    try:
        return parseQuery(text)
    except RecursionError:
        raise LimitError(f"{where}: query nested too deeply to parse") from None
    except Exception as exc:  # pyparsing's ParseException, and rdflib's own errors
        message = " ".join(str(exc).split())[:200]
    try:
        parseUpdate(text)
    except Exception:  # noqa: BLE001 - not an update either: report the query syntax error
        raise QueryError(f"{where}: SPARQL syntax error: {message}") from None
    raise QueryError(f"{where}: is a SPARQL update (INSERT/DELETE/LOAD/CLEAR/...); alkkg runs read-only "
                     "queries only: use SELECT, ASK, CONSTRUCT or DESCRIBE")


def _nodes(tree: Any) -> Iterator[CompValue]:
    """Every CompValue of a parse tree or algebra, depth first, without recursion."""
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(dict.values(item))
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)


def refuse_unsafe(tree: Any, where: str) -> None:
    """Refuse a SERVICE anywhere in the parse tree (nested groups, subqueries, EXISTS)."""
    for node in _nodes(tree):
        if node.name == "ServiceGraphPattern":
            target = _term_text(dict.get(node, "term"))
            raise ConfinementError(f"{where}: SERVICE{target} refused: it would send the query over the "
                                   "network; alkkg queries only the data it is given: remove the SERVICE clause")


def _term_text(term: Any) -> str:
    """A parse-tree term as written: <iri>, ?var or prefix:local ("" if unknown)."""
    if isinstance(term, URIRef):
        return f" <{term}>"
    if isinstance(term, CompValue) and term.name == "pname":
        return f" {dict.get(term, 'prefix') or ''}:{dict.get(term, 'localname') or ''}"
    if isinstance(term, str):
        return f" ?{term}"
    return ""


def has_dataset_clause(tree: Any) -> bool:
    return any(node.name == "DatasetClause" for node in _nodes(tree))


def prepare(query: NamedQuery) -> Plan:
    """Parse *query*, refuse what is unsafe, and plan its evaluation (QueryError/ConfinementError)."""
    where = str(query.path)
    text = expandUnicodeEscapes(query.text)
    tree = parse_sparql(text, where)
    refuse_unsafe(tree, where)
    kind = _KINDS.get(tree[1].name, "")
    if kind != "DESCRIBE":
        algebra = _translate(text, where)
        return Plan(kind, query.text, algebra, _dataset(algebra), tree=tree)
    star = dict.get(tree[1], "var") is None  # (CompValue.get returns the key when missing)
    constants: tuple[URIRef, ...] = ()
    variables: tuple[str, ...] = ()
    if not star:  # rdflib cannot translate DESCRIBE * (a bug); the named targets come from it otherwise
        described = _translate(text, where)
        constants = tuple(t for t in described.algebra.PV if isinstance(t, URIRef))
        variables = tuple(str(t) for t in described.algebra.PV if not isinstance(t, URIRef))
    if dict.get(tree[1], "where") is None:
        if star:
            raise QueryError(f"{where}: DESCRIBE * needs a WHERE clause")
        return Plan(kind, "", None, _dataset(described), constants, variables, tree)
    if star or variables:
        select = _describe_as_select(text, variables, where)
        algebra = _translate(select, where)
        return Plan(kind, select, algebra, _dataset(algebra), constants, variables, tree)
    return Plan(kind, "", None, _dataset(described), constants, variables, tree)


def check_syntax(query: NamedQuery) -> None:
    """Raise QueryError (or ConfinementError) unless *query* parses and is safe to run."""
    prepare(query)


def _translate(text: str, where: str) -> Query:
    try:
        return translateQuery(parseQuery(text))
    except RecursionError:
        raise LimitError(f"{where}: query nested too deeply to translate") from None
    except Exception as exc:  # e.g. an undeclared prefix
        raise QueryError(f"{where}: cannot compile the query: {' '.join(str(exc).split())[:200]}") from None


def _dataset(query: Query) -> tuple[tuple[str, URIRef], ...]:
    clauses = []
    for clause in dict.get(query.algebra, "datasetClause") or ():
        if dict.get(clause, "default") is not None:
            clauses.append(("default", URIRef(clause["default"])))
        else:
            clauses.append(("named", URIRef(clause["named"])))
    return tuple(clauses)


def _check_dataset(plan: Plan, graphs: Collection[URIRef], query: NamedQuery, source: str) -> None:
    for kind, iri in plan.dataset:
        if iri not in graphs:
            clause = "FROM" if kind == "default" else "FROM NAMED"
            known = ", ".join(f"<{g}>" for g in sorted(graphs)) or "none"
            raise ConfinementError(
                f"{query.path}: {clause} <{iri}> refused: it is not a graph of {source} (its named graphs: "
                f"{known}); alkkg never loads graphs from IRIs: remove the clause or name a graph of the data")


# The head of a DESCRIBE query, token by token (for rewriting it as a SELECT; the body is kept).
_PN_LOCAL_CHAR = r"(?:[\w:\-\u00B7]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_HEAD_TOKEN = re.compile(
    r"(?P<skip>\s+|\#[^\n\r]*)"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)"
    r"|(?P<pname>(?:[^\W\d_](?:[\w.\-\u00B7]*[\w\-\u00B7])?)?:"
    rf"(?:{_PN_LOCAL_CHAR}(?:(?:{_PN_LOCAL_CHAR}|\.)*{_PN_LOCAL_CHAR})?)?)"
    r"|(?P<star>\*)"
    r"|(?P<word>[A-Za-z]+)")


def _describe_as_select(text: str, variables: tuple[str, ...], where: str) -> str:
    """``DESCRIBE ?x <iri> WHERE {...} LIMIT 3`` as ``SELECT DISTINCT ?x WHERE {...} LIMIT 3``.

    rdflib has already parsed *text*, so only the prologue and the target list need tokenising;
    the rest (FROM, WHERE, modifiers, VALUES) is kept as written.
    """
    position, start, end, targets = 0, -1, -1, 0
    while position < len(text):
        match = _HEAD_TOKEN.match(text, position)
        if match is None:
            break
        group = match.lastgroup
        if start < 0:  # in the prologue: BASE/PREFIX declarations until DESCRIBE
            if group == "word" and match.group().upper() == "DESCRIBE":
                start = end = match.end()
        elif group in ("iri", "var", "pname", "star"):
            targets += 1
            end = match.end()
        elif group != "skip":
            break
        position = match.end()
    if start < 0 or targets == 0:
        raise QueryError(f"{where}: cannot read the DESCRIBE targets; name them as ?var, <iri> or prefix:name")
    head = " ".join(f"?{name}" for name in variables) if variables else "*"
    return f"{text[:start - len('DESCRIBE')]}SELECT DISTINCT {head}{text[end:]}"


# ------------------------------------------------------------------------------------ engines

def _named_graphs(graph: Graph) -> set[URIRef]:
    if not isinstance(graph, Dataset):
        return set()
    return {g.identifier for g in graph.graphs()
            if isinstance(g.identifier, URIRef) and g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}


def run_rdflib(graph: Graph, query: NamedQuery, bindings: dict[str, URIRef | Literal]) -> QueryResult:
    """Run *query* with rdflib on *graph* (a Graph, or a Dataset whose default graph is the union)."""
    plan = prepare(query)
    _check_dataset(plan, _named_graphs(graph), query, "the data")
    algebra = plan.algebra
    try:
        if plan.kind == "DESCRIBE":
            targets = _describe_targets(plan, bindings, lambda: graph.query(algebra, initBindings=bindings)
                                        if algebra is not None else ())
            graphs = _describe_graphs(plan)
            if graphs is None:
                lookup: Callable[..., Iterable[Triple]] = lambda s, p, o: graph.triples((s, p, o))  # noqa: E731
            else:
                assert isinstance(graph, Dataset)
                contexts = [graph.graph(g) for g in graphs]
                lookup = lambda s, p, o: (t for c in contexts for t in c.triples((s, p, o)))  # noqa: E731
            return QueryResult((), (), "DESCRIBE", triples=tuple(describe(lookup, targets)))
        assert algebra is not None
        result = graph.query(algebra, initBindings=bindings)
        if plan.kind == "ASK":
            return QueryResult((), (), "ASK", boolean=bool(result.askAnswer))
        if plan.kind == "CONSTRUCT":
            assert result.graph is not None
            return QueryResult((), (), "CONSTRUCT", triples=tuple(result.graph))
        variables = tuple(str(v) for v in (result.vars or []))
        rows = tuple(tuple(row[i] for i in range(len(variables))) for row in result)  # type: ignore[index]
    except (AlkkgError, MemoryError):
        raise
    except RecursionError:
        raise LimitError(f"{query.path}: query nested too deeply for rdflib to evaluate") from None
    except Exception as exc:  # rdflib raises bare Exceptions for unsupported features
        raise QueryError(f"{query.path}: rdflib could not evaluate the query: {first_line(exc)}") from None
    return QueryResult(variables, rows)


_OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "xml": "RDF_XML", "json-ld": "JSON_LD",
               "trig": "TRIG", "nquads": "N_QUADS", "n3": "N3"}


def run_oxigraph(data: str | bytes, data_format: str, query: NamedQuery,
                 bindings: dict[str, URIRef | Literal], *, base_iri: str | None = None,
                 source: str = "the data", values: bool = True) -> QueryResult:
    """Run on pyoxigraph from serialised data; *data_format* is an rdflib format name
    (see :data:`alkkg.rdfio.FORMATS`). Named graphs are queried as one, as rdflib does,
    unless the query names its graphs with FROM / FROM NAMED. Parameters are bound as
    :func:`oxigraph_binding` says (substitutions, and VALUES blocks where they help); with
    substitutions only if not *values* (the same answer: for comparisons)."""
    import pyoxigraph as ox

    plan = prepare(query)
    if data_format not in _OX_FORMATS:
        raise InputError(f"{source}: Oxigraph cannot read {data_format}; use --engine rdflib or convert the file")
    store = ox.Store()
    try:
        store.load(data.encode("utf-8") if isinstance(data, str) else data,
                   format=getattr(ox.RdfFormat, _OX_FORMATS[data_format]), base_iri=base_iri)
    except SyntaxError as exc:
        where = f"{source}:{exc.lineno}:{exc.offset}" if exc.lineno else source
        raise InputError(f"{where}: cannot parse as {data_format}: {first_line(exc)}; fix the syntax") from None
    except (ValueError, OSError) as exc:
        raise InputError(f"{source}: Oxigraph cannot load it: {first_line(exc)}") from None
    if len(store) == 0:
        raise InputError(f"{source}: holds no RDF triples (empty, or only prefixes and comments); "
                         "give a file with data")
    named = {URIRef(g.value) for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    _check_dataset(plan, named, query, source)
    text = plan.text if plan.kind == "DESCRIBE" else query.text
    if values:
        from .querybinding import oxigraph_binding

        text, substitutions = oxigraph_binding(store, plan, text, bindings)
    else:
        substitutions = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
    # With FROM / FROM NAMED the query says which graphs it reads; the union flag would override it.
    union = not plan.dataset

    def select(text: str) -> Any:
        return store.query(text, substitutions=substitutions, use_default_graph_as_union=union)

    try:
        if plan.kind == "DESCRIBE":
            def rows() -> Iterator[dict[str, Node | None]]:
                solutions = select(text)
                names = [v.value for v in solutions.variables]
                for solution in solutions:
                    yield {name: from_oxigraph(solution[name]) for name in names}

            targets = _describe_targets(plan, bindings, rows)
            graphs = _describe_graphs(plan)
            ox_graphs = [None] if graphs is None else [ox.NamedNode(str(g)) for g in graphs]

            def lookup(s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
                for g in ox_graphs:
                    for quad in store.quads_for_pattern(_to_ox_or_none(s), _to_ox_or_none(p), _to_ox_or_none(o), g):
                        yield from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object)

            return QueryResult((), (), "DESCRIBE", triples=tuple(describe(lookup, targets)))
        solutions = select(text)
        if isinstance(solutions, ox.QueryBoolean):
            return QueryResult((), (), "ASK", boolean=bool(solutions))
        if isinstance(solutions, ox.QueryTriples):
            triples = tuple((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)) for t in solutions)
            return QueryResult((), (), "CONSTRUCT", triples=triples)
        variables = tuple(v.value for v in solutions.variables)
        out = []
        for solution in solutions:
            out.append(tuple(from_oxigraph(solution[v]) for v in variables))
    except (AlkkgError, MemoryError):
        raise
    except SyntaxError as exc:
        raise QueryError(f"{query.path}: SPARQL syntax error (Oxigraph): {first_line(exc)}") from None
    except Exception as exc:  # OSError/ValueError/RuntimeError from the Rust side
        raise QueryError(f"{query.path}: Oxigraph could not evaluate the query: {first_line(exc)}") from None
    return QueryResult(variables, tuple(out))


def _to_ox(term: URIRef | Literal | BNode):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term))


def _to_ox_or_none(term: Node | None):  # type: ignore[no-untyped-def]
    if term is None:
        return None
    assert isinstance(term, (URIRef, Literal, BNode))
    return _to_ox(term)


def from_oxigraph(term):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    datatype = term.datatype.value if term.datatype else None
    if term.language:
        return Literal(term.value, lang=term.language)
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = None
    return Literal(term.value, datatype=datatype)


# ------------------------------------------------------------------------------------ DESCRIBE

def _describe_targets(plan: Plan, bindings: dict[str, URIRef | Literal],
                      solutions: Callable[[], Iterable[Any]]) -> list[Node]:
    """The resources a DESCRIBE names: its IRIs, plus every value of its variables in the solutions."""
    targets: set[Node] = set(plan.constants)
    if plan.text:
        for row in solutions():
            values = row.asdict().values() if hasattr(row, "asdict") else row.values()
            targets.update(v for v in values if v is not None)
    else:  # no WHERE: a variable can only be a bound parameter
        targets.update(bindings[v] for v in plan.variables if v in bindings)
    return sorted((t for t in targets if isinstance(t, (URIRef, BNode))), key=lambda t: (type(t).__name__, str(t)))


def _describe_graphs(plan: Plan) -> list[URIRef] | None:
    """The graphs a DESCRIBE reads: the FROM graphs when the query has a dataset clause, else all."""
    if not plan.dataset:
        return None
    return [iri for kind, iri in plan.dataset if kind == "default"]


def describe(lookup: Callable[[Node | None, Node | None, Node | None], Iterable[Triple]],
             resources: Iterable[Node]) -> set[Triple]:
    """The union of the Concise Bounded Descriptions of *resources* (the rules of ``Graph.cbd``).

    Every statement about the resource; recursively, every statement about a blank node object;
    and the CBD of each rdf:Statement reifying an included statement. Iterative, so long blank
    node chains (RDF lists) cannot exhaust the stack. *lookup(s, p, o)* yields matching triples.
    """
    out: set[Triple] = set()
    seen: set[Node] = set()
    todo = list(resources)
    while todo:
        node = todo.pop()
        if node in seen or isinstance(node, Literal):
            continue
        seen.add(node)
        reified: dict[tuple[Node, Node], set[Node]] = defaultdict(set)
        for statement, _, _ in lookup(None, RDF.subject, node):
            for _, _, predicate in lookup(statement, RDF.predicate, None):
                for _, _, obj in lookup(statement, RDF.object, None):
                    reified[(predicate, obj)].add(statement)
        for s, p, o in lookup(node, None, None):
            out.add((s, p, o))
            if isinstance(o, BNode):
                todo.append(o)
            todo.extend(reified.get((p, o), ()))
    return out


# ------------------------------------------------------------------------------------ canonical literals

_INTEGER_TYPES = {XSD[name] for name in (
    "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte", "nonNegativeInteger",
    "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "positiveInteger")}
_TZ = r"(Z|[+-]\d\d:\d\d)?"
_DATETIME = re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?" + _TZ + r"\Z")
_TIME = re.compile(r"(\d\d):(\d\d):(\d\d)(\.\d+)?" + _TZ + r"\Z")
_DATE = re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)" + _TZ + r"\Z")


def canonical_literal(literal: Literal) -> Literal:
    """*literal* in value-canonical form, so that rdflib and Oxigraph print the same bytes.

    Oxigraph keeps values, not lexical forms: ``"60.0"^^xsd:decimal`` comes back as ``"60"``, every
    integer type as xsd:integer, a +00:00 zone as Z. Both engines' literals go through this one
    function: integers (all derived types) as xsd:integer, decimals without trailing zeros,
    doubles and floats as XSD 1.1 canonical ``1.5E2``, booleans as true/false, date/time zones as
    Z, language tags in lower case. A lexical form that is not valid for its type is kept as is.
    """
    if literal.language:
        return Literal(str(literal), lang=literal.language.lower())
    datatype = literal.datatype
    lexical = str(literal).strip()
    try:
        if datatype in _INTEGER_TYPES:
            lexical, datatype = str(int(lexical)), XSD.integer
        elif datatype == XSD.decimal:
            lexical = _canonical_decimal(lexical)
        elif datatype in (XSD.double, XSD.float):
            lexical = _canonical_float(lexical, single=datatype == XSD.float)
        elif datatype == XSD.boolean and lexical.lower() in ("true", "false", "1", "0"):
            lexical = "true" if lexical.lower() in ("true", "1") else "false"
        elif datatype in (XSD.dateTime, XSD.time, XSD.date):
            lexical = _canonical_temporal(lexical, datatype)
        else:
            return literal
    except (ValueError, ArithmeticError, InvalidOperation, struct.error):
        return literal
    # normalize=False: rdflib would otherwise rewrite the form again (1.5E2 -> 150.0, Z -> +00:00)
    return Literal(lexical, datatype=datatype, normalize=False)


def _canonical_decimal(lexical: str) -> str:
    value = Decimal(lexical)
    if not value.is_finite() or "e" in lexical.lower():
        raise ValueError(lexical)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _canonical_float(lexical: str, *, single: bool) -> str:
    value = float(lexical)
    if single:
        try:
            value = struct.unpack("<f", struct.pack("<f", value))[0]
        except OverflowError:
            value = math.copysign(math.inf, value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    if value == 0:
        return "-0.0E0" if math.copysign(1, value) < 0 else "0.0E0"
    text = repr(value)
    if single:  # the shortest decimal that reads back as the same 32-bit float
        for precision in range(1, 10):
            candidate = f"{value:.{precision}g}"
            if struct.unpack("<f", struct.pack("<f", float(candidate)))[0] == value:
                text = candidate
                break
    sign, digit_tuple, exponent = Decimal(text).as_tuple()
    assert isinstance(exponent, int)
    digits = "".join(map(str, digit_tuple)).rstrip("0") or "0"
    power = exponent + len(digit_tuple) - 1
    return f"{'-' if sign else ''}{digits[0]}.{digits[1:] or '0'}E{power}"


def _canonical_zone(zone: str | None) -> str:
    return "Z" if zone in ("Z", "+00:00", "-00:00") else (zone or "")


def _canonical_fraction(fraction: str | None) -> str:
    fraction = (fraction or "").rstrip("0")
    return "" if fraction == "." else fraction


def _canonical_temporal(lexical: str, datatype: URIRef) -> str:
    if datatype == XSD.date:
        match = _DATE.match(lexical)
        if not match:
            raise ValueError(lexical)
        return f"{match[1]}-{match[2]}-{match[3]}{_canonical_zone(match[4])}"
    if datatype == XSD.time:
        match = _TIME.match(lexical)
        if not match:
            raise ValueError(lexical)
        return f"{match[1]}:{match[2]}:{match[3]}{_canonical_fraction(match[4])}{_canonical_zone(match[5])}"
    match = _DATETIME.match(lexical)
    if not match:
        raise ValueError(lexical)
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if hour == "24" and minute == "00" and second == "00" and not (fraction or "").strip(".0"):
        # 24:00:00 is midnight at the end of the day (Oxigraph writes the next day's 00:00:00)
        moment = datetime(int(year), int(month), int(day)) + timedelta(days=1)
        year, month, day, hour, fraction = f"{moment.year:04d}", f"{moment.month:02d}", f"{moment.day:02d}", "00", ""
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}{_canonical_fraction(fraction)}{_canonical_zone(zone)}"


def canonical_graph(triples: Iterable[Triple]) -> Graph:
    """The triples as a graph with canonical literals and content-derived blank node labels."""
    from .canon import relabel_blank_nodes

    graph = new_graph()
    for s, p, o in triples:
        graph.add((s, p, canonical_literal(o) if isinstance(o, Literal) else o))  # type: ignore[arg-type]
    return relabel_blank_nodes(graph)


# ------------------------------------------------------------------------------------ output

def render(result: QueryResult, fmt: str) -> str:
    """Render a result: rows as an aligned table, CSV (SPARQL 1.1 CSV) or SPARQL 1.1 JSON results;
    ASK as true/false (JSON: the SPARQL boolean form); CONSTRUCT/DESCRIBE as RDF: Turtle (table),
    sorted N-Triples (csv) or JSON-LD (json)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=1) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.kind in ("CONSTRUCT", "DESCRIBE"):
        from . import rdfio

        graph = canonical_graph(result.triples)
        if fmt == "json":
            return rdfio.jsonld(graph)
        if fmt == "csv":
            return rdfio.ntriples(graph)
        return rdfio.turtle(graph)
    if fmt == "json":
        bindings = []
        for row in result.rows:
            binding = {}
            for var, term in zip(result.variables, row, strict=True):
                if term is not None:
                    binding[var] = _json_term(term)
            bindings.append(binding)
        return json.dumps({"head": {"vars": list(result.variables)},
                           "results": {"bindings": bindings}}, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if t is None else str(t) for t in row])
        return buffer.getvalue()
    cells = [[compress(str(t)) if isinstance(t, URIRef) else ("" if t is None else str(t))
              for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(result.variables), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out
