"""The query files in Virtuoso 7, as users run them: every answer equals its golden file.

Users load our Turtle into Virtuoso and paste the files of ``queries/competency/`` (and
``queries/direct/`` once it exists) into its SPARQL endpoint. This module starts a private
``virtuoso-t`` (see ``tests/virtuoso.py``: loopback ports only, a fresh database in a temporary
folder, ``MaxQueryCostEstimationTime = 400`` like public endpoints), loads ``build/alkkg.ttl`` and
``build/alkkg-inferred.ttl`` into one named graph each, and runs every query over HTTP on the graph
it needs (``# requires: inference``: the inferred one), with the parameter sets of
``test_competency.py``: unbound (the whole golden file) and each parameter bound to the last value
of its column (the golden rows with that value). A parameter is bound the way the README tells
users to: a ``VALUES`` clause as the first line inside ``WHERE { ... }``.

Cells are normalised as in ``test_competency.py`` (``cell``: CURIEs, lexical forms, canonical
decimals); on top of that, Virtuoso's ``"1"``/``"0"`` for ``xsd:boolean`` read as true/false, and so
do its ``"1"``/``"0"^^xsd:integer`` for a boolean expression (``BIND(EXISTS {...} AS ?x)``) in a
column that the golden file fills with true/false. A query that Virtuoso refuses (its cost
estimator, a syntax it lacks) fails with Virtuoso's message; a wrong answer fails with both tables
and a hint whose difference it is (Oxigraph on the same file: the golden answer, or Virtuoso's).

Marker ``integration`` (needs an outside tool): not in the default run; ``.ci/run`` runs it and
installs Virtuoso first. Without ``virtuoso-t`` the tests are skipped, saying so.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef

from alkkg import queries, rdfio
from conftest import ROOT
from test_competency import cell, to_csv
from test_competency import table as competency_table
from virtuoso import Virtuoso, VirtuosoError, executables, running_pids

pytestmark = pytest.mark.integration

BUILD = ROOT / "build"
ASSERTED, INFERRED = "alkkg.ttl", "alkkg-inferred.ttl"
GRAPHS = {ASSERTED: "urn:alkkg:test:asserted", INFERRED: "urn:alkkg:test:inferred"}
#: the query folders checked here: each holds *.rq and expected/<name>.csv (direct/ may not exist yet)
FOLDERS = [folder for folder in (ROOT / "queries" / "competency", ROOT / "queries" / "direct") if folder.is_dir()]

Rows = list[list[str]]
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


# ------------------------------------------------------------------------------------ cases

def golden(folder: Path, name: str) -> Rows:
    with (folder / "expected" / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return [row for row in csv.reader(handle)]


@dataclass(frozen=True)
class Case:
    folder: Path
    query: queries.NamedQuery
    params: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        bound = ",".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.folder.name}/{self.query.name}" + (f"[{bound}]" if bound else "")

    def expected(self) -> Rows:
        """The golden rows; with a bound parameter, those whose column holds its value."""
        rows = golden(self.folder, self.query.name)
        for param, value in self.params.items():
            column = rows[0].index(param)
            rows = [rows[0]] + [row for row in rows[1:] if row[column] == value]
        return rows


def _cases() -> list[Case]:
    """Per query: unbound, then each parameter bound to the last value of its golden column (as
    test_competency.test_binding_a_parameter_filters_the_default_answer)."""
    out = []
    for folder in FOLDERS:
        for query in queries.list_queries(folder):
            out.append(Case(folder, query))
            path = folder / "expected" / f"{query.name}.csv"
            rows = golden(folder, query.name) if path.is_file() else []
            for param in query.params:
                column = rows[0].index(param) if rows and param in rows[0] else None
                values = [row[column] for row in rows[1:] if row[column]] if column is not None else []
                if values:  # else the unbound case already fails or test_competency reports it
                    out.append(Case(folder, query, {param: values[-1]}))
    return out


CASES = _cases()


# ------------------------------------------------------------------------------------ binding

_TOKEN = re.compile(r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                 |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    | (?P<where>\bWHERE\b)
    | (?P<brace>\{)
    | (?P<other>.)
""", re.X | re.S | re.I)


