"""The corpus path: a project of thousands of documents compiled, checked and exported in bounded memory.

``alkkg build`` holds the whole graph in rdflib, reasons over it with HermiT and renders a site:
right for one paper, too heavy for a literature-sized corpus. :func:`build_corpus` instead

1. compiles every document in a pool of worker processes (documents are independent: pin check,
   quote location, compilation and coverage need nothing from another document), each worker
   returning its document's N-Quads and N-Triples as text;
2. streams those, in document order, to ``alkkg.nq`` (the complete release: the ontology in the
   graph named by its versionIRI, then every nanopublication) and to N-Triples files of the union
   graph the shapes read (as ``alkkg build`` validates ``alkkg.ttl``): one per partition of
   consecutive documents, sized to the memory budget, plus the corpus layer they share;
3. validates each partition in its own in-memory Oxigraph store, in the worker pool, with the shapes
   compiled to SPARQL (:mod:`alkkg.fastshacl`, proven equal to pyshacl on every fixture and mutant),
   and merges the results (:mod:`alkkg.partitions`: exact when the partitions are independent,
   which it checks; otherwise, or with ``whole_graph`` or ``store``, the whole union graph is
   loaded into one store, in memory under the budget, else on disk) and writes the report.

Memory stays flat: the parent holds one document's text at a time and each store one partition.
The reasoner and the site are left out (see ``docs/scaling.md``). Outputs appear whole or not at
all: each is written beside its final name and renamed into place once everything has passed.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from . import errors, partitions
from .errors import AlkkgError, CurationError, OutputError, ValidationError
from .partitions import split_document

if TYPE_CHECKING:
    from .claims import Vocabulary
    from .fastshacl import CompiledShapes, Result

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
    shared: str = ""          # its corpus-layer triples (partitions.split_document), as N-Triples
    minted: bytes = b""
    mentioned: bytes = b""
    error: tuple[str, str] | None = None  # (error class name, message): exceptions may not pickle


@dataclass
class CorpusSummary:
    """What :func:`build_corpus` did, with the seconds of each stage."""

    documents: int = 0
    claims: int = 0
    quads: int = 0
    violations: int = 0
    results: int = 0
    partitions: int = 0       # validated one by one; 0 when the whole graph was validated in one store
    whole_graph_reason: str = ""  # why the whole graph was validated in one store, if it was
    seconds: dict[str, float] = field(default_factory=dict)


_WORKER: dict[str, object] = {}  # what every document needs: set in the parent (fork) or per worker (spawn)


def _start_worker(ontology_path: str, release_date: str, version: str, split: bool) -> None:
    from .claims import Vocabulary
    from .ontology import load_ontology
    from .release import Release

    _share(Vocabulary(load_ontology(Path(ontology_path), Release(version, release_date))), release_date, split)


def _start_validator(shapes_path: str) -> None:
    from . import fastshacl
    from .validation import load_shapes

    _WORKER["shapes"] = fastshacl.compile_shapes(load_shapes(Path(shapes_path)))


def _share(vocabulary: Vocabulary, release_date: str, split: bool) -> None:
    _WORKER["vocabulary"] = vocabulary
    _WORKER["release_date"] = release_date
    _WORKER["split"] = split


def _compile_one(folder: str) -> _Compiled:
    from . import rdfio
    from .pipeline import compile_folder

    try:
        compiled, _ = compile_folder(Path(folder), _WORKER["vocabulary"],  # type: ignore[arg-type]
                                     str(_WORKER["release_date"]))
    except AlkkgError as error:
        return _Compiled(folder, "", 0, "", "", error=(type(error).__name__, str(error)))
    document = compiled.curation.document.id
    flat = [t for part in (compiled.document_triples, *compiled.claim_triples.values()) for t in part]
    done = _Compiled(folder, document, len(compiled.located), rdfio.quads_to_nquads(compiled.quads),
                     rdfio.triples_to_ntriples(flat))
    if not _WORKER["split"]:
        return done
    split = split_document(flat, document)
    return replace(done, shared=rdfio.triples_to_ntriples(split.shared), minted=split.minted,
                   mentioned=split.mentioned)


def _validate_partition(files: tuple[list[tuple[str, str]], ...]) -> partitions.PartitionResults:
    """One partition validated in memory: *files* are the (N-Triples, literal index) pairs of the
    ontology, of the other partitions' corpus layer and of the partition's documents."""
    from functools import partial

    from . import fastshacl

    def loads(pairs: list[tuple[str, str]]) -> list[partitions.Load]:
        return [partial(fastshacl.load_ntriples_files, Path(data), Path(index)) for data, index in pairs]

    ontology, others, own = files
    shapes: CompiledShapes = _WORKER["shapes"]  # type: ignore[assignment]
    return partitions.validate_partition(shapes, loads(ontology), loads(others), loads(own))


def _pool(jobs: int, initializer: Callable[..., None], init: tuple[object, ...]) -> multiprocessing.pool.Pool:
    """A pool of *jobs* workers: forked (they inherit ``_WORKER``), else spawned and set up by *initializer*."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork").Pool(jobs)
    return multiprocessing.get_context("spawn").Pool(jobs, initializer=initializer, initargs=init)


