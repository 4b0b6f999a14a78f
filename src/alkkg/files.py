"""Reading one input file safely: a regular file, bounded in size, its bad bytes located.

Every reader of user input (RDF data, curation YAML, source texts, SPARQL queries) goes through
:func:`read_bounded`, so a folder, a pipe, a missing or an oversized file is refused the same way
everywhere, before a parser sees a byte.

>>> from pathlib import Path
>>> utf8_position(b"ok\\nab\\xffc", 5)
(2, 3)
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError, LimitError


def check_file(path: Path, *, what: str = "a file", missing: str = "file not found") -> None:
    """Fail clearly unless *path* is an existing regular file (not a folder, FIFO or device)."""
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not {what}")
        if not path.exists():
            raise InputError(f"{path}: {missing}")
        if not path.is_file():  # a FIFO or a device could block forever or never end
            raise InputError(f"{path}: is not a regular file (a pipe or device?); give {what}")
    except OSError as exc:  # e.g. a path component that is not a folder, or a name too long
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_bounded(path: Path, max_bytes: int, *, what: str = "a file", missing: str = "file not found",
                 hint: str = "split it") -> bytes:
    """The bytes of *path*, refusing anything but a regular file of at most *max_bytes* bytes.

    The size is checked while reading (at most ``max_bytes + 1`` bytes are read), so a file that
    grows after a ``stat`` cannot slip past it.
    """
    check_file(path, what=what, missing=missing)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}; check the file's permissions") from None
    if len(data) > max_bytes:
        raise LimitError(f"{path}: larger than {what} may be (more than the limit of {max_bytes} bytes); {hint}")
    return data


def utf8_position(data: bytes, offset: int) -> tuple[int, int]:
    """(line, column), both from 1, of byte *offset* in *data*: where to look for a bad byte."""
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1
