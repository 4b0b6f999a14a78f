"""The site's entry points: home page, lists of claims, entities, terms, sources, nanopublications
and queries, the diagram, the search index, the style sheet, the script and the w3id.org rules."""

from __future__ import annotations

import html
import json
from collections import defaultdict

from rdflib import OWL, RDF, RDFS, URIRef

from . import svg
from .docs import SECTIONS
from .prefixes import ALKKG, DCTERMS, IAO_DEFINITION, PREFIX_MAP, SKOS
from .siteassets import CSS, SEARCH_JS, facts, htaccess, items, page, section, table
from .sitegraph import BASE, sort_key
from .sitemodel import SEP, SiteModel

DOWNLOADS = {
    "alkkg.ttl": "the whole graph (ontology, document, claims, plain triples): load this into a triplestore",
    "alkkg.jsonld": "the same graph as JSON-LD",
    "alkkg.trig": "named graphs: the nanopublications, one per claim (TriG)",
    "alkkg.nq": "the same named graphs as N-Quads",
    "alkkg-ontology.ttl": "the ontology (Turtle)",
    "alkkg-ontology.owl": "the ontology (RDF/XML, for Protege)",
    "alkkg-inferred.ttl": "alkkg.ttl plus every inferred type",
    "docs/index.html": "the ontology reference",
    "void.ttl": "VoID/DCAT description of the release",
    "MANIFEST.json": "version, release date and SHA-256 of every file",
}


def index_files(model: SiteModel) -> dict[str, str]:
    """The home page, the lists, the diagram, the search, the style sheet and ``.htaccess``."""
    return _Index(model).files()


