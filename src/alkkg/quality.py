"""ROBOT-report-style quality checks: SPARQL queries returning ?entity ?property ?value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import InputError, QualityCheckError
from .prefixes import compress

LEVELS = ("ERROR", "WARN", "INFO")


@dataclass(frozen=True)
class Check:
    name: str
    level: str
    description: str
    query: str
    path: Path


@dataclass(frozen=True)
class Row:
    level: str
    check: str
    entity: str
    property: str
    value: str


def _header(text: str, key: str) -> str | None:
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        body = stripped.lstrip("#").strip()
        if body.lower().startswith(key + ":"):
            return body.split(":", 1)[1].strip()
    return None


def load_checks(folder: Path) -> list[Check]:
    """Every ``*.rq`` of the QC folder; its level comes from its ``# level:`` header."""
    checks = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        level = (_header(text, "level") or "").upper()
        if level not in LEVELS:
            raise InputError(f"{path}: header '# level:' must be one of {', '.join(LEVELS)}")
        checks.append(Check(path.stem, level, _header(text, "description") or "", text, path))
    if not checks:
        raise InputError(f"{folder}: no quality checks (*.rq) found")
    return checks


def run_checks(graph: Graph, checks: list[Check]) -> list[Row]:
    """Run every check on *graph*; rows sorted by level, check, entity."""
    rows = []
    for check in checks:
        try:
            result = graph.query(check.query)
        except Exception as exc:
            raise InputError(f"{check.path}: query failed: {' '.join(str(exc).split())[:200]}") from None
        for binding in result:
            values = [compress(str(v)) if v is not None else "" for v in binding]  # type: ignore[union-attr]
            values += [""] * (3 - len(values))
            rows.append(Row(check.level, check.name, *values[:3]))
    order = {level: i for i, level in enumerate(LEVELS)}
    return sorted(set(rows), key=lambda r: (order[r.level], r.check, r.entity, r.property, r.value))


def report_tsv(rows: list[Row]) -> str:
    lines = ["Level\tRule Name\tSubject\tProperty\tValue"]
    for row in rows:
        cells = [row.level, row.check, row.entity, row.property, row.value]
        lines.append("\t".join(" ".join(c.split()) for c in cells))
    return "\n".join(lines) + "\n"


def fail_on_errors(rows: list[Row]) -> None:
    errors = [r for r in rows if r.level == "ERROR"]
    if errors:
        shown = "; ".join(f"{r.check}: {r.entity} {r.property} {r.value}".strip() for r in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise QualityCheckError(f"{len(errors)} ERROR row(s) in the ontology quality report: "
                                f"{shown}{more}; fix them in ontology/alkkg.ttl")
