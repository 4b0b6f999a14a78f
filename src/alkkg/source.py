"""The source text: its exact bytes, its sentences, citation markers and numbers.

Everything here is derived from the text alone, never from the claims, so that coverage
can be checked against it.

>>> text = "ALK is a kinase.2-4 It binds ATP."
>>> [s.text for s in split_sentences(text)]
['ALK is a kinase.2-4', 'It binds ATP.']
>>> split_sentences(text)[0].citation.references
(2, 3, 4)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .files import read_bounded
from .limits import MAX_INPUT_BYTES

# A sentence ends at a full stop, optionally followed by a glued citation marker ("driver.2-8",
# "tumors.21,22"), then a space and an upper-case letter, or the end of the text. A full stop after
# a lone capital ("Jeffrey A. Engelman") is an initial, not an end.
_SENTENCE_END = re.compile(r"(?<![ ][A-Z])\.(?P<marker>\d+(?:[-,]\d+)*)?(?=\s+[A-Z]|$)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class CitationMarker:
    """A citation marker glued to a sentence end, e.g. ``2-8`` or ``21,22``."""

    text: str
    start: int
    end: int
    references: tuple[int, ...]


@dataclass(frozen=True)
class Sentence:
    """One sentence of the source, with its character span (end exclusive)."""

    number: int
    start: int
    end: int
    text: str
    citation: CitationMarker | None


@dataclass(frozen=True)
class NumberToken:
    """A number written in the text, outside citation markers."""

    text: str
    start: int
    end: int
    sentence: int


def read_source(path: Path) -> str:
    """Read a source text as ASCII/UTF-8 bytes, keeping every byte (no newline translation)."""
    data = read_bounded(path, MAX_INPUT_BYTES, what="a source text",
                        missing="cannot read the source text (file not found); restore it from ../shared/source/",
                        hint="a source text is one document")
    # Offsets count characters: a byte-order mark or a CR would silently shift every one after it.
    if data.startswith(b"\xef\xbb\xbf"):
        raise InputError(f"{path}: starts with a UTF-8 byte-order mark (EF BB BF), which would shift every "
                         "offset by one; remove it (restore the text from ../shared/source/)")
    if b"\r" in data:
        at = data.index(b"\r")
        raise InputError(f"{path}: byte {at} is a carriage return (CRLF or CR line ends), which offsets "
                         "would count; save the text with LF line ends (restore it from ../shared/source/)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: byte {exc.start} is not UTF-8; the source must stay as published") from None


def parse_marker(text: str) -> tuple[int, ...]:
    """Expand a citation marker into reference numbers.

    >>> parse_marker("2-8")
    (2, 3, 4, 5, 6, 7, 8)
    >>> parse_marker("12,13,19")
    (12, 13, 19)
    """
    numbers: list[int] = []
    for part in text.split(","):
        if "-" in part:
            low, high = (int(x) for x in part.split("-"))
            numbers.extend(range(low, high + 1))
        else:
            numbers.append(int(part))
    return tuple(numbers)


def split_sentences(text: str) -> list[Sentence]:
    """Split *text* into sentences with exact spans; leading spaces are not part of a sentence."""
    sentences: list[Sentence] = []
    cursor = 0
    for match in _SENTENCE_END.finditer(text):
        start = cursor
        while start < len(text) and text[start].isspace():
            start += 1
        end = match.end()
        marker = None
        if match.group("marker"):
            marker = CitationMarker(match.group("marker"), match.start("marker"), match.end("marker"),
                                    parse_marker(match.group("marker")))
        sentences.append(Sentence(len(sentences) + 1, start, end, text[start:end], marker))
        cursor = end
    if text[cursor:].strip():
        start = cursor + (len(text[cursor:]) - len(text[cursor:].lstrip()))
        sentences.append(Sentence(len(sentences) + 1, start, len(text), text[start:], None))
    return sentences


def find_numbers(text: str, sentences: list[Sentence]) -> list[NumberToken]:
    """Every number in the text that is not part of a citation marker.

    >>> t = "Rates of 60 percent.9-11 A factor of 50.23"
    >>> [n.text for n in find_numbers(t, split_sentences(t))]
    ['60', '50']
    """
    markers = [(s.citation.start, s.citation.end) for s in sentences if s.citation]
    tokens = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in markers):
            continue
        # "factor of 50.23": the full stop ends the sentence and 23 is a citation marker.
        for a, _ in markers:
            if start < a <= end:
                end = a - 1
        sentence = next(s.number for s in sentences if s.start <= start < s.end)
        tokens.append(NumberToken(text[start:end], start, end, sentence))
    return tokens
