"""Benchmark the corpus path on synthetic corpora of N claims, beside the baselines.

    python benchmarks/bench_corpus.py                        # N = 1,000, 10,000 and 100,000
    python benchmarks/bench_corpus.py --sizes 1000 --pyshacl-max 1000

For each N, in a fresh child process (so that its peak memory is its own): ``alkkg synth`` writes
the corpus; every document is loaded, pin-checked, compiled and coverage-checked one at a time, and
its nanopublications are appended to one N-Quads file (streamed: no graph of the whole corpus is
held by rdflib); Oxigraph bulk-loads that file (the baseline: the fastest store's bare load); the
shapes, compiled to SPARQL (alkkg.fastshacl), validate the store; whole-graph pyshacl validates the
same data where N <= --pyshacl-max (the reference, and its verdict must be the same); every
competency query runs on the store. The reasoner and the site are not part of the corpus path
(see benchmarks/README.md). Prints one row per N, the ratios, and the scaling exponent of each
stage between consecutive sizes. Wall-clock seconds on this machine only; not a timed test.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(n_claims: int, pyshacl_max: int) -> dict[str, float | str]:
    """One size, in this process (run by main() in a child)."""
    import pyoxigraph as ox
    from rdflib import Graph

    from alkkg import fastshacl, rdfio
    from alkkg.claims import compile_document
    from alkkg.coverage import compute_coverage
    from alkkg.curation import load_curation
    from alkkg.ontology import load_ontology
    from alkkg.pinning import check_pin
    from alkkg.pipeline import Project
    from alkkg.queries import list_queries
    from alkkg.release import load_release
    from alkkg.source import read_source
    from alkkg.synth import synthesise
    from alkkg.validation import load_shapes, validate

    out: dict[str, float | str] = {"claims": n_claims}
    release = load_release("2026-11-28")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        started = time.perf_counter()
        synthesise(n_claims, corpus, seed=0, project=Project(ROOT))
        out["synth"] = time.perf_counter() - started

        project = Project(corpus)
        started = time.perf_counter()
        ontology = load_ontology(project.ontology, release)
        nquads = Path(tmp) / "corpus.nq"
        with nquads.open("w", encoding="utf-8") as sink:
            sink.write(rdfio.ntriples(ontology))
            for folder in project.documents():
                curation = load_curation(folder)
                text = read_source(curation.document.text_path)
                check_pin(curation, text)
                compiled = compile_document(curation, text, ontology, release.release_date)
                gaps = compute_coverage(compiled).gaps
                assert not gaps, gaps
                sink.write(rdfio.nquads(compiled.nanopubs))
        out["compile+export"] = time.perf_counter() - started

        started = time.perf_counter()
        store = ox.Store()
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        out["oxigraph load"] = time.perf_counter() - started
        out["triples"] = len(store)

        # the shapes read the union of the graphs (as the build validates alkkg.ttl, one graph)
        started = time.perf_counter()
        triples = ox.serialize((q.triple for q in store), format=ox.RdfFormat.N_TRIPLES) or b""
        flat = fastshacl.load_ntriples(triples)  # Oxigraph plus the index of typed literals
        compiled_shapes = fastshacl.compile_shapes(load_shapes(project.shapes))
        results = compiled_shapes.validate(flat)
        out["validate (fastshacl)"] = time.perf_counter() - started
        out["violations"] = sum(1 for r in results if r.severity.endswith("Violation"))

        if n_claims <= pyshacl_max:
            started = time.perf_counter()
            graph = Graph()
            graph.parse(data=triples.decode("utf-8"), format="nt")
            report = validate(graph, load_shapes(project.shapes))
            out["validate (pyshacl)"] = time.perf_counter() - started
            out["same verdict"] = float(bool(report.violations) == bool(out["violations"]))

        slowest, name = 0.0, ""
        for query in list_queries(project.competency):
            started = time.perf_counter()
            answer = flat.query(query.text)
            if isinstance(answer, ox.QuerySolutions):
                list(answer)
            if time.perf_counter() - started > slowest:
                slowest, name = time.perf_counter() - started, query.name
        out["slowest query"] = slowest
        out["slowest query name"] = name
    out["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--pyshacl-max", type=int, default=1000, help="largest N validated by pyshacl too")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.pyshacl_max)))
        return
    rows = []
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--child", str(n), "--pyshacl-max", str(args.pyshacl_max)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"N={n}: failed\n{done.stderr[-3000:]}", file=sys.stderr)
            break
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    stages = ["synth", "compile+export", "oxigraph load", "validate (fastshacl)", "validate (pyshacl)", "slowest query"]
    print("| claims | triples | " + " | ".join(stages) + " | build / load | pyshacl / fastshacl | peak MB |")
    print("|" + " --- |" * (len(stages) + 5))
    for r in rows:
        build = r["compile+export"] + r["validate (fastshacl)"]
        ratio = f"{r['validate (pyshacl)'] / r['validate (fastshacl)']:.1f}x" if "validate (pyshacl)" in r else ""
        cells = [f"{r[s]:.2f}" if s in r else "" for s in stages]
        same = {1.0: " (same verdict)", 0.0: " (VERDICTS DIFFER)"}.get(r.get("same verdict", -1), "")
        print(f"| {int(r['claims']):,} | {int(r['triples']):,} | " + " | ".join(cells)
              + f" | {build / r['oxigraph load']:.0f}x | {ratio}{same} | {r['peak MB']:.0f} |")
        print(f"  (N={int(r['claims']):,}: slowest competency query {r['slowest query name']}; "
              f"{int(r['violations'])} violations)")
    for a, b in zip(rows, rows[1:], strict=False):
        exponents = {s: math.log(b[s] / a[s]) / math.log(b["claims"] / a["claims"])
                     for s in ("compile+export", "oxigraph load", "validate (fastshacl)") if a.get(s) and b.get(s)}
        print(f"scaling {int(a['claims']):,} -> {int(b['claims']):,}: "
              + ", ".join(f"{s} n^{e:.2f}" for s, e in exponents.items()))


if __name__ == "__main__":
    main()
