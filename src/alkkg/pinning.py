"""Pin each document's source text: the curation is only valid for the exact bytes it was made on.

``document.yaml`` records the SHA-256 of the text and a short digest of each sentence. The build
refuses a text with another hash, naming the sentences that changed and the claims to re-check;
``alkkg pin`` records the hashes once a curator has checked the claims against the new text.

>>> pin = fingerprint("ALK is a kinase. It binds ATP.")
>>> pin.text_sha256[:12], len(pin.sentence_sha256)
('c67c35964457', 2)
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .curation import Curation, Document
from .errors import CurationError, SourceChangedError
from .source import read_source, split_sentences

DIGEST_CHARS = 12


@dataclass(frozen=True)
class Pin:
    """The hash of a whole text and a short digest of each of its sentences."""

    text_sha256: str
    sentence_sha256: tuple[str, ...]


def fingerprint(text: str) -> Pin:
    """The pin of *text*."""
    whole = hashlib.sha256(text.encode("utf-8")).hexdigest()
    digests = tuple(hashlib.sha256(s.text.encode("utf-8")).hexdigest()[:DIGEST_CHARS]
                    for s in split_sentences(text))
    return Pin(whole, digests)


def changed_sentences(pinned: tuple[str, ...], current: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """(pinned sentence numbers that changed or went, current sentence numbers that are new or changed).

    >>> changed_sentences(("a", "b", "c"), ("a", "x", "c", "d"))
    ([2], [2, 4])
    """
    old: list[int] = []
    new: list[int] = []
    matcher = difflib.SequenceMatcher(a=pinned, b=current, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            old.extend(range(a0 + 1, a1 + 1))
            new.extend(range(b0 + 1, b1 + 1))
    return old, new


def check_pin(curation: Curation, text: str) -> None:
    """Raise :class:`SourceChangedError` unless *text* is the text the curation pinned."""
    document = curation.document
    pin = fingerprint(text)
    where = f"{document.path}"
    if document.text_sha256 is None:
        raise CurationError(f"no 'text_sha256' pins the source text {document.text_path.name}; check the "
                            f"claims against it, then run `alkkg pin {document.id}`", path=where)
    if pin.text_sha256 == document.text_sha256:
        return
    sentences = split_sentences(text)
    message = [f"{document.text_path} differs from the text the claims were curated on "
               f"(pinned sha256 {document.text_sha256[:12]}..., now {pin.text_sha256[:12]}...)"]
    if document.sentence_sha256:
        old, new = changed_sentences(document.sentence_sha256, pin.sentence_sha256)
        if old or new:
            if old == new:
                message.append(f"sentence {_numbers(new)} changed")
            else:
                message.append(f"pinned sentence {_numbers(old)} changed or went; sentence "
                               f"{_numbers(new)} of the new text is new or changed (numbering shifted)")
            for number in new[:3]:
                message.append(f"sentence {number} now reads {_excerpt(sentences[number - 1].text)}")
        shifted = len(document.sentence_sha256) != len(pin.sentence_sha256)
        first = min(old + new, default=len(document.sentence_sha256) + 1)
        affected = [c.id for c in curation.claims if c.sentence in old or (shifted and c.sentence >= first)]
        if affected:
            more = f" and {len(affected) - 10} more" if len(affected) > 10 else ""
            message.append(f"re-check claims {', '.join(affected[:10])}{more}")
        elif not old and not new:
            message.append("the sentences are the same but bytes between them changed")
    else:
        message.append("re-check every claim (no sentence digests were pinned)")
    message.append(f"if the new text is right, fix those claims and run `alkkg pin {document.id}`; "
                   "otherwise restore the text (the published source is ../shared/source/)")
    raise SourceChangedError("; ".join(message), path=where)


def _numbers(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers)) if numbers else "none"


def _excerpt(sentence: str, limit: int = 80) -> str:
    return repr(sentence if len(sentence) <= limit else sentence[:limit] + "...")


_PIN_KEYS = re.compile(r'^(text_sha256|sentence_sha256):.*(?:\n[ \t]+-.*|\n[ \t]+["0-9a-f, \]]+)*\n?', re.M)


def pin_document(folder: Path) -> Pin:
    """Record the pin of a document folder's source text in its ``document.yaml``.

    The file is edited in place (its other lines and comments are kept); returns the new pin.
    """
    from .curation import load_document

    document: Document = load_document(folder / "document.yaml")
    pin = fingerprint(read_source(document.text_path))
    path = folder / "document.yaml"
    body = _PIN_KEYS.sub("", path.read_text(encoding="utf-8"))
    # Quoted: a digest of digits only would otherwise be read as a number.
    digests = "".join(f'  - "{d}"\n' for d in pin.sentence_sha256)
    block = (f'text_sha256: "{pin.text_sha256}"  # written by `alkkg pin`: the text the claims were checked on\n'
             f"sentence_sha256:  # one digest per sentence, to name the sentences that change\n{digests}")
    lines = body.splitlines(keepends=True)
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("text:")), len(lines))
    lines.insert(at, block)
    path.write_text("".join(lines), encoding="utf-8")
    return pin
