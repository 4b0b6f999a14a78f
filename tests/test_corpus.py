"""alkkg corpus: the bounded-memory corpus path gives the build's quads and the shapes' verdict."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef

from alkkg import rdfio
from alkkg.claims import Vocabulary
from alkkg.cli import main
from alkkg.corpus import NQUADS, REPORT, build_corpus
from alkkg.errors import CurationError
from alkkg.nanopubs import check_nanopublications, release_dataset
from alkkg.ontology import load_ontology
from alkkg.pipeline import Project, compile_folder
from alkkg.release import load_release
from alkkg.synth import synthesise
from conftest import RELEASE_DATE, ROOT

# A shape every compiled claim breaks: proves that a violation found in the store stops the corpus.
ALWAYS_FIRES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix alkkg: <https://w3id.org/alkkg/vocab/> .
@prefix ex: <https://example.org/test#> .
ex:ClaimNeedsAWitnessShape a sh:NodeShape ;
    sh:targetClass alkkg:Claim ;
    sh:property [ sh:path ex:witness ; sh:minCount 1 ; sh:message "a claim needs a witness (test shape)" ] .
"""


N = 110  # claims: a few documents, so that two workers interleave


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "project"
    synthesise(N, folder, seed=7, project=Project(ROOT))
    return folder


@pytest.fixture(scope="module")
def corpus_out(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus-out")
    summary = build_corpus(corpus, out, release_date=RELEASE_DATE, jobs=2, store=out.parent / "store")
    assert summary.claims == N and summary.documents > 2 and summary.violations == 0
    return out


def _copy(corpus: Path, tmp_path: Path) -> Path:
    shutil.copytree(corpus, tmp_path / "project")
    return tmp_path / "project"


def test_quads_are_the_builds_complete_release(corpus: Path, corpus_out: Path) -> None:
    """The same quads as alkkg build's alkkg.nq for this corpus: ontology graph plus every nanopublication."""
    release = load_release(RELEASE_DATE)
    project = Project(corpus)
    ontology = load_ontology(project.ontology, release)
    vocabulary = Vocabulary(ontology)
    nanopubs = Dataset()
    for folder in project.documents():
        compiled, _ = compile_folder(folder, vocabulary, release.release_date)
        for quad in compiled.nanopubs.quads((None, None, None, None)):
            nanopubs.add(quad)  # type: ignore[arg-type]
    complete = release_dataset(nanopubs, {URIRef(release.version_iri): ontology})
    written = (corpus_out / NQUADS).read_text(encoding="utf-8")
    assert sorted(written.splitlines()) == rdfio.nquads(complete).splitlines()


def test_output_parses_with_two_parsers_and_is_well_formed(corpus_out: Path) -> None:
    release = load_release(RELEASE_DATE)
    dataset = Dataset()
    dataset.parse(corpus_out / NQUADS, format="nquads")
    check_nanopublications(dataset, other_graphs={URIRef(release.version_iri)})
    store = ox.Store()
    store.bulk_load(path=str(corpus_out / NQUADS), format=ox.RdfFormat.N_QUADS)
    assert len(store) == len(list(dataset.quads((None, None, None, None))))


def test_the_store_is_kept_and_holds_every_claim(corpus_out: Path) -> None:
    claims = ox.Store.read_only(str(corpus_out.parent / "store")).query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/alkkg/vocab/Claim> }")
    assert isinstance(claims, ox.QuerySolutions)
    assert int(next(iter(claims))["n"].value) == N


