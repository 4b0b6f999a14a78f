"""Namespaces, errors, the Result of a validation, terms between rdflib and Oxigraph, and the
loaders that write the data with its literal index (original typed literals, kept in a side graph)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = URIRef(RDF + "type")
RDF_FIRST, RDF_REST, RDF_NIL = URIRef(RDF + "first"), URIRef(RDF + "rest"), URIRef(RDF + "nil")
RDF_LANGSTRING = URIRef(RDF + "langString")
RDFS_CLASS, RDFS_SUBCLASSOF = URIRef(RDFS + "Class"), URIRef(RDFS + "subClassOf")
RDFS_LITERAL, RDFS_DATATYPE, RDFS_RESOURCE = URIRef(RDFS + "Literal"), URIRef(RDFS + "Datatype"), URIRef(RDFS + "Resource")
OWL_ONTOLOGY = URIRef(OWL + "Ontology")
XSD_STRING = URIRef(XSD + "string")


def _sh(name: str) -> URIRef:
    return URIRef(SH + name)


SH_VIOLATION, SH_WARNING, SH_INFO = _sh("Violation"), _sh("Warning"), _sh("Info")
# pyshacl is called with allow_warnings=True: a shape of these severities always "conforms" when it
# is checked inside another constraint (sh:or, sh:qualifiedValueShape, ...), though its results
# are still reported at the top level.
_ALLOWED_SEVERITIES = {SH_WARNING, SH_INFO}

# The side graph of original typed literals (see "Literals in Oxigraph" in the package docstring).
LITERAL_GRAPH = "urn:alkkg:fastshacl:literals"
_ENCODED = "urn:alkkg:fastshacl:datatype:"
_MARKER = ox.Quad(ox.NamedNode("urn:alkkg:fastshacl:store"), ox.NamedNode("urn:alkkg:fastshacl:literalIndex"),
                  ox.Literal("1"), ox.NamedNode(LITERAL_GRAPH))

# In queries: the side graph, and where the original datatype IRI starts in an encoded one (SUBSTR counts from 1).
_SIDE = f"<{LITERAL_GRAPH}>"
_K = len(_ENCODED) + 1


def _decoded(enc: str) -> str:
    """The Oxigraph term of an encoded original literal (for matching it to the stored value)."""
    return f"STRDT(STR({enc}), IRI(SUBSTR(STR(DATATYPE({enc})), {_K})))"


class FastShaclError(Exception):
    """The validation could not run (a store without its literal index, a blank node in sh:lessThan)."""


class UnsupportedShapesError(FastShaclError):
    """The shapes graph uses something this compiler does not implement (raised at compile time)."""


# ------------------------------------------------------------------------------------------- results

@dataclass(frozen=True)
class Result:
    """One validation result, as in a W3C SHACL validation report.

    *path* is the shapes graph's sh:path node for a property shape (an IRI, or the blank node of a
    complex path in the compiled shapes graph), the data's predicate for sh:closed, the ``?path`` of
    a SPARQL constraint, else None. *messages*: the sh:message texts (templates filled).
    """

    severity: URIRef
    source_shape: Node
    path: Node | None
    focus: Node
    value: Node | None
    component: URIRef
    source_constraint: Node | None = None
    messages: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        return "\n".join(self.messages)


# ------------------------------------------------------------------------------------- terms, store

_BNODE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_\-]*")


def _to_ox(term: Node, bnodes: dict[BNode, Any] | None = None) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        if _BNODE_ID.fullmatch(str(term)):
            return ox.BlankNode(str(term))
        if bnodes is None:
            raise FastShaclError(f"blank node id {str(term)!r} is not valid in Oxigraph")
        return bnodes.setdefault(term, ox.BlankNode())
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise FastShaclError(f"cannot store {term!r}")


def _from_ox(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype.startswith(_ENCODED):
            datatype = datatype[len(_ENCODED):]
        return Literal(term.value) if datatype == str(XSD_STRING) else Literal(term.value, datatype=URIRef(datatype))
    raise FastShaclError(f"unexpected term {term!r} in a query result")


def _indexed(literal: Literal) -> bool:
    """Is the literal written to the side graph (a typed literal other than xsd:string)?"""
    return not literal.language and literal.datatype is not None and literal.datatype != XSD_STRING


def load_graph(graph: Graph, store: ox.Store | None = None) -> ox.Store:
    """A store holding *graph* in its default graph, with the literal index this package needs.

    Blank nodes keep their rdflib ids where Oxigraph allows them, so results name the same nodes
    (others get fresh Oxigraph ids; skolemise the graph first to compare results across tools).
    """
    store = store if store is not None else ox.Store()
    side = ox.NamedNode(LITERAL_GRAPH)
    quads = [_MARKER]
    bnodes: dict[BNode, Any] = {}
    for s, p, o in graph:
        subject, predicate = _to_ox(s, bnodes), _to_ox(p)
        quads.append(ox.Quad(subject, predicate, _to_ox(o, bnodes)))
        if isinstance(o, Literal) and _indexed(o):
            quads.append(ox.Quad(subject, predicate, ox.Literal(str(o), datatype=ox.NamedNode(_ENCODED + str(o.datatype))),
                                 side))
    store.bulk_extend(quads)
    return store


# An N-Triples line whose object is a typed literal other than xsd:string (the datatype ends the line).
_TYPED_LINE = re.compile(rb'^([^\n]*")\^\^<(?!http://www\.w3\.org/2001/XMLSchema#string>)([^<>"\s]*)>([ \t]*\.[ \t]*\r?)$',
                         re.MULTILINE)


def load_ntriples(data: bytes, store: ox.Store | None = None) -> ox.Store:
    """A store holding the N-Triples *data* (Oxigraph's bulk loader), with the literal index."""
    store = store if store is not None else ox.Store()
    store.bulk_load(data, ox.RdfFormat.N_TRIPLES)
    side = literal_index(data)
    if side:
        store.bulk_load(side, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(LITERAL_GRAPH))
    store.add(_MARKER)
    return store


def literal_index(data: bytes) -> bytes:
    """The literal-index lines of the N-Triples *data*: what :func:`load_ntriples_files` loads into
    the side graph beside the data (for a corpus streamed to files one document at a time)."""
    return b"".join(m.group(1) + b"^^<" + _ENCODED.encode() + m.group(2) + b">" + m.group(3) + b"\n"
                    for m in _TYPED_LINE.finditer(data))


def load_ntriples_files(data: Path, index: Path, store: ox.Store) -> ox.Store:
    """Bulk-load the N-Triples file *data* and its literal index *index* (the concatenated
    :func:`literal_index` of its parts) into *store*, without reading either into memory."""
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
    store.bulk_load(path=str(index), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(LITERAL_GRAPH))
    store.add(_MARKER)
    return store
