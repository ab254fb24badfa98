"""`targetcheck scan` as a curator uses it: quotes that stand once, drafts that lint clean."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from targetcheck.app import app
from targetcheck.commitments import coverage, find_commitments, quote_spans
from targetcheck.config import load_config
from targetcheck.reader import read_file
from targetcheck.textnorm import normalize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [ROOT / "seeds" / "000_b64753ee75fd97df.txt", ROOT / "seeds" / "003_f70d05a2e53d4ccd.txt"]


@pytest.fixture
def in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_quote_stands_once_and_holds_its_quantity(seed: Path) -> None:
    report = read_file(seed).reports[0]
    commitments = find_commitments(report)
    assert commitments
    for c in commitments:
        assert len(report.find_quote(c.quote)) == 1, c.quote
        assert c.unique
        paragraph = report.paragraphs[c.paragraph].text
        assert c.quote_start <= c.start < c.end <= c.quote_end
        assert normalize(c.quote) == paragraph[c.quote_start : c.quote_end]
        assert paragraph[c.start : c.end] in normalize(c.quote)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_json_coverage_is_commitments_coverage_with_the_shipped_targets(seed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The figure scan prints is the one the curated map is held to (commitments.coverage)."""
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["scan", str(seed), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    config = load_config(ROOT / "targets.yaml")
    report = read_file(seed).reports[0]
    quotes = [t.quote for t in config.targets if t.quote and t.year == report.year]
    expected = coverage(find_commitments(report), quote_spans(report, quotes))
    assert payload["reports"][0]["coverage"]["share"] == round(expected, 4)
    ids = {t.id for t in config.targets}
    for candidate in payload["candidates"]:
        assert candidate["covered"] == bool(candidate["covered_by"])
        assert set(candidate["covered_by"]) <= ids
        assert set(candidate) >= {"quote", "line", "quantity", "comparator", "indicator", "covered"}
        assert set(candidate["quantity"]) >= {"value", "unit"}


def test_without_targets_everything_is_uncovered(in_empty_folder: Path) -> None:
    result = CliRunner().invoke(app, ["scan", str(SEEDS[1]), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["targets"] is None
    assert payload["coverage"]["covered"] == 0
    assert payload["coverage"]["candidates"] == len(payload["candidates"]) > 0


def test_a_draft_redirected_into_targets_yaml_is_written(in_empty_folder: Path) -> None:
    """`targetcheck scan REPORT --format yaml > targets.yaml`: the shell makes the empty file before
    scan runs; scan measures coverage against no targets (with a warning) instead of refusing it."""
    import subprocess
    import sys

    target = in_empty_folder / "targets.yaml"
    with target.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "targetcheck", "scan", str(SEEDS[1]), "--format", "yaml"],
            stdout=stdout, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT / "cli")},
        )
    assert done.returncode == 0, done.stderr
    assert b"targets.yaml is empty: coverage is measured against no targets" in done.stderr
    drafted = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert drafted["reports"][0]["targets"]
    (in_empty_folder / "empty.yaml").touch()
    explicit = CliRunner().invoke(app, ["scan", str(SEEDS[1]), "--targets", str(in_empty_folder / "empty.yaml")])
    assert explicit.exit_code == 2 and "is empty" in explicit.stderr  # a file named on purpose must hold targets


def test_draft_yaml_lints_clean_against_the_seeds(in_empty_folder: Path) -> None:
    """Every drafted quote stands once, every pick is in range, every indicator is defined."""
    result = CliRunner().invoke(app, ["scan", *map(str, SEEDS), "--format", "yaml"])
    assert result.exit_code == 0, result.output
    draft = in_empty_folder / "draft.yaml"
    draft.write_text(result.stdout, encoding="utf-8")
    data = yaml.safe_load(result.stdout)
    targets = [t for report in data["reports"] for t in report["targets"]]
    ids = [t["id"] for t in targets]
    assert len(ids) == len(set(ids))
    assert len(targets) > 100
    lint = CliRunner().invoke(
        app, ["lint", "--targets", str(draft), "--corpus", str(ROOT / "seeds"), "--format", "json"]
    )
    assert lint.exit_code == 0, lint.stdout
    assert json.loads(lint.stdout)["errors"] == 0
    # Quotes read back exactly as scan found them.
    quotes = {c["quote"] for c in json.loads(CliRunner().invoke(app, ["scan", *map(str, SEEDS), "--format", "json"]).stdout)["candidates"]}
    assert {t["quote"] for t in targets} <= quotes


def test_draft_yaml_skips_covered_and_avoids_existing_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["scan", str(SEEDS[1]), "--format", "yaml"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    existing = {t.id for t in load_config(ROOT / "targets.yaml").targets}
    drafted = [t for report in data["reports"] for t in report["targets"]]
    assert not existing & {t["id"] for t in drafted}
    covered = {c["quote"] for c in json.loads(CliRunner().invoke(app, ["scan", str(SEEDS[1]), "--format", "json"]).stdout)["candidates"] if c["covered"]}
    assert not covered & {t["quote"] for t in drafted if not t.get("pick")}
    for line in result.stdout.splitlines():
        if line.strip().startswith("- {id:"):
            assert "#" not in line


def test_table_shows_lines_marks_and_coverage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "200")
    frozen = ROOT / "tests" / "data" / "headline-targets.yaml"  # today's file covers far more
    result = CliRunner().invoke(app, ["scan", str(SEEDS[1]), "--targets", str(frozen)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("seeds/003_f70d05a2e53d4ccd.txt · 包头市 2025 · ")
    assert lines[1].split() == ["line", "clause", "quantity", "comparator", "indicator", "covered"]
    row = next(line for line in lines if "主攻650个重大项目" in line)
    assert row.lstrip().startswith("59") and row.rstrip().endswith("✗")
    assert any("✓ 2025.gdp-growth" in line for line in lines)
    assert lines[-1].startswith("coverage: ") and "covered by " in lines[-1]


def test_scan_usage_errors(tmp_path: Path) -> None:
    unknown = CliRunner().invoke(app, ["scan", str(SEEDS[1]), "--format", "xml"])
    assert unknown.exit_code == 2 and "unknown format" in unknown.stderr
    headerless = tmp_path / "notes.txt"
    headerless.write_text("今年新建基站1200座。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["scan", str(headerless), "--targets", str(ROOT / "targets.yaml")])
    assert result.exit_code == 2
    assert "no readable report" in result.stderr
    missing = CliRunner().invoke(app, ["scan", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
