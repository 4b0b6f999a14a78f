"""Curation input that would silently change or blow up the published graph is refused, by name.

Each case runs the real CLI (`alkkg build` on a copy of the project, its committed build/ beside it)
and checks: the exit code, a message naming the file and line or claim id, no traceback, and a
build/ that is byte-identical afterwards.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from alkkg.cli import main
from alkkg.curation import load_curation
from alkkg.errors import ConfinementError, CurationError, InputError, LimitError, SourceChangedError
from alkkg.pinning import changed_sentences, check_pin, fingerprint, pin_document
from alkkg.source import read_source
from alkkg.yamlload import MAX_DEPTH, MAX_FILE_BYTES, MAX_STRING, load_text
from conftest import ROOT

DOC = "assertions/shaw-2014"
CLAIM_LINE = "  - id: s09-ceritinib-inhibits-alk\n"


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def project(project_copy: Path) -> Path:
    """A copy of the project with its committed build/, to prove a failed build leaves it alone.

    The site's ~1,900 pages are left out: copying and hashing them for each of these cases cost more
    than the builds, and a failed build must leave any earlier build alone, whole or in part
    (writing the site atomically is tests/test_outdir.py's and tests/test_build.py's concern)."""
    shutil.copytree(ROOT / "build", project_copy / "build", ignore=shutil.ignore_patterns("site"))
    return project_copy


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _fails(project: Path, *expected: str, exit_code: int) -> str:
    before = _tree(project / "build")
    result = CliRunner().invoke(main, ["build", "-q", "--project", str(project)])
    output = result.output
    assert result.exit_code == exit_code, output
    assert "Traceback" not in output and "internal error" not in output, output
    for text in expected:
        assert text in output, f"{text!r} not in {output!r}"
    assert _tree(project / "build") == before
    return output


# -------------------------------------------------------------------- strict YAML


def test_duplicate_key_inside_a_claim_names_both_lines(project: Path) -> None:
    claims = project / DOC / "claims.yaml"
    lines = claims.read_text().splitlines(keepends=True)
    at = lines.index(CLAIM_LINE)
    quote = next(i for i in range(at, len(lines)) if lines[i].startswith("    quote:"))
    lines.insert(quote + 1, '    quote: "ALK"\n')
    claims.write_text("".join(lines))
    _fails(project, f"claims.yaml:{quote + 2}: duplicate key 'quote' (first on line {quote + 1})", exit_code=1)


def test_duplicate_top_level_claims_names_both_lines(project: Path) -> None:
    claims = project / DOC / "claims.yaml"
    text = claims.read_text()
    first = text.splitlines().index("claims:") + 1
    claims.write_text(text + "claims: []\n")
    last = len(claims.read_text().splitlines())
    _fails(project, f"claims.yaml:{last}: duplicate key 'claims' (first on line {first})", exit_code=1)


def test_billion_laughs_is_refused_at_once(project: Path) -> None:
    claims = project / DOC / "claims.yaml"
    bomb = ['a0: &a0 "lol"'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    claims.write_text("\n".join(bomb) + "\n" + claims.read_text())
    started = time.perf_counter()
    output = _fails(project, "claims.yaml:1: anchor '&a0' is not allowed", exit_code=1)
    assert time.perf_counter() - started < 30
    assert len(output) < 500  # the message never expands the aliases


def test_an_alias_alone_is_refused(project: Path) -> None:
    _edit(project / DOC / "claims.yaml", "    cites: [21]\n", "    cites: *refs\n")
    _fails(project, "alias '*refs' is not allowed", exit_code=1)


def test_deep_nesting_is_refused_with_its_line() -> None:
    with pytest.raises(CurationError, match=rf"deep.yaml:2: nesting deeper than {MAX_DEPTH}"):
        load_text("a: 1\nb: " + "[" * 100_000 + "]" * 100_000 + "\n", "deep.yaml")


def test_deep_nesting_through_the_cli(project: Path) -> None:
    _edit(project / DOC / "claims.yaml", "    cites: [21]\n", "    cites: " + "[" * 5000 + "]" * 5000 + "\n")
    _fails(project, "claims.yaml:", "nesting deeper than", exit_code=1)


def test_a_huge_file_is_refused_before_it_is_read(project: Path) -> None:
    claims = project / DOC / "claims.yaml"
    with claims.open("a") as handle:
        handle.write("#" * (MAX_FILE_BYTES + 1))
    _fails(project, "claims.yaml:", f"more than the limit of {MAX_FILE_BYTES}", exit_code=2)
    with pytest.raises(LimitError):
        load_curation(project / DOC)


def test_a_huge_statement_is_refused(project: Path) -> None:
    _edit(project / DOC / "claims.yaml", "statement: Ceritinib inhibits", "statement: " + "x" * 100_000 + " inhibits")
    output = _fails(project, "claims.yaml:", f"longer than the limit of {MAX_STRING}", exit_code=1)
    assert len(output) < 500


def test_non_utf8_yaml_names_file_line_and_byte(project: Path) -> None:
    claims = project / DOC / "claims.yaml"
    data = claims.read_bytes()
    at = data.index(b"Ceritinib inhibits")
    claims.write_bytes(data[:at] + b"\xff" + data[at + 1:])
    line = data.count(b"\n", 0, at) + 1
    _fails(project, f"claims.yaml:{line}: byte {at} (0xff) is not UTF-8", exit_code=1)


def test_a_control_character_is_refused_with_its_line(project: Path) -> None:
    _edit(project / DOC / "document.yaml", "journal: N Engl J Med", "journal: N Engl\x07 J Med")
    _fails(project, "document.yaml:", "U+0007", exit_code=1)


@pytest.mark.parametrize("old,new,expected", [
    ("value: 60", "value: 1e400000000", "'value' is '1e400000000', out of range"),
    ("value: 60", "value: 1e-400000000", "out of range"),
    ("value: 60", "value: 60.00000000000000000001", "more than 15 significant digits"),
    ("value: 60", "value: .inf", "must be a finite number"),
    ("value: 60", "value: " + "9" * 5000, "cannot be read"),
    ("    cites: [21]\n", "    cites: [100000000000000000000000000000]\n", "'cites' must list reference numbers"),
])
def test_numbers_out_of_range_are_refused_with_file_and_line(project: Path, old: str, new: str, expected: str) -> None:
    if old == "value: 60":
        _edit(project / DOC / "claims.yaml", old, new)
    else:
        _edit(project / DOC / "claims.yaml", old, new)
    _fails(project, "claims.yaml:", expected, exit_code=1)


@pytest.mark.parametrize("old,new,expected", [
    ("year: 2014", "year: 201400000000000000000000000000000", "'year' is 2014000"),
    ("year: 2014", "year: 12014", "is not a publication year"),
    ("trial: NCT01283516", "trial: NCT01283516> <x", "'trial' is 'NCT01283516> <x', not like NCT01283516"),
    ("doi: 10.1056/NEJMoa1311107", 'doi: 10.1056/NEJM"oa', "not like 10.1056/NEJMoa1311107"),
    ("doi: 10.1056/NEJMoa1311107", "doi: 10.1056/NEJM oa", "not like 10.1056/NEJMoa1311107"),
    ("pmcid: PMC4079055", "pmcid: PMC40 79055", "not like PMC4079055"),
    ("license: https://creativecommons.org/licenses/by/4.0/", "license: not a licence",
     "licence 'not a licence' is not one we can publish under"),
    ("license: https://creativecommons.org/licenses/by/4.0/", "license: https://example.org/my licence",
     "is not one we can publish under"),
])
def test_bad_document_fields_are_refused_with_file_and_line(project: Path, old: str, new: str, expected: str) -> None:
    document = project / DOC / "document.yaml"
    line = next(i for i, text in enumerate(document.read_text().splitlines(), 1) if old.split(":")[0] + ":" in text)
    _edit(document, old, new)
    _fails(project, f"document.yaml:{line}", expected, exit_code=1)


def test_a_known_licence_id_is_accepted(tmp_path: Path, project: Path) -> None:
    _edit(project / DOC / "document.yaml", "license: https://creativecommons.org/licenses/by/4.0/", "license: CC-BY-4.0")
    assert load_curation(project / DOC).document.license == "https://creativecommons.org/licenses/by/4.0/"


# -------------------------------------------------------------------- confinement of the source text


@pytest.mark.parametrize("value", ["/etc/passwd", "../../../../../../etc/passwd", "..", ".", "../shaw-2014/../../x"])
def test_text_outside_the_document_folder_is_refused(project: Path, value: str) -> None:
    _edit(project / DOC / "document.yaml", "text: source.txt", f"text: {value}")
    output = _fails(project, "document.yaml:", "outside the document folder", exit_code=2)
    assert "root:" not in output


def test_a_symlinked_text_pointing_outside_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("top secret text. Nothing to see.")
    source = project / DOC / "source.txt"
    source.unlink()
    os.symlink(outside, source)
    output = _fails(project, "document.yaml:", "outside the document folder", exit_code=2)
    assert "secret" not in output.replace(str(outside), "")
    with pytest.raises(ConfinementError):
        load_curation(project / DOC)


# -------------------------------------------------------------------- the source text is pinned


def test_an_edit_outside_every_quote_stops_the_build(project: Path) -> None:
    source = project / DOC / "source.txt"
    assert "studies claim that" in source.read_text()
    _edit(source, "studies claim that", "studies denied that")
    _fails(project, "document.yaml:", "differs from the text the claims were curated on", "sentence 13 changed",
           "re-check claims s13-active-in-crizotinib-naive-patients", "alkkg pin shaw-2014", exit_code=1)


def test_an_inserted_sentence_names_the_shift() -> None:
    curation = load_curation(ROOT / DOC)
    text = read_source(ROOT / DOC / "source.txt")
    changed = text.replace(" ALK-rearranged tumors depend", " A new sentence. ALK-rearranged tumors depend", 1)
    with pytest.raises(SourceChangedError) as caught:
        check_pin(curation, changed)
    message = str(caught.value)
    assert "numbering shifted" in message and "sentence 3 now reads 'A new sentence.'" in message
    assert "re-check claims s03-" in message and "more" in message


def test_changed_sentences_align_by_content() -> None:
    assert changed_sentences(("a", "b", "c"), ("a", "b", "c")) == ([], [])
    assert changed_sentences(("a", "b", "c"), ("a", "c")) == ([2], [])
    assert changed_sentences(("a", "b"), ("z", "a", "b")) == ([], [1])


def test_a_missing_pin_is_an_error(project: Path) -> None:
    document = project / DOC / "document.yaml"
    lines = [line for line in document.read_text().splitlines(keepends=True)
             if not line.startswith(("text_sha256:", "sentence_sha256:", "  - \""))]
    document.write_text("".join(lines))
    _fails(project, "document.yaml", "no 'text_sha256' pins the source text", "alkkg pin shaw-2014", exit_code=1)


@pytest.mark.parametrize("prefix,suffix,expected", [
    (b"\xef\xbb\xbf", b"", "byte-order mark"),
    (b"", b"\r\n", "carriage return"),
])
def test_bom_and_crlf_are_refused_not_shifted(project: Path, prefix: bytes, suffix: bytes, expected: str) -> None:
    source = project / DOC / "source.txt"
    source.write_bytes(prefix + source.read_bytes().replace(b". ", b"." + suffix, 1) if suffix else
                       prefix + source.read_bytes())
    _fails(project, "source.txt", expected, exit_code=2)


def test_pin_records_the_text_and_keeps_the_rest_of_the_file(project: Path) -> None:
    document = project / DOC / "document.yaml"
    original = document.read_text()
    assert pin_document(project / DOC) == fingerprint(read_source(project / DOC / "source.txt"))
    assert document.read_text() == original  # already pinned: nothing changes
    _edit(project / DOC / "source.txt", "studies claim that", "studies hold that")
    result = CliRunner().invoke(main, ["pin", "--project", str(project), "shaw-2014"])
    assert result.exit_code == 0, result.output
    pinned = document.read_text()
    assert pinned != original
    assert [line for line in pinned.splitlines() if "sha256" not in line and not line.startswith("  - \"")] == \
        [line for line in original.splitlines() if "sha256" not in line and not line.startswith("  - \"")]
    check_pin(load_curation(project / DOC), read_source(project / DOC / "source.txt"))


def test_pin_of_an_unknown_document_is_refused(project: Path) -> None:
    result = CliRunner().invoke(main, ["pin", "--project", str(project), "nope"])
    assert result.exit_code == 2 and "no curated document 'nope'" in result.output


def test_the_committed_pin_matches_the_shared_source() -> None:
    curation = load_curation(ROOT / DOC)
    shared = ROOT.parent / "shared" / "source" / "shaw-2014-nejm-introduction.txt"
    if shared.exists():
        assert curation.document.text_sha256 == hashlib.sha256(shared.read_bytes()).hexdigest()
    check_pin(curation, read_source(ROOT / DOC / "source.txt"))


# -------------------------------------------------------------------- offsets a curator writes


def _claim_edit(old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        _edit(project / DOC / "claims.yaml", old, new)
    return edit


def test_a_negative_start_is_refused(project: Path) -> None:
    _edit(project / DOC / "claims.yaml", '    quote: "tyrosine kinase inhibitor of ALK"\n',
          '    quote: "tyrosine kinase inhibitor of ALK"\n    start: -5\n')
    _fails(project, "[s09-ceritinib-inhibits-alk]", "'start' must be 0 or more", exit_code=1)


def test_a_mention_outside_its_sentence_is_refused(project: Path) -> None:
    claims = project / DOC / "claims.yaml"
    text = read_source(project / DOC / "source.txt")
    lines = claims.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == "mentions:")
    mention = next(i for i in range(at, len(lines)) if "text:" in lines[i])
    word = "ALK"
    lines.insert(mention + 1, f"        start: {text.index(word)}\n")
    lines[mention] = lines[mention].split("text:")[0] + f"text: {word}\n"
    claims.write_text("".join(lines))
    _fails(project, "claims.yaml:", f"mention '{word}' at {text.index(word)}-", "is not in sentence", exit_code=1)


def test_a_mention_not_at_its_start_is_refused(project: Path) -> None:
    claims = project / DOC / "claims.yaml"
    lines = claims.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == "mentions:")
    mention = next(i for i in range(at, len(lines)) if "text:" in lines[i])
    lines.insert(mention + 1, "        start: 3\n")
    claims.write_text("".join(lines))
    _fails(project, "claims.yaml:", "is not at 3", exit_code=1)


def test_a_missing_source_is_an_input_error(project: Path) -> None:
    (project / DOC / "source.txt").unlink()
    _fails(project, "source.txt", "cannot read the source text", exit_code=2)


def test_a_folder_as_curation_file_says_so(project: Path) -> None:
    claims = project / DOC / "claims.yaml"
    claims.unlink()
    claims.mkdir()
    _fails(project, "claims.yaml: is a directory", exit_code=2)
    with pytest.raises(InputError):
        load_curation(project / DOC)
