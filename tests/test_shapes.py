"""The SHACL shapes: valid fixtures conform; each invalid fixture fails on exactly the shape it names.

Fixtures live in tests/shapes/: ``base.ttl`` is a minimal valid graph (the few ontology triples
that sh:class needs, plus one small curated document with one claim); ``valid/*.ttl`` and
``invalid/<shape>-<case>.ttl`` are each read together with ``base.ttl`` (docs/shapes.md).

``<shape>`` is the local name of a named shape in shapes/alkkg-shapes.ttl: a property shape
(``Claim-quote``), a SPARQL constraint (``SourceText-quoteMatchesOffsets``) or a node shape with a
node-level constraint (``ClaimShape``, closed). The test checks WHICH shape fails: the set of
(source shape, result path) among the violations (plus the warnings, for a warning shape) must be
exactly that shape with its own path.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.term import Node

from alkkg.validation import load_shapes, validate
from conftest import ROOT

RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPE = Namespace("https://w3id.org/alkkg/shapes/")
FIXTURES = ROOT / "tests" / "shapes"
VALID = sorted((FIXTURES / "valid").glob("*.ttl"))
INVALID = sorted((FIXTURES / "invalid").glob("*.ttl"))
# Node-level constraint parameters: a node shape with one of these is itself a source of results.
NODE_LEVEL = (SH.closed, SH["or"], SH.xone, SH["and"], SH["not"], SH["class"], SH.datatype, SH.nodeKind,
              SH.pattern, SH["in"], SH.hasValue, SH.node)
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


# -- helpers shared with test_mutation.py -------------------------------------------------------

@cache
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


@contextmanager
def fast_validation() -> Iterator[None]:
    """Memoise what pyshacl and rdflib redo on every run with the same shapes (tests only).

    * rdflib parses each SPARQL text again on every query (~0.1 s for our checks): the parse and
      translation are memoised by query text (what rdflib's own prepareQuery does);
    * pyshacl rebuilds its ShapesGraph (the harvested shapes) on every run: one is kept per shapes
      graph.
    Evaluation is unchanged; test_fast_validation_gives_the_same_results checks the results equal
    those of a plain run.
    """
    import pyshacl.validator
    from rdflib.plugins.sparql import processor

    original_query = processor.SPARQLProcessor.query
    original_shapes_graph = pyshacl.validator.ShapesGraph
    prepared: dict[tuple, object] = {}
    harvested: dict[int, object] = {}

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items())))
            if key not in prepared:
                prepared[key] = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
            strOrQuery = prepared[key]
        return original_query(self, strOrQuery, initBindings, initNs, base, DEBUG)

    def shapes_graph(graph, *args, **kwargs):
        if id(graph) not in harvested:
            harvested[id(graph)] = (graph, original_shapes_graph(graph, *args, **kwargs))
        return harvested[id(graph)][1]

    processor.SPARQLProcessor.query = query
    pyshacl.validator.ShapesGraph = shapes_graph
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original_query
        pyshacl.validator.ShapesGraph = original_shapes_graph


def workers() -> int:
    """Two worker processes when fork is available and there are two cores, else one
    (ALKKG_TEST_WORKERS overrides)."""
    import multiprocessing
    import os

    if os.environ.get("ALKKG_TEST_WORKERS", "").isdigit():
        return max(1, int(os.environ["ALKKG_TEST_WORKERS"]))
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 2 if cpus >= 2 else 1


_GRAPHS: list[Graph] = []            # inherited by forked workers


def _run_one(index: int) -> list["Result"]:
    return run_shapes(_GRAPHS[index])


def run_all(graphs: list[Graph], processes: int | None = None) -> list[list["Result"]]:
    """Validate each graph (in forked worker processes when there are cores to spare)."""
    import multiprocessing

    global _GRAPHS
    processes = processes or workers()
    _GRAPHS = graphs
    try:
        with fast_validation():         # the forked workers inherit the memoising
            if processes > 1 and len(graphs) > 1:
                with multiprocessing.get_context("fork").Pool(processes) as pool:
                    return pool.map(_run_one, range(len(graphs)), chunksize=1)
            return [_run_one(i) for i in range(len(graphs))]
    finally:
        _GRAPHS = []


@dataclass(frozen=True)
class Result:
    """One validation result, named by the shape (or SPARQL constraint) it comes from."""

    severity: str
    source: str          # local name of the named SPARQL constraint, else of the source shape
    path: str            # "" for none; "^p" for an inverse path
    focus: Node
    value: Node | None
    component: str
    message: str = ""


def _path(report: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        inverse = report.value(node, SH.inversePath)
        return f"^{inverse}" if inverse is not None else str(node)
    return str(node)


def _local(node: Node | None) -> str:
    text = str(node or "")
    return text[len(str(SHAPE)):] if text.startswith(str(SHAPE)) else text


def results(report: Graph) -> list[Result]:
    found = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        constraint = report.value(r, SH.sourceConstraint)
        source = constraint if isinstance(constraint, URIRef) else report.value(r, SH.sourceShape)
        found.append(Result(
            severity=str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            source=_local(source),
            path=_path(report, report.value(r, SH.resultPath)),
            focus=report.value(r, SH.focusNode),
            value=report.value(r, SH.value),
            component=str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
            message=str(report.value(r, SH.resultMessage) or ""),
        ))
    return found


def run_shapes(data: Graph) -> list[Result]:
    return results(validate(data, shapes()).graph)


# -- the named shapes ---------------------------------------------------------------------------

def named_shapes(g: Graph) -> dict[str, tuple[str, str]]:
    """Every named source of results: local name -> (severity, expected result path).

    Property shapes report their own path. Node shapes with a node-level constraint report no
    path (sh:or, ...) or the offending property (sh:closed: "*", any path). SPARQL constraints
    report no path, or "*" when they select ?path (the property they check).
    """
    named: dict[str, tuple[str, str]] = {}
    for node in set(g.subjects()):
        if not isinstance(node, URIRef) or not str(node).startswith(str(SHAPE)) or node == URIRef(str(SHAPE)):
            continue
        severity = str(g.value(node, SH.severity) or SH.Violation).rsplit("#", 1)[-1]
        if (node, RDF.type, SH.SPARQLConstraint) in g:
            owner = next(g.subjects(SH.sparql, node))
            named[_local(node)] = (str(g.value(owner, SH.severity) or SH.Violation).rsplit("#", 1)[-1], "")
        elif (node, SH.path, None) in g:
            named[_local(node)] = (severity, _path(g, g.value(node, SH.path)))
        elif any((node, t, None) in g for t in TARGETS) and any((node, p, None) in g for p in NODE_LEVEL):
            named[_local(node)] = (severity, "*" if (node, SH.closed, None) in g else "")
    for name, (severity, _) in list(named.items()):
        select = g.value(SHAPE[name], SH.select)
        if select is not None and "?path" in str(select):
            named[name] = (severity, "*")      # the SPARQL constraint reports the property it checks
    return named


def fixture_shape(path: Path, names: dict[str, tuple[str, str]]) -> str:
    """The shape an invalid fixture is named for: the longest shape name that prefixes it."""
    stem = path.stem
    matches = [n for n in names if stem.startswith(n + "-")]
    if not matches:
        raise AssertionError(f"{path.name}: no named shape matches; name it <shape-local-name>-<case>.ttl")
    return max(matches, key=len)


@cache
def _base() -> Graph:
    return Graph().parse(FIXTURES / "base.ttl")


def fixture_graph(path: Path) -> Graph:
    """A fixture read together with base.ttl."""
    g = Graph()
    g += _base()
    g.parse(path)
    return g


# -- the tests ----------------------------------------------------------------------------------

NAMES = named_shapes(shapes())


def _describe(found: list[Result]) -> str:
    return "\n".join(f"  {r.severity} {r.source} {r.path or '-'} focus={r.focus} value={r.value}: {r.message}"
                     for r in found) or "  (nothing)"


def run_fast(graphs: list[Graph]) -> list[list[Result]]:
    """The same results from the shapes compiled to SPARQL over Oxigraph (alkkg.fastshacl), which
    tests/test_fastshacl.py proves equal to pyshacl's on every fixture and mutant (slow set)."""
    from alkkg import fastshacl

    compiled = fastshacl.compile_shapes(shapes())
    out = []
    for graph in graphs:
        found = []
        for r in compiled.validate(fastshacl.load_graph(graph)):
            source = r.source_constraint if isinstance(r.source_constraint, URIRef) else r.source_shape
            found.append(Result(severity=str(r.severity).rsplit("#", 1)[-1], source=_local(source),
                                path=_path(shapes(), r.path), focus=r.focus, value=r.value,
                                component=str(r.component).rsplit("#", 1)[-1], message=r.message))
        out.append(found)
    return out


@pytest.fixture(scope="module", params=[pytest.param("fastshacl"), pytest.param("pyshacl", marks=pytest.mark.slow)])
def found(request: pytest.FixtureRequest) -> dict[Path, list[Result]]:
    """The results of every fixture (base.ttl alone under its own path), validated in one go: by
    pyshacl, the reference users run (slow set), and by the compiled shapes (default run)."""
    paths = [FIXTURES / "base.ttl", *VALID, *INVALID]
    graphs = [Graph().parse(paths[0]), *(fixture_graph(p) for p in paths[1:])]
    validated = run_fast(graphs) if request.param == "fastshacl" else run_all(graphs)
    return dict(zip(paths, validated, strict=True))


def test_base_conforms_without_warnings(found: dict[Path, list[Result]]) -> None:
    results_ = found[FIXTURES / "base.ttl"]
    assert results_ == [], "base.ttl must conform without warnings:\n" + _describe(results_)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_conforms(path: Path, found: dict[Path, list[Result]]) -> None:
    assert found[path] == [], f"{path.name} must conform without warnings:\n" + _describe(found[path])


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_fails_on_its_shape_only(path: Path, found: dict[Path, list[Result]]) -> None:
    name = fixture_shape(path, NAMES)
    severity, path_expected = NAMES[name]
    counted = [r for r in found[path] if r.severity == "Violation" or severity != "Violation"]
    got = {(r.source, r.path) for r in counted}
    if path_expected == "*":               # closed shapes / ?path: one shape, any reported property
        ok = {source for source, _ in got} == {name} and all(p for _, p in got)
    else:
        ok = got == {(name, path_expected)}
    assert ok, (f"{path.name} must fail on exactly {name} (path {path_expected or 'none'}, {severity}), got:\n"
                + _describe(counted))
    assert all(r.severity == severity for r in counted if r.source == name)


def test_every_named_shape_has_an_invalid_fixture() -> None:
    covered = {fixture_shape(path, NAMES) for path in INVALID}
    missing = sorted(set(NAMES) - covered)
    assert not missing, "named shapes without an invalid fixture (tests/shapes/invalid/<shape>-<case>.ttl): " + ", ".join(missing)


def test_every_property_shape_is_used() -> None:
    """A named property shape that no node shape lists (and that has no target) never runs."""
    g = shapes()
    unused = [_local(node) for node in g.subjects(SH.path, None)
              if isinstance(node, URIRef) and (None, SH.property, node) not in g
              and not any((node, t, None) in g for t in TARGETS)]
    assert unused == []


def test_every_named_shape_has_a_message_and_severity() -> None:
    g = shapes()
    for name in NAMES:
        node = SHAPE[name]
        owner = next(g.subjects(SH.sparql, node), node)
        assert g.value(node, SH.message) is not None, f"{name} has no sh:message"
        assert g.value(owner, SH.severity) in (SH.Violation, SH.Warning), f"{name} has no explicit sh:severity"


def test_built_export_conforms_without_warnings(artifacts) -> None:
    assert artifacts.files["reports/validation-report.txt"] == "Conforms: no violations, no warnings.\n"


@pytest.mark.slow
def test_fast_validation_gives_the_same_results() -> None:
    """The memoising in fast_validation() does not change what the shapes report."""
    picks = [FIXTURES / "base.ttl", *VALID[:1], *INVALID[::25]]
    graphs = [Graph().parse(picks[0]), *(fixture_graph(p) for p in picks[1:])]

    def plain(g: Graph) -> list[tuple]:
        return sorted((r.severity, r.source, r.path, str(r.focus), str(r.value), r.component, r.message)
                      for r in run_shapes(g))

    expected = [plain(g) for g in graphs]
    with fast_validation():
        assert [plain(g) for g in graphs] == expected
