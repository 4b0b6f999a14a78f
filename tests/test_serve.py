"""``alkkg serve``: pages by content negotiation, release files, a read-only SPARQL endpoint, confined.

Every default test runs on a small release folder made here (a fake site page per kind, a few
quads), with the server in a thread of this process on a free loopback port. The integration test
at the end runs every competency query over the SPARQL protocol on a real build.
"""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from click.testing import CliRunner
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef

from alkkg import serve
from alkkg.cli import main
from alkkg.errors import ConfinementError, InputError

DATE = "2026-11-28"
VERSION_IRI = f"https://w3id.org/alkkg/ontology/releases/{DATE}"
KINDS = ("entity", "claim", "doc", "np", "vocab", "query")
PAGE = {"text/html": "index.html", "text/turtle": "index.ttl", "application/ld+json": "index.jsonld"}
SECRET = "top secret: outside the build folder"
EX = "https://w3id.org/alkkg/entity/"

Response = tuple[int, dict[str, str], bytes]


# ------------------------------------------------------------------------------------ fixtures

def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_release(root: Path) -> Path:
    """A small build folder: MANIFEST.json, the release files, a site page of each kind, traps."""
    build = root / "build"
    _write(root / "secret.txt", SECRET)
    _write(build / "MANIFEST.json", json.dumps({"version": "0.1.0", "release_date": DATE, "sha256": {}}))
    # 60 entities in the default graph: enough for a cross join that runs for minutes
    triples = "".join(f"<{EX}e{i}> <https://w3id.org/alkkg/vocab/rank> {i} .\n" for i in range(60))
    _write(build / "alkkg-inferred.ttl", triples + f"<{EX}x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\"@en .\n")
    _write(build / "alkkg.ttl", triples)
    _write(build / "alkkg.nq",
           f"<https://w3id.org/alkkg/ontology> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
           f"<http://www.w3.org/2002/07/owl#Ontology> <{VERSION_IRI}> .\n"
           f"<{EX}x> <https://w3id.org/alkkg/vocab/inhibits> <{EX}y> <https://w3id.org/alkkg/np/d-c#assertion> .\n")
    _write(build / "alkkg.trig", f"<{VERSION_IRI}> {{ <https://w3id.org/alkkg/ontology> a "
                                 "<http://www.w3.org/2002/07/owl#Ontology> . }\n")
    _write(build / "alkkg-ontology.ttl", "<https://w3id.org/alkkg/ontology> a <http://www.w3.org/2002/07/owl#Ontology> .\n")
    _write(build / "alkkg-ontology.owl", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
                                         '22-rdf-syntax-ns#"/>\n')
    _write(build / "docs" / "index.html", "<html>ontology reference</html>\n")
    _write(build / "void.ttl", "<https://w3id.org/alkkg/dataset> a <http://rdfs.org/ns/void#Dataset> .\n")
    _write(build / "reports" / "qc-report.tsv", "level\trule\n")
    site = build / "site"
    _write(site / "index.html", "<html>home</html>\n")
    _write(site / ".htaccess", "RewriteEngine on\n")
    for kind in KINDS:
        for media, name in PAGE.items():
            _write(site / kind / "x" / name, f"{kind} x as {media}\n")
    _write(site / "claim" / "html-only" / "index.html", "<html>only html</html>\n")
    (site / "entity" / "evil").symlink_to(root, target_is_directory=True)  # a folder pointing out
    (site / "leak.txt").symlink_to(root / "secret.txt")  # a file pointing out
    (site / "entity" / "linked").mkdir()
    (site / "entity" / "linked" / "index.ttl").symlink_to(root / "secret.txt")  # a page file pointing out
    return build


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_release(tmp_path_factory.mktemp("serve"))


def _start(build: Path, **options: object) -> tuple[serve.AlkkgServer, threading.Thread]:
    server = serve.make_server(build, "127.0.0.1", 0, **options)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@pytest.fixture(scope="module")
