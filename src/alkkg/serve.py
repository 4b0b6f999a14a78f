"""``alkkg serve``: a built release over HTTP, on this machine - pages, files and a SPARQL endpoint.

What it answers (everything read-only, every answer with ``Access-Control-Allow-Origin: *``):

* ``/<kind>/<local>`` (``/entity/ceritinib``, ``/claim/...``): the page the site generator wrote
  to ``site/<kind>/<local>/``, by content negotiation (``Accept``, q-values honoured, ``Vary:
  Accept``): ``index.html`` (text/html, also for ``*/*`` or no Accept), ``index.ttl``
  (text/turtle) or ``index.jsonld`` (application/ld+json); 406 when none is acceptable. RDF is
  answered at the IRI's path; HTML from the page's folder URL (``/entity/ceritinib/``, a 303
  redirect), where its relative links resolve. The suffix URLs ``/entity/ceritinib.ttl`` and
  ``.jsonld`` name one representation directly (``.html`` redirects to the folder URL).
* ``/ontology`` and ``/ontology/releases/<release date>``: ``docs/index.html`` (a 303 to
  ``/docs/index.html``), ``alkkg-ontology.ttl`` or ``alkkg-ontology.owl`` (application/rdf+xml);
  ``/dataset`` and (for RDF clients) ``/``: ``void.ttl``.
* Any other file of the site, then of the build folder: ``/alkkg.nq``, ``/alkkg-ontology.owl``,
  ``/docs/index.html``, ``/reports/qc-report.tsv`` ... . A path that leaves the folder (``..``,
  its encoded forms, a symlink pointing out) or names a hidden file is answered 404.
* ``/sparql``: the SPARQL 1.1 Protocol (GET ``?query=``, POST form or ``application/sparql-query``;
  ``default-graph-uri`` / ``named-graph-uri`` honoured). The store is an in-memory Oxigraph store
  whose **default graph is alkkg-inferred.ttl** (the asserted graph plus what HermiT inferred, so
  every competency query answers as its golden file says) and whose **named graphs are those of
  alkkg.nq** (the ontology, named by its versionIRI, and the four graphs of every nanopublication).
  Results as SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT and DESCRIBE as Turtle (default),
  N-Triples, JSON-LD or RDF/XML. SPARQL Update and ``SERVICE`` are refused (403), every write
  method is refused (405). Each query runs in a forked worker that is killed at the time limit
  (503, "exceeded the N s time limit") or when it needs more memory than allowed.

It listens on 127.0.0.1 unless told otherwise, and refuses a non-loopback address unless
``allow_public`` is given: the endpoint answers whoever can reach it.
"""

from __future__ import annotations

import html
import ipaddress
import json
import mimetypes
import socket
import socketserver
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .errors import AlkkgError, ConfinementError, InputError, LimitError, QueryError, first_line
from .limits import MAX_MEMORY_MB, MAX_QUERY_BYTES, QUERY_TIMEOUT

Log = Callable[[str], None]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: queries evaluated at once (each in its own worker process); more wait, then get a 503
MAX_CONCURRENT_QUERIES = 4
#: seconds a connection may stay silent before it is closed
SOCKET_TIMEOUT = 30.0

#: the named-graph file and the default-graph file the endpoint loads
QUADS_FILE = "alkkg.nq"
DEFAULT_GRAPH_FILE = "alkkg-inferred.ttl"

