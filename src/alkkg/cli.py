"""The ``alkkg`` command line: a thin layer over the typed API.

Exit codes: 0 success; 1 the data is wrong (violations, inconsistency, failed checks, drift);
2 the command could not run (missing or unparsable input, unknown query or parameter).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import AlkkgError, InputError, LimitError
from .corpus import MEMORY_BUDGET_MB
from .limits import MAX_MEMORY_MB, QUERY_TIMEOUT, VALIDATE_TIMEOUT

_DEBUG = {"on": False}


def _fail(error: AlkkgError) -> None:
    if _DEBUG["on"]:
        raise error
    click.echo(f"error: {error}", err=True)
    sys.exit(error.exit_code)


class _Group(click.Group):
    """Turns unexpected exceptions into one line (exit 70) unless --debug asks for the traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except AlkkgError as error:
            _fail(error)
        except MemoryError:
            _fail(LimitError("ran out of memory; give a smaller input, or run with more memory"))
        except Exception as error:  # noqa: BLE001 - the last line of defence
            from .limits import WorkerCrash

            if _DEBUG["on"]:
                if isinstance(error, WorkerCrash) and error.worker_traceback:
                    click.echo(f"in the worker process:\n{error.worker_traceback}", err=True)
                raise
            click.echo(f"internal error: {type(error).__name__}: {error} "
                       "(a bug in alkkg; rerun with --debug and report the traceback)", err=True)
            sys.exit(70)
        return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="alkkg")
@click.option("--debug", is_flag=True, help="Show the full traceback on errors.")
def main(debug: bool) -> None:
    """alkkg: the claims of Shaw et al. 2014 as a validated knowledge graph."""
    _DEBUG["on"] = debug


@main.command()
@click.option("--release-date", metavar="YYYY-MM-DD", help="Override the release date of release.toml.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: build/).")
@click.option("--check", is_flag=True, help="Rebuild in a temporary folder; fail, naming each file, if build/ differs.")
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), help="Project folder (default: found from here).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("--no-cache", is_flag=True, help="Run the reasoner even when .alkkg-cache/ holds its result for this input.")
def build(release_date: str | None, out: Path | None, check: bool, project: Path | None, quiet: bool,
          no_cache: bool) -> None:
    """Build every artifact into build/ (atomically: a failed build changes nothing)."""
    from . import pipeline

    log = (lambda _m: None) if quiet else (lambda m: click.echo(f"  {m}", err=True))
    if check:
        names = pipeline.check(project, release_date=release_date, log=log, cache=not no_cache)
        click.echo(f"build/ is up to date ({len(names)} files identical)")
    else:
        artifacts = pipeline.build(project, release_date=release_date, out=out, log=log, cache=not no_cache)
        claims = sum(len(d.located) for d in artifacts.documents)
        click.echo(f"built {len(artifacts.files)} files: {claims} claims, "
                   f"{len(artifacts.flat)} triples, release {artifacts.release.release_date}")