def url(release: Path) -> Iterator[str]:
    server, thread = _start(release)
    yield server.url
    server.shutdown()
    server.server_close()
    thread.join(5)


def request(base: str, path: str, *, method: str = "GET", headers: dict[str, str] | None = None,
            body: bytes | str | None = None) -> Response:
    """One HTTP request, *path* sent exactly as given (no normalisation, no encoding)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def sparql(base: str, query: str, accept: str | None = None, *, how: str = "post-query") -> Response:
    headers = {"Accept": accept} if accept else {}
    if how == "get":
        return request(base, "/sparql?" + urlencode({"query": query}), headers=headers)
    if how == "post-form":
        return request(base, "/sparql", method="POST", body=urlencode({"query": query}),
                       headers={**headers, "Content-Type": "application/x-www-form-urlencoded"})
    return request(base, "/sparql", method="POST", body=query.encode("utf-8"),
                   headers={**headers, "Content-Type": "application/sparql-query"})


# ------------------------------------------------------------------------------------ negotiation

@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("accept", "media"), [
    (None, "text/html"),
    ("*/*", "text/html"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("text/turtle", "text/turtle"),
    ("application/ld+json", "application/ld+json"),
    ("text/turtle;q=0.5, application/ld+json;q=0.9", "application/ld+json"),
    ("text/html;q=0.1, text/*;q=0.8", "text/turtle"),
    ("application/*", "application/ld+json"),
    ("image/png, text/turtle;q=0.2", "text/turtle"),
])
def test_page_by_content_negotiation(url: str, release: Path, kind: str, accept: str | None, media: str) -> None:
    """RDF is served at the IRI's own path; HTML from the page's folder URL (303 there), where its
    relative links (index.ttl, ../../claim/...) resolve."""
    asked = {"Accept": accept} if accept else {}
    status, headers, body = request(url, f"/{kind}/x", headers=asked)
    if media == "text/html":
        assert (status, headers["location"], headers["vary"]) == (303, f"/{kind}/x/", "Accept")
        status, headers, body = request(url, headers["location"], headers=asked)
    assert status == 200, body
    assert headers["content-type"].split(";")[0] == media
    assert body == (release / "site" / kind / "x" / PAGE[media]).read_bytes()
    assert headers["vary"] == "Accept"
    assert headers["access-control-allow-origin"] == "*"


def test_text_types_declare_utf8(url: str) -> None:
    assert request(url, "/entity/x", headers={"Accept": "text/turtle"})[1]["content-type"] == "text/turtle; charset=utf-8"
    assert request(url, "/entity/x/")[1]["content-type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize(("path", "accept"), [
    ("/entity/x", "image/png"),
    ("/entity/x", "text/html;q=0, text/turtle;q=0, application/ld+json;q=0"),
    ("/claim/html-only", "text/turtle"),
    ("/ontology", "application/ld+json"),
])
def test_nothing_acceptable_is_406(url: str, path: str, accept: str) -> None:
    status, headers, body = request(url, path, headers={"Accept": accept})
    assert status == 406
    assert headers["vary"] == "Accept"
    assert b"available" in body


@pytest.mark.parametrize(("suffix", "name"), [(".ttl", "index.ttl"), (".jsonld", "index.jsonld")])
def test_suffix_urls_name_one_representation(url: str, release: Path, suffix: str, name: str) -> None:
    status, headers, body = request(url, f"/entity/x{suffix}", headers={"Accept": "image/png"})
    assert status == 200
    assert body == (release / "site" / "entity" / "x" / name).read_bytes()
    assert "vary" not in headers
    assert request(url, "/claim/html-only.ttl")[0] == 404
    status, headers, _ = request(url, "/entity/x.html?a=1", headers={"Accept": "image/png"})
    assert (status, headers["location"]) == (303, "/entity/x/?a=1")


def test_trailing_slash_and_home_page(url: str, release: Path) -> None:
    assert request(url, "/entity/x/", headers={"Accept": "text/turtle"})[2] == b"entity x as text/turtle\n"
    assert request(url, "/")[2] == (release / "site" / "index.html").read_bytes()
    status, headers, body = request(url, "/", headers={"Accept": "text/turtle"})
    assert (status, body) == (200, (release / "void.ttl").read_bytes())  # RDF clients get the dataset description


def test_unknown_page_is_404(url: str) -> None:
    assert request(url, "/entity/nothing")[0] == 404
    assert request(url, "/entity/nothing", headers={"Accept": "text/turtle"})[0] == 404


# ------------------------------------------------------------------------------------ files

@pytest.mark.parametrize(("path", "media"), [
    ("/alkkg.ttl", "text/turtle"), ("/alkkg.trig", "application/trig"), ("/alkkg.nq", "application/n-quads"),
    ("/alkkg-ontology.owl", "application/rdf+xml"), ("/alkkg-ontology.ttl", "text/turtle"),
    ("/docs/index.html", "text/html"), ("/void.ttl", "text/turtle"), ("/MANIFEST.json", "application/json"),
    ("/reports/qc-report.tsv", "text/tab-separated-values"),
])
def test_release_files_are_served(url: str, release: Path, path: str, media: str) -> None:
    status, headers, body = request(url, path)
    assert status == 200
    assert headers["content-type"].split(";")[0] == media
    assert body == (release / path.lstrip("/")).read_bytes()
    head = request(url, path, method="HEAD")
    assert head[0] == 200 and head[2] == b"" and head[1]["content-length"] == str(len(body))


@pytest.mark.parametrize("path", ["/ontology", "/ontology/", f"/ontology/releases/{DATE}"])
@pytest.mark.parametrize(("accept", "name"), [
    (None, "docs/index.html"), ("text/html", "docs/index.html"), ("text/turtle", "alkkg-ontology.ttl"),
    ("application/rdf+xml", "alkkg-ontology.owl"), ("application/rdf+xml;q=0.9, text/turtle;q=0.5", "alkkg-ontology.owl"),
])
def test_ontology_by_content_negotiation(url: str, release: Path, path: str, accept: str | None, name: str) -> None:
    status, headers, body = request(url, path, headers={"Accept": accept} if accept else {})
    assert headers["vary"] == "Accept"
    if name == "docs/index.html":  # the HTML reference from its own URL, where its relative links resolve
        assert (status, headers["location"]) == (303, "/docs/index.html")
        status, _, body = request(url, headers["location"])
    assert status == 200
    assert body == (release / name).read_bytes()


def test_ontology_suffixes_and_other_releases(url: str, release: Path) -> None:
    assert request(url, "/ontology.owl")[2] == (release / "alkkg-ontology.owl").read_bytes()
    assert request(url, f"/ontology/releases/{DATE}.ttl")[2] == (release / "alkkg-ontology.ttl").read_bytes()
    assert request(url, "/ontology/releases/2020-01-01")[0] == 404
    assert request(url, "/dataset", headers={"Accept": "text/turtle"})[2] == (release / "void.ttl").read_bytes()


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
    "/entity/..%2f..%2f..%2fsecret.txt", "/site/../../secret.txt", "/entity/%2e%2e/%2e%2e/%2e%2e/secret.txt",
    "/%2fetc%2fpasswd", "//etc/passwd", "/entity/evil/secret.txt", "/leak.txt", "/site/leak.txt",
    "/entity/linked", "/entity/linked.ttl", "/.htaccess", "/%2ehtaccess", "/entity/x/%00", "/%c0%ae%c0%ae/secret.txt",
    "/..\\secret.txt", "http://127.0.0.1/../secret.txt",
])
def test_paths_out_of_the_build_folder_are_404(url: str, path: str) -> None:
    for accept in (None, "text/turtle"):
        status, _, body = request(url, path, headers={"Accept": accept} if accept else {})
        assert status == 404, path
        assert SECRET.encode() not in body


# ------------------------------------------------------------------------------------ SPARQL

SELECT = "SELECT ?s WHERE { ?s <https://w3id.org/alkkg/vocab/rank> ?r FILTER (?r < 3) } ORDER BY ?r"


@pytest.mark.parametrize("how", ["get", "post-form", "post-query"])
def test_select_over_each_protocol_form(url: str, how: str) -> None:
    status, headers, body = sparql(url, SELECT, how=how)
    assert status == 200, body
    assert headers["content-type"] == "application/sparql-results+json"
    assert headers["access-control-allow-origin"] == "*"
    values = [b["s"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert values == [f"{EX}e0", f"{EX}e1", f"{EX}e2"]


@pytest.mark.parametrize(("accept", "media", "marker"), [
    ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql"),
    ("text/csv", "text/csv", b"s\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?s\n"),
    ("application/json", "application/json", b'"bindings"'),
    ("text/html, */*;q=0.1", "application/sparql-results+json", b'"bindings"'),
])
def test_result_formats_by_accept(url: str, accept: str, media: str, marker: bytes) -> None:
    status, headers, body = sparql(url, SELECT, accept)
    assert status == 200
    assert headers["content-type"].split(";")[0] == media
    assert marker in body and f"{EX}e2".encode() in body


def test_ask_and_named_graphs(url: str) -> None:
    _, _, body = sparql(url, f"ASK {{ GRAPH <{VERSION_IRI}> {{ ?o a <http://www.w3.org/2002/07/owl#Ontology> }} }}")
    assert json.loads(body)["boolean"] is True
    # the default graph is alkkg-inferred.ttl, not the union of the named graphs
    _, _, body = sparql(url, f"ASK {{ <{EX}x> <https://w3id.org/alkkg/vocab/inhibits> ?y }}")
    assert json.loads(body)["boolean"] is False


@pytest.mark.parametrize(("accept", "media"), [
    (None, "text/turtle"), ("text/turtle", "text/turtle"), ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"), ("application/rdf+xml", "application/rdf+xml"),
])
def test_construct_and_describe_as_rdf(url: str, accept: str | None, media: str) -> None:
    formats = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
               "application/rdf+xml": "xml"}
    for query in (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER (?s = <{EX}e1>) }}", f"DESCRIBE <{EX}e1>"):
        status, headers, body = sparql(url, query, accept)
        assert status == 200, body
        assert headers["content-type"].split(";")[0] == media
        graph = Graph().parse(data=body.decode("utf-8"), format=formats[media])
        assert len(graph) == 1 and (URIRef(f"{EX}e1"), None, None) in graph


def test_no_acceptable_result_format_is_406(url: str) -> None:
    assert sparql(url, SELECT, "text/turtle")[0] == 406
    assert sparql(url, f"DESCRIBE <{EX}e1>", "text/csv")[0] == 406


def test_format_parameter_overrides_accept(url: str) -> None:
    status, headers, _ = request(url, "/sparql?" + urlencode({"query": SELECT, "format": "csv"}),
                                 headers={"Accept": "application/sparql-results+json"})
    assert (status, headers["content-type"]) == (200, "text/csv; charset=utf-8")
    assert request(url, "/sparql?" + urlencode({"query": SELECT, "format": "bogus"}))[0] == 400


UPDATE = f"INSERT DATA {{ <{EX}intruder> <https://w3id.org/alkkg/vocab/rank> 99 }}"


@pytest.mark.parametrize("how", ["get-update", "post-form-update", "post-sparql-update", "query-text-is-update"])
def test_updates_are_refused(url: str, how: str) -> None:
    if how == "get-update":
        response = request(url, "/sparql?" + urlencode({"update": UPDATE}))
    elif how == "post-form-update":
        response = request(url, "/sparql", method="POST", body=urlencode({"update": UPDATE}),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "post-sparql-update":
        response = request(url, "/sparql", method="POST", body=UPDATE,
                           headers={"Content-Type": "application/sparql-update"})
    else:
        response = sparql(url, UPDATE)
    status, headers, body = response
    assert status == 403
    assert b"read-only" in body
    assert headers["access-control-allow-origin"] == "*"
    assert json.loads(sparql(url, f"ASK {{ <{EX}intruder> ?p ?o }}")[2])["boolean"] is False


@pytest.mark.parametrize(("method", "path"), [
    ("PUT", "/alkkg.ttl"), ("PUT", "/rdf-graph-store?default"), ("POST", "/rdf-graph-store?graph=urn:x"),
    ("DELETE", "/alkkg.nq"), ("DELETE", "/sparql"), ("PUT", "/sparql"), ("POST", "/entity/x"), ("PATCH", "/void.ttl"),
])
def test_graph_store_writes_are_refused(url: str, release: Path, method: str, path: str) -> None:
    before = (release / "alkkg.ttl").read_bytes()
    status, headers, body = request(url, path, method=method, body="<urn:a> <urn:b> <urn:c> .",
                                    headers={"Content-Type": "text/turtle"})
    assert status == 405
    assert "GET" in headers["allow"] and "PUT" not in headers["allow"]
    assert b"read-only" in body
    assert (release / "alkkg.ttl").read_bytes() == before


def test_service_is_refused(url: str) -> None:
    status, _, body = sparql(url, "SELECT * WHERE { SERVICE <http://192.0.2.1/sparql> { ?s ?p ?o } }")
    assert status == 403
    assert b"SERVICE" in body


def test_syntax_errors_and_bad_requests(url: str) -> None:
    status, _, body = sparql(url, "SELECT WHERE {")
    assert status == 400 and b"syntax error" in body
    assert request(url, "/sparql", method="POST", body="query=x", headers={"Content-Type": "text/plain"})[0] == 415
    assert request(url, "/sparql", method="POST", body="",
                   headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 400


def test_a_slow_query_is_cut_off_at_the_limit(release: Path) -> None:
    server, thread = _start(release, query_timeout=0.5)
    try:
        cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }"
        start = time.monotonic()
        status, headers, body = sparql(server.url, cross)
        elapsed = time.monotonic() - start
        assert status == 503
        assert b"exceeded the 0.5 s time limit" in body
        assert headers["access-control-allow-origin"] == "*"
        assert elapsed < 5
        assert sparql(server.url, SELECT)[0] == 200  # and the server still answers
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_cors_preflight(url: str) -> None:
    status, headers, body = request(url, "/sparql", method="OPTIONS", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert status == 204 and body == b""
    assert headers["access-control-allow-origin"] == "*"
    assert "POST" in headers["access-control-allow-methods"]
    assert "content-type" in headers["access-control-allow-headers"].lower()
    assert request(url, "/entity/x", method="OPTIONS")[0] == 204
    for response in (request(url, "/entity/x"), request(url, "/alkkg.nq"), request(url, "/nothing"), sparql(url, SELECT)):
        assert response[1]["access-control-allow-origin"] == "*"


def test_sparql_without_query_gives_a_form_or_the_service_description(url: str) -> None:
    status, headers, body = request(url, "/sparql")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b"<form" in body and b'name="query"' in body
    status, headers, body = request(url, "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    description = Graph().parse(data=body.decode("utf-8"), format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (URIRef(url + "sparql"), URIRef(sd + "endpoint"), URIRef(url + "sparql")) in description
    assert URIRef(VERSION_IRI) in set(description.objects(None, URIRef(sd + "name")))


# ------------------------------------------------------------------------------------ binding

@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_hosts_are_accepted(host: str) -> None:
    serve.check_host(host, allow_public=False)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "example.org"])
def test_non_loopback_hosts_are_refused_unless_public(release: Path, host: str) -> None:
    with pytest.raises(ConfinementError, match="not a loopback address.*--public"):
        serve.make_server(release, host, 0)
    serve.check_host(host, allow_public=True)


def test_cli_refuses_a_public_host_with_exit_2(release: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "0", "--out", str(release)])
    assert result.exit_code == 2
    assert "error: --host 0.0.0.0: not a loopback address" in result.output
    assert "Traceback" not in result.output


def test_a_folder_that_is_no_build_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no MANIFEST.json"):
        serve.make_server(tmp_path, "127.0.0.1", 0)
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--out", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "no such folder" in result.output


def test_a_port_in_use_is_refused(release: Path) -> None:
    server, thread = _start(release)
    try:
        with pytest.raises(InputError, match="cannot listen on 127.0.0.1:.*choose another --port"):
            serve.make_server(release, "127.0.0.1", server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_alkkg_serve_in_a_subprocess_prints_its_url(release: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "alkkg", "serve", "--port", "0", "--out", str(release), "--quiet"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline() if process.stdout else ""
        match = re.fullmatch(rf"serving {re.escape(str(release))} at (http://127\.0\.0\.1:(\d+)/)\n", line)
        assert match, (line, process.poll())
        assert int(match[2]) > 0
        status, _, body = request(match[1], "/entity/x", headers={"Accept": "text/turtle"})
        assert (status, body) == (200, b"entity x as text/turtle\n")
        assert sparql(match[1], SELECT)[0] == 200
    finally:
        process.terminate()
        process.wait(10)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


def test_negotiate_edge_cases() -> None:
    offers = ["text/html", "text/turtle"]
    assert serve.negotiate("", offers) == "text/html"
    assert serve.negotiate("text/turtle;q=abc, text/html;q=0.3", offers) == "text/html"  # a bad q counts as 0
    assert serve.negotiate("TEXT/TURTLE", offers) == "text/turtle"
    assert serve.negotiate("text/*;q=0.5, text/html;q=0", offers) == "text/turtle"
    assert serve.negotiate("garbage", offers) is None


# ------------------------------------------------------------------------------------ the real build

def _term(value: dict[str, str] | None) -> object:
    """A SPARQL JSON term as the rdflib term Oxigraph's would become in alkkg.queries."""
    if value is None:
        return None
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    datatype = value.get("datatype")
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = None
    return Literal(value["value"], datatype=datatype)


