"""Benchmark SHACL validation: whole-graph pyshacl against fastshacl (the shapes compiled to SPARQL
over pyoxigraph), on synthetic corpora of increasing size.

    python benchmarks/bench_validation.py                      # 1, 10 and 100 copies of the excerpt
    python benchmarks/bench_validation.py --copies 1 10 100 300 --pyshacl-max 100
    python benchmarks/bench_validation.py --copies --documents 1 10 100 1000 --pyshacl-max 100

Two kinds of corpus, both compiled with the ontology into the flat graph, skolemised (both
validators then name the same nodes) and written as N-Triples:

* ``--copies N``: the corpus of bench_pipeline.py, sentences 2-13 of the excerpt repeated N times
  with their claims in ONE document (every quote and offset stays valid). Its single source text
  grows with N, and the quote check takes a substring of that text for every claim: that check
  grows with the square of N, in both validators;
* ``--documents N``: N disjoint copies of the compiled document (claims, sentences, references,
  authors, text; IRIs renamed per copy) sharing the ontology and its entities, like a literature
  corpus of N papers. Made by renaming IRIs in the N-Triples text, so it reaches millions of triples.

Each validator then loads that file and validates it:

* pyshacl: rdflib parses the file, then alkkg.validation.validate() (pyshacl, as the build calls it);
* fastshacl: fastshacl.load_ntriples() (Oxigraph's bulk loader, plus the index of typed literals),
  then CompiledShapes.validate() (the shapes are compiled once, timed separately).

For every size both verdicts (conforms) and both result multisets are compared
(fastshacl.compare_results). Wall-clock seconds; compare runs on the same machine only. Sizes
above --pyshacl-max run fastshacl alone. In the table, size "100x" is 100 copies of the excerpt's
sentences, "100d" 100 copies of the document; "speed-up" is pyshacl's total over fastshacl's.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rdflib import Graph  # noqa: E402

from alkkg import fastshacl  # noqa: E402
from alkkg.claims import compile_document  # noqa: E402
from alkkg.curation import load_curation  # noqa: E402
from alkkg.ontology import load_ontology  # noqa: E402
from alkkg.prefixes import new_graph  # noqa: E402
from alkkg.release import load_release  # noqa: E402
from alkkg.source import read_source  # noqa: E402
from alkkg.validation import load_shapes, validate  # noqa: E402
from bench_pipeline import synthetic_corpus  # noqa: E402


def flat_graph(folder: Path) -> tuple[Graph, int]:
    """The skolemised flat graph (ontology + compiled document) of the curation in *folder*."""
    release = load_release("2026-11-28")
    ontology = load_ontology(ROOT / "ontology" / "alkkg.ttl", release)
    curation = load_curation(folder)
    compiled = compile_document(curation, read_source(folder / "source.txt"), ontology, release.release_date)
    flat = new_graph()
    flat += ontology
    flat += compiled.flat
    return flat.skolemize(), len(curation.claims)


def corpus_file(copies: int, folder: Path) -> tuple[Path, int, int]:
    """The flat graph of the one-document synthetic corpus as N-Triples: (file, claims, triples)."""
    synthetic_corpus(copies, folder / "shaw-2014")
    flat, claims = flat_graph(folder / "shaw-2014")
    path = folder / f"corpus-{copies}.nt"
    flat.serialize(path, format="nt", encoding="utf-8")
    return path, claims, len(flat)


# IRIs of one document's own nodes (claims, document, sentences, references, authors, blank nodes):
# renamed per copy; everything else (ontology, entities, vocabularies) is shared.
_OWN = re.compile(rb"<(https://w3id\.org/alkkg/(?:claim|doc|np)/|https://rdflib\.github\.io/\.well-known/genid/)")


def documents_file(documents: int, folder: Path) -> tuple[Path, int, int]:
    """*documents* disjoint copies of the compiled document as N-Triples: (file, claims, triples)."""
    flat, claims = flat_graph(ROOT / "assertions" / "shaw-2014")
    lines = flat.serialize(format="nt", encoding="utf-8").splitlines()
    own = [line for line in lines if _OWN.search(line)]
    shared = [line for line in lines if line.strip() and not _OWN.search(line)]
    path = folder / f"documents-{documents}.nt"
    with path.open("wb") as out:
        out.write(b"\n".join(shared) + b"\n")
        for k in range(documents):
            tag = f"d{k}-".encode()
            out.write(b"\n".join(_OWN.sub(lambda m, t=tag: b"<" + m.group(1) + t, line) for line in own) + b"\n")
    return path, claims * documents, len(shared) + len(own) * documents


def run(size: int, documents: bool, compiled: fastshacl.CompiledShapes, shapes: Graph,
        with_pyshacl: bool) -> dict[str, object]:
    row: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        make = documents_file if documents else corpus_file
        path, row["claims"], row["triples"] = make(size, Path(tmp))
        data = path.read_bytes()
        gc.collect()
        started = time.perf_counter()
        store = fastshacl.load_ntriples(data)
        row["fast load"] = time.perf_counter() - started
        started = time.perf_counter()
        fast = compiled.validate(store)
        row["fast validate"] = time.perf_counter() - started
        row["fast results"] = len(fast)
        row["fast conforms"] = compiled.conforms(fast)
        del store
        if with_pyshacl:
            gc.collect()
            started = time.perf_counter()
            graph = Graph().parse(path, format="nt")
            row["pyshacl load"] = time.perf_counter() - started
            started = time.perf_counter()
            report = validate(graph, shapes)
            row["pyshacl validate"] = time.perf_counter() - started
            row["pyshacl conforms"] = report.conforms(allow_warnings=True)
            comparison = fastshacl.compare_results(compiled, fast, report.graph)
            row["same results"] = comparison.same_multiset
            if not comparison.same_multiset:
                print(comparison.explain(), file=sys.stderr)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 10, 100],
                        help="one-document corpora: copies of the excerpt's sentences")
    parser.add_argument("--documents", type=int, nargs="*", default=[], help="corpora of N copies of the document")
    parser.add_argument("--pyshacl-max", type=int, default=100, help="run pyshacl only up to this many copies")
    args = parser.parse_args()
    shapes = load_shapes(ROOT / "shapes")
    started = time.perf_counter()
    compiled = fastshacl.compile_shapes(shapes)
    print(f"fastshacl: {len(compiled)} queries compiled in {time.perf_counter() - started:.2f} s (once)\n")
    header = ("    size  claims   triples | pyshacl load  validate    total | fastshacl load  validate   total | "
              "speed-up | conforms (py/fast)  same results")
    print(header)
    print("-" * len(header))
    for size, documents in [*((n, False) for n in args.copies), *((n, True) for n in args.documents)]:
        r = run(size, documents, compiled, shapes, size <= args.pyshacl_max)
        fast_total = float(r["fast load"]) + float(r["fast validate"])  # type: ignore[arg-type]
        if "pyshacl load" in r:
            py_total = float(r["pyshacl load"]) + float(r["pyshacl validate"])  # type: ignore[arg-type]
            py = f"{r['pyshacl load']:12.2f} {r['pyshacl validate']:9.2f} {py_total:8.2f}"
            ratio = f"{py_total / fast_total:7.1f}x"
            verdict = f"{r['pyshacl conforms']!s:>8}/{r['fast conforms']!s:<8}  {r['same results']!s:>14}"
        else:
            py, ratio = f"{'-':>12} {'-':>9} {'-':>8}", f"{'-':>8}"
            verdict = f"{'-':>8}/{r['fast conforms']!s:<8}  {'-':>14}"
        label = f"{size}{'d' if documents else 'x'}"
        print(f"{label:>8} {r['claims']:7d} {r['triples']:9d} | {py} | {r['fast load']:14.2f} "
              f"{r['fast validate']:9.2f} {fast_total:7.2f} | {ratio} | {verdict}", flush=True)


if __name__ == "__main__":
    main()
