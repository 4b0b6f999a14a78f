"""Direct queries: the plain questions answered from plain triples and measurement nodes, no claim node.

Each file of ``queries/direct/`` runs on ``alkkg.ttl`` (``alkkg-inferred.ttl`` when it declares
``# requires: inference``) with rdflib and Oxigraph and must equal its hand-reviewed golden file
``queries/direct/expected/<name>.csv`` (same cell format as the competency queries).
"""

from __future__ import annotations

import csv
import re

import pytest

from alkkg import queries
from conftest import ROOT
from test_competency import ENGINES, Runner, _body, to_csv
from test_competency import graphs, run, texts  # noqa: F401 - the fixtures, shared

FOLDER = ROOT / "queries" / "direct"
EXPECTED = FOLDER / "expected"
ALL = queries.list_queries(FOLDER)
NAMES = [q.name for q in ALL]
#: the vocabulary of claim nodes; a direct query uses none of it
CLAIM_TERMS = ("alkkg:Claim", "claimSubject", "claimPredicate", "claimObject", "inSentence", "alkkg:quote",
               "alkkg:statement", "statesHypothesis", "alkkgc:")


def golden(name: str) -> list[list[str]]:
    with (EXPECTED / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_at_least_ten_direct_queries() -> None:
    assert len(ALL) >= 10, NAMES


def test_every_direct_query_has_a_golden_file() -> None:
    assert sorted(p.stem for p in EXPECTED.glob("*.csv")) == NAMES


@pytest.mark.parametrize("query", ALL, ids=NAMES)
def test_no_claim_node_is_needed(query: queries.NamedQuery) -> None:
    body = _body(query)
    for term in CLAIM_TERMS:
        assert term not in body, f"{query.name} uses {term}: a direct query must not go through claim nodes"
    assert query.question.endswith("?") and re.search(r"\bORDER BY\b", body)
    assert "SERVICE" not in body and not re.search(r"\bVALUES\b", body)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", NAMES)
def test_direct_query_matches_golden(run: Runner, name: str, engine: str) -> None:  # noqa: F811 - the fixture
    got = run(queries.find_query(name, FOLDER), engine)
    expected = golden(name)
    assert got == expected, (f"direct/{name} on {engine} differs from expected/{name}.csv; review the change "
                             f"by hand before updating the golden file. Got:\n{to_csv(got)}")
    assert len(got) > 1, f"direct/{name} answers nothing on the built graph"


def test_a_direct_query_is_found_by_the_cli_name() -> None:
    assert queries.find_query("direct/selectivity", ROOT / "queries" / "competency").path == FOLDER / "selectivity.rq"