@pytest.mark.integration
def test_every_competency_query_over_the_protocol_equals_its_golden_file(built: Path) -> None:
    """A user's view: POST each file of queries/competency/ as it is; the answer is the golden file."""
    from test_competency import ALL, cell, golden, to_csv

    server, thread = _start(built)
    try:
        for query in ALL:
            status, headers, body = sparql(server.url, query.text, "application/sparql-results+json")
            assert status == 200, (query.name, body)
            data = json.loads(body)
            variables = data["head"]["vars"]
            got = [variables] + [[cell(_term(row.get(v))) for v in variables] for row in data["results"]["bindings"]]
            assert got == golden(query.name), f"{query.name} over /sparql differs; got:\n{to_csv(got)}"
        # the named graphs: the ontology, by its versionIRI, and every nanopublication of alkkg.nq
        dataset = Dataset()
        dataset.parse(built / "alkkg.nq", format="nquads")
        nanopub = URIRef("http://www.nanopub.org/nschema#Nanopublication")
        expected = {str(s) for s, _, _, _ in dataset.quads((None, RDF.type, nanopub, None))}
        status, _, body = sparql(server.url, f"SELECT DISTINCT ?np WHERE {{ GRAPH ?h {{ ?np a <{nanopub}> }} }}")
        assert {b["np"]["value"] for b in json.loads(body)["results"]["bindings"]} == expected
        assert len(expected) > 1
        status, _, body = sparql(server.url, f"ASK {{ GRAPH <{VERSION_IRI}> {{ <https://w3id.org/alkkg/ontology> "
                                 f"<http://www.w3.org/2002/07/owl#versionIRI> <{VERSION_IRI}> }} }}")
        assert json.loads(body)["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
