"""Overlapping quotes as non-overlapping links: every claim's quote gets at least one link.

Quotes overlap, nest and even coincide (several claims quote the same words), but links cannot
nest in HTML. The text is cut at every quote and citation-marker boundary into segments; each
segment belongs to the shortest quote covering it. A quote left without a segment (it coincides
with, or is covered by, shorter ones) takes a share of one of its segments, split at word
boundaries, so its link's text is still part of its quote.

>>> text = "ALK gives rise"
>>> q = [Quote("a", 0, 14, ""), Quote("b", 0, 14, ""), Quote("c", 4, 14, "")]
>>> [(text[p.start:p.end], p.owner.key if p.owner else None) for p in pieces(text, 0, 14, q, [])]
[('ALK ', 'a'), ('gives ', 'b'), ('rise', 'c')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\S+\s*")


@dataclass(frozen=True)
class Quote:
    """A claim's quote: *key* names the claim (its local id), [start, end) its characters."""

    key: str
    start: int
    end: int
    title: str


@dataclass(frozen=True)
class Piece:
    """A run of text [start, end): linked to *owner*'s claim, or plain; *depth* quotes cover it."""

    start: int
    end: int
    owner: Quote | None
    depth: int
    marker: bool


def pieces(text: str, start: int, end: int, quotes: Sequence[Quote],
           markers: Sequence[tuple[int, int]]) -> list[Piece]:
    """Cut text[start:end] into pieces so that every quote inside the window owns at least one."""
    inside = [q for q in quotes if start <= q.start and q.end <= end and q.start < q.end]
    cuts = sorted({start, end} | {q.start for q in inside} | {q.end for q in inside}
                  | {m for a, b in markers for m in (a, b) if start < m < end})
    segments = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]
    covering = [[q for q in inside if q.start <= a and b <= q.end] for a, b in segments]
    is_marker = [any(ma <= a and b <= mb for ma, mb in markers) for a, b in segments]
    owners: list[list[Quote]] = [[] for _ in segments]
    for i, cover in enumerate(covering):
        if cover and not is_marker[i]:
            owners[i].append(min(cover, key=lambda q: (q.end - q.start, q.key)))
    owned = {q.key for group in owners for q in group}
    for quote in sorted(inside, key=lambda q: (q.end - q.start, q.start, q.key)):
        if quote.key in owned:
            continue
        candidates = [i for i, cover in enumerate(covering) if quote in cover]
        if not candidates:
            continue
        best = max(candidates, key=lambda i: (not is_marker[i],
                                              len(_WORD.findall(text[segments[i][0]:segments[i][1]])) - len(owners[i]),
                                              segments[i][1] - segments[i][0], -i))
        owners[best].append(quote)
        owned.add(quote.key)
    result = []
    for (a, b), group, cover, marker in zip(segments, owners, covering, is_marker, strict=True):
        if not group:
            result.append(Piece(a, b, None, len(cover), marker))
            continue
        group = sorted(group, key=lambda q: (q.start, -q.end, q.key))
        for (pa, pb), quote in zip(split(text, a, b, len(group)), group, strict=True):
            result.append(Piece(pa, pb, quote, len(cover), marker))
    return result


def split(text: str, start: int, end: int, parts: int) -> list[tuple[int, int]]:
    """[start, end) in *parts* consecutive runs, cut between words when there are enough words.

    >>> split("one two three four", 0, 18, 2)
    [(0, 8), (8, 18)]
    """
    if parts <= 1:
        return [(start, end)]
    words = [start + m.start() for m in _WORD.finditer(text[start:end])]
    cuts = [w for w in words if w > start]
    if len(cuts) >= parts - 1:
        chosen = [cuts[(k * (len(cuts) + 1)) // parts - 1] for k in range(1, parts)]
    else:
        chosen = [start + (k * (end - start)) // parts for k in range(1, parts)]
    bounds = [start, *chosen, end]
    return list(zip(bounds, bounds[1:], strict=False))
