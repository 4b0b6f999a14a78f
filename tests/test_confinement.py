"""validate and query stay within their arguments, within their limits, and answer honestly.

Confinement: no JSON-LD context or @import is fetched, no XML entity is declared, no SPARQL
SERVICE or FROM reaches out (checked against a real local listener that must see no connection).
Limits: a runaway query or validation stops at --timeout / --max-memory with exit 2. Honest
answers: empty input, directories, a --report over an input, CONSTRUCT/ASK/DESCRIBE, bad
parameters and hostile shapes folders give named errors (exit 2), never a traceback (exit 70).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from alkkg import queries, rdfio
from alkkg.cli import main
from alkkg.errors import ConfinementError, LimitError, QueryError
from alkkg.limits import WorkerCrash, run_limited
from conftest import ROOT, netguard

BUILT = ROOT / "build" / "alkkg.ttl"  # committed: no build needed
ENGINES = ("rdflib", "oxigraph")

TINY_SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Shape a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
"""
TINY_DATA = """\
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
ex:a a ex:Thing ; ex:name "a" ;
    ex:p "60.0"^^xsd:decimal, "007"^^xsd:nonNegativeInteger, "1.50E2"^^xsd:double, "0.1"^^xsd:float,
         "2014-03-27T00:00:00+00:00"^^xsd:dateTime, "1"^^xsd:boolean, "x"@EN ;
    ex:q [ ex:r [ ex:s "deep" ] ] ;
    ex:list ( 1 2 ) .
_:st a rdf:Statement ; rdf:subject ex:a ; rdf:predicate ex:p ; rdf:object "60.0"^^xsd:decimal ;
    ex:source "reified" .
ex:b ex:p ex:a .
"""
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="http://example.org/a"><rdf:value>&lol9;</rdf:value></rdf:Description>
</rdf:RDF>
"""


def run(args: list[str], cwd: Path = ROOT) -> tuple[int, str, str]:
    """The CLI in-process: (exit code, stdout, stderr)."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def run_subprocess(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = subprocess.run([sys.executable, "-m", "alkkg", *args], capture_output=True, text=True,
                            check=False, cwd=ROOT, env=env, timeout=120)
    return result.returncode, result.stdout, result.stderr


def refused(code: int, err: str, *names: str) -> None:
    """Exit 2 with a one-line error naming each of *names*, and no traceback."""
    assert code == 2, err
    assert "Traceback" not in err and "internal error" not in err, err
    for name in names:
        assert name in err, (name, err)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def shapes(tmp_path: Path) -> Path:
    folder = tmp_path / "shapes"
    write(folder, "tiny.ttl", TINY_SHAPES)
    return folder


