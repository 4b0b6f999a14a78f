"""Property-based tests of the small pure functions everything else rests on."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from alkkg.canon import relabel_blank_nodes
from alkkg.claims import _decimal
from alkkg.source import find_numbers, parse_marker, split_sentences

words = st.text(alphabet="abcdefghij ", min_size=1, max_size=12).map(lambda w: w.strip() or "x")
sentence = st.tuples(words, st.lists(st.integers(1, 99), max_size=3)).map(
    lambda t: "A" + t[0] + "." + ",".join(map(str, t[1])))


@given(st.lists(sentence, min_size=1, max_size=6))
def test_sentences_are_exact_ordered_spans(parts: list[str]) -> None:
    text = " ".join(parts)
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == parts
    for s in sentences:
        assert text[s.start:s.end] == s.text
    assert all(a.end < b.start for a, b in zip(sentences, sentences[1:], strict=False))


@given(st.lists(st.integers(1, 500), min_size=1, max_size=5, unique=True))
def test_marker_lists_round_trip(numbers: list[int]) -> None:
    assert parse_marker(",".join(map(str, numbers))) == tuple(numbers)


@given(st.integers(1, 50), st.integers(0, 30))
def test_marker_ranges_expand(low: int, width: int) -> None:
    assert parse_marker(f"{low}-{low + width}") == tuple(range(low, low + width + 1))


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=5))
def test_numbers_in_text_are_found_outside_markers(values: list[int]) -> None:
    text = "A rate of " + " and ".join(map(str, values)) + " percent.7-9"
    found = [n.text for n in find_numbers(text, split_sentences(text))]
    assert found == [str(v) for v in values]


@given(st.decimals(min_value=Decimal("-1e6"), max_value=Decimal("1e6"), allow_nan=False, places=4))
def test_decimal_literals_are_canonical_and_exact(value: Decimal) -> None:
    literal = _decimal(value)
    assert Decimal(str(literal)) == value
    assert "." in str(literal) and "E" not in str(literal).upper()
    assert _decimal(Decimal(str(literal))) == literal


@settings(max_examples=50)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 5)), max_size=12))
def test_blank_node_relabelling_keeps_the_graph(edges: list[tuple[int, int, int]]) -> None:
    graph = Graph()
    for s, p, o in edges:
        graph.add((BNode(f"n{s}"), URIRef(f"urn:p{p}"), BNode(f"n{o}") if o < 4 else Literal(o)))
    graph.add((URIRef("urn:root"), URIRef("urn:p"), BNode("n0")))
    relabelled = relabel_blank_nodes(graph)
    assert len(relabelled) == len(graph)
    assert isomorphic(relabelled, graph)
    assert set(relabel_blank_nodes(relabelled)) == set(relabelled), "labels must not depend on input names"


def test_blank_node_labels_of_a_list_of_thousands_need_no_recursion() -> None:
    """An owl:AllDifferent over a corpus' entities is an RDF list thousands of blank nodes deep."""
    members = " ".join(f"<urn:e{i}>" for i in range(1500))  # deeper than Python's recursion limit
    text = f"[] a <http://www.w3.org/2002/07/owl#AllDifferent> ; <http://www.w3.org/2002/07/owl#distinctMembers> ( {members} ) ."
    first = relabel_blank_nodes(Graph().parse(data=text, format="turtle"))
    again = relabel_blank_nodes(Graph().parse(data=text, format="turtle"))
    assert len(first) == 2 * 1500 + 2 and set(first) == set(again)
