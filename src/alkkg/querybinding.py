"""Query parameters bound for Oxigraph: a ``VALUES`` block where it means what a pre-binding means.

Oxigraph applies `substitutions` after planning the query, so the planner does not know a bound
parameter: drugs-inhibiting-target with its target bound took 12.9 ms on a 10,000-claim store, as
much as the whole answer. The same value as `VALUES ?target { <iri> }` at the start of the WHERE
group is planned from (0.3-0.5 ms). The parameter stays a substitution as well: Oxigraph evaluates
some parts of a plan (an OPTIONAL's right side, a hash join's build side) without the bindings of
the rest, and the substitution gives them the value (claim-evidence by claim: 1 ms with both, 80-100
ms with the VALUES block alone). rdflib keeps initBindings: it evaluates a VALUES block unjoined.

Both halves are checked before a block is added. The value: an IRI or a literal written from the
N-Triples/SPARQL grammar (anything else, e.g. a blank node, a control character, a backslash before
u/U, stays a substitution). The place: the `{` of the outermost WHERE group, found by a SPARQL
tokenizer (comments, the four string forms, IRIs, prefixed names with escapes) and cross-checked
with rdflib's parse tree (the query form and the kinds of element of the group must agree); a query
with \\u escapes, an IRI that could be a `<` operator hiding a comment or string, or a CONSTRUCT
WHERE short form keeps substitutions. The meaning: see _values_safe.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import islice
from typing import Any

from pyparsing import ParseResults
from rdflib import BNode, Literal, URIRef  # noqa: F401  (BNode: the doctest of sparql_term)
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, Variable

from .queries import _IRI, _PN_LOCAL_CHAR, Plan, _nodes, _to_ox

_VARNAME = re.compile(r"[A-Za-z0-9_]+\Z")
_LANGTAG = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*\Z")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# written raw they are legal in a SPARQL string, but not in every engine's; \u would be read as an escape
_UNICODE_ESCAPE = re.compile(r"\\[uU]")
_NOT_SERIALISED = re.compile(r"[\x00-\x07\x0b\x0e-\x1f\x7f\ud800-\udfff]|\\[uU]")


def sparql_term(term: Node) -> str | None:
    r"""*term* as a SPARQL term (``<iri>``, ``"lexical"@lang``, ``"lexical"^^<datatype>``), or None when
    it cannot be written so that every reader gets the same term back (then bind it another way).

    >>> print(sparql_term(Literal('say "hi"\n', lang="en")))
    "say \"hi\"\n"@en
    >>> sparql_term(BNode()) is None
    True
    """
    if isinstance(term, URIRef):
        return f"<{term}>" if _IRI.match(str(term)) else None
    if not isinstance(term, Literal):  # a blank node cannot be written in a query
        return None
    lexical = str(term)
    if _NOT_SERIALISED.search(lexical):
        return None
    quoted = '"' + "".join(_ECHAR.get(c, c) for c in lexical) + '"'
    if term.language:
        return f"{quoted}@{term.language}" if _LANGTAG.match(term.language) else None
    if term.datatype:
        return f"{quoted}^^<{term.datatype}>" if _IRI.match(str(term.datatype)) else None
    return quoted


_SPARQL_TOKEN = re.compile(
    r"(?P<skip>\s+|\#[^\n\r]*)"
    r"|(?P<string>'''(?:'{0,2}(?:[^'\\]|\\[\s\S]))*'''|\"\"\"(?:\"{0,2}(?:[^\"\\]|\\[\s\S]))*\"\"\""
    r"|'(?:[^'\\\n\r]|\\[\s\S])*'|\"(?:[^\"\\\n\r]|\\[\s\S])*\")"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)"
    r"|(?P<pname>(?:[^\W\d_](?:[\w.\-\u00B7]*[\w\-\u00B7])?)?:"
    rf"(?:{_PN_LOCAL_CHAR}(?:(?:{_PN_LOCAL_CHAR}|\.)*{_PN_LOCAL_CHAR})?)?)"
    r"|(?P<word>[A-Za-z_][\w\-]*)"
    r"|(?P<other>[\s\S])")
# after these an IRI is where an operand goes; after anything else, inside parentheses, a `<` may be
# the less-than operator, and a "<...>" read as an IRI could then hide a comment or a string
_OPERAND_BEFORE = set("(,=!<>&|+-*/^@")
_QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
# the elements of a group a keyword starts, and the name rdflib's parse tree gives each
_ELEMENTS = {"OPTIONAL": "OptionalGraphPattern", "MINUS": "MinusGraphPattern", "BIND": "Bind", "FILTER": "Filter",
             "VALUES": "InlineData", "GRAPH": "GraphGraphPattern", "SERVICE": "ServiceGraphPattern"}


def _where_site(text: str, form: str) -> tuple[int, dict[str, int]] | None:
    """(offset just after the ``{`` opening the outermost WHERE group of a *form* query, the number of
    each keyword-introduced element directly in that group), or None when not found for certain."""
    depth = parens = 0
    seen_form, template, previous, site = False, False, "", -1
    counts: dict[str, int] = defaultdict(int)
    for match in _SPARQL_TOKEN.finditer(text):
        kind, token = match.lastgroup or "", match.group()
        if kind == "skip":
            continue
        if kind == "other" and token in "\"'":  # an unterminated string: not a query we parsed
            return None
        if kind == "iri" and parens and previous not in _OPERAND_BEFORE and ("#" in token or "'" in token):
            return None
        word = token.upper() if kind == "word" else ""
        if depth == 0 and parens == 0:
            if word in _QUERY_FORMS:
                if seen_form or word != form:
                    return None
                seen_form = True
            elif token == "{" and seen_form and site < 0:
                if form == "CONSTRUCT" and not template:
                    if previous != "CONSTRUCT":  # CONSTRUCT WHERE { ... }: no room for VALUES
                        return None
                    template = True
                else:
                    site = match.end()
            elif word == "WHERE" and (site >= 0 or not seen_form):
                return None
        elif depth == 1 and parens == 0 and site >= 0 and word in _ELEMENTS:
            counts[_ELEMENTS[word]] += 1
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return None
        elif token == "(":
            parens += 1
        elif token == ")":
            parens -= 1
            if parens < 0:
                return None
        previous = word or (token if kind == "other" else kind)
    if site < 0 or depth != 0 or parens != 0:
        return None
    return site, dict(counts)


_BRANCH = (dict, list, tuple, ParseResults)  # the containers of a parse tree (CompValue is a dict)


def _variable_index(tree: Any) -> dict[int, frozenset[str]]:
    """For every node of a parse tree (by id), the names of the variables anywhere below it
    (subqueries, EXISTS and expressions too); one pass, without recursion."""
    order = []
    stack = [tree]
    while stack:  # parents before their children
        item = stack.pop()
        order.append(item)
        stack.extend(child for child in (dict.values(item) if isinstance(item, dict) else item)
                     if isinstance(child, _BRANCH))
    index: dict[int, frozenset[str]] = {}
    for item in reversed(order):  # children first
        names: set[str] = set()
        for child in dict.values(item) if isinstance(item, dict) else item:
            if isinstance(child, Variable):
                names.add(str(child))
            elif isinstance(child, _BRANCH):
                names |= index[id(child)]
        index[id(item)] = frozenset(names)
    return index


def _group_safe(group: Any, name: str, bound: bool, filters_see_it: bool,
                index: dict[int, frozenset[str]]) -> tuple[bool, bool]:
    """(binding ?name by a VALUES block outside *group* is the same as pre-binding it inside, ?name is
    bound in every solution of *group*). *bound*: ?name is bound before the first element (the outer
    group, after the VALUES block); *filters_see_it*: the group's filters see it bound anyway (the
    filters of an OPTIONAL are evaluated on the joined solution)."""
    if not isinstance(group, CompValue) or group.name != "GroupGraphPatternSub":
        return name not in index.get(id(group), ()), False  # a subquery (or anything else) must not mention it
    filtered = False
    for part in dict.get(group, "part") or ():
        if name not in index.get(id(part), ()):
            continue
        kind = part.name
        if kind == "TriplesBlock":
            bound = True
        elif kind == "Filter":
            filtered = True
        elif kind in ("GroupOrUnionGraphPattern", "GraphGraphPattern"):
            branches = part["graph"] if kind == "GroupOrUnionGraphPattern" else [part["graph"]]
            results = [_group_safe(branch, name, False, False, index) for branch in branches]
            if not all(safe for safe, _ in results):
                return False, False
            bound = bound or all(binds for _, binds in results) or dict.get(part, "term") == Variable(name)
        elif kind == "OptionalGraphPattern":
            # joined to a solution that binds it: the optional part matches only that value, as when
            # pre-bound; otherwise it could match another value and then be dropped by the VALUES join
            if not bound or not _group_safe(part["graph"], name, False, True, index)[0]:
                return False, False
        elif kind == "Bind":  # ?name in the expression (a BIND to ?name is refused earlier)
            if not bound:
                return False, False
        else:  # MINUS, VALUES, SERVICE: kept as substitutions
            return False, False
    if filtered and not (bound or filters_see_it):
        return False, False
    return True, bound


def _values_safe(query: CompValue, names: Iterable[str]) -> set[str]:
    """The parameters of *names* that a VALUES block at the start of the WHERE group binds exactly as a
    pre-binding does (Oxigraph substitutions, rdflib initBindings).

    The block joins with the whole group, so every element that uses the parameter must see it bound:
    triple patterns at any depth of plain groups, UNION and GRAPH; a FILTER, BIND expression or
    OPTIONAL only where the parameter is certainly bound before it (the block itself, at the top).
    Refused: a parameter bound by the query itself (BIND ... AS, SELECT (... AS), GROUP BY (... AS),
    VALUES) or used in a subquery, MINUS or SERVICE; one the WHERE clause does not use; and, as
    Oxigraph refuses to substitute those, one that a SELECT does not project.
    """
    where = dict.get(query, "where")
    if not isinstance(where, CompValue) or where.name != "GroupGraphPatternSub":
        return set()
    projected: set[str] | None = None  # None: SELECT *, or not a SELECT
    if query.name == "SelectQuery" and dict.get(query, "projection") is not None:
        projected = {str(dict.get(v, "var")) for v in query["projection"] if dict.get(v, "var") is not None}
    elif query.name == "DescribeQuery" and dict.get(query, "var") is not None:  # run as SELECT DISTINCT ?vars
        projected = {str(v) for v in query["var"] if isinstance(v, Variable)}
    index = _variable_index(query)
    refused: set[str] = set()
    for node in _nodes(query):
        if node.name in ("SubSelect", "MinusGraphPattern", "InlineData", "ValuesClause", "ServiceGraphPattern"):
            refused |= index[id(node)]
        assigned = dict.get(node, "var") if node.name in ("Bind", "GroupAs") else dict.get(node, "evar")
        if isinstance(assigned, Variable):  # BIND (... AS ?v), GROUP BY (... AS ?v), SELECT (... AS ?v)
            refused.add(str(assigned))
    used = index[id(where)]
    return {name for name in names
            if name in used and name not in refused and (projected is None or name in projected)
            and _group_safe(where, name, True, True, index)[0]}


def bind_with_values(plan: Plan, text: str, bindings: dict[str, URIRef | Literal]
                     ) -> tuple[str, dict[str, URIRef | Literal]]:
    """(*text* with a ``VALUES`` block for each parameter it can bind that way, the parameters it
    cannot). *text* is what Oxigraph runs for *plan*: the query, or the SELECT of a DESCRIBE's
    targets. Give Oxigraph every parameter as a substitution as well (see above)."""
    rest = dict(bindings)
    if not bindings or not text or plan.tree is None:
        return text, rest
    terms = {name: sparql_term(term) for name, term in bindings.items() if _VARNAME.match(name)}
    candidates = {name for name, term in terms.items() if term is not None}
    if not candidates or _UNICODE_ESCAPE.search(text):  # rdflib's tree is of the text with \u expanded
        return text, rest
    query = plan.tree[1]
    found = _where_site(text, "SELECT" if plan.kind == "DESCRIBE" else plan.kind)
    if found is None:
        return text, rest
    site, counts = found
    parts = dict.get(query["where"], "part") if isinstance(dict.get(query, "where"), CompValue) else None
    expected: dict[str, int] = defaultdict(int)
    for part in parts or ():
        if part.name in _ELEMENTS.values():
            expected[part.name] += 1
    if counts != dict(expected):  # the tokenizer and rdflib do not see the same group: leave it
        return text, rest
    names = sorted(_values_safe(query, candidates))
    if not names:
        return text, rest
    block = "".join(f" VALUES ?{name} {{ {terms[name]} }}" for name in names)
    for name in names:
        del rest[name]
    return f"{text[:site]}{block}{text[site:]}", rest


# A VALUES block makes Oxigraph start from the patterns that use the value. For a value found in
# thousands of triples that start is worse than the one the query was written for: at 10,000 claims,
# hedged-and-negated-claims with polarity=alkkg:asserted (14,432 triples) took 38 ms substituted, 107
# ms with the block; the values that gain (a target, drug, population: 10-25x) were in 15-60 triples,
# and those in 1,000-3,000 neither gained nor lost. Such a common value is only substituted.
COMMON_VALUE = 1000


def common_value(store: Any, term: URIRef | Literal) -> bool:
    """Whether *term* is in more than :data:`COMMON_VALUE` quads of the pyoxigraph *store* (in any
    position; at most that many are read)."""
    node = _to_ox(term)
    patterns = [(None, None, node)] if isinstance(term, Literal) else [(None, None, node), (node, None, None),
                                                                        (None, node, None)]
    found = 0
    for subject, predicate, obj in patterns:
        found += sum(1 for _ in islice(store.quads_for_pattern(subject, predicate, obj, None), COMMON_VALUE + 1 - found))
        if found > COMMON_VALUE:
            return True
    return False


def oxigraph_binding(store: Any, plan: Plan, text: str, bindings: dict[str, URIRef | Literal]) -> tuple[str, dict[Any, Any]]:
    """What Oxigraph runs for *text* (the query of *plan*, or its DESCRIBE's SELECT) on *store*: the text,
    with a VALUES block for each parameter that :func:`bind_with_values` can bind so and whose value is
    not a :func:`common_value`, and the substitutions (of every parameter, blocks or not)."""
    import pyoxigraph as ox

    planned = {name: term for name, term in bindings.items() if not common_value(store, term)}
    text, _ = bind_with_values(plan, text, planned)
    return text, {ox.Variable(name): _to_ox(term) for name, term in bindings.items()}