def with_values(text: str, bindings: dict[str, URIRef | Literal]) -> str:
    """*text* with ``VALUES ?var { term }`` as the first line inside its (outer) ``WHERE { ... }``:
    the portable way to bind a parameter that the README gives users. Comments, IRIs and strings
    are skipped, so a 'WHERE' or '{' in them is not taken for the clause."""
    if not bindings:
        return text
    seen_where = False
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "where":
            seen_where = True
        elif match.lastgroup == "brace" and seen_where:
            lines = "".join(f"\n    VALUES ?{name} {{ {term.n3()} }}" for name, term in bindings.items())
            return text[:match.end()] + lines + text[match.end():]
    raise AssertionError("no 'WHERE {' in the query to put a VALUES clause into")


# ------------------------------------------------------------------------------------ results

def _term(binding: dict[str, str] | None, boolean: bool = False) -> URIRef | Literal | BNode | None:
    """One value of SPARQL JSON results as an rdflib term (lexical form kept as sent).

    Virtuoso stores xsd:boolean as 1/0 and returns it so (``"1"^^xsd:boolean``): read as true/false.
    The value of a boolean expression (``BIND(EXISTS {...} AS ?x)``) even comes back as
    ``"1"^^xsd:integer``; in a *boolean* column (see :func:`boolean_columns`) it is read the same way.
    """
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    datatype = binding.get("datatype")
    if value in ("1", "0") and (datatype == XSD_BOOLEAN or (boolean and datatype == XSD_INTEGER)):
        value, datatype = ("true" if value == "1" else "false"), XSD_BOOLEAN
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"], normalize=False)
    return Literal(value, datatype=URIRef(datatype) if datatype else None, normalize=False)


def boolean_columns(rows: Rows) -> set[str]:
    """The columns of a golden file that hold booleans: every non-empty cell true or false."""
    header, body = rows[0], rows[1:]
    out = set()
    for index, name in enumerate(header):
        values = {row[index] for row in body if row[index]}
        if values and values <= {"true", "false"}:
            out.add(name)
    return out


def table(result: dict, booleans: Collection[str] = ()) -> Rows:
    """Header of variable names, then one row of golden cells per solution (test_competency.cell)."""
    variables = list(result["head"]["vars"])
    rows = [[cell(_term(solution.get(var), var in booleans)) for var in variables]
            for solution in result["results"]["bindings"]]
    return [variables] + rows


# ------------------------------------------------------------------------------------ server

@dataclass
class Server:
    """The running Virtuoso, the triple counts read right after loading, and how the first run of
    each case's query went (None: answered; else Virtuoso's refusal)."""

    virtuoso: Virtuoso
    counts: dict[str, int]
    first_run: dict[str, str | None]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A private Virtuoso with build/alkkg.ttl and build/alkkg-inferred.ttl in two named graphs.

    Right after loading, it counts each graph's triples and then runs every case's query once (the
    *first run*); the tests run each query a second time. Why: Virtuoso estimates a query's cost
    from index samples that it takes, and keeps, while compiling queries, so the estimate of one
    query changes with what the server ran before (we saw ten-fold changes between a query's first
    and second run, in both directions, and from one fresh server to the next). The counts make the
    starting state the same each time; the first run is the estimate a user sees who pastes the query
    into a freshly loaded store, the second one that of a store that has run other queries. A query
    refused by either fails its test."""
    server_path, isql = executables()
    if server_path is None:
        if os.environ.get("ALKKG_REQUIRE_TOOLS"):
            pytest.fail("virtuoso-t is not installed, and .ci/run requires it (apt-get install virtuoso-opensource-7-bin)")
        pytest.skip("virtuoso-t is not installed (apt-get install virtuoso-opensource-7-bin; .ci/run does)")
    if isql is None:
        pytest.fail("virtuoso-t is installed but not its isql (isql-vt), which loads the data", pytrace=False)
    instance = Virtuoso(tmp_path_factory.mktemp("virtuoso"), BUILD)
    try:
        problem: str | None = None
        counts: dict[str, int] = {}
        first_run: dict[str, str | None] = {}
        try:
            instance.start()
            for name, graph in GRAPHS.items():
                instance.load_turtle(BUILD / name, graph)
            for name, graph in GRAPHS.items():
                result = instance.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", graph)
                counts[name] = int(result["results"]["bindings"][0]["n"]["value"])
            for case in CASES:
                try:
                    instance.query(bound_text(case), graph_of(case))
                    first_run[case.id] = None
                except VirtuosoError as exc:
                    first_run[case.id] = str(exc)
        except VirtuosoError as exc:
            problem = f"Virtuoso: {exc}"
        if problem is not None:
            pytest.fail(problem, pytrace=False)
        yield Server(instance, counts, first_run)
    finally:
        instance.stop()
        left = running_pids(instance.ini)
        assert not left, f"virtuoso-t still running after stop: pids {left}"


def graph_of(case: Case) -> str:
    return GRAPHS[INFERRED if case.query.needs_inference else ASSERTED]


def bound_text(case: Case) -> str:
    return with_values(case.query.text, queries.bind_params(case.query, case.params))


def run(server: Server, case: Case) -> Rows:
    """The case's answer (second run) in golden cells; the test fails with Virtuoso's message if it
    refused the query on its first or its second run."""
    refusals = []
    first = server.first_run.get(case.id)
    if first is not None:
        refusals.append(f"first run (freshly loaded store): {first}")
    try:
        result = server.virtuoso.query(bound_text(case), graph_of(case))
    except VirtuosoError as exc:
        refusals.append(f"second run: {exc}")
        result = None
    if refusals:
        pytest.fail(f"{case.id}: Virtuoso refused the query on its " + "; on its ".join(refusals), pytrace=False)
    assert result is not None
    return table(result, boolean_columns(golden(case.folder, case.query.name)))


# ------------------------------------------------------------------------------------ tests

@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_each_graph_is_loaded_whole(server: Server, name: str) -> None:
    """Virtuoso holds as many triples as rdflib parses from the file (nothing dropped or merged)."""
    assert server.counts[name] == len(rdfio.parse_file(BUILD / name))


def oxigraph_answer(case: Case) -> Rows:
    """The case's answer from Oxigraph on the same file (the usual binding by substitution)."""
    query = case.query
    data = (BUILD / (INFERRED if query.needs_inference else ASSERTED)).read_text(encoding="utf-8")
    return competency_table(queries.run_oxigraph(data, "turtle", query, queries.bind_params(query, case.params)))