@pytest.fixture()
def listener() -> Iterator[tuple[int, list[tuple[str, int]]]]:
    """A TCP server on 127.0.0.1 that accepts and never answers: (port, connections seen)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.05)
    seen: list[tuple[str, int]] = []
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, address = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            seen.append(address)
            held.append(connection)  # never answer, never close: a client would hang

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], seen
    finally:
        time.sleep(0.2)  # let a late connection reach accept() before we stop counting
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        server.close()


# ------------------------------------------------------------------------------------ network guard

def test_network_guard_fires_in_process() -> None:
    before = len(netguard.BLOCKED)
    with pytest.raises(netguard.NetworkBlockedError, match="netguard: blocked connect 192.0.2.1:80"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(netguard.NetworkBlockedError, match="resolve example.org"):
        socket.getaddrinfo("example.org", 80)
    assert len(netguard.BLOCKED) == before + 2


def test_network_guard_fires_in_subprocesses(listener: tuple[int, list[tuple[str, int]]]) -> None:
    port, seen = listener
    code = "import socket; socket.create_connection(({host!r}, {port}), timeout=2)"
    remote = subprocess.run([sys.executable, "-c", code.format(host="192.0.2.1", port=80)],
                            capture_output=True, text=True, check=False, timeout=60)
    assert remote.returncode != 0 and "netguard: blocked connect 192.0.2.1:80" in remote.stderr
    local = subprocess.run([sys.executable, "-c", code.format(host="127.0.0.1", port=port)],
                           capture_output=True, text=True, check=False, timeout=60)
    assert local.returncode == 0, local.stderr  # loopback stays allowed for local servers
    strict = subprocess.run([sys.executable, "-c", code.format(host="127.0.0.1", port=port)],
                            capture_output=True, text=True, check=False, timeout=60,
                            env={**os.environ, "ALKKG_NETGUARD": "strict"})
    assert strict.returncode != 0 and f"blocked connect 127.0.0.1:{port}" in strict.stderr
    time.sleep(0.2)
    assert len(seen) == 1  # the listener counts connections: only the allowed one arrived


# ------------------------------------------------------------------------------------ JSON-LD

def test_jsonld_remote_context_is_never_fetched(tmp_path: Path, shapes: Path,
                                                listener: tuple[int, list[tuple[str, int]]]) -> None:
    port, seen = listener
    context = f"http://127.0.0.1:{port}/ctx"
    data = write(tmp_path, "remote.jsonld", f'{{"@context": "{context}", "@id": "http://example.org/a", '
                                            '"http://example.org/p": "v"}')
    query = write(tmp_path, "all.rq", "SELECT * WHERE { ?s ?p ?o }\n")
    start = time.monotonic()
    code, _, err = run(["validate", str(data), "--shapes", str(shapes)])
    refused(code, err, "remote.jsonld", context, "would be fetched")
    for engine in ENGINES:
        code, _, err = run(["query", str(query), "--data", str(data), "--engine", engine])
        refused(code, err, "remote.jsonld", context)
    assert time.monotonic() - start < 10
    assert seen == []


@pytest.mark.parametrize("document, value", [
    ('{"@context": "file:///etc/hostname", "@id": "http://example.org/a"}', "file:///etc/hostname"),
    ('{"@context": "other.jsonld", "@id": "http://example.org/a"}', "other.jsonld"),
    ('{"@context": [{"ex": "http://example.org/"}, "https://example.org/ctx"], "@id": "ex:a"}',
     "https://example.org/ctx"),
    ('{"@context": {"p": {"@id": "http://example.org/p", "@context": "https://example.org/scoped"}},'
     ' "@id": "http://example.org/a", "p": {"@id": "http://example.org/b"}}', "https://example.org/scoped"),
    ('{"@context": {"@version": 1.1, "@import": "https://example.org/imported"}, "@id": "http://example.org/a"}',
     "https://example.org/imported"),
    ('{"@graph": [{"@context": "https://example.org/inner", "@id": "http://example.org/a"}]}',
     "https://example.org/inner"),
], ids=["file", "relative", "list", "scoped", "import", "embedded"])
def test_jsonld_string_contexts_and_imports_are_refused(tmp_path: Path, document: str, value: str) -> None:
    path = write(tmp_path, "doc.jsonld", document)
    with pytest.raises(ConfinementError) as caught:
        rdfio.parse_file(path)
    assert "doc.jsonld" in str(caught.value) and value in str(caught.value)


def test_jsonld_bundled_context_is_inlined_not_fetched(tmp_path: Path) -> None:
    path = write(tmp_path, "ours.jsonld", '{"@context": "https://w3id.org/alkkg/context.jsonld", '
                                         '"@id": "alkkge:ceritinib", "rdfs:label": "ceritinib"}')
    graph = rdfio.parse_file(path)
    assert (URIRef("https://w3id.org/alkkg/entity/ceritinib"),
            URIRef("http://www.w3.org/2000/01/rdf-schema#label")) in {(s, p) for s, p, _ in graph}
    query = write(tmp_path, "labels.rq", "SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }\n")
    outputs = {engine: run(["query", str(query), "--data", str(path), "--engine", engine, "--format", "csv"])
               for engine in ENGINES}
    assert outputs["rdflib"] == outputs["oxigraph"] and outputs["rdflib"][1].split() == ["l", "ceritinib"]


def test_our_jsonld_export_still_reads(tmp_path: Path) -> None:
    graph = Graph().parse(data=TINY_DATA, format="turtle")
    path = write(tmp_path, "export.jsonld", rdfio.jsonld(graph))
    assert len(rdfio.parse_file(path)) == len(graph)


# ------------------------------------------------------------------------------------ XML

def test_billion_laughs_is_refused_at_once(tmp_path: Path, shapes: Path) -> None:
    path = write(tmp_path, "lol.rdf", BILLION_LAUGHS)
    start = time.monotonic()
    code, _, err = run_subprocess(["validate", str(path), "--shapes", str(shapes)])
    refused(code, err, "lol.rdf:2", "DOCTYPE/ENTITY declaration refused")
    assert len([line for line in err.splitlines() if line.strip()]) == 1
    for engine in ENGINES:
        query = write(tmp_path, "all.rq", "SELECT * WHERE { ?s ?p ?o }\n")
        code, _, err = run(["query", str(query), "--data", str(path), "--engine", engine])
        refused(code, err, "lol.rdf")
    assert time.monotonic() - start < 20


def test_entity_declaration_in_utf16_is_refused(tmp_path: Path) -> None:
    text = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/hostname">]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n')
    path = write(tmp_path, "u16.owl", text.encode("utf-16"))
    with pytest.raises(ConfinementError, match="u16.owl:2: XML DOCTYPE"):
        rdfio.parse_file(path)


# ------------------------------------------------------------------------------------ SPARQL

SERVICE_QUERY = """\
# a comment that says SERVICE <http://127.0.0.1:1/x> {{ }} must not matter
SELECT * WHERE {{
  ?s ?p ?o .
  {{ SELECT ?s WHERE {{ FILTER EXISTS {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?q ?r }} }} }} }}
}}
"""


def test_service_never_connects(tmp_path: Path, listener: tuple[int, list[tuple[str, int]]]) -> None:
    port, seen = listener
    query = write(tmp_path, "service.rq", SERVICE_QUERY.format(port=port))
    start = time.monotonic()
    for engine in ENGINES:
        code, _, err = run(["query", str(query), "--data", str(BUILT), "--engine", engine])
        refused(code, err, "service.rq", f"SERVICE <http://127.0.0.1:{port}/sparql> refused")
    code, _, err = run_subprocess(["query", str(query), "--data", str(BUILT), "--engine", "oxigraph"])
    refused(code, err, "service.rq", "SERVICE")
    assert time.monotonic() - start < 15
    assert seen == []


def test_service_in_comments_and_strings_is_not_a_service(tmp_path: Path) -> None:
    query = write(tmp_path, "harmless.rq", '# SERVICE <http://example.org/> { }\n'
                                           'SELECT ?s WHERE { ?s ?p "SERVICE <http://example.org/> { }" }\n')
    for engine in ENGINES:
        code, out, err = run(["query", str(query), "--data", str(BUILT), "--engine", engine])
        assert code == 0 and "(0 rows)" in out, err


@pytest.mark.parametrize("clause", ["FROM", "FROM NAMED"])
def test_from_an_iri_outside_the_data_is_refused(tmp_path: Path, clause: str,
                                                 listener: tuple[int, list[tuple[str, int]]]) -> None:
    port, seen = listener
    iri = f"http://127.0.0.1:{port}/graph"
    query = write(tmp_path, "from.rq", f"SELECT * {clause} <{iri}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}\n")
    for engine in ENGINES:
        code, _, err = run(["query", str(query), "--data", str(BUILT), "--engine", engine])
        refused(code, err, "from.rq", f"{clause} <{iri}> refused")
    assert seen == []


def test_from_a_graph_of_the_data_works_alike_in_both_engines(tmp_path: Path) -> None:
    data = write(tmp_path, "g.trig", "@prefix ex: <http://example.org/> .\nex:a ex:p 1 .\n"
                                     "ex:g1 { ex:b ex:p 2 . }\nex:g2 { ex:c ex:p 3 . }\n")
    query = write(tmp_path, "from.rq", "PREFIX ex: <http://example.org/>\nSELECT ?g ?s FROM ex:g1 FROM NAMED ex:g2 "
                                       "WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } ORDER BY ?g ?s\n")
    outputs = [run(["query", str(query), "--data", str(data), "--engine", e, "--format", "csv"]) for e in ENGINES]
    assert outputs[0] == outputs[1]
    assert outputs[0][1].split() == ["g,s", ",http://example.org/b", "http://example.org/g2,http://example.org/c"]


@pytest.mark.parametrize("text", ["INSERT DATA { <http://a> <http://b> <http://c> }",
                                  "LOAD <http://example.org/data>", "DROP ALL"])
def test_updates_are_refused(tmp_path: Path, text: str) -> None:
    query = write(tmp_path, "update.rq", text + "\n")
    for engine in ENGINES:
        code, _, err = run(["query", str(query), "--data", str(BUILT), "--engine", engine])
        refused(code, err, "update.rq", "is a SPARQL update")


# ------------------------------------------------------------------------------------ limits

CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?i ?e\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_runaway_query_stops_at_the_timeout(tmp_path: Path, engine: str) -> None:
    query = write(tmp_path, "cross.rq", CROSS_JOIN)
    start = time.monotonic()
    code, out, err = run(["query", str(query), "--data", str(BUILT), "--engine", engine, "--timeout", "1"])
    elapsed = time.monotonic() - start
    refused(code, err, "query 'cross' exceeded the 1 s time limit (--timeout)")
    assert out == "" and elapsed < 6, elapsed


def test_memory_limit_stops_the_worker() -> None:
    def hog() -> int:
        return len(bytearray(400 * 1024 * 1024))

    with pytest.raises(LimitError, match=r"ran out of memory: it needs more than the 200 MB limit \(--max-memory\)"):
        run_limited(hog, what="the hog", max_memory_mb=200, timeout=30)
    assert run_limited(lambda: 42, what="the answer", max_memory_mb=2000, timeout=30) == 42


def test_worker_errors_come_back_as_they_were() -> None:
    def bad_query() -> None:
        raise QueryError("x.rq: no good")

    with pytest.raises(QueryError, match="x.rq: no good"):
        run_limited(bad_query, what="q", timeout=30)

    def bug() -> None:
        raise KeyError("oops")

    with pytest.raises(WorkerCrash, match="KeyError") as caught:
        run_limited(bug, what="q", timeout=30)
    assert "Traceback" in caught.value.worker_traceback


def test_validate_time_limit(shapes: Path) -> None:
    code, out, err = run(["validate", str(BUILT), "--shapes", str(shapes), "--timeout", "0.001"])
    refused(code, err, "validation of", "exceeded the 0.001 s time limit (--timeout)")
    assert out == ""


def test_size_and_depth_limits(tmp_path: Path) -> None:
    path = write(tmp_path, "big.ttl", TINY_DATA)
    with pytest.raises(LimitError, match="big.ttl: larger than"):
        rdfio.read_rdf(path, max_bytes=100)
    deep = write(tmp_path, "deep.jsonld", '{"@id": "http://example.org/a", "http://example.org/p": '
                 + "[" * 500 + "1" + "]" * 500 + "}")
    with pytest.raises(LimitError, match="deep.jsonld: JSON nested deeper than 100 levels"):
        rdfio.parse_file(deep)


def test_validate_memory_limit(shapes: Path) -> None:
    code, out, err = run(["validate", str(BUILT), "--shapes", str(shapes), "--max-memory", "64"])
    refused(code, err, "validation of", "64 MB limit (--max-memory)")
    assert out == ""


# ------------------------------------------------------------------------------------ honest answers

@pytest.mark.parametrize("text", ["", "@prefix ex: <http://example.org/> .\n# only a comment\n"], ids=["empty", "prefixes"])
def test_no_triples_is_not_conforms(tmp_path: Path, shapes: Path, text: str) -> None:
    path = write(tmp_path, "nothing.ttl", text)
    code, out, err = run(["validate", str(path), "--shapes", str(shapes)])
    refused(code, err, "nothing.ttl", "holds no RDF triples")
    assert "Conforms" not in out
    query = write(tmp_path, "all.rq", "SELECT * WHERE { ?s ?p ?o }\n")
    for engine in ENGINES:
        code, _, err = run(["query", str(query), "--data", str(path), "--engine", engine])
        refused(code, err, "nothing.ttl", "holds no RDF triples")


def test_directory_argument_says_so(tmp_path: Path, shapes: Path) -> None:
    folder = tmp_path / "data.ttl"
    folder.mkdir()
    code, _, err = run(["validate", str(folder), "--shapes", str(shapes)])
    refused(code, err, "data.ttl", "is a directory, not a file")
    assert "not found" not in err
    code, _, err = run(["query", "drugs-inhibiting-target", "--data", str(folder)])
    refused(code, err, "data.ttl", "is a directory, not a file")


def test_report_over_an_input_is_refused_before_writing(tmp_path: Path, shapes: Path) -> None:
    data = write(tmp_path, "data.ttl", TINY_DATA)
    link = tmp_path / "link.ttl"
    link.symlink_to(data)
    before = data.read_bytes(), data.stat().st_mtime_ns
    shapes_file = shapes / "tiny.ttl"
    shapes_before = shapes_file.read_bytes()
    for report in (data, link, tmp_path / "sub" / ".." / "data.ttl", shapes_file):
        code, out, err = run(["validate", str(data), "--shapes", str(shapes), "--report", str(report)])
        refused(code, err, f"--report {report}", "would overwrite it")
        assert out == ""
    assert (data.read_bytes(), data.stat().st_mtime_ns) == before
    assert shapes_file.read_bytes() == shapes_before
    report = tmp_path / "report.ttl"
    code, out, err = run(["validate", str(data), "--shapes", str(shapes), "--report", str(report)])
    assert code == 0 and "Conforms" in out and "sh:conforms true" in report.read_text(), err


ASK_TRUE = "PREFIX ex: <http://example.org/>\nASK { ex:a ex:name ?n }\n"
ASK_FALSE = "PREFIX ex: <http://example.org/>\nASK { ex:a ex:name 42 }\n"
GRAPH_QUERIES = {
    "describe-iri": "PREFIX ex: <http://example.org/>\nDESCRIBE ex:a\n",
    "describe-var": "PREFIX ex: <http://example.org/>\nDESCRIBE ?x WHERE { ?x ex:p ex:a }\n",
    "describe-star": "PREFIX ex: <http://example.org/>\nDESCRIBE * WHERE { ?x ex:name ?n }\n",
    "construct-copy": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }\n",
    "construct-bnodes": "PREFIX ex: <http://example.org/>\nCONSTRUCT { ?s ex:copy [ ex:v ?o ] } WHERE { ?s ex:p ?o }\n",
}


@pytest.mark.parametrize("name", sorted(GRAPH_QUERIES))
def test_construct_and_describe_print_the_same_rdf_in_both_engines(tmp_path: Path, name: str) -> None:
    data = write(tmp_path, "data.ttl", TINY_DATA)
    query = write(tmp_path, f"{name}.rq", GRAPH_QUERIES[name])
    for fmt in ("table", "csv", "json"):
        outputs = [run(["query", str(query), "--data", str(data), "--engine", e, "--format", fmt]) for e in ENGINES]
        assert outputs[0][0] == 0, outputs[0][2]
        assert outputs[0] == outputs[1], fmt
        assert "row" not in outputs[0][1]
        if fmt == "csv":  # sorted N-Triples that read back
            assert outputs[0][1].splitlines() == sorted(outputs[0][1].splitlines())
            assert len(Graph().parse(data=outputs[0][1], format="nt")) == len(outputs[0][1].splitlines())


def test_describe_is_the_concise_bounded_description(tmp_path: Path) -> None:
    data = write(tmp_path, "data.ttl", TINY_DATA)
    query = write(tmp_path, "d.rq", GRAPH_QUERIES["describe-iri"])
    graph = rdfio.parse_file(data)
    expected = rdfio.ntriples(queries.canonical_graph(graph.cbd(URIRef("http://example.org/a"))))
    for engine in ENGINES:
        code, out, err = run(["query", str(query), "--data", str(data), "--engine", engine, "--format", "csv"])
        assert code == 0 and out == expected, err
    assert '"reified"' in expected and '"deep"' in expected  # reification and nested blank nodes


def test_describe_on_the_built_graph_agrees(tmp_path: Path) -> None:
    query = write(tmp_path, "d.rq", "PREFIX alkkge: <https://w3id.org/alkkg/entity/>\nDESCRIBE alkkge:ceritinib\n")
    outputs = [run(["query", str(query), "--data", str(BUILT), "--engine", e]) for e in ENGINES]
    assert outputs[0][0] == 0 and outputs[0] == outputs[1] and "alkkge:ceritinib" in outputs[0][1]


def test_ask_prints_true_or_false(tmp_path: Path) -> None:
    data = write(tmp_path, "data.ttl", TINY_DATA)
    for text, answer in ((ASK_TRUE, "true"), (ASK_FALSE, "false")):
        query = write(tmp_path, "ask.rq", text)
        for engine in ENGINES:
            assert run(["query", str(query), "--data", str(data), "--engine", engine]) == (0, answer + "\n", "")
            code, out, _ = run(["query", str(query), "--data", str(data), "--engine", engine, "--format", "json"])
            assert code == 0 and out == f'{{\n "head": {{}},\n "boolean": {answer}\n}}\n'


@pytest.mark.parametrize("value", ["<not an iri>", "<http://a b>", "alkkge:with space", '<http://a"b>',
                                   "<http://a{b}>", "<http://a|b>", "<http://a^b>", "<http://a`b>",
                                   "<http://a\\b>", "<http://a%zz>", "<relative>", "<http://unclosed"])
def test_invalid_parameter_values_name_the_parameter(value: str) -> None:
    for engine in ENGINES:
        code, _, err = run(["query", "describe-entity", "--data", str(BUILT), "--param", f"entity={value}",
                            "--engine", engine])
        refused(code, err, "--param entity:")


def test_hostile_shapes_folders(tmp_path: Path) -> None:
    data = write(tmp_path, "data.ttl", TINY_DATA)
    prefixes = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://example.org/> .\n"
    cases: dict[str, tuple[str, str]] = {}

    def case(name: str, expected: str) -> Path:
        cases[name] = (str(tmp_path / name), expected)
        return tmp_path / name

    (case("dir-as-file", "is a directory, not a file") / "x.ttl").mkdir(parents=True)
    write(case("not-utf8", "not UTF-8"), "a.ttl", b"@prefix sh: <http://www.w3.org/ns/shacl#> .\n# caf\xe9\n")
    write(case("crash", "SHACL validation could not run"), "a.ttl",
          prefixes + 'ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount "x" ] .\n')
    write(case("literal-path", "SHACL validation could not run"), "a.ttl",
          prefixes + 'ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path "p" ; sh:minCount 1 ] .\n')
    write(case("service", "SERVICE <http://127.0.0.1:1/x> refused"), "a.ttl",
          prefixes + 'ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:select """\n'
          'SELECT $this WHERE { SERVICE <http://127.0.0.1:1/x> { $this ?p ?o } }""" ] .\n')
    write(case("from", "FROM / FROM NAMED refused"), "a.ttl",
          prefixes + 'ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:select '
          '"SELECT $this FROM <http://example.org/g> WHERE { $this ?p ?o }" ] .\n')
    write(case("bad-sparql", "SPARQL syntax error"), "a.ttl",
          prefixes + 'ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:select "SELECT $this WHERE {" ] .\n')
    write(case("empty-file", "holds no RDF triples"), "a.ttl", "")
    case("missing", "shapes folder not found")
    write(tmp_path, "a-file", "x")
    cases["a-file"] = (str(tmp_path / "a-file"), "is not a folder")
    case("no-ttl", "no shapes (*.ttl) found").mkdir()
    for name, (folder, expected) in cases.items():
        code, out, err = run(["validate", str(data), "--shapes", folder])
        refused(code, err, folder, expected)
        assert out == "", name


