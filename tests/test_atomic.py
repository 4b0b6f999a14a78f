"""A build that fails while writing leaves the previous build/ exactly as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from alkkg import pipeline, rdfio
from alkkg.errors import OutputError
from alkkg.release import load_release


def write_manifest(folder: Path) -> None:
    """What a previous alkkg build leaves: a MANIFEST.json listing its files."""
    sha = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}
    (folder / "MANIFEST.json").write_text(json.dumps({"version": "0.1.0", "release_date": "2026-11-28",
                                                      "sha256": sha}))


class _Fake:
    def __init__(self, files: dict[str, str]) -> None:
        self.files = files
        self.release = load_release("2026-11-28")


def _project(tmp_path: Path) -> Path:
    (tmp_path / "ontology").mkdir()
    (tmp_path / "ontology" / "alkkg.ttl").write_text("")
    build = tmp_path / "build"
    build.mkdir()
    (build / "alkkg.ttl").write_text("previous\n")
    (build / "old-only.txt").write_text("old\n")
    write_manifest(build)
    return tmp_path


def test_interrupted_write_keeps_previous_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path)
    files = {f"file-{i}.txt": f"{i}\n" for i in range(5)}
    monkeypatch.setattr(pipeline, "assemble", lambda *a, **k: _Fake(files))
    real_write, calls = rdfio.write_text, []

    def flaky(path: Path, text: str) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        real_write(path, text)

    monkeypatch.setattr(rdfio, "write_text", flaky)
    with pytest.raises(OutputError, match="disk full"):
        pipeline.build(root)
    assert sorted(p.name for p in (root / "build").iterdir()) == ["MANIFEST.json", "alkkg.ttl", "old-only.txt"]
    assert (root / "build" / "alkkg.ttl").read_text() == "previous\n"
    assert [p.name for p in root.iterdir() if p.name.startswith(".build")] == []


def test_successful_build_replaces_the_whole_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path)
    monkeypatch.setattr(pipeline, "assemble", lambda *a, **k: _Fake({"alkkg.ttl": "new\n", "sub/x.txt": "x\n"}))
    pipeline.build(root)
    assert (root / "build" / "alkkg.ttl").read_text() == "new\n"
    assert not (root / "build" / "old-only.txt").exists()
    assert (root / "build" / "sub" / "x.txt").read_text() == "x\n"
    assert [p.name for p in root.iterdir() if p.name.startswith(".build")] == []


def test_an_unchanged_build_is_not_rewritten_and_a_damaged_one_is(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path)
    data = {"alkkg.ttl": "new\n", "sub/x.txt": "x\n"}
    files = {**data, "MANIFEST.json": pipeline._manifest(data, load_release("2026-11-28"))}
    monkeypatch.setattr(pipeline, "assemble", lambda *a, **k: _Fake(dict(files)))
    pipeline.build(root)
    build = root / "build"
    before = {p: p.stat().st_mtime_ns for p in build.rglob("*")}
    messages: list[str] = []
    pipeline.build(root, log=messages.append)
    assert any("nothing written" in m for m in messages)
    assert {p: p.stat().st_mtime_ns for p in build.rglob("*")} == before  # not even rewritten in place

    (build / "sub" / "x.txt").write_text("damaged\n")  # same MANIFEST, a file no longer matches it
    messages.clear()
    pipeline.build(root, log=messages.append)
    assert not any("nothing written" in m for m in messages)
    assert (build / "sub" / "x.txt").read_text() == "x\n"
