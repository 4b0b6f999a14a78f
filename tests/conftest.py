"""Shared fixtures: one in-memory build per test session (HermiT is the slow part)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from alkkg.pipeline import Artifacts, Project, assemble, write_tree
from alkkg.release import load_release

ROOT = Path(__file__).resolve().parents[1]
SHARED_SOURCE = ROOT.parent / "shared" / "source" / "shaw-2014-nejm-introduction.txt"
RELEASE_DATE = "2026-11-28"

# Every build of the suite (the session build, project copies, CLI subprocesses) shares one
# reasoner/shapes/render cache: its entries are keyed by content (tests/test_cache.py checks hits,
# misses and same bytes). HermiT itself runs in tests/test_reasoning.py's error cases and whenever
# the cache is cold (a fresh clone, as in CI).
os.environ.setdefault("ALKKG_CACHE_DIR", str(ROOT / ".alkkg-cache"))


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def artifacts(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Artifacts:
    """The paper's build, in memory. Under xdist the workers take turns (a lock in the run's shared
    temporary folder): the first runs HermiT, pyshacl and the renderers and fills the content-keyed
    cache (ALKKG_CACHE_DIR, above), the next reads their results back (tests/test_cache.py proves the
    same bytes either way). Tests that need no build are collected first (below), so a worker is
    not left waiting while the other builds."""
    import fcntl

    shared = tmp_path_factory.getbasetemp().parent  # one folder for every worker of this run
    with (shared / "session-build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return assemble(project, load_release(RELEASE_DATE), cache=True)


_SESSION_BUILD = {"artifacts", "built"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """One file that needs the session build first, then the files that need none, then the other
    files that need it (stable otherwise): xdist hands files out in this order, so one worker starts
    the build at once while the other runs the files that need none."""
    def needs_build(item: pytest.Item) -> bool:
        return bool(_SESSION_BUILD & set(getattr(item, "fixturenames", ())))

    files_needing = [item.nodeid.split("::", 1)[0] for item in items if needs_build(item)]
    first = files_needing[0] if files_needing else None

    def rank(item: pytest.Item) -> int:
        file = item.nodeid.split("::", 1)[0]
        return 0 if file == first else 2 if file in files_needing else 1

    items.sort(key=rank)


@pytest.fixture(scope="session")
def built(artifacts: Artifacts, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build written to a temporary folder."""
    folder = tmp_path_factory.mktemp("build")
    write_tree(artifacts.files, folder)
    return folder


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A writable copy of the hand-edited inputs, for tests that break them on purpose."""
    for name in ("ontology", "assertions", "shapes", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


# ------------------------------------------------------------------------------------ network guard

import importlib.util  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402

NETGUARD_DIR = Path(__file__).resolve().parent / "netguard"
_spec = importlib.util.spec_from_file_location("alkkg_netguard", NETGUARD_DIR / "sitecustomize.py")
assert _spec is not None and _spec.loader is not None
netguard = importlib.util.module_from_spec(_spec)
sys.modules["alkkg_netguard"] = netguard
_spec.loader.exec_module(netguard)


@pytest.fixture(autouse=True)
def _network_guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reaches beyond this machine: sockets in this process are guarded, and the guard's
    folder is put on PYTHONPATH so that its sitecustomize guards every Python subprocess too.
    Loopback and AF_UNIX stay allowed (local test servers); ALKKG_NETGUARD=strict blocks loopback."""
    existing = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(NETGUARD_DIR), *([existing] if existing else [])]))
    uninstall = netguard.install()
    try:
        yield
    finally:
        uninstall()
