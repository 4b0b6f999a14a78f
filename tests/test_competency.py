"""Competency queries: every file of queries/competency/ answers its question on the built graph.

Each query runs on ``alkkg.ttl`` (or ``alkkg-inferred.ttl`` when it declares ``# requires:
inference``) with rdflib and with Oxigraph, and both results must equal, row for row and in order,
the hand-reviewed golden file ``queries/competency/expected/<name>.csv``.

Golden cell format: an IRI as a CURIE of the project prefix map (``alkkg.prefixes.compress``), a
literal as its lexical form, an unbound variable as an empty cell. The one normalisation: an
``xsd:decimal`` is written in its canonical form (``60.0``), because Oxigraph does not keep the
lexical form of decimals (it returns ``60``) while rdflib does.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import OWL, BNode, Graph, Literal, URIRef

from alkkg import queries, rdfio
from alkkg.prefixes import compress
from conftest import ROOT

FOLDER = ROOT / "queries" / "competency"
EXPECTED = FOLDER / "expected"
README = FOLDER / "README.md"
ALL = queries.list_queries(FOLDER)
NAMES = [q.name for q in ALL]
ENGINES = ("rdflib", "oxigraph")
ASSERTED, INFERRED = "alkkg.ttl", "alkkg-inferred.ttl"
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")

Rows = list[list[str]]
Runner = Callable[..., Rows]  # run(query, engine, params=None, data=None)


# ------------------------------------------------------------------------------------ rendering

def _canonical_decimal(lexical: str) -> str:
    text = format(Decimal(lexical), "f")
    if "." not in text:
        return text + ".0"
    text = text.rstrip("0")
    return text + "0" if text.endswith(".") else text


def cell(term: object) -> str:
    """One golden cell: CURIE for an IRI, lexical form for a literal, empty when unbound."""
    if term is None:
        return ""
    assert not isinstance(term, BNode), "a competency query must not return blank nodes"
    if isinstance(term, URIRef):
        return compress(str(term))
    assert isinstance(term, Literal)
    if term.datatype == XSD_DECIMAL:
        return _canonical_decimal(str(term))
    return str(term)


def table(result: queries.QueryResult) -> Rows:
    """Header row of variable names, then one row of cells per solution."""
    return [list(result.variables)] + [[cell(t) for t in row] for row in result.rows]


def golden(name: str) -> Rows:
    with (EXPECTED / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return [row for row in csv.reader(handle)]


def to_csv(rows: Rows) -> str:
    """The golden-file text of *rows* (what a reviewed golden file looks like)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


# ------------------------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def graphs(built: Path) -> dict[str, Graph]:
    """Each built graph parsed once for rdflib."""
    return {name: rdfio.parse_file(built / name) for name in (ASSERTED, INFERRED)}


@pytest.fixture(scope="module")
def texts(built: Path) -> dict[str, str]:
    """Each built graph read once for Oxigraph (which loads it into a fresh in-memory store)."""
    return {name: (built / name).read_text(encoding="utf-8") for name in (ASSERTED, INFERRED)}


@pytest.fixture(scope="module")
def run(graphs: dict[str, Graph], texts: dict[str, str]) -> Runner:
    """run(query, engine, params=None, data=None) -> rows in the golden-cell format."""

    def _run(query: queries.NamedQuery, engine: str, params: dict[str, str] | None = None,
             data: str | None = None) -> Rows:
        bindings = queries.bind_params(query, params or {})
        source = data or (INFERRED if query.needs_inference else ASSERTED)
        if engine == "rdflib":
            return table(queries.run_rdflib(graphs[source], query, bindings))
        return table(queries.run_oxigraph(texts[source], "turtle", query, bindings))

    return _run


def _query(name: str) -> queries.NamedQuery:
    return queries.find_query(name, FOLDER)


def _body(query: queries.NamedQuery) -> str:
    """The query text without comments (a '#' inside an IRI or a string is kept)."""
    return "\n".join(re.sub(r"(^|\s)#.*$", "", line) for line in query.text.splitlines())


# ------------------------------------------------------------------------------------ the files

def test_at_least_fifteen_queries() -> None:
    assert len(ALL) >= 15, NAMES


@pytest.mark.parametrize("query", ALL, ids=NAMES)
def test_query_headers(query: queries.NamedQuery) -> None:
    assert query.text.startswith("# question: "), "the file must open with '# question: ...'"
    assert query.question.endswith("?") and len(query.question) > 20
    body = _body(query)
    for param in query.params:
        assert re.search(rf"[?$]{re.escape(param)}\b", body), f"param {param!r} is not used in the query"
        projected = body[body.index("SELECT"):body.index("WHERE")]
        assert re.search(rf"[?$]{re.escape(param)}\b", projected), \
            f"param {param!r} must be a result column, so that a bound run shows its value"
    declared = re.findall(r"^# requires:\s*(.*)$", query.text, flags=re.M)
    assert all(value.strip() == "inference" for value in declared)


