"""The release identity (version and date) from the one committed place, ``release.toml``."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from importlib import resources

from .errors import InputError


@dataclass(frozen=True)
class Release:
    """Version and release date of a build.

    >>> Release("0.1.0", "2026-11-28").version_iri
    'https://w3id.org/alkkg/ontology/releases/2026-11-28'
    """

    version: str
    release_date: str

    @property
    def version_iri(self) -> str:
        return f"https://w3id.org/alkkg/ontology/releases/{self.release_date}"


def check_date(value: str) -> str:
    """Return *value* if it is an ISO date (YYYY-MM-DD), else raise InputError."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise InputError(f"release date {value!r} is not a date YYYY-MM-DD") from None


def load_release(release_date: str | None = None) -> Release:
    """The committed release, with the date optionally overridden."""
    data = tomllib.loads(resources.files("alkkg").joinpath("release.toml").read_text("utf-8"))
    date = release_date if release_date is not None else str(data["release_date"])
    return Release(str(data["version"]), check_date(date))
