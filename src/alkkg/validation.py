"""SHACL validation with pyshacl, telling "does not conform" apart from "could not run"."""

from __future__ import annotations

import logging
import os
import warnings
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, Literal, Namespace, URIRef

from .cache import StageCache, code_digest, digest_text, graph_digest
from .errors import ConfinementError, InputError, LimitError, QueryError
from .prefixes import PREFIX_MAP, bind_all, compress, new_graph
from .rdfio import ntriples, parse_file

SH = Namespace(PREFIX_MAP["sh"])

# pyshacl attaches its own stderr handler to this logger on every call and logs each error before
# raising it; the CLI reports the raised error once, in its own one-line form.
logging.getLogger("pyshacl-validate").addFilter(lambda _record: False)


@dataclass(frozen=True)
class Finding:
    severity: str
    focus: str
    path: str
    shape: str
    component: str
    value: str
    message: str


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of one validation: findings, and the W3C report graph."""

    findings: tuple[Finding, ...]
    graph: Graph

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "Violation")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity != "Violation")

    def conforms(self, allow_warnings: bool = False) -> bool:
        return not self.violations and (allow_warnings or not self.warnings)

    def text(self) -> str:
        """A readable report grouped by focus node."""
        if not self.findings:
            return "Conforms: no violations, no warnings.\n"
        by_focus: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            by_focus[finding.focus].append(finding)
        lines = [f"{len(self.violations)} violation(s), {len(self.warnings)} warning(s) "
                 f"on {len(by_focus)} node(s)."]
        for focus in sorted(by_focus):
            lines.append(f"\n{focus}")
            for f in sorted(by_focus[focus], key=lambda x: (x.severity, x.path, x.message)):
                value = f" (value: {f.value})" if f.value else ""
                lines.append(f"  {f.severity}: {f.path or '-'}: {f.message}{value} [{f.shape}]")
        return "\n".join(lines) + "\n"


def shapes_files(folder: Path) -> list[Path]:
    """The ``*.ttl`` files of a shapes folder, sorted; InputError if there is no such folder or file."""
    try:
        if not folder.exists():
            raise InputError(f"{folder}: shapes folder not found; pass --shapes DIR (the folder of *.ttl shapes)")
        if not folder.is_dir():
            raise InputError(f"{folder}: is not a folder; --shapes takes the folder holding the *.ttl shapes")
        with os.scandir(folder) as entries:  # scandir, not glob: glob hides an unreadable folder
            files = sorted(folder / e.name for e in entries if e.name.endswith(".ttl"))
    except OSError as exc:
        raise InputError(f"{folder}: cannot list the shapes folder: {exc.strerror or exc}") from None
    if not files:
        raise InputError(f"{folder}: no shapes (*.ttl) found")
    return files


def load_shapes(folder: Path, *, cache: StageCache | None = None) -> Graph:
    """All ``*.ttl`` files of the shapes folder, as one graph (each file checked on its own).

    With a *cache*, a SPARQL constraint whose exact text passed the safety check before (with the
    same checking code) is not parsed again: rdflib's parser takes about a second for our shapes.
    """
    shapes = new_graph()
    for path in shapes_files(folder):
        graph = parse_file(path)
        refuse_unsafe_sparql(graph, path, cache=cache)
        shapes += graph
    return bind_all(shapes)


# SHACL-SPARQL and SHACL-AF put query text under these predicates; pyshacl runs it with rdflib.
_SPARQL_PREDICATES = (SH.select, SH.ask, SH.construct, SH.update)


def refuse_unsafe_sparql(shapes: Graph, path: Path, *, cache: StageCache | None = None) -> None:
    """Refuse SPARQL in shapes that would reach beyond the data: SERVICE, FROM/FROM NAMED, updates.

    *cache* remembers the texts found safe, keyed by the text and the code that checked it; only a
    pass is remembered, so a refusal is always reported afresh.
    """
    from . import queries
    from .queries import has_dataset_clause, parse_sparql, refuse_unsafe

    checker = code_digest(Path(__file__), Path(queries.__file__)) if cache is not None else ""
    for predicate in _SPARQL_PREDICATES:
        for shape, text in shapes.subject_objects(predicate):
            name = _name(shape) if isinstance(shape, URIRef) else "a blank-node shape"
            where = f"{path}: {compress(str(predicate))} of {name}"
            if predicate == SH.update or not isinstance(text, Literal):
                raise InputError(f"{where}: refused: shapes may only hold read-only SPARQL "
                                 "(sh:select, sh:ask, sh:construct) as a string")
            key = digest_text(f"sparql-safety\n{checker}\n{predicate}\n{text}") if cache is not None else ""
            if cache is not None and cache.get("sparql-safety", key) == "safe":
                continue
            try:
                tree = parse_sparql(str(text), where)
            except QueryError as exc:
                raise InputError(str(exc)) from None
            refuse_unsafe(tree, where)
            if has_dataset_clause(tree):
                raise ConfinementError(f"{where}: FROM / FROM NAMED refused: validation reads only the data "
                                       "it is given: remove the clause")
            if cache is not None:
                cache.put("sparql-safety", key, "safe")


def validate(data: Graph, shapes: Graph, *, shapes_source: str | None = None,
             cache: StageCache | None = None) -> ValidationReport:
    """Run *shapes* on *data* (no inference, nothing mixed into the data graph).

    *shapes_source* (the shapes folder) is named in the error when the shapes make pyshacl fail.
    With a *cache*, the report of the same data and shapes validated before is read back.
    """
    import pyshacl

    key = ""
    if cache is not None:
        key = digest_text(f"shacl\n{pyshacl.__version__}\n{code_digest(Path(__file__))}\n"
                          f"{graph_digest(data)}\n{graph_digest(shapes)}")
        stored = cache.get("shacl", key)
        if stored is not None:
            report = Graph(bind_namespaces="none")
            report.parse(data=stored, format="nt")
            return ValidationReport(_findings(report), bind_all(report))

    where = f"{shapes_source}: " if shapes_source else ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. ShapeRecursionWarning, printed with source lines
            _, report_graph, _ = pyshacl.validate(
                data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True,
                abort_on_first=False, meta_shacl=False, do_owl_imports=False, js=False,
            )
    except MemoryError:
        raise
    except RecursionError:
        raise LimitError(f"{where}SHACL validation recursed too deeply (shapes that refer to themselves?); "
                         "check the shapes") from None
    except Exception as exc:  # pyshacl raises its own types (and plain Python errors) for broken shapes
        raise InputError(f"{where}SHACL validation could not run with these shapes: "
                         f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}; check the shapes") from None
    if cache is not None:
        cache.put("shacl", key, ntriples(report_graph))
    return ValidationReport(_findings(report_graph), bind_all(report_graph))


def _name(node: object) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return compress(str(node))
    return str(node)


def _findings(report: Graph) -> tuple[Finding, ...]:
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        found.append(Finding(
            severity=_name(severity).split(":")[-1].split("#")[-1],
            focus=_name(report.value(result, SH.focusNode)),
            path=_name(report.value(result, SH.resultPath)),
            shape=_name(report.value(result, SH.sourceShape)),
            component=_name(report.value(result, SH.sourceConstraintComponent)),
            value=_name(report.value(result, SH.value)),
            message=" ".join(str(report.value(result, SH.resultMessage) or "").split()),
        ))
    return tuple(sorted(found, key=lambda f: (f.focus, f.severity, f.path, f.shape, f.message)))
