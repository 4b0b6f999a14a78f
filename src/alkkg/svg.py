"""A deterministic SVG diagram of a labelled directed graph, laid out in pure Python.

Layered (Sugiyama-style) layout, left to right: cycles are broken by a depth-first search in key
order, nodes are layered by longest path (sources moved next to their successors), each edge's
label is a node of its own in the column after its source (so labels never overlap), longer edges
pass through dummy points, and the order within each column comes from a fixed number of
barycentre sweeps. Every coordinate is rounded to one decimal: the same graph gives the same bytes.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

CHAR_WIDTH = 6.8  # average advance of a 12px sans-serif character
LABEL_CHAR_WIDTH = 5.9  # the same at 10.5px
MARGIN = 20.0
LEGEND = 40.0
COLUMN_GAP = 44.0
MAX_LABEL = 38
SWEEPS = 16
#: (height, gap below) of a row: an entity box, an edge label, a dummy point of a long edge
ROW = {"node": (26.0, 14.0), "label": (16.0, 8.0), "dummy": (2.0, 6.0)}
STYLE = """\
.dg-node rect{stroke:#3d5a80;stroke-width:1.2}
.dg-entity rect{fill:#e0ecfa}.dg-vocab rect{fill:#fff6d6;stroke-dasharray:4 2}
.dg-doc rect{fill:#e3f4e1}.dg-claim rect{fill:#fde7d9}
.dg-node text{font-size:12px;fill:#1d232a}
.dg-edge path{fill:none;stroke:#6b7682;stroke-width:1.3}
.dg-edge text{font-size:10.5px;fill:#39424b}
.dg-hedged path{stroke-dasharray:6 4}.dg-hedged text{font-style:italic}
.dg-negated path{stroke:#c62828}.dg-negated text{fill:#b3261e;text-decoration:line-through}
.dg-edge path.dg-cross{stroke:#c62828;stroke-width:2.2;stroke-dasharray:none}
a:hover rect{stroke-width:2.4}a:hover path{stroke-width:2.4}a:hover text{font-weight:700}
"""


@dataclass(frozen=True)
class Node:
    key: str  # identity, also the sort order
    label: str
    href: str
    kind: str  # css class suffix: entity, vocab, doc, claim
    title: str = ""


@dataclass(frozen=True)
class Edge:
    key: str  # identity (the claim), also the sort order
    source: str
    target: str
    label: str
    href: str
    title: str = ""
    hedged: bool = False
    negated: bool = False


def _r(value: float) -> str:
    text = f"{round(value, 1):.1f}"
    return "0.0" if text == "-0.0" else text


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1].rstrip() + "\u2026"


def _edge_text(edge: Edge) -> str:
    return ("not " if edge.negated else "") + edge.label + (" (may)" if edge.hedged else "")


def layers(nodes: Iterable[str], edges: Iterable[tuple[str, str, str]]) -> tuple[dict[str, int], set[str]]:
    """Layer of each node, and the keys of the edges ``(key, source, target)`` reversed to break cycles.

    >>> layers(["a", "b", "c"], [("1", "a", "b"), ("2", "b", "c"), ("3", "c", "a")])
    ({'a': 0, 'b': 1, 'c': 2}, {'3'})
    """
    names = sorted(nodes)
    outgoing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, source, target in sorted(edges):
        if source != target:
            outgoing[source].append((key, target))
    flipped: set[str] = set()
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in names:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(outgoing[start]))]
        while stack:
            node, children = stack[-1]
            step = next(children, None)
            if step is None:
                state[node] = 2
                stack.pop()
            elif state.get(step[1]) == 1:
                flipped.add(step[0])
            elif step[1] not in state:
                state[step[1]] = 1
                stack.append((step[1], iter(outgoing[step[1]])))
    preds: dict[str, set[str]] = defaultdict(set)
    succs: dict[str, set[str]] = defaultdict(set)
    for source, targets in outgoing.items():
        for key, target in targets:
            u, v = (target, source) if key in flipped else (source, target)
            preds[v].add(u)
            succs[u].add(v)
    layer: dict[str, int] = {}
    for name in names:
        todo = [name]
        while todo:
            current = todo[-1]
            pending = [p for p in sorted(preds[current]) if p not in layer]
            if pending:
                todo.extend(pending)
                continue
            todo.pop()
            layer[current] = max((layer[p] + 1 for p in preds[current]), default=0)
    for name in sorted(names, key=lambda n: (-layer[n], n)):  # a source sits just before its first successor
        if not preds[name] and succs[name]:
            layer[name] = min(layer[s] for s in succs[name]) - 1
    return layer, flipped


def render(nodes: list[Node], edges: list[Edge], *, title: str, standalone: bool) -> str:
    """The SVG of *nodes* and *edges*. A standalone file gets the XML namespace, and its links open in
    the whole window when it is embedded; inline (in an HTML page) it needs neither."""
    nodes = sorted(nodes, key=lambda n: n.key)
    by_key = {n.key: n for n in nodes}
    edges = sorted((e for e in edges if e.source != e.target and e.source in by_key and e.target in by_key),
                   key=lambda e: e.key)
    real, flipped = layers(by_key, ((e.key, e.source, e.target) for e in edges))
    level = {key: 2 * value for key, value in real.items()}
    kind = {key: "node" for key in by_key}
    width = {key: len(_short(n.label)) * CHAR_WIDTH + 16.0 for key, n in by_key.items()}
    chains: dict[str, list[str]] = {}
    for edge in edges:
        u, v = (edge.target, edge.source) if edge.key in flipped else (edge.source, edge.target)
        label = f"\x01{edge.key}"
        level[label], kind[label] = level[u] + 1, "label"
        width[label] = len(_short(_edge_text(edge))) * LABEL_CHAR_WIDTH + 10.0
        chain = [u, label]
        for step in range(level[u] + 2, level[v]):
            dummy = f"\x02{edge.key}\x00{step}"
            level[dummy], kind[dummy], width[dummy] = step, "dummy", 0.0
            chain.append(dummy)
        chains[edge.key] = [*chain, v]
    depth = max(level.values(), default=-1) + 1
    columns: list[list[str]] = [[] for _ in range(depth)]
    for key in sorted(level, key=lambda k: (by_key[k].label.lower() if k in by_key else k, k)):
        columns[level[key]].append(key)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for chain in chains.values():
        for a, b in zip(chain, chain[1:], strict=False):
            neighbours[a].append(b)
            neighbours[b].append(a)
    position = {k: i for column in columns for i, k in enumerate(column)}
    for sweep in range(SWEEPS):
        forward = sweep % 2 == 0
        for index in (range(1, depth) if forward else range(depth - 2, -1, -1)):
            side = index - 1 if forward else index + 1

            def centre(key: str, side: int = side) -> float:
                around = [position[n] for n in neighbours[key] if level[n] == side]
                return sum(around) / len(around) if around else float(position[key])

            columns[index].sort(key=lambda k: (centre(k), position[k], k))
            position.update({k: i for i, k in enumerate(columns[index])})
    # coordinates: columns left to right, rows top to bottom, each column centred vertically
    column_width = [max((width[k] for k in column), default=0.0) for column in columns]
    column_height = [sum(sum(ROW[kind[k]]) for k in column) for column in columns]
    tallest = max(column_height, default=0.0)
    x_at, x = [], MARGIN
    for w in column_width:
        x_at.append(x)
        x += w + COLUMN_GAP
    box: dict[str, tuple[float, float, float]] = {}  # left, middle y, right
    for index, column in enumerate(columns):
        y = MARGIN + LEGEND + (tallest - column_height[index]) / 2
        for key in column:
            height, gap = ROW[kind[key]]
            left = x_at[index] + (column_width[index] - width[key]) / 2
            box[key] = (left, y + height / 2, left + width[key])
            y += height + gap
    total_width = max(x - COLUMN_GAP + MARGIN, 540.0)
    total_height = MARGIN * 2 + LEGEND + tallest
    target = ' target="_top"' if standalone else ""
    xmlns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out = [f'<svg{xmlns} viewBox="0 0 {_r(total_width)} {_r(total_height)}" width="{_r(total_width)}" '
           f'height="{_r(total_height)}" font-family="system-ui, sans-serif" role="img" aria-labelledby="dg-title">',
           f'<title id="dg-title">{html.escape(title)}</title>', f"<style>{STYLE}</style>",
           "<defs>" + "".join(f'<marker id="dg-arrow{suffix}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                              f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/>'
                              "</marker>" for suffix, colour in (("", "#6b7682"), ("-neg", "#c62828"))) + "</defs>",
           _legend()]
    for edge in edges:
        chain = chains[edge.key]
        d, cross = "", ""
        for i, (a, b) in enumerate(zip(chain, chain[1:], strict=False)):
            (_, y0, x0), (x1, y1, _) = box[a], box[b]
            dx = max((x1 - x0) / 2, 12.0)
            start = f"M{_r(x0)},{_r(y0)}" if i == 0 or kind[a] == "label" else ""
            d += f"{start} C{_r(x0 + dx)},{_r(y0)} {_r(x1 - dx)},{_r(y1)} {_r(x1)},{_r(y1)}"
            if edge.negated and kind[b] == "label":
                cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
                cross = f'<path class="dg-cross" d="M{_r(cx - 5)},{_r(cy - 5)} l10,10 M{_r(cx - 5)},{_r(cy + 5)} l10,-10"/>'
        arrow = "dg-arrow-neg" if edge.negated else "dg-arrow"
        end = "marker-start" if edge.key in flipped else "marker-end"
        left, middle, right = box[f"\x01{edge.key}"]
        classes = "dg-edge" + (" dg-hedged" if edge.hedged else "") + (" dg-negated" if edge.negated else "")
        out.append(f'<a href="{html.escape(edge.href)}"{target} class="{classes}">'
                   f"<title>{html.escape(edge.title or _edge_text(edge))}</title>"
                   f'<path d="{d.strip()}" {end}="url(#{arrow})"/>{cross}'
                   f'<text x="{_r((left + right) / 2)}" y="{_r(middle + 3.5)}" text-anchor="middle">'
                   f"{html.escape(_short(_edge_text(edge)))}</text></a>")
    for n in nodes:
        left, middle, right = box[n.key]
        height = ROW["node"][0]
        out.append(f'<a href="{html.escape(n.href)}"{target} class="dg-node dg-{n.kind}">'
                   f"<title>{html.escape(n.title or n.label)}</title>"
                   f'<rect x="{_r(left)}" y="{_r(middle - height / 2)}" width="{_r(right - left)}" height="{_r(height)}" rx="5"/>'
                   f'<text x="{_r((left + right) / 2)}" y="{_r(middle + 4)}" text-anchor="middle">'
                   f"{html.escape(_short(n.label))}</text></a>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend() -> str:
    y, parts, x = MARGIN, [], MARGIN
    for name, fill, dash in (("entity", "#e0ecfa", ""), ("class", "#fff6d6", ' stroke-dasharray="4 2"'),
                             ("document, person", "#e3f4e1", ""), ("measurement", "#fde7d9", "")):
        w = len(name) * 6.2 + 14
        parts.append(f'<rect x="{_r(x)}" y="{_r(y)}" width="{_r(w)}" height="18.0" rx="4" fill="{fill}" stroke="#3d5a80"{dash}/>'
                     f'<text x="{_r(x + w / 2)}" y="{_r(y + 13)}" font-size="11" text-anchor="middle">{name}</text>')
        x += w + 10
    for name, colour, dash in (("stated", "#6b7682", ""), ("hedged (may)", "#6b7682", ' stroke-dasharray="6 4"'),
                               ("negated (not)", "#c62828", "")):
        parts.append(f'<path d="M{_r(x)},{_r(y + 9)} h36" stroke="{colour}" stroke-width="1.3"{dash}/>'
                     f'<text x="{_r(x + 41)}" y="{_r(y + 13)}" font-size="11">{name}</text>')
        x += 41 + len(name) * 6.2 + 14
    return '<g class="dg-legend">' + "".join(parts) + "</g>"
