"""`targetcheck check` on the shipped corpus: the verdicts the skeleton issue fixes, via the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from targetcheck.app import app
from tests.conftest import ROOT, SEED_2017, SEED_2025

FOLLOWUP_2018 = ROOT / "tests" / "corpora" / "baotou-2018"


def run(*args: str, cwd: Path = ROOT) -> tuple[int, dict, str]:
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, ["check", "--format", "json", *args])
    finally:
        os.chdir(old)
    payload = json.loads(result.stdout) if result.exit_code == 0 else {}
    return result.exit_code, payload, result.stderr


@pytest.fixture(scope="module")
def shipped() -> dict:
    code, payload, _ = run()
    assert code == 0
    return payload


EXPECTED_2024 = {
    "2024.gdp-growth": ("missed", 8.03, ["partial-period"]),
    "2024.industry-va-growth": ("missed", 14, ["estimate", "lower-bound"]),
    "2024.fai-growth": ("met", 20, ["lower-bound"]),
    "2024.retail-growth": ("missed", 4.5, ["lower-bound"]),
    "2024.revenue-growth": ("missed", 4, ["lower-bound"]),
    "2024.new-urban-jobs": ("met", 4.2, []),
    "2024.unemployment-rate": ("unreported", None, []),
}
HEADLINE_2017 = [
    "2017.gdp-growth", "2017.fai-growth", "2017.retail-growth", "2017.revenue-growth",
    "2017.urban-income-growth", "2017.rural-income-growth", "2017.unemployment-rate",
]
HEADLINE_2025 = [
    "2025.gdp-growth", "2025.gdp-total", "2025.industry-va-growth", "2025.fai-growth",
    "2025.retail-growth", "2025.revenue-growth", "2025.income-growth",
]


def test_envelope(shipped: dict) -> None:
    assert shipped["schema_version"] == 1
    assert set(shipped) >= {"schema_version", "summary", "results"}
    summary = shipped["summary"]
    counts = {s: sum(r["status"] == s for r in shipped["results"]) for s in ("met", "missed", "unreported", "pending")}
    assert {k: summary[k] for k in counts} == counts
    assert summary["total"] == len(shipped["results"])


def test_result_fields(shipped: dict) -> None:
    for result in shipped["results"]:
        assert {"id", "year", "indicator", "status", "target", "actual", "notes"} <= set(result)
        assert {"quote", "source", "value", "unit", "comparator"} <= set(result["target"])
        assert result["status"] in ("met", "missed", "unreported", "pending")
        if result["actual"] is not None:
            assert {"value", "unit", "quote", "file", "line", "qualifiers"} <= set(result["actual"])


@pytest.mark.parametrize("target_id", list(EXPECTED_2024))
def test_2024_verdicts(shipped: dict, target_id: str) -> None:
    by_id = {r["id"]: r for r in shipped["results"]}
    status, value, qualifiers = EXPECTED_2024[target_id]
    result = by_id[target_id]
    assert result["status"] == status
    assert result["target"]["quote"] is None
    assert "计划的通知" in result["target"]["source"]
    if value is None:
        assert result["actual"] is None
    else:
        actual = result["actual"]
        assert actual["value"] == pytest.approx(value)
        assert actual["file"] == f"seeds/{SEED_2025.name}"
        assert set(qualifiers) <= set(actual["qualifiers"])
        # The quote is the report's own words, and stands on the line given.
        line = SEED_2025.read_text(encoding="utf-8").splitlines()[actual["line"] - 1]
        assert actual["quote"].replace(" ", "")[:6] in line.replace(" ", "")


def test_partial_year_gdp_is_flagged(shipped: dict) -> None:
    gdp = {r["id"]: r for r in shipped["results"]}["2024.gdp-growth"]
    assert gdp["actual"]["quote"].startswith("前三季度")
    assert any("partial period" in note for note in gdp["notes"])


@pytest.mark.parametrize("target_id", HEADLINE_2017 + HEADLINE_2025)
def test_own_targets_pending_without_followups(shipped: dict, target_id: str) -> None:
    result = {r["id"]: r for r in shipped["results"]}[target_id]
    assert result["status"] == "pending"
    assert result["target"]["quote"]
    assert result["target"]["file"] in (f"seeds/{SEED_2017.name}", f"seeds/{SEED_2025.name}")


def test_new_urban_jobs_converted_into_target_unit(shipped: dict) -> None:
    jobs = {r["id"]: r for r in shipped["results"]}["2024.new-urban-jobs"]
    assert jobs["target"]["unit"] == "万人"
    assert jobs["actual"]["unit"] == "万人"


def test_followup_year_comes_from_header_not_file_name(tmp_path: Path) -> None:
    """A follow-up dropped into the corpus under a misleading name still gives 2017 verdicts."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_2017, corpus / "2016-report.txt")
    shutil.copy(SEED_2025, corpus / "2019.txt")
    (followup,) = FOLLOWUP_2018.glob("*.txt")  # constructed, see tests/corpora/README.md
    shutil.copy(followup, corpus / "2017-final.txt")
    code, payload, _ = run("--targets", str(ROOT / "targets.yaml"), "--corpus", str(corpus))
    assert code == 0
    by_id = {r["id"]: r for r in payload["results"]}
    for target_id in HEADLINE_2017:
        assert by_id[target_id]["status"] != "pending", target_id
        assert by_id[target_id]["actual"]["file"].endswith("2017-final.txt")
    assert by_id["2017.unemployment-rate"]["status"] == "met"
    assert by_id["2017.gdp-growth"]["status"] == "missed"


def test_corpus_option_replaces_the_configured_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "only-2025"
    corpus.mkdir()
    shutil.copy(SEED_2025, corpus / "a.txt")
    code, payload, stderr = run("--corpus", str(corpus))
    assert code == 0
    by_id = {r["id"]: r for r in payload["results"]}
    assert by_id["2017.gdp-growth"]["target"]["file"] is None  # its report is not in this corpus
    assert "not in the corpus" in stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--targets", "nope.yaml"], "nope.yaml: no such file"),
        (["--corpus", "no/such/folder"], "no/such/folder: no such file or folder"),
        (["--format", "xml"], "unknown format 'xml'"),
    ],
)
def test_input_errors_exit_2_with_one_line(args: list[str], needle: str) -> None:
    code, _, stderr = run(*args)
    assert code == 2
    assert needle in stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
