"""SHACL validation with pyshacl, telling "does not conform" apart from "could not run"."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef

from .errors import InputError
from .prefixes import PREFIX_MAP, bind_all, compress, new_graph
from .rdfio import parse_file

SH = Namespace(PREFIX_MAP["sh"])


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


def load_shapes(folder: Path) -> Graph:
    """All ``*.ttl`` files of the shapes folder, as one graph."""
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise InputError(f"{folder}: no shapes (*.ttl) found")
    shapes = new_graph()
    for path in files:
        shapes += parse_file(path)
    return bind_all(shapes)


def validate(data: Graph, shapes: Graph) -> ValidationReport:
    """Run *shapes* on *data* (no inference, nothing mixed into the data graph)."""
    import pyshacl

    try:
        _, report_graph, _ = pyshacl.validate(
            data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True,
            abort_on_first=False, meta_shacl=False,
        )
    except Exception as exc:  # pyshacl raises its own types for broken shapes
        raise InputError(f"SHACL validation could not run: {' '.join(str(exc).split())[:300]}") from None
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
