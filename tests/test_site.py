"""The static linked-data site (build/site/): valid HTML5, every link resolves, every claim is
highlighted in its source, every resource has its page and descriptions, search finds synonyms,
the w3id.org rules reach real files, and the bytes do not depend on the process.

Everything is derived from the graphs of the session's one build (``artifacts``), never from
hard-coded counts or names.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, BNode, Graph, Literal, URIRef

from alkkg.pipeline import Artifacts
from alkkg.prefixes import ALKKG, PREFIX_MAP
from alkkg.siteassets import SITE_BASE
from alkkg.sitegraph import page_path, split_iri
from alkkg.sitetext import Quote, pieces
from conftest import ROOT
from rdfcompare import _term

KINDS = ("entity", "vocab", "claim", "doc", "np")
SVG = "{http://www.w3.org/2000/svg}"


# ------------------------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def files(artifacts: Artifacts) -> dict[str, str]:
    return artifacts.files


@pytest.fixture(scope="module")
def pages(files: dict[str, str]) -> dict[str, object]:
    """Every HTML page parsed once, strictly (a parse error is kept as the page's value)."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parsed: dict[str, object] = {}
    for name, text in files.items():
        if name.startswith("site/") and name.endswith(".html"):
            try:
                parsed[name] = parser.parse(text)
            except html5lib.html5parser.ParseError as exc:
                parsed[name] = exc
    return parsed


@pytest.fixture(scope="module")
def nanopub_quads(artifacts: Artifacts) -> list[tuple]:
    return [quad for compiled in artifacts.documents for quad in compiled.nanopubs.quads((None, None, None, None))]


def _trees(pages: dict[str, object]) -> Iterator[tuple[str, ET.Element]]:
    for name, tree in sorted(pages.items()):
        assert isinstance(tree, ET.Element), f"{name}: {tree}"
        yield name, tree


def _ours(graph: Graph, kind: str) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and (split_iri(str(s)) or ("",))[0] == kind}


def _claims(artifacts: Artifacts) -> set[URIRef]:
    return {c for c in artifacts.flat.subjects(RDF.type, ALKKG.Claim) if isinstance(c, URIRef)}


def _local(iri: URIRef) -> str:
    parts = split_iri(str(iri))
    assert parts is not None
    return parts[1]


# ------------------------------------------------------------------------------------ HTML

def test_every_page_is_valid_html5_readable_on_a_phone(pages: dict[str, object]) -> None:
    assert pages
    errors = {name: str(tree) for name, tree in pages.items() if not isinstance(tree, ET.Element)}
    assert errors == {}
    for name, tree in _trees(pages):
        assert tree.get("lang") == "en", name
        head = tree.find("head")
        assert head is not None and head.find("meta[@charset='utf-8']") is not None, name
        assert head.find("meta[@name='viewport']") is not None, name
        assert (head.findtext("title") or "").strip(), name
        assert any(link.get("href", "").endswith("style.css") for link in head.iter("link")), name
        ids = [e.get("id") for e in tree.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
        assert tree.find(".//input[@id='search']") is not None and tree.find(".//ul[@id='search-results']") is not None


def test_resource_pages_name_their_turtle_and_jsonld(pages: dict[str, object]) -> None:
    for name, tree in _trees(pages):
        if name.count("/") == 3 and name.split("/")[1] in KINDS:
            alternates = {link.get("type"): link.get("href") for link in tree.iter("link") if link.get("rel") == "alternate"}
            assert alternates.get("text/turtle") == "index.ttl", name
            assert alternates.get("application/ld+json") == "index.jsonld", name


def _targets(name: str, tree: ET.Element) -> Iterator[tuple[str, str]]:
    """(target path, fragment) of every relative href/src of a page."""
    for element in tree.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value is None:
                continue
            parts = urlsplit(value)
            if parts.scheme or parts.netloc:
                continue
            assert not value.startswith("/"), f"{name}: absolute path {value}"
            path = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))) if parts.path else name
            yield path, parts.fragment


