"""Validation per partition of documents: how ``alkkg corpus`` validates a corpus too large for one store.

A corpus graph is the ontology O plus every document's triples D. Most nodes are *minted* by one
document: their IRI is the document's own (``doc/<id>``) or starts with ``doc/<id>-`` or
``claim/<id>-`` (claims, annotations, selectors, sentences, measurements, hypotheses...). The other
nodes are *shared*: the ontology's entities and classes, authors, the curation agent, external
identifiers. A partition (a run of consecutive documents) is validated in a store of its own holding

    O  +  the corpus layer X  +  the partition's documents,

where X (:func:`split_document`) holds every document triple whose subject is not minted by its
document (a plain assertion about an entity, an extra type, an author's name), every triple of an
``owl:NegativePropertyAssertion``, and the ``rdf:type`` of each minted node that those triples point
at. So a shape reads the same triples in a partition as in the whole graph as long as, from a focus
node, it follows links forward through shared nodes and backward only through nodes of the focus
node's own document: a hedged claim meets the plain triple or the denial of another document, a
relation's range check sees every document's assertions about an entity.

Results are kept by their focus node (:class:`Ownership`): a node minted by a document, from that
document's partition only; any other node is validated in every partition and every partition must
report the same results for it. When they differ, or when a document mentions a node minted by a
document of another partition, the partitions are not independent: :func:`merge_results` raises
:class:`PartitionMismatch` and the caller validates the whole graph instead. Our shapes meet the
condition: ``tests/test_partitions.py`` compares the merged results with whole-graph validation on
multi-document corpora, their mutants and cross-document conflicts.

What is checked before validating: :func:`backward_walks` finds a SHACL Core path that steps backward
from a value node (``alkkg:claimSubject/^alkkg:claimSubject``: from a claim to the other claims about
its entity, in every document), and the whole graph is validated instead. What is not checked: the
same walk written in a SPARQL constraint (only their own results are compared, on shared focus
nodes), or a count across documents that every partition gets wrong alike. Our SPARQL constraints
step backward from shared nodes only to denials, which the corpus layer holds; a project that adds
such constraints validates with ``alkkg corpus --whole-graph``.
Blank nodes (denials are blank nodes) are
renamed by Oxigraph at every load, so their results are told apart by when they entered a
partition's store (:func:`validate_partition`), and compared across partitions without their labels.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import AlkkgError
from .fastshacl.shapesgraph import _TARGETS
from .fastshacl.terms import RDF_TYPE, RDFS_CLASS, SH
from .prefixes import CLAIM, DOC

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .fastshacl import CompiledShapes, Result

Triple = tuple[Node, Node, Node]
_NEGATIVE_ASSERTION = URIRef("http://www.w3.org/2002/07/owl#NegativePropertyAssertion")


class PartitionMismatch(AlkkgError):
    """The partitions of a corpus are not independent for these shapes and data: validate the whole graph."""


def node_key(node: Node) -> int:
    """A 64-bit key of an IRI or blank node (kept per node instead of its text: a corpus has millions).

    >>> node_key(URIRef("https://w3id.org/alkkg/entity/alk")) == node_key(URIRef("https://w3id.org/alkkg/entity/alk"))
    True
    """
    text = f"_:{node}" if isinstance(node, BNode) else str(node)
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True)
class DocumentSplit:
    """One document's share of the corpus layer and the keys of the nodes it mentions."""

    shared: list[Triple]
    minted: bytes   # array("Q") of node_key: nodes the document mints
    mentioned: bytes  # array("Q") of node_key: other IRIs it mentions (shared nodes)


def split_document(triples: Sequence[Triple], document_id: str) -> DocumentSplit:
    """The corpus-layer triples of one document's (flat) triples, and the nodes it mints and mentions.

    >>> alk = URIRef("https://w3id.org/alkkg/entity/alk")
    >>> claim = CLAIM["d1-s01-x"]
    >>> split = split_document([(claim, RDF_TYPE, alk), (alk, RDF_TYPE, alk)], "d1")
    >>> split.shared == [(alk, RDF_TYPE, alk)]
    True
    """
    doc, doc_prefix, claim_prefix = str(DOC[document_id]), str(DOC[f"{document_id}-"]), str(CLAIM[f"{document_id}-"])
    minted_cache: dict[Node, bool] = {}

    def minted(node: Node) -> bool:
        known = minted_cache.get(node)
        if known is None:
            text = str(node)
            known = isinstance(node, BNode) or text == doc or text.startswith((doc_prefix, claim_prefix))
            minted_cache[node] = known
        return known

    negations = {s for s, p, o in triples if p == RDF_TYPE and o == _NEGATIVE_ASSERTION}
    shared: list[Triple] = []
    pointed_at: set[Node] = set()
    for s, p, o in triples:
        if not isinstance(o, Literal):
            minted(o)  # every mentioned node gets a verdict, listed below
        if not minted(s) or s in negations:
            shared.append((s, p, o))
            if not isinstance(o, Literal) and minted(o):
                pointed_at.add(o)
    shared.extend((s, p, o) for s, p, o in triples if p == RDF_TYPE and s in pointed_at and s not in negations
                  and minted(s))
    own = array("Q", sorted({node_key(n) for n, is_minted in minted_cache.items() if is_minted}))
    other = array("Q", sorted({node_key(n) for n, is_minted in minted_cache.items()
                               if not is_minted and isinstance(n, URIRef)}))
    return DocumentSplit(shared, own.tobytes(), other.tobytes())


