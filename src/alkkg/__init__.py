"""alkkg: the claims of Shaw et al. 2014 (ceritinib in ALK-rearranged NSCLC) as linked data.

>>> from alkkg import build
>>> result = build(project_dir=".")  # doctest: +SKIP
"""

from .errors import (
    AlkkgError,
    BuildCheckError,
    ConfinementError,
    CurationError,
    InputError,
    LimitError,
    OutputError,
    QualityCheckError,
    QueryError,
    ReasoningError,
    SourceChangedError,
    ValidationError,
)

__version__ = "0.1.0"

__all__ = [
    "AlkkgError",
    "BuildCheckError",
    "ConfinementError",
    "CurationError",
    "InputError",
    "LimitError",
    "OutputError",
    "QualityCheckError",
    "QueryError",
    "ReasoningError",
    "SourceChangedError",
    "ValidationError",
    "__version__",
    "build",
]


def build(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Build every artifact; see :func:`alkkg.pipeline.build`."""
    from .pipeline import build as _build

    return _build(*args, **kwargs)