HTML = "text/html"
TURTLE = "text/turtle"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"
#: representation files of a site page, in the order preferred when the client has no preference
PAGE_FILES = {HTML: "index.html", TURTLE: "index.ttl", JSONLD: "index.jsonld"}
SUFFIX_TYPES = {".html": HTML, ".ttl": TURTLE, ".jsonld": JSONLD, ".owl": RDFXML}
#: content types of served files, by suffix (text types carry charset=utf-8)
FILE_TYPES = {
    ".html": "text/html; charset=utf-8", ".ttl": "text/turtle; charset=utf-8", ".jsonld": JSONLD,
    ".json": "application/json", ".trig": "application/trig", ".nq": "application/n-quads",
    ".nt": "application/n-triples", ".owl": RDFXML, ".rdf": RDFXML,
    ".md": "text/markdown; charset=utf-8", ".tsv": "text/tab-separated-values; charset=utf-8",
    ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".rq": "application/sparql-query",
}
#: SELECT/ASK result formats: media type -> pyoxigraph QueryResultsFormat member (first = default)
RESULT_FORMATS = {
    "application/sparql-results+json": "JSON", "application/json": "JSON",
    "application/sparql-results+xml": "XML", "application/xml": "XML",
    "text/csv": "CSV", "text/tab-separated-values": "TSV",
}
#: CONSTRUCT/DESCRIBE formats: media type -> pyoxigraph RdfFormat member (first = default)
GRAPH_FORMATS = {
    TURTLE: "TURTLE", "application/n-triples": "N_TRIPLES", JSONLD: "JSON_LD", RDFXML: "RDF_XML",
}
#: ``format=`` shortcuts (the form page's choice): the Accept header each stands for, overriding the request's
FORMAT_NAMES = {
    "json": f"application/sparql-results+json, {JSONLD}", "xml": f"application/sparql-results+xml, {RDFXML}",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": TURTLE, "ntriples": "application/n-triples",
    "jsonld": JSONLD,
}
_QUERY_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                "DescribeQuery": "DESCRIBE"}

UPDATE_REFUSED = ("this SPARQL endpoint is read-only: SPARQL Update (update=, application/sparql-update or an "
                  "INSERT/DELETE/LOAD/CLEAR query) is refused; run SELECT, ASK, CONSTRUCT or DESCRIBE")
WRITE_REFUSED = ("alkkg serve is read-only: {method} is refused (no Graph Store writes); the data changes "
                 "only through the curated inputs and `alkkg build`")


# ------------------------------------------------------------------------------------ negotiation

def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values (malformed entries skipped).

    >>> parse_accept("text/html;q=0.5, text/turtle")
    [('text/html', 0.5), ('text/turtle', 1.0)]
    """
    ranges = []
    for item in (header or "").split(","):
        media, *params = (part.strip() for part in item.split(";"))
        media = media.lower()
        if media.count("/") != 1:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def negotiate(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers (RFC 9110: the most specific matching range gives its q), or None.

    Ties go to the earlier offer, so *offers* lists the server's preference. No Accept header
    accepts everything.

    >>> negotiate("text/turtle;q=0.9, application/ld+json", ["text/html", "text/turtle", "application/ld+json"])
    'application/ld+json'
    >>> negotiate("*/*", ["text/html", "text/turtle"])
    'text/html'
    >>> negotiate("image/png", ["text/html"]) is None
    True
    """
    if header is None or not header.strip():
        return offers[0] if offers else None
    ranges = parse_accept(header)
    best, best_q = None, 0.0
    for offer in offers:
        kind = offer.split("/")[0]
        q, specificity = 0.0, -1
        for media, value in ranges:
            level = 2 if media == offer else 1 if media == f"{kind}/*" else 0 if media == "*/*" else -1
            if level > specificity:
                q, specificity = value, level
        if q > best_q:
            best, best_q = offer, q
    return best


# ------------------------------------------------------------------------------------ host and store

def check_host(host: str, *, allow_public: bool) -> None:
    """Refuse (ConfinementError) a host that is not a loopback address unless *allow_public*."""
    if allow_public or host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ConfinementError(
            f"--host {host}: not a loopback address; alkkg serve answers only this machine (127.0.0.1, ::1, "
            "localhost) unless you add --public, which lets anyone who can reach the address read the "
            "files and run queries")


@dataclass(frozen=True)
class BuildFolder:
    """The build folder a server serves, and its release identity."""

    folder: Path  # resolved
    release_date: str
    version_iri: str

    @property
    def site(self) -> Path:
        return self.folder / "site"


