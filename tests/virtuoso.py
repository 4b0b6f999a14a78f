"""A throw-away Virtuoso 7 server for tests: start, load Turtle, query over HTTP, stop.

The server runs in the foreground (``virtuoso-t +foreground``) from a ``virtuoso.ini`` written into
a temporary folder that also holds the database files. Both its ports (the SQL port that ``isql``
uses, and the HTTP port of the ``/sparql`` endpoint) are free ports bound to 127.0.0.1 only. The
``[SPARQL]`` section sets ``MaxQueryCostEstimationTime = 400`` as public endpoints do, so a query
that Virtuoso's cost estimator refuses fails here as it would there. ``MaxQueryExecutionTime = 20``
caps a running query below the HTTP timeout; Virtuoso then sends a partial ("anytime") answer with
an ``X-SQL-State`` header, which :meth:`Virtuoso.query` refuses like any other error.

Loading uses ``isql`` (``isql-vt`` on Debian) and ``DB.DBA.TTLP_MT(file_to_string_output(...))``,
so the data folder must be listed in ``DirsAllowed``. Queries go to ``/sparql`` with
``default-graph-uri`` and ask for SPARQL JSON results; every HTTP request has a timeout.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
#: the cost limit public Virtuoso endpoints use (seconds of estimated execution time)
MAX_COST_ESTIMATION_TIME = 400
#: rows returned at most by the endpoint: far above any of our answers (a full page = truncated)
RESULT_SET_MAX_ROWS = 100_000
START_TIMEOUT = 60.0  # seconds until the HTTP endpoint must answer
STOP_TIMEOUT = 20.0  # seconds between SIGTERM and SIGKILL
HTTP_TIMEOUT = 30.0  # seconds for any one HTTP request
LOAD_TIMEOUT = 120.0  # seconds for one isql session

INI_TEMPLATE = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {host}:{sql_port}
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 4000
MaxDirtyBuffers = 3000
MaxQueryMem = 200M
DirsAllowed = {folder}, {data}
LiteMode = 0

[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {folder}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryCostEstimationTime = {max_cost}
MaxQueryExecutionTime = 20
"""


class VirtuosoError(RuntimeError):
    """Virtuoso could not be started, could not load, or refused a query (message = its own)."""


