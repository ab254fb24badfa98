"""Golden cases for `check --auto`, kept as data: tests/golden/auto/*.yaml (see the README there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from targetcheck.app import app

CASES = Path(__file__).parent / "golden" / "auto"
# Keys of an expectation and where they are in a JSON result.
TARGET_KEYS = {"comparator": "comparator", "target": "value", "unit": "unit", "quote": "quote", "line": "line"}


def run_case(case: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, str]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in case["reports"].items():
        (corpus / name).write_text(text, encoding="utf-8")
    args = ["check", "--auto", "--corpus", "corpus", "--format", "json"]
    if "targets" in case:
        (tmp_path / "targets.yaml").write_text(case["targets"], encoding="utf-8")
        args += ["--targets", "targets.yaml"]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


@pytest.mark.parametrize("case_file", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_auto_case(case_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    payload, stderr = run_case(case, tmp_path, monkeypatch)
    expect: dict = case.get("expect") or {}
    got: dict[str, dict[str, dict]] = {}
    for record in payload["results"]:
        got.setdefault(record["city"], {})[record["id"]] = record
    assert {city: sorted(ids) for city, ids in got.items()} == {
        city: sorted(ids) for city, ids in expect.items()
    }, "the targets found are not the targets listed"
    for city, targets in expect.items():
        for target_id, want in targets.items():
            check_result(got[city][target_id], want or {})
    not_checkable: dict[str, list[str]] = {}
    for item in payload["not_checkable"]:
        not_checkable.setdefault(item["city"], []).append(item["id"])
    assert not_checkable == (case.get("not_checkable") or {})
    warnings = [line for line in stderr.splitlines() if line.startswith("targetcheck: warning:")]
    for wanted in case.get("warnings", []):
        assert any(wanted in line for line in warnings), f"no warning with {wanted!r} in:\n{stderr}"


def check_result(got: dict, want: dict) -> None:
    context = json.dumps(got, ensure_ascii=False)
    target, actual = got["target"], got["actual"]
    assert got["status"] == want.get("status", got["status"]), context
    assert got["origin"] == want.get("origin", got["origin"]), context
    if "name" in want:
        assert got["indicator_name"] == want["name"], context
    for key, field in TARGET_KEYS.items():
        if key in want:
            assert target[field] == (pytest.approx(want[key]) if key == "target" else want[key]), context
    if "file" in want:
        assert target["file"] == f"corpus/{want['file']}", context
    if got["origin"] == "auto":  # the evidence of an automatic target is always located
        assert target["source"] == f"{target['file']}:{target['line']}", context
    if "actual" in want:
        assert actual is not None and actual["value"] == pytest.approx(want["actual"]), context
    if "actual_quote" in want:
        assert want["actual_quote"] in actual["quote"], context
    if "actual_line" in want:
        assert actual["line"] == want["actual_line"], context
    for qualifier in want.get("qualifiers", []):
        assert qualifier in actual["qualifiers"], context
