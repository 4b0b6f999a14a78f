"""alkkg synth: a synthetic, buildable benchmark project of exactly N claims, reproducible from its seed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.collection import Collection

from alkkg.claims import compile_document
from alkkg.cli import main
from alkkg.coverage import compute_coverage
from alkkg.curation import load_curation
from alkkg.errors import InputError
from alkkg.ontology import load_ontology
from alkkg.pinning import check_pin
from alkkg.pipeline import Project, assemble
from alkkg.prefixes import ALKKG, ALKKGE
from alkkg.quality import fail_on_errors, load_checks, run_checks
from alkkg.release import load_release
from alkkg.source import read_source
from alkkg.synth import PLACEHOLDER_COMMENT, synthesise
from conftest import RELEASE_DATE, ROOT

N = 40
SKOS_MATCH = URIRef("http://www.w3.org/2004/02/skos/core#exactMatch")
SKOS_ALT = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
DEFINITION = URIRef("http://purl.obolibrary.org/obo/IAO_0000115")


@pytest.fixture(scope="module")
def synth40(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "corpus"
    summary = synthesise(N, out, seed=1, project=Project(ROOT))
    assert summary.claims == N and sum(summary.kinds.values()) == N
    return out


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_folder_is_a_project_with_the_copied_inputs(synth40: Path) -> None:
    for name in ("shapes", "queries"):
        copied = _tree(synth40 / name)
        assert copied and copied == _tree(ROOT / name)
    ontology = (synth40 / "ontology" / "alkkg.ttl").read_text(encoding="utf-8")
    assert ontology.startswith((ROOT / "ontology" / "alkkg.ttl").read_text(encoding="utf-8"))
    documents = Project(synth40).documents()
    assert len(documents) == 1  # under 60 claims: one document
    for folder in documents:
        assert {p.name for p in folder.iterdir()} == {"document.yaml", "claims.yaml", "source.txt"}
    assert json.loads((synth40 / "synth.json").read_text())["claims"] == N


def test_same_seed_gives_the_same_bytes_and_another_seed_other_claims(synth40: Path, tmp_path: Path) -> None:
    synthesise(N, tmp_path / "again", seed=1, project=Project(ROOT))
    assert _tree(tmp_path / "again") == _tree(synth40)
    synthesise(N, tmp_path / "other", seed=2, project=Project(ROOT))
    other = _tree(tmp_path / "other")
    assert other.keys() & _tree(synth40).keys()
    assert other["assertions/synth-00001/claims.yaml"] != _tree(synth40)["assertions/synth-00001/claims.yaml"]


def test_every_document_loads_is_pinned_compiles_and_is_covered(synth40: Path) -> None:
    """The project's own loader and compiler (no reasoner): quotes at their offsets, no coverage gap."""
    project = Project(synth40)
    release = load_release(RELEASE_DATE)
    ontology = load_ontology(project.ontology, release)
    fail_on_errors(run_checks(ontology, load_checks(project.qc)))  # the synthetic entities pass QC
    claims = []
    for folder in project.documents():
        curation = load_curation(folder)
        text = read_source(curation.document.text_path)
        check_pin(curation, text)
        compiled = compile_document(curation, text, ontology, release.release_date)
        for item in compiled.located:
            assert text[item.start:item.end] == item.claim.quote
            assert item.claim.start in (None, item.start)
        assert compute_coverage(compiled).gaps == []
        assert curation.document.doi.startswith("10.5555/")  # Crossref's test prefix: no real article
        claims += [item.claim for item in compiled.located]
    assert len(claims) == N
    assert any(c.polarity == "negated" for c in claims)
    assert any(c.modality == "hedged" for c in claims)
    assert any(c.measurement is not None for c in claims)
    assert any(c.rests_on for c in claims)
    assert any(c.cites for c in claims)
    assert len({(c.subject, c.predicate, c.object) for c in claims}) > N // 2  # not one claim repeated


def test_synthetic_entities_are_marked_typed_and_distinct(synth40: Path) -> None:
    ontology = load_ontology(Project(synth40).ontology, load_release(RELEASE_DATE))
    synthetic = {s for s in ontology.subjects(RDF.type, OWL.NamedIndividual)
                 if isinstance(s, URIRef) and str(s).startswith(str(ALKKGE["synth-"]))}
    assert len(synthetic) > 20
    distinct = set()
    for node in ontology.subjects(RDF.type, OWL.AllDifferent):
        distinct |= set(Collection(ontology, ontology.value(node, OWL.distinctMembers)))
    for entity in synthetic:
        assert (entity, RDFS.comment, Literal(PLACEHOLDER_COMMENT, lang="en")) in ontology
        assert len(list(ontology.objects(entity, RDFS.label))) == 1
        assert len(list(ontology.objects(entity, DEFINITION))) == 1
        assert entity in distinct
        classes = set(ontology.objects(entity, RDF.type)) - {OWL.NamedIndividual}
        assert classes and all(str(c).startswith(str(ALKKG)) for c in classes)
        if classes & {ALKKG.Gene, ALKKG.Drug, ALKKG.Protein, ALKKG.ProteinKinase, ALKKG.ReceptorTyrosineKinase}:
            assert len(list(ontology.objects(entity, SKOS_MATCH))) == 1
            assert list(ontology.objects(entity, SKOS_ALT))
    genes = [e for e in synthetic if (e, RDF.type, ALKKG.Gene) in ontology]
    assert genes and all(ontology.value(g, ALKKG.encodes) in synthetic for g in genes)


def test_refuses_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        synthesise(10, tmp_path, project=Project(ROOT))
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
    with pytest.raises(InputError, match="inside the project"):
        synthesise(10, ROOT / "assertions" / "synthetic", project=Project(ROOT))
    assert not (ROOT / "assertions" / "synthetic").exists()


def test_cli_writes_the_corpus_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "cli"
    runner = CliRunner()
    result = runner.invoke(main, ["synth", "--claims", "75", "--out", str(out), "--seed", "3",
                                  "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert "75 claims" in result.stdout and "claims per kind:" in result.stdout
    assert len(Project(out).documents()) >= 2
    again = runner.invoke(main, ["synth", "--claims", "75", "--out", str(out), "--project", str(ROOT)])
    assert again.exit_code == 2 and "not empty" in again.stderr and "Traceback" not in again.output


@pytest.mark.slow
def test_a_synthetic_corpus_of_300_claims_builds(tmp_path: Path) -> None:
    """QC, HermiT (consistency, no unsatisfiable class) and SHACL all pass on a corpus of ~300 claims."""
    out = tmp_path / "corpus"
    synthesise(300, out, seed=7, project=Project(ROOT))
    artifacts = assemble(Project(out), load_release(RELEASE_DATE), cache=False)
    claims = sum(len(d.located) for d in artifacts.documents)
    print(f"built a synthetic corpus: {len(artifacts.documents)} documents, {claims} claims, "
          f"{len(artifacts.flat)} triples")
    assert claims == 300
    assert all(not coverage.gaps for coverage in artifacts.coverage)
    assert "no violations" in artifacts.files["reports/validation-report.txt"]
    assert "ERROR" not in artifacts.files["reports/qc-report.tsv"]