class _Index:
    def __init__(self, model: SiteModel) -> None:
        self.m, self.g = model, model.g

    def files(self) -> dict[str, str]:
        out: dict[str, str] = {}
        out["site/index.html"] = self._home()
        out["site/claim/index.html"] = self._claim_list()
        out["site/entity/index.html"] = self._entity_list()
        out["site/vocab/index.html"] = self._vocab_list()
        out["site/doc/index.html"] = self._doc_list()
        out["site/np/index.html"] = self._np_list()
        out["site/query/index.html"] = self._query_list()
        title = "Entities and the claims that connect them"
        out["site/diagram.svg"] = self._diagram("", standalone=True)
        out["site/diagram/index.html"] = page(title, f"<h1>{title}</h1>\n" + self._diagram_intro()
                                              + '<div class="diagram">' + self._diagram("../", standalone=False)
                                              + "</div>", root="../")
        out["site/style.css"] = CSS
        out["site/search.js"] = SEARCH_JS
        index = json.dumps(self._search_index(), ensure_ascii=False, sort_keys=True, indent=0)
        out["site/search-index.json"] = index + "\n"
        out["site/search-index.js"] = f"window.ALKKG_SEARCH = {index};\n"
        out["site/.htaccess"] = htaccess(self.m.a.release.release_date)
        return out

    # -- lists and home ----------------------------------------------------------------------------
    def _claim_list(self) -> str:
        g, root = self.g, "../"
        rows = []
        for claim in sorted(self.m.claims, key=self.m.claim_order):
            rows.append((self.m.sentence_link(claim, root), self.m.claim_link(claim, root),
                         ", ".join(g.link(o, root) for o in g.objects(claim, ALKKG.claimSubject)),
                         ", ".join(g.link(o, root) for o in g.objects(claim, ALKKG.claimPredicate)),
                         ", ".join(g.link(o, root) for o in g.objects(claim, ALKKG.claimObject)),
                         self.m.stance(claim, short=True)))
        body = (f"<h1>Claims ({len(rows)})</h1><p class=\"lead\">Every claim of every curated source, in the order of "
                "the text. Each is one subject-predicate-object statement with its stance, qualifiers, evidence and "
                "exact quote.</p>" + table(("sentence", "claim", "subject", "predicate", "object", "stance"), rows))
        return page("Claims", body, root=root)

    def _entity_list(self) -> str:
        g, root = self.g, "../"
        entities = sorted(self.m.pages("entity"), key=g.by_label)
        rows = [(g.link(e, root), html.escape(", ".join(sorted(str(v) for v in g.objects(e, SKOS.altLabel)))),
                 ", ".join(g.link(t, root) for t in g.objects(e, RDF.type) if t != OWL.NamedIndividual),
                 str(len(self.m.roles.get(e, {})))) for e in entities]
        body = (f"<h1>Entities ({len(rows)})</h1><p class=\"lead\">The named things the claims are about: genes, "
                "proteins, drugs, diseases, populations, mechanisms, ...</p>"
                + table(("entity", "synonyms", "types", "claims"), rows))
        return page("Entities", body, root=root)

    def _vocab_list(self) -> str:
        g, root = self.g, "../"
        terms = self.m.pages("vocab")
        body = ["<h1>Vocabulary</h1>", f'<p class="lead">The {len(terms)} terms of the alkkg ontology '
                f'(<code>{html.escape(PREFIX_MAP["alkkg"])}</code>). The <a href="../../docs/index.html">ontology '
                "reference</a> shows their axioms.</p>"]
        placed: set[URIRef] = set()
        for key, name, kind in SECTIONS:
            members = sorted((t for t in terms if (t, RDF.type, kind) in g.flat), key=g.by_label)
            placed.update(members)
            if members:
                body.append(section(f"{name} ({len(members)})", items(self._term_item(t, root) for t in members), anchor=key))
        rest = sorted((t for t in terms if t not in placed), key=g.by_label)
        if rest:
            body.append(section(f"Other terms ({len(rest)})", items(self._term_item(t, root) for t in rest), anchor="other"))
        return page("Vocabulary", "\n".join(body), root=root)

    def _term_item(self, term: URIRef, root: str) -> str:
        definition = self.g.value(term, IAO_DEFINITION)
        return self.g.link(term, root) + (f' <span class="kind">{html.escape(str(definition))}</span>' if definition else "")

    def _doc_list(self) -> str:
        g, root = self.g, "../"
        body = ["<h1>Sources</h1>", '<p class="lead">The curated source documents; each page shows the full text with '
                "every claim's quote highlighted.</p>"]
        for d in sorted(self.m.documents, key=sort_key):
            sentences = [g.link(s.iri, root, f"Sentence {s.number}") for s in self.m.sentences.get(d, [])]
            references = sorted(g.subjects(ALKKG.referenceOf, d), key=self.m.reference_key)
            body.append(section(g.label(d), f"<p>{g.link(d, root, 'The source text with its claims')}</p>"
                                + facts([("Sentences", [SEP.join(sentences)] if sentences else []),
                                         ("References", [SEP.join(g.link(r, root) for r in references)] if references else [])])))
        others = sorted((p for p in self.m.pages("doc") if p not in self.m.documents and p not in self.m.sentence_of
                         and (p, RDF.type, ALKKG.BibliographicReference) not in g.flat), key=sort_key)
        body.append(section("Other resources", items(g.link(o, root) for o in others), anchor="other"))
        return page("Sources", "\n".join(body), root=root)

    def _np_list(self) -> str:
        g, root = self.g, "../"
        nanopubs = sorted(self.m.pages("np"), key=sort_key)
        claims = defaultdict(list)
        for c, n in self.m.nanopub.items():
            claims[n].append(c)
        rows = [(g.link(n, root, g.local(n)), ", ".join(self.m.claim_link(c, root) for c in sorted(claims[n], key=sort_key)))
                for n in nanopubs]
        body = (f"<h1>Nanopublications ({len(rows)})</h1><p class=\"lead\">One per claim, plus one for the document; "
                'all of them in <a href="../../alkkg.trig">alkkg.trig</a>.</p>'
                + table(("nanopublication", "assertion of"), rows))
        return page("Nanopublications", body, root=root)

    def _query_list(self) -> str:
        rows = [(f'<a href="{html.escape(q.name)}/index.html">{html.escape(q.question or q.name)}</a>',
                 f"<code>{html.escape(q.name)}</code>" + (" (inference)" if q.needs_inference else "")) for q in self.m.queries]
        body = (f"<h1>Competency queries ({len(rows)})</h1><p class=\"lead\">The questions the graph is built to answer, "
                "each with its SPARQL and its answer on this release.</p>" + table(("question", "query"), rows))
        return page("Competency queries", body, root="../")

    def _home(self) -> str:
        g = self.g
        count = {kind: len(self.m.pages(kind)) for kind in ("entity", "vocab", "np")}
        sources = items(f'{g.link(d, "", str(g.value(d, DCTERMS.title) or g.label(d)))}: the full text with every '
                        "claim's quote highlighted" for d in sorted(self.m.documents, key=sort_key))
        downloads = sorted({name for name in self.m.a.files if not name.startswith("site/")} | {"MANIFEST.json"})
        rows = [(f'<a href="../{html.escape(name)}">{html.escape(name)}</a>', html.escape(DOWNLOADS.get(name, "")))
                for name in downloads]
        body = [
            "<h1>alkkg: the claims of a ceritinib paper as linked data</h1>",
            f'<p class="lead">Release {html.escape(self.m.a.release.version)} ({html.escape(self.m.a.release.release_date)}). '
            f"Every scientific assertion of the source is an atomic claim ({len(self.m.claims)} in all) with its polarity, "
            "modality, qualifiers, quantities, evidence, cited references and the exact quote with character offsets; "
            f"{count['entity']} named entities and {count['vocab']} ontology terms give it its meaning.</p>",
            "<p>Every IRI <code>https://w3id.org/alkkg/&lt;kind&gt;/&lt;name&gt;</code> has a page here, with its "
            "description as Turtle (<code>index.ttl</code>) and JSON-LD (<code>index.jsonld</code>) beside it.</p>",
            section("Start here", sources + items([
                f'<a href="claim/index.html">Claims</a> ({len(self.m.claims)})',
                f'<a href="entity/index.html">Entities</a> ({count["entity"]})',
                f'<a href="vocab/index.html">Vocabulary</a> ({count["vocab"]} terms) and the '
                '<a href="../docs/index.html">ontology reference</a>',
                f'<a href="query/index.html">Competency queries</a> ({len(self.m.queries)}), with their answers',
                '<a href="diagram/index.html">Diagram</a> of the entities and the claims connecting them',
                f'<a href="np/index.html">Nanopublications</a> ({count["np"]})',
                '<a href="doc/index.html">Sources, sentences and references</a>'])),
            section("Downloads", "<p>The release files of this build.</p>" + table(("file", "what it is"), rows),
                    anchor="downloads"),
        ]
        return page("Home", "\n".join(body), root="")

    # -- diagram and search -------------------------------------------------------------------------
    def _diagram_intro(self) -> str:
        return ('<p class="lead">Each box is an entity (or a class, a document, a measurement); each arrow a claim, '
                "labelled with its predicate: dashed when hedged, red and crossed when negated. Click a box or an "
                'arrow for its page. <a href="../diagram.svg">The diagram as an SVG file.</a></p>')

    def _diagram(self, root: str, *, standalone: bool) -> str:
        g = self.g
        nodes: dict[str, svg.Node] = {}
        edges = []
        for claim in sorted(self.m.claims, key=sort_key):
            subjects, objects = g.objects(claim, ALKKG.claimSubject), g.objects(claim, ALKKG.claimObject)
            predicate = g.value(claim, ALKKG.claimPredicate)
            if len(subjects) != 1 or len(objects) != 1 or predicate is None:
                continue
            ends = (subjects[0], objects[0])
            kinds = [g.kind(node) for node in ends]
            if None in kinds:  # an end without a page of ours (a literal, an external IRI)
                continue
            for node, kind in zip(ends, kinds, strict=True):
                nodes[str(node)] = svg.Node(str(node), g.label(node), g.href(node, root) or "", str(kind))
            label = "is a" if predicate == RDF.type else g.label(predicate)
            polarity, modality = g.value(claim, ALKKG.polarity), g.value(claim, ALKKG.modality)
            edges.append(svg.Edge(str(claim), str(ends[0]), str(ends[1]), label, g.href(claim, root) or "",
                                  str(g.value(claim, ALKKG.statement) or ""),
                                  hedged=modality is not None and g.local(modality) != "stated",
                                  negated=polarity is not None and g.local(polarity) == "negated"))
        return svg.render(list(nodes.values()), edges, title="alkkg: entities and the claims connecting them",
                          standalone=standalone)

    def _search_index(self) -> list[dict[str, object]]:
        g = self.g
        entries: list[dict[str, object]] = []
        kinds = {"entity": "entity", "vocab": "term", "claim": "claim"}
        for p in g.pages:
            iri = URIRef(p)
            kind = g.kind(iri)
            if kind not in kinds or (kind == "claim" and iri not in self.m.quotes):
                continue
            if kind == "claim":
                label = str(g.value(iri, ALKKG.statement) or g.label(iri))
                synonyms = {g.label(iri), g.local(iri), *(str(q) for q in g.objects(iri, ALKKG.quote))}
            else:
                label = g.label(iri)
                synonyms = {str(v) for prop in (RDFS.label, SKOS.altLabel) for v in g.objects(iri, prop)} | {g.local(iri)}
            entries.append({"iri": p, "kind": kinds[kind], "label": label, "path": g.href(iri, ""),
                            "synonyms": sorted(synonyms - {label})})
        for d in self.m.documents:
            entries.append({"iri": str(d), "kind": "document", "label": g.label(d), "path": g.href(d, ""),
                            "synonyms": sorted({str(v) for v in g.objects(d, DCTERMS.title)} - {g.label(d)})})
        for q in self.m.queries:
            entries.append({"iri": f"{BASE}query/{q.name}", "kind": "query", "label": q.question or q.name,
                            "path": f"query/{q.name}/index.html", "synonyms": [q.name]})
        return sorted(entries, key=lambda e: (str(e["kind"]), str(e["label"]).lower(), str(e["iri"])))
