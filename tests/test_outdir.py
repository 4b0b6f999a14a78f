"""The output folder: never delete what alkkg did not write, survive kill -9, lock, report disk errors.

Fast: no real ``assemble()`` (patched to return small fake trees); crashes run in subprocesses
that import only ``alkkg.outdir``.
"""

from __future__ import annotations

import doctest
import errno
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from alkkg import outdir, pipeline, rdfio, reasoning
from alkkg.cli import main
from alkkg.errors import OutputError
from alkkg.release import load_release


def _tree(tag: str) -> dict[str, str]:
    """A small build: a subfolder, a file only this tag has, and an alkkg MANIFEST."""
    files = {"alkkg.ttl": f"# {tag}\n", f"{tag}-only.txt": f"{tag}\n", "reports/qc.tsv": f"level\t{tag}\n"}
    hashes = {name: hashlib.sha256(text.encode()).hexdigest() for name, text in sorted(files.items())}
    files["MANIFEST.json"] = json.dumps({"version": tag, "release_date": "2026-11-28", "sha256": hashes}) + "\n"
    return files


OLD, NEW = _tree("old"), _tree("new")


def _expected(files: dict[str, str]) -> dict[str, bytes]:
    return {name: text.encode() for name, text in files.items()}


def _read(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _leftovers(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir()
                  if p.name.startswith((f".{target.name}.new-", f".{target.name}.old-")))


class _Fake:
    def __init__(self, files: dict[str, str]) -> None:
        self.files = files
        self.release = load_release("2026-11-28")


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A project (found by its ontology file) with curated data that must never be touched."""
    project = tmp_path / "project"
    (project / "ontology").mkdir(parents=True)
    (project / "ontology" / "alkkg.ttl").write_text("# ontology\n")
    (project / "assertions" / "doc").mkdir(parents=True)
    (project / "assertions" / "doc" / "document.yaml").write_text("id: doc\n")
    return project


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Patch assemble to return NEW; the list records each call."""
    made: list[str] = []

    def fake(*_a: Any, **_k: Any) -> _Fake:
        made.append("assemble")
        return _Fake(dict(NEW))

    monkeypatch.setattr(pipeline, "assemble", fake)
    return made


def _install(target: Path, files: dict[str, str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    outdir.install(target, lambda staging: outdir.write_files(files, staging))


# --- 1. nothing is deleted that alkkg did not write ---------------------------------------------


def test_out_into_a_folder_with_a_user_file_is_refused_before_assemble(root: Path, tmp_path: Path,
                                                                        calls: list[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "thesis.md").write_bytes(b"my only copy\n")
    with pytest.raises(OutputError) as info:
        pipeline.build(root, out=folder)
    message = str(info.value)
    assert str(folder) in message and "MANIFEST.json" in message and "empty or new folder" in message
    assert calls == []
    assert (folder / "thesis.md").read_bytes() == b"my only copy\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "project"]  # not even a lock file


def test_cli_refuses_a_folder_with_a_user_file_with_exit_2(root: Path, tmp_path: Path, calls: list[str]) -> None:
    folder = root / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_bytes(b"keep me\n")
    result = CliRunner().invoke(main, ["build", "--out", str(folder), "--project", str(root)])
    assert result.exit_code == 2, result.output
    assert str(folder) in result.output and "alkkg did not write" in result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert calls == []
    assert (folder / "todo.txt").read_bytes() == b"keep me\n"


def test_the_real_assertions_folder_is_refused(root: Path, calls: list[str]) -> None:
    before = _read(root / "assertions")
    result = CliRunner().invoke(main, ["build", "--out", str(root / "assertions"), "--project", str(root)])
    assert result.exit_code == 2 and "inside the project's inputs" in result.output
    assert _read(root / "assertions") == before and calls == []


@pytest.mark.parametrize("where", ["root", "parent", "inside-inputs"])
def test_project_root_its_parents_and_inputs_are_refused(root: Path, calls: list[str], where: str) -> None:
    out = {"root": root, "parent": root.parent, "inside-inputs": root / "assertions" / "new"}[where]
    why = "inside the project's inputs" if where == "inside-inputs" else "is the project folder or contains it"
    with pytest.raises(OutputError, match=why):
        pipeline.build(root, out=out)
    assert calls == [] and (root / "assertions" / "doc" / "document.yaml").read_text() == "id: doc\n"


def test_a_file_or_a_symlink_target_is_refused(root: Path, tmp_path: Path, calls: list[str]) -> None:
    a_file = tmp_path / "out.txt"
    a_file.write_text("data\n")
    with pytest.raises(OutputError, match="is a file"):
        pipeline.build(root, out=a_file)
    real = tmp_path / "real"
    _install(real, OLD)
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(OutputError, match="symbolic link"):
        pipeline.build(root, out=link)
    assert calls == [] and a_file.read_text() == "data\n" and link.is_symlink() and _read(real) == _expected(OLD)


def test_empty_and_new_folders_and_earlier_builds_are_accepted(root: Path, tmp_path: Path, calls: list[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    pipeline.build(root, out=empty)
    assert _read(empty) == _expected(NEW)
    pipeline.build(root, out=tmp_path / "new" / "deep")
    assert _read(tmp_path / "new" / "deep") == _expected(NEW)
    earlier = tmp_path / "earlier"
    _install(earlier, OLD)
    pipeline.build(root, out=earlier)
    assert _read(earlier) == _expected(NEW)  # old-only.txt, listed in the old MANIFEST, is gone
    assert calls == ["assemble"] * 3
    assert _leftovers(earlier) == []


def test_an_unlisted_file_in_an_earlier_build_is_refused_and_kept(root: Path, tmp_path: Path, calls: list[str]) -> None:
    earlier = tmp_path / "build"
    _install(earlier, OLD)
    (earlier / "reports" / "my-notes.txt").write_text("mine\n")
    with pytest.raises(OutputError, match=r"not in its MANIFEST.json\): reports/my-notes.txt"):
        pipeline.build(root, out=earlier)
    assert calls == [] and (earlier / "reports" / "my-notes.txt").read_text() == "mine\n"


def test_a_file_saved_into_the_target_during_the_build_stops_the_swap(root: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "build"
    _install(target, OLD)

    def slow_assemble(*_a: Any, **_k: Any) -> _Fake:
        (target / "draft.txt").write_text("saved while building\n")
        return _Fake(dict(NEW))

    monkeypatch.setattr(pipeline, "assemble", slow_assemble)
    with pytest.raises(OutputError, match="draft.txt"):
        pipeline.build(root, out=target)
    assert _read(target) == {**_expected(OLD), "draft.txt": b"saved while building\n"}


@pytest.mark.parametrize("manifest", ["not json", "{}", '{"version": "1", "release_date": "x"}',
                                      '{"version": "1", "release_date": "x", "sha256": ["a"]}'])
def test_a_manifest_that_is_not_ours_does_not_count(root: Path, tmp_path: Path, calls: list[str], manifest: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "MANIFEST.json").write_text(manifest)
    with pytest.raises(OutputError, match="no alkkg MANIFEST.json"):
        pipeline.build(root, out=folder)
    assert (folder / "MANIFEST.json").read_text() == manifest and calls == []


# --- 2. crash safety: kill -9 at every step ----------------------------------------------------

_KILLER = r"""
import errno, json, os, signal, sys
from pathlib import Path
from alkkg import outdir

target, step, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
files = json.loads(Path(sys.argv[4]).read_text())

def checkpoint(name):
    if name == step:
        os.kill(os.getpid(), signal.SIGKILL)

outdir._checkpoint = checkpoint
if mode == "fallback":
    def cannot_exchange(first, second):
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
    outdir._exchange = cannot_exchange
with outdir.locked(target):
    outdir.recover(target)
    outdir.ensure_safe(target)
    outdir.install(target, lambda staging: outdir.write_files(files, staging, sync=True))
"""

# (mode, step, the target right after the kill, and after the next build's recovery):
# "old", "new", or None = missing
_KILLS = [("exchange", "written", "old", "old"), ("exchange", "staged", "old", "old"),
          ("exchange", "exchanged", "new", "new"), ("exchange", "cleaned", "new", "new"),
          ("fallback", "written", "old", "old"), ("fallback", "staged", "old", "old"),
          ("fallback", "retired", None, "new"), ("fallback", "installed", "new", "new"),
          ("fallback", "cleaned", "new", "new"),
          ("first", "written", None, None), ("first", "staged", None, "new"), ("first", "installed", "new", "new")]


@pytest.mark.parametrize(("mode", "step", "after_kill", "recovered"), _KILLS, ids=[f"{k[0]}-{k[1]}" for k in _KILLS])
def test_a_kill_at_any_step_leaves_the_old_or_the_new_tree(root: Path, tmp_path: Path, calls: list[str], mode: str,
                                                           step: str, after_kill: str | None, recovered: str | None) -> None:
    target = tmp_path / "out" / "build"
    if mode != "first":
        _install(target, OLD)
    spec = tmp_path / "files.json"
    spec.write_text(json.dumps(NEW))
    killed = subprocess.run([sys.executable, "-c", _KILLER, str(target), step, mode, str(spec)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr  # the step was reached on this path
    trees = {"old": _expected(OLD), "new": _expected(NEW)}
    if after_kill is None:
        assert not target.exists()  # only between the two renames of the fallback, or before a first build
    else:
        assert _read(target) == trees[after_kill]
    # the next build first recovers: a whole tree is back (if there ever was one) before anything else
    outdir.recover(target)
    if recovered is None:
        assert not target.exists()  # nothing complete to restore: the first build starts over
    else:
        assert _read(target) == trees[recovered]
    assert _leftovers(target) == []
    pipeline.build(root, out=target)
    assert _read(target) == trees["new"]
    assert _leftovers(target) == [] and not outdir.lock_path(target).exists()
    assert calls == ["assemble"]


def test_a_build_recovers_before_it_assembles(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kill between the fallback's two renames left no target: the next build puts it back first."""
    target = tmp_path / "build"
    _stage(target, "old", OLD, "a")
    seen, logs = [], []

    def fake(*_a: Any, **_k: Any) -> _Fake:
        seen.append(_read(target))
        return _Fake(dict(NEW))

    monkeypatch.setattr(pipeline, "assemble", fake)
    pipeline.build(root, out=target, log=logs.append)
    assert seen == [_expected(OLD)]
    assert logs[0] == f"restored {target} from .build.old-a (an earlier build was interrupted)"
    assert _read(target) == _expected(NEW) and _leftovers(target) == []


def test_manifest_is_written_last_so_a_partial_tree_is_never_complete(tmp_path: Path) -> None:
    order: list[str] = []
    outdir.write_files(NEW, tmp_path, write=lambda path, text: order.append(path.name))
    assert order[-1] == "MANIFEST.json" and len(order) == len(NEW)


def _stage(target: Path, kind: str, files: dict[str, str], suffix: str) -> Path:
    folder = target.parent / f".{target.name}.{kind}-{suffix}"
    outdir.write_files(files, folder)
    return folder


def test_recovery_prefers_a_complete_staging_folder(tmp_path: Path) -> None:
    target = tmp_path / "build"
    _stage(target, "old", OLD, "a")
    _stage(target, "new", NEW, "b")
    assert outdir.recover(target) == tmp_path / ".build.new-b"
    assert _read(target) == _expected(NEW) and _leftovers(target) == []


def test_recovery_never_restores_an_incomplete_staging_folder(tmp_path: Path) -> None:
    target = tmp_path / "build"
    _stage(target, "old", OLD, "a")
    broken = _stage(target, "new", NEW, "b")
    (broken / "alkkg.ttl").write_text("# truncated")  # its MANIFEST hash no longer matches
    no_manifest = _stage(target, "new", {k: v for k, v in NEW.items() if k != "MANIFEST.json"}, "c")
    os.utime(no_manifest)  # the newest
    assert outdir.recover(target) == tmp_path / ".build.old-a"
    assert _read(target) == _expected(OLD) and _leftovers(target) == []


def test_recovery_keeps_what_is_not_a_leftover(tmp_path: Path) -> None:
    target = tmp_path / "build"
    _install(target, OLD)
    _stage(target, "new", NEW, "x")
    (tmp_path / ".build.new-file").write_text("a file, not one of our folders\n")
    (tmp_path / "sibling.txt").write_text("beside the target\n")
    assert outdir.recover(target) is None
    assert _read(target) == _expected(OLD)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build.new-file", "build", "sibling.txt"]


def test_an_exchange_failure_other_than_unsupported_is_reported_not_worked_around(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "build"
    _install(target, OLD)
    steps: list[str] = []
    monkeypatch.setattr(outdir, "_checkpoint", steps.append)

    def denied(first: Path, second: Path) -> None:
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(first))

    monkeypatch.setattr(outdir, "_exchange", denied)
    with pytest.raises(OutputError, match="Permission denied"):
        _install(target, NEW)
    assert steps == ["written", "staged"]  # no fallback rename after a real error
    assert _read(target) == _expected(OLD) and _leftovers(target) == []


def test_exchange_swaps_two_folders_and_reports_failures(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "from-a").write_text("a\n")
    outdir._exchange(first, second)
    assert [p.name for p in second.iterdir()] == ["from-a"] and list(first.iterdir()) == []
    with pytest.raises(OSError) as info:
        outdir._exchange(first, tmp_path / "missing")
    assert info.value.errno == errno.ENOENT


def test_fallback_puts_the_old_tree_back_when_the_second_rename_fails(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "build"
    _install(target, OLD)
    monkeypatch.setattr(outdir, "_exchange", lambda a, b: (_ for _ in ()).throw(OSError(errno.EINVAL, "no")))
    real_rename = os.rename

    def rename(src: Any, dst: Any) -> None:
        if ".new-" in Path(src).name and Path(dst) == target:
            _no_space()
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OutputError, match=f"No space left on device.*previous {target} is untouched"):
        _install(target, NEW)
    assert _read(target) == _expected(OLD) and _leftovers(target) == []


def test_steps_of_each_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[str] = []
    monkeypatch.setattr(outdir, "_checkpoint", steps.append)
    target = tmp_path / "build"
    _install(target, OLD)
    _install(target, NEW)
    monkeypatch.setattr(outdir, "_exchange", lambda a, b: (_ for _ in ()).throw(OSError(errno.ENOSYS, "no")))
    _install(target, OLD)
    assert steps == ["written", "staged", "installed", "cleaned",
                     "written", "staged", "exchanged", "cleaned",
                     "written", "staged", "retired", "installed", "cleaned"]
    assert _read(target) == _expected(OLD) and _leftovers(target) == []


# --- stale temporary folders ---------------------------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_stale_temp_folders_of_dead_processes_are_removed(root: Path, tmp_path: Path, calls: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    dead, alive = _dead_pid(), os.getpid()
    names = [f"alkkg-reason-{dead}-abc", f"alkkg-check-{dead}-def", f"alkkg-reason-{alive}-ghi",
             f"alkkg-check-{alive}-jkl", "alkkg-reason-oldstyle", f"other-{dead}-x"]
    for name in names:
        (temp / name).mkdir()
        (temp / name / "input.nt").write_text("x\n")
    pipeline.build(root, out=tmp_path / "build")
    assert sorted(p.name for p in temp.iterdir()) == sorted(names[2:])


def test_check_uses_a_pid_named_temp_folder_and_cleans_stale_ones(root: Path, tmp_path: Path, calls: list[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    stale = temp / f"alkkg-check-{_dead_pid()}-zzz"
    stale.mkdir()
    seen: list[Path] = []

    def compare(fresh: Path, committed: Path) -> list[str]:
        seen.append(fresh)
        assert _read(fresh) == _expected(NEW)
        return []

    monkeypatch.setattr(pipeline, "compare_trees", compare)
    pipeline.check(root)
    assert len(seen) == 1 and seen[0].name.startswith(f"alkkg-check-{os.getpid()}-")
    assert not seen[0].exists() and not stale.exists()


def test_reasoning_temp_folder_is_pid_named(monkeypatch: pytest.MonkeyPatch) -> None:
    prefixes: list[str] = []

    class Stop(Exception):
        pass

    def record(*_a: Any, prefix: str = "", **_k: Any) -> None:
        prefixes.append(prefix)
        raise Stop

    monkeypatch.setattr(reasoning, "_require_java", lambda: None)
    monkeypatch.setattr(reasoning.tempfile, "TemporaryDirectory", record)
    with pytest.raises(Stop):
        reasoning._run_hermit(reasoning.new_graph())
    assert prefixes == [outdir.temp_prefix("reason")] == [f"alkkg-reason-{os.getpid()}-"]


# --- 3. permissions ----------------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "folder", "file"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
def test_the_installed_tree_has_normal_permissions(root: Path, tmp_path: Path, calls: list[str],
                                                   umask: int, folder: int, file: int) -> None:
    target = tmp_path / "build"
    previous = os.umask(umask)
    try:
        pipeline.build(root, out=target)
        pipeline.build(root, out=target)  # over an existing build too
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == folder
    assert stat.S_IMODE((target / "reports").stat().st_mode) == folder
    assert {stat.S_IMODE(p.stat().st_mode) for p in target.rglob("*") if p.is_file()} == {file}


# --- 4. lock -----------------------------------------------------------------------------------


def test_a_second_build_waits_for_the_lock_then_gives_up(root: Path, tmp_path: Path, calls: list[str]) -> None:
    target = tmp_path / "build"
    logs: list[str] = []
    with outdir.locked(target) as lock:
        assert lock.read_text().strip() == str(os.getpid())
        start = time.monotonic()
        with pytest.raises(OutputError) as info:
            pipeline.build(root, out=target, lock_timeout=0.3, log=logs.append)
        assert time.monotonic() - start >= 0.3
    assert f"waiting 0.3 s for another alkkg build (pid {os.getpid()})" in str(info.value)
    assert logs == [f"waiting for another alkkg build (pid {os.getpid()}) writing {target}/ (up to 0.3 s)"]
    assert calls == [] and not target.exists()
    assert not lock.exists()  # removed by its holder
    pipeline.build(root, out=target, lock_timeout=0.3)  # released: goes through
    assert _read(target) == _expected(NEW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "project"]


def test_a_second_build_proceeds_when_the_first_releases(root: Path, tmp_path: Path, calls: list[str]) -> None:
    target = tmp_path / "build"
    held, logs = threading.Event(), []

    def first() -> None:
        with outdir.locked(target):
            held.set()
            time.sleep(0.4)

    thread = threading.Thread(target=first)
    thread.start()
    held.wait(5)
    start = time.monotonic()
    pipeline.build(root, out=target, lock_timeout=10, log=logs.append)
    thread.join()
    assert time.monotonic() - start >= 0.2
    assert not outdir.lock_path(target).exists()
    assert logs[0].startswith(f"waiting for another alkkg build (pid {os.getpid()}) writing {target}/")
    assert _read(target) == _expected(NEW)


# --- 5. disk full ------------------------------------------------------------------------------


def _no_space(*_a: Any, **_k: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["write", "fsync", "exchange"])
def test_disk_full_keeps_the_previous_build_and_names_the_path(root: Path, tmp_path: Path, calls: list[str],
                                                               monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    target = tmp_path / "build"
    _install(target, OLD)
    if where == "write":
        real, written = rdfio.write_text, []

        def flaky(path: Path, text: str) -> None:
            written.append(path)
            if len(written) == 2:
                _no_space()
            real(path, text)

        monkeypatch.setattr(rdfio, "write_text", flaky)
    else:
        monkeypatch.setattr(outdir, "_fsync" if where == "fsync" else "_exchange", _no_space)
    with pytest.raises(OutputError) as info:
        pipeline.build(root, out=target)
    message = str(info.value)
    assert "No space left on device" in message and f"previous {target} is untouched" in message
    if where == "write":
        assert f"{written[1]}: cannot write" in message  # the file being written
    assert _read(target) == _expected(OLD)
    assert _leftovers(target) == []


def test_disk_full_through_the_cli_is_exit_2_not_an_internal_error(root: Path, tmp_path: Path, calls: list[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rdfio, "write_text", _no_space)
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--project", str(root)])
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output and str(out) in result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert not out.exists() and _leftovers(out) == []


def test_docstring_examples() -> None:
    result = doctest.testmod(outdir)
    assert result.attempted >= 2 and result.failed == 0
