"""The corpus path: a project of thousands of documents compiled, checked and exported in bounded memory.

``alkkg build`` holds the whole graph in rdflib, reasons over it with HermiT and renders a site:
right for one paper, too heavy for a literature-sized corpus. :func:`build_corpus` instead

1. compiles every document in a pool of worker processes (documents are independent: pin check,
   quote location, compilation and coverage need nothing from another document), each worker
   returning its document's N-Quads and N-Triples as text;
2. streams those, in document order, to ``alkkg.nq`` (the complete release: the ontology in the
   graph named by its versionIRI, then every nanopublication) and into an Oxigraph store on disk
   (the union graph the shapes read, as ``alkkg build`` validates ``alkkg.ttl``);
3. validates that store with the shapes compiled to SPARQL (:mod:`alkkg.fastshacl`, proven equal to
   pyshacl on every fixture and mutant) and writes the report.

Memory stays flat: the parent holds one document's text at a time and the store lives on disk.
The reasoner and the site are left out (see ``docs/scaling.md``). Outputs appear whole or not at
all: each is written beside its final name and renamed into place once everything has passed.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from . import errors
from .errors import AlkkgError, CurationError, OutputError, ValidationError

if TYPE_CHECKING:
    from .claims import Vocabulary
    from .fastshacl import Result

Log = Callable[[str], None]
NQUADS, REPORT = "alkkg.nq", "validation-report.txt"
#: the default ceiling, in MB, for validating in memory rather than in an on-disk store
MEMORY_BUDGET_MB = 1500
#: Oxigraph's in-memory size per byte of N-Triples loaded (measured: ~3 on synthetic corpora)
_STORE_BYTES_PER_NTRIPLES_BYTE = 3


@dataclass(frozen=True)
class _Compiled:
    """What a worker sends back for one document: text only (cheap to pickle)."""

    folder: str
    document: str
    claims: int
    nquads: str
    ntriples: str
    error: tuple[str, str] | None = None  # (error class name, message): exceptions may not pickle


@dataclass
class CorpusSummary:
    """What :func:`build_corpus` did, with the seconds of each stage."""

    documents: int = 0
    claims: int = 0
    quads: int = 0
    violations: int = 0
    results: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


_WORKER: dict[str, object] = {}  # what every document needs: set in the parent (fork) or per worker (spawn)


def _start_worker(ontology_path: str, release_date: str, version: str) -> None:
    from .claims import Vocabulary
    from .ontology import load_ontology
    from .release import Release

    _share(Vocabulary(load_ontology(Path(ontology_path), Release(version, release_date))), release_date)


def _share(vocabulary: Vocabulary, release_date: str) -> None:
    _WORKER["vocabulary"] = vocabulary
    _WORKER["release_date"] = release_date


def _compile_one(folder: str) -> _Compiled:
    from . import rdfio
    from .pipeline import compile_folder

    try:
        compiled, _ = compile_folder(Path(folder), _WORKER["vocabulary"],  # type: ignore[arg-type]
                                     str(_WORKER["release_date"]))
    except AlkkgError as error:
        return _Compiled(folder, "", 0, "", "", (type(error).__name__, str(error)))
    flat = (t for part in (compiled.document_triples, *compiled.claim_triples.values()) for t in part)
    return _Compiled(folder, compiled.curation.document.id, len(compiled.located),
                     rdfio.quads_to_nquads(compiled.quads), rdfio.triples_to_ntriples(flat))


def _compiled_documents(folders: list[Path], jobs: int, init: tuple[str, str, str]) -> Iterator[_Compiled]:
    """Each document compiled, in *folders* order; in a pool of *jobs* processes when jobs > 1.

    With ``fork`` (Linux) the workers inherit the vocabulary the parent set with :func:`_share`
    (loading a large ontology costs seconds); with ``spawn`` each worker loads it from *init*.
    """
    names = [str(f) for f in folders]
    if jobs <= 1:
        yield from map(_compile_one, names)
        return
    if "fork" in multiprocessing.get_all_start_methods():
        pool = multiprocessing.get_context("fork").Pool(jobs)
    else:
        pool = multiprocessing.get_context("spawn").Pool(jobs, initializer=_start_worker, initargs=init)
    with pool:
        yield from pool.imap(_compile_one, names, chunksize=1)


def build_corpus(project_root: Path, out: Path, *, release_date: str | None = None, jobs: int | None = None,
                 store: Path | None = None, memory_budget_mb: int = MEMORY_BUDGET_MB,
                 log: Log = lambda _m: None) -> CorpusSummary:
    """Compile, check and validate every document of the project at *project_root* into *out*.

    Writes ``out/alkkg.nq`` and ``out/validation-report.txt``. *jobs*: worker processes (default:
    the number of CPUs). *store*: a folder for the on-disk Oxigraph store, kept (default: the store
    is held in memory when its estimated size is under *memory_budget_mb*, where the shapes run
    about three times faster, else on disk in a temporary folder). Raises CurationError on the
    first bad document (naming its file), ValidationError when the shapes report a violation; in
    both cases *out* is left as it was.

    >>> build_corpus(Path("corpus"), Path("corpus-build"), jobs=2)  # doctest: +SKIP
    """
    import pyoxigraph as ox

    from . import fastshacl, rdfio
    from .claims import Vocabulary
    from .ontology import load_ontology
    from .pipeline import Project
    from .release import load_release
    from .validation import load_shapes

    project = Project(project_root)
    release = load_release(release_date)
    jobs = jobs or os.cpu_count() or 1
    summary = CorpusSummary()
    folders = project.documents()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out}: cannot create the output folder ({error.strerror})") from None
    if store is not None and store.exists() and (not store.is_dir() or any(store.iterdir())):
        raise OutputError(f"{store}: the store folder must be new or empty (a store is never added to); "
                          "remove it or name another")
    scratch = Path(tempfile.mkdtemp(prefix=".alkkg-corpus-", dir=out))
    try:
        started = time.perf_counter()
        ontology = load_ontology(project.ontology, release)
        _share(Vocabulary(ontology), release.release_date)
        partial, flat_file, index_file = scratch / NQUADS, scratch / "flat.nt", scratch / "index.nt"
        with partial.open("w", encoding="utf-8") as sink, flat_file.open("wb") as flat, index_file.open("wb") as index:
            ontology_lines = rdfio.ntriples(ontology)
            version_graph = f"<{release.version_iri}>"
            sink.writelines(f"{line[:-1]}{version_graph} .\n" for line in ontology_lines.splitlines())
            _write_flat(ontology_lines, flat, index)
            log(f"compiling {len(folders)} documents in {jobs} process(es)")
            init = (str(project.ontology), release.release_date, release.version)
            seen: dict[str, str] = {}
            for done in _compiled_documents(folders, jobs, init):
                if done.error:
                    kind, message = done.error
                    error_class = getattr(errors, kind, AlkkgError)
                    raise error_class(message)  # the message already names the file, line and claim
                if done.document in seen:
                    raise CurationError(f"document id {done.document!r} is used by both {seen[done.document]} and "
                                        f"{done.folder}: give each document its own id", path=done.folder)
                seen[done.document] = done.folder
                sink.write(done.nquads)
                _write_flat(done.ntriples, flat, index)
                summary.documents += 1
                summary.claims += done.claims
                summary.quads += done.nquads.count("\n")
                if summary.documents % 500 == 0:
                    log(f"  {summary.documents} documents, {summary.claims} claims")
        summary.seconds["compile+export"] = time.perf_counter() - started

        started = time.perf_counter()
        in_memory = store is None and flat_file.stat().st_size * _STORE_BYTES_PER_NTRIPLES_BYTE < memory_budget_mb * 2**20
        log(f"loading the union graph into an Oxigraph store {'in memory' if in_memory else 'on disk'}")
        db = ox.Store() if in_memory else ox.Store(str(store or scratch / "store"))
        fastshacl.load_ntriples_files(flat_file, index_file, db)
        summary.seconds["load"] = time.perf_counter() - started

        started = time.perf_counter()
        log("validating with the shapes compiled to SPARQL")
        shapes = fastshacl.compile_shapes(load_shapes(project.shapes))
        results = shapes.validate(db)
        summary.seconds["validate"] = time.perf_counter() - started
        summary.results = len(results)
        summary.violations = sum(1 for r in results if not shapes.conforms([r]))
        report = report_text(results)
        (scratch / REPORT).write_text(report, encoding="utf-8")
        del db
        if summary.violations:
            raise ValidationError(f"the corpus does not conform to the shapes ({summary.violations} violations; "
                                  f"the first ones below, fix the curation):\n" + "\n".join(report.splitlines()[:21]))
        for name in (NQUADS, REPORT):
            os.replace(scratch / name, out / name)
        return summary
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _write_flat(ntriples: str, flat: BinaryIO, index: BinaryIO) -> None:
    from . import fastshacl

    data = ntriples.encode("utf-8")
    flat.write(data)
    index.write(fastshacl.literal_index(data))


def report_text(results: list[Result]) -> str:
    """One line per result, sorted: severity, focus node, path, value, shape and message."""
    from rdflib import BNode

    from .prefixes import compress

    def show(node: object) -> str:
        if node is None:
            return "-"
        return "[]" if isinstance(node, BNode) else compress(str(node))  # blank-node ids differ per run

    lines = []
    for r in results:
        lines.append("\t".join([show(r.severity), show(r.focus), show(r.path), show(r.value), show(r.source_shape),
                                r.message.replace("\n", " ")]))
    header = "severity\tfocus\tpath\tvalue\tshape\tmessage\n"
    return header + "".join(line + "\n" for line in sorted(lines)) if lines else header
