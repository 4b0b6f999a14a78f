"""The output folder: refuse unsafe targets, lock, stage, swap atomically, recover after a crash.

A build never deletes what alkkg did not write. It replaces its target folder as a whole, so
the target must be new, empty, or an earlier alkkg build (a ``MANIFEST.json`` listing every file).
The new tree is written into ``.<name>.new-*`` beside the target, ``MANIFEST.json`` last (so a
complete staging folder can be told from a half-written one), then swapped in:

* Linux: one ``renameat2(RENAME_EXCHANGE)``; the target is always the old or the new tree.
* elsewhere, or when the filesystem refuses the exchange: two renames (target to
  ``.<name>.old-*``, staging to target); a kill between them leaves no target, and the next
  build (:func:`recover`) puts back the complete new tree, or else the old one.

Builds into one target are serialised by ``flock`` on ``.<name>.lock`` beside it, which holds
the owner's pid and is deleted when the build ends. Temporary folders in the system temp folder carry their pid
(``alkkg-reason-<pid>-*``, ``alkkg-check-<pid>-*``) so that those of dead processes can be removed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import functools
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError

Log = Callable[[str], None]
Writer = Callable[[Path, str], None]

MANIFEST = "MANIFEST.json"
_MANIFEST_KEYS = ("version", "release_date", "sha256")
_TEMP_NAME = re.compile(r"alkkg-(?:reason|check)-(\d+)-")
# the filesystem cannot exchange (EINVAL, e.g. some network filesystems) or the kernel/libc lacks it
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _quiet(_: str) -> None:
    return None


def _checkpoint(step: str) -> None:
    """No-op hook called after each step of writing and swapping; tests make it kill the process.

    Steps: ``written`` (data files, no MANIFEST yet), ``staged`` (MANIFEST written and synced),
    then ``exchanged``, or ``retired`` and ``installed`` (fallback, or a first build: only
    ``installed``), then ``cleaned`` (the old tree is deleted).
    """


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def lock_path(target: Path) -> Path:
    """The lock file beside *target*.

    >>> lock_path(Path("/p/build"))
    PosixPath('/p/.build.lock')
    """
    return target.parent / f".{target.name}.lock"


def temp_prefix(kind: str, pid: int | None = None) -> str:
    """Prefix of a temporary folder, with the owner's pid so a later run can tell it is stale.

    >>> temp_prefix("check", 42)
    'alkkg-check-42-'
    """
    return f"alkkg-{kind}-{os.getpid() if pid is None else pid}-"


def temp_dir(kind: str) -> tempfile.TemporaryDirectory[str]:
    """A pid-named temporary folder in the system temp folder, removed on exit."""
    return tempfile.TemporaryDirectory(prefix=temp_prefix(kind))


# --- what is ours ---------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, str] | None:
    """The ``sha256`` map of *folder*'s alkkg ``MANIFEST.json``, or None if it has none or not ours."""
    try:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or any(key not in data for key in _MANIFEST_KEYS):
        return None
    hashes = data["sha256"]
    if not isinstance(hashes, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in hashes.items()):
        return None
    return hashes


def _entries(folder: Path, prefix: str = "") -> Iterator[str]:
    """Relative names of every non-folder entry (files, symlinks, ...) below *folder*."""
    with os.scandir(folder) as scan:
        for entry in sorted(scan, key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False):
                yield from _entries(Path(entry.path), f"{prefix}{entry.name}/")
            else:
                yield prefix + entry.name


def is_complete(folder: Path) -> bool:
    """True if *folder* has an alkkg MANIFEST and every file it lists is there with that SHA-256."""
    hashes = read_manifest(folder)
    if hashes is None:
        return False
    for name, digest in hashes.items():
        path = folder / name
        if Path(name).is_absolute() or ".." in Path(name).parts or path.is_symlink() or not path.is_file():
            return False
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return False
    return True