@pytest.mark.parametrize("query", ALL, ids=NAMES)
def test_query_is_portable_and_deterministic(query: queries.NamedQuery) -> None:
    body = _body(query)
    assert re.search(r"\bORDER BY\b", body), "every query needs an ORDER BY that makes the row order total"
    assert not re.search(r"\bVALUES\b", body), \
        "no VALUES block: rdflib then evaluates the rest of the group unjoined (slow); use FILTER IN"
    for prefix in re.findall(r"PREFIX\s+\S*:\s*<([^>]*)>", body):
        assert not re.search(r"jena|openlinksw|ontotext|oxigraph|rdflib|stardog|bigdata", prefix), \
            f"engine-specific namespace {prefix}: the files must stay plain SPARQL 1.1"
    assert "SERVICE" not in body and "GROUP_CONCAT" not in body, \
        "GROUP_CONCAT's order is engine-defined; return one row per value instead"


def test_every_query_has_a_golden_file_and_every_golden_file_a_query() -> None:
    goldens = sorted(p.stem for p in EXPECTED.glob("*.csv"))
    assert goldens == NAMES


def test_readme_lists_every_query() -> None:
    text = README.read_text(encoding="utf-8")
    for name in NAMES:
        assert f"alkkg query {name}" in text, f"queries/competency/README.md has no row for {name}"


# ------------------------------------------------------------------------------------ goldens

@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", NAMES)
def test_query_matches_golden(run: Runner, name: str, engine: str) -> None:
    got = run(_query(name), engine)
    expected = golden(name)
    assert got[0] == expected[0], "result columns differ from the golden header"
    assert got == expected, (f"{name} on {engine} differs from expected/{name}.csv; review the "
                             f"change by hand before updating the golden file. Got:\n{to_csv(got)}")
    assert len(got) > 1, f"{name} answers nothing on the built graph"


@pytest.mark.parametrize("name", [q.name for q in ALL if q.needs_inference])
def test_inference_queries_need_the_inferred_graph(run: Runner, name: str) -> None:
    """The `# requires: inference` header is truthful: on the asserted graph the answer differs."""
    assert run(_query(name), "oxigraph", data=ASSERTED) != golden(name)


@pytest.mark.parametrize("name", [q.name for q in ALL if not q.needs_inference])
def test_asserted_queries_answer_the_same_on_the_inferred_graph(run: Runner, name: str) -> None:
    """So a store loaded with alkkg-inferred.ttl alone answers every query (README)."""
    assert run(_query(name), "oxigraph", data=INFERRED) == golden(name)


def test_inferred_types_are_the_reasoner_inferences(run: Runner, built: Path) -> None:
    """inferred-types on the inferred graph minus the same on the asserted graph = HermiT's output."""
    query = _query("inferred-types")
    inferred = {tuple(r) for r in run(query, "rdflib")[1:]}
    asserted = {tuple(r) for r in run(query, "rdflib", data=ASSERTED)[1:]}
    ontology = rdfio.parse_file(built / "alkkg-ontology.ttl")
    defined = {compress(str(c)) for c in ontology.subjects(OWL.equivalentClass, None) if isinstance(c, URIRef)}
    reasoner = set()
    for line in (built / "reports" / "reasoning.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        subject, predicate, obj = line.split("\t")
        if predicate == "rdf:type" and subject.startswith("alkkge:") and obj in defined:
            reasoner.add((subject, obj))
    assert {(r[0], r[2]) for r in inferred - asserted} == reasoner
    assert {(r[0], r[2]) for r in asserted} <= {(r[0], r[2]) for r in inferred}


# ------------------------------------------------------------------------------------ parameters

def _param_cases() -> list[tuple[str, str]]:
    return [(q.name, p) for q in ALL for p in q.params]


@pytest.mark.parametrize(("name", "param"), _param_cases(), ids=[f"{n}-{p}" for n, p in _param_cases()])
def test_binding_a_parameter_filters_the_default_answer(run: Runner, name: str, param: str) -> None:
    """Bound to a value of its column in the golden file, a parameter keeps exactly those rows."""
    expected = golden(name)
    column = expected[0].index(param)
    values = [row[column] for row in expected[1:] if row[column]]
    assert values, f"golden file of {name} has no value for {param}"
    value = values[-1]
    subset = [expected[0]] + [row for row in expected[1:] if row[column] == value]
    for engine in ENGINES:
        assert run(_query(name), engine, {param: value}) == subset, engine


def _both(run: Runner, name: str, params: dict[str, str]) -> Rows:
    """Run on both engines, check they agree, return the rows without the header."""
    rdflib_rows = run(_query(name), "rdflib", params)
    oxigraph_rows = run(_query(name), "oxigraph", params)
    assert rdflib_rows == oxigraph_rows
    return rdflib_rows[1:]


def _column(rows: Rows, header: list[str], name: str) -> list[str]:
    return [row[header.index(name)] for row in rows]


def test_met_is_inhibited_by_crizotinib_only(run: Runner) -> None:
    rows = _both(run, "drugs-inhibiting-target", {"target": "alkkge:MET-protein"})
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("alkkge:crizotinib", "alkkge:MET-protein", "alkkgc:shaw-2014-s11-crizotinib-inhibits-met")]


