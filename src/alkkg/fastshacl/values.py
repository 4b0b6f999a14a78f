"""Literals as pyshacl sees them: string-valued datatypes, Python regular expressions in Oxigraph's
regex engine, the lexical forms rdflib certainly accepts, rdflib's own datatype test, and a value
node's original literal in a query."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

from .paths import _iri, _string
from .terms import _ENCODED, _K, XSD, UnsupportedShapesError

# rdflib gives literals of these datatypes (and language-tagged ones) a Python str value: pyshacl
# compares them as strings in sh:lessThan and the range constraints.
_STR_DATATYPES = tuple(URIRef(XSD + n) for n in ("string", "normalizedString", "token", "language", "anyURI"))
# Lexical forms that rdflib certainly parses into a value of the type pyshacl expects for the
# datatype (anything else of the datatype is checked with rdflib itself, in Python).
_SAFE_LEXICAL = {
    URIRef(XSD + "integer"): "^[+-]?[0-9]+$",
    URIRef(XSD + "nonNegativeInteger"): "^[+]?[0-9]+$",
    URIRef(XSD + "positiveInteger"): "^[+]?0*[1-9][0-9]*$",
    URIRef(XSD + "decimal"): "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$",
    URIRef(XSD + "double"): "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$",
    URIRef(XSD + "float"): "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$",
    URIRef(XSD + "boolean"): "^(true|false|1|0)$",
}


def _strish(x: str, odt: str) -> str:
    """pyshacl's 'has a str value' test (IRIs, plain / language-tagged / string-typed literals)."""
    types = ", ".join(_iri(t) for t in _STR_DATATYPES)
    return f"(isIRI({x}) || (isLiteral({x}) && (LANG({x}) != \"\" || {odt} IN ({types}))))"


def _translate_pattern(pattern: str) -> str:
    """A Python regular expression (re.search, no flags) as an equivalent Rust one (Oxigraph's REGEX).

    Python's ``$`` also matches before a final newline; ``\\s`` also matches U+001C..U+001F; ``\\Z`` is
    Rust's ``\\z``; inside a class, ``[``, ``&``, ``~`` are literal in Python but operators in Rust.
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            e = pattern[i + 1]
            if e == "s":
                out.append(r"\s\x1C-\x1F" if in_class else r"[\s\x1C-\x1F]")
            elif e == "S":
                if in_class:
                    raise UnsupportedShapesError(f"unsupported: \\S inside a character class in sh:pattern {pattern!r}")
                out.append(r"[^\s\x1C-\x1F]")
            elif e == "Z" and not in_class:
                out.append(r"\z")
            else:
                out.append(c + e)
            i += 2
            continue
        if in_class:
            if c == "]" and not (out and out[-1] in ("[", "[^")):
                in_class = False
                out.append(c)
            elif c in "[&~":
                out.append("\\" + c)
            else:
                out.append(c)
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                out.append("[^")
                i += 1
            else:
                out.append("[")
            if pattern[i + 1:i + 2] == "]":           # "[]...]" / "[^]...]": a literal ] first
                out.append(r"\]")
                i += 1
        elif c == "$":
            out.append(r"(?:\n?$)")
        else:
            out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=None)
def _regex_works_in_oxigraph(pattern: str) -> bool:
    solutions = ox.Store().query(f"SELECT (REGEX(\"\", {_string(pattern)}) AS ?ok) WHERE {{}}")
    assert isinstance(solutions, ox.QuerySolutions)
    return next(iter(solutions))["ok"] is not None


@dataclass
class _Value:
    """A value node in a query: its variable, and how to reach its original literal."""

    var: str
    enc: str | None = None            # variable bound to the encoded original literal (side graph)

    @property
    def lex(self) -> str:
        return f"COALESCE(STR({self.enc}), STR({self.var}))" if self.enc else f"STR({self.var})"

    @property
    def odt(self) -> str:
        if self.enc:
            return f"COALESCE(IRI(SUBSTR(STR(DATATYPE({self.enc})), {_K})), DATATYPE({self.var}))"
        return f"DATATYPE({self.var})"


_LITERAL_SENSITIVE = ("datatype", "pattern", "minLength", "maxLength")


def _pyshacl_datatype_ok(lexical: str, datatype: str, rule: URIRef) -> bool:
    """pyshacl's sh:datatype test of a literal ``lexical^^datatype`` against *rule* (rdflib parsing)."""
    from datetime import date, datetime, time

    if datatype.startswith(_ENCODED):
        datatype = datatype[len(_ENCODED):]
    if URIRef(datatype) != rule:
        return False
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        literal = Literal(lexical, datatype=rule)
    finally:
        logger.setLevel(level)
    if getattr(literal, "ill_typed", None) is True:
        return False
    value = literal.value
    checks: dict[str, Callable[[Any], bool]] = {
        "string": lambda x: isinstance(x, (str, bytes)), "integer": lambda x: isinstance(x, int),
        "float": lambda x: isinstance(x, float), "decimal": lambda x: isinstance(x, Decimal),
        "boolean": lambda x: isinstance(x, bool), "date": lambda x: isinstance(x, date),
        "time": lambda x: isinstance(x, time), "dateTime": lambda x: isinstance(x, datetime),
    }
    check = checks.get(str(rule)[len(XSD):]) if str(rule).startswith(XSD) else None
    return True if check is None else check(value)
