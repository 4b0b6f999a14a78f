"""The fast paths of rdfio's N-Triples writer and of the curation YAML loader change no byte.

``quads_to_nquads``/``triples_to_ntriples`` remember each term's text by object id and by value:
equal values with different text, blank nodes and IRIs with the same text, and objects dropped
by a generator (whose ids Python reuses) must still be written as rdflib writes them. The YAML
loader composes in libyaml when it can: data, line numbers and every error must be those of the
streaming loaders.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from alkkg import rdfio, yamlload
from alkkg.errors import CurationError
from alkkg.yamlload import MAX_DEPTH, MAX_STRING, LineDict, load_text
from conftest import ROOT

EX = "https://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"  # a string: pytest trips over an rdflib namespace in a module
INTEGER, DECIMAL, BOOLEAN, STRING = (URIRef(XSD + name) for name in ("integer", "decimal", "boolean", "string"))
S, P, Q, G = URIRef(EX + "s"), URIRef(EX + "p"), URIRef(EX + "q"), URIRef(EX + "g")


def _dataset(quads: Sequence[tuple[Node, Node, Node, Node]]) -> Dataset:
    dataset = Dataset()
    for s, p, o, g in quads:
        dataset.graph(g).add((s, p, o))  # type: ignore[arg-type]
    return dataset


def _graph(triples: Sequence[tuple[Node, Node, Node]]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


# ------------------------------------------------------------------------------------ N-Triples

TRICKY = [
    Literal("1", datatype=INTEGER), Literal("01", datatype=INTEGER, normalize=False),
    Literal("1.0", datatype=DECIMAL, normalize=False), Literal("1", datatype=DECIMAL),
    Literal("1"), Literal("1", lang="en"), Literal("1", lang="de"), Literal("1", datatype=STRING),
    Literal("true", datatype=BOOLEAN), Literal("1", datatype=BOOLEAN, normalize=False),
    Literal('say "hi"\\ \n\r\tend', lang="en-GB"), Literal("ünïcode ✓"), Literal(""),
    Literal("x", datatype=URIRef(EX + "dt")), Literal(EX + "s"), Literal("b1"),
]


def test_equal_valued_literals_keep_their_own_text() -> None:
    quads = [(S, P, literal, G) for literal in TRICKY]
    assert rdfio.quads_to_nquads(quads) == rdfio.nquads(_dataset(quads))
    triples = [(S, P, literal) for literal in TRICKY]
    assert rdfio.triples_to_ntriples(triples) == rdfio.ntriples(_graph(triples))
    text = rdfio.quads_to_nquads(quads)
    assert '"01"^^<http://www.w3.org/2001/XMLSchema#integer>' in text
    assert '"1"^^<http://www.w3.org/2001/XMLSchema#integer>' in text


def test_language_tags_keep_their_case() -> None:
    """rdflib takes "a"@EN and "a"@en for the same literal (a dataset keeps one); the streamed writer
    writes each as it is, as it did before it remembered terms."""
    quads = [(S, P, Literal("a", lang="EN"), G), (S, P, Literal("a", lang="en"), G)]
    assert rdfio.quads_to_nquads(quads) == (f'<{S}> <{P}> "a"@EN <{G}> .\n'
                                            f'<{S}> <{P}> "a"@en <{G}> .\n')


def test_blank_node_and_iri_with_the_same_text_stay_apart() -> None:
    quads: list[tuple[Node, Node, Node, Node]] = [
        (BNode("x"), P, URIRef("x"), G), (URIRef("x"), P, BNode("x"), G), (BNode("x"), Q, Literal("x"), BNode("g")),
        (URIRef(EX + "g"), P, S, G)]
    assert rdfio.quads_to_nquads(quads) == rdfio.nquads(_dataset(quads))
    assert "_:x <https://example.org/p> <x>" in rdfio.quads_to_nquads(quads)
    triples = [(s, p, o) for s, p, o, _ in quads]
    assert rdfio.triples_to_ntriples(triples) == rdfio.ntriples(_graph(triples))


def test_equal_terms_as_new_objects_and_as_the_same_object() -> None:
    quads = []
    for i in range(50):
        same = URIRef(EX + "same")
        quads += [(URIRef(EX + f"s{i % 7}"), URIRef(EX + "p"), same, URIRef(EX + "g")),
                  (same, URIRef(EX + "p"), Literal(i % 5), G), (S, P, Literal(str(i % 3), lang="en"), G)]
    assert rdfio.quads_to_nquads(quads) == rdfio.nquads(_dataset(quads))


def test_terms_made_and_dropped_by_a_generator() -> None:
    """Each quad's terms are garbage once the next is made: Python reuses their ids, so a writer that
    remembered ids without keeping the objects would write the wrong text."""
    def quads() -> Iterator[tuple[Node, Node, Node, Node]]:
        for i in range(2000):
            yield (URIRef(f"{EX}s{i}"), URIRef(f"{EX}p{i % 3}"), BNode(f"b{i}") if i % 2 else Literal(i),
                   URIRef(f"{EX}g{i % 4}"))

    expected = rdfio.nquads(_dataset(list(quads())))
    assert rdfio.quads_to_nquads(quads()) == expected
    triples = ((s, p, o) for s, p, o, _ in quads())
    assert rdfio.triples_to_ntriples(triples) == rdfio.ntriples(_graph([(s, p, o) for s, p, o, _ in quads()]))


def test_an_iri_that_cannot_be_written_is_refused_as_rdflib_refuses_it() -> None:
    bad = URIRef(EX + "a b")
    with pytest.raises(Exception) as expected:
        bad.n3()
    for _ in range(2):  # the second call must not find a remembered text
        with pytest.raises(Exception) as raised:
            rdfio.quads_to_nquads([(S, P, S, G), (S, P, bad, G)])
        assert str(raised.value) == str(expected.value)


# ----------------------------------------------------------------------------------------- YAML

needs_libyaml = pytest.mark.skipif(not yamlload._FAST, reason="PyYAML built without libyaml")


def _outcome(text: str) -> Any:
    """What load_text gives for *text*: data with every LineDict's lines, or the error's text."""
    def shape(value: Any) -> Any:
        if isinstance(value, LineDict):
            return ("LineDict", value.line, sorted(value.key_lines.items(), key=repr),
                    [(shape(k), shape(v)) for k, v in value.items()])
        if isinstance(value, list):
            return [shape(item) for item in value]
        return (type(value).__name__, repr(value))

    try:
        return shape(load_text(text, "t.yaml"))
    except CurationError as exc:
        return ("error", str(exc), exc.line)


def _without_libyaml_composer(monkeypatch: pytest.MonkeyPatch, text: str) -> Any:
    with monkeypatch.context() as patch:
        patch.setattr(yamlload, "_libyaml_caps_nesting", lambda: False)
        return _outcome(text)


def _pure(monkeypatch: pytest.MonkeyPatch, text: str) -> Any:
    with monkeypatch.context() as patch:
        patch.setattr(yamlload, "_FAST", False)
        return _outcome(text)


CURATION_FILES = sorted((ROOT / "assertions").glob("*/*.yaml"))

VALID = [
    "a: 1\nb: [x, y]\n", "", "# a comment\n", "x\n", "- 1\n- 2.50\n- .inf\n- -.NaN\n- 1_000.5\n",
    "a: {b: {c: [1, {d: e}]}}\nf: null\ng: ~\nh: yes\ni: 2014-01-02\nj: 2014-01-02T03:04:05Z\n",
    "a: 0x1F\nb: 0o17\nc: 1:30\nd: 1e3\ne: '0.1'\nf: !!str 12\ng: !!binary AA==\nh: !!set {x, y}\n",
    "a: |\n  two\n  lines\nb: >\n  folded\n  text\nc: \"\\u00e9\\t\"\n", "\ufeffa: 1\n",
    "? a\n: b\n", "a: 'p < 0.05'\n", "a: R and D\n",
    "a: " + "x" * MAX_STRING + "\n", "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n",
]

MALFORMED = [
    "a: 1\na: 2\n", "a: [1, 2\n", "a: {b: 1\n", "a: 'x\n", "a:\n\t- b\n", "a: 1\n---\nb: 2\n", "a: !foo x\n",
    "a: !!python/object:os.system x\n", "a: !!int x\n", "a: 2014-13-45\n", "a: 1e400\nb: !!float x\n",
    "<<: {a: 1}\nb: 2\n", "[1, 2]: x\n", "a: b: c\n", "a: \x07\n", "a: 9" + "9" * 5000 + "\n",
    "a: " + "x" * (MAX_STRING + 1) + "\n", "'" + "k" * (MAX_STRING + 1) + "': 1\n",
    "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", "- " * (MAX_DEPTH + 2) + "x\n",
    "a: 1\nb: " + "[" * 100_000 + "]" * 100_000 + "\n", "a: " + "[" * 2000 + "]" * 2000 + "\n",
    # which refusal comes first, and the streaming composer's answer when a syntax error follows
    "a: " + "[" * 20 + "]" * 20 + "\nb: " + "x" * (MAX_STRING + 1) + "\n",
    "a: " + "x" * (MAX_STRING + 1) + "\nb: " + "[" * 20 + "]" * 20 + "\n",
    "a: [" + "x" * (MAX_STRING + 1) + "]\nb: " + "[" * 20 + "]" * 20 + "\n",
    "a: " + "x" * (MAX_STRING + 1) + "\nb: [\n", "a: " + "[" * 20 + "\nb: ]\n", "a: 1\na: 2\nb: [\n",
    "a: 1\nb: !!int x\na: 2\n", "a: !!int x\nb: 1\nb: 2\n", "- a: 1\n  a: 2\n", "a: &x 1\nb: *x\n", "a: *x\n",
    "a: &x 1\n", "a: [&x 1, *x]\nb: " + "x" * (MAX_STRING + 1) + "\n", "a: R&D\nb: 1\nb: 2\n",
]


@needs_libyaml
@pytest.mark.parametrize("path", CURATION_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_libyaml_composer_reads_curation_files_as_the_streaming_loaders(path: Any,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    assert _outcome(text) == _without_libyaml_composer(monkeypatch, text) == _pure(monkeypatch, text)


@needs_libyaml
@pytest.mark.parametrize("text", VALID + MALFORMED, ids=lambda t: repr(t[:30]))
def test_libyaml_composer_gives_the_same_data_and_errors(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _outcome(text) == _without_libyaml_composer(monkeypatch, text)


@pytest.mark.parametrize("text", VALID, ids=lambda t: repr(t[:30]))
def test_valid_text_reads_the_same_without_libyaml(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _outcome(text) == _pure(monkeypatch, text)


@needs_libyaml
def test_plain_curation_text_is_composed_by_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path is taken (else the tests above compare the streaming loader with itself)."""
    if not yamlload._libyaml_caps_nesting():
        pytest.skip("this libyaml does not cap nesting: it only parses")

    def refuse(*_args: object) -> None:
        raise AssertionError("the streaming loader was used")

    monkeypatch.setattr(yamlload, "_FastLoader", refuse)
    monkeypatch.setattr(yamlload, "_StrictLoader", refuse)
    for path in CURATION_FILES:
        load_text(path.read_text(encoding="utf-8"), str(path))
    with pytest.raises(CurationError, match=r"t.yaml:2: duplicate key 'a' \(first on line 1\)"):
        load_text("a: 1\na: 2\n", "t.yaml")
    with pytest.raises(CurationError, match=rf"t.yaml:2: a value of {MAX_STRING + 1} characters"):
        load_text("a: [1]\nb: " + "x" * (MAX_STRING + 1) + "\n", "t.yaml")
    with pytest.raises(CurationError, match=rf"t.yaml:3: nesting deeper than {MAX_DEPTH}"):
        load_text("a: 1\nb: 2\nc: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", "t.yaml")


@needs_libyaml
def test_the_order_of_refusals_is_document_order() -> None:
    deep = "[" * 20 + "]" * 20
    long = "x" * (MAX_STRING + 1)
    with pytest.raises(CurationError, match=r"t.yaml:1: nesting deeper"):
        load_text(f"a: {deep}\nb: {long}\n", "t.yaml")
    with pytest.raises(CurationError, match=r"t.yaml:1: a value of"):
        load_text(f"a: {long}\nb: {deep}\n", "t.yaml")
    with pytest.raises(CurationError, match=r"t.yaml:2: a value of"):  # a long key before its value
        load_text(f"a: 1\n? {long}\n: {deep}\n", "t.yaml")

