"""The source text: our copy, its sentences, markers and numbers."""

from __future__ import annotations

import pytest

from alkkg.source import find_numbers, parse_marker, read_source, split_sentences
from conftest import ROOT, SHARED_SOURCE

COPY = ROOT / "assertions" / "shaw-2014" / "source.txt"


@pytest.mark.skipif(not SHARED_SOURCE.exists(), reason="../shared is not beside the project")
def test_copy_is_byte_identical_to_shared_source() -> None:
    assert COPY.read_bytes() == SHARED_SOURCE.read_bytes()


def test_copy_is_the_documented_bytes() -> None:
    data = COPY.read_bytes()
    assert len(data) == 2021
    assert data.isascii() and b"\n" not in data


def test_thirteen_sentences_first_is_the_byline() -> None:
    sentences = split_sentences(read_source(COPY))
    assert len(sentences) == 13
    assert sentences[0].text.startswith("Boral, M.D., Ph.D., and Jeffrey A. Engelman")
    assert sentences[-1].text.endswith("during crizotinib treatment.")
    for sentence in sentences:
        assert read_source(COPY)[sentence.start:sentence.end] == sentence.text


def test_citation_markers_match_the_readme() -> None:
    sentences = split_sentences(read_source(COPY))
    cited = sorted({n for s in sentences if s.citation for n in s.citation.references})
    assert cited == list(range(1, 14)) + list(range(17, 24))
    markers = {s.number: s.citation.text for s in sentences if s.citation}
    assert markers[2] == "2-8" and markers[12] == "21,22" and 3 not in markers and 13 not in markers


def test_numbers_exclude_citation_markers() -> None:
    text = read_source(COPY)
    numbers = [n.text for n in find_numbers(text, split_sentences(text))]
    assert numbers == ["60", "8", "10", "12", "1", "3", "20", "1", "1", "50"]


@pytest.mark.parametrize("marker,expected", [("1", (1,)), ("2-8", (2, 3, 4, 5, 6, 7, 8)),
                                             ("12,13,19", (12, 13, 19)), ("9-11", (9, 10, 11))])
def test_parse_marker(marker: str, expected: tuple[int, ...]) -> None:
    assert parse_marker(marker) == expected
