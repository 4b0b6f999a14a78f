"""The static linked-data site, ``build/site/``: a page for every IRI we publish.

Each IRI ``https://w3id.org/alkkg/<kind>/<local>`` has ``site/<kind>/<local>/index.html`` and its
concise bounded description as ``index.ttl`` and ``index.jsonld`` (nanopublications also as
``index.trig``); ``site/.htaccess`` holds the w3id.org rules that send each IRI there in the format
the client asks for. Besides these: the source text with every claim's quote highlighted, one page
per competency query with its answer, an SVG diagram of the claims, and a client-side search. All
links are relative (the site works from ``file://``), nothing depends on the clock, and every list
is sorted, so the same graphs always give the same bytes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from . import rdfio
from .prefixes import ALKKG, DCTERMS, IAO_DEFINITION, PREFIX_MAP, SKOS, new_dataset
from .queries import NamedQuery, QueryResult, from_oxigraph, run_rdflib
from .siteassets import facts, items, page, section, table
from .siteindex import index_files
from .sitegraph import BASE, curie, sort_key
from .sitemodel import DEEP, SEP, SiteModel

if TYPE_CHECKING:
    from .pipeline import Artifacts

SH = Namespace(PREFIX_MAP["sh"])
#: claim properties shown in their own rows; every other property of a claim is a qualifier
CLAIM_CORE = {RDF.type, RDFS.label, ALKKG.statement, ALKKG.claimSubject, ALKKG.claimPredicate, ALKKG.claimObject,
              ALKKG.polarity, ALKKG.modality, ALKKG.quote, ALKKG.inSentence, ALKKG.statesHypothesis,
              ALKKG.hasEvidenceType, ALKKG.citesReference, ALKKG.restsOn, URIRef(PREFIX_MAP["prov"] + "wasDerivedFrom"),
              URIRef(PREFIX_MAP["prov"] + "wasQuotedFrom"), URIRef(PREFIX_MAP["prov"] + "wasGeneratedBy"),
              DCTERMS.license}
GRAPH_ORDER = {"Head": 0, "assertion": 1, "provenance": 2, "pubinfo": 3}
#: section titles of the nodes minted for a claim (others are titled by their class)
PART_TITLES: dict[Node, str] = {ALKKG.claimObject: "Measurement", ALKKG.statesHypothesis: "Hypothesis"}


def site_files(artifacts: Artifacts, competency: Sequence[NamedQuery] = ()) -> dict[str, str]:
    """Every file of the static site, by path (``site/...``) relative to the build folder.

    *competency* are the queries whose answers get a page (``site/query/<name>/``).
    """
    model = SiteModel(artifacts, competency)
    files = _Pages(model).files()
    files.update(index_files(model))
    return dict(sorted(files.items()))


class _Pages:
    """The page of every published IRI, and of every competency query."""

    def __init__(self, model: SiteModel) -> None:
        self.m, self.g = model, model.g
        self._stores: dict[int, Any] = {}

    def files(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for iri in self.g.pages:
            self._resource(URIRef(iri), out)
        for query in self.m.queries:
            self._query(query, out)
        return out

    def _resource(self, iri: URIRef, out: dict[str, str]) -> None:
        g = self.g
        kind, local = g.kind(iri), g.local(iri)
        folder = f"site/{kind}/{local}/"
        description = g.description(iri)
        out[folder + "index.ttl"] = rdfio.turtle(description)
        out[folder + "index.jsonld"] = rdfio.jsonld(description)
        alternates = [("text/turtle", "index.ttl", "Turtle"), ("application/ld+json", "index.jsonld", "JSON-LD")]
        types = set(g.objects(iri, RDF.type))
        if kind == "np":
            dataset = new_dataset()
            for graph in g.graphs_of(iri):
                for triple in g.graphs[graph]:
                    dataset.graph(graph).add(triple)  # type: ignore[arg-type]
            out[folder + "index.trig"] = rdfio.trig(dataset)
            alternates.append(("application/trig", "index.trig", "TriG (its four graphs)"))
            title, body = self._nanopub(iri)
        elif kind == "claim" and ALKKG.Claim in types:
            title, body = self._claim(iri)
        elif kind == "entity":
            title, body = self._entity(iri)
        elif kind == "vocab":
            title, body = self._term(iri)
        elif ALKKG.SourceDocument in types:
            title, body = self._document(iri)
        elif ALKKG.Sentence in types:
            title, body = self._sentence(iri)
        else:
            title, body = self._generic(iri)
        footer = f"IRI: <code>{html.escape(str(iri))}</code>"
        out[folder + "index.html"] = page(title, body + self.m.statements(iri) + self.m.referrers(iri), root=DEEP,
                                          footer=footer, alternates=alternates, canonical=str(iri))

    # -- page kinds ---------------------------------------------------------------------------------
    def _generic(self, iri: URIRef) -> tuple[str, str]:
        title = self.g.label(iri)
        definition = [html.escape(str(d)) for d in self.g.objects(iri, IAO_DEFINITION)]
        return title, self.m.heading(iri, title) + "".join(f"<p>{d}</p>" for d in definition) + self.m.claims_naming(iri)

    def _document(self, iri: URIRef) -> tuple[str, str]:
        g = self.g
        title = str(g.value(iri, DCTERMS.title) or g.label(iri))
        citation = g.value(iri, DCTERMS.bibliographicCitation)
        authorships = sorted(g.objects(iri, ALKKG.hasAuthorship),
                             key=lambda a: (self.m.number(a, ALKKG.authorPosition) or 0, str(a)))
        authors = [g.link(agent, DEEP) for a in authorships for agent in g.objects(a, ALKKG.authorshipAgent)]
        rows = [("Citation", [html.escape(str(citation))] if citation is not None else []),
                ("Authors", [", ".join(authors)] if authors else []),
                ("Identifiers", [g.link(i, DEEP, str(i)) for i in g.objects(iri, DCTERMS.identifier)]
                 + [f'PubMed <a href="https://identifiers.org/pubmed:{html.escape(str(p))}">{html.escape(str(p))}</a>'
                    for p in g.objects(iri, URIRef(PREFIX_MAP["bibo"] + "pmid"))]),
                ("Reports trial", [g.link(t, DEEP) for t in g.objects(iri, ALKKG.reportsTrial)])]
        claims = sorted((c for c in self.m.claims if self.m.document_of(c) == iri), key=self.m.claim_order)
        sentences = self.m.sentences.get(iri, [])
        intro = (f'<p class="lead">{len(sentences)} sentences and {len(claims)} claims. Each highlighted passage is the '
                 "quote of a claim and links to it (darker where several claims share the words); the small "
                 "numbers link to the sentences, superscripts are the source's citation markers.</p>")
        body = [self.m.heading(iri, title), facts((html.escape(n), v) for n, v in rows),
                section("Source text", intro + self.m.source_html(iri, DEEP), anchor="text")]
        rows_by_sentence = [(self.m.sentence_link(c, DEEP), self.m.claim_link(c), self.m.stance(c, short=True)) for c in claims]
        body.append(section(f"Claims ({len(claims)})", table(("sentence", "claim", "stance"), rows_by_sentence),
                            anchor="claims"))
        references = sorted(g.subjects(ALKKG.referenceOf, iri), key=self.m.reference_key)
        body.append(section(f"References ({len(references)})", items(g.link(r, DEEP) for r in references),
                            anchor="references"))
        return title, "\n".join(body)

    def _sentence(self, iri: URIRef) -> tuple[str, str]:
        g = self.g
        sentence = self.m.sentence_of.get(iri)
        document = g.value(iri, ALKKG.sentenceOf)
        title = g.label(iri)
        if sentence is None or document is None:
            return self._generic(iri)
        siblings = self.m.sentences[document]
        index = siblings.index(sentence)
        around = [g.link(siblings[i].iri, DEEP, f"{name} (sentence {siblings[i].number})")
                  for i, name in ((index - 1, "previous"), (index + 1, "next")) if 0 <= i < len(siblings)]
        lead = (f"Characters {sentence.start}\u2013{sentence.end} of {g.link(document, DEEP)} "
                f'(<a href="{self.m.href(document)}#s{sentence.number}">in context</a>)')
        text = self.m.texts.get(document, "")
        body = [self.m.heading(iri, title, lead), '<div class="source">' + self.m.sentence_html(sentence, text, DEEP) + "</div>",
                f"<p>{SEP.join(around)}</p>" if around else "",
                facts([("Cites", [g.link(r, DEEP) for _, r in sentence.references])]),
                self.m.claims_naming(iri, "Claims from this sentence")]
        return title, "\n".join(body)

    def _claim(self, iri: URIRef) -> tuple[str, str]:
        g, m = self.g, self.m
        statement = str(g.value(iri, ALKKG.statement) or g.label(iri))
        sentence_iri = g.value(iri, ALKKG.inSentence)
        sentence = m.sentence_of.get(sentence_iri)
        document = m.document_of(iri)
        lead = f"Claim <code>{html.escape(g.local(iri))}</code>"
        if document is not None:
            lead += f" of {g.link(document, DEEP)}"
        if sentence_iri is not None:
            lead += f", {g.link(sentence_iri, DEEP, m.sentence_number(sentence_iri))}"
        extra = sorted({p for p, _ in g.flat.predicate_objects(iri) if p not in CLAIM_CORE}, key=g.by_label)
        qualifiers = [(g.link(p, DEEP), [g.link(o, DEEP) for o in g.objects(iri, p)])
                      for p in extra if p in m.qualifier_properties]
        others = [(g.link(p, DEEP), [g.link(o, DEEP) for o in g.objects(iri, p)])
                  for p in extra if p not in m.qualifier_properties]

        def row(name: str, prop: URIRef) -> tuple[str, list[str]]:
            return html.escape(name), [g.link(o, DEEP) for o in sorted(g.objects(iri, prop), key=m.reference_key)]

        rows = [row("Subject", ALKKG.claimSubject), row("Predicate", ALKKG.claimPredicate), row("Object", ALKKG.claimObject),
                ("Stance", [m.stance(iri)]), *qualifiers, row("Evidence type", ALKKG.hasEvidenceType),
                row("Cites", ALKKG.citesReference),
                ("Nanopublication", [g.link(m.nanopub[iri], DEEP)] if iri in m.nanopub else []),
                row("Hypothesis", ALKKG.statesHypothesis), *others]
        body = [m.heading(iri, statement, lead), facts(rows)]
        quote = m.quotes.get(iri)
        if quote is not None and sentence is not None and document is not None:
            text = m.texts.get(document, "")
            shown = (html.escape(text[sentence.start:quote.start]) + "<mark>" + html.escape(text[quote.start:quote.end])
                     + "</mark>" + html.escape(text[quote.end:sentence.end]))
            body.append(section("Quote", f'<blockquote class="source">{shown}</blockquote>'
                                f'<p class="lead">Characters {quote.start}\u2013{quote.end} of the source text '
                                f'(<a href="{m.href(document)}#s{sentence.number}">in context</a>).</p>',
                                anchor="quote"))
        mentions = [f"\u201c{html.escape(exact)}\u201d names {g.link(entity, DEEP)} (characters {start}\u2013{end})"
                    for exact, start, end, entity in m.mentions(iri)]
        if mentions:
            body.append(section("Mentions", items(mentions), anchor="mentions"))
        for prop, node in sorted(((p, o) for p, o in g.flat.predicate_objects(iri) if m.minted_part(iri, o)),
                                 key=lambda po: (g.label(po[0]), str(po[1]))):
            title = PART_TITLES.get(prop) or g.label(g.value(node, RDF.type) or prop).capitalize()
            note = "<p>Hedged: the plain graph holds no triple for this claim, only this hypothesis.</p>" \
                if prop == ALKKG.statesHypothesis else ""
            body.append(section(title, f"{note}<p>{g.link(node, DEEP)}</p>" + m.node_facts(node),
                                anchor=title.lower().replace(" ", "-")))
        rests = [m.claim_link(c) for c in sorted(g.objects(iri, ALKKG.restsOn), key=m.claim_order)]
        supports = [m.claim_link(c) for c in sorted(g.subjects(ALKKG.restsOn, iri), key=m.claim_order)]
        if rests or supports:
            body.append(section("Support", facts([("Rests on", rests), ("Claims resting on it", supports)]),
                                anchor="support"))
        return statement, "\n".join(body)

    def _entity(self, iri: URIRef) -> tuple[str, str]:
        g = self.g
        title = g.label(iri)
        asserted = set(g.objects(iri, RDF.type))
        inferred = [t for t in g.objects(iri, RDF.type, g.inferred) if t not in asserted]
        rows = [("Label", [html.escape(str(v)) for v in g.objects(iri, RDFS.label)]),
                ("Synonyms", [html.escape(str(v)) for v in g.objects(iri, SKOS.altLabel)]),
                ("Definition", [html.escape(str(v)) for v in g.objects(iri, IAO_DEFINITION)]),
                ("Types", [g.link(t, DEEP) for t in sorted(asserted, key=sort_key)]),
                ("Inferred types", [g.link(t, DEEP) for t in inferred]),
                ("Ontology reference", self.m.docs_link(iri, title))]
        body = [self.m.heading(iri, title), facts((html.escape(n), v) for n, v in rows), self._mappings(iri),
                self._negations(iri), self.m.claims_naming(iri)]
        return title, "\n".join(body)

    def _mappings(self, iri: URIRef) -> str:
        """Links to other registries: every object of *iri* that is an external http(s) IRI."""
        g = self.g
        rows = [(g.link(p, DEEP), f'<a href="{html.escape(str(o))}">{html.escape(curie(str(o)))}</a>')
                for p, o in sorted(g.flat.predicate_objects(iri), key=lambda po: (sort_key(po[0]), sort_key(po[1])))
                if isinstance(o, URIRef) and p != RDF.type and str(o).startswith(("http://", "https://"))
                and not str(o).startswith(BASE)]
        return section("External identifiers", table(("mapping", "identifier"), rows), anchor="mappings") if rows else ""

    def _negations(self, iri: URIRef) -> str:
        g = self.g
        rows = []
        for axiom in g.subjects(RDF.type, OWL.NegativePropertyAssertion):
            source = g.value(axiom, OWL.sourceIndividual)
            target = g.value(axiom, OWL.targetIndividual)
            if iri in (source, target):
                prop = g.value(axiom, OWL.assertionProperty)
                rows.append(f"{g.link(source, DEEP) if source else ''} <span class=\"neg\">does not</span> "
                            f"{g.link(prop, DEEP) if prop else ''} {g.link(target, DEEP) if target else ''}")
        return section("What the source says is not so", items(sorted(rows)), anchor="negated") if rows else ""

    def _term(self, iri: URIRef) -> tuple[str, str]:
        g = self.g
        title = g.label(iri)
        named = [s for s in g.subjects(RDFS.subClassOf, iri) if isinstance(s, URIRef)]
        instances = [s for s in g.subjects(RDF.type, iri, g.inferred) if isinstance(s, URIRef)]
        asserted = set(g.subjects(RDF.type, iri))
        rows = [("Label", [html.escape(str(v)) for v in g.objects(iri, RDFS.label)]),
                ("Definition", [html.escape(str(v)) for v in g.objects(iri, IAO_DEFINITION)]),
                ("Comment", [html.escape(str(v)) for v in g.objects(iri, RDFS.comment)]),
                ("Subclass of", [g.link(o, DEEP) for o in g.objects(iri, RDFS.subClassOf)]),
                ("Equivalent to", [g.link(o, DEEP) for o in g.objects(iri, OWL.equivalentClass)]),
                ("Disjoint with", [g.link(o, DEEP) for o in g.objects(iri, OWL.disjointWith)]),
                ("Subclasses", [g.link(s, DEEP) for s in sorted(named, key=g.by_label)]),
                ("Subproperty of", [g.link(o, DEEP) for o in g.objects(iri, RDFS.subPropertyOf)]),
                ("Subproperties", [g.link(s, DEEP) for s in g.subjects(RDFS.subPropertyOf, iri)]),
                ("Inverse of", [g.link(o, DEEP) for o in (*g.objects(iri, OWL.inverseOf), *g.subjects(OWL.inverseOf, iri))]),
                ("Domain", [g.link(o, DEEP) for o in g.objects(iri, RDFS.domain)]),
                ("Range", [g.link(o, DEEP) for o in g.objects(iri, RDFS.range)]),
                ("Ontology reference", self.m.docs_link(iri, title))]
        body = [self.m.heading(iri, title, f"A term of the alkkg vocabulary: <code>{html.escape(curie(str(iri)))}</code>"),
                facts((html.escape(n), v) for n, v in rows), self._mappings(iri)]
        if instances:
            shown = [g.link(s, DEEP) + ("" if s in asserted else ' <span class="kind">(inferred)</span>')
                     for s in sorted(instances, key=g.by_label)]
            body.append(section(f"Instances ({len(shown)})", '<p class="lead">Including those the reasoner '
                                "classified here (from <code>alkkg-inferred.ttl</code>).</p>" + items(shown),
                                anchor="instances"))
        body.append(self.m.claims_naming(iri, "Claims using it"))
        return title, "\n".join(body)

    def _nanopub(self, iri: URIRef) -> tuple[str, str]:
        g = self.g
        title = f"Nanopublication {g.local(iri)}"
        graphs = sorted(g.graphs_of(iri), key=lambda k: (GRAPH_ORDER.get(str(k).partition("#")[2], len(GRAPH_ORDER)), str(k)))
        claims = [c for c, n in self.m.nanopub.items() if n == iri]
        lead = "A nanopublication: its assertion, the provenance of the assertion, and information about the publication."
        body = [f"<h1>{html.escape(title)}</h1>", f'<p class="lead">{lead}</p>',
                facts([("Assertion of", [self.m.claim_link(c) for c in sorted(claims, key=sort_key)]),
                       ("Graphs", [f'<a href="#{html.escape(name)}">{html.escape(name)}</a>'
                                   for name in (str(k).partition("#")[2] for k in graphs)])])]
        for graph in graphs:
            fragment = str(graph).partition("#")[2]
            rows = [(g.link(s, DEEP), g.link(p, DEEP), g.link(o, DEEP)) for s, p, o in g.graphs[graph]]
            body.append(section(f"Graph {fragment}", f"<p><code>{html.escape(str(graph))}</code></p>"
                                + table(("subject", "predicate", "object"), rows), anchor=fragment))
        return title, "\n".join(body)

    # -- queries --------------------------------------------------------------------------------------
    def _query(self, query: NamedQuery, out: dict[str, str]) -> None:
        g = self.g
        graph = g.inferred if query.needs_inference else g.flat
        result = self._run(query, graph)
        source = "alkkg-inferred.ttl" if query.needs_inference else "alkkg.ttl"
        folder = f"site/query/{query.name}/"
        iri = URIRef(f"{BASE}query/{query.name}")
        out[folder + "index.rq"] = query.text
        description = g.new_graph()
        kinds = {"SELECT": ("SPARQLSelectExecutable", "select"), "ASK": ("SPARQLAskExecutable", "ask"),
                 "CONSTRUCT": ("SPARQLConstructExecutable", "construct")}
        klass, prop = kinds.get(result.kind, ("SPARQLExecutable", ""))
        description.add((iri, RDF.type, SH[klass]))
        description.add((iri, RDFS.label, Literal(query.name, lang="en")))
        if query.question:
            description.add((iri, RDFS.comment, Literal(query.question, lang="en")))
        if prop:
            description.add((iri, SH[prop], Literal(query.text)))
        out[folder + "index.ttl"] = rdfio.turtle(description)
        out[folder + "index.jsonld"] = rdfio.jsonld(description)
        params = ", ".join(f"<code>?{html.escape(p)}</code>" for p in query.params)
        body = [f"<h1>{html.escape(query.question or query.name)}</h1>",
                f'<p class="lead">Competency query <code>{html.escape(query.name)}</code>, run on '
                f'<a href="{DEEP}../{source}">{source}</a>'
                + (" (it needs the reasoner's inferences)" if query.needs_inference else "") + ".</p>",
                f"<p>Parameters: {params}, left unbound here, so the answer covers every value. Run it yourself: "
                f"<code>alkkg query {html.escape(query.name)}</code>.</p>" if params else "",
                section("Answer", self._answer(result), anchor="answer"),
                section("Query", f'<p><a href="index.rq">Download the query (index.rq)</a></p>'
                        f"<pre><code>{html.escape(query.text)}</code></pre>", anchor="query")]
        alternates = [("application/sparql-query", "index.rq", "SPARQL"), ("text/turtle", "index.ttl", "Turtle"),
                      ("application/ld+json", "index.jsonld", "JSON-LD")]
        out[folder + "index.html"] = page(query.question or query.name, "\n".join(body), root=DEEP,
                                          alternates=alternates, canonical=str(iri))

    def _run(self, query: NamedQuery, graph: Graph) -> QueryResult:
        """The answer of one of our (checked, golden-tested) queries. Oxigraph answers a SELECT
        or ASK in milliseconds where rdflib takes about a second; tests/test_competency.py checks
        that both give the golden answer."""
        import pyoxigraph as ox

        if id(graph) not in self._stores:
            store = ox.Store()
            store.load(rdfio.ntriples(graph).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
            self._stores[id(graph)] = store
        answer = self._stores[id(graph)].query(query.text)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult((), (), "ASK", bool(answer))
        if not isinstance(answer, ox.QuerySolutions):
            return run_rdflib(graph, query, {})
        names = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(from_oxigraph(solution[name]) for name in names) for solution in answer)
        return QueryResult(names, rows)

    def _answer(self, result: QueryResult) -> str:
        g = self.g

        def cell(term: object) -> str:
            if isinstance(term, (URIRef, Literal, BNode)):
                return g.link(term, DEEP)
            return "" if term is None else html.escape(str(term))

        if result.kind == "ASK":
            return f"<p><strong>{'yes' if result.boolean else 'no'}</strong></p>"
        if result.kind in ("CONSTRUCT", "DESCRIBE"):
            triples = sorted(result.triples, key=lambda t: tuple(map(sort_key, t)))
            return table(("subject", "predicate", "object"), [tuple(cell(t) for t in triple) for triple in triples])
        rows = [tuple(cell(t) for t in row) for row in result.rows]
        count = f'<p class="lead">{len(rows)} row{"s" if len(rows) != 1 else ""}.</p>'
        return count + table(result.variables, rows)
