"""Benchmark the corpus path on synthetic corpora of N claims, beside the baselines.

    python benchmarks/bench_corpus.py                        # N = 1,000, 10,000 and 100,000
    python benchmarks/bench_corpus.py --sizes 1000 --pyshacl-max 1000

For each N, in a fresh child process (so that its peak memory is its own): ``alkkg synth`` writes
the corpus; ``alkkg corpus`` (alkkg.corpus.build_corpus) compiles and checks the documents in
--jobs worker processes, streams alkkg.nq and the union graph's N-Triples, and validates each
partition of documents in its own in-memory Oxigraph store with the shapes compiled to SPARQL
(alkkg.partitions, alkkg.fastshacl; the whole graph in one store with --whole-graph); the baselines follow on the
same data: Oxigraph's bare bulk load of alkkg.nq (the fastest store just loading our output) and,
where N <= --pyshacl-max, whole-graph pyshacl (the reference verdict, which must be the same).
Every competency query runs on the store. The reasoner and the site are not part of the corpus
path (see benchmarks/README.md). Prints one row per N, the ratios, peak memory (the largest of the
process and its workers during alkkg corpus) and the scaling exponent of each stage between consecutive sizes.
Wall-clock seconds on this machine only; not a timed test (CI runs the smallest size only).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]


def measure(n_claims: int, pyshacl_max: int, jobs: int, whole_graph: bool) -> dict[str, float | str]:
    """One size, in this process (run by main() in a child)."""
    import pyoxigraph as ox

    from alkkg.corpus import NQUADS, build_corpus
    from alkkg.pipeline import Project
    from alkkg.queries import list_queries
    from alkkg.synth import synthesise
    from alkkg.validation import load_shapes, validate

    out: dict[str, float | str] = {"claims": n_claims}
    with tempfile.TemporaryDirectory() as tmp:
        corpus, build = Path(tmp) / "corpus", Path(tmp) / "build"
        started = time.perf_counter()
        synthesise(n_claims, corpus, seed=0, project=Project(ROOT))
        out["synth"] = time.perf_counter() - started

        started = time.perf_counter()
        summary = build_corpus(corpus, build, release_date="2026-11-28", jobs=jobs, whole_graph=whole_graph)
        out["corpus"] = time.perf_counter() - started
        out["compile+export"] = summary.seconds["compile+export"]
        out["partitions"] = summary.partitions  # 0: the whole graph in one store (loaded in "store load")
        out["store load"] = summary.seconds.get("load", 0.0)
        out["validate (fastshacl)"] = summary.seconds["validate"]
        out["violations"] = summary.violations
        out["quads"] = summary.quads
        # the corpus path's own peak (the parent and its largest worker), before the baselines load
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        out["peak MB"] = max(own, workers)

        started = time.perf_counter()  # the baseline: the fastest store's bare load of our output
        store = ox.Store()
        store.bulk_load(path=str(build / NQUADS), format=ox.RdfFormat.N_QUADS)
        out["oxigraph load"] = time.perf_counter() - started

        # the competency queries as a user runs them on alkkg.nq: the union of the graphs as default graph
        slowest, name = 0.0, ""
        for query in list_queries(corpus / "queries" / "competency"):
            started = time.perf_counter()
            answer = store.query(query.text, use_default_graph_as_union=True)
            if isinstance(answer, ox.QuerySolutions):
                list(answer)
            if time.perf_counter() - started > slowest:
                slowest, name = time.perf_counter() - started, query.name
        out["slowest query"] = slowest
        out["slowest query name"] = name
        del store

        if n_claims <= pyshacl_max:  # the reference: whole-graph pyshacl on the graph alkkg corpus validated
            graph = flat_graph(corpus)
            started = time.perf_counter()
            report = validate(graph, load_shapes(corpus / "shapes"))
            out["validate (pyshacl)"] = time.perf_counter() - started
            out["same verdict"] = float(bool(report.violations) == bool(out["violations"]))
    return out


def flat_graph(root: Path) -> Graph:
    """The ontology and every document's claims in one rdflib graph, as alkkg build validates them."""
    from alkkg.claims import Vocabulary
    from alkkg.ontology import load_ontology
    from alkkg.pipeline import Project, compile_folder
    from alkkg.release import load_release

    project, release = Project(root), load_release("2026-11-28")
    ontology = load_ontology(project.ontology, release)
    vocabulary, graph = Vocabulary(ontology), Graph()
    graph += ontology
    for folder in project.documents():
        compiled, _ = compile_folder(folder, vocabulary, release.release_date)
        for part in (compiled.document_triples, *compiled.claim_triples.values()):
            for triple in part:
                graph.add(triple)
    return graph


def machine() -> str:
    """CPU model, cores and memory of this machine, for the results table."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown CPU") if Path("/proc/cpuinfo").exists() else "unknown CPU"
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GB, Python {sys.version.split()[0]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--pyshacl-max", type=int, default=10000, help="largest N validated by pyshacl too")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes of alkkg corpus")
    parser.add_argument("--whole-graph", action="store_true", help="alkkg corpus --whole-graph (one store)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.pyshacl_max, args.jobs, args.whole_graph)))
        return
    print(f"machine: {machine()}; jobs {args.jobs}; validation {'whole graph' if args.whole_graph else 'per partition'}")
    rows = []
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--child", str(n), "--pyshacl-max", str(args.pyshacl_max),
                               "--jobs", str(args.jobs), *(["--whole-graph"] if args.whole_graph else [])],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"N={n}: failed\n{done.stderr[-3000:]}", file=sys.stderr)
            sys.exit(1)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    stages = ["synth", "compile+export", "partitions", "store load", "validate (fastshacl)", "corpus", "oxigraph load",
              "validate (pyshacl)", "slowest query"]
    print("| claims | quads | " + " | ".join(stages) + " | corpus / load | pyshacl / fastshacl | peak MB |")
    print("|" + " --- |" * (len(stages) + 5))
    for r in rows:
        ratio = f"{r['validate (pyshacl)'] / r['validate (fastshacl)']:.1f}x" if "validate (pyshacl)" in r else ""
        cells = [(f"{int(r[s])}" if s == "partitions" else f"{r[s]:.2f}") if s in r else "" for s in stages]
        same = {1.0: " (same verdict)", 0.0: " (VERDICTS DIFFER)"}.get(r.get("same verdict", -1), "")
        print(f"| {int(r['claims']):,} | {int(r['quads']):,} | " + " | ".join(cells)
              + f" | {r['corpus'] / r['oxigraph load']:.0f}x | {ratio}{same} | {r['peak MB']:.0f} |")
        print(f"  (N={int(r['claims']):,}: slowest competency query {r['slowest query name']}; "
              f"{int(r['violations'])} violations)")
    for a, b in zip(rows, rows[1:], strict=False):
        exponents = {s: math.log(b[s] / a[s]) / math.log(b["claims"] / a["claims"])
                     for s in ("corpus", "compile+export", "validate (fastshacl)", "oxigraph load")
                     if a.get(s) and b.get(s)}
        print(f"scaling {int(a['claims']):,} -> {int(b['claims']):,}: "
              + ", ".join(f"{s} n^{e:.2f}" for s, e in exponents.items()))
    wrong = [r for r in rows if r["violations"] or r.get("same verdict") == 0.0]
    if wrong:  # a synthetic corpus is valid by construction, and both validators must say so
        print(f"FAILED: violations or differing verdicts at N = {[int(r['claims']) for r in wrong]}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
