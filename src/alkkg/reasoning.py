"""Reasoning with HermiT (through owlready2): consistency, unsatisfiable classes, inferences.

owlready2 is only handed N-Triples written by rdflib (it cannot read Turtle) and each run uses a
fresh ``World`` so that nothing leaks between runs.

What the result materialises (``ReasoningResult.inferred``, none of it already asserted):

* HermiT's classification as owlready2 reports it: the most specific inferred types of each named
  individual and the direct inferred subclass links between named classes;
* the closure of both over the class hierarchy (:func:`materialise_closure`): every named
  individual gets ``rdf:type`` for every named superclass of each of its asserted or inferred
  types, and every named class gets ``rdfs:subClassOf`` for every named superclass
  (transitively). So ``?x a alkkg:ResistanceMechanism`` and ``?c rdfs:subClassOf ?super`` need
  no property path on ``alkkg-inferred.ttl``. Materialising the subclass closure is deliberate:
  the type closure already depends on it, it is small (classes x depth), and it makes the two
  kinds of triple answer the same way.

Only ``rdf:type`` and ``rdfs:subClassOf`` triples between IRIs are ever added; ``owl:Thing``,
``owl:NamedIndividual``, ``owl:Nothing``, blank nodes (restrictions) and reflexive links are left
out. Named class equivalences (asserted, or inferred by HermiT) count as subclass links both ways
for the closure but are not themselves added.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.term import Node

from .cache import StageCache, code_digest, digest_text, graph_digest
from .errors import InputError, ReasoningError
from .prefixes import compress, new_graph
from .rdfio import ntriples

_TRIVIAL = {OWL.Thing, OWL.NamedIndividual, OWL.Nothing}


@dataclass(frozen=True)
class ReasoningResult:
    """What reasoning adds to the asserted graph: class memberships of named individuals and
    subclass links between named classes, closed over the class hierarchy (module docstring)."""

    inferred: Graph

    @property
    def count(self) -> int:
        return len(self.inferred)


def _require_java() -> None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise InputError("java not found: the HermiT reasoner needs a Java runtime; install one "
                         "(Debian: apt-get install -y default-jre-headless)")


def _run_hermit(graph: Graph) -> tuple[bool, list[str], Graph]:
    """(consistent, unsatisfiable class IRIs, inferred triples) for *graph*."""
    import owlready2

    _require_java()
    logging.getLogger("owlready2").setLevel(logging.ERROR)
    # pid-named, so that the next build removes it if this process is killed (alkkg.outdir)
    with tempfile.TemporaryDirectory(prefix=f"alkkg-reason-{os.getpid()}-") as tmp:
        path = Path(tmp) / "input.nt"
        path.write_text(ntriples(graph), encoding="utf-8")
        world = owlready2.World()
        ontology = world.get_ontology(path.as_uri()).load(format="ntriples")
        try:
            with ontology:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, [], new_graph()
        except owlready2.OwlReadyJavaError as exc:  # pragma: no cover - depends on the JVM
            raise ReasoningError(f"HermiT could not run: {str(exc).strip().splitlines()[-1]}") from None
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes()
                               if getattr(c, "iri", None) and c.iri != str(OWL.Nothing))
        known = set(graph.subjects())
        derived = []
        for s, p, o in world.as_rdflib_graph().triples((None, None, None)):
            if p not in (RDF.type, RDFS.subClassOf, OWL.equivalentClass):
                continue
            if isinstance(s, BNode) or isinstance(o, BNode) or o in _TRIVIAL or s == o:
                continue
            if URIRef(s) not in known:  # owlready2's own bookkeeping (e.g. http://anonymous)
                continue
            derived.append((URIRef(s), URIRef(p), URIRef(o)))
        return True, unsatisfiable, materialise_closure(graph, derived)


def materialise_closure(asserted: Graph, derived: Iterable[tuple[URIRef, URIRef, URIRef]]) -> Graph:
    """The triples that *derived* (the reasoner's rdf:type, rdfs:subClassOf and owl:equivalentClass
    links between IRIs) and the class hierarchy add to *asserted*.

    The hierarchy is rdfs:subClassOf between IRIs in *asserted* and *derived*, with owl:equivalentClass
    between IRIs read as subclass links both ways. Each class's named ancestors are computed once; the
    result holds, unless asserted, every derived type and subclass link, ``x rdf:type D`` for each
    typed IRI ``x`` (asserted or derived type ``C``) and ancestor ``D`` of ``C``, and
    ``C rdfs:subClassOf D`` for each class ``C`` and ancestor ``D``. owl:equivalentClass triples
    themselves are not added.
    """
    links = list(derived)
    parents: dict[URIRef, set[URIRef]] = {}

    def link(child: Node, parent: Node) -> None:
        if isinstance(child, URIRef) and isinstance(parent, URIRef) and parent not in _TRIVIAL \
                and child != parent:
            parents.setdefault(child, set()).add(parent)

    for child, parent in asserted.subject_objects(RDFS.subClassOf):
        link(child, parent)
    for first, second in asserted.subject_objects(OWL.equivalentClass):
        link(first, second)
        link(second, first)
    for s, p, o in links:
        if p == RDFS.subClassOf:
            link(s, o)
        elif p == OWL.equivalentClass:
            link(s, o)
            link(o, s)

    ancestors: dict[URIRef, frozenset[URIRef]] = {}

    def ancestors_of(cls: URIRef) -> frozenset[URIRef]:
        if cls not in ancestors:  # a walk that visits each class once, so cycles (equivalences) end
            seen: set[URIRef] = set()
            queue = list(parents.get(cls, set()))
            while queue:
                current = queue.pop()
                if current not in seen:
                    seen.add(current)
                    queue.extend(parents.get(current, set()) - seen)
            seen.discard(cls)
            ancestors[cls] = frozenset(seen)
        return ancestors[cls]

    inferred = new_graph()

    def add(s: URIRef, p: URIRef, o: URIRef) -> None:
        if s != o and o not in _TRIVIAL and (s, p, o) not in asserted:
            inferred.add((s, p, o))

    typings = [(s, o) for s, o in asserted.subject_objects(RDF.type)
               if isinstance(s, URIRef) and isinstance(o, URIRef)]
    typings += [(s, o) for s, p, o in links if p == RDF.type]
    for individual, cls in typings:
        add(individual, RDF.type, cls)
        for ancestor in ancestors_of(cls):
            add(individual, RDF.type, ancestor)
    for cls in list(parents):
        for ancestor in ancestors_of(cls):
            add(cls, RDFS.subClassOf, ancestor)
    return inferred


def _explain(base: Graph, parts: Mapping[str, Graph]) -> list[str]:
    """Smallest prefix search: names a set of parts that together make the graph inconsistent."""
    names = sorted(parts)

    def consistent(chosen: list[str]) -> bool:
        graph = new_graph()
        graph += base
        for name in chosen:
            graph += parts[name]
        return _run_hermit(graph)[0]

    if not consistent([]):
        return []
    culprits: list[str] = []
    remaining = names
    while True:
        low, high = 0, len(remaining)
        # the shortest prefix of `remaining` that, with the culprits so far, is inconsistent
        while low < high:
            middle = (low + high) // 2
            if consistent(culprits + remaining[: middle + 1]):
                low = middle + 1
            else:
                high = middle
        if low >= len(remaining):
            return culprits
        culprits.append(remaining[low])
        if not consistent(culprits):
            return culprits
        remaining = remaining[:low]


def _cache_key(graph: Graph) -> str:
    """What a reasoning result depends on: its input graph, owlready2 (and its HermiT), this code."""
    import owlready2

    return digest_text(f"reasoning\n{owlready2.VERSION}\n{code_digest(Path(__file__))}\n{graph_digest(graph)}")


def reason(base: Graph, parts: Mapping[str, Graph], cache: StageCache | None = None) -> ReasoningResult:
    """Check ontology + claims with HermiT; raise ReasoningError naming what conflicts.

    *base* is the ontology and document description; *parts* maps each claim id to its triples.
    With a *cache*, the result of an input graph reasoned before is read back instead (only
    consistent results are stored).
    """
    _precheck_negations(base, parts)
    graph = new_graph()
    graph += base
    for part in parts.values():
        graph += part
    key = _cache_key(graph) if cache is not None else ""
    stored = cache.get("reasoning", key) if cache is not None else None
    if stored is not None:
        inferred = new_graph()
        inferred.parse(data=stored, format="nt")
        return ReasoningResult(inferred)
    consistent, unsatisfiable, inferred = _run_hermit(graph)
    if not consistent:
        culprits = _explain(base, parts)
        if culprits:
            raise ReasoningError(
                "the ontology and claims are inconsistent; these claims conflict with each other "
                f"or with the ontology axioms: {', '.join(culprits)}. Review their subjects, "
                "objects and types against the ontology's disjointness, domains and ranges.")
        groups = _statement_groups(base)
        involved = _explain(new_graph(), groups)
        named = ", ".join(involved) if involved else "(could not be isolated)"
        raise ReasoningError("the ontology itself is inconsistent (without any claim); the statements "
                             f"about these terms conflict: {named}. Check their types, disjointness, "
                             "domains and ranges in ontology/alkkg.ttl")
    if unsatisfiable:
        raise ReasoningError("unsatisfiable classes (equivalent to owl:Nothing): "
                             + ", ".join(compress(c) for c in unsatisfiable)
                             + "; fix their axioms in ontology/alkkg.ttl")
    if cache is not None:
        cache.put("reasoning", key, ntriples(inferred))
    return ReasoningResult(inferred)


def _statement_groups(graph: Graph) -> dict[str, Graph]:
    """The triples about each named term (with the blank-node trees below them), keyed by CURIE;
    axioms on a blank node of their own (e.g. owl:AllDisjointClasses) form one group each."""
    def closure(node: Node, into: Graph) -> None:
        for s, p, o in graph.triples((node, None, None)):
            if (s, p, o) in into:
                continue
            into.add((s, p, o))
            if isinstance(o, BNode):
                closure(o, into)

    groups: dict[str, Graph] = {}
    for subject in set(graph.subjects()):
        if isinstance(subject, BNode) and (None, None, subject) in graph:
            continue
        group = new_graph()
        closure(subject, group)
        label = compress(str(subject)) if isinstance(subject, URIRef) else _describe_axiom(graph, subject)
        groups[label if label not in groups else f"{label} ({len(groups)})"] = group
    return groups


def _describe_axiom(graph: Graph, node: Node) -> str:
    kind = graph.value(node, RDF.type)
    return f"an anonymous {compress(str(kind))} axiom" if kind is not None else "an anonymous axiom"


def _precheck_negations(base: Graph, parts: Mapping[str, Graph]) -> None:
    """Name the claims when a claim asserts what a negated claim denies (cheap, before HermiT)."""
    positives: dict[tuple, str] = {}
    for name, part in parts.items():
        for triple in part:
            positives.setdefault(triple, name)
    for name, part in sorted(parts.items()):
        for axiom in part.subjects(RDF.type, OWL.NegativePropertyAssertion):
            s = part.value(axiom, OWL.sourceIndividual)
            p = part.value(axiom, OWL.assertionProperty)
            o = part.value(axiom, OWL.targetIndividual)
            if (s, p, o) in base or (s, p, o) in positives:
                other = positives.get((s, p, o), "the ontology")
                raise ReasoningError(
                    f"claim {name} denies '{compress(str(s))} {compress(str(p))} {compress(str(o))}' "
                    f"but {other} asserts it; one of the two curations is wrong: fix or remove one")