def test_ceritinib_inhibits_alk_and_igf1r_but_not_met(run: Runner) -> None:
    rows = _both(run, "targets-of-drug", {"drug": "alkkge:ceritinib"})
    assert [(r[2], r[4]) for r in rows] == [("alkkge:ALK-protein", "alkkg:asserted"),
                                           ("alkkge:IGF1R-protein", "alkkg:asserted"),
                                           ("alkkge:MET-protein", "alkkg:negated")]


def test_what_distinguishes_crizotinib_from_ceritinib(run: Runner) -> None:
    header = golden("drug-comparison")[0]
    rows = _both(run, "drug-comparison", {"drug": "alkkge:crizotinib", "other": "alkkge:ceritinib"})
    assert [(r[header.index("target")], r[header.index("basis")], r[header.index("otherClaim")])
            for r in rows] == [("alkkge:MET-protein", "negated claim",
                                "alkkgc:shaw-2014-s11-ceritinib-does-not-inhibit-met")]
    rows = _both(run, "drug-comparison", {"drug": "alkkge:ceritinib", "other": "alkkge:crizotinib"})
    assert [(r[header.index("target")], r[header.index("basis")]) for r in rows] == [
        ("alkkge:IGF1R-protein", "no claim")]


def test_crizotinib_outcomes_in_advanced_alk_positive_nsclc(run: Runner) -> None:
    header = golden("drug-outcomes")[0]
    rows = _both(run, "drug-outcomes", {"drug": "alkkge:crizotinib",
                                        "population": "alkkge:advanced-ALK-rearranged-NSCLC-patients"})
    values = {r[header.index("outcome")]: (r[header.index("value")], r[header.index("minValue")],
                                           r[header.index("maxValue")], r[header.index("unitLabel")],
                                           r[header.index("approximate")]) for r in rows}
    assert values == {"alkkg:ObjectiveResponseRate": ("60.0", "", "", "percent", "true"),
                      "alkkg:MedianProgressionFreeSurvival": ("", "8.0", "10.0", "month", "false")}


def test_no_resistance_to_ceritinib_is_claimed(run: Runner) -> None:
    assert _both(run, "resistance-mechanisms", {"drug": "alkkge:ceritinib"}) == []
    header = golden("resistance-mechanisms")[0]
    rows = _both(run, "resistance-mechanisms", {"drug": "alkkge:crizotinib"})
    classes = _column(rows, header, "mechanismClass")
    assert classes.count("alkkg:OnTargetResistanceMechanism") == 2
    assert classes.count("alkkg:ALKIndependentResistanceMechanism") == 1


def test_describe_crizotinib_shows_it_as_comparator(run: Runner) -> None:
    header = golden("describe-entity")[0]
    rows = _both(run, "describe-entity", {"entity": "alkkge:crizotinib"})
    pairs = set(zip(_column(rows, header, "role"), _column(rows, header, "claim"), strict=True))
    assert ("alkkg:comparedWith", "alkkgc:shaw-2014-s10-ceritinib-20-fold-more-potent") in pairs
    assert ("alkkg:claimSubject", "alkkgc:shaw-2014-s11-crizotinib-inhibits-met") in pairs
    assert set(_column(rows, header, "entity")) == {"alkkge:crizotinib"}


def test_quote_offsets_and_reference_of_the_met_negation(run: Runner) -> None:
    header = golden("claim-evidence")[0]
    rows = _both(run, "claim-evidence", {"claim": "alkkgc:shaw-2014-s11-ceritinib-does-not-inhibit-met"})
    assert [(r[header.index("exact")], r[header.index("start")], r[header.index("end")],
             r[header.index("referenceNumber")]) for r in rows] == [
        ("ceritinib will not inhibit the kinase activity of MET", "1402", "1455", "23")]


def test_quotes_lie_at_their_offsets_in_the_source_text(graphs: dict[str, Graph]) -> None:
    """claim-evidence's exact/start/end agree with the source text held in the graph."""
    texts = list(graphs[ASSERTED].objects(None, URIRef("https://w3id.org/alkkg/vocab/text")))
    assert len(texts) == 1
    rows = golden("claim-evidence")
    header = rows[0]
    for row in rows[1:]:
        start, end = int(row[header.index("start")]), int(row[header.index("end")])
        assert str(texts[0])[start:end] == row[header.index("exact")], row[0]