def read_build(build_dir: Path) -> BuildFolder:
    """A build folder and its release date, read from its MANIFEST.json (InputError if it is no build)."""
    folder = build_dir.resolve()
    manifest = folder / "MANIFEST.json"
    if not folder.is_dir():
        raise InputError(f"{build_dir}: no such folder; run `alkkg build` first, or pass --out BUILD_DIR")
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        date = str(data["release_date"])
    except FileNotFoundError:
        raise InputError(f"{build_dir}: no MANIFEST.json, so not a build folder; run `alkkg build` first, "
                         "or pass --out BUILD_DIR") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{manifest}: cannot read the release date: {first_line(exc)}; rebuild with "
                         "`alkkg build`") from None
    from .release import Release as Identity, check_date

    return BuildFolder(folder, date, Identity("", check_date(date)).version_iri)


def load_store(build: BuildFolder) -> Any:
    """An in-memory Oxigraph store: alkkg.nq's named graphs, alkkg-inferred.ttl as default graph."""
    import pyoxigraph as ox

    from .rdfio import read_rdf

    store = ox.Store()
    for name, fmt, graph in ((QUADS_FILE, ox.RdfFormat.N_QUADS, None),
                             (DEFAULT_GRAPH_FILE, ox.RdfFormat.TURTLE, ox.DefaultGraph())):
        path = build.folder / name
        if not path.is_file():
            raise InputError(f"{path}: file not found; the endpoint needs {QUADS_FILE} and {DEFAULT_GRAPH_FILE}: "
                             "run `alkkg build` first")
        rdf = read_rdf(path)  # size-limited, decoded, checked as every file alkkg reads
        try:
            if graph is None:
                store.load(rdf.data, format=fmt, base_iri=rdf.base)
            else:
                store.load(rdf.data, format=fmt, base_iri=rdf.base, to_graph=graph)
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"{path}: Oxigraph cannot load it: {first_line(exc)}; rebuild with `alkkg build`") from None
    return store


# ------------------------------------------------------------------------------------ queries

@dataclass(frozen=True)
class Answer:
    """One HTTP answer of the endpoint, made in the worker."""

    status: int
    content_type: str
    body: bytes


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # noqa: BLE001 - not an update
        return False
    return True


def evaluate(store: Any, text: str, accept: str | None, *, default_graphs: Sequence[str] = (),
             named_graphs: Sequence[str] = ()) -> Answer:
    """Check and run one query on *store*: the HTTP answer (raises QueryError, ConfinementError, LimitError).

    Runs in the worker: parsing a hostile query can be slow too.
    """
    import pyoxigraph as ox

    from . import queries

    try:
        tree = queries.parse_sparql(text, "the query")
    except QueryError:
        if _is_update(text):
            return _text(403, UPDATE_REFUSED)
        raise
    queries.refuse_unsafe(tree, "the query")
    kind = _QUERY_KINDS.get(tree[1].name, "SELECT")
    formats = RESULT_FORMATS if kind in ("SELECT", "ASK") else GRAPH_FORMATS
    media = negotiate(accept, list(formats))
    if media is None:
        return _text(406, f"no acceptable format for a {kind} result (Accept: {accept}); this endpoint gives "
                          + ", ".join(formats))
    options: dict[str, Any] = {}
    try:
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    except ValueError as exc:
        raise QueryError(f"default-graph-uri/named-graph-uri: not an IRI: {first_line(exc)}") from None
    try:
        result = store.query(text, **options)
        if isinstance(result, ox.QueryTriples):
            body = result.serialize(format=getattr(ox.RdfFormat, formats[media]))
        else:
            body = result.serialize(format=getattr(ox.QueryResultsFormat, formats[media]))
    except SyntaxError as exc:
        raise QueryError(f"the query: SPARQL syntax error (Oxigraph): {first_line(exc)}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"the query: Oxigraph could not evaluate it: {first_line(exc)}") from None
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return Answer(200, media + charset, body or b"")


# ------------------------------------------------------------------------------------ server

class AlkkgServer(ThreadingHTTPServer):
    """The HTTP server of ``alkkg serve``: its build folder, store and limits."""

    daemon_threads = True
    release: BuildFolder
    store: Any
    query_timeout: float
    max_memory_mb: int
    log: Log | None
    service_description: str
    slots: threading.BoundedSemaphore

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup of the host (slow, and needless here)."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    @property
    def url(self) -> str:
        host = str(self.server_address[0])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.server_address[1]}/"


