"""The build: source + curation -> RDF -> reasoning -> validation -> exports and docs.

Everything is written into a temporary folder beside the output and swapped in only when every
stage passed, so a failed or interrupted build leaves the previous ``build/`` as it was.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from . import outdir, rdfio
from .claims import CompiledDocument, Vocabulary, compile_document
from .coverage import Coverage, compute_coverage, report_json, report_markdown
from .curation import load_curation
from .errors import BuildCheckError, CurationError, InputError, ValidationError
from .nanopubs import check_nanopublications, release_dataset
from .ontology import load_ontology
from .pinning import check_pin
from .prefixes import compress, new_dataset, new_graph
from .quality import Row, fail_on_errors, load_checks, report_tsv, run_checks
from .cache import CACHE_FOLDER, StageCache, code_digest, dataset_digest, digest_text, graph_digest
from .reasoning import reason
from .release import Release, load_release
from .source import read_source
from .queries import NamedQuery, list_queries
from .validation import ValidationReport, load_shapes, validate
from .void import describe

Log = Callable[[str], None]


@dataclass(frozen=True)
class Project:
    """Where the hand-edited inputs live."""

    root: Path

    @property
    def ontology(self) -> Path:
        return self.root / "ontology" / "alkkg.ttl"

    @property
    def assertions(self) -> Path:
        return self.root / "assertions"

    @property
    def shapes(self) -> Path:
        return self.root / "shapes"

    @property
    def qc(self) -> Path:
        return self.root / "queries" / "qc"

    @property
    def competency(self) -> Path:
        return self.root / "queries" / "competency"

    @property
    def build(self) -> Path:
        return self.root / "build"

    def documents(self) -> list[Path]:
        folders = sorted(p.parent for p in self.assertions.glob("*/document.yaml"))
        if not folders:
            raise InputError(f"{self.assertions}: no curated document (*/document.yaml) found")
        return folders


def find_project(start: Path | None = None) -> Project:
    """The project whose root holds ``ontology/alkkg.ttl``, searching upwards from *start*."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "ontology" / "alkkg.ttl").is_file():
            return Project(folder)
    raise InputError(f"{here}: not inside an alkkg project (no ontology/alkkg.ttl here or above); "
                     "run from the project folder or pass --project")


@dataclass
class Artifacts:
    """Everything a build produced, in memory, before it is written."""

    release: Release
    ontology: Graph
    flat: Graph
    inferred: Graph
    documents: list[CompiledDocument]
    coverage: list[Coverage]
    files: dict[str, str] = field(default_factory=dict)


def _quiet(_: str) -> None:
    return None


def compile_folder(folder: Path, vocabulary: Vocabulary, release_date: str) -> tuple[CompiledDocument, Coverage]:
    """Load one curated document, check its pin, compile it and check its coverage (the per-document
    stages, shared by ``alkkg build`` and ``alkkg corpus``); CurationError names what is wrong."""
    curation = load_curation(folder)
    text = read_source(curation.document.text_path)
    check_pin(curation, text)
    compiled = compile_document(curation, text, vocabulary, release_date)
    coverage = compute_coverage(compiled)
    if coverage.gaps:
        raise CurationError(f"coverage of {folder.name} is incomplete: " + "; ".join(coverage.gaps)
                            + " - add claims or an 'acknowledged' entry with a reason", path=str(curation.path))
    return compiled, coverage


