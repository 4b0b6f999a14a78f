"""The users' SPARQL (SPARQL constraints and targets) as text: a tokenizer, the two rewrites that keep
Oxigraph from re-evaluating per solution (zero-or-more steps in sequences, EXISTS over joins), the
split of a SELECT, the sh:prefixes prologue, and the checks that refuse what cannot be compiled."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node, Variable

from .shapesgraph import _ShapesGraph
from .terms import OWL, OWL_ONTOLOGY, RDF, RDF_TYPE, RDFS, UnsupportedShapesError, _sh

_KEYWORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


def _scan(text: str) -> Iterator[tuple[int, str]]:
    """The significant characters and keywords of SPARQL *text*, with their offsets: strings, IRIs,
    comments and variables are skipped, keywords come as one token."""
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c == "#":
            j = text.find("\n", i)
            i = len(text) if j < 0 else j
            continue
        if c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < len(text) and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<":
            m = _IRIREF.match(text, i)
            if m:
                i = m.end()
                continue
        if c in "?$":
            m = _KEYWORD.match(text, i + 1)
            yield i, text[i:(m.end() if m else i + 1)]
            i = m.end() if m else i + 1
            continue
        if c.isalpha():
            m = _KEYWORD.match(text, i)
            assert m is not None
            # a prefixed name (ex:foo) is not a keyword
            end = m.end()
            if end < len(text) and text[end] == ":":
                end += 1
                while end < len(text) and (text[end].isalnum() or text[end] in "_-.%:"):
                    end += 1
                i = end
                continue
            yield i, m.group(0)
            i = m.end()
            continue
        yield i, c
        i += 1


@dataclass
class _Select:
    prologue: str
    head: str          # "SELECT [DISTINCT] projection" (with ?this added if missing)
    body: str          # from the first "{" of the WHERE clause to the end
    this_projected: bool


# A step of a property path: an IRI, a prefixed name or "a", optionally inverse, optionally with "*".
_STEP = (r"(?:\^?(?:<[^<>\"{}|^`\\\x00-\x20]*>|(?:[A-Za-z][\w\-]*)?:[\w\-%]+(?:\.[\w\-%]+)*|(?<![\w?$:])a(?![\w:]))"
         r"\*?)")
# not after "^" / "!" (they would apply to the first step only), not before a modifier of the last step
_STAR_SEQUENCE = re.compile(rf"(?<![\w?$:^!]){_STEP}(?:/{_STEP})+(?![\w*+?])")


def _code_segments(text: str) -> Iterator[tuple[bool, str]]:
    """*text* cut into (is_code, segment): strings and comments are not code; IRIs are."""
    i, start = 0, 0
    while i < len(text):
        c = text[i]
        if c == "<":
            m = _IRIREF.match(text, i)
            i = m.end() if m else i + 1
            continue
        if c in "\"'#":
            if i > start:
                yield True, text[start:i]
            if c == "#":
                j = text.find("\n", i)
                j = len(text) if j < 0 else j
            else:
                quote = c * 3 if text.startswith(c * 3, i) else c
                j = i + len(quote)
                while j < len(text) and not text.startswith(quote, j):
                    j += 2 if text[j] == "\\" else 1
                j = min(len(text), j + len(quote))
            yield False, text[i:j]
            i = start = j
            continue
        i += 1
    if start < len(text):
        yield True, text[start:]


def _expand_star_sequence(m: re.Match[str]) -> str:
    steps = m.group(0).split("/") if "<" not in m.group(0) else re.findall(_STEP, m.group(0))
    if not any(s.endswith("*") for s in steps) or all(s.endswith("*") for s in steps):
        return m.group(0)
    alternatives = [[]]  # type: list[list[str]]
    for step in steps:
        if step.endswith("*"):
            alternatives = [a + extra for a in alternatives for extra in ([], [step[:-1] + "+"])]
        else:
            alternatives = [a + [step] for a in alternatives]
    return "(" + "|".join("/".join(a) for a in alternatives) + ")"


def _rewrite_star_sequences(text: str) -> str:
    """Rewrite sequence paths with a zero-or-more step, ``A/B*`` as ``(A|A/B+)`` (the same pairs).

    Oxigraph evaluates a ``*`` step whose start is bound by another pattern of an EXISTS from every
    node of the graph (its zero-length matches), once per outer solution: the range check took 70 s
    on the mutation-test graph. ``+`` and a first step that is a plain predicate avoid that. Only
    sequences of plain steps with at least one step without ``*`` are rewritten; multiplicities
    do not matter (pyshacl removes duplicate solutions, sets of focus nodes are sets).
    """
    return "".join(_STAR_SEQUENCE.sub(_expand_star_sequence, seg) if code else seg for code, seg in _code_segments(text))


_NOT_A_BGP = {"FILTER", "OPTIONAL", "BIND", "VALUES", "UNION", "MINUS", "GRAPH", "SERVICE", "SELECT", "EXISTS", "NOT"}


def _matching(tokens: list[tuple[int, str]], i: int) -> int:
    """The index of the token closing the brace opened at tokens[i]."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j][1] == "{":
            depth += 1
        elif tokens[j][1] == "}":
            depth -= 1
            if depth == 0:
                return j
    raise UnsupportedShapesError("unbalanced braces in a SPARQL query")


def _rewrite_exists(group: str, bound_outside: set[str], counter: list[int]) -> str:
    """Rewrite an EXISTS in a FILTER or BIND of the outer *group* (text from its "{") as an OPTIONAL.

    Oxigraph evaluates an EXISTS whose body joins several patterns again for every solution, from
    the body's most constant pattern, without the solution's bindings (SourceDocument-claimsAsserted
    took 54 s on 300 documents; it grows with the square of the corpus). ``EXISTS { P }`` becomes
    ``BOUND(?fs_exN)`` with ``OPTIONAL { SELECT DISTINCT <shared> (true AS ?fs_exN) WHERE { P } }``
    joined into the group (before the BIND; at the group's end for a FILTER, which applies to the
    whole group). Equivalent when P is a basic graph pattern, each variable it shares with the rest
    of the query is bound by a triple pattern of the group (before the BIND) or is $this, and its
    other variables occur nowhere else. Only bodies of two or more plain triple patterns (no property
    path) are rewritten: a single pattern is fast in Oxigraph, and P is then evaluated once over the
    whole data, which should be cheap. Any other EXISTS is kept.
    """
    tokens = list(_scan(group))
    if not tokens or tokens[0][1] != "{":
        return group
    end = _matching(tokens, 0)
    var_count: Counter[str] = Counter(t[1:] for _, t in tokens if t[:1] in "?$" and len(t) > 1)
    edits: list[tuple[int, int, str]] = []          # (start, end, replacement) in group text
    inserts_at_end: list[str] = []
    statement = 0
    bound_before: set[str] = set(bound_outside)
    group_vars = _group_vars(tokens, end)
    # an EXISTS body opens a nested group, so nothing inside it is seen at depth 1
    for i, t, depth, parens in _levels(tokens, end):
        offset = tokens[i][0]
        if depth == 1 and parens == 0 and t.upper() in ("FILTER", "BIND"):
            statement = i
        elif depth == 1 and parens == 0 and t[:1] in "?$":
            bound_before.add(t[1:])
        elif depth == 1 and parens > 0 and t.upper() == "EXISTS" and tokens[i + 1][1] == "{":
            close = _matching(tokens, i + 1)
            body = tokens[i + 2:close]
            words = {b.upper() for _, b in body}
            patterns, current = 0, 0
            for _, b in [*body, (0, ".")]:
                if b in ".;,":
                    patterns += current > 0
                    current = 0
                else:
                    current += 1
            plain = not any(b in ("/", "|", "^", "*", "+", "?", "!") for _, b in body)
            body_vars = {b[1:] for _, b in body if b[:1] in "?$" and len(b) > 1}
            inside = Counter(b[1:] for _, b in body if b[:1] in "?$" and len(b) > 1)
            shared = {v for v in body_vars if var_count[v] > inside[v]}
            is_bind = tokens[statement][1].upper() == "BIND"
            available = bound_before if is_bind else (bound_before | group_vars)
            negated = i > 0 and tokens[i - 1][1].upper() == "NOT"
            if not words & _NOT_A_BGP and "{" not in words and patterns >= 2 and plain and shared and shared <= available:
                counter[0] += 1
                flag = f"?fs_ex{counter[0]}"
                start = tokens[i - 1][0] if negated else offset
                edits.append((start, tokens[close][0] + 1, f"{'!' if negated else ''}BOUND({flag})"))
                table = (f"OPTIONAL {{ SELECT DISTINCT {' '.join('?' + v for v in sorted(shared))} (true AS {flag}) "
                         f"WHERE {{ {group[tokens[i + 1][0] + 1:tokens[close][0]]} }} }} ")
                if is_bind:
                    edits.append((tokens[statement][0], tokens[statement][0], table))
                else:
                    inserts_at_end.append(table)
    if not edits:
        return group
    edits.append((tokens[end][0], tokens[end][0], " ".join(inserts_at_end)))
    out = group
    for start, stop, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:start] + text + out[stop:]
    return out


