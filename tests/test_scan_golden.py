"""Golden scan cases kept as data: tests/golden/scan/*.yaml (see the README there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from targetcheck.app import app

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "golden" / "scan"
CASE_FILES = sorted(CASES.glob("*.yaml"))


def _scan(case: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> dict:
    """Run in an empty folder, so that no ./targets.yaml is picked up unless the case names one."""
    if "report" in case:
        report = ROOT / case["report"]
    else:
        report = tmp_path / "report.txt"
        report.write_text(case["text"], encoding="utf-8")
    targets = ["--targets", str(CASES / case["targets"])] if "targets" in case else []
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["scan", str(report), *targets, "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: p.stem)
def test_scan_case(case_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    payload = _scan(case, tmp_path, monkeypatch)
    candidates = payload["candidates"]
    assert len(candidates) == case["candidates"], [c["quote"] for c in candidates]
    for want in case.get("present", []):
        matches = [c for c in candidates if c["quote"] == want["quote"] and c["line"] == want["line"]]
        if "pick" in want:
            matches = [c for c in matches if c["pick"] == want["pick"]]
        assert matches, f"{want} not among {[(c['line'], c['quote'], c['pick']) for c in candidates]}"
        got = matches[0]
        for key in ("comparator", "indicator", "covered"):
            if key in want:
                assert got[key] == want[key], (want, got)
    for text in case.get("absent", []):
        assert not [c["quote"] for c in candidates if text in c["quote"]], text
    aside = [a for report in payload["reports"] for a in report["set_aside"]]
    for quantity, reason in case.get("set_aside", {}).items():
        assert any(a["quantity"] == quantity and reason in a["reason"] for a in aside), (quantity, reason, aside)
    if "coverage" in case:
        assert payload["coverage"]["covered"] == case["coverage"]["covered"]
        assert payload["coverage"]["candidates"] == case["coverage"]["candidates"]