class _IPv6Server(AlkkgServer):
    address_family = socket.AF_INET6


def make_server(build_dir: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                query_timeout: float = QUERY_TIMEOUT, max_memory_mb: int = MAX_MEMORY_MB,
                allow_public: bool = False, log: Log | None = None) -> AlkkgServer:
    """A server for the build in *build_dir*, bound (port 0: a free port) but not yet serving.

    Raises ConfinementError for a non-loopback *host* without *allow_public*, InputError when
    *build_dir* is not a build or the address cannot be bound.
    """
    check_host(host, allow_public=allow_public)
    release = read_build(build_dir)
    store = load_store(release)
    _warm_up()
    cls = _IPv6Server if ":" in host else AlkkgServer
    try:
        server = cls((host.strip("[]"), port), _Handler, bind_and_activate=True)
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; choose another --port "
                         "(0 picks a free one) or --host") from None
    server.release = release
    server.store = store
    server.query_timeout = query_timeout
    server.max_memory_mb = max_memory_mb
    server.log = log
    server.slots = threading.BoundedSemaphore(MAX_CONCURRENT_QUERIES)
    server.service_description = _service_description(server.url + "sparql", release, store)
    return server


def _warm_up() -> None:
    """Import and exercise the query parsers once here, so that each forked worker starts warm."""
    from . import queries

    queries.parse_sparql("ASK { ?s ?p ?o }", "warm-up")
    _is_update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def serve(build_dir: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
          query_timeout: float = QUERY_TIMEOUT, max_memory_mb: int = MAX_MEMORY_MB, allow_public: bool = False,
          announce: Log = print, log: Log | None = None) -> None:
    """Serve *build_dir* until interrupted (Ctrl-C); *announce* gets ``serving <dir> at <url>``."""
    server = make_server(build_dir, host, port, query_timeout=query_timeout, max_memory_mb=max_memory_mb,
                         allow_public=allow_public, log=log)
    try:
        announce(f"serving {build_dir} at {server.url}")
        if not server.release.site.is_dir():
            announce(f"  (no {server.release.site}: only the release files, /ontology and /sparql)")
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _service_description(endpoint: str, release: BuildFolder, store: Any) -> str:
    """The SPARQL 1.1 Service Description of the endpoint, in Turtle."""
    from rdflib import RDF, BNode, Literal, Namespace, URIRef

    from .prefixes import DCTERMS, PREFIX_MAP, new_graph
    from .rdfio import turtle

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    formats = Namespace("http://www.w3.org/ns/formats/")
    void = Namespace(PREFIX_MAP["void"])
    g = new_graph()
    g.bind("sd", sd)
    g.bind("formats", formats)
    service, dataset, default = URIRef(endpoint), BNode("dataset"), BNode("default-graph")
    g.add((service, RDF.type, sd.Service))
    g.add((service, sd.endpoint, service))
    g.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        g.add((service, sd.resultFormat, formats[name]))
    g.add((service, sd.defaultDataset, dataset))
    g.add((dataset, RDF.type, sd.Dataset))
    g.add((dataset, DCTERMS.source, URIRef("https://w3id.org/alkkg/dataset")))
    g.add((dataset, sd.defaultGraph, default))
    g.add((default, RDF.type, sd.Graph))
    g.add((default, DCTERMS.description, Literal(
        f"{DEFAULT_GRAPH_FILE}: the ontology, the source document and every claim, plus what HermiT inferred")))
    g.add((default, void.triples, Literal(len(list(store.quads_for_pattern(None, None, None, _default_graph()))))))
    for number, name in enumerate(sorted(graph.value for graph in store.named_graphs())):
        node = BNode(f"graph-{number}")
        g.add((dataset, sd.namedGraph, node))
        g.add((node, RDF.type, sd.NamedGraph))
        g.add((node, sd.name, URIRef(name)))
        if name == release.version_iri:
            g.add((node, DCTERMS.description, Literal("the released ontology")))
    return turtle(g)


