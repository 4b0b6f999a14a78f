"""The ``alkkg`` command line: a thin layer over the typed API.

Exit codes: 0 success; 1 the data is wrong (violations, inconsistency, failed checks, drift);
2 the command could not run (missing or unparsable input, unknown query or parameter).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import AlkkgError, InputError

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
        except Exception as error:  # noqa: BLE001 - the last line of defence
            if _DEBUG["on"]:
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
def build(release_date: str | None, out: Path | None, check: bool, project: Path | None, quiet: bool) -> None:
    """Build every artifact into build/ (atomically: a failed build changes nothing)."""
    from . import pipeline

    log = (lambda _m: None) if quiet else (lambda m: click.echo(f"  {m}", err=True))
    if check:
        names = pipeline.check(project, release_date=release_date, log=log)
        click.echo(f"build/ is up to date ({len(names)} files identical)")
    else:
        artifacts = pipeline.build(project, release_date=release_date, out=out, log=log)
        claims = sum(len(d.located) for d in artifacts.documents)
        click.echo(f"built {len(artifacts.files)} files: {claims} claims, "
                   f"{len(artifacts.flat)} triples, release {artifacts.release.release_date}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--shapes", "shapes_dir", type=click.Path(path_type=Path), help="Shapes folder (default: the project's shapes/).")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the W3C SHACL validation report (Turtle) here.")
@click.option("--allow-warnings", is_flag=True, help="Exit 0 when only warnings are found.")
def validate(files: tuple[Path, ...], shapes_dir: Path | None, report: Path | None, allow_warnings: bool) -> None:
    """Validate RDF FILES with the alkkg shapes: exit 0 conforms, 1 violations, 2 could not run."""
    from . import rdfio
    from .prefixes import new_graph
    from .validation import load_shapes
    from .validation import validate as run

    folder = shapes_dir or _default_shapes()
    data = new_graph()
    for path in files:
        data += rdfio.parse_file(path)
    result = run(data, load_shapes(folder))
    if report:
        rdfio.write_text(report, rdfio.turtle(result.graph, canon=True))
    click.echo(result.text(), nl=False)
    if not result.conforms(allow_warnings):
        sys.exit(1)


def _default_shapes() -> Path:
    from .pipeline import find_project

    try:
        return find_project().shapes
    except InputError:
        raise InputError("no shapes folder: run inside the alkkg project or pass --shapes DIR") from None


@main.command()
@click.argument("name", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (CURIE, <IRI> or literal).")
@click.option("--list", "list_only", is_flag=True, help="List the competency queries with their questions.")
@click.option("--data", type=click.Path(path_type=Path), help="Query this RDF file instead of the built graph.")
@click.option("--engine", type=click.Choice(["rdflib", "oxigraph"]), default="rdflib", show_default=True)
def query(name: str | None, fmt: str, params: tuple[str, ...], list_only: bool, data: Path | None, engine: str) -> None:
    """Run a competency query NAME (or a .rq FILE) on the built graph."""
    from . import queries, rdfio
    from .errors import QueryError
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
    if not source.is_file():
        raise InputError(f"{source}: file not found" + ("" if data else "; run `alkkg build` first"))
    if engine == "oxigraph":
        result = queries.run_oxigraph(source.read_text("utf-8"), rdfio.rdf_format(source), named, bound)
    else:
        result = queries.run_rdflib(rdfio.parse_file(source), named, bound)
    click.echo(queries.render(result, fmt), nl=False)


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