def _levels(tokens: list[tuple[int, str]], end: int) -> Iterator[tuple[int, str, int, int]]:
    """Each token before *end* with its brace depth and parenthesis depth (after the token itself)."""
    depth, parens = 0, 0
    for i, (_, t) in enumerate(tokens[:end]):
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
        elif t == "(":
            parens += 1
        elif t == ")":
            parens -= 1
        yield i, t, depth, parens


def _group_vars(tokens: list[tuple[int, str]], end: int) -> set[str]:
    """Variables of the outer group's own triple patterns (outside nested groups and expressions)."""
    return {t[1:] for _, t, depth, parens in _levels(tokens, end)
            if depth == 1 and parens == 0 and t[:1] in "?$" and len(t) > 1}


def _oxigraph_parses(text: str, where: str) -> None:
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        raise UnsupportedShapesError(f"{where}: Oxigraph cannot parse the compiled query: {exc}") from None


def _split_select(text: str, where: str) -> _Select:
    tokens = list(_scan(text))
    select_at = next((i for i, (_, t) in enumerate(tokens) if t.upper() == "SELECT"), None)
    if select_at is None:
        raise UnsupportedShapesError(f"{where}: not a SELECT query")
    prologue = text[:tokens[select_at][0]]
    if re.search(r"(?i)\bBASE\b", prologue):
        raise UnsupportedShapesError(f"{where}: unsupported: BASE")
    depth = 0
    brace = None
    projection: list[str] = []
    for offset, token in tokens[select_at + 1:]:
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "{" and depth == 0:
            brace = offset
            break
        elif depth == 0:
            projection.append(token)
    if brace is None:
        raise UnsupportedShapesError(f"{where}: no WHERE clause")
    head = text[tokens[select_at][0]:brace]
    names = {t[1:] for t in projection if t[:1] in "?$"}
    star = "*" in projection
    this_projected = star or "this" in names
    if not this_projected:
        m = re.match(r"(?is)\s*SELECT(\s+(DISTINCT|REDUCED))?", head)
        assert m is not None
        head = head[:m.end()] + " ?this" + head[m.end():]
    return _Select(prologue, re.sub(r"(?i)\bWHERE\s*$", "WHERE", head.rstrip()), text[brace:], this_projected)


