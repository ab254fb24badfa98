"""A 40 MB report is read and checked to the end, with the verdicts of its first 140 lines.

The report (bench/big_report.py) is the 2025 seed with its task paragraphs repeated, numbers
shifted, to 40 MB. Nothing in the repeated tail is a review of 2024 or a target of 2025, so every
verdict must be the one the original seed gives, with the same evidence lines. How long it takes
is measured by `python bench/big_report.py`, never here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.big_report import FOLLOWUP_2026, SEED_2025, build

from tests.clihelp import ROOT, invoke


def _results(*corpus: Path) -> dict[str, Any]:
    # The headline targets: the 40 MB file shifts every number of the task paragraphs, so the
    # task quotes of the shipped map stand there no more.
    args = ["check", "--targets", str(ROOT / "tests" / "data" / "headline-targets.yaml"), "--format", "json"]
    for path in corpus:
        args += ["--corpus", str(path)]
    result = invoke(*args)
    assert result.exit_code == 0, result.output[-2000:]
    assert "Traceback" not in result.stderr
    out = {}
    for record in json.loads(result.stdout)["results"]:
        if record["year"] in (2024, 2025):
            actual = record["actual"] or {}
            out[record["id"]] = (record["status"], record["target"]["line"], actual.get("value"), actual.get("line"),
                                 Path(actual.get("file") or "").name.replace("big.txt", SEED_2025.name))
    return out


def test_a_40_mb_report_gives_the_verdicts_of_the_original(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    copies = build(big, 40)
    assert big.stat().st_size >= 40 * 1024 * 1024 and copies > 1000
    original = _results(SEED_2025, FOLLOWUP_2026)
    assert {status for status, *_ in original.values()} >= {"met", "missed"}
    assert _results(big, FOLLOWUP_2026) == original