def assemble(project: Project, release: Release, log: Log = _quiet, *, cache: bool = True) -> Artifacts:
    """Run every stage in memory; raise an AlkkgError at the first failure.

    With *cache*, the reasoner's result is read from ``.alkkg-cache/`` when its exact input was
    reasoned before (:mod:`alkkg.cache`); the output is the same bytes either way.
    """
    log("ontology: load and stamp release")
    ontology = load_ontology(project.ontology, release)
    log("ontology: quality checks")
    qc_rows = run_checks(ontology, load_checks(project.qc))
    fail_on_errors(qc_rows)

    documents, coverages = [], []
    flat, nanopubs = new_graph(), new_dataset()
    flat += ontology
    vocabulary = Vocabulary(ontology)
    for folder in project.documents():
        log(f"curation: {folder.name}")
        compiled, coverage = compile_folder(folder, vocabulary, release.release_date)
        documents.append(compiled)
        coverages.append(coverage)
        flat += compiled.flat
        for quad in compiled.nanopubs.quads((None, None, None, None)):
            nanopubs.add(quad)  # type: ignore[arg-type]

    log("reasoning: HermiT consistency and classification")
    base = new_graph()
    base += ontology
    parts: dict[str, Graph] = {}
    for compiled in documents:
        base += compiled.document_graph
        for claim_id, graph in compiled.claim_graphs.items():
            parts[f"{compiled.curation.document.id}/{claim_id}"] = graph
    stage_cache = StageCache(cache_folder(project) if cache else None)
    result = reason(base, parts, stage_cache)
    if "reasoning" in stage_cache.hit_stages:
        log("reasoning: unchanged input, result read from the cache")
    inferred = new_graph()
    inferred += flat
    inferred += result.inferred

    log("validation: nanopublication structure")
    # the complete release as quads: every nanopublication (the document description is one),
    # plus the ontology in the graph named by its versionIRI
    ontology_graph = URIRef(release.version_iri)
    complete = release_dataset(nanopubs, {ontology_graph: ontology})
    check_nanopublications(complete, other_graphs={ontology_graph})
    log("validation: SHACL shapes")
    report = validate(flat, load_shapes(project.shapes, cache=stage_cache), cache=stage_cache)
    if "shacl" in stage_cache.hit_stages:
        log("validation: unchanged data and shapes, report read from the cache")
    if not report.conforms(allow_warnings=True):
        raise ValidationError(f"the data does not conform to the shapes:\n{report.text()}")

    artifacts = Artifacts(release, ontology, flat, inferred, documents, coverages)
    queries = list_queries(project.competency)
    key = _render_key(complete, inferred, report.text(), report_tsv(qc_rows), report_json(coverages),
                      release, queries) if stage_cache.folder else ""
    stored = stage_cache.get("render", key)
    if stored is not None:
        log("exports, docs and site: unchanged inputs, read from the cache")
        artifacts.files.update(json.loads(stored))
    else:
        artifacts.files.update(_render(artifacts, complete, report, qc_rows, result.inferred, queries, log))
        stage_cache.put("render", key, json.dumps(artifacts.files, sort_keys=True))
    artifacts.files["MANIFEST.json"] = _manifest(artifacts.files, release)
    return artifacts


def _render(artifacts: Artifacts, complete: Dataset, report: ValidationReport, qc_rows: list[Row],
            reasoned: Graph, queries: list[NamedQuery], log: Log) -> dict[str, str]:
    """Every file of the release except the manifest: exports, reports, docs and site."""
    release, flat, ontology = artifacts.release, artifacts.flat, artifacts.ontology
    log("exports: serialising")
    files = {"alkkg.ttl": rdfio.turtle(flat), "alkkg.jsonld": rdfio.jsonld(flat),
             "alkkg-ontology.ttl": rdfio.turtle(ontology), "alkkg-ontology.owl": rdfio.rdfxml(ontology),
             "alkkg-inferred.ttl": rdfio.turtle(artifacts.inferred),
             "alkkg.trig": rdfio.trig(complete), "alkkg.nq": rdfio.nquads(complete),
             "reports/qc-report.tsv": report_tsv(qc_rows),
             "reports/validation-report.ttl": rdfio.turtle(report.graph, canon=True),
             "reports/validation-report.txt": report.text(),
             "reports/reasoning.tsv": _reasoning_tsv(reasoned),
             "coverage.md": report_markdown(artifacts.coverage), "coverage.json": report_json(artifacts.coverage)}
    claim_count = sum(len(d.located) for d in artifacts.documents)
    files["void.ttl"] = rdfio.turtle(describe(release, flat, claim_count, sorted(files), quads=complete))
    log("docs: ontology reference")
    from .docs import ontology_html

    files["docs/index.html"] = ontology_html(files["alkkg-ontology.ttl"])
    log("site: static linked-data pages")
    from .site import site_files

    artifacts.files.update(files)  # the site's home page lists the release files
    files.update(site_files(artifacts, queries))
    return files


def _render_key(complete: Dataset, inferred: Graph, report: str, qc: str, coverage: str,
                release: Release, queries: list[NamedQuery]) -> str:
    """Everything the rendered files depend on: the complete dataset and the inferred graph (as
    canonical RDF), the reports, the release, the competency queries and the package's code."""
    parts = [dataset_digest(complete), graph_digest(inferred), digest_text(report), digest_text(qc),
             digest_text(coverage), release.version, release.release_date,
             code_digest(*Path(__file__).parent.glob("*.py"))]
    parts += [digest_text(f"{q.name}\n{q.text}") for q in queries]
    return digest_text("render\n" + "\n".join(parts))


def cache_folder(project: Project) -> Path:
    """``.alkkg-cache/`` beside build/, or the folder named by ``ALKKG_CACHE_DIR`` (shared by
    several checkouts or copies of a project: entries are keyed by content, never by path)."""
    named = os.environ.get("ALKKG_CACHE_DIR")
    return Path(named) if named else project.root / CACHE_FOLDER