_TIMEOUT_HELP = "Stop and fail (exit 2) after this many seconds."
_MEMORY_HELP = "Stop and fail (exit 2) when the work needs more memory than this (MB)."


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--shapes", "shapes_dir", type=click.Path(path_type=Path), help="Shapes folder (default: the project's shapes/).")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the W3C SHACL validation report (Turtle) here.")
@click.option("--allow-warnings", is_flag=True, help="Exit 0 when only warnings are found.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=VALIDATE_TIMEOUT, show_default=True,
              metavar="SECONDS", help=_TIMEOUT_HELP)
@click.option("--max-memory", type=click.IntRange(min=64), default=MAX_MEMORY_MB, show_default=True, metavar="MB",
              help=_MEMORY_HELP)
def validate(files: tuple[Path, ...], shapes_dir: Path | None, report: Path | None, allow_warnings: bool,
             timeout: float, max_memory: int) -> None:
    """Validate RDF FILES with the alkkg shapes: exit 0 conforms, 1 violations, 2 could not run."""
    from . import rdfio
    from .errors import OutputError
    from .files import check_file
    from .limits import run_limited
    from .prefixes import new_graph
    from .validation import load_shapes, shapes_files
    from .validation import validate as run

    folder = shapes_dir or _default_shapes()
    for path in files:  # fail fast, before starting the worker
        check_file(path)
    if report:
        _refuse_report_over_input(report, [*files, *shapes_files(folder)])

    def work() -> tuple[str, bool, str | None]:
        data = new_graph()
        for path in files:
            data += rdfio.parse_file(path)
        result = run(data, load_shapes(folder), shapes_source=str(folder))
        report_text = rdfio.turtle(result.graph, canon=True) if report else None
        _check_unicode(result.text() + (report_text or ""), ", ".join(map(str, files)))
        return result.text(), result.conforms(allow_warnings), report_text

    what = f"validation of {files[0]}" if len(files) == 1 else f"validation of {len(files)} files"
    text, conforms, report_text = run_limited(work, what=what, timeout=timeout, max_memory_mb=max_memory)
    if report and report_text is not None:
        try:
            rdfio.write_text(report, report_text)
        except OSError as exc:
            raise OutputError(f"{report}: cannot write the report: {exc.strerror or exc}; "
                              "choose a writable path for --report") from None
    click.echo(text, nl=False)
    if not conforms:
        sys.exit(1)


def _check_unicode(text: str, source: str) -> None:
    """Refuse output that cannot be written as UTF-8 (lone surrogates from escapes such as \\uD800)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{source}: holds text that is not valid Unicode ({exc.object[exc.start]!a}, "
                         "a lone surrogate from an escape); fix the data") from None


def _refuse_report_over_input(report: Path, inputs: list[Path]) -> None:
    """Refuse a --report path that is one of the inputs (data or shapes), before anything runs."""
    import os

    target = report.resolve()
    for path in inputs:
        same = path.resolve() == target
        if not same and report.exists() and path.exists():
            try:
                same = os.path.samefile(report, path)  # a hard link, or a path through a bind mount
            except OSError:
                same = False
        if same:
            raise InputError(f"--report {report}: is the input {path}; writing the report would overwrite "
                             "it: choose another path for --report")


def _default_shapes() -> Path:
    from .pipeline import find_project

    try:
        return find_project().shapes
    except InputError:
        raise InputError("no shapes folder: run inside the alkkg project or pass --shapes DIR") from None


@main.command()
@click.argument("name", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="SELECT: table, CSV or SPARQL JSON; ASK: true/false; CONSTRUCT/DESCRIBE: Turtle, N-Triples, JSON-LD.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (CURIE, <IRI> or literal).")
@click.option("--list", "list_only", is_flag=True, help="List the competency queries with their questions.")
@click.option("--data", type=click.Path(path_type=Path), help="Query this RDF file instead of the built graph.")
@click.option("--engine", type=click.Choice(["rdflib", "oxigraph"]), default="rdflib", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=QUERY_TIMEOUT, show_default=True,
              metavar="SECONDS", help=_TIMEOUT_HELP)
@click.option("--max-memory", type=click.IntRange(min=64), default=MAX_MEMORY_MB, show_default=True, metavar="MB",
              help=_MEMORY_HELP)
def query(name: str | None, fmt: str, params: tuple[str, ...], list_only: bool, data: Path | None, engine: str,
          timeout: float, max_memory: int) -> None:
    """Run a competency query NAME (or a .rq FILE) on the built graph."""
    from . import queries, rdfio
    from .errors import QueryError
    from .files import check_file
    from .limits import run_limited
    from .pipeline import find_project

    project = find_project()
    if list_only:
        for q in queries.list_queries(project.competency):
            flag = " [inference]" if q.needs_inference else ""
            params_text = f" (params: {', '.join(q.params)})" if q.params else ""
            click.echo(f"{q.name}{flag}: {q.question}{params_text}")
        return
    if not name:
        raise QueryError("give a query NAME or FILE, or --list")
    named = queries.find_query(name, project.competency)
    bindings = {}
    for item in params:
        if "=" not in item:
            raise QueryError(f"--param {item!r} must look like NAME=VALUE")
        key, value = item.split("=", 1)
        bindings[key.strip()] = value.strip()
    bound = queries.bind_params(named, bindings)
    source = data or project.build / ("alkkg-inferred.ttl" if named.needs_inference else "alkkg.ttl")
    if not data and not source.is_file():
        raise InputError(f"{source}: file not found; run `alkkg build` first")
    check_file(source)

    def work() -> str:
        # Syntax, updates and SERVICE first: refused before any data is read (and under the time
        # limit: parsing a hostile query can be slow too).
        queries.check_syntax(named)
        if engine == "oxigraph":
            rdf = rdfio.read_rdf(source)
            result = queries.run_oxigraph(rdf.data, rdf.format, named, bound, base_iri=rdf.base, source=str(source))
        else:
            result = queries.run_rdflib(rdfio.parse_dataset(source), named, bound)
        text = queries.render(result, fmt)
        _check_unicode(text, str(source))
        return text

    text = run_limited(work, what=f"query {named.name!r}", timeout=timeout, max_memory_mb=max_memory)
    click.echo(text, nl=False)


@main.command()
@click.option("--claims", "n_claims", type=click.IntRange(min=1, max=10_000_000), required=True, metavar="N",
              help="Exactly this many claims, over documents of 10-60 claims each.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="A new or empty folder for the synthetic project.")
@click.option("--seed", type=int, default=0, show_default=True, help="The same N and seed give the same bytes.")
@click.option("--project", type=click.Path(file_okay=False, path_type=Path),
              help="Project whose ontology, shapes and queries are copied (default: found from here).")
def synth(n_claims: int, out: Path, seed: int, project: Path | None) -> None:
    """Write a synthetic, buildable benchmark project of N claims into OUT (placeholder data, never real)."""
    from .pipeline import find_project
    from .synth import synthesise

    summary = synthesise(n_claims, out, seed=seed, project=find_project(project),
                         log=lambda m: click.echo(f"  {m}", err=True))
    click.echo(summary.text(), nl=False)


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for alkkg.nq and validation-report.txt (created if missing).")
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), help="Project folder (default: found from here).")
@click.option("--jobs", type=click.IntRange(min=1, max=256), help="Worker processes (default: one per CPU).")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path),
              help="Keep the validated Oxigraph store in this new folder (default: a temporary one).")
@click.option("--memory-budget", "memory_budget", type=click.IntRange(min=0), default=MEMORY_BUDGET_MB, show_default=True,
              metavar="MB", help="Memory for the validation stores: partitions of documents are sized so that one "
              "per worker fits; the whole graph (--whole-graph) is validated in memory under it, else on disk.")
@click.option("--whole-graph", is_flag=True, help="Validate the whole union graph in one store, not per partition.")
@click.option("--release-date", metavar="YYYY-MM-DD", help="Override the release date of release.toml.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def corpus(out: Path, project: Path | None, jobs: int | None, store: Path | None, memory_budget: int,
           whole_graph: bool, release_date: str | None, quiet: bool) -> None:
    """Compile, check and validate a large corpus in bounded memory: N-Quads and a validation report.

    Every document is compiled in parallel and streamed to OUT/alkkg.nq; the shapes (compiled to
    SPARQL) validate each partition of documents in its own in-memory Oxigraph store, with the
    triples documents share (the whole graph in one store when partitions are not independent, or
    with --whole-graph or --store). No reasoner, no site: use `alkkg build` for those.
    """
    from .corpus import build_corpus
    from .pipeline import find_project

    log = (lambda _m: None) if quiet else (lambda m: click.echo(f"  {m}", err=True))
    summary = build_corpus(find_project(project).root, out, release_date=release_date, jobs=jobs, store=store,
                           memory_budget_mb=memory_budget, whole_graph=whole_graph, log=log)
    seconds = ", ".join(f"{name} {value:.1f} s" for name, value in summary.seconds.items())
    how = f"{summary.partitions} partition(s)" if summary.partitions else f"the whole graph ({summary.whole_graph_reason})"
    click.echo(f"compiled {summary.documents} documents, {summary.claims} claims, {summary.quads} quads into {out}; "
               f"validated {how}: 0 violations, {summary.results} other results ({seconds})")


@main.command()
@click.argument("documents", nargs=-1)
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), help="Project folder (default: found from here).")
def pin(documents: tuple[str, ...], project: Path | None) -> None:
    """Record the SHA-256 of each document's source text (all documents, or the DOCUMENTS named).

    Run it only after checking the claims against the text: the build refuses any other text.
    """
    from .pinning import pin_document
    from .pipeline import find_project

    found = find_project(project)
    folders = found.documents()
    if documents:
        by_name = {folder.name: folder for folder in folders}
        unknown = [name for name in documents if name not in by_name]
        if unknown:
            raise InputError(f"no curated document {unknown[0]!r} in {found.assertions}; "
                             f"known: {', '.join(sorted(by_name))}")
        folders = [by_name[name] for name in documents]
    for folder in folders:
        result = pin_document(folder)
        click.echo(f"{folder.name}: pinned sha256 {result.text_sha256} ({len(result.sentence_sha256)} sentences)")


@main.command()
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True,
              help="Port to listen on (0: a free port, printed).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; a non-loopback address needs --public.")
@click.option("--public", is_flag=True, help="Allow a non-loopback --host: anyone who can reach it can read and query.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="The build folder to serve (default: the project's build/).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=QUERY_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Stop a SPARQL query after this many seconds (answer 503).")
@click.option("--max-memory", type=click.IntRange(min=64), default=MAX_MEMORY_MB, show_default=True, metavar="MB",
              help="Stop a SPARQL query that needs more memory than this (answer 503).")
@click.option("-q", "--quiet", is_flag=True, help="Do not log requests.")
def serve(port: int, host: str, public: bool, out: Path | None, timeout: float, max_memory: int, quiet: bool) -> None:
    """Serve build/ on this machine: pages by content negotiation, the release files, a read-only SPARQL endpoint."""
    from . import serve as server

    if out is None:
        from .pipeline import find_project

        out = find_project().build
    server.check_host(host, allow_public=public)  # before loading anything
    server.serve(out, host, port, query_timeout=timeout, max_memory_mb=max_memory, allow_public=public,
                 announce=click.echo, log=None if quiet else (lambda m: click.echo(m, err=True)))
