"""ROBOT-report-style quality checks: SPARQL queries returning ?entity ?property ?value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import InputError, QualityCheckError
from .prefixes import compress
from .rdfio import ntriples

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
    """Run every check on *graph* (with pyoxigraph, for speed); rows sorted by level, check, entity."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(ntriples(graph).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    rows = []
    for check in checks:
        try:
            solutions = store.query(check.query)
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"{check.path}: query failed: {' '.join(str(exc).split())[:200]}") from None
        for solution in solutions:  # type: ignore[union-attr]
            values = [compress(term.value) if term is not None else ""
                      for term in (solution["entity"], solution["property"], solution["value"])]
            rows.append(Row(check.level, check.name, *values))
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
