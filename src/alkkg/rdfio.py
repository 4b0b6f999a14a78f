"""Reading and writing RDF files, deterministically and within the command's arguments.

Reading is confined: a file is read once, size-limited, and handed to the parser as data (never as
a path or URL the parser could resolve further). JSON-LD string contexts and ``@import`` and XML
DOCTYPE/ENTITY declarations are refused before any parser sees the document. Output is canonical
(sorted lines, canonical Turtle) so that the same graph always gives the same bytes.
"""

from __future__ import annotations

import html
import json
import logging
import re
import warnings
import xml.parsers.expat
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable, Iterable
from typing import Any

from rdflib import OWL, RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node
from rdflib.util import guess_format

from .errors import ConfinementError, InputError, LimitError, first_line
from .files import read_bounded, utf8_position
from .outdir import write_text as write_text  # re-exported: one writer for every file we publish
from .limits import MAX_INPUT_BYTES, MAX_JSON_DEPTH
from .prefixes import PREFIX_MAP, new_dataset, new_graph

FORMATS = {".ttl": "turtle", ".nt": "nt", ".owl": "xml", ".rdf": "xml", ".xml": "xml",
           ".jsonld": "json-ld", ".trig": "trig", ".nq": "nquads"}
QUAD_FORMATS = {"trig", "nquads"}
#: formats whose readers cannot reach beyond the data once it passed our checks
SAFE_FORMATS = {"turtle", "nt", "n3", "xml", "trix", "json-ld", "trig", "nquads"}
XML_FORMATS = {"xml", "trix"}

#: The name of our prefix-map JSON-LD context. A document may give it as its ``@context``; it is
#: replaced by the prefix map itself and never fetched (nothing is published at that IRI by us).
CONTEXT_IRI = "https://w3id.org/alkkg/context.jsonld"

# rdflib logs ill-typed literals (e.g. "abc"^^xsd:int) as warnings *with a traceback*; without a
# handler Python's last-resort handler would print it on the CLI's stderr.
logging.getLogger("rdflib").addHandler(logging.NullHandler())


def bundled_context() -> dict[str, str]:
    """The JSON-LD context named :data:`CONTEXT_IRI`: the project prefix map, sorted."""
    return dict(sorted(PREFIX_MAP.items()))


def rdf_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower()) or guess_format(str(path))
    if fmt not in SAFE_FORMATS:
        raise InputError(f"{path}: unknown RDF format; use .ttl, .nt, .owl/.rdf, .jsonld, .trig or .nq")
    return fmt


@dataclass(frozen=True)
class RdfData:
    """One RDF file read and checked: cleaned bytes ready for any parser, its format and base IRI."""

    path: Path
    format: str
    data: bytes
    base: str


