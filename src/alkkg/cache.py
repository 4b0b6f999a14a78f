"""A content-addressed cache for the expensive, deterministic stages of the build (the reasoner).

An entry is keyed by a SHA-256 of everything its stage reads: the stage's name and code version
and the RDFC-1.0 canonical form of its input graph (so blank-node labels, which differ from one
parse to the next, do not matter). Any change to an input gives another key; an entry is never
updated in place. Entries are written to a temporary file and renamed, and each carries a digest
of its own content: a truncated or edited entry is removed and recomputed, never used.

>>> digest_text("abc")[:12]
'ba7816bf8f01'
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph

from .rdfio import nquads, ntriples

#: the folder of the project's cache, beside build/; ignored by git
CACHE_FOLDER = ".alkkg-cache"
_HEADER = "# alkkg cache entry sha256="


def digest_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def graph_digest(graph: Graph) -> str:
    """SHA-256 of the RDFC-1.0 canonical N-Quads of *graph*: equal for isomorphic graphs."""
    return _canonical_digest(ntriples(graph), pyoxigraph.RdfFormat.N_TRIPLES)


def dataset_digest(dataset: Dataset) -> str:
    """SHA-256 of the RDFC-1.0 canonical N-Quads of *dataset* (its named graphs included)."""
    return _canonical_digest(nquads(dataset), pyoxigraph.RdfFormat.N_QUADS)


def _canonical_digest(text: str, rdf_format: pyoxigraph.RdfFormat) -> str:
    canonical = pyoxigraph.Dataset(pyoxigraph.parse(text.encode("utf-8"), format=rdf_format))
    canonical.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    return digest_text("\n".join(sorted(str(quad) for quad in canonical)))


def code_digest(*modules: Path) -> str:
    """SHA-256 of the source of *modules*: a stage's cached results end with a change to its code."""
    return digest_text("".join(digest_text(m.read_text(encoding="utf-8")) for m in sorted(modules)))


class StageCache:
    """Entries under *folder* (None: a cache that never hits and stores nothing)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hit_stages: list[str] = []
        self.misses = 0

    def _path(self, stage: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / stage / f"{key}.txt"

    def get(self, stage: str, key: str) -> str | None:
        """The stored text of (*stage*, *key*), or None; a damaged entry is removed."""
        if self.folder is None:
            return None
        path = self._path(stage, key)
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.misses += 1
            return None
        header, _, body = raw.partition("\n")
        if header != _HEADER + digest_text(body):
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hit_stages.append(stage)
        return body

    def put(self, stage: str, key: str, text: str) -> None:
        """Store *text*; a cache that cannot be written is skipped (the build does not need it)."""
        if self.folder is None:
            return
        path = self._path(stage, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                             prefix=f".{key}-", suffix=".tmp") as handle:
                handle.write(f"{_HEADER}{digest_text(text)}\n{text}")
            os.replace(handle.name, path)
        except OSError:
            return