def _default_graph() -> Any:
    import pyoxigraph as ox

    return ox.DefaultGraph()


class _Handler(BaseHTTPRequestHandler):
    server: AlkkgServer
    server_version = "alkkg-serve"
    timeout = SOCKET_TIMEOUT

    # -------------------------------------------------------------------------------- plumbing
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")

    def _send(self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] | None = None,
              *, head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head and self.command != "HEAD":
            self.wfile.write(body)

    def _send_text(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        self._send(status, (message.rstrip("\n") + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers)

    def _not_found(self) -> None:
        self._send_text(404, f"not found: {self._path_only()}")

    def _path_only(self) -> str:
        return urlsplit(self.path).path or "/"

    # -------------------------------------------------------------------------------- methods
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        if self._path_only() in ("/sparql", "/sparql/"):
            self._sparql_post()
        else:
            self._refuse_write()

    def do_OPTIONS(self) -> None:  # noqa: N802
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self) -> None:  # noqa: N802
        self._refuse_write()

    def do_DELETE(self) -> None:  # noqa: N802
        self._refuse_write()

    def do_PATCH(self) -> None:  # noqa: N802
        self._refuse_write()

    def _refuse_write(self) -> None:
        allow = "GET, HEAD, POST, OPTIONS" if self._path_only() in ("/sparql", "/sparql/") else "GET, HEAD, OPTIONS"
        self._send_text(405, WRITE_REFUSED.format(method=self.command), {"Allow": allow})

    # -------------------------------------------------------------------------------- routing
    def _dispatch(self) -> None:
        path = self._path_only()
        if path in ("/sparql", "/sparql/"):
            self._sparql_get()
            return
        segments = _segments(path)
        if segments is None:
            self._not_found()
            return
        release = self.server.release
        resource = _resource(segments, release)
        if resource is not None:
            self._negotiated(resource, path)
            return
        for root in (release.site, release.folder):
            found = _confined(root, segments)
            if found is not None and found.is_file():
                self._file(found)
                return
        self._not_found()

    def _negotiated(self, resource: Resource, path: str) -> None:
        """Serve the representation the URL suffix or the Accept header picks; HTML from its own folder URL."""
        representations = resource.representations
        if resource.fixed is not None:
            media: str | None = resource.fixed
            if media not in representations:
                self._not_found()
                return
        elif not representations:
            self._not_found()
            return
        else:
            accept = self.headers.get("Accept")
            media = negotiate(accept, list(representations))
            if media is None:
                self._send_text(406, f"none of the representations of {path} is acceptable (Accept: {accept}); "
                                     f"available: {', '.join(representations)}", {"Vary": "Accept"})
                return
        vary = {} if resource.fixed else {"Vary": "Accept"}
        if media == HTML and resource.html_at is not None and resource.html_at != path:
            # the page's relative links (index.ttl, ../../claim/...) work only from its folder URL
            query = urlsplit(self.path).query
            location = resource.html_at + (f"?{query}" if query else "")
            self._send_text(303, f"see {location}", {**vary, "Location": location})
            return
        assert media is not None
        self._file(representations[media], vary)

    def _file(self, path: Path, headers: Mapping[str, str] | None = None) -> None:
        try:
            body = path.read_bytes()
        except OSError:
            self._not_found()
            return
        content_type = (FILE_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
                        or "application/octet-stream")
        self._send(200, body, content_type, headers)

    # -------------------------------------------------------------------------------- SPARQL
    def _sparql_get(self) -> None:
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if "update" in params:
            self._send_text(403, UPDATE_REFUSED)
            return
        if "query" not in params:
            self._sparql_page()
            return
        self._query(params)

    def _sparql_post(self) -> None:
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update" or "update" in params:
            self._send_text(403, UPDATE_REFUSED)
            return
        if content_type not in ("application/x-www-form-urlencoded", "application/sparql-query"):
            self._send_text(415, f"unsupported Content-Type {content_type or '(none)'!r}; POST a query as "
                                 "application/x-www-form-urlencoded (query=...) or application/sparql-query")
            return
        body = self._body()
        if body is None:
            return
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._send_text(400, "the request body is not UTF-8")
            return
        if content_type == "application/sparql-query":
            params["query"] = [text]
        else:
            form = parse_qs(text, keep_blank_values=True)
            if "update" in form:
                self._send_text(403, UPDATE_REFUSED)
                return
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        if "query" not in params:
            self._send_text(400, "no query: give query=... (form) or a application/sparql-query body")
            return
        self._query(params)

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None or not length.strip().isdigit():
            self._send_text(411, "a POST needs a Content-Length")
            return None
        size = int(length)
        if size > MAX_QUERY_BYTES:
            self._send_text(413, f"the request body is {size} bytes; queries are limited to {MAX_QUERY_BYTES} bytes")
            return None
        return self.rfile.read(size)

    def _query(self, params: dict[str, list[str]]) -> None:
        if len(params["query"]) != 1:
            self._send_text(400, "give exactly one query parameter")
            return
        text = params["query"][0]
        accept = self.headers.get("Accept")
        fmt = (params.get("format") or [""])[0]
        if fmt:
            if fmt not in FORMAT_NAMES:
                self._send_text(400, f"unknown format={fmt!r}; use one of {', '.join(FORMAT_NAMES)}")
                return
            accept = FORMAT_NAMES[fmt]
        default_graphs = tuple(params.get("default-graph-uri", ()))
        named_graphs = tuple(params.get("named-graph-uri", ()))
        server = self.server
        if not server.slots.acquire(timeout=server.query_timeout):
            self._send_text(503, f"{MAX_CONCURRENT_QUERIES} queries are running; try again shortly",
                            {"Retry-After": "5"})
            return
        try:
            answer = self._run(text, accept, default_graphs, named_graphs)
        finally:
            server.slots.release()
        self._send(answer.status, answer.body, answer.content_type, {"Vary": "Accept"})

    def _run(self, text: str, accept: str | None, default_graphs: tuple[str, ...],
             named_graphs: tuple[str, ...]) -> Answer:
        from .limits import WorkerCrash, run_limited

        server = self.server
        store = server.store

        def work() -> Answer:
            return evaluate(store, text, accept, default_graphs=default_graphs, named_graphs=named_graphs)

        try:
            return run_limited(work, what="the query", timeout=server.query_timeout,
                               max_memory_mb=server.max_memory_mb)
        except ConfinementError as error:
            return _text(403, str(error))
        except LimitError as error:
            return _text(503, str(error))
        except QueryError as error:
            return _text(400, str(error))
        except AlkkgError as error:
            return _text(500, str(error))
        except WorkerCrash as error:
            print(f"alkkg serve: query worker failed: {error}\n{error.worker_traceback}", file=sys.stderr)
            return _text(500, "internal error while evaluating the query (a bug in alkkg; see the server log)")

    def _sparql_page(self) -> None:
        media = negotiate(self.headers.get("Accept"), [HTML, TURTLE])
        if media == TURTLE:
            self._send(200, self.server.service_description.encode("utf-8"), "text/turtle; charset=utf-8",
                       {"Vary": "Accept"})
            return
        if media is None:
            self._send_text(406, "GET /sparql without a query gives an HTML form (text/html) or the service "
                                 "description (text/turtle)", {"Vary": "Accept"})
            return
        self._send(200, _FORM.format(endpoint=html.escape(self.server.url + "sparql")).encode("utf-8"),
                   "text/html; charset=utf-8", {"Vary": "Accept"})


@dataclass(frozen=True)
class Resource:
    """A negotiated resource: its representation files, the type a suffix URL fixed, the URL of its HTML."""

    representations: dict[str, Path]
    fixed: str | None = None
    html_at: str | None = None  # where the HTML is served so that its relative links resolve


def _resource(segments: list[str], build: BuildFolder) -> Resource | None:
    """The negotiated resource a URL path names (site pages, /ontology, /dataset, /), or None."""
    folder = build.folder
    if not segments:  # the site's home page; for RDF clients, the dataset description
        home = _page(build.site, [])
        if TURTLE not in home:
            home.update(_existing({TURTLE: folder / "void.ttl"}))
        return Resource(home)
    *parents, last = segments
    stem, dot, suffix = last.rpartition(".")
    fixed = SUFFIX_TYPES.get(f".{suffix.lower()}") if dot and stem else None
    named = [*parents, stem if fixed else last]
    if named in (["ontology"], ["ontology", "releases", build.release_date]):
        return Resource(_existing({HTML: folder / "docs" / "index.html", TURTLE: folder / "alkkg-ontology.ttl",
                                   RDFXML: folder / "alkkg-ontology.owl"}), fixed, "/docs/index.html")
    if named == ["dataset"]:
        return Resource(_existing({TURTLE: folder / "void.ttl"}), fixed)
    found = _page(build.site, named)
    if not found:
        return None
    return Resource(found, fixed, "/" + "/".join(quote(segment) for segment in named) + "/")


def _segments(path: str) -> list[str] | None:
    """The decoded segments of a URL path, or None if one could leave the folder or is hidden."""
    segments = []
    for raw in path.split("/"):
        if not raw:
            continue
        try:
            segment = unquote(raw, errors="strict")
        except UnicodeDecodeError:
            return None
        if (segment.startswith(".") or any(c in segment for c in "/\\\x00")
                or PurePath(segment).is_absolute() or PurePath(segment).drive):
            return None  # ".", "..", hidden files, an encoded separator or NUL, a drive or absolute path
        segments.append(segment)
    return segments


def _confined(root: Path, segments: Sequence[str]) -> Path | None:
    """``root/segments`` resolved, or None if it lies outside *root* (a symlink pointing out)."""
    try:
        resolved = root.joinpath(*segments).resolve()
        base = root.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a name the OS refuses
        return None
    return resolved if resolved == base or base in resolved.parents else None


def _page(site: Path, segments: list[str]) -> dict[str, Path]:
    """The representation files (index.html, .ttl, .jsonld) of the site folder *segments*, confined."""
    found = {}
    for media, name in PAGE_FILES.items():
        path = _confined(site, [*segments, name])
        if path is not None and path.is_file():
            found[media] = path
    return found


def _existing(representations: dict[str, Path]) -> dict[str, Path]:
    return {media: path for media, path in representations.items() if path.is_file()}


_FORM = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>alkkg SPARQL endpoint</title></head>
<body>
<h1>alkkg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol endpoint <code>{endpoint}</code>, read-only. Default graph: alkkg-inferred.ttl (the
claims with the reasoner's inferences); named graphs: the ontology and every nanopublication of alkkg.nq.</p>
<form method="get" action="/sparql">
<textarea name="query" rows="14" cols="100">PREFIX alkkg: &lt;https://w3id.org/alkkg/vocab/&gt;
PREFIX rdfs: &lt;http://www.w3.org/2000/01/rdf-schema#&gt;
SELECT ?drug ?label WHERE {{
  ?drug alkkg:inhibits ?target .
  OPTIONAL {{ ?drug rdfs:label ?label }}
}} ORDER BY ?drug</textarea><br>
<label>Results as <select name="format">
<option value="json">JSON (SPARQL results; JSON-LD for CONSTRUCT/DESCRIBE)</option>
<option value="xml">XML (SPARQL results; RDF/XML for CONSTRUCT/DESCRIBE)</option>
<option value="csv">CSV</option><option value="tsv">TSV</option>
<option value="turtle">Turtle (CONSTRUCT/DESCRIBE)</option></select></label>
<button type="submit">Run</button>
</form>
</body>
</html>
"""