@dataclass
class Ownership:
    """Which partition mints each node, gathered as documents stream in (see the module docstring)."""

    owner: dict[int, int] = field(default_factory=dict)       # node_key -> partition minting it
    mentioned: dict[int, int] = field(default_factory=dict)   # node_key -> a partition mentioning it unminted
    conflict: str | None = None

    def add(self, partition: int, document: str, minted_keys: bytes, mentioned_keys: bytes) -> None:
        """Record the nodes *document* (of *partition*) mints and mentions (a :class:`DocumentSplit`'s
        keys); note the first conflict."""
        minted, mentioned = array("Q"), array("Q")
        minted.frombytes(minted_keys)
        mentioned.frombytes(mentioned_keys)
        for key in minted:
            if self.owner.setdefault(key, partition) != partition or self.mentioned.get(key, partition) != partition:
                self._conflict(document, "a node it mints is also minted or mentioned by a document of another partition")
        for key in mentioned:
            if self.owner.get(key, partition) != partition:
                self._conflict(document, "it mentions a node minted by a document of another partition")
            self.mentioned.setdefault(key, partition)

    def _conflict(self, document: str, why: str) -> None:
        if self.conflict is None:
            self.conflict = f"document {document}: {why}"

    def partition_of(self, focus: Node) -> int | None:
        """The partition minting *focus*, or None for a shared node (or a literal)."""
        if isinstance(focus, Literal):
            return None
        return self.owner.get(node_key(focus))


Load = Callable[["ox.Store"], object]
_BLANK_NODES = "SELECT DISTINCT ?b WHERE { { ?b ?p ?o } UNION { ?s ?p ?b } FILTER (isBlank(?b)) }"


@dataclass
class PartitionResults:
    """One partition's results, by their focus node. Oxigraph renames blank nodes at every load, so a
    blank focus node is told apart by when it entered the store, not by its (random) label."""

    results: list[Result] = field(default_factory=list)       # focus: an IRI or a literal
    own_blank: list[Result] = field(default_factory=list)     # focus: a blank node of the partition's documents
    shared_blank: list[Result] = field(default_factory=list)  # focus: a blank node of the ontology


def validate_partition(shapes: CompiledShapes, ontology: Sequence[Load], others: Sequence[Load],
                       own: Sequence[Load]) -> PartitionResults:
    """Validate one partition in a new in-memory store: *ontology*, the corpus layer of the *other*
    partitions (never this partition's own: its blank nodes would enter the store twice, renamed)
    and the partition's *own* documents, each a function loading N-Triples into the store."""
    import pyoxigraph as ox

    from .fastshacl.terms import _from_ox

    store = ox.Store()

    def blank_nodes() -> set[Node]:
        solutions = store.query(_BLANK_NODES)
        assert isinstance(solutions, ox.QuerySolutions)
        return {_from_ox(row["b"]) for row in solutions}

    for load in ontology:
        load(store)
    of_ontology = blank_nodes()
    for load in others:
        load(store)
    of_others = blank_nodes() - of_ontology
    for load in own:
        load(store)
    out = PartitionResults()
    for r in shapes.validate(store):
        if not isinstance(r.focus, BNode):
            out.results.append(r)
        elif r.focus in of_ontology:
            out.shared_blank.append(r)
        elif r.focus not in of_others:
            out.own_blank.append(r)
    return out


