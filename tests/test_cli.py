"""The CLI, through CliRunner and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from alkkg import __version__
from alkkg.cli import main
from conftest import ROOT
from test_atomic import write_manifest


def run(args: list[str], cwd: Path = ROOT) -> tuple[int, str, str]:
    runner = CliRunner()
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run(["--version"])
    assert code == 0 and __version__ in out


def test_query_list_shows_questions() -> None:
    code, out, _ = run(["query", "--list"])
    assert code == 0
    assert "drugs-inhibiting-target: Which drugs inhibit a given target" in out


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_runs_on_a_given_file_in_each_format(built: Path, fmt: str) -> None:
    code, out, err = run(["query", "drugs-inhibiting-target", "--data", str(built / "alkkg.ttl"),
                          "--param", "target=alkkge:ALK-protein", "--format", fmt])
    assert code == 0, err
    assert "ceritinib" in out and "crizotinib" in out
    if fmt == "json":
        data = json.loads(out)
        targets = {b["target"]["value"] for b in data["results"]["bindings"]}
        assert targets == {"https://w3id.org/alkkg/entity/ALK-protein"}


@pytest.mark.parametrize("data", ["alkkg.ttl", "alkkg.jsonld"])
def test_query_engines_agree(built: Path, data: str) -> None:
    outputs = [run(["query", "drugs-inhibiting-target", "--data", str(built / data),
                    "--format", "csv", "--engine", engine])[1] for engine in ("rdflib", "oxigraph")]
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 2


def test_unknown_query_and_parameter_exit_2(built: Path) -> None:
    code, _, err = run(["query", "no-such-query"])
    assert code == 2 and "unknown query 'no-such-query'" in err and "Traceback" not in err
    code, _, err = run(["query", "drugs-inhibiting-target", "--data", str(built / "alkkg.ttl"),
                        "--param", "colour=blue"])
    assert code == 2 and "has no parameter 'colour'" in err


def test_query_syntax_error_exit_2(built: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("# question: broken\nSELECT ?x WHERE { ?x ?y }\n")
    code, _, err = run(["query", str(bad), "--data", str(built / "alkkg.ttl")])
    assert code == 2 and "SPARQL syntax error" in err


@pytest.mark.slow  # pyshacl on the whole export (the build's own report is checked in the default run)
def test_validate_our_export_conforms(built: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.ttl"
    code, out, _ = run(["validate", str(built / "alkkg.ttl"), "--report", str(report)])
    assert code == 0, out
    assert "Conforms" in out and report.read_text().count("sh:conforms true") == 1


def test_validate_violation_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"  # the shapes fixtures' small valid graph, broken once
    text = (ROOT / "tests" / "shapes" / "base.ttl").read_text()
    assert "alkkg:polarity alkkg:asserted" in text
    broken.write_text(text.replace("alkkg:polarity alkkg:asserted", "alkkg:polarity alkkg:perhaps", 1))
    code, out, _ = run(["validate", str(broken)])
    assert code == 1 and "alkkg:polarity" in out and "Violation" in out


def test_validate_missing_or_unparsable_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run(["validate", str(tmp_path / "nope.ttl")])
    assert code == 2 and "file not found" in err and "Traceback" not in err
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is { not turtle")
    code, _, err = run(["validate", str(garbage)])
    assert code == 2 and "cannot parse" in err and "garbage.ttl" in err


def test_build_on_unparsable_ontology_is_one_line_error(project_copy: Path) -> None:
    (project_copy / "ontology" / "alkkg.ttl").write_text("@prefix broken")
    code, _, err = run(["build", "--quiet", "--project", str(project_copy)])
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "alkkg.ttl: cannot parse" in lines[0]


def test_build_on_missing_file(project_copy: Path) -> None:
    (project_copy / "assertions" / "shaw-2014" / "claims.yaml").unlink()
    code, _, err = run(["build", "--quiet", "--project", str(project_copy)])
    assert code == 2 and "claims.yaml: file not found" in err and "Traceback" not in err


def test_build_on_quote_not_in_source(project_copy: Path) -> None:
    claims = project_copy / "assertions" / "shaw-2014" / "claims.yaml"
    text = claims.read_text()
    claims.write_text(text.replace('quote: "tyrosine kinase inhibitor of ALK"',
                                   'quote: "tyrosine kinase inhibitor of MET"', 1))
    assert claims.read_text() != text, "fixture quote must exist in claims.yaml"
    code, _, err = run(["build", "--quiet", "--project", str(project_copy)])
    assert code == 1
    assert "claims.yaml:" in err and "is not in the source text" in err and "Traceback" not in err


def test_bad_release_date() -> None:
    code, _, err = run(["build", "--release-date", "28/11/2026"])
    assert code == 2 and "not a date YYYY-MM-DD" in err


def test_failed_build_leaves_previous_build_untouched(project_copy: Path) -> None:
    out = project_copy / "build"
    out.mkdir()
    (out / "alkkg.ttl").write_text("previous build\n")
    write_manifest(out)
    (project_copy / "assertions" / "shaw-2014" / "claims.yaml").write_text("claims: [\n")
    code, _, _ = run(["build", "--quiet", "--project", str(project_copy)])
    assert code == 1
    assert (out / "alkkg.ttl").read_text() == "previous build\n"
    assert sorted(p.name for p in out.iterdir()) == ["MANIFEST.json", "alkkg.ttl"]
    assert sorted(p.name for p in project_copy.iterdir() if p.name.startswith(".build")) == []


def test_subprocess_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "alkkg", "--version"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and __version__ in result.stdout
    result = subprocess.run([sys.executable, "-m", "alkkg", "query", "nope"], capture_output=True,
                            text=True, check=False, cwd=ROOT)
    assert result.returncode == 2 and "unknown query" in result.stderr and "Traceback" not in result.stderr
