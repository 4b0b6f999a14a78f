"""Time every competency query in Oxigraph on a synthetic corpus (or on any RDF file).

    python benchmarks/bench_queries.py --claims 1000                  # synthesise + compile, then time
    python benchmarks/bench_queries.py --claims 10000 --keep /tmp/c10k.nq       # ... and keep the corpus
    python benchmarks/bench_queries.py --nquads /tmp/c10k.nq           # an already compiled corpus
    python benchmarks/bench_queries.py --nquads /tmp/c100k.nq --store /tmp/c100k.store   # load once, on disk
    python benchmarks/bench_queries.py --turtle build/alkkg-inferred.ttl --runs 9
    python benchmarks/bench_queries.py --claims 1000 --queries drug-outcomes describe-entity --no-bound
    python benchmarks/bench_queries.py --nquads /tmp/c10k.nq --queries drugs-inhibiting-target \
        --param target=alkkge:ALK-protein --bind alkkg substitutions values     # one value, three ways

The corpus is the one ``benchmarks/bench_corpus.py`` builds: ``alkkg synth`` writes N claims, every
document is compiled and its nanopublications are appended to one N-Quads file (``--keep FILE``
keeps that file, so that the next run can pass it to ``--nquads``). As in ``bench_corpus.py``, the
queries run on the union of all the graphs, loaded as triples into one default graph of a
pyoxigraph store: in memory (as ``bench_corpus.py`` does), or on disk with ``--store DIR`` (a store
that already holds triples is reused as it is, so a 100,000-claim corpus is parsed only once; add
``--memory`` to copy it into memory and time the queries there: on-disk lookups cost several times
more).

Each query runs ``--runs`` times as written (every parameter unbound: the whole answer, rows read to
the end as the CLI does) and the table gives the number of rows and the median wall-clock
milliseconds. Then, unless ``--no-bound``, each parameter in turn is bound to its value in the first
row of that answer (or, with ``--param name=value``, to that value: a CURIE, ``<iri>`` or literal as
``alkkg query --param`` takes them; only the parameters given are then timed), and timed the same
way: one more table row, ``name [param=value]``. The parameter is bound as ``alkkg query --param``
binds it (``--bind alkkg``, the default; ``alkkg.queries.oxigraph_binding``): an Oxigraph
substitution plus a ``VALUES`` block opening the WHERE group (which Oxigraph plans from) where one
means the same and the value is not common in the data, else the substitution alone, and the row
then says ``(substitutions)``. ``--bind`` takes several ways, one row each, labelled: ``alkkg``,
``substitutions`` (only: as alkkg bound every parameter before) and ``values`` (the VALUES block
alone, wherever ``bind_with_values`` can add one). Only the query runs are timed, not the rewriting
(about 2 ms of Python per query). A query whose first run takes longer than
``--budget`` seconds is not repeated; one that is still running after ``--timeout`` seconds is
stopped (each query runs in a forked child process) and shown as ``> timeout``. The last lines list
the timings over 100 ms (the target of issue 12).

A synthetic corpus holds no reasoner output, so the queries marked ``# requires: inference`` may
answer less there than on build/alkkg-inferred.ttl, and the few that name entities of the paper
(alkkge:ALK-gene, alkkge:crizotinib-resistant-tumor) answer nothing; they are timed all the same.
Milliseconds on this machine only; not a timed test.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
#: the target of issue 12: every competency query under 100 ms
TARGET_SECONDS = 0.1

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    import pyoxigraph as ox

    from alkkg.queries import NamedQuery


def compile_corpus(n_claims: int, nquads: Path, seed: int = 0) -> None:
    """Synthesise *n_claims* claims and write the ontology and every nanopublication to *nquads*."""
    from alkkg import rdfio
    from alkkg.claims import compile_document
    from alkkg.curation import load_curation
    from alkkg.ontology import load_ontology
    from alkkg.pinning import check_pin
    from alkkg.pipeline import Project
    from alkkg.release import load_release
    from alkkg.source import read_source
    from alkkg.synth import synthesise

    release = load_release("2026-11-28")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        synthesise(n_claims, corpus, seed=seed, project=Project(ROOT))
        project = Project(corpus)
        ontology = load_ontology(project.ontology, release)
        with nquads.open("w", encoding="utf-8") as sink:
            sink.write(rdfio.ntriples(ontology))
            for folder in project.documents():
                curation = load_curation(folder)
                text = read_source(curation.document.text_path)
                check_pin(curation, text)
                compiled = compile_document(curation, text, ontology, release.release_date)
                sink.write(rdfio.nquads(compiled.nanopubs))


def open_store(rdf_file: Path | None, store_dir: Path | None, memory: bool = False) -> ox.Store:
    """A store whose default graph holds every triple of *rdf_file* (N-Quads, N-Triples, Turtle, TriG).

    With *store_dir*, an on-disk store, loaded only when empty; *memory* then copies it into memory.
    """
    import pyoxigraph as ox

    store = ox.Store(path=str(store_dir)) if store_dir else ox.Store()
    if len(store) == 0:
        if rdf_file is None:
            raise SystemExit(f"{store_dir} holds no triples: give the corpus file too")
        # graph names dropped: the union of the graphs as one default graph (duplicates merge)
        quads = ox.parse(path=str(rdf_file))
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
        if store_dir:
            store.flush()
    if store_dir and memory:
        in_memory = ox.Store()
        in_memory.bulk_extend(iter(store))
        return in_memory
    return store


def time_query(store: ox.Store, text: str, runs: int, budget: float,
               substitutions: dict[Any, Any] | None = None) -> tuple[int, float, int, Any]:
    """(rows, median seconds, runs made, first solution) of the query *text* on *store*."""
    times, rows, first = [], 0, None
    for _ in range(runs):
        started = time.perf_counter()
        rows, first = 0, None
        for solution in store.query(text, substitutions=substitutions):
            if first is None:
                first = solution
            rows += 1
        times.append(time.perf_counter() - started)
        if times[0] > budget:
            break
    return rows, statistics.median(times), len(times), first


def measure(store: ox.Store, query: NamedQuery, runs: int, budget: float, bound: bool,
            params: dict[str, Any] | None = None, ways: tuple[str, ...] = ("alkkg",)
            ) -> Iterator[tuple[str, int, float, int]]:
    """(label, rows, median seconds, runs) of the unbound query, then of each parameter bound: to
    its value in *params* (pyoxigraph terms; then only those), else to its value in the first row;
    once for each of *ways*: "alkkg" (substitution, plus VALUES where alkkg adds it), "substitutions"
    (only), "values" (the VALUES block only; no row where bind_with_values adds none)."""
    import pyoxigraph as ox

    from alkkg.querybinding import bind_with_values, oxigraph_binding
    from alkkg.queries import from_oxigraph, prepare

    rows, seconds, made, first = time_query(store, query.text, runs, budget)
    yield query.name, rows, seconds, made
    plan = prepare(query) if bound and query.params and ways != ("substitutions",) else None
    for param in query.params if bound else ():
        if params is not None:
            value = params.get(param)
        else:
            value = first[param] if first is not None else None
        if value is None:
            continue
        label = f"{query.name} [{param}={_short(value)}]"
        term = from_oxigraph(value)
        runs_by_way = {  # way: (text, substitutions), or None where there is no plan
            "substitutions": (query.text, {ox.Variable(param): value}),
            "alkkg": oxigraph_binding(store, plan, query.text, {param: term}) if plan else None,
            "values": (bind_with_values(plan, query.text, {param: term})[0], None) if plan else None,
        }
        for way in ways:
            timed = runs_by_way[way]
            if timed is None or (way == "values" and timed[0] == query.text):
                continue
            suffix = f" ({way})" if len(ways) > 1 else ""
            if way == "alkkg" and timed[0] == query.text:  # substituted only
                suffix = " (alkkg: substitutions)" if len(ways) > 1 else " (substitutions)"
            rows, seconds, made, _ = time_query(store, timed[0], runs, budget, timed[1])
            yield label + suffix, rows, seconds, made


def parse_params(given: list[str]) -> dict[str, Any]:
    """``--param name=value`` as pyoxigraph terms (values read as ``alkkg query --param`` reads them)."""
    import pyoxigraph as ox
    from rdflib import URIRef

    from alkkg.queries import parse_term

    params: dict[str, Any] = {}
    for item in given:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise SystemExit(f"--param {item!r}: give name=value")
        try:
            term = parse_term(value)
        except ValueError as exc:
            raise SystemExit(f"--param {name}: {exc}") from None
        params[name.lstrip("?$")] = ox.NamedNode(str(term)) if isinstance(term, URIRef) else ox.Literal(str(term))
    return params


def _short(term: Any) -> str:
    from alkkg.prefixes import compress

    return compress(term.value) if hasattr(term, "value") and str(term).startswith("<") else str(term)


def _child(connection: Connection, store: ox.Store, query: NamedQuery, runs: int, budget: float,
           bound: bool, params: dict[str, Any] | None, ways: tuple[str, ...]) -> None:
    for row in measure(store, query, runs, budget, bound, params, ways):
        connection.send(row)
    connection.send(None)


def main() -> None:
    from alkkg.queries import list_queries

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--claims", type=int, help="synthesise and compile a corpus of N claims")
    source.add_argument("--nquads", type=Path, help="an already compiled corpus (N-Quads)")
    source.add_argument("--turtle", type=Path, help="any other RDF file, e.g. build/alkkg.ttl")
    parser.add_argument("--keep", type=Path, help="with --claims: keep the compiled N-Quads file here")
    parser.add_argument("--store", type=Path, help="on-disk store directory (reused when it holds triples)")
    parser.add_argument("--memory", action="store_true",
                        help="with --store: copy the store into memory and time the queries there")
    parser.add_argument("--runs", type=int, default=5, help="runs per query (median reported; default 5)")
    parser.add_argument("--budget", type=float, default=10.0,
                        help="seconds: a query whose first run is slower is not repeated (default 10)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds: stop a query (and its bound runs) after this long (default 120)")
    parser.add_argument("--no-bound", dest="bound", action="store_false", help="time the unbound queries only")
    parser.add_argument("--param", action="append", metavar="NAME=VALUE",
                        help="bind this parameter to this value (repeatable); only the parameters given are timed")
    parser.add_argument("--bind", nargs="+", choices=("alkkg", "substitutions", "values"), default=["alkkg"],
                        help="how to bind a parameter, one row each: as alkkg query does (the default), with "
                             "substitutions only, with the VALUES block only")
    parser.add_argument("--queries", nargs="*", help="only these query names")
    parser.add_argument("--folder", type=Path, default=ROOT / "queries" / "competency")
    args = parser.parse_args()
    if not (args.claims or args.nquads or args.turtle or args.store):
        parser.error("give --claims N, --nquads FILE, --turtle FILE or an already loaded --store DIR")
    params = parse_params(args.param) if args.param else None

    with tempfile.TemporaryDirectory() as tmp:
        if args.claims:
            rdf_file = args.keep or Path(tmp) / "corpus.nq"
            started = time.perf_counter()
            compile_corpus(args.claims, rdf_file)
            print(f"compiled {args.claims:,} claims in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        else:
            rdf_file = args.nquads or args.turtle
        started = time.perf_counter()
        store = open_store(rdf_file, args.store, args.memory)
        print(f"{len(store):,} triples loaded in {time.perf_counter() - started:.1f} s", file=sys.stderr)

        queries = [q for q in list_queries(args.folder) if not args.queries or q.name in args.queries]
        width = max([len(q.name) for q in queries] + [64])
        print(f"| {'query':<{width}} |    rows | median ms | runs |")
        print(f"| {'-' * width} | ------: | --------: | ---: |", flush=True)
        fork = multiprocessing.get_context("fork")  # the child shares the loaded store
        slow: list[str] = []
        for query in queries:
            receive, send = fork.Pipe(duplex=False)
            child = fork.Process(target=_child, args=(send, store, query, args.runs, args.budget, args.bound,
                                                      params, tuple(dict.fromkeys(args.bind))))
            child.start()
            deadline = time.monotonic() + args.timeout
            while True:
                if not receive.poll(max(0.0, deadline - time.monotonic())):
                    child.kill()
                    print(f"| {query.name + ' (the rest)':<{width}} |         | > {args.timeout:.0f} s |      |")
                    slow.append(f"{query.name} (the rest)")
                    break
                row = receive.recv()
                if row is None:
                    break
                label, rows, seconds, runs = row
                print(f"| {label:<{width}} | {rows:>7} | {seconds * 1000:>9.1f} | {runs:>4} |", flush=True)
                if seconds > TARGET_SECONDS:
                    slow.append(label)
            child.join()
        print(f"\n{len(slow)} timings over {TARGET_SECONDS * 1000:.0f} ms" + "".join(f"\n  {s}" for s in slow))


if __name__ == "__main__":
    main()