def test_every_relative_link_resolves(files: dict[str, str], pages: dict[str, object]) -> None:
    """A crawl: every relative href/src (pages and diagram.svg) is a file of the site or of the
    release one level up, and every #fragment into a page is an id of that page."""
    ids = {name: {e.get("id") for e in tree.iter() if e.get("id")} for name, tree in _trees(pages)}
    svg = ET.fromstring(files["site/diagram.svg"])
    sources = [*_trees(pages), ("site/diagram.svg", svg)]
    broken = []
    for name, tree in sources:
        for path, fragment in _targets(name, tree):
            if path not in files:
                broken.append(f"{name} -> {path}")
            elif fragment and path in ids and fragment not in ids[path]:
                broken.append(f"{name} -> {path}#{fragment}")
    assert broken == []
    svg_links = [a.get("href") for a in svg.iter(f"{SVG}a")]
    assert svg_links and all(link for link in svg_links)


def test_no_machine_paths(files: dict[str, str]) -> None:
    home = str(Path.home())
    for name, text in files.items():
        if name.startswith("site/"):
            assert str(ROOT) not in text and (home == "/" or home + "/" not in text), name


# ------------------------------------------------------------------------------------ the source page

def test_source_page_highlights_every_claim(artifacts: Artifacts, pages: dict[str, object]) -> None:
    graph = artifacts.flat
    claims = _claims(artifacts)
    found: dict[str, set[str]] = {}
    for document in graph.subjects(RDF.type, ALKKG.SourceDocument):
        tree = pages[f"site/{page_path(str(document))}"]
        assert isinstance(tree, ET.Element)
        quotes = {_local(c): str(graph.value(c, ALKKG.quote)) for c in claims
                  if graph.value(graph.value(c, ALKKG.inSentence), ALKKG.sentenceOf) == document}
        links = [a for a in tree.iter("a") if "quote" in (a.get("class") or "").split()]
        keys = {a.get("data-claim") for a in links}
        assert keys == set(quotes), "every claim of the document has a highlight, and only those"
        for a in links:
            text = "".join(a.itertext())
            assert text and text in quotes[a.get("data-claim")], f"{a.get('data-claim')}: {text!r}"
        found.update({k: set() for k in keys if k})
        numbers = {int(n) for s in graph.subjects(ALKKG.sentenceOf, document)
                   for n in graph.objects(s, ALKKG.sentenceNumber)}
        spans = {e.get("id") for e in tree.iter("span") if "sentence" in (e.get("class") or "").split()}
        assert spans == {f"s{n}" for n in numbers}
        for n in numbers:
            element = next(e for e in tree.iter("span") if e.get("id") == f"s{n}")
            assert any(a.text == str(n) and "sentence" in (a.get("href") or "") for a in element.iter("a")), n
        markers = {str(m) for s in graph.subjects(ALKKG.sentenceOf, document) for m in graph.objects(s, ALKKG.citationMarker)}
        shown = {"".join(sup.itertext()) for sup in tree.iter("sup") if "cite" in (sup.get("class") or "")}
        assert markers <= shown
    assert len(found) == len(claims), "the number of distinct data-claim values is the number of claims"


quote_spans = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(quote_spans, st.lists(st.tuples(st.integers(0, 50), st.integers(1, 4)), max_size=2))
def test_pieces_give_every_quote_a_link_inside_it(spans: list[tuple[int, int]], marks: list[tuple[int, int]]) -> None:
    text = "".join(("word " if i % 2 else "ab ") for i in range(20))[:60]
    quotes = [Quote(f"q{i}", start, min(start + length, 60), "") for i, (start, length) in enumerate(spans)]
    markers = sorted((a, min(a + n, 60)) for a, n in marks)
    result = pieces(text, 0, 60, quotes, markers)
    assert [p.start for p in result][0] == 0 and result[-1].end == 60
    assert all(a.end == b.start for a, b in zip(result, result[1:], strict=False)), "pieces tile the text"
    assert {p.owner.key for p in result if p.owner} == {q.key for q in quotes}
    for piece in result:
        if piece.owner:
            assert piece.owner.start <= piece.start <= piece.end <= piece.owner.end