def ensure_safe(target: Path, project_root: Path | None = None, inputs: Iterable[Path] = ()) -> None:
    """Raise OutputError unless a build may replace *target* as a whole.

    Allowed: a missing or empty folder, or an earlier build (an alkkg MANIFEST.json that lists
    every file in the folder). A file the MANIFEST does not list (say, notes a user saved in
    ``build/``) makes the build refuse rather than delete or silently carry it over.
    """
    if target.is_symlink():
        raise OutputError(f"{target}: is a symbolic link; alkkg replaces its output folder as a whole and "
                          "does not follow links - pass the real folder or choose a new one")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: is a file, not a folder; choose an empty or new folder for the build")
    real = target.resolve()
    if project_root is not None:
        root = project_root.resolve()
        if real == root or root.is_relative_to(real):
            raise OutputError(f"{target}: is the project folder or contains it; building there would replace "
                              "the project's inputs - choose an empty or new folder such as build/")
    for folder in inputs:
        if real.is_relative_to(folder.resolve()):
            raise OutputError(f"{target}: is inside the project's inputs ({folder}); choose an empty or new "
                              "folder outside them, such as build/")
    if not target.exists():
        return
    try:
        names = list(_entries(target))
    except OSError as exc:
        raise OutputError(f"{target}: cannot read it ({_reason(exc)}); choose an empty or new folder") from exc
    if not names:
        return
    hashes = read_manifest(target)
    if hashes is None:
        raise OutputError(f"{target}: holds files alkkg did not write (no alkkg {MANIFEST}); the build replaces "
                          "the whole folder, so it refuses - choose an empty or new folder")
    unlisted = [name for name in names if name != MANIFEST and name not in hashes]
    if unlisted:
        shown = ", ".join(unlisted[:5]) + (f" and {len(unlisted) - 5} more" if len(unlisted) > 5 else "")
        raise OutputError(f"{target}: holds files alkkg did not write (not in its {MANIFEST}): {shown}; "
                          "the build replaces the whole folder - move them out, or choose another folder")


# --- lock ------------------------------------------------------------------------------------


def _owner(fd: int) -> str:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


@contextmanager
def locked(target: Path, *, timeout: float = 600.0, log: Log = _quiet, poll: float = 0.05) -> Iterator[Path]:
    """Hold the advisory lock of *target* (creating its parent folder), waiting up to *timeout* s.

    The kernel drops a ``flock`` when its holder dies, so a killed build never leaves a stale lock.
    The holder deletes the lock file when done (no litter beside the target); a waiter that then
    gets the lock of the deleted file notices (another inode at the path) and locks afresh.
    """
    path = lock_path(target)
    start, told, owner = time.monotonic(), False, "unknown"
    while True:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise OutputError(f"{exc.filename or path}: cannot create the build lock ({_reason(exc)}); "
                              f"check that {target.parent} is writable") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = _owner(fd)
            os.close(fd)
            waited = time.monotonic() - start
            # the holder writes its pid just after locking: give it a moment before saying "unknown"
            if not told and (owner != "unknown" or waited >= 0.5):
                log(f"waiting for another alkkg build (pid {owner}) writing {target}/ (up to {timeout:g} s)")
                told = True
            if waited >= timeout:
                raise OutputError(f"{target}: gave up after waiting {timeout:g} s for another alkkg build "
                                  f"(pid {owner}) writing it; let that build finish (or stop it) and rebuild") from None
            time.sleep(poll)
            continue
        if _same_file(fd, path):
            break
        os.close(fd)  # its holder deleted this file as we locked it
    try:
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write the build lock ({_reason(exc)}); "
                              f"{target} is untouched") from exc
        yield path
    finally:
        try:
            os.unlink(path)  # while still locked, so no waiter can hold a lock on it and think it is alone
        except OSError:
            pass
        os.close(fd)


# --- recovery and clean-up --------------------------------------------------------------------


def _leftovers(target: Path) -> list[Path]:
    """Staging (``.<name>.new-*``) and retired (``.<name>.old-*``) folders beside *target*, newest first."""
    found = [p for kind in ("new", "old") for p in target.parent.glob(f".{target.name}.{kind}-*")
             if p.is_dir() and not p.is_symlink()]
    return sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)


