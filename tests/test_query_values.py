"""Oxigraph binds a parameter with a VALUES block at the start of the WHERE group as well as with a
substitution (the planner sees the block, not the substitution): the answer must be the one
substitutions and rdflib's initBindings give, and the one the VALUES block alone gives.

Every competency query and every parameter it documents runs four ways on the committed build
(``build/alkkg.ttl``, ``build/alkkg-inferred.ttl``: parsed once, no session build): as alkkg runs it
on Oxigraph, with substitutions only, with the VALUES block only, and on rdflib. Then the placement on
tricky texts (checked against rdflib's parse tree of the rewritten query), the fallback where a
VALUES block would not mean a pre-binding, and the escaping of literal values.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql.parser import parseQuery

from alkkg import queries, querybinding, rdfio
from conftest import ROOT

FOLDER = ROOT / "queries" / "competency"
EXPECTED = FOLDER / "expected"
BUILD = ROOT / "build"
ALL = queries.list_queries(FOLDER)
CASES = [(q.name, p) for q in ALL for p in q.params]
NOTHING = "alkkge:no-such-entity"

# the parameters kept as substitutions in the competency queries, and why
FALLBACK = {("drug-comparison", "other"): "used in a subquery and in MINUS"}

Rows = list[tuple[object, ...]]
XSD = "http://www.w3.org/2001/XMLSchema#"  # (rdflib's XSD namespace warns when pytest inspects it)


def _query(name: str) -> queries.NamedQuery:
    return queries.find_query(name, FOLDER)


@functools.cache
def _plan(name: str) -> queries.Plan:
    return queries.prepare(_query(name))


def _file(query: queries.NamedQuery) -> str:
    return "alkkg-inferred.ttl" if query.needs_inference else "alkkg.ttl"


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return {name: rdfio.parse_file(BUILD / name) for name in ("alkkg.ttl", "alkkg-inferred.ttl")}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {name: (BUILD / name).read_text(encoding="utf-8") for name in ("alkkg.ttl", "alkkg-inferred.ttl")}


@pytest.fixture(scope="module")
def stores(texts: dict[str, str]) -> dict[str, ox.Store]:
    """Each build loaded once into Oxigraph, for the runs with the VALUES block alone."""
    out = {}
    for name, text in texts.items():
        out[name] = ox.Store()
        out[name].load(text.encode(), format=ox.RdfFormat.TURTLE)
    return out


def _canonical(rows: Iterable[Iterable[object]]) -> Rows:
    """Literals in value-canonical form (Oxigraph keeps values, not lexical forms)."""
    return [tuple(queries.canonical_literal(t) if isinstance(t, Literal) else t for t in row) for row in rows]


def _values_only(store: ox.Store, query: queries.NamedQuery, bindings: dict[str, URIRef | Literal]) -> Rows:
    """The rows Oxigraph gives with the VALUES block and no substitution (every parameter must have one)."""
    text, rest = querybinding.bind_with_values(_plan(query.name), query.text, bindings)
    assert rest == {}
    solutions = store.query(text, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return _canonical([queries.from_oxigraph(solution[n]) for n in names] for solution in solutions)


def _four_ways(query: queries.NamedQuery, params: dict[str, str], graphs: dict[str, Graph], texts: dict[str, str],
               stores: dict[str, ox.Store]) -> Rows:
    bindings = queries.bind_params(query, params)
    data = _file(query)
    as_alkkg = queries.run_oxigraph(texts[data], "turtle", query, bindings)
    substituted = queries.run_oxigraph(texts[data], "turtle", query, bindings, values=False)
    by_rdflib = queries.run_rdflib(graphs[data], query, bindings)
    assert as_alkkg.variables == substituted.variables == by_rdflib.variables
    rows = _canonical(as_alkkg.rows)
    assert rows == _canonical(substituted.rows), "Oxigraph: with the VALUES block and with substitutions only differ"
    assert rows == _canonical(by_rdflib.rows), "Oxigraph and rdflib differ"
    if not any(key == (query.name, p) for p in params for key in FALLBACK):
        assert rows == _values_only(stores[data], query, bindings), "Oxigraph: the VALUES block alone differs"
    return rows


def _golden_values(name: str, param: str) -> list[str]:
    with (EXPECTED / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index(param)
    return list(dict.fromkeys(row[column] for row in rows[1:] if row[column]))


def _placed(original: str, rewritten: str, names: list[str]) -> bool:
    """rdflib reads *rewritten* as *original* with one VALUES block per name opening its WHERE group."""
    before, after = parseQuery(original)[1], parseQuery(rewritten)[1]
    parts = list(after["where"]["part"])
    head, rest = parts[:len(names)], parts[len(names):]
    if [str(p["var"][0]) for p in head if p.name == "InlineData"] != names:
        return False
    if repr(rest) != repr(list(before["where"]["part"])):
        return False
    return all(repr(dict.get(before, key)) == repr(dict.get(after, key)) for key in set(before) | set(after)
               if key != "where")


# ------------------------------------------------------------------------------------ competency queries

@pytest.mark.slow  # rdflib is the slow arm (about 20 s); tests/test_competency.py checks its goldens by default
@pytest.mark.parametrize(("name", "param"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_values_binding_gives_the_substituted_and_the_rdflib_answer(
        graphs: dict[str, Graph], texts: dict[str, str], stores: dict[str, ox.Store], name: str, param: str) -> None:
    query = _query(name)
    values = _golden_values(name, param)
    assert values, f"golden file of {name} has no value for {param}"
    rows = _four_ways(query, {param: values[-1]}, graphs, texts, stores)  # as test_competency binds it
    assert rows, f"{name} with {param}={values[-1]} answers nothing on the committed build"
    assert _four_ways(query, {param: NOTHING}, graphs, texts, stores) == []  # an empty answer all the same


@pytest.mark.parametrize("value", ['with "quotes", \\ and\na newline', pytest.param("a plain literal", marks=pytest.mark.slow),
                                   pytest.param("60", marks=pytest.mark.slow)])
def test_a_literal_for_an_iri_parameter(graphs: dict[str, Graph], texts: dict[str, str], stores: dict[str, ox.Store],
                                        value: str) -> None:
    assert _four_ways(_query("drugs-inhibiting-target"), {"target": value}, graphs, texts, stores) == []


@pytest.mark.slow  # rdflib again (see above)
@pytest.mark.parametrize("name", [q.name for q in ALL if len(q.params) > 1])
def test_every_parameter_bound_at_once(graphs: dict[str, Graph], texts: dict[str, str], stores: dict[str, ox.Store],
                                       name: str) -> None:
    query = _query(name)
    params = {p: _golden_values(name, p)[-1] for p in query.params}
    assert _four_ways(query, params, graphs, texts, stores)


@pytest.mark.parametrize(("name", "param"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_competency_parameters_become_values_blocks(name: str, param: str) -> None:
    """Every documented parameter but the listed ones is bound by VALUES, placed where rdflib says."""
    query = _query(name)
    plan = _plan(name)
    bindings = queries.bind_params(query, {param: "alkkge:ALK-protein"})
    text, rest = querybinding.bind_with_values(plan, query.text, bindings)
    if (name, param) in FALLBACK:
        assert (text, rest) == (query.text, bindings)
        return
    assert rest == {}
    assert f"VALUES ?{param} {{ <https://w3id.org/alkkg/entity/ALK-protein> }}" in text
    assert _placed(query.text, text, [param])
    assert text.count("\n") == query.text.count("\n"), "line numbers of Oxigraph's messages must not move"


# ------------------------------------------------------------------------------------ placement

P = "PREFIX : <http://e/>\n"
X = URIRef("http://e/x")

# (query text, the VALUES block goes in): tricky texts whose outer group a naive search gets wrong
PLACED = {
    "comment": P + "# a WHERE { in a comment }\nSELECT ?s ?p WHERE { # WHERE { again\n ?s :q ?p }",
    "string": P + 'SELECT ?s ?p WHERE { ?s :q ?p FILTER(?s != "}{ WHERE { \\" }") }',
    "long-strings": P + "SELECT ?s ?p WHERE { ?s :q ?p FILTER(?s NOT IN ('''}\n'{ ''', \"\"\"\"}\"\"\")) }",
    "prefixed-name-escapes": P + "SELECT ?s ?p WHERE { ?s :a\\#b ?p . ?s :it\\'s\\(x\\) ?o }",
    "no-where-keyword": P + "SELECT ?s ?p { ?s :q ?p }",
    "exists-in-projection": P + "SELECT ?s ?p (EXISTS { ?s :r ?p } AS ?e) WHERE { ?s :q ?p }",
    "subquery-without-it": P + "SELECT ?s ?p WHERE { ?s :q ?p { SELECT ?s WHERE { ?s :r ?o } } }",
    "less-than-then-iri": P + "SELECT ?s ?p WHERE { ?s :q ?p ; :r ?o FILTER(?o<<http://e/a#b>) }",
    "construct": P + "CONSTRUCT { ?s :r ?p } WHERE { ?s :q ?p }",
    "ask": P + "ASK { ?s :q ?p }",
    "union": P + "SELECT ?s ?p WHERE { { ?s :q ?p } UNION { ?s :r ?p FILTER(?p != :y) } }",
    "graph": P + "SELECT ?s ?p WHERE { GRAPH ?p { ?s :q ?o } }",
    "optional-after-it": P + "SELECT ?s ?p WHERE { ?s :q ?o OPTIONAL { ?o :r ?p FILTER(?p != :y) } }",
    "filters-and-bind": P + "SELECT ?s ?p ?z WHERE { ?s :q ?o FILTER NOT EXISTS { ?o :r ?p } BIND(STR(?p) AS ?z) }",
    "group-by": P + "SELECT ?p (COUNT(?s) AS ?n) WHERE { ?s :q ?p } GROUP BY ?p",
}

# texts where it must not (the parameter keeps substitutions), and why
FALLS_BACK = {
    "subquery": P + "SELECT ?s ?p WHERE { { SELECT ?s ?p WHERE { ?s :q ?p } } }",
    "subquery-in-optional": P + "SELECT ?s ?p WHERE { ?s :q ?o OPTIONAL { SELECT ?s ?p WHERE { ?s :r ?p } } }",
    "bind-target": P + "SELECT ?s ?p WHERE { ?s :q ?o BIND(?o AS ?p) }",
    "projection-alias": P + "SELECT ?s (?o AS ?p) WHERE { ?s :q ?o }",
    "group-by-alias": P + "SELECT ?p (COUNT(?s) AS ?n) WHERE { ?s :q ?o } GROUP BY (?o AS ?p)",
    "minus": P + "SELECT ?s ?p WHERE { ?s :q ?p MINUS { ?s :r ?p } }",
    "values": P + "SELECT ?s ?p WHERE { ?s :q ?p } VALUES ?p { :x :y }",
    "not-projected": P + "SELECT ?s WHERE { ?s :q ?p }",
    "not-used": P + "SELECT * WHERE { ?s :q ?o }",
    # the OPTIONAL could match another value, then the VALUES join drops the row a pre-binding keeps
    "optional-in-a-group": P + "SELECT ?s ?p WHERE { ?s :q ?o { ?x :q ?o OPTIONAL { ?x :r ?p } } }",
    "optional-before-it": P + "SELECT ?s ?p WHERE { ?s :q ?o { OPTIONAL { ?s :r ?p } ?s :q ?p } }",
    # a filter of an inner group sees only that group's bindings
    "filter-in-a-group": P + "SELECT ?s ?p WHERE { ?s :q ?o { ?s :q ?o2 FILTER(?p = :x) } }",
    "filter-in-a-branch": P + "SELECT ?s ?p WHERE { { ?s :q ?p } UNION { ?s :r ?o FILTER(?p != :y) } }",
    "bind-in-a-group": P + "SELECT ?s ?p ?z WHERE { ?s :q ?p { ?s :r ?o BIND(?p AS ?z) } }",
    "construct-where": P + "CONSTRUCT WHERE { ?s :q ?p }",
    "unicode-escape": P + 'SELECT ?s ?p WHERE { ?s :q ?p FILTER(?s != "\\u007B") }',
    # `<?p)#x>` reads as an IRI to a greedy tokenizer, as "<", ?p, ")" and a comment to rdflib
    "less-than-or-iri": P + "SELECT ?s ?p WHERE { ?s :q ?p ; :r ?o FILTER(?o<?p)#x> {\n }",
}


def _named(text: str) -> queries.NamedQuery:
    return queries.NamedQuery("tricky", Path("tricky.rq"), text, "", ("p",), False)


def _bind(text: str, term: URIRef | Literal = X) -> tuple[str, dict[str, URIRef | Literal]]:
    plan = queries.prepare(_named(text))
    return querybinding.bind_with_values(plan, plan.text if plan.kind == "DESCRIBE" else text, {"p": term})


@pytest.mark.parametrize("name", sorted(PLACED))
def test_values_block_opens_the_outermost_group(name: str) -> None:
    text, rest = _bind(PLACED[name])
    assert rest == {} and text != PLACED[name]
    assert _placed(PLACED[name], text, ["p"]), text


@pytest.mark.parametrize("name", sorted(FALLS_BACK))
def test_falls_back_to_substitutions(name: str) -> None:
    assert _bind(FALLS_BACK[name]) == (FALLS_BACK[name], {"p": X})


def test_describe_binds_its_select() -> None:
    text, rest = _bind(P + "DESCRIBE ?p WHERE { ?s :q ?p }")
    assert rest == {} and "SELECT DISTINCT ?p WHERE { VALUES ?p { <http://e/x> } ?s :q ?p }" in text
    # a parameter the DESCRIBE does not name is not a column of its SELECT: substituted, as before
    assert _bind(P + "DESCRIBE ?s WHERE { ?s :q ?p }")[1] == {"p": X}


def test_only_the_safe_parameter_falls_back() -> None:
    text = P + "SELECT ?s ?p ?o WHERE { ?s :q ?o ; :r ?p MINUS { ?x :r ?p } }"
    plan = queries.prepare(queries.NamedQuery("two", Path("two.rq"), text, "", ("p", "o"), False))
    rewritten, rest = querybinding.bind_with_values(plan, text, {"p": X, "o": X})
    assert rest == {"p": X} and _placed(text, rewritten, ["o"])


# A small graph where getting the scope wrong shows: values of ?p that match in one place and not
# in another, and an OPTIONAL that matches only with another value.
SMALL = """@prefix : <http://e/> .
:a :q :x , :y ; :r :x .
:b :q :y ; :r :z .
:c :q :z .
:x :r :y .
:y :r :x .
"""


def _small_results(text: str, term: URIRef | Literal, values: bool) -> object:
    query = _named(text)
    result = queries.run_oxigraph(SMALL, "turtle", query, {"p": term}, values=values)
    return result.boolean, sorted(map(str, result.rows)), sorted(map(str, result.triples))


def _small_values_only(text: str, term: URIRef | Literal) -> object:
    """As _small_results, with the VALUES block and no substitution."""
    plan = queries.prepare(_named(text))
    rewritten, rest = querybinding.bind_with_values(plan, plan.text if plan.kind == "DESCRIBE" else text, {"p": term})
    assert rest == {}
    store = ox.Store()
    store.load(SMALL.encode(), format=ox.RdfFormat.TURTLE)
    result = store.query(rewritten)
    if isinstance(result, ox.QueryBoolean):
        return bool(result), [], []
    if isinstance(result, ox.QueryTriples):
        triples = [tuple(queries.from_oxigraph(t) for t in (x.subject, x.predicate, x.object)) for x in result]
        return None, [], sorted(map(str, triples))
    names = [v.value for v in result.variables]
    return None, sorted(str(tuple(queries.from_oxigraph(s[n]) for n in names)) for s in result), []


@pytest.mark.parametrize("name", sorted(PLACED) + sorted(FALLS_BACK))
@pytest.mark.parametrize("value", ["x", pytest.param("y", marks=pytest.mark.slow),
                                   pytest.param("z", marks=pytest.mark.slow), pytest.param("nothing", marks=pytest.mark.slow)])
def test_same_answer_as_substitutions_on_a_small_graph(name: str, value: str) -> None:
    text = {**PLACED, **FALLS_BACK}[name]
    term = URIRef(f"http://e/{value}")
    try:
        expected = _small_results(text, term, values=False)
    except queries.QueryError as exc:  # e.g. a parameter a SELECT does not project: the same refusal
        with pytest.raises(queries.QueryError) as raised:
            _small_results(text, term, values=True)
        assert str(raised.value) == str(exc)
        return
    assert _small_results(text, term, values=True) == expected
    if name in PLACED:
        assert _small_values_only(text, term) == expected


# ------------------------------------------------------------------------------------ values as text

LITERALS = [
    Literal('say "hi"'),
    Literal("back\\slash and \\\\ two, \\n not a newline, \\u0041 not an escape"),
    Literal("line one\nline two\r\n\ttabbed\b\f"),
    Literal("quote ' apostrophe '' and \"\"\" triple"),
    Literal("} { WHERE { # not a comment"),
    Literal("ünïcödé ✓ 𝔘"),
    Literal("chat", lang="fr"),
    Literal("chat", lang="en-GB"),
    Literal("60", datatype=URIRef(XSD + "integer")),
    Literal("60.0", datatype=URIRef(XSD + "decimal")),
    Literal("x", datatype=URIRef(XSD + "string")),
    Literal("", datatype=URIRef(XSD + "string")),
    Literal(""),
]


@pytest.mark.parametrize("literal", LITERALS, ids=range(len(LITERALS)))
def test_literal_values_read_back_as_the_same_term(literal: Literal) -> None:
    written = querybinding.sparql_term(literal)
    if written is None:  # kept as a substitution: only what cannot be written plainly
        assert "\\u" in str(literal) or "\\U" in str(literal)
        return
    assert "\n" not in written and "\r" not in written
    store = ox.Store()

    def only(solutions: object) -> ox.Literal:
        assert isinstance(solutions, ox.QuerySolutions)
        [solution] = list(solutions)
        term = solution["p"]
        assert isinstance(term, ox.Literal)
        return term

    read = only(store.query(f"SELECT ?p WHERE {{ VALUES ?p {{ {written} }} }}"))
    # as a substitution (Oxigraph keeps the value of a typed literal: "60.0"^^xsd:decimal is 60 either way)
    assert read == only(store.query("SELECT ?p WHERE {}", substitutions={ox.Variable("p"): queries._to_ox(literal)}))
    if literal.datatype is None or str(literal.datatype) == XSD + "string":
        assert read.value == str(literal)
        assert read.language == (literal.language.lower() if literal.language else None)  # (as Oxigraph keeps tags)


@pytest.mark.parametrize("literal", LITERALS, ids=range(len(LITERALS)))
def test_literal_parameter_finds_its_triple(literal: Literal) -> None:
    """The literal as the object of a triple; bound to ?p, VALUES finds what substitutions find."""
    graph = Dataset()
    graph.add((URIRef("http://e/s"), URIRef("http://e/q"), literal))
    graph.add((URIRef("http://e/t"), URIRef("http://e/q"), Literal("other")))
    data = graph.serialize(format="nquads")
    query = _named(P + "SELECT ?s ?p WHERE { ?s :q ?p }")
    with_values = queries.run_oxigraph(data, "nquads", query, {"p": literal})
    substituted = queries.run_oxigraph(data, "nquads", query, {"p": literal}, values=False)
    assert with_values.rows == substituted.rows
    assert [str(row[0]) for row in with_values.rows] == ["http://e/s"]


@pytest.mark.parametrize("term", [
    BNode("b0"),
    Literal("bell \x07"),
    Literal("escape \\u0022"),
    Literal("big escape \\U0001F600"),
    URIRef("http://e/a b"),
    URIRef("http://e/<x>"),
    URIRef("relative"),
    Literal("x", datatype=URIRef("http://e/bad type")),
], ids=["blank-node", "control", "backslash-u", "backslash-U", "space-in-iri", "brackets-in-iri", "relative-iri",
        "bad-datatype"])
def test_unsafe_terms_are_not_written(term: URIRef | Literal | BNode) -> None:
    assert querybinding.sparql_term(term) is None
    if not isinstance(term, BNode):
        assert _bind(P + "SELECT ?s ?p WHERE { ?s :q ?p }", term)[1] == {"p": term}


def test_a_parameter_name_that_is_not_a_plain_variable_is_substituted() -> None:
    text = P + "SELECT ?s ?p WHERE { ?s :q ?p }"
    plan = queries.prepare(_named(text))
    assert querybinding.bind_with_values(plan, text, {"p x": X}) == (text, {"p x": X})


@pytest.mark.parametrize("name", ["optional-in-a-group", "filter-in-a-group", "filter-in-a-branch", "bind-target"])
def test_the_small_graph_shows_why_those_fall_back(name: str) -> None:
    """A VALUES block forced into these texts changes the answer on the small graph for some value:
    the fallback is needed, and the graph is one on which the equality test above means something."""
    text = FALLS_BACK[name]
    store = ox.Store()
    store.load(SMALL.encode(), format=ox.RdfFormat.TURTLE)
    site = text.index("WHERE {") + len("WHERE {")

    def answer(query: str, substitutions: dict[ox.Variable, ox.NamedNode]) -> object:
        try:
            return sorted(map(str, store.query(query, substitutions=substitutions)))  # type: ignore[arg-type]
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            return type(exc).__name__
    differs = []
    for value in ("x", "y", "z", "nothing"):
        forced = f"{text[:site]} VALUES ?p {{ <http://e/{value}> }}{text[site:]}"
        if answer(forced, {}) != answer(text, {ox.Variable("p"): ox.NamedNode(f"http://e/{value}")}):
            differs.append(value)
    assert differs


def test_a_common_value_is_only_substituted(monkeypatch: pytest.MonkeyPatch) -> None:
    """A VALUES block makes Oxigraph start from the value's triples: not for a value in many of them."""
    monkeypatch.setattr(querybinding, "COMMON_VALUE", 3)
    store = ox.Store()
    q, common, rare = ox.NamedNode("http://e/q"), URIRef("http://e/common"), URIRef("http://e/rare")
    for i in range(4):
        store.add(ox.Quad(ox.NamedNode(f"http://e/s{i}"), q, ox.NamedNode(str(common))))
    store.add(ox.Quad(ox.NamedNode(str(common)), q, ox.NamedNode(str(rare))))
    text = P + "SELECT ?s ?p WHERE { ?s :q ?p }"
    plan = queries.prepare(_named(text))
    assert querybinding.common_value(store, common) and not querybinding.common_value(store, rare)
    for term, blocked in ((common, False), (rare, True)):
        rewritten, substitutions = querybinding.oxigraph_binding(store, plan, text, {"p": term})
        assert (rewritten != text) == blocked
        assert substitutions == {ox.Variable("p"): ox.NamedNode(str(term))}  # substituted either way
    assert not querybinding.common_value(store, Literal("http://e/common"))  # a literal is not the IRI