@pytest.mark.parametrize("module", ["alkkg.sitetext", "alkkg.sitegraph", "alkkg.svg"])
def test_doctests(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


# ------------------------------------------------------------------------------------ resources

def _expected(resource: URIRef, artifacts: Artifacts, nanopub_quads: list[tuple]) -> Graph:
    """The resource's own triples without blank nodes (for a nanopublication: from its graphs)."""
    own = Graph()
    triples = ({(s, p, o) for s, p, o, _ in nanopub_quads if s == resource} if (split_iri(str(resource)) or ("",))[0] == "np"
               else set(artifacts.flat.triples((resource, None, None))))
    for s, p, o in triples:
        if not isinstance(o, BNode):
            own.add((s, p, o))
    return own


def _as_ox(graph: Graph) -> set[str]:
    return {str(ox.Triple(_term(s), _term(p), _term(o))) for s, p, o in graph}  # type: ignore[arg-type]


def _resources(artifacts: Artifacts, nanopub_quads: list[tuple]) -> set[URIRef]:
    graph = artifacts.flat
    wanted = _claims(artifacts) | _ours(graph, "entity")
    wanted |= set(graph.subjects(RDF.type, ALKKG.Sentence)) | set(graph.subjects(RDF.type, ALKKG.BibliographicReference))
    wanted |= set(graph.subjects(RDF.type, ALKKG.SourceDocument))
    wanted |= {s for s, p, o, _ in nanopub_quads if o == URIRef(PREFIX_MAP["np"] + "Nanopublication")}
    return {r for r in wanted if isinstance(r, URIRef)}


def test_every_resource_has_a_page_and_descriptions_two_parsers_agree_on(
        artifacts: Artifacts, files: dict[str, str], nanopub_quads: list[tuple]) -> None:
    resources = _resources(artifacts, nanopub_quads)
    kinds = {(split_iri(str(r)) or ("",))[0] for r in resources}
    assert {"claim", "entity", "doc", "np"} <= kinds
    for resource in sorted(resources):
        folder = f"site/{page_path(str(resource))}".removesuffix("index.html")
        assert folder + "index.html" in files, resource
        expected = _expected(resource, artifacts, nanopub_quads)
        assert len(expected) > 0, resource
        for name, fmt, oxfmt in (("index.ttl", "turtle", ox.RdfFormat.TURTLE),
                                 ("index.jsonld", "json-ld", ox.RdfFormat.JSON_LD)):
            text = files[folder + name]
            parsed = Graph().parse(data=text, format=fmt)
            assert set(expected) <= set(parsed), f"{resource} {name}: rdflib misses own triples"
            with_ox = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in ox.parse(text.encode(), format=oxfmt)}
            assert _as_ox(expected) <= with_ox, f"{resource} {name}: pyoxigraph misses own triples"


def test_every_published_iri_has_a_page(artifacts: Artifacts, files: dict[str, str]) -> None:
    """Every IRI of ours in the graph - entities, terms, claim nodes (annotations, selectors,
    measurements, hypotheses), document nodes - dereferences to a page and two descriptions."""
    nodes = {str(n) for triple in artifacts.flat for n in triple if isinstance(n, URIRef)}
    paths = {page_path(n) for n in nodes} - {None}
    assert paths
    for path in paths:
        folder = f"site/{path}".removesuffix("index.html")
        assert {folder + f for f in ("index.html", "index.ttl", "index.jsonld")} <= set(files), path
        ox.parse(files[folder + "index.ttl"].encode(), format=ox.RdfFormat.TURTLE)


