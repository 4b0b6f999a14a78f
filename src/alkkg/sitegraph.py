"""The graph behind the static site: which IRIs get a page, where, and how each is linked and described.

Every IRI we mint, ``https://w3id.org/alkkg/<kind>/<local>``, is published at
``site/<kind>/<local>/index.html`` (with ``index.ttl`` and ``index.jsonld``); a fragment IRI
(``<np>#assertion``) is a section of its base IRI's page. Links between pages are relative, so the
site works from the file system (``file://``) and from any static host.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from functools import lru_cache
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .docs import SECTIONS, Renderer, term_anchor
from .prefixes import compress, new_graph

BASE = "https://w3id.org/alkkg/"
#: the kinds of IRI we mint, each a folder of the site
KINDS = ("entity", "vocab", "claim", "doc", "np")
ONTOLOGY = BASE + "ontology"
#: a local name that is safe as one path segment on every file system and static host
LOCAL_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*\Z")
_EXPRESSION_KEYS = (OWL.intersectionOf, OWL.unionOf, OWL.oneOf, OWL.complementOf, OWL.onProperty)
_DIGITS = re.compile(r"\d+")
_DOCUMENTED = {kind for _, _, kind in SECTIONS}

Triple = tuple[Node, Node, Node]


@lru_cache(maxsize=None)
def curie(iri: str) -> str:
    """*iri* as a CURIE of the project prefix map (cached: pages name the same IRIs many times)."""
    return compress(iri)


def split_iri(iri: str) -> tuple[str, str, str] | None:
    """``(kind, local, fragment)`` of one of our IRIs that has a page, else None.

    >>> split_iri("https://w3id.org/alkkg/np/shaw-2014-s01-x#assertion")
    ('np', 'shaw-2014-s01-x', 'assertion')
    >>> split_iri("https://w3id.org/alkkg/ontology") is None
    True
    """
    if not iri.startswith(BASE):
        return None
    rest, _, fragment = iri[len(BASE):].partition("#")
    kind, _, local = rest.partition("/")
    if kind not in KINDS or not LOCAL_NAME.match(local):
        return None
    return kind, local, fragment


def page_path(iri: str) -> str | None:
    """The page of *iri* relative to the site root (``entity/ALK-protein/index.html``), or None."""
    parts = split_iri(iri)
    return f"{parts[0]}/{parts[1]}/index.html" if parts else None


def page_iri(iri: str) -> str:
    """*iri* without its fragment: the resource whose page shows it."""
    return iri.partition("#")[0]


def sort_key(node: Node) -> tuple[int, str, str]:
    """IRIs, then literals, then blank nodes; numbers inside in numeric order (``reference-2`` before
    ``reference-10``)."""
    text = node.n3() if not isinstance(node, BNode) else str(node)
    return ({URIRef: 0, Literal: 1}.get(type(node), 2), _DIGITS.sub(lambda m: m.group().zfill(12), text), text)


@dataclass(frozen=True)
class Row:
    """One row of a property table: the predicate and its rendered values."""

    predicate: Node
    values: tuple[str, ...]


class SiteGraph:
    """The published graphs, indexed for page rendering; every listing it returns is sorted."""

    def __init__(self, flat: Graph, inferred: Graph, ontology: Graph, nanopubs: Iterable[Dataset]) -> None:
        self.flat, self.inferred, self.ontology = flat, inferred, ontology
        #: the triples of each named graph of the nanopublications
        self.graphs: dict[Node, list[Triple]] = defaultdict(list)
        for dataset in nanopubs:
            for s, p, o, g in dataset.quads((None, None, None, None)):
                name = g.identifier if isinstance(g, Graph) else g
                if name is not None:
                    self.graphs[name].append((s, p, o))
        for key in self.graphs:
            self.graphs[key] = sorted(set(self.graphs[key]), key=lambda t: tuple(map(sort_key, t)))
        #: one namespace manager (the project prefixes) shared by every description graph: binding
        #: the prefixes anew for each of hundreds of small graphs would cost seconds
        self.namespaces = new_graph().namespace_manager
        self.labels: dict[Node, str] = {}
        for s, label in sorted(flat.subject_objects(RDFS.label), key=lambda so: (sort_key(so[0]), _label_rank(so[1]))):
            self.labels.setdefault(s, str(label))
        self.incoming: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        for s, p, o in flat:
            if isinstance(o, URIRef):
                self.incoming[o].append((s, p))
        for key in self.incoming:
            self.incoming[key].sort(key=lambda sp: (sort_key(sp[1]), sort_key(sp[0])))
        nodes: set[str] = {str(key) for key in self.graphs if isinstance(key, URIRef)}
        for triples in self.graphs.values():
            for triple in triples:
                nodes.update(str(n) for n in triple if isinstance(n, URIRef))
        for triple in flat:
            nodes.update(str(n) for n in triple if isinstance(n, URIRef))
        self.pages = sorted({page_iri(n) for n in nodes if split_iri(n)})
        self.documented = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(BASE)
                           and any(t in _DOCUMENTED for t in ontology.objects(s, RDF.type))}

    # -- names ---------------------------------------------------------------------------------
    def label(self, node: Node) -> str:
        if node in self.labels:
            return self.labels[node]
        return curie(str(node)) if isinstance(node, URIRef) else str(node)

    def by_label(self, node: Node) -> tuple[str, str]:
        """Sort key: by label, case-insensitively, then by IRI."""
        return (self.label(node).lower(), str(node))

    def kind(self, node: Node) -> str | None:
        parts = split_iri(str(node)) if isinstance(node, URIRef) else None
        return parts[0] if parts else None

    def local(self, node: Node) -> str:
        parts = split_iri(str(node))
        return parts[1] if parts else curie(str(node))

    def href(self, node: Node, root: str) -> str | None:
        """A relative link from a page whose way to the site root is *root* (``../../``)."""
        if not isinstance(node, URIRef):
            return None
        iri = str(node)
        parts = split_iri(iri)
        if parts:
            return f"{root}{parts[0]}/{parts[1]}/index.html" + (f"#{parts[2]}" if parts[2] else "")
        if iri == ONTOLOGY or iri.startswith(ONTOLOGY + "/releases/"):
            return f"{root}../docs/index.html"
        if iri.startswith(("http://", "https://")):
            return iri
        return None

    def docs_href(self, node: Node, root: str) -> str | None:
        """The entry of *node* in the ontology reference (``build/docs/index.html``), if it has one."""
        return f"{root}../docs/index.html#{term_anchor(node)}" if node in self.documented else None

    def link(self, node: Node, root: str, text: str | None = None) -> str:
        """*node* as HTML: a link for an IRI, escaped text for a literal, a description for a blank node."""
        if isinstance(node, BNode):
            return self.blank(node, root)
        if isinstance(node, Literal):
            return html.escape(str(node))
        shown = html.escape(text if text is not None else self.label(node))
        iri = str(node)
        target = self.href(node, root)
        if target is None:
            return f"<code>{shown}</code>"
        name = html.escape(curie(iri))
        title = f' title="{name}"' if shown != name else ""
        return f'<a href="{html.escape(target)}"{title}>{shown}</a>'

    def blank(self, node: BNode, root: str, depth: int = 0) -> str:
        """A blank node: an OWL class expression in Manchester-like syntax, else its properties."""
        if any((node, key, None) in self.flat for key in _EXPRESSION_KEYS):
            return _Expressions(self, root).expression(node)
        if depth > 4:
            return "[...]"
        parts = [f"{self.link(p, root)} {self.blank(o, root, depth + 1) if isinstance(o, BNode) else self.link(o, root)}"
                 for p, o in sorted(self.flat.predicate_objects(node), key=lambda po: (sort_key(po[0]), sort_key(po[1])))]
        return "[ " + "; ".join(parts) + " ]"

    # -- lookups ---------------------------------------------------------------------------------
    def objects(self, node: Node, predicate: Node, graph: Graph | None = None) -> list[Node]:
        return sorted((graph if graph is not None else self.flat).objects(node, predicate), key=sort_key)  # type: ignore[arg-type]

    def subjects(self, predicate: Node, node: Node, graph: Graph | None = None) -> list[Node]:
        return sorted((graph if graph is not None else self.flat).subjects(predicate, node), key=sort_key)  # type: ignore[arg-type]

    def value(self, node: Node, predicate: Node) -> Node | None:
        found = self.objects(node, predicate)
        return found[0] if found else None

    def rows(self, node: Node, root: str, *, graph: Graph | None = None, skip: Iterable[Node] = ()) -> list[Row]:
        """The properties of *node*, one row per predicate, sorted by predicate label."""
        source = graph if graph is not None else self.flat
        skipped = set(skip)
        by_predicate: dict[Node, list[Node]] = defaultdict(list)
        for p, o in source.predicate_objects(node):  # type: ignore[arg-type]
            if p not in skipped:
                by_predicate[p].append(o)
        return [Row(p, tuple(self.link(o, root) for o in sorted(values, key=sort_key)))
                for p, values in sorted(by_predicate.items(), key=lambda item: (self.label(item[0]).lower(), str(item[0])))]

    def referrers(self, node: Node) -> list[tuple[Node, Node]]:
        """``(subject, predicate)`` of every asserted triple whose object is *node*."""
        return self.incoming.get(node, [])

    def graphs_of(self, iri: URIRef) -> list[Node]:
        """The named graphs of the nanopublication *iri* (``<iri>#Head``, ``#assertion``, ...)."""
        return sorted((k for k in self.graphs if isinstance(k, URIRef) and page_iri(str(k)) == str(iri)), key=sort_key)

    # -- descriptions ------------------------------------------------------------------------------
    def own_triples(self, iri: URIRef) -> list[Triple]:
        """The triples whose subject is *iri* (for a nanopublication: in any of its graphs)."""
        if self.kind(iri) == "np":
            return sorted({t for key in self.graphs_of(iri) for t in self.graphs[key] if t[0] == iri},
                          key=lambda t: tuple(map(sort_key, t)))
        return sorted(self.flat.triples((iri, None, None)), key=lambda t: tuple(map(sort_key, t)))

    def new_graph(self) -> Graph:
        """An empty graph with the project prefixes."""
        return Graph(bind_namespaces="none", namespace_manager=self.namespaces)

    def description(self, iri: URIRef) -> Graph:
        """The concise bounded description of *iri* (its triples, following blank nodes) plus the
        rdfs:label of every IRI it links to."""
        graph = self.new_graph()
        subjects: list[Node] = [iri]
        source: Graph = self.flat
        if self.kind(iri) == "np":  # the graphs of a nanopublication are described in its provenance
            source = self.new_graph()
            for key in self.graphs_of(iri):
                for s, p, o in self.graphs[key]:
                    if s == iri or (isinstance(s, URIRef) and page_iri(str(s)) == str(iri)):
                        source.add((s, p, o))
            subjects += sorted({s for s in source.subjects() if s != iri}, key=sort_key)
        seen: set[Node] = set()
        while subjects:
            subject = subjects.pop()
            if subject in seen:
                continue
            seen.add(subject)
            for _, p, o in source.triples((subject, None, None)):
                graph.add((subject, p, o))
                if isinstance(o, BNode):
                    subjects.append(o)
        for o in {o for o in graph.objects() if isinstance(o, URIRef)}:
            for label in self.flat.objects(o, RDFS.label):
                graph.add((o, RDFS.label, label))
        return graph


def _label_rank(label: Node) -> tuple[int, str]:
    """English labels first, then untagged, then the rest; ties by text."""
    lang = getattr(label, "language", None)
    return (0 if lang == "en" else 1 if lang is None else 2, str(label))


class _Expressions(Renderer):
    """The ontology reference's Manchester-like renderer, linking into the site."""

    def __init__(self, site: SiteGraph, root: str) -> None:
        super().__init__(site.flat)
        self.site, self.root = site, root

    def link(self, node: object) -> str:
        if isinstance(node, BNode):
            return self.expression(node)
        return self.site.link(node, self.root) if isinstance(node, (URIRef, Literal)) else html.escape(str(node))
