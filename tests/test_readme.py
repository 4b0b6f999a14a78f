"""The README opens with the two commands, and CI runs the README's test command verbatim."""

from __future__ import annotations

import re

from conftest import ROOT


def _blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.S)


def test_readme_opens_with_build_then_test_command() -> None:
    build, test = _blocks()[:2]
    assert "alkkg build" in build and "pip install" in build
    assert "pytest" in test and "'.[test]'" in test


def test_ci_runs_the_readme_test_command() -> None:
    test_command = _blocks()[1].strip()
    assert test_command in (ROOT / ".ci" / "run").read_text()


def test_ci_checks_reproducibility_and_installs_java() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "alkkg build --check" in ci
    assert "default-jre-headless" in ci
