"""HTML reference documentation of the ontology.

pyLODE 3.3.4 was the first choice, but on this ontology it crashes on nested class expressions
(``TypeError: unhashable type: 'list'`` in ``_setclass_html``) and orders union members through
a Python ``set``, so its output changes with the hash seed. This renderer is small, deterministic
and renders class expressions in Manchester-like syntax.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .ontology import ONTOLOGY_IRI as ONTOLOGY
from .prefixes import DCTERMS, IAO_DEFINITION, SKOS, compress

SECTIONS = (
    ("classes", "Classes", OWL.Class),
    ("object-properties", "Object properties", OWL.ObjectProperty),
    ("datatype-properties", "Datatype properties", OWL.DatatypeProperty),
    ("annotation-properties", "Annotation properties", OWL.AnnotationProperty),
    ("individuals", "Named individuals", OWL.NamedIndividual),
)
OURS = ("https://w3id.org/alkkg/",)
CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ccc;margin-top:2.5rem}h3{margin:1.6rem 0 .3rem;font-size:1.1rem}
code{background:#f4f4f4;padding:0 .2rem}.term{border-left:3px solid #9ab;padding:.1rem .8rem;margin:1rem 0}
table{border-collapse:collapse}td,th{text-align:left;vertical-align:top;padding:.15rem .6rem .15rem 0}
th{color:#555;font-weight:600;white-space:nowrap}.kw{color:#805;font-weight:600}nav a{margin-right:1rem}
"""


def _ours(node: object) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(OURS)


def term_anchor(node: Node) -> str:
    """The id of a term's entry in the ontology reference (the site links to it)."""
    return compress(str(node)).replace(":", "-")


class Renderer:
    """Labels, links and Manchester-like class expressions of the ontology reference."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph

    def label(self, node: Node) -> str:
        value = self.g.value(node, RDFS.label)
        return str(value) if value is not None else compress(str(node))

    def link(self, node: object) -> str:
        if isinstance(node, URIRef):
            text = html.escape(self.label(node))
            if _ours(node) and (node, RDF.type, None) in self.g:
                return f'<a href="#{term_anchor(node)}" title="{html.escape(str(node))}">{text}</a>'
            return f'<a href="{html.escape(str(node))}">{html.escape(compress(str(node)))}</a>'
        if isinstance(node, BNode):
            return self.expression(node)
        if isinstance(node, Literal):
            return html.escape(str(node))
        return html.escape(str(node))

    def _members(self, node: object) -> list[str]:
        return [self.link(m) for m in Collection(self.g, node)]  # type: ignore[arg-type]

    def expression(self, node: BNode) -> str:
        g, kw = self.g, lambda w: f' <span class="kw">{w}</span> '
        for word, connective in (("and", OWL.intersectionOf), ("or", OWL.unionOf)):
            members = g.value(node, connective)
            if members is not None:
                return "(" + kw(word).join(self._members(members)) + ")"
        one_of = g.value(node, OWL.oneOf)
        if one_of is not None:
            return "{" + ", ".join(self._members(one_of)) + "}"
        complement = g.value(node, OWL.complementOf)
        if complement is not None:
            return kw("not").strip() + " " + self.link(complement)
        prop = g.value(node, OWL.onProperty)
        if prop is not None:
            on = self.link(prop)
            for word, p in (("some", OWL.someValuesFrom), ("only", OWL.allValuesFrom), ("value", OWL.hasValue)):
                value = g.value(node, p)
                if value is not None:
                    return f"({on}{kw(word)}{self.link(value)})"
            for word, p in (("min", OWL.minCardinality), ("max", OWL.maxCardinality),
                            ("exactly", OWL.cardinality), ("min", OWL.minQualifiedCardinality),
                            ("max", OWL.maxQualifiedCardinality), ("exactly", OWL.qualifiedCardinality)):
                value = g.value(node, p)
                if value is not None:
                    filler = g.value(node, OWL.onClass)
                    tail = f" {self.link(filler)}" if filler is not None else ""
                    return f"({on}{kw(word)}{html.escape(str(value))}{tail})"
        return "(anonymous expression)"

    def rows(self, node: Node) -> Iterable[tuple[str, list[str]]]:
        g = self.g
        yield "IRI", [f"<code>{html.escape(str(node))}</code>"]
        definition = [html.escape(str(d)) for d in g.objects(node, IAO_DEFINITION)]
        yield "Definition", definition
        for title, prop in (("Subclass of", RDFS.subClassOf), ("Equivalent to", OWL.equivalentClass),
                            ("Disjoint with", OWL.disjointWith), ("Subproperty of", RDFS.subPropertyOf),
                            ("Inverse of", OWL.inverseOf), ("Domain", RDFS.domain), ("Range", RDFS.range),
                            ("Type", RDF.type), ("Exact match", SKOS.exactMatch),
                            ("Close match", SKOS.closeMatch), ("Comment", RDFS.comment)):
            values = [o for o in g.objects(node, prop)
                      if not (prop == RDF.type and o in (OWL.NamedIndividual, OWL.Class, OWL.ObjectProperty,
                                                         OWL.DatatypeProperty, OWL.AnnotationProperty))]
            yield title, sorted(self.link(o) for o in values)
        facts = sorted(f"{self.link(p)} {self.link(o)}" for p, o in g.predicate_objects(node)
                       if _ours(p) and not isinstance(o, BNode))
        yield "Facts", facts


def ontology_html(ontology_turtle: str) -> str:
    """Render the released ontology (Turtle text) as one self-contained, deterministic HTML page."""
    graph = Graph(bind_namespaces="none")
    graph.parse(data=ontology_turtle, format="turtle")
    r = Renderer(graph)
    meta: dict[str, Node | None] = {p: graph.value(ONTOLOGY, DCTERMS[p])
                                    for p in ("title", "description", "license")}
    version = graph.value(ONTOLOGY, OWL.versionIRI)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{html.escape(str(meta['title']))}</title><style>{CSS}</style></head><body>",
           f"<h1>{html.escape(str(meta['title']))}</h1>",
           f"<p>{html.escape(str(meta['description'] or ''))}</p>",
           "<table>",
           f"<tr><th>Ontology IRI</th><td><code>{ONTOLOGY}</code></td></tr>",
           f"<tr><th>Version IRI</th><td><code>{html.escape(str(version))}</code></td></tr>",
           f"<tr><th>Version</th><td>{html.escape(str(graph.value(ONTOLOGY, OWL.versionInfo)))}</td></tr>",
           f"<tr><th>License</th><td>{r.link(meta['license'])}</td></tr>",
           "</table><nav>"]
    out += [f'<a href="#{key}">{title}</a>' for key, title, _ in SECTIONS]
    out.append("</nav>")
    for key, title, kind in SECTIONS:
        terms = sorted((t for t in graph.subjects(RDF.type, kind) if _ours(t)),
                       key=lambda t: (r.label(t).lower(), str(t)))
        out.append(f'<h2 id="{key}">{title} ({len(terms)})</h2>')
        for term in terms:
            out.append(f'<div class="term" id="{term_anchor(term)}"><h3>{html.escape(r.label(term))}</h3><table>')
            for name, values in r.rows(term):
                if values:
                    out.append(f"<tr><th>{name}</th><td>{'<br>'.join(values)}</td></tr>")
            out.append("</table></div>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
