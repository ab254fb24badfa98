"""Golden verdict cases kept as data: tests/golden/verdicts/*.yaml (see the README there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from targetcheck.app import app

CASES = Path(__file__).parent / "golden" / "verdicts"
SHIPPED = Path(__file__).parent.parent / "targets.yaml"


def _targets_text(case: dict) -> str:
    """The case's targets.yaml; with `indicators: shipped`, the outcome rules of the shipped
    targets.yaml come first (the case's own `indicators:` override them), so a case tests the
    curated rules on phrasings the fixtures do not show."""
    if case.get("indicators") != "shipped":
        return case["targets"]
    data = yaml.safe_load(case["targets"])
    shipped = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))["indicators"]
    data["indicators"] = {**shipped, **(data.get("indicators") or {})}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("case_file", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_verdict_case(case_file: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k, text in enumerate(case["reports"]):
        (corpus / f"report-{k}.txt").write_text(text, encoding="utf-8")
    targets = tmp_path / "targets.yaml"
    targets.write_text(_targets_text(case), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", "--targets", str(targets), "--corpus", str(corpus), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    by_id = {r["id"]: r for r in payload["results"]}
    for target_id, want in case.get("expect", {}).items():
        got = by_id[target_id]
        context = f"{target_id}: {json.dumps(got, ensure_ascii=False)}"
        assert got["status"] == want["status"], context
        actual = got["actual"]
        if "actual" in want:
            assert actual is not None and actual["value"] == pytest.approx(want["actual"]), context
        if "difference" in want:  # null: no difference shown
            expected = want["difference"]
            assert got["difference"] == (None if expected is None else pytest.approx(expected)), context
        if "unit" in want:
            assert actual["unit"] == want["unit"], context
        if "line" in want:
            assert actual["line"] == want["line"], context
        if "quote" in want:
            assert actual is not None and want["quote"] in actual["quote"], context
        for note in want.get("notes", []):
            assert any(note in n for n in got["notes"]), context
        for qualifier in want.get("qualifiers", []):
            assert qualifier in actual["qualifiers"], context
        for qualifier in want.get("absent", []):
            assert actual is None or qualifier not in actual["qualifiers"], context
        if "set_aside" in want:
            _assert_set_aside(target_id, want["set_aside"], targets, corpus)
    not_checkable = {item["id"] for item in payload["not_checkable"]}
    assert not_checkable == set(case.get("not_checkable", []))


def _assert_set_aside(target_id: str, wanted: list[dict], targets: Path, corpus: Path) -> None:
    """Each `{quote, reason}` of `set_aside` is a place `show` lists as considered and not used:
    its quote holds `quote`, its reason holds `reason`."""
    result = CliRunner().invoke(
        app, ["show", target_id, "--targets", str(targets), "--corpus", str(corpus), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    places = json.loads(result.stdout)["considered"]
    for want in wanted:
        assert any(
            not p["used"] and want["quote"] in p["quote"] and want["reason"] in p["reason"] for p in places
        ), f"{target_id}: no place set aside as {want}: {json.dumps(places, ensure_ascii=False)}"
