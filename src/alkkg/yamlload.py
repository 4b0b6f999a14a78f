"""Strict, bounded YAML for curation files.

Curation files are small, hand-written and need none of YAML's sharper features, so this loader
refuses what could silently change or blow up their meaning: duplicate keys (the last one would
win), anchors and aliases (alias expansion is the "billion laughs" attack), deep nesting, huge
files or strings, and bytes that are not UTF-8. Every refusal names the file and the line.

>>> load_text("a: 1\\nb: [x, y]\\n", "example.yaml")
{'a': 1, 'b': ['x', 'y']}
>>> load_text("a: 1\\na: 2\\n", "example.yaml")
Traceback (most recent call last):
...
alkkg.errors.CurationError: example.yaml:2: duplicate key 'a' (first on line 1); keep one
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

try:
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None

from .errors import CurationError
from .files import read_bounded, utf8_position

#: bytes in one curation file: a paper's claims take tens of kilobytes
MAX_FILE_BYTES = 4 * 1024 * 1024
#: nesting of mappings and lists: the format needs four levels (claims > claim > measurement > value)
MAX_DEPTH = 12
#: characters in one scalar: a quote or statement longer than this is not an atomic claim
MAX_STRING = 5000


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class _Checked:
    """The refusals' messages, and a constructor that names the line of a value it cannot read."""

    name: str

    def fail(self, message: str, mark: Any) -> CurationError:
        return CurationError(message, path=self.name, line=mark.line + 1 if mark else None)

    def too_long(self, value: str, mark: Any) -> CurationError:
        return self.fail(f"a value of {len(value)} characters is longer than the limit of "
                         f"{MAX_STRING}; a quote or statement must be one atomic claim", mark)

    def too_deep(self, mark: Any) -> CurationError:
        return self.fail(f"nesting deeper than {MAX_DEPTH} levels; the curation format "
                         "needs at most four", mark)

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)  # type: ignore[misc]
        except (ValueError, OverflowError) as exc:  # "2014-13-45", a 5000-digit integer
            message = str(exc).split(";")[0]
            raise self.fail(f"value {_short(getattr(node, 'value', ''))} cannot be read: {message}",
                            node.start_mark) from None