def _sync_dir(folder: Path) -> None:
    """Make renames in *folder* durable; some filesystems cannot fsync a folder, which is harmless."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def recover(target: Path, log: Log = _quiet) -> Path | None:
    """After a crashed build: restore a missing *target*, then delete every leftover. Hold the lock.

    A missing target is taken from the newest complete staging folder (MANIFEST present, every
    hash right: that build had passed and was being installed), else from the newest retired one.
    Returns the folder restored, if any.
    """
    if not target.parent.is_dir():
        return None
    leftovers = _leftovers(target)
    restored = None
    if leftovers and not os.path.lexists(target):
        complete = [p for p in leftovers if ".new-" in p.name and is_complete(p)]
        retired = [p for p in leftovers if ".old-" in p.name]
        restored = next(iter(complete or retired), None)
        if restored is not None:
            try:
                os.rename(restored, target)
            except OSError as exc:
                raise OutputError(f"{target}: is missing after an interrupted build and cannot be restored from "
                                  f"{restored} ({_reason(exc)}); rename that folder to {target.name}") from exc
            _sync_dir(target.parent)
            leftovers.remove(restored)
            log(f"restored {target} from {restored.name} (an earlier build was interrupted)")
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)
    return restored


def _alive(pid: int) -> bool:
    if pid <= 0:  # 0 and negatives name process groups, never one of our folders
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def clean_stale_temp(folder: Path | None = None) -> list[Path]:
    """Delete ``alkkg-reason-<pid>-*``/``alkkg-check-<pid>-*`` folders of dead processes; return them.

    Only our own folders with a pid in the name: those of live processes, of other users, and
    the pid-less ones of older alkkg versions are left alone.
    """
    base = Path(folder or tempfile.gettempdir())
    removed = []
    uid = os.getuid()
    try:
        candidates = list(base.iterdir())
    except OSError:
        return []
    for path in candidates:
        match = _TEMP_NAME.match(path.name)
        if not match:
            continue
        try:
            info = path.lstat()
        except OSError:
            continue
        if not path.is_dir() or path.is_symlink() or info.st_uid != uid or _alive(int(match.group(1))):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


# --- writing and swapping ---------------------------------------------------------------------


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with ``\\n`` line ends, creating parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)  # a full disk can surface only here (delayed allocation)
    finally:
        os.close(fd)


def write_files(files: Mapping[str, str], folder: Path, *, write: Writer = write_text, sync: bool = False) -> None:
    """Write *files* (relative name -> text) under *folder*, ``MANIFEST.json`` last.

    With *sync*, data files reach the disk before the MANIFEST that vouches for them. An OSError
    becomes an OutputError naming the file and the reason.
    """
    names = sorted(files, key=lambda n: (n == MANIFEST, n))
    for name in names:
        path = folder / name
        if name == MANIFEST:
            _checkpoint("written")
        try:
            write(path, files[name])
            if sync:
                _fsync(path)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({_reason(exc)})") from exc
    if MANIFEST not in files:
        _checkpoint("written")
    if sync:
        for dirpath, _, _ in os.walk(folder):
            _sync_dir(Path(dirpath))


def _dir_mode() -> int:
    """0o777 minus the umask, read without changing it where Linux allows (no race with threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o777 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o777 & ~mask


@functools.lru_cache(maxsize=1)
def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        func = libc.renameat2  # glibc >= 2.28
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func  # type: ignore[no-any-return]


def _exchange(first: Path, second: Path) -> None:
    """Atomically swap two existing paths; OSError (ENOSYS, EINVAL...) when impossible here."""
    func = _renameat2()
    if func is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available", str(first))
    if func(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


def _swap(staging: Path, target: Path) -> Path | None:
    """Put *staging* in place of *target*; return the folder now holding the old tree, to delete."""
    if not os.path.lexists(target):
        os.rename(staging, target)
        _checkpoint("installed")
        return None
    try:
        _exchange(staging, target)
        _checkpoint("exchanged")
        return staging  # the old tree now lives under the staging name
    except OSError as exc:
        if exc.errno not in _NO_EXCHANGE:
            raise
    retired = target.parent / f".{target.name}.old-{staging.name.rsplit('-', 1)[-1]}"
    os.rename(target, retired)
    _checkpoint("retired")
    try:
        os.rename(staging, target)
    except OSError as exc:
        try:
            os.rename(retired, target)  # put the old tree back
        except OSError:
            raise OutputError(f"{target}: cannot install the new build ({_reason(exc)}) nor put the previous one "
                              f"back; it is kept in {retired}, which the next build restores") from exc
        raise
    _checkpoint("installed")
    return retired


def install(target: Path, fill: Callable[[Path], None]) -> None:
    """Write a new tree with *fill* into a staging folder beside *target*, then swap it in.

    Hold the lock. A failure before the swap leaves *target* untouched and removes the staging
    folder; any OSError becomes an OutputError naming the path and the reason.
    """
    untouched = f"the previous {target} is untouched"
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        os.chmod(staging, _dir_mode())  # mkdtemp makes it 0700; an installed build is 0755 under umask 022
    except OSError as exc:
        raise OutputError(f"{exc.filename or target.parent}: cannot create the staging folder "
                          f"({_reason(exc)}); {untouched}") from exc
    try:
        try:
            fill(staging)
        except OutputError as exc:
            raise OutputError(f"{exc}; {untouched}; free space or fix the folder, then rebuild") from exc
        except OSError as exc:
            raise OutputError(f"{exc.filename or staging}: cannot write ({_reason(exc)}); {untouched}") from exc
        _checkpoint("staged")
        try:
            old = _swap(staging, target)
        except OSError as exc:
            raise OutputError(f"{target}: cannot replace it with the new build ({_reason(exc)}); "
                              f"{untouched}") from exc
        _sync_dir(target.parent)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    if old is not None and old.exists():
        shutil.rmtree(old, ignore_errors=True)  # a kill here leaves a leftover the next build deletes
    _checkpoint("cleaned")
