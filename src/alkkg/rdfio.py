"""Reading and writing RDF files, deterministically.

All file I/O goes through rdflib; output is canonical (sorted lines, canonical Turtle) so that
the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.util import guess_format

from .errors import InputError
from .prefixes import PREFIX_MAP, new_dataset, new_graph

FORMATS = {".ttl": "turtle", ".nt": "nt", ".owl": "xml", ".rdf": "xml", ".xml": "xml",
           ".jsonld": "json-ld", ".trig": "trig", ".nq": "nquads"}
QUAD_FORMATS = {"trig", "nquads"}


def rdf_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower()) or guess_format(str(path))
    if fmt is None:
        raise InputError(f"{path}: unknown RDF format; use .ttl, .nt, .owl/.rdf, .jsonld, .trig or .nq")
    return fmt


def parse_file(path: Path) -> Graph:
    """Parse an RDF file into one graph (named graphs are merged), with a clear error."""
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    fmt = rdf_format(path)
    try:
        if fmt in QUAD_FORMATS:
            dataset = new_dataset()
            dataset.parse(path, format=fmt)
            graph = new_graph()
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        graph = new_graph()
        graph.parse(path, format=fmt)
        return graph
    except Exception as exc:  # rdflib raises many types for bad syntax
        raise InputError(f"{path}: cannot parse as {fmt}: {_first_line(exc)}; fix the syntax") from None


def _first_line(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())[:300]


def turtle(graph: Graph, *, canon: bool = False) -> str:
    """Stable Turtle: sorted subjects and predicates, project prefixes.

    Our graphs already carry stable blank-node labels (the ontology is canonicalised once when
    loaded; negation axioms have fixed labels), so full canonicalisation - slow - is only needed
    for graphs made by other tools, such as pyshacl's report: pass ``canon=True`` for those.
    """
    return graph.serialize(format="longturtle", canon=canon)


def ntriples(graph: Graph) -> str:
    lines = graph.serialize(format="nt").splitlines()
    return "".join(sorted(line + "\n" for line in lines if line.strip()))


def nquads(dataset: Dataset) -> str:
    lines = dataset.serialize(format="nquads").splitlines()
    return "".join(sorted(line + "\n" for line in lines if line.strip()))


def trig(dataset: Dataset) -> str:
    """TriG with graphs in IRI order, each body canonical Turtle."""
    out = [f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIX_MAP.items()]
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0:
            continue
        body = new_graph()
        for triple in context:
            body.add(triple)
        lines = [line for line in turtle(body).splitlines()
                 if line.strip() and not line.startswith(("PREFIX ", "@prefix "))]
        out.append(f"\n<{context.identifier}> {{\n")
        out.extend("    " + line + "\n" for line in lines)
        out.append("}\n")
    return "".join(out)


def rdfxml(graph: Graph) -> str:
    """RDF/XML (rdflib's flat writer) put in a canonical order.

    rdflib orders namespace declarations, descriptions and properties by set/dict order, which
    changes with the hash seed. The flat writer emits one ``rdf:Description`` per subject with one
    property element per line, so sorting declarations, descriptions and property lines is safe
    (order carries no meaning in RDF/XML) and makes the bytes stable.
    """
    text = graph.serialize(format="xml")
    head, _, body = text.partition("\n>\n")
    lines = head.split("\n")
    header = [line for line in lines if not line.lstrip().startswith("xmlns")]
    declarations = [line for line in lines if line.lstrip().startswith("xmlns")]
    body = body.removesuffix("</rdf:RDF>\n")
    blocks = re.split(r"\n(?=  <rdf:Description)", "\n" + body.rstrip("\n"))
    canonical = []
    for block in blocks:
        if not block.strip():
            continue
        parts = re.split(r"\n(?=    <)", block.strip("\n"))
        opening, *properties = parts
        closing = ""
        if properties and properties[-1].endswith("\n  </rdf:Description>"):
            properties[-1], closing = properties[-1].rsplit("\n", 1)
        canonical.append("\n".join([opening, *sorted(properties), *([closing] if closing else [])]))
    return "\n".join([*header, *sorted(declarations)]) + "\n>\n" + "\n".join(sorted(canonical)) + "\n</rdf:RDF>\n"


def jsonld(graph: Graph) -> str:
    """JSON-LD with a context from the prefix map, nodes sorted by @id, keys sorted."""
    context = dict(sorted(PREFIX_MAP.items()))
    data = json.loads(graph.serialize(format="json-ld", context=context))
    nodes = data.get("@graph", [data])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    nodes.sort(key=lambda n: json.dumps(n.get("@id", ""), sort_keys=True))
    return json.dumps({"@context": context, "@graph": nodes}, indent=1, sort_keys=True,
                      ensure_ascii=False) + "\n"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