def diagnosis(case: Case, got: Rows, expected: Rows) -> str:
    """Whose difference it is: Virtuoso's, or build/'s (a build older than the golden files)."""
    try:
        other = oxigraph_answer(case)
    except Exception as exc:  # noqa: BLE001 - only a hint in a failure message
        return f"(Oxigraph on the same file could not run it: {exc})"
    if other == expected:
        return "Oxigraph on the same file gives the golden answer: the difference is Virtuoso's."
    if other == got:
        return ("Oxigraph on the same file gives the same answer as Virtuoso: build/ does not match the "
                "golden file (inputs or golden files changed since the last `alkkg build`?).")
    return f"Oxigraph on the same file gives yet another answer:\n{to_csv(other)}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_query_matches_golden_in_virtuoso(server: Server, case: Case) -> None:
    got = run(server, case)
    expected = case.expected()
    if got != expected:
        pytest.fail(f"{case.id} in Virtuoso differs from {case.folder.name}/expected/{case.query.name}.csv "
                    f"(rows in order). {diagnosis(case, got, expected)}\nGot:\n{to_csv(got)}"
                    f"Expected:\n{to_csv(expected)}", pytrace=False)


def test_with_values_puts_the_clause_inside_the_outer_where() -> None:
    head = '# where { not this one\nPREFIX a: <https://example.org/where#x>\n'
    text = head + "SELECT ?x WHERE { ?x a:p 'WHERE {' . { SELECT ?y WHERE { ?y ?p ?o } } }"
    bound = with_values(text, {"x": URIRef("https://example.org/x"), "y": Literal("a \"b\"")})
    assert bound == head + ("SELECT ?x WHERE {\n    VALUES ?x { <https://example.org/x> }\n    VALUES ?y { \"a \\\"b\\\"\" }"
                            " ?x a:p 'WHERE {' . { SELECT ?y WHERE { ?y ?p ?o } } }")
    assert with_values(text, {}) == text


def test_booleans_read_as_true_and_false() -> None:
    result = {"head": {"vars": ["flag", "exists", "count"]}, "results": {"bindings": [
        {"flag": {"type": "typed-literal", "datatype": XSD_BOOLEAN, "value": "1"},
         "exists": {"type": "typed-literal", "datatype": XSD_INTEGER, "value": "0"},
         "count": {"type": "typed-literal", "datatype": XSD_INTEGER, "value": "1"}}]}}
    assert table(result, {"exists"}) == [["flag", "exists", "count"], ["true", "false", "1"]]
    assert boolean_columns([["a", "b", "c"], ["true", "1", ""], ["", "0", ""]]) == {"a"}