def _prefixes(sg: _ShapesGraph, node: Node) -> dict[str, str]:
    """The PREFIX declarations pyshacl puts before the query of *node* (its sh:prefixes)."""
    g = sg.g
    found = {"rdf": RDF, "rdfs": RDFS, "owl": OWL}
    ontologies = set(g.subjects(RDF_TYPE, OWL_ONTOLOGY))
    graph_declares = set(g.objects(g.identifier, _sh("declare"))) if isinstance(g.identifier, (URIRef, BNode)) else set()
    ontology_declares = {d for o in ontologies for d in g.objects(o, _sh("declare"))}
    for holder in g.objects(node, _sh("prefixes")):
        own = set(g.objects(holder, _sh("declare")))
        declares = own | graph_declares if own and holder in ontologies else graph_declares | ontology_declares | own
        for dec in sorted(declares, key=str):
            prefix, namespace = g.value(dec, _sh("prefix")), g.value(dec, _sh("namespace"))
            if not isinstance(prefix, Literal) or namespace is None:
                raise UnsupportedShapesError("sh:declare needs one sh:prefix literal and one sh:namespace")
            found[str(prefix)] = str(namespace)
    return found


def _prologue(prefixes: dict[str, str]) -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())


_ALWAYS_REFUSED = ("ServiceGraphPattern", "Graph", "GraphGraphPattern")
_REFUSED_WITH_THIS = ("Minus", "MinusGraphPattern", "values", "InlineData", "Group", "AggregateJoin", "Slice")


