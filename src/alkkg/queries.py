"""Named SPARQL queries: discovery, safe parameters, two engines, three output formats.

A query file opens with comment headers::

    # question: Which drugs inhibit a given target?
    # param: target - the target entity (default alkkge:ALK-protein)
    # requires: inference

Parameters are bound by the engine (rdflib initBindings, pyoxigraph substitutions), never by
editing the query text.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from .errors import InputError, QueryError
from .prefixes import CONVERTER, compress

FORMATS = ("table", "csv", "json")
ENGINES = ("rdflib", "oxigraph")


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
    variables: tuple[str, ...]
    rows: tuple[tuple[object | None, ...], ...]


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
    if not path.is_file():
        raise QueryError(f"{path}: no such query file")
    text = path.read_text(encoding="utf-8")
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
    if path.suffix == ".rq" or path.is_file():
        return read_query(path)
    candidate = folder / f"{name_or_path}.rq"
    if candidate.is_file():
        return read_query(candidate)
    known = ", ".join(q.name for q in list_queries(folder)) or "none"
    raise QueryError(f"unknown query {name_or_path!r}; known queries: {known} (or give a .rq file)")


def parse_term(value: str) -> URIRef | Literal:
    """A parameter value: ``<iri>``, a CURIE of the project prefix map, or a plain literal.

    >>> parse_term("alkkge:ceritinib")
    rdflib.term.URIRef('https://w3id.org/alkkg/entity/ceritinib')
    >>> parse_term("<https://example.org/x>")
    rdflib.term.URIRef('https://example.org/x')
    >>> parse_term("60")
    rdflib.term.Literal('60')
    """
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if ":" in value and not value.startswith(("http://", "https://")):
        expanded = CONVERTER.expand(value)
        if expanded:
            return URIRef(expanded)
    if value.startswith(("http://", "https://")):
        return URIRef(value)
    return Literal(value)


def bind_params(query: NamedQuery, params: dict[str, str]) -> dict[str, URIRef | Literal]:
    bindings = {}
    for key, value in params.items():
        if key not in query.params:
            allowed = ", ".join(query.params) or "none"
            raise QueryError(f"query {query.name!r} has no parameter {key!r}; its parameters: {allowed}")
        bindings[key] = parse_term(value)
    return bindings


def check_syntax(query: NamedQuery) -> None:
    try:
        prepareQuery(query.text)
    except Exception as exc:
        raise QueryError(f"{query.path}: SPARQL syntax error: {' '.join(str(exc).split())[:200]}") from None


def run_rdflib(graph: Graph, query: NamedQuery, bindings: dict[str, URIRef | Literal]) -> QueryResult:
    check_syntax(query)
    result = graph.query(query.text, initBindings=bindings)
    variables = tuple(str(v) for v in (result.vars or []))
    rows = tuple(tuple(row[i] for i in range(len(variables))) for row in result)  # type: ignore[index]
    return QueryResult(variables, rows)


def run_oxigraph(data: str, data_format: str, query: NamedQuery,
                 bindings: dict[str, URIRef | Literal]) -> QueryResult:
    """Run on pyoxigraph from serialised data; *data_format* is an rdflib format name
    (see :data:`alkkg.rdfio.FORMATS`). Named graphs are queried as one, as rdflib does."""
    import pyoxigraph as ox

    check_syntax(query)
    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML,
               "json-ld": ox.RdfFormat.JSON_LD, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
    store = ox.Store()
    store.load(data.encode("utf-8"), format=formats[data_format])
    substitutions = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
    solutions = store.query(query.text, substitutions=substitutions, use_default_graph_as_union=True)
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"{query.path}: only SELECT queries are supported")
    variables = tuple(v.value for v in solutions.variables)
    rows = []
    for solution in solutions:
        rows.append(tuple(_from_ox(solution[v]) for v in variables))
    return QueryResult(variables, tuple(rows))


def _to_ox(term: URIRef | Literal):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term))


def _from_ox(term):  # type: ignore[no-untyped-def]
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


def render(result: QueryResult, fmt: str) -> str:
    """Render a result as an aligned table, CSV (SPARQL 1.1 CSV) or SPARQL 1.1 JSON results."""
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
    if fmt == "table":
        cells = [[compress(str(t)) if isinstance(t, URIRef) else ("" if t is None else str(t))
                  for t in row] for row in result.rows]
        widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
        line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()  # noqa: E731
        out = [line(result.variables), line(["-" * w for w in widths])]
        out += [line(r) for r in cells]
        out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
        return "\n".join(out) + "\n"
    raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


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