def test_cli_one_worker_same_bytes_and_a_violation_keeps_the_previous_output(corpus: Path, corpus_out: Path,
                                                                             tmp_path: Path) -> None:
    """One worker, and a memory budget so small that every document is a partition: the same bytes as
    two workers validating the whole graph in the kept store (tests/test_partitions.py compares the
    results of the two ways with violations)."""
    runner = CliRunner()
    out = tmp_path / "out"
    done = runner.invoke(main, ["corpus", "--project", str(corpus), "--out", str(out), "--jobs", "1",
                                "--memory-budget", "1", "--release-date", RELEASE_DATE, "-q"])
    assert done.exit_code == 0, done.output
    assert f"{N} claims" in done.output and "0 violations" in done.output
    partitions = int(done.output.split("validated ")[1].split(" partition")[0])
    assert partitions == len(list((corpus / "assertions").iterdir())) > 2
    for name in (NQUADS, REPORT):
        assert (out / name).read_bytes() == (corpus_out / name).read_bytes(), name
    assert sorted(p.name for p in out.iterdir()) == sorted([NQUADS, REPORT])  # no scratch left behind

    project = _copy(corpus, tmp_path)
    (project / "shapes" / "witness.ttl").write_text(ALWAYS_FIRES, encoding="utf-8")
    done = runner.invoke(main, ["corpus", "--project", str(project), "--out", str(out),
                                "--release-date", RELEASE_DATE, "-q"])
    assert done.exit_code == 1, done.output
    assert f"{N} violations" in done.output and "a claim needs a witness" in done.output
    assert "Traceback" not in done.output
    for name in (NQUADS, REPORT):
        assert (out / name).read_bytes() == (corpus_out / name).read_bytes(), name
    assert sorted(p.name for p in out.iterdir()) == sorted([NQUADS, REPORT])


def test_a_used_store_folder_is_refused(corpus: Path, tmp_path: Path) -> None:
    used = tmp_path / "used"
    used.mkdir()
    (used / "something").write_text("x")
    done = CliRunner().invoke(main, ["corpus", "--project", str(corpus), "--out", str(tmp_path / "o"),
                                     "--store", str(used)])
    assert done.exit_code == 2 and "must be new or empty" in done.output
    assert (used / "something").read_text() == "x"


def test_a_bad_document_is_named_and_nothing_is_written(corpus: Path, tmp_path: Path) -> None:
    project = _copy(corpus, tmp_path)
    victim = sorted((project / "assertions").iterdir())[1] / "claims.yaml"
    text = victim.read_text(encoding="utf-8")
    quote = next(line for line in text.splitlines() if line.strip().startswith("quote:"))
    victim.write_text(text.replace(quote, quote.split(":")[0] + ": \"words the source never says\"", 1),
                      encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(CurationError, match=rf"{victim.parent.name}.*claims.yaml.*not in the source text"):
        build_corpus(project, out, release_date=RELEASE_DATE, jobs=2)
    assert list(out.iterdir()) == []


def test_two_documents_with_one_id_are_refused(corpus: Path, tmp_path: Path) -> None:
    project = _copy(corpus, tmp_path)
    first = sorted((project / "assertions").iterdir())[0]
    shutil.copytree(first, project / "assertions" / "0-copy")  # compiled first: the clash is the second document
    with pytest.raises(CurationError, match="is used by both"):
        build_corpus(project, tmp_path / "out", release_date=RELEASE_DATE, jobs=1)


@pytest.mark.slow
def test_spawned_workers_write_the_same_bytes(corpus: Path, corpus_out: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is missing (macOS, Windows), each worker loads the ontology itself: same output."""
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    summary = build_corpus(corpus, tmp_path, release_date=RELEASE_DATE, jobs=2, memory_budget_mb=1)
    assert summary.partitions > 2  # validated by spawned workers too
    for name in (NQUADS, REPORT):
        assert (tmp_path / name).read_bytes() == (corpus_out / name).read_bytes(), name


@pytest.mark.slow  # a third corpus run (the CLI test already compares memory with the kept on-disk store)
def test_on_disk_validation_gives_the_same_output(corpus: Path, corpus_out: Path, tmp_path: Path) -> None:
    """The whole graph, too large for the memory budget, is validated in a temporary on-disk store: same bytes."""
    summary = build_corpus(corpus, tmp_path, release_date=RELEASE_DATE, jobs=2, memory_budget_mb=0, whole_graph=True)
    assert summary.partitions == 0 and "load" in summary.seconds
    for name in (NQUADS, REPORT):
        assert (tmp_path / name).read_bytes() == (corpus_out / name).read_bytes(), name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([NQUADS, REPORT])
