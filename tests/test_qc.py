"""Each ontology quality check fires on its fixture, in two engines, and ERROR checks pass on ours."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from alkkg.errors import QualityCheckError
from alkkg.pipeline import Artifacts
from alkkg.quality import fail_on_errors, load_checks, report_tsv, run_checks
from conftest import ROOT

QC = ROOT / "queries" / "qc"
FIXTURES = ROOT / "tests" / "qc_fixtures"
CHECKS = load_checks(QC)


def _oxigraph_rows(path: Path, query: str) -> list:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return list(store.query(query))


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_check_returns_entity_property_value(check) -> None:  # type: ignore[no-untyped-def]
    result = Graph().query(check.query)
    assert [str(v) for v in result.vars] == ["entity", "property", "value"]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_check_fires_on_its_fixture_in_both_engines(check) -> None:  # type: ignore[no-untyped-def]
    fixture = FIXTURES / f"{check.name}.ttl"
    assert fixture.is_file(), f"no fixture for {check.name}"
    graph = Graph().parse(fixture, format="turtle")
    rows = run_checks(graph, [check])
    assert rows, f"{check.name} did not fire on its fixture"
    assert len(_oxigraph_rows(fixture, check.query)) == len(list(graph.query(check.query)))


def test_every_fixture_has_a_check() -> None:
    assert {p.stem for p in FIXTURES.glob("*.ttl")} == {c.name for c in CHECKS}


def test_no_error_or_warning_on_our_ontology(artifacts: Artifacts) -> None:
    rows = run_checks(artifacts.ontology, CHECKS)
    assert [r for r in rows if r.level in ("ERROR", "WARN")] == []


def test_profile_lists_every_check_with_its_level() -> None:
    lines = (QC / "profile.tsv").read_text().strip().splitlines()[1:]
    profile = {line.split("\t")[0]: line.split("\t")[1] for line in lines}
    assert profile == {c.name: c.level for c in CHECKS}


def test_error_rows_fail_the_build() -> None:
    fixture = Graph().parse(FIXTURES / "missing_label.ttl", format="turtle")
    rows = run_checks(fixture, CHECKS)
    with pytest.raises(QualityCheckError, match="missing_label"):
        fail_on_errors(rows)
    assert report_tsv(rows).startswith("Level\tRule Name\tSubject\tProperty\tValue\n")


def _rows_of(name: str) -> set[tuple[str, str]]:
    check = next(c for c in CHECKS if c.name == name)
    graph = Graph().parse(FIXTURES / f"{name}.ttl", format="turtle")
    return {(row.entity, row.property) for row in run_checks(graph, [check])}


def test_label_language_tag_refuses_plain_typed_and_other_language_literals() -> None:
    """Labels, definitions and synonyms must be tagged exactly @en; @en ones are not reported."""
    assert _rows_of("label_language_tag") == {
        ("alkkg:Protein", "rdfs:label"),            # plain literal
        ("alkkg:Protein", "IAO:0000115"),           # xsd:string
        ("alkkge:ALK-gene", "skos:altLabel"),       # @de
        ("SO:0000704", "rdfs:label"),               # a declared external term, plain
    }


def test_gene_without_product_reports_only_the_unlinked_genes() -> None:
    """encodes (a sub-property of RO:0002205) and RO:0002205 itself link; another property does not."""
    assert _rows_of("gene_without_product") == {
        ("alkkge:MET-gene", "alkkg:encodes"),
        ("alkkge:IGF1R-gene", "alkkg:encodes"),
    }