def read_rdf(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> RdfData:
    """Read *path* for parsing: size-limited, decoded, and refused if it asks to read anything else."""
    fmt = rdf_format(path)
    raw = read_bounded(path, max_bytes, what="a file", hint="split the data or query it with another tool")
    if fmt == "json-ld":
        data = _clean_jsonld(path, _decode(path, raw))
    elif fmt in XML_FORMATS:
        _refuse_xml_declarations(path, raw)
        data = raw  # XML carries its own encoding declaration: let the parser decode it
    else:
        data = _decode(path, raw).encode("utf-8")
    # The file's own URI is the base for relative IRIs (as when rdflib read the path itself); it is
    # only a string here: every reference that could be fetched was refused above.
    return RdfData(path, fmt, data, path.resolve().as_uri())


def parse_file(path: Path) -> Graph:
    """Parse an RDF file into one graph (named graphs are merged), with a clear error."""
    dataset = parse_dataset(path)
    graph = new_graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def parse_dataset(path: Path) -> Dataset:
    """Parse an RDF file into a dataset: triples in the default graph, named graphs kept apart.

    The dataset's default graph is the union of all its graphs (as Oxigraph's
    ``use_default_graph_as_union``). Raises InputError if the file holds no triples.
    """
    rdf = read_rdf(path)
    dataset = new_dataset()
    dataset.default_union = True
    kwargs: dict[str, Any] = {"base": rdf.base} if rdf.format == "json-ld" else {"publicID": rdf.base}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # rdflib warns (to stderr) on odd literals; not our output
            if rdf.format in XML_FORMATS:
                dataset.parse(data=rdf.data, format=rdf.format, **kwargs)
            else:
                dataset.parse(data=rdf.data.decode("utf-8"), format=rdf.format, **kwargs)
    except RecursionError:
        raise LimitError(f"{path}: nested too deeply to parse ({rdf.format}); flatten the data") from None
    except MemoryError:
        raise
    except Exception as exc:  # rdflib raises many types for bad syntax
        raise InputError(f"{path}: cannot parse as {rdf.format}: {first_line(exc)}; fix the syntax") from None
    if not any(True for _ in dataset.quads((None, None, None, None))):
        raise InputError(f"{path}: holds no RDF triples (empty, or only prefixes and comments); "
                         "give a file with data")
    return dataset


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = utf8_position(raw, exc.start)
        raise InputError(f"{path}:{line}:{column}: not UTF-8 (byte 0x{raw[exc.start]:02x}); "
                         "save the file as UTF-8") from None


def _clean_jsonld(path: Path, text: str) -> bytes:
    """The JSON-LD document with every context inline; refuse anything rdflib would fetch.

    A string ``@context`` (remote, ``file:`` or relative) or an ``@import`` would make rdflib read
    a URL or file; only our own :data:`CONTEXT_IRI` is accepted, and replaced by its content.
    """
    try:
        document = json.loads(text)
    except RecursionError:
        raise LimitError(f"{path}: JSON nested deeper than Python can read; flatten the document") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}; fix the syntax") from None
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise LimitError(f"{path}: JSON nested deeper than {MAX_JSON_DEPTH} levels; flatten the document")
        if isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, dict):
            if "@import" in value:
                raise ConfinementError(
                    f"{path}: JSON-LD \"@import\": {json.dumps(value['@import'])} would read another "
                    "document; alkkg reads only the files it is given: put the imported context inline")
            if "@context" in value:
                value["@context"] = _inline_context(path, value["@context"])
            stack.extend((item, depth + 1) for item in value.values())
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _inline_context(path: Path, context: Any) -> Any:
    if isinstance(context, list):
        return [_inline_context(path, item) for item in context]
    if isinstance(context, str):
        if context == CONTEXT_IRI:
            return bundled_context()
        raise ConfinementError(
            f"{path}: JSON-LD \"@context\": {json.dumps(context)} would be fetched; alkkg reads only the "
            f"files it is given: put the context inline (an object) or use {CONTEXT_IRI!r}")
    return context  # an inline object (walked by the caller) or null


class _Declaration(Exception):
    """Raised from inside expat when a DOCTYPE or ENTITY declaration starts."""


def _refuse_xml_declarations(path: Path, raw: bytes) -> None:
    """Refuse an XML document with a DOCTYPE (so with any ENTITY) declaration, before parsing it.

    ConfinementError rather than LimitError: a DOCTYPE may name an external DTD and SYSTEM entities
    (files or URLs beyond the arguments), and internal entities are what makes a 1 KB "billion
    laughs" file expand to gigabytes. RDF/XML needs neither, so the declaration itself is refused,
    whatever it would cost. expat reports the DOCTYPE before expanding anything, and decodes the
    document first, so UTF-16 or other declared encodings cannot hide it.
    """
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_args: object) -> None:
        raise _Declaration

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    try:
        parser.Parse(raw, True)
    except _Declaration:
        raise ConfinementError(
            f"{path}:{parser.CurrentLineNumber}: XML DOCTYPE/ENTITY declaration refused: it can read "
            "other files or URLs and expand without bound (\"billion laughs\"); RDF/XML needs none: "
            "remove it") from None
    except xml.parsers.expat.ExpatError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.offset + 1}: not well-formed XML: "
                         f"{xml.parsers.expat.ErrorString(exc.code)}; fix the syntax") from None
    except RecursionError:
        raise LimitError(f"{path}: XML nested too deeply; flatten the document") from None


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


def quads_to_nquads(quads: Iterable[tuple[Node, Node, Node, Node]]) -> str:
    """The same bytes as :func:`nquads` for a dataset of *quads*, without building the dataset.

    The corpus path streams each document's quads through this; ``tests/test_claims.py`` checks
    that it equals rdflib's serialiser on every document we compile.
    """
    seen, write = _nt_term_writer()
    # ``seen(id(x)) or write(x)`` is inlined, not a function: it runs four times per quad
    return "".join(sorted({f"{seen(id(s)) or write(s)} {seen(id(p)) or write(p)} "
                           f"{seen(id(o)) or write(o)} {seen(id(g)) or write(g)} .\n"
                           for s, p, o, g in quads}))


def triples_to_ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """The same bytes as :func:`ntriples` for a graph of *triples*, without building the graph."""
    seen, write = _nt_term_writer()
    return "".join(sorted({f"{seen(id(s)) or write(s)} {seen(id(p)) or write(p)} "
                           f"{seen(id(o)) or write(o)} .\n"
                           for s, p, o in triples}))