def test_every_nanopublication_page_lists_its_four_graphs(files: dict[str, str], nanopub_quads: list[tuple],
                                                           pages: dict[str, object]) -> None:
    graphs: dict[str, set[str]] = {}
    for _, _, _, g in nanopub_quads:
        name = str(getattr(g, "identifier", g))
        graphs.setdefault(name.partition("#")[0], set()).add(name.partition("#")[2])
    assert graphs
    for np, fragments in graphs.items():
        path = f"site/{page_path(np)}"
        tree = pages[path]
        assert isinstance(tree, ET.Element)
        ids = {e.get("id") for e in tree.iter() if e.get("id")}
        assert fragments <= ids, np
        trig = files[path.removesuffix("index.html") + "index.trig"]
        parsed = {str(q.graph_name) for q in ox.parse(trig.encode(), format=ox.RdfFormat.TRIG)}
        assert parsed == {f"<{np}#{f}>" for f in fragments}


def test_claim_pages_say_stance_quote_and_nanopublication(artifacts: Artifacts, pages: dict[str, object]) -> None:
    graph = artifacts.flat
    for claim in _claims(artifacts):
        tree = pages[f"site/{page_path(str(claim))}"]
        assert isinstance(tree, ET.Element)
        text = " ".join("".join(tree.itertext()).split())
        assert str(graph.value(claim, ALKKG.statement)) in text
        marks = ["".join(m.itertext()) for m in tree.iter("mark")]
        assert marks == [str(graph.value(claim, ALKKG.quote))]
        hrefs = [a.get("href") or "" for a in tree.iter("a")]
        assert any("/np/" in h for h in hrefs), claim
        modality = str(graph.value(claim, ALKKG.modality)).rsplit("/", 1)[-1]
        polarity = str(graph.value(claim, ALKKG.polarity)).rsplit("/", 1)[-1]
        if modality == "hedged":
            assert "may" in text and any(h.endswith("-hypothesis/index.html") for h in hrefs), claim
        if polarity == "negated":
            assert "not" in text, claim


def test_entity_pages_show_synonyms_mappings_and_inferred_types(artifacts: Artifacts, pages: dict[str, object]) -> None:
    skos = PREFIX_MAP["skos"]
    for entity in _ours(artifacts.flat, "entity"):
        tree = pages[f"site/{page_path(str(entity))}"]
        assert isinstance(tree, ET.Element)
        text = "".join(tree.itertext())
        hrefs = {a.get("href") for a in tree.iter("a")}
        for synonym in artifacts.flat.objects(entity, URIRef(skos + "altLabel")):
            assert str(synonym) in text
        for mapping in artifacts.flat.objects(entity, URIRef(skos + "exactMatch")):
            assert str(mapping) in hrefs
        inferred = set(artifacts.inferred.objects(entity, RDF.type)) - set(artifacts.flat.objects(entity, RDF.type))
        for klass in inferred:
            path = page_path(str(klass))
            assert (f"../../{path}" if path else str(klass)) in hrefs, (entity, klass)


# ------------------------------------------------------------------------------------ search, queries, diagram

def test_search_index_finds_synonyms(artifacts: Artifacts, files: dict[str, str]) -> None:
    index = json.loads(files["site/search-index.json"])
    assert files["site/search-index.js"] == f"window.ALKKG_SEARCH = {files['site/search-index.json'].rstrip()};\n"
    words = {w for entry in index for w in [entry["label"], *entry["synonyms"]]}
    assert {"IGF-1R", "LDK378"} <= words
    iris = {entry["iri"] for entry in index}
    assert {str(c) for c in _claims(artifacts)} <= iris
    assert {str(e) for e in _ours(artifacts.flat, "entity")} <= iris
    assert {str(t) for t in _ours(artifacts.ontology, "vocab")} <= iris
    assert all(f"site/{entry['path']}" in files for entry in index)