def executables() -> tuple[str | None, str | None]:
    """Paths of ``virtuoso-t`` and of Virtuoso's ``isql`` (``isql-vt`` on Debian), or None."""
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt")
    if isql is None and server is not None:
        candidate = Path(server).with_name("isql")  # upstream builds install isql next to virtuoso-t
        isql = str(candidate) if candidate.is_file() else None
    return server, isql


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Virtuoso:
    """One server process on a fresh database in *folder*, allowed to read files in *data*."""

    def __init__(self, folder: Path, data: Path) -> None:
        server, isql = executables()
        if server is None or isql is None:
            raise VirtuosoError("virtuoso-t or its isql (isql-vt) is not installed")
        self.server, self.isql = server, isql
        self.folder, self.data = folder.resolve(), data.resolve()
        self.sql_port, self.http_port = free_port(), free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        self.ini = self.folder / "virtuoso.ini"
        self.console = self.folder / "console.log"
        self.process: subprocess.Popen[bytes] | None = None

    # -------------------------------------------------------------------------------- lifecycle

    def write_ini(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.ini.write_text(INI_TEMPLATE.format(
            folder=self.folder, data=self.data, host=HOST, sql_port=self.sql_port, http_port=self.http_port,
            max_rows=RESULT_SET_MAX_ROWS, max_cost=MAX_COST_ESTIMATION_TIME), encoding="utf-8")

    def start(self) -> None:
        """Start the server and wait (at most START_TIMEOUT) until /sparql answers."""
        self.write_ini()
        with self.console.open("wb") as console:
            self.process = subprocess.Popen(
                [self.server, "+foreground", "+configfile", str(self.ini)],
                cwd=self.folder, stdin=subprocess.DEVNULL, stdout=console, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT
        last = "no answer yet"
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                raise VirtuosoError(f"virtuoso-t exited with code {code} while starting; "
                                    f"log tail:\n{self.log_tail()}")
            try:
                self.query("ASK { }", "urn:alkkg:none", timeout=5.0)
                return
            except VirtuosoError as exc:  # connection refused, not yet initialised, ...
                last = str(exc)
            time.sleep(0.3)
        self.stop()
        raise VirtuosoError(f"Virtuoso did not answer on http://{HOST}:{self.http_port}/sparql within "
                            f"{START_TIMEOUT:.0f} s (last: {last}); log tail:\n{self.log_tail()}")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after STOP_TIMEOUT; always reaps the process."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT)

    def log_tail(self, lines: int = 30) -> str:
        out = []
        for path in (self.console, self.folder / "virtuoso.log"):
            if path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
                out.append(f"--- {path.name}\n" + "\n".join(text))
        return "\n".join(out) or "(no log written)"

    # -------------------------------------------------------------------------------- loading

    def sql(self, statements: str) -> str:
        """Run SQL statements through isql as dba; VirtuosoError on any error."""
        if self.process is None or self.process.poll() is not None:
            raise VirtuosoError(f"the server is not running; log tail:\n{self.log_tail()}")
        command = [self.isql, f"{HOST}:{self.sql_port}", "dba", "dba", f"exec={statements}"]
        try:
            done = subprocess.run(command, cwd=self.folder, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=LOAD_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise VirtuosoError(f"isql did not finish within {LOAD_TIMEOUT:.0f} s: {statements[:200]}") from None
        output = (done.stdout + done.stderr).decode("utf-8", errors="replace")
        if done.returncode != 0 or "*** Error" in output:
            raise VirtuosoError(f"isql failed (exit {done.returncode}) on {statements[:200]}:\n{output.strip()}")
        return output

    def load_turtle(self, path: Path, graph: str) -> None:
        """Load one Turtle file into *graph* (the file must lie in the data folder)."""
        path = path.resolve()
        if path.parent != self.data:
            raise VirtuosoError(f"{path} is not in the allowed data folder {self.data}")
        self.sql(f"DB.DBA.TTLP_MT(file_to_string_output('{_sql_string(str(path))}'), '', "
                 f"'{_sql_string(graph)}', 0); checkpoint;")

    # -------------------------------------------------------------------------------- querying

    def query(self, text: str, graph: str, timeout: float = HTTP_TIMEOUT) -> dict[str, Any]:
        """The SPARQL JSON results of *text* on *graph* as default graph.

        VirtuosoError, with Virtuoso's own message, when the endpoint refuses the query (HTTP error:
        syntax, cost estimate over the limit, ...) or returns a partial answer (anytime timeout).
        """
        url = f"http://{HOST}:{self.http_port}/sparql"
        body = urllib.parse.urlencode({"query": text, "default-graph-uri": graph,
                                       "format": "application/sparql-results+json"}).encode("utf-8")
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with _opener.open(request, timeout=timeout) as response:
                payload = response.read()
                state = response.headers.get("X-SQL-State")
                message = response.headers.get("X-SQL-Message")
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read().decode("utf-8", errors="replace").split())
            detail = detail.split(" SPARQL query:", 1)[0]  # Virtuoso then echoes the whole query
            raise VirtuosoError(f"HTTP {exc.code}: {detail[:1000]}") from None
        except (urllib.error.URLError, OSError) as exc:  # refused, reset, or no answer within *timeout*
            reason = getattr(exc, "reason", exc)
            raise VirtuosoError(f"no answer from {url} within {timeout:.0f} s: {reason}") from None
        if state or message:
            raise VirtuosoError(f"partial answer (X-SQL-State {state}): {message}")
        try:
            result = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise VirtuosoError(f"not SPARQL JSON ({exc}): {payload[:300]!r}") from None
        rows = result.get("results", {}).get("bindings", [])
        if len(rows) >= RESULT_SET_MAX_ROWS:
            raise VirtuosoError(f"{len(rows)} rows: the answer was cut at ResultSetMaxRows")
        return result


# Never use a proxy from the environment: the endpoint is on loopback.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _sql_string(text: str) -> str:
    if "\x00" in text:
        raise ValueError("NUL in an SQL string")
    return text.replace("'", "''")


def running_pids(ini: Path) -> list[int]:
    """Process ids of virtuoso-t processes started with *ini* (to prove that none is left over)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv and os.path.basename(argv[0].decode(errors="replace")) == "virtuoso-t" \
                and str(ini).encode() in argv:
            pids.append(int(entry.name))
    return pids