class _Strict(_Checked):
    """The refusals above, on top of a safe loader's composer; mappings become :class:`LineDict`."""

    depth: int
    peek_event: Callable[[], Any]

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise self.fail(f"alias '*{event.anchor}' is not allowed in curation files; "
                            "write the value out in full", event.start_mark)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise self.fail(f"anchor '&{anchor}' is not allowed in curation files; "
                            "write each value out in full", event.start_mark)
        if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_STRING:
            raise self.too_long(event.value, event.start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise self.too_deep(event.start_mark)
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1


class _StrictLoader(_Strict, yaml.SafeLoader):
    """Pure Python: every error names its line and character exactly."""

    def __init__(self, stream: str, name: str) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self.name = name
        self.depth = 0


_FAST = getattr(yaml, "__with_libyaml__", False)
if _FAST:
    class _FastLoader(_Strict, Composer, CParser, SafeConstructor, Resolver):  # type: ignore[misc]
        """libyaml's scanner and parser (about six times faster on a corpus) under the same
        strict composer and constructor; used only for text the pure loader would accept."""

        def __init__(self, stream: str, name: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self.name = name
            self.depth = 0

    class _CLoader(_Checked, CParser, SafeConstructor, Resolver):  # type: ignore[misc]
        """libyaml composes the nodes too (in C: a corpus loads in about a third less time than
        with the Python composer); :func:`_check_tree` then refuses what the streaming composer
        would. Only for text without ``&`` and ``*``: a composed tree keeps no trace of anchors."""

        def __init__(self, stream: str, name: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self.name = name


@functools.cache
def _libyaml_caps_nesting() -> bool:
    """Whether libyaml refuses 2,000 levels of nesting itself (0.2.6 stops at 1,000).

    Its composer recurses in C, where Python's recursion limit does not apply: without that cap
    a 4 MB file of brackets could overflow the C stack, so :func:`load_text` then composes in
    Python (the streaming composer stops at :data:`MAX_DEPTH`).
    """
    depth = 2000
    parser = CParser("[" * depth + "]" * depth)
    try:
        while parser.check_event():
            parser.get_event()  # events only: the parser keeps its own stack, not the C one
    except yaml.YAMLError:
        return True
    finally:
        parser.dispose()
    return False


def _check_tree(loader: _Checked, root: Any) -> None:
    """Refuse, in a tree composed by libyaml, the first node in document order that
    :meth:`_Strict.compose_node` would refuse, with the same message and line: a value longer
    than :data:`MAX_STRING` (checked first, as there), then nesting deeper than :data:`MAX_DEPTH`."""
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_STRING:
                raise loader.too_long(node.value, node.start_mark)
        if depth > MAX_DEPTH:
            raise loader.too_deep(node.start_mark)
        if isinstance(node, yaml.MappingNode):  # keys and values in document order: k1 v1 k2 v2
            stack.extend((child, depth + 1) for pair in reversed(node.value) for child in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in reversed(node.value))


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise loader.fail("a key must be plain text, not a list or mapping", key_node.start_mark) from None
        if key in mapping.key_lines:
            raise loader.fail(f"duplicate key {_short(key)} (first on line {mapping.key_lines[key]}); "
                              "keep one", key_node.start_mark)
        mapping.key_lines[key] = line
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _construct_decimal(loader: Any, node: yaml.ScalarNode) -> Decimal:
    """Numbers with a fraction are kept exactly as written (a float would round 0.1 or 60.000...01)."""
    text = str(loader.construct_scalar(node)).replace("_", "").lower()
    special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
    try:
        return Decimal(special.get(text, text))
    except InvalidOperation:
        raise loader.fail(f"{_short(node.value)} is not a number", node.start_mark) from None


for _loader in (_StrictLoader, _FastLoader, _CLoader) if _FAST else (_StrictLoader,):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "...'"


def load_text(text: str, name: str) -> Any:
    """Parse *text* (named *name* in errors) with the strict loader.

    libyaml parses when it is installed; any problem is then reported by the pure Python loader,
    whose messages name the exact line (and it alone reads text with characters YAML refuses).
    libyaml also composes when the text has no anchor or alias and libyaml caps nesting; any YAML
    error there is left to the loaders below, so that each file gets the answer it got before.
    """
    if _FAST and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        if "&" not in text and "*" not in text and _libyaml_caps_nesting():
            composed = _CLoader(text, name)
            try:
                node = composed.get_single_node()
                if node is None:
                    return None
                _check_tree(composed, node)
                return composed.construct_document(node)
            except CurationError:
                raise
            except (yaml.YAMLError, ValueError, RecursionError):
                pass  # the streaming loaders below decide which error this file gets
            finally:
                composed.dispose()
        fast = _FastLoader(text, name)
        try:
            return fast.get_single_data()
        except CurationError:
            raise
        except (yaml.YAMLError, ValueError, RecursionError):
            pass  # the pure loader below says what is wrong, with the line
        finally:
            fast.dispose()
    loader = None
    try:
        loader = _StrictLoader(text, name)  # the reader checks every character here
        return loader.get_single_data()
    except CurationError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "syntax error"
        raise CurationError(f"not valid YAML: {problem}; fix the syntax", path=name,
                            line=mark.line + 1 if mark else None) from None
    except yaml.reader.ReaderError as exc:  # a control character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise CurationError(f"character U+{code:04X} at position {exc.position} is not allowed "
                            "in YAML; remove it", path=name, line=line) from None
    except yaml.YAMLError as exc:
        raise CurationError(f"not valid YAML: {' '.join(str(exc).split())[:200]}", path=name) from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops nesting long before this
        raise CurationError("nesting too deep", path=name) from None
    finally:
        if loader is not None:
            loader.dispose()


def load_file(path: Path) -> Any:
    """Read and parse one curation file, refusing files too large or not UTF-8."""
    data = read_bounded(path, MAX_FILE_BYTES, what="a curation file",
                        missing="file not found; every curated document needs it", hint="split the document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, _ = utf8_position(data, exc.start)
        raise CurationError(f"byte {exc.start} (0x{data[exc.start]:02x}) is not UTF-8; save the file "
                            "as UTF-8", path=str(path), line=line) from None
    return load_text(text, str(path))
