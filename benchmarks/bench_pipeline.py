"""Benchmark the build stages on the real corpus and on synthetic corpora of N claims.

    python benchmarks/bench_pipeline.py                 # real corpus, every stage incl. HermiT
    python benchmarks/bench_pipeline.py --copies 10 100 # synthetic: the excerpt repeated N times

A synthetic corpus repeats sentences 2-13 of the excerpt (with their claims, ids renumbered) so
that every quote, number and citation marker stays valid: it exercises the same code paths as the
real document at a larger scale. Timings are wall-clock seconds on this machine; compare runs on
the same machine only. Results are recorded in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from alkkg import rdfio  # noqa: E402
from alkkg.claims import compile_document  # noqa: E402
from alkkg.coverage import compute_coverage  # noqa: E402
from alkkg.curation import load_curation  # noqa: E402
from alkkg.ontology import load_ontology  # noqa: E402
from alkkg.pipeline import Project, assemble  # noqa: E402
from alkkg.prefixes import new_graph  # noqa: E402
from alkkg.release import load_release  # noqa: E402
from alkkg.source import read_source, split_sentences  # noqa: E402
from alkkg.validation import load_shapes, validate  # noqa: E402

DOC = ROOT / "assertions" / "shaw-2014"


class _NoAliases(yaml.SafeDumper):
    """Writes shared values out in full: curation files refuse YAML anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def synthetic_corpus(copies: int, folder: Path) -> int:
    """Write a document whose body is the excerpt's sentences 2-13 repeated *copies* times."""
    text = read_source(DOC / "source.txt")
    sentences = split_sentences(text)
    body = sentences[1:]
    data = yaml.safe_load((DOC / "claims.yaml").read_text())
    parts = [text[: sentences[1].start]]
    claims = [c for c in data["claims"] if c["sentence"] == 1]
    for copy in range(copies):
        for sentence in body:
            parts.append(sentence.text + " ")
            number = 1 + copy * len(body) + (sentence.number - 1)
            for claim in data["claims"]:
                if claim["sentence"] != sentence.number:
                    continue
                new = dict(claim)
                new["sentence"] = number
                new["id"] = re.sub(r"^s\d+", f"s{number:02d}", claim["id"])
                if "rests_on" in claim:
                    shift = copy * len(body)
                    new["rests_on"] = [re.sub(r"^s(\d+)", lambda m, k=shift: f"s{int(m.group(1)) + k:02d}", r)
                                       for r in claim["rests_on"]]
                claims.append(new)
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text("".join(parts).rstrip(" "))
    (folder / "document.yaml").write_text((DOC / "document.yaml").read_text())
    data["claims"] = claims
    (folder / "claims.yaml").write_text(yaml.dump(data, Dumper=_NoAliases, sort_keys=False))
    return len(claims)


def timed(label: str, results: dict[str, float]):  # type: ignore[no-untyped-def]
    class _Timer:
        def __enter__(self) -> None:
            self.start = time.perf_counter()

        def __exit__(self, *exc: object) -> None:
            results[label] = time.perf_counter() - self.start

    return _Timer()


def bench_synthetic(copies: int) -> dict[str, float]:
    release = load_release("2026-11-28")
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "shaw-2014"
        results["claims"] = synthetic_corpus(copies, folder)
        ontology = load_ontology(ROOT / "ontology" / "alkkg.ttl", release)
        with timed("load+compile", results):
            curation = load_curation(folder)
            compiled = compile_document(curation, read_source(folder / "source.txt"), ontology,
                                        release.release_date)
        with timed("coverage", results):
            compute_coverage(compiled)
        flat = new_graph()
        flat += ontology
        flat += compiled.flat
        results["triples"] = len(flat)
        with timed("shacl", results):
            report = validate(flat, load_shapes(ROOT / "shapes"))
        results["violations"] = len(report.violations)
        with timed("turtle+trig+nq", results):
            rdfio.turtle(flat)
            rdfio.trig(compiled.nanopubs)
            rdfio.nquads(compiled.nanopubs)
    return results


def bench_real() -> dict[str, float]:
    stamps: list[tuple[str, float]] = []
    assemble(Project(ROOT), load_release("2026-11-28"), lambda m: stamps.append((m, time.perf_counter())))
    stamps.append(("end", time.perf_counter()))
    return {a[0]: b[1] - a[1] for a, b in zip(stamps, stamps[1:], strict=False)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="*", help="synthetic corpus sizes (excerpt copies)")
    args = parser.parse_args()
    if not args.copies:
        for stage, seconds in bench_real().items():
            print(f"{seconds:8.2f} s  {stage}")
        return
    print("copies  claims  triples  load+compile  coverage  shacl  turtle+trig+nq  violations")
    for copies in args.copies:
        r = bench_synthetic(copies)
        print(f"{copies:6d} {int(r['claims']):7d} {int(r['triples']):8d} {r['load+compile']:13.2f} "
              f"{r['coverage']:9.2f} {r['shacl']:6.2f} {r['turtle+trig+nq']:15.2f} {int(r['violations']):11d}", flush=True)


if __name__ == "__main__":
    main()