def test_every_competency_query_has_a_page_with_its_answer(project, files: dict[str, str], pages: dict[str, object]) -> None:
    from alkkg.queries import list_queries

    queries = list_queries(project.competency)
    assert queries
    for query in queries:
        tree = pages[f"site/query/{query.name}/index.html"]
        assert isinstance(tree, ET.Element)
        assert files[f"site/query/{query.name}/index.rq"] == query.text
        assert query.question in " ".join("".join(tree.itertext()).split())
        assert tree.find(".//h2[@id='answer']") is not None


def test_diagram_draws_claims_between_named_nodes(artifacts: Artifacts, files: dict[str, str]) -> None:
    svg = ET.fromstring(files["site/diagram.svg"])
    edges = {a.get("href"): a.get("class", "") for a in svg.iter(f"{SVG}a") if "dg-edge" in a.get("class", "")}
    graph = artifacts.flat
    for claim in _claims(artifacts):
        ends = [graph.value(claim, ALKKG.claimSubject), graph.value(claim, ALKKG.claimObject)]
        href = page_path(str(claim))
        if not all(e is not None and page_path(str(e)) for e in ends) or ends[0] == ends[1]:
            continue
        assert href in edges, claim
        hedged = str(graph.value(claim, ALKKG.modality)).endswith("/hedged")
        negated = str(graph.value(claim, ALKKG.polarity)).endswith("/negated")
        assert ("dg-hedged" in edges[href]) == hedged and ("dg-negated" in edges[href]) == negated, claim
    numbers = re.findall(r'\s(?:x|y|width|height)="(-?[0-9.]+)"', files["site/diagram.svg"])
    assert numbers and all(re.fullmatch(r"-?\d+\.\d", n) for n in numbers), "coordinates rounded to one decimal"


# ------------------------------------------------------------------------------------ w3id.org rules

def _redirect(rules: list[tuple[list[str], str, str]], path: str, accept: str) -> str | None:
    """What Apache's rewrite rules (RewriteCond %{HTTP_ACCEPT} + RewriteRule, [L]) answer."""
    for conditions, pattern, target in rules:
        match = re.search(pattern, path)
        if match and all(re.search(c, accept) for c in conditions):
            return match.expand(re.sub(r"\$(\d)", r"\\\1", target))
    return None


def _rules(text: str) -> list[tuple[list[str], str, str]]:
    rules, pending = [], []
    for line in text.splitlines():
        words = line.split()
        if line.startswith("RewriteCond %{HTTP_ACCEPT}"):
            pending.append(words[2])
        elif line.startswith("RewriteRule"):
            rules.append((pending, words[1], words[2]))
            pending = []
    return rules


def test_htaccess_sends_each_kind_to_its_files(artifacts: Artifacts, files: dict[str, str]) -> None:
    text = files["site/.htaccess"]
    assert "RewriteEngine on" in text
    rules = _rules(text)
    for kind in (*KINDS, "query"):
        assert any(pattern.startswith(f"^{kind}/") for _, pattern, _ in rules), kind
    examples = {str(iri) for iri in artifacts.flat.subjects() if isinstance(iri, URIRef) and split_iri(str(iri))}
    examples |= {f"https://w3id.org/alkkg/query/{name.split('/')[2]}" for name in files
                 if name.startswith("site/query/") and name.endswith("/index.rq")}
    for iri in sorted(examples):
        path = iri.removeprefix("https://w3id.org/alkkg/")
        for accept, file in (("text/turtle", "index.ttl"), ("application/ld+json", "index.jsonld"),
                             ("text/html,application/xhtml+xml,*/*;q=0.8", "index.html")):
            target = _redirect(rules, path, accept)
            assert target == f"{SITE_BASE}{path}/{file}", (iri, accept)
            assert f"site/{path}/{file}" in files
    version = artifacts.release.version_iri.removeprefix("https://w3id.org/alkkg/")
    for path in ("ontology", version):
        for accept, file in (("text/turtle", "alkkg-ontology.ttl"), ("application/rdf+xml", "alkkg-ontology.owl"),
                             ("text/html", "docs/index.html")):
            target = _redirect(rules, path, accept)
            assert target is not None and target.endswith("/" + file) and file in files, (path, accept)