def _compiled_documents(folders: list[Path], jobs: int, init: tuple[object, ...]) -> Iterator[_Compiled]:
    """Each document compiled, in *folders* order; in a pool of *jobs* processes when jobs > 1.

    With ``fork`` (Linux) the workers inherit the vocabulary the parent set with :func:`_share`
    (loading a large ontology costs seconds); with ``spawn`` each worker loads it from *init*.
    """
    names = [str(f) for f in folders]
    if jobs <= 1:
        yield from map(_compile_one, names)
        return
    with _pool(jobs, _start_worker, init) as pool:
        yield from pool.imap(_compile_one, names, chunksize=1)


def _validated_partitions(groups: Sequence[tuple[list[tuple[str, str]], ...]], jobs: int,
                          shapes_path: str) -> Iterator[partitions.PartitionResults]:
    """Each partition's results, in order; in a pool of *jobs* processes when jobs > 1."""
    if jobs <= 1 or len(groups) <= 1:
        yield from map(_validate_partition, groups)
        return
    with _pool(min(jobs, len(groups)), _start_validator, (shapes_path,)) as pool:
        yield from pool.imap(_validate_partition, groups, chunksize=1)


def _validate_per_partition(files: _FlatFiles, ownership: partitions.Ownership, shapes: CompiledShapes, jobs: int,
                            shapes_path: Path, summary: CorpusSummary, log: Log) -> list[Result] | None:
    """The whole graph's results from each partition's, or None when the partitions are not independent."""
    from . import fastshacl

    started = time.perf_counter()
    names = files.parts()
    log(f"validating {len(names)} partition(s) of the union graph with the shapes compiled to SPARQL")
    layers = {name: f"shared-{name.removeprefix('part-')}" for name in names}
    groups = [([files.paths("ontology")],
               [files.paths(layers[other]) for other in names if other != name and files.has(layers[other])],
               [files.paths(name)]) for name in names]
    per_partition = list(_validated_partitions(groups, jobs, str(shapes_path)))
    summary.seconds["validate"] = time.perf_counter() - started
    try:
        results = partitions.merge_results(
            per_partition, ownership, lambda r: fastshacl.result_key(r, shapes.shapes, shapes.messages_declared))
    except partitions.PartitionMismatch as mismatch:
        summary.whole_graph_reason = f"the partitions are not independent ({mismatch})"
        log(f"validating the whole graph instead: {summary.whole_graph_reason}")
        return None
    summary.partitions = len(names)
    return results


