"""Bad curation input ends with a clear error naming file, line and claim id."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from alkkg.curation import load_curation
from alkkg.errors import CurationError, InputError
from conftest import ROOT

FOLDER = ROOT / "assertions" / "shaw-2014"
GOOD = {
    "id": "s09-ceritinib-inhibits-alk", "sentence": 9, "statement": "Ceritinib inhibits ALK.",
    "quote": "tyrosine kinase inhibitor of ALK", "subject": "ceritinib", "predicate": "inhibits",
    "object": "ALK-protein", "polarity": "asserted", "modality": "stated", "cites": [21],
}


def _write(tmp_path: Path, claims: list[dict] | str) -> Path:
    folder = tmp_path / "doc"
    folder.mkdir()
    (folder / "document.yaml").write_text((FOLDER / "document.yaml").read_text())
    (folder / "source.txt").write_bytes((FOLDER / "source.txt").read_bytes())
    body = claims if isinstance(claims, str) else yaml.safe_dump(
        {"document": "shaw-2014", "claims": claims}, sort_keys=False)
    (folder / "claims.yaml").write_text(body)
    return folder


def _error(tmp_path: Path, claims: list[dict] | str) -> str:
    with pytest.raises(CurationError) as caught:
        load_curation(_write(tmp_path, claims))
    return str(caught.value)


def test_good_claim_loads(tmp_path: Path) -> None:
    curation = load_curation(_write(tmp_path, [GOOD]))
    assert curation.claims[0].id == GOOD["id"]
    assert curation.claims[0].line == 3


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    message = _error(tmp_path, "document: shaw-2014\nclaims:\n  - id: [unclosed\n")
    assert "claims.yaml:" in message and "not valid YAML" in message


@pytest.mark.parametrize("change,expected", [
    ({"subjct": "x"}, "unknown key 'subjct'"),
    ({"polarity": "maybe"}, "'polarity' is 'maybe'; use one of asserted, negated"),
    ({"sentence": "nine"}, "'sentence' must be a whole number"),
    ({"id": "Claim 9"}, "id 'Claim 9' must look like"),
    ({"sentence": 10}, "id says sentence 9 but 'sentence' is 10"),
    ({"cites": ["21"]}, "'cites' must list reference numbers"),
    ({"rests_on": ["s99-nothing"]}, "rests_on names 's99-nothing'"),
    ({"measurement": {"type": "RelativePotency", "unit": "fold", "value": 20, "direction": "increase"}},
     "give either 'object' or 'measurement'"),
])
def test_bad_field_is_named_with_claim_id(tmp_path: Path, change: dict, expected: str) -> None:
    message = _error(tmp_path, [{**GOOD, **change}])
    assert expected in message
    # The error points at the line of the key at fault (claim-level checks at the claim's first line).
    key = {"measurement": "object"}.get(next(iter(change)), next(iter(change)))
    lines = (tmp_path / "doc" / "claims.yaml").read_text().splitlines()
    key_line = next(i for i, line in enumerate(lines, 1) if line.lstrip(" -").startswith(f"{key}:"))
    expected_line = 3 if key == "rests_on" else key_line
    claim_id = change.get("id", GOOD["id"])
    assert f"claims.yaml:{expected_line} [{claim_id}]" in message


def test_missing_required_key(tmp_path: Path) -> None:
    claim = dict(GOOD)
    del claim["quote"]
    message = _error(tmp_path, [claim])
    assert "missing required key 'quote'" in message and "[s09-ceritinib-inhibits-alk]" in message


def test_duplicate_ids_point_at_both_lines(tmp_path: Path) -> None:
    message = _error(tmp_path, [copy.deepcopy(GOOD), copy.deepcopy(GOOD)])
    assert "duplicate claim id (first on line 3)" in message


@pytest.mark.parametrize("measurement,expected", [
    ({"type": "MedianProgressionFreeSurvival", "unit": "month", "min": 10, "max": 8}, "range minimum 10 is above its maximum 8"),
    ({"type": "ObjectiveResponseRate", "unit": "percent", "value": 160}, "outside 0-100"),
    ({"type": "RelativePotency", "unit": "fold", "value": 20}, "needs 'direction'"),
    ({"type": "RelativePotency", "unit": "fold", "value": -2, "direction": "increase"}, "must be positive"),
    ({"type": "ResistanceMechanismShare", "unit": "proportion", "numerator": 4, "denominator": 3}, "not between 0 and 1"),
    ({"type": "ObjectiveResponseRate", "unit": "percent"}, "exactly one of"),
    ({"type": "ObjectiveResponseRate", "unit": "furlong", "value": 1}, "'unit' is 'furlong'"),
])
def test_bad_measurement(tmp_path: Path, measurement: dict, expected: str) -> None:
    claim = {k: v for k, v in GOOD.items() if k != "object"}
    claim["measurement"] = measurement
    assert expected in _error(tmp_path, [claim])


def test_missing_claims_file_is_an_input_error(tmp_path: Path) -> None:
    folder = _write(tmp_path, [GOOD])
    (folder / "claims.yaml").unlink()
    with pytest.raises(InputError, match="claims.yaml: file not found"):
        load_curation(folder)