def _reasoning_tsv(inferred: Graph) -> str:
    rows = sorted((compress(str(s)), compress(str(p)), compress(str(o))) for s, p, o in inferred)
    return "subject\tpredicate\tobject\n" + "".join("\t".join(r) + "\n" for r in rows)


def _manifest(files: dict[str, str], release: Release) -> str:
    entries = {name: hashlib.sha256(text.encode("utf-8")).hexdigest() for name, text in sorted(files.items())}
    return json.dumps({"version": release.version, "release_date": release.release_date,
                       "sha256": entries}, indent=1, sort_keys=True) + "\n"


def write_tree(files: dict[str, str], folder: Path, *, sync: bool = False) -> None:
    """Write *files* under *folder*, MANIFEST.json last; an OSError becomes an OutputError naming the file."""
    outdir.write_files(files, folder, write=rdfio.write_text, sync=sync)


def build(project_dir: Path | str | None = None, *, release_date: str | None = None,
          out: Path | str | None = None, log: Log = _quiet, lock_timeout: float = 600.0,
          cache: bool = True) -> Artifacts:
    """Build every artifact into *out* (default ``build/``), atomically.

    *out* must be new, empty or an earlier build (see :func:`alkkg.outdir.ensure_safe`): that is
    checked before the slow stages run. Builds into one folder wait for each other up to
    *lock_timeout* seconds.

    >>> build(".", release_date="2026-11-28")  # doctest: +SKIP
    """
    project = find_project(Path(project_dir) if project_dir else None)
    release = load_release(release_date)
    # absolute but not resolved: a symlinked target must still be seen as a symlink
    target = Path(os.path.abspath(out)) if out else project.build
    inputs = (project.ontology.parent, project.assertions, project.shapes, project.root / "queries",
              project.root / CACHE_FOLDER)
    outdir.ensure_safe(target, project.root, inputs)  # refuse before creating anything beside it
    with outdir.locked(target, timeout=lock_timeout, log=log):
        outdir.recover(target, log)
        outdir.clean_stale_temp()
        outdir.ensure_safe(target, project.root, inputs)  # again: recovery may have restored it
        artifacts = assemble(project, release, log, cache=cache)
        outdir.ensure_safe(target, project.root, inputs)  # a user may have saved a file there meanwhile
        if _unchanged(artifacts.files, target):
            log(f"{target} already holds exactly these {len(artifacts.files)} files: nothing written")
            return artifacts
        _swap(artifacts.files, target)
    log(f"wrote {len(artifacts.files)} files to {target}")
    return artifacts


def _unchanged(files: dict[str, str], target: Path) -> bool:
    """Does *target* already hold exactly *files*? (Same MANIFEST, every file it lists verified,
    and - by ensure_safe - nothing it does not list.) Rewriting and syncing ~2,000 identical files
    is most of a warm rebuild's time."""
    try:
        manifest = (target / outdir.MANIFEST).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return manifest == files.get(outdir.MANIFEST) and outdir.is_complete(target)


def _swap(files: dict[str, str], target: Path) -> None:
    """Stage *files* beside *target* and swap them in; a kill at any instant keeps a whole tree."""
    outdir.install(target, lambda staging: write_tree(files, staging, sync=True))


def check(project_dir: Path | str | None = None, *, release_date: str | None = None,
          log: Log = _quiet, cache: bool = True) -> list[str]:
    """Rebuild in memory and compare with the committed build; raise BuildCheckError on drift."""
    project = find_project(Path(project_dir) if project_dir else None)
    outdir.clean_stale_temp()
    artifacts = assemble(project, load_release(release_date), log, cache=cache)
    with outdir.temp_dir("check") as tmp:  # pid-named: a killed check's folder is removed later
        fresh = Path(tmp)
        write_tree(artifacts.files, fresh)
        problems = compare_trees(fresh, project.build)
    if problems:
        raise BuildCheckError("build/ is not what the inputs produce:\n  " + "\n  ".join(problems)
                              + "\nrun `alkkg build` and commit build/")
    return sorted(artifacts.files)


def compare_trees(fresh: Path, committed: Path) -> list[str]:
    """Differences between two trees, one line per file."""
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} if root.exists() else set()

    new, old = files(fresh), files(committed)
    problems = [f"{name}: missing from build/" for name in sorted(new - old)]
    problems += [f"{name}: in build/ but no longer produced" for name in sorted(old - new)]
    problems += [f"{name}: differs" for name in sorted(new & old)
                 if not filecmp.cmp(fresh / name, committed / name, shallow=False)]
    return problems
