"""One base error, a few precise subclasses: each message says where, what, and what to do.

Exit codes: 1 the data is wrong (a curation error, violations, inconsistency, drift);
2 the command could not run on this input (missing, unreadable, unsafe, too large or too slow).
Every class is listed with an example in ``docs/errors.md``.
"""

from __future__ import annotations


class AlkkgError(Exception):
    """Base class of every error alkkg raises on bad input or a failed check."""

    #: process exit code the CLI uses for this error
    exit_code = 1


class InputError(AlkkgError):
    """A file is missing, unreadable or unparsable: the stage could not run."""

    exit_code = 2


class ConfinementError(InputError):
    """An input asks to read a file or reach a network address beyond the command's arguments
    (a ``text:`` outside its document folder, a remote JSON-LD context, a SPARQL ``SERVICE``,
    an XML entity declaration)."""


class LimitError(InputError):
    """An input is too large, too deep, or a query or validation ran past its time or memory limit."""


class OutputError(AlkkgError):
    """The output folder cannot be written safely: not ours, locked by another build, or the disk failed."""

    exit_code = 2


class CurationError(AlkkgError):
    """A curated claim or document is wrong; the message names file, line and claim id."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 claim_id: str | None = None) -> None:
        self.path = path
        self.line = line
        self.claim_id = claim_id
        where = ""
        if path:
            where = path + (f":{line}" if line else "")
        if claim_id:
            where = f"{where} [{claim_id}]" if where else f"[{claim_id}]"
        super().__init__(f"{where}: {message}" if where else message)


class SourceChangedError(CurationError):
    """A source text no longer has the SHA-256 its document pins: the curated quotes must be re-checked."""


class ReasoningError(AlkkgError):
    """The reasoner found the ontology and claims inconsistent or a class unsatisfiable."""


class ValidationError(AlkkgError):
    """The data does not conform to the SHACL shapes."""


class QualityCheckError(AlkkgError):
    """An ontology quality check at level ERROR returned rows."""


class QueryError(AlkkgError):
    """A query is unknown, malformed, unsafe, or was given an unknown parameter."""

    exit_code = 2


class BuildCheckError(AlkkgError):
    """`build --check` found committed build files that differ from a fresh build."""


def first_line(exc: BaseException, limit: int = 300) -> str:
    """An exception's message as one short line, for an error that names its cause.

    >>> first_line(ValueError("bad\\n  token"))
    'bad token'
    """
    text = str(exc.args[0] if isinstance(exc, SyntaxError) and exc.args else exc).strip() or type(exc).__name__
    return " ".join(text.split())[:limit]
