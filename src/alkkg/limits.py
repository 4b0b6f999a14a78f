"""Size, time and memory limits, and a worker process the parent can stop at a deadline.

Why a process and not ``signal.alarm`` or a thread: pyoxigraph evaluates a query in Rust without
returning to Python, so no Python-level signal or flag can interrupt it; killing a child process
always works. The memory cap is ``RLIMIT_AS`` set in the child only, so the parent (and the test
process that forked it) keeps its own limits.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from . import errors
from .errors import AlkkgError, LimitError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")

#: default wall-clock limit of one ``alkkg query``, in seconds
QUERY_TIMEOUT = 10.0
#: default wall-clock limit of one ``alkkg validate``, in seconds
VALIDATE_TIMEOUT = 300.0
#: default address-space limit of the worker, in MB
MAX_MEMORY_MB = 4096
#: largest RDF file alkkg reads (rdflib needs ~1 KB of memory per triple: 256 MB is far beyond 4 GB)
MAX_INPUT_BYTES = 256 * 1024 * 1024
#: largest SPARQL query file
MAX_QUERY_BYTES = 1024 * 1024
#: deepest JSON nesting accepted in a JSON-LD file (rdflib's JSON-LD reader recurses per level)
MAX_JSON_DEPTH = 100

_POLL_SECONDS = 0.05
_MB = 1024 * 1024


class WorkerCrash(Exception):
    """The worker raised an unexpected (non-alkkg) exception: a bug. Carries the worker's traceback."""

    def __init__(self, message: str, worker_traceback: str = "") -> None:
        super().__init__(message)
        self.worker_traceback = worker_traceback


def can_fork() -> bool:
    """True where limits are enforced (a 'fork' start method and RLIMIT_AS: Linux, and most Unixes)."""
    import multiprocessing

    return sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()


def run_limited(work: Callable[[], T], *, what: str, timeout: float | None = None,
                max_memory_mb: int | None = None, timeout_option: str = "--timeout",
                memory_option: str = "--max-memory") -> T:
    """Run *work* in a forked child; return its result, or raise its AlkkgError, or a LimitError.

    *what* names the work in messages ("query 'x'", "validation of a.ttl"). The result travels back
    pickled over a pipe, so it should be small and plain (the rendered text, not a graph).
    Without fork (Windows) the work runs in-process with no limits.
    """
    if not can_fork():
        return work()
    import multiprocessing
    import tempfile

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    # The child's stderr (fd 2) goes to a file: relayed when it ends normally, dropped when it is
    # killed or aborts (Rust prints "memory allocation failed" and a backtrace header on abort;
    # our one-line LimitError says it better).
    with tempfile.TemporaryFile() as errors_file:
        process = context.Process(target=_child, args=(work, sender, max_memory_mb, errors_file.fileno()),
                                  daemon=True)
        process.start()
        sender.close()  # the parent keeps only the reading end, so EOF shows when the child dies
        message, timed_out, peak_kb = _wait(process, receiver, timeout)
        if message is not None:
            errors_file.seek(0)
            _relay(errors_file.read())
    if timed_out:
        raise LimitError(f"{what} exceeded the {timeout:g} s time limit ({timeout_option}); "
                         f"narrow it down, or raise the limit with {timeout_option} SECONDS")
    return _outcome(message, process.exitcode, what=what, peak_kb=peak_kb,
                    max_memory_mb=max_memory_mb, memory_option=memory_option)


def _wait(process: Any, receiver: Connection, timeout: float | None) -> tuple[Any, bool, int]:
    """Wait for the child's message, its death or the deadline: (message or None, timed out, peak KB)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    peak_kb = 0
    try:
        while True:
            peak_kb = max(peak_kb, _vm_peak_kb(process.pid))
            if receiver.poll(_POLL_SECONDS):
                try:
                    return receiver.recv(), False, peak_kb
                except EOFError:  # the child died without a word (killed, or aborted by Rust)
                    return None, False, peak_kb
            if deadline is not None and time.monotonic() >= deadline:
                process.kill()
                return None, True, peak_kb
    except BaseException:  # Ctrl-C or a failed recv: never leave the worker running
        process.kill()
        raise
    finally:
        receiver.close()
        process.join()


def _relay(data: bytes) -> None:
    if data:
        sys.stderr.write(data.decode("utf-8", errors="replace"))
        sys.stderr.flush()


def _outcome(message: Any, exitcode: int | None, *, what: str, peak_kb: int,
             max_memory_mb: int | None, memory_option: str) -> Any:
    if message is not None:
        kind = message[0]
        if kind == "ok":
            return message[1]
        if kind == "error":
            raise _rebuild_error(message[1], message[2], message[3])
        if kind == "memory":
            raise _memory_error(what, max(peak_kb, message[1]), max_memory_mb, memory_option)
        raise WorkerCrash(message[1], message[2])
    signal_number = -exitcode if exitcode is not None and exitcode < 0 else None
    if max_memory_mb is not None and (signal_number in (signal.SIGABRT, signal.SIGSEGV, signal.SIGKILL)
                                      or peak_kb >= max_memory_mb * 1024 * 0.9):
        # Rust (pyoxigraph) aborts the process when an allocation fails instead of raising.
        raise _memory_error(what, peak_kb, max_memory_mb, memory_option)
    how = f"signal {signal.Signals(signal_number).name}" if signal_number else f"exit code {exitcode}"
    raise WorkerCrash(f"the worker running {what} stopped with {how} and no result")


def _memory_error(what: str, peak_kb: int, max_memory_mb: int | None, option: str) -> LimitError:
    used = f"; it was using {peak_kb // 1024} MB when an allocation failed" if peak_kb else ""
    return LimitError(f"{what} ran out of memory: it needs more than the {max_memory_mb} MB limit "
                      f"({option}){used}; give a smaller input or a narrower query, or raise {option} MB")


def _rebuild_error(name: str, text: str, exit_code: int) -> AlkkgError:
    """The child's AlkkgError: same class (looked up in alkkg.errors, not unpickled), message and exit code."""
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, AlkkgError)):
        cls = AlkkgError
    error = cls.__new__(cls)
    Exception.__init__(error, text)  # skip subclass __init__: the text is already formatted
    error.exit_code = exit_code
    return error


def _child(work: Callable[[], Any], sender: Connection, max_memory_mb: int | None, errors_fd: int) -> None:
    try:
        sys.stderr.flush()
        os.dup2(errors_fd, 2)
        if max_memory_mb is not None:
            import resource

            limit = max_memory_mb * _MB
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            sender.send(("ok", work()))
        except MemoryError:
            sender.send(("memory", _vm_peak_kb(os.getpid())))
        except AlkkgError as error:
            sender.send(("error", type(error).__name__, str(error), error.exit_code))
        except Exception as error:  # noqa: BLE001 - a bug: hand it to the parent with its traceback
            sender.send(("crash", f"{type(error).__name__}: {error}", traceback.format_exc()))
    except MemoryError:  # sending the result itself needed more memory
        try:
            sender.send(("memory", _vm_peak_kb(os.getpid())))
        except Exception:  # noqa: BLE001,S110 - nothing left to do: the parent sees EOF
            pass
    finally:
        sender.close()


def _vm_peak_kb(pid: int) -> int:
    """Peak virtual memory of *pid* in KB (what RLIMIT_AS counts), 0 where /proc is unavailable."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0