def build_corpus(project_root: Path, out: Path, *, release_date: str | None = None, jobs: int | None = None,
                 store: Path | None = None, memory_budget_mb: int = MEMORY_BUDGET_MB, whole_graph: bool = False,
                 log: Log = lambda _m: None) -> CorpusSummary:
    """Compile, check and validate every document of the project at *project_root* into *out*.

    Writes ``out/alkkg.nq`` and ``out/validation-report.txt``. *jobs*: worker processes (default:
    the number of CPUs). The union graph is validated per partition of documents, each in memory
    (sized so that *jobs* of them fit in *memory_budget_mb*), unless the partitions are not
    independent, *whole_graph* is set or *store* is given: then in one store, kept in *store* if
    given, else in memory when its estimated size is under *memory_budget_mb* (where the shapes run
    about three times faster), else on disk in a temporary folder. Raises CurationError on the
    first bad document (naming its file), ValidationError when the shapes report a violation; in
    both cases *out* is left as it was.

    >>> build_corpus(Path("corpus"), Path("corpus-build"), jobs=2)  # doctest: +SKIP
    """
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
    if whole_graph or store is not None:
        summary.whole_graph_reason = "asked for (--whole-graph)" if whole_graph else "the store is kept (--store)"
    partitioned = not summary.whole_graph_reason
    # each of the *jobs* partition stores at ~3 bytes per byte of N-Triples, half the budget for the shared parts
    partition_bytes = max(1, memory_budget_mb * 2**20 // (2 * _STORE_BYTES_PER_NTRIPLES_BYTE * jobs))
    scratch = Path(tempfile.mkdtemp(prefix=".alkkg-corpus-", dir=out))
    files = _FlatFiles(scratch)
    try:
        started = time.perf_counter()
        ontology = load_ontology(project.ontology, release)
        _share(Vocabulary(ontology), release.release_date, partitioned)
        shapes = fastshacl.compile_shapes(load_shapes(project.shapes))
        _WORKER["shapes"] = shapes
        walks = partitions.backward_walks(shapes.shapes) if partitioned else []
        if walks:
            summary.whole_graph_reason = f"a shape steps backward from a value node ({walks[0]})"
            log(f"the whole graph will be validated in one store: {summary.whole_graph_reason}")
            partitioned = False
            _WORKER["split"] = False
        ownership = partitions.Ownership()
        with (scratch / NQUADS).open("w", encoding="utf-8") as sink:
            ontology_lines = rdfio.ntriples(ontology)
            version_graph = f"<{release.version_iri}>"
            sink.writelines(f"{line[:-1]}{version_graph} .\n" for line in ontology_lines.splitlines())
            files.write("ontology", ontology_lines)
            log(f"compiling {len(folders)} documents in {jobs} process(es)")
            init = (str(project.ontology), release.release_date, release.version, partitioned)
            seen: dict[str, str] = {}
            part, part_size = 0, 0
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
                if part_size and part_size + len(done.ntriples) > partition_bytes:
                    part, part_size = part + 1, 0
                part_size += len(done.ntriples)
                files.write(f"part-{part:05d}", done.ntriples)
                if partitioned:
                    files.write(f"shared-{part:05d}", done.shared)
                    ownership.add(part, done.document, done.minted, done.mentioned)
                summary.documents += 1
                summary.claims += done.claims
                summary.quads += done.nquads.count("\n")
                if summary.documents % 500 == 0:
                    log(f"  {summary.documents} documents, {summary.claims} claims")
        files.close()  # (also closed in finally: close() is idempotent)
        summary.seconds["compile+export"] = time.perf_counter() - started

        results = None
        if partitioned:
            results = _validate_per_partition(files, ownership, shapes, jobs, project.shapes, summary, log)
        if results is None:
            results = _validate_whole(files, scratch, store, memory_budget_mb, shapes, summary, log)
        summary.results = len(results)
        summary.violations = sum(1 for r in results if not shapes.conforms([r]))
        report = report_text(results)
        (scratch / REPORT).write_text(report, encoding="utf-8")
        if summary.violations:
            raise ValidationError(f"the corpus does not conform to the shapes ({summary.violations} violations; "
                                  f"the first ones below, fix the curation):\n" + "\n".join(report.splitlines()[:21]))
        for name in (NQUADS, REPORT):
            os.replace(scratch / name, out / name)
        return summary
    finally:
        files.close()
        _WORKER.pop("shapes", None)
        shutil.rmtree(scratch, ignore_errors=True)


def _validate_whole(files: _FlatFiles, scratch: Path, store: Path | None, memory_budget_mb: int,
                    shapes: CompiledShapes, summary: CorpusSummary, log: Log) -> list[Result]:
    """The results of the shapes on the whole union graph, in one store (in memory under the budget)."""
    import pyoxigraph as ox

    from . import fastshacl

    started = time.perf_counter()
    in_memory = store is None and files.size() * _STORE_BYTES_PER_NTRIPLES_BYTE < memory_budget_mb * 2**20
    log(f"loading the union graph into an Oxigraph store {'in memory' if in_memory else 'on disk'}")
    db = ox.Store() if in_memory else ox.Store(str(store or scratch / "store"))
    for name in ("ontology", *files.parts()):
        data, index = files.paths(name)
        fastshacl.load_ntriples_files(Path(data), Path(index), db)
    summary.seconds["load"] = time.perf_counter() - started
    started = time.perf_counter()
    log("validating with the shapes compiled to SPARQL")
    results = shapes.validate(db)
    summary.seconds["validate"] = summary.seconds.get("validate", 0.0) + time.perf_counter() - started
    return results


class _FlatFiles:
    """The N-Triples files of the union graph, each with its literal index (fastshacl.literal_index)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._open: dict[str, tuple[BinaryIO, BinaryIO]] = {}
        self._sizes: dict[str, int] = {}

    def write(self, name: str, ntriples: str) -> None:
        from . import fastshacl

        if name not in self._open:
            data, index = self.paths(name)
            self._open[name] = (open(data, "wb"), open(index, "wb"))  # noqa: SIM115 (closed by close())
            self._sizes[name] = 0
        flat, literal_index = self._open[name]
        encoded = ntriples.encode("utf-8")
        flat.write(encoded)
        literal_index.write(fastshacl.literal_index(encoded))
        self._sizes[name] += len(encoded)

    def close(self) -> None:
        for flat, index in self._open.values():
            flat.close()
            index.close()

    def paths(self, name: str) -> tuple[str, str]:
        return str(self.folder / f"{name}.nt"), str(self.folder / f"{name}.index.nt")

    def has(self, name: str) -> bool:
        return name in self._sizes

    def parts(self) -> list[str]:
        return sorted(name for name in self._sizes if name.startswith("part-"))

    def size(self) -> int:
        return sum(size for name, size in self._sizes.items() if not name.startswith("shared-"))


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