# ------------------------------------------------------------------------------------ determinism

@pytest.mark.slow
def test_site_is_byte_identical_in_another_process(artifacts: Artifacts, project, tmp_path: Path) -> None:
    """The site again, from the same graphs, in a process with another hash seed (set and dict
    order): the same bytes. Slow set: the default run relies on ``alkkg build --check`` in CI and
    the slow rebuild of test_build for the whole build; this one checks the site alone."""
    state = tmp_path / "artifacts.pickle"
    state.write_bytes(pickle.dumps(dataclasses.replace(artifacts, files={
        k: v for k, v in artifacts.files.items() if not k.startswith("site/") and k != "MANIFEST.json"})))
    script = ("import hashlib, json, pickle, sys\n"
              "from pathlib import Path\n"
              "from alkkg.queries import list_queries\n"
              "from alkkg.site import site_files\n"
              "files = site_files(pickle.loads(Path(sys.argv[1]).read_bytes()), list_queries(Path(sys.argv[2])))\n"
              "print(json.dumps({k: hashlib.sha256(v.encode()).hexdigest() for k, v in files.items()}))\n")
    seed = "4242" if os.environ.get("PYTHONHASHSEED") != "4242" else "4343"
    result = subprocess.run([sys.executable, "-c", script, str(state), str(project.competency)], capture_output=True,
                            text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    here = {k: hashlib.sha256(v.encode()).hexdigest() for k, v in artifacts.files.items() if k.startswith("site/")}
    assert json.loads(result.stdout) == here


# ------------------------------------------------------------------------------------ in a browser

@pytest.mark.integration
def test_in_a_browser_every_claim_is_highlighted_and_search_finds_synonyms(artifacts: Artifacts, built: Path,
                                                                             tmp_path: Path) -> None:
    """Chromium (headless) loads the pages from file://: the source page's DOM has one distinct
    data-claim per claim, and the search script, run on a page, lists LDK378 and IGF-1R."""
    browser = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
    if browser is None:
        if os.environ.get("ALKKG_REQUIRE_TOOLS"):
            pytest.fail("no Chromium on PATH, and .ci/run requires it")
        pytest.skip("no Chromium on PATH")

    def dom(path: Path) -> str:
        result = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                 "--disable-background-networking", "--allow-file-access-from-files",
                                 "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    shutil.copytree(built / "site", tmp_path / "site")  # the probe page below must not touch the shared build
    built = tmp_path
    claims = _claims(artifacts)
    keys: set[str] = set()
    for document in artifacts.flat.subjects(RDF.type, ALKKG.SourceDocument):
        keys |= set(re.findall(r'data-claim="([^"]+)"', dom(built / "site" / str(page_path(str(document))))))
    assert len(keys) == len(claims)
    for query, entity in (("LDK378", "ceritinib"), ("IGF-1R", "IGF1R-protein")):
        probe = built / "site" / "entity" / "search-probe.html"
        page_text = (built / "site" / "entity" / "index.html").read_text(encoding="utf-8")
        probe.write_text(page_text.replace('<input id="search"', f'<input id="search" value="{query}"'), encoding="utf-8")
        results = re.search(r'<ul id="search-results">(.*?)</ul>', dom(probe), re.S)
        assert results and f"../entity/{entity}/index.html" in results.group(1), query


def test_labels_and_literals_are_escaped() -> None:
    from alkkg.prefixes import new_graph
    from alkkg.sitegraph import SiteGraph

    graph = new_graph()
    entity = URIRef("https://w3id.org/alkkg/entity/x")
    graph.add((entity, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal('<b>"A&B"</b>')))
    site = SiteGraph(graph, graph, graph, [])
    assert site.link(entity, "../../") == ('<a href="../../entity/x/index.html" title="alkkge:x">'
                                           "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</a>")
    assert site.link(Literal("<script>"), "") == "&lt;script&gt;"