def _check_query(text: str, where: str, *, prebound: bool) -> None:
    """Refuse what the compiled query cannot evaluate as pyshacl does.

    Always: SERVICE and GRAPH (the store holds the literal index in a named graph). With a pre-bound
    ``$this`` (SPARQL constraints): what pyshacl refuses (MINUS, VALUES), aggregates and LIMIT/OFFSET
    (per focus node in pyshacl, over all of them in one query), a FILTER or BIND that uses ``$this``
    in a group that does not bind it, and a sub-select that uses ``$this`` without projecting it:
    there a join of the focus nodes differs from pyshacl's pre-binding. (Inside EXISTS the current
    solution is substituted, so ``$this`` is bound there as in pyshacl.)
    """
    from rdflib.plugins.sparql import prepareQuery

    try:
        query = prepareQuery(text)
    except Exception as exc:  # rdflib raises pyparsing errors
        raise UnsupportedShapesError(f"{where}: rdflib cannot parse the query: {exc}") from None
    this = Variable("this")

    def mentions(expr: Any) -> bool:
        if isinstance(expr, Variable):
            return expr == this
        if isinstance(expr, dict):
            return any(mentions(v) for k, v in expr.items() if k != "_vars")
        if isinstance(expr, (list, tuple)):
            return any(mentions(v) for v in expr)
        return False

    def bound(p: Any) -> set[Any]:
        return set(p.get("_vars", ())) if isinstance(p, dict) else set()

    def walk(node: Any, top: bool, in_exists: bool) -> None:
        if isinstance(node, (list, tuple)):
            for item in node:
                walk(item, top, in_exists)
            return
        if not isinstance(node, dict) or not hasattr(node, "name"):
            return
        name = node.name
        if name in _ALWAYS_REFUSED or (prebound and name in _REFUSED_WITH_THIS):
            raise UnsupportedShapesError(f"{where}: unsupported here: {name} (refused: SERVICE, GRAPH; in a SPARQL "
                                         "constraint also MINUS, VALUES, aggregates, LIMIT/OFFSET)")
        if prebound and not in_exists:
            if name in ("Filter", "Extend") and mentions(node.get("expr")) and this not in bound(node.get("p")):
                raise UnsupportedShapesError(f"{where}: $this is used in a FILTER or BIND of a group that does not "
                                             "bind it; a join of the focus nodes cannot reproduce pyshacl's pre-binding")
            if name == "Project" and not top and mentions(node.get("p")) and this not in node.get("PV", ()):
                raise UnsupportedShapesError(f"{where}: a sub-select uses $this without projecting it")
        exists = in_exists or name in ("Builtin_EXISTS", "Builtin_NOTEXISTS")
        for key, value in node.items():
            if key != "_vars":
                walk(value, top and name in ("SelectQuery", "Project", "Distinct", "Reduced", "OrderBy"), exists)

    walk(query.algebra, True, False)
