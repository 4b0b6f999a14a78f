"""HTML reference documentation of the ontology (pyLODE)."""

from __future__ import annotations

import logging
import re

from .errors import InputError


def ontology_html(ontology_turtle: str) -> str:
    """Render the released ontology (Turtle text) as one self-contained HTML page."""
    try:
        from pylode import OntPub
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise InputError(f"pyLODE is not importable ({exc}); install pylode==3.3.4") from None
    from rdflib import Graph

    graph = Graph(bind_namespaces="none")
    graph.parse(data=ontology_turtle, format="turtle")
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.WARNING)  # pyLODE logs progress at INFO on the root logger
    try:
        html = OntPub(ontology=graph, sort_subjects=True).make_html(include_css=True)
    except Exception as exc:  # pyLODE signals ontology problems with its own exceptions
        raise InputError(f"ontology documentation could not be made: {exc}") from None
    finally:
        root.setLevel(level)
    # pyLODE names blank nodes by their random in-memory ids; give them stable, ordered names.
    names: dict[str, str] = {}
    return re.sub(r"\b(N[0-9a-f]{32}|cb[0-9a-f]{20,})\b",
                  lambda m: names.setdefault(m.group(1), f"b{len(names)}"), html)