def _nt_term_writer() -> tuple[Callable[[int], str | None], Callable[[Node], str]]:
    """``(seen, write)`` for one serialisation: ``write(node)`` gives a term's N-Triples text,
    ``seen(id(node))`` the text of a node object written before (None if not).

    IRIs, blank nodes and graph names repeat constantly, as the same object or as equal new ones
    (a namespace makes a new URIRef per attribute access). rdflib's ``__eq__`` is Python code, so
    a dict keyed by the node itself pays a Python call per hit: look up by ``id`` first (the
    objects are kept alive for the call, so an id cannot be reused), then by ``(type, text)``,
    which compares in C and matches rdflib's equality for IRIs and blank nodes exactly.
    Literals are not remembered: the corpus makes a new object for each, half their values are
    unique, and rdflib's Literal equality (case-insensitive language tags) is looser than their
    text; formatting one costs about what a lookup would.
    """
    by_id: dict[int, str] = {}
    by_value: dict[tuple[type, str], str] = {}
    alive: list[Node] = []  # every node keyed by id, so that no other object can take its id

    def write(node: Node) -> str:
        kind = type(node)
        # exact types first: isinstance() on rdflib terms goes through ABCMeta, in Python
        if kind is Literal:
            return _nt_literal(node)  # type: ignore[arg-type]  # mypy does not narrow on type() is
        if kind is not URIRef and kind is not BNode:
            if isinstance(node, Literal):
                return _nt_literal(node)
            if not isinstance(node, str):
                return node.n3()  # not an Identifier: its text need not identify it
        key = (kind, str(node))
        text = by_value.get(key)
        if text is None:
            text = by_value[key] = node.n3()
        by_id[id(node)] = text
        alive.append(node)
        return text

    return by_id.get, write


def _nt_literal(literal: Literal) -> str:
    """A literal as rdflib's N-Triples and N-Quads serialisers write it."""
    lexical = str(literal)
    # most literals need no escape: four scans are cheaper than four copies by replace()
    if "\\" in lexical or "\n" in lexical or '"' in lexical or "\r" in lexical:
        lexical = (lexical.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
                   .replace("\r", "\\r"))
    if literal.language:
        return f'"{lexical}"@{literal.language}'
    if literal.datatype:
        return f'"{lexical}"^^<{literal.datatype}>'
    return f'"{lexical}"'


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
    """RDF/XML (rdflib's flat writer) put in a canonical order, the ``owl:Ontology`` header first.

    rdflib orders namespace declarations, descriptions and properties by set/dict order, which
    changes with the hash seed. The flat writer emits one ``rdf:Description`` per subject with one
    property element per line, so sorting declarations, descriptions and property lines is safe
    (order carries no meaning in RDF/XML) and makes the bytes stable.

    One exception to the sorted order, for streaming OWL readers (the OWL API, horned-owl): the
    description of each ``owl:Ontology`` comes first, its ``rdf:type owl:Ontology`` as its first
    child. py-horned-owl drops an ``owl:versionIRI`` read before the ontology's type.
    """
    text = graph.serialize(format="xml")
    head, _, body = text.partition("\n>\n")
    lines = head.split("\n")
    header = [line for line in lines if not line.lstrip().startswith("xmlns")]
    declarations = [line for line in lines if line.lstrip().startswith("xmlns")]
    body = body.removesuffix("</rdf:RDF>\n")
    blocks = re.split(r"\n(?=  <rdf:Description)", "\n" + body.rstrip("\n"))
    ontologies = {str(s) for s in graph.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef)}
    canonical = []
    for block in blocks:
        if not block.strip():
            continue
        parts = re.split(r"\n(?=    <)", block.strip("\n"))
        opening, *properties = parts
        closing = ""
        if properties and properties[-1].endswith("\n  </rdf:Description>"):
            properties[-1], closing = properties[-1].rsplit("\n", 1)
        about = re.match(r'\s*<rdf:Description rdf:about="([^"]*)"', opening)
        is_ontology = about is not None and html.unescape(about.group(1)) in ontologies
        rank = _ontology_type_first if is_ontology else _plain_order
        canonical.append((0 if is_ontology else 1,
                          "\n".join([opening, *sorted(properties, key=rank), *([closing] if closing else [])])))
    return ("\n".join([*header, *sorted(declarations)]) + "\n>\n"
            + "\n".join(block for _, block in sorted(canonical)) + "\n</rdf:RDF>\n")


_OWL_ONTOLOGY_TYPE = f'<rdf:type rdf:resource="{OWL.Ontology}"/>'


def _plain_order(line: str) -> tuple[int, str]:
    return (0, line)


def _ontology_type_first(line: str) -> tuple[int, str]:
    return (0 if line.strip() == _OWL_ONTOLOGY_TYPE else 1, line)


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
