"""The reasoner's cache: a hit gives the same result without HermiT; any change to the input misses;
a damaged entry is recomputed; a build gives the same bytes with and without the cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from alkkg import reasoning
from alkkg.cache import CACHE_FOLDER, StageCache, graph_digest
from alkkg.errors import InputError
from alkkg.pipeline import Project, assemble, compare_trees, write_tree
from alkkg.release import load_release
from conftest import RELEASE_DATE, ROOT

TBOX = """
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <https://example.org/cache/> .
ex:Drug a owl:Class .
ex:Inhibitor a owl:Class ; rdfs:subClassOf ex:Drug .
ex:Kinase a owl:Class .
ex:inhibits a owl:ObjectProperty ; rdfs:domain ex:Inhibitor ; rdfs:range ex:Kinase .
[] a owl:AllDisjointClasses ; owl:members ( ex:Drug ex:Kinase ) .
"""
ABOX = """
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix ex: <https://example.org/cache/> .
ex:ceritinib a owl:NamedIndividual ; ex:inhibits ex:alk .
ex:alk a owl:NamedIndividual .
"""


def _graph(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def test_isomorphic_graphs_have_one_digest_and_a_change_another() -> None:
    first, second = _graph(TBOX), _graph(TBOX)  # two parses: different blank-node labels
    assert graph_digest(first) == graph_digest(second)
    changed = _graph(TBOX.replace("ex:Kinase ) ", "ex:Inhibitor ) "))
    assert graph_digest(changed) != graph_digest(first)


def test_entries_round_trip_and_a_damaged_entry_is_dropped(tmp_path: Path) -> None:
    cache = StageCache(tmp_path)
    assert cache.get("stage", "k1") is None
    cache.put("stage", "k1", "<a> <b> <c> .\n")
    assert cache.get("stage", "k1") == "<a> <b> <c> .\n"
    entry = tmp_path / "stage" / "k1.txt"
    entry.write_text(entry.read_text(encoding="utf-8").replace("<c>", "<d>"), encoding="utf-8")
    assert cache.get("stage", "k1") is None
    assert not entry.exists()
    assert StageCache(None).get("stage", "k1") is None


def test_a_hit_needs_no_reasoner_and_a_change_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = StageCache(tmp_path)
    base, parts = _graph(TBOX), {"c1": _graph(ABOX)}
    cold = reasoning.reason(base, parts, cache)
    assert len(cold.inferred) > 0 and cache.misses == 1

    def no_hermit(_graph: Graph) -> None:
        raise AssertionError("HermiT ran although the cache holds this input")

    monkeypatch.setattr(reasoning, "_run_hermit", no_hermit)
    warm = reasoning.reason(_graph(TBOX), {"c1": _graph(ABOX)}, cache)
    assert set(warm.inferred) == set(cold.inferred) and cache.hit_stages == ["reasoning"]
    with pytest.raises(AssertionError, match="HermiT ran"):
        reasoning.reason(base, {"c1": _graph(ABOX.replace("ex:alk a", "ex:met a"))}, cache)


@pytest.mark.slow
def test_a_build_is_the_same_bytes_with_a_cold_cache_a_warm_cache_and_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ALKKG_CACHE_DIR", raising=False)  # the project's own .alkkg-cache/, cold
    for name in ("ontology", "assertions", "shapes", "queries"):
        shutil.copytree(ROOT / name, tmp_path / "project" / name)
    project = Project(tmp_path / "project")
    release = load_release(RELEASE_DATE)
    trees = {}
    for run, cache in (("cold", True), ("warm", True), ("none", False)):
        artifacts = assemble(project, release, cache=cache)
        write_tree(artifacts.files, tmp_path / run)
        trees[run] = tmp_path / run
    assert (project.root / CACHE_FOLDER / "reasoning").is_dir()
    assert compare_trees(trees["cold"], trees["warm"]) == []
    assert compare_trees(trees["cold"], trees["none"]) == []
    assert compare_trees(trees["cold"], ROOT / "build") == []


def test_a_validation_report_is_read_back_for_the_same_data_and_shapes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyshacl

    from alkkg.validation import validate

    def shapes() -> Graph:  # fresh each time: pyshacl adds triples to the shapes graph it is given
        return _graph("""
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix ex: <https://example.org/cache/> .
            ex:Shape a sh:NodeShape ; sh:targetClass ex:Drug ; sh:property ex:Shape-label .
            ex:Shape-label a sh:PropertyShape ; sh:path ex:label ; sh:minCount 1 .""")

    data = _graph("@prefix ex: <https://example.org/cache/> . ex:ceritinib a ex:Drug .")
    cache = StageCache(tmp_path)
    cold = validate(data, shapes(), cache=cache)
    assert cold.violations

    def no_pyshacl(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("pyshacl ran although the cache holds this report")

    monkeypatch.setattr(pyshacl, "validate", no_pyshacl)
    warm = validate(data, shapes(), cache=cache)
    assert warm.findings == cold.findings and warm.text() == cold.text()
    data.remove((None, None, None))
    with pytest.raises(InputError, match="pyshacl ran"):  # validate() names a failing pyshacl so
        validate(data, shapes(), cache=cache)


SERVICE_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
    sh:sparql [ sh:select "SELECT $this WHERE { SERVICE <https://example.org/sparql> { $this ?p ?o } }" ] .
"""


def test_shapes_safety_check_remembers_passes_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from alkkg import queries
    from alkkg.validation import load_shapes

    cache = StageCache(tmp_path / "cache")
    first = load_shapes(ROOT / "shapes", cache=cache)
    assert list((tmp_path / "cache" / "sparql-safety").iterdir())  # every constraint found safe, remembered

    def no_parse(*_args: object) -> None:
        raise AssertionError("a remembered constraint was parsed again")

    monkeypatch.setattr(queries, "parse_sparql", no_parse)
    assert len(load_shapes(ROOT / "shapes", cache=cache)) == len(first)
    monkeypatch.undo()

    unsafe = tmp_path / "unsafe"
    unsafe.mkdir()
    (unsafe / "s.ttl").write_text(SERVICE_SHAPE, encoding="utf-8")
    for _ in range(2):  # a refusal is never remembered as a pass
        with pytest.raises(InputError, match="SERVICE"):
            load_shapes(unsafe, cache=cache)
