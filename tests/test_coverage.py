"""Coverage is computed from the text and fails the build on any gap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from alkkg.pipeline import Artifacts, Project, assemble
from alkkg.errors import CurationError
from alkkg.release import load_release


def test_every_sentence_number_and_marker_is_covered(artifacts: Artifacts) -> None:
    coverage = artifacts.coverage[0]
    assert coverage.gaps == []
    assert len(coverage.sentences) == 13 and all(s["claims"] for s in coverage.sentences)
    assert {n["text"] for n in coverage.numbers} == {"60", "8", "10", "12", "1", "3", "20", "50"}
    refs = {c["reference"] for c in coverage.citations}
    assert refs == set(range(1, 14)) | set(range(17, 24))
    acknowledged = [c for c in coverage.citations if c["acknowledged"]]
    assert [(c["sentence"], c["reference"]) for c in acknowledged] == [(1, 1)]


def test_coverage_files_agree(built: Path) -> None:
    (data,) = json.loads((built / "coverage.json").read_text())["documents"]
    assert data["gaps"] == []
    markdown = (built / "coverage.md").read_text()
    for sentence in data["sentences"]:
        assert ", ".join(sentence["claims"]) in markdown


def _without(project_copy: Path, claim_id: str) -> None:
    """Delete one claim, and every rests_on reference to it."""
    path = project_copy / "assertions" / "shaw-2014" / "claims.yaml"
    data = yaml.safe_load(path.read_text())
    kept = [c for c in data["claims"] if c["id"] != claim_id]
    assert len(kept) == len(data["claims"]) - 1, f"{claim_id} not found"
    for claim in kept:
        if claim_id in claim.get("rests_on", []):
            claim["rests_on"].remove(claim_id)
    data["claims"] = kept
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


@pytest.mark.parametrize("claim_id,gap", [
    ("s04-crizotinib-median-pfs", "number '8'"),
    ("s10-ceritinib-20-fold-more-potent", "sentence 10 has no claim"),
])
def test_removing_a_claim_opens_a_gap(project_copy: Path, claim_id: str, gap: str) -> None:
    _without(project_copy, claim_id)
    with pytest.raises(CurationError) as caught:
        assemble(Project(project_copy), load_release("2026-11-28"))
    assert gap in str(caught.value) and "coverage of shaw-2014 is incomplete" in str(caught.value)