def merge_results(per_partition: Sequence[PartitionResults], ownership: Ownership,
                  key: Callable[[Result], tuple[str, ...]]) -> list[Result]:
    """The whole graph's results from each partition's (*key*: a result's identity, e.g. fastshacl's
    ``result_key``). Raises :class:`PartitionMismatch` when the partitions are not independent."""
    if ownership.conflict is not None:
        raise PartitionMismatch(ownership.conflict)

    def anonymous(r: Result) -> tuple[str, ...]:  # blank nodes named as in the report: their labels are random
        return tuple("[]" if part.startswith("_:") else part for part in key(r))

    kept: list[Result] = []
    shared_by_partition: list[dict[tuple[str, ...], list[Result]]] = []
    for index, found in enumerate(per_partition):
        shared: dict[tuple[str, ...], list[Result]] = {}
        for r in found.results:
            owner = ownership.partition_of(r.focus)
            if owner is None:
                shared.setdefault(anonymous(r), []).append(r)
            elif owner == index:
                kept.append(r)
        for r in found.shared_blank:
            shared.setdefault(anonymous(r), []).append(r)
        kept.extend(found.own_blank)
        shared_by_partition.append(shared)
    if shared_by_partition:
        first = {k: len(v) for k, v in shared_by_partition[0].items()}
        for index, shared in enumerate(shared_by_partition[1:], start=1):
            counts = {k: len(v) for k, v in shared.items()}
            if counts != first:
                differing = sorted(map(str, set(counts.items()) ^ set(first.items())))[0]
                raise PartitionMismatch(f"partitions 0 and {index} report different results for a shared node "
                                        f"({differing[:300]})")
        kept.extend(r for results in shared_by_partition[0].values() for r in results)
    return kept


_ON_VALUE_NODES = ("node", "not", "qualifiedValueShape")  # on a property shape: applied to its values
_LISTS = ("and", "or", "xone")


def backward_walks(shapes: Graph) -> list[str]:
    """The shapes that step backward along a path from a node other than a focus node (a value node,
    which may be shared): per partition such a step sees only the partition's documents. Only SHACL
    Core paths are read; SPARQL constraints are not (see the module docstring).

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''@prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     <urn:S> sh:targetClass <urn:C> ; sh:property [ sh:path ( <urn:p> [ sh:inversePath <urn:p> ] ) ] .''')
    >>> backward_walks(g)
    ['a property shape of <urn:S>: sh:inversePath after the first step']
    """
    found: list[str] = []
    seen: set[tuple[Node, bool]] = set()

    def sh(name: str) -> URIRef:
        return URIRef(SH + name)

    def members(node: Node | None) -> list[Node]:
        return list(shapes.items(node)) if node is not None else []  # (lists checked by compile_shapes)

    def steps(path: Node) -> tuple[bool, bool]:
        """(may step backward first, may step backward after the first step)"""
        if isinstance(path, URIRef):
            return False, False
        inverse = shapes.value(path, sh("inversePath"))
        if inverse is not None:
            return True, steps(inverse) != (False, False) or not isinstance(inverse, URIRef)
        for repeat in ("zeroOrMorePath", "oneOrMorePath"):
            inner = shapes.value(path, sh(repeat))
            if inner is not None:
                first, later = steps(inner)
                return first, first or later
        inner = shapes.value(path, sh("zeroOrOnePath"))
        if inner is not None:
            return steps(inner)
        alternatives = shapes.value(path, sh("alternativePath"))
        parts = [steps(p) for p in members(alternatives)]
        if parts:
            return any(f for f, _ in parts), any(later for _, later in parts)
        sequence = [steps(p) for p in members(path)]
        if not sequence:
            return True, True  # not a path we can read: assume the worst
        return sequence[0][0], sequence[0][1] or any(f or later for f, later in sequence[1:])

    def describe(shape: Node, owner: Node | None) -> str:
        if isinstance(shape, URIRef):
            return f"<{shape}>"
        return f"a property shape of <{owner}>" if owner is not None else "a blank-node shape"

    def visit(shape: Node, at_focus: bool, owner: Node | None) -> None:
        if (shape, at_focus) in seen:
            return
        seen.add((shape, at_focus))
        name = describe(shape, owner)
        anchor = shape if isinstance(shape, URIRef) else owner
        path = shapes.value(shape, sh("path"))
        values_at_focus = at_focus
        if path is not None:
            first, later = steps(path)
            if later:
                found.append(f"{name}: sh:inversePath after the first step")
            elif first and not at_focus:
                found.append(f"{name}: sh:inversePath from a value node")
            values_at_focus = False
        for child in shapes.objects(shape, sh("property")):
            visit(child, values_at_focus, anchor)
        for kind in _ON_VALUE_NODES:
            for child in shapes.objects(shape, sh(kind)):
                visit(child, values_at_focus, anchor)
        for kind in _LISTS:
            for listed in shapes.objects(shape, sh(kind)):
                for child in members(listed):
                    visit(child, values_at_focus, anchor)

    roots = {s for t in _TARGETS for s in shapes.subjects(sh(t), None)}
    roots |= set(shapes.subjects(RDF_TYPE, RDFS_CLASS))  # implicit class targets
    for root in sorted(roots, key=str):
        visit(root, True, None)
    return sorted(set(found))