def test_unreadable_file_is_a_named_error(tmp_path: Path, shapes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = write(tmp_path, "data.ttl", TINY_DATA)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "data.ttl":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    code, _, err = run(["validate", str(data), "--shapes", str(shapes)])
    refused(code, err, "data.ttl", "cannot read: Permission denied")


def test_engine_failures_are_named_errors(tmp_path: Path) -> None:
    # rdflib accepts this IRI, Oxigraph does not: the Oxigraph error names the file and line
    data = write(tmp_path, "odd.nt", "<http://example.org/a> <http://example.org/p> <http://a%zz> .\n")
    query = write(tmp_path, "all.rq", "SELECT * WHERE { ?s ?p ?o }\n")
    code, _, err = run(["query", str(query), "--data", str(data), "--engine", "oxigraph"])
    refused(code, err, "odd.nt:1")
    # GRAPH on a plain rdflib Graph (the library API) is a QueryError, not a crash
    graph_query = write(tmp_path, "graph.rq", "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }\n")
    with pytest.raises(QueryError, match="graph.rq: rdflib could not evaluate"):
        queries.run_rdflib(rdfio.parse_file(data), queries.read_query(graph_query), {})
    # a query file that is not UTF-8, or a folder
    latin = write(tmp_path, "latin.rq", b"# caf\xe9\nSELECT * WHERE { ?s ?p ?o }\n")
    code, _, err = run(["query", str(latin), "--data", str(data)])
    refused(code, err, "latin.rq:1", "not UTF-8")
    (tmp_path / "folder.rq").mkdir()
    code, _, err = run(["query", str(tmp_path / "folder.rq"), "--data", str(data)])
    refused(code, err, "folder.rq", "is a directory")
    # a lone surrogate escape: rdflib reads it, but it cannot be printed
    surrogate = write(tmp_path, "surrogate.nt", '<http://example.org/a> <http://example.org/p> "x\\uD800" .\n')
    for engine in ENGINES:
        code, _, err = run(["query", str(query), "--data", str(surrogate), "--engine", engine])
        refused(code, err, "surrogate.nt")
