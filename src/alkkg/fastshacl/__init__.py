"""Set-based SHACL validation: our shapes compiled to SPARQL queries run over a pyoxigraph store.

Whole-graph pyshacl walks every focus node in Python; on a literature-sized corpus (100,000 claims,
~4 M triples) that takes far too long. This package compiles the shapes graph once into SPARQL
queries - ONE query per constraint (per parameter value, per shape and per parent shape), each over
ALL focus nodes of its shape - and runs them in Oxigraph. The results are those of
``pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)``
(the call of :func:`alkkg.validation.validate`), including pyshacl's own choices where it departs
from the W3C text; tests/test_fastshacl.py checks the equality on every fixture of the shapes
tests, on the built graph and on every mutant of the mutation test.

Use::

    compiled = compile_shapes(load_shapes(Path("shapes")))   # raises UnsupportedShapesError
    store = load_graph(data)                                  # or load_ntriples(bytes)
    results = compiled.validate(store)                        # list[Result]

**The supported SHACL subset** (anything else in the shapes graph raises
:class:`UnsupportedShapesError` at compile time; nothing is skipped silently):

* shapes: node and property shapes (declared, or implied as pyshacl implies them), sh:severity,
  sh:message, sh:deactivated, sh:property (also nested in the members of logical constraints);
* targets: sh:targetClass (instances of the class or of any rdfs:subClassOf* subclass, in the data
  graph), implicit class targets, sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf, and
  SHACL-AF sh:SPARQLTarget (sh:target with sh:select and sh:prefixes);
* paths: IRIs, sh:inversePath, sh:alternativePath, sequence paths, sh:oneOrMorePath, and
  sh:zeroOrMorePath / sh:zeroOrOnePath inside a path that cannot have length zero;
* value type: sh:class, sh:datatype, sh:nodeKind; cardinality: sh:minCount, sh:maxCount; value
  range: sh:minInclusive, sh:maxInclusive, sh:minExclusive, sh:maxExclusive; string: sh:minLength,
  sh:maxLength, sh:pattern (without sh:flags), sh:languageIn; property pair: sh:lessThan,
  sh:lessThanOrEquals, sh:disjoint, sh:equals; logical and shape-based: sh:or, sh:and, sh:not,
  sh:xone, sh:node, sh:qualifiedValueShape with sh:qualifiedMinCount / sh:qualifiedMaxCount (not
  sh:qualifiedValueShapesDisjoint); other: sh:in, sh:hasValue, sh:closed with sh:ignoredProperties;
* SHACL-SPARQL: sh:sparql constraints with sh:select, sh:prefixes (sh:declare), sh:message
  templates ``{?var}`` / ``{$var}``, pre-bound ``$this`` (and ``$PATH`` on a property shape).

**How pyshacl's per-node pre-binding becomes a set-based join.** A SPARQL constraint is run once:
the focus nodes of its shape are joined in as the first element of the query's outer group
(``{ SELECT DISTINCT ?this WHERE { <targets> } }``), so every FILTER, BIND and EXISTS of that group
sees ``?this`` as pyshacl's pre-binding does. A query in which ``$this`` is used where the join
cannot reach it (a FILTER or BIND in an inner group that does not bind it, a sub-select that does
not project it), and aggregates, LIMIT/OFFSET, VALUES, MINUS, SERVICE and GRAPH, are refused at
compile time. pyshacl's removal of duplicate solutions and its filling of message templates
(``re.sub`` per bound variable, ``$this``/``?path``/``?value`` last) are reproduced.

**Literals in Oxigraph.** Oxigraph stores typed literals in their value space: ``"5"^^
xsd:nonNegativeInteger`` comes back as ``"5"^^xsd:integer`` and ``"1.50"^^xsd:decimal`` as
``"1.5"^^xsd:decimal``. pyshacl sees the literal as written (as rdflib parsed it). The loaders of
this package (:func:`load_graph`, :func:`load_ntriples`) therefore also write every typed literal
(other than xsd:string) to a side graph, with its original lexical form and datatype, and the
queries recover the original literal wherever it matters: sh:datatype (whose well-formedness test
is that of rdflib, as in pyshacl: lexical forms outside a known-safe pattern are checked by rdflib
itself, in Python), the string of sh:pattern / sh:minLength / sh:maxLength, and the sh:value of a
result. :meth:`CompiledShapes.validate` refuses a store that was not loaded this way.

**Oxigraph's evaluation.** The queries walk from the focus nodes with ``LATERAL`` (Oxigraph would
otherwise scan a pattern such as ``?this ?p ?o`` whole and hash-join it). Two equivalent rewrites of
the users' SPARQL (constraints and targets) avoid what Oxigraph evaluates again for every solution,
which made queries grow with the square of the data: a sequence path with a zero-or-more step,
``A/B*``, becomes ``(A|A/B+)`` (inside an EXISTS Oxigraph evaluates ``B*`` from every node of the
graph: the range check took 70 s on the mutation-test graph, 0.02 s rewritten), and an EXISTS over
a join of plain triple patterns becomes an OPTIONAL over its precomputed answers
(:func:`.sparqltext._rewrite_exists`; the assertion check took 54 s on 300 documents, 0.1 s rewritten).

**Differences from pyshacl.** One shows in our tests, and it is rdflib's: rdflib orders two
literals of unrelated datatypes (or a literal it cannot read) by their datatype IRIs
(``"550"^^xsd:string > 555`` is true), where SPARQL 1.1 - and Oxigraph - have a type error. Inside
SHACL-SPARQL that gives pyshacl results fastshacl does not give (5 results on 4 of the mutation
test's mutants, an offset turned into a string; the sh:datatype check reports those mutants in
both); in sh:minInclusive & co. and sh:lessThan it can make pyshacl accept what fastshacl reports.
Others are possible in principle but do not occur in our data, fixtures or mutants: literals that
rdflib keeps apart but Oxigraph merges (``"1.0"`` and ``"1.00"`` as xsd:decimal values of one
property) count once for sh:minCount / sh:maxCount; values computed by SPARQL constraints come back
in Oxigraph's canonical lexical form; regular expressions run in Rust's regex engine (Python's ``$``
and ``\\s`` are translated; a construct Rust lacks is refused at compile time). A node that is not in
the data can be a focus node (sh:targetNode) and a zero-length path would make it its own value in
pyshacl but not in SPARQL: such paths are refused. Typed literals in sh:in and sh:hasValue are
refused (Oxigraph compares them by value).

**Modules** (each imports only those above it): ``terms`` (namespaces, errors, :class:`Result`,
the loaders and the literal index), ``shapesgraph`` (the shapes as pyshacl finds them), ``paths``
(SPARQL text of terms and paths), ``values`` (literals as pyshacl sees them), ``expressions``
(violation and conformance tests of one value node), ``sparqltext`` (the users' SPARQL: tokenizer,
rewrites, checks), ``compiled`` (:class:`CompiledShapes`: running the queries, rows to results),
``compiler`` (:func:`compile_shapes`), ``compare`` (fastshacl's results against pyshacl's report).
"""

from .compare import Comparison, compare_results, path_text, report_results, result_key, term_key
from .compiled import CompiledShapes
from .compiler import compile_shapes
from .terms import (
    LITERAL_GRAPH,
    FastShaclError,
    Result,
    UnsupportedShapesError,
    literal_index,
    load_graph,
    load_ntriples,
    load_ntriples_files,
)

__all__ = [
    "LITERAL_GRAPH", "CompiledShapes", "Comparison", "FastShaclError", "Result", "UnsupportedShapesError",
    "compare_results", "compile_shapes", "literal_index", "load_graph", "load_ntriples", "load_ntriples_files",
    "path_text", "report_results", "result_key", "term_key",
]
