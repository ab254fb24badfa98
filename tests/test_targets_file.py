"""The shipped targets.yaml: complete, readable, and checked at load.

- every quantified commitment of the seeds' plan sections lies inside some target's quote
  (coverage ≥ 95% per seed, as counted by `targetcheck.commitments`);
- ids are `YEAR.slug` and stable for the headline indicators (DOMAIN §6);
- targets stand in report order inside each report entry;
- a quote its report does not hold, or holds twice, stops the run with the target's id and line.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from targetcheck.app import app
from targetcheck.commitments import coverage, find_commitments, is_covered, quote_spans
from targetcheck.config import load_config
from targetcheck.reader import read_file

from .conftest import ROOT, SEED_2017, SEED_2025

TARGETS = ROOT / "targets.yaml"
HEADLINE_SLUGS = {
    "gdp-growth", "gdp-total", "industry-va-growth", "fai-growth", "retail-growth", "revenue-growth",
    "income-growth", "urban-income-growth", "rural-income-growth", "unemployment-rate", "new-urban-jobs", "cpi",
}


@pytest.mark.parametrize("seed", [SEED_2017, SEED_2025], ids=["2017", "2025"])
def test_plan_commitments_are_covered(seed: Path) -> None:
    report = read_file(seed).reports[0]
    config = load_config(TARGETS)
    quotes = [t.quote for t in config.targets if t.quote and t.year == report.year and t.source is None]
    spans = quote_spans(report, quotes)
    commitments = find_commitments(report)
    uncovered = [f"line {c.line}: {c.quantity.text} ({c.clause})" for c in commitments if not is_covered(c, spans)]
    assert coverage(commitments, spans) >= 0.95, "\n".join(uncovered)
    assert len(commitments) >= 60


def test_enough_targets_per_plan() -> None:
    config = load_config(TARGETS)
    for year in (2017, 2025):
        assert sum(1 for t in config.targets if t.year == year) >= 75
    assert len(config.targets) >= 150


def test_ids_say_year_and_what_they_hold() -> None:
    config = load_config(TARGETS)
    for target in config.targets:
        year, slug = target.id.split(".", 1)
        assert int(year) == target.year
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), target.id
        if target.indicator.slug in HEADLINE_SLUGS:
            assert slug == target.indicator.slug, f"{target.id}: headline ids use the DOMAIN §6 slug"


def test_targets_stand_in_report_order() -> None:
    """Within each report entry, targets follow the order of their quotes in the report."""
    config = load_config(TARGETS)
    reports = {2017: read_file(SEED_2017).reports[0], 2025: read_file(SEED_2025).reports[0]}
    raw = yaml.safe_load(TARGETS.read_text(encoding="utf-8"))
    for entry in raw["reports"]:
        report = reports.get(entry["year"])
        if report is None or "source" in entry:
            continue
        ids = [t["id"] for section in entry["sections"] for t in section["targets"]]
        by_id = {t.id: t for t in config.targets}
        positions = []
        for target_id in ids:
            (paragraph, offset), = report.find_quote(by_id[target_id].quote)
            positions.append(((paragraph.index, offset), target_id))
        for (here, first), (there, second) in itertools.pairwise(positions):
            # Two targets read from one clause share its start.
            assert here <= there, f"{second} stands before {first} in the report"


def test_every_milestone_names_its_objects() -> None:
    config = load_config(TARGETS)
    for target in config.targets:
        if target.indicator.slug == "milestone":
            assert target.aliases, f"{target.id}: give `outcome.aliases` (the objects it names)"


def _check_with(tmp_path: Path, text: str) -> tuple[int, str]:
    targets = tmp_path / "targets.yaml"
    targets.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--targets", str(targets), "--corpus", str(ROOT / "seeds")])
    return result.exit_code, result.stderr


def test_a_quote_not_in_its_report_is_refused(tmp_path: Path) -> None:
    text = TARGETS.read_text(encoding="utf-8").replace("quote: 新建基站1200座", "quote: 新建基站1300座")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "新建基站1300座" in row)
    code, err = _check_with(tmp_path, text)
    assert code == 2
    assert f"targets.yaml:{line}" in err and "2017.new-base-stations" in err and "not in its report" in err


def test_a_quote_standing_twice_is_refused(tmp_path: Path) -> None:
    # `投资增长20%以上` also stands in the review of 2024 (固定资产投资增长20%以上).
    text = TARGETS.read_text(encoding="utf-8").replace("quote: 投产300个以上、投资增长20%以上", "quote: 投资增长20%以上")
    code, err = _check_with(tmp_path, text)
    assert code == 2
    assert "2025.major-projects-investment-growth" in err and "stands 2 times" in err


def test_a_source_target_of_a_corpus_year_is_not_looked_for_in_the_report(tmp_path: Path) -> None:
    """2025 has both a report in the corpus and an annual plan notice: the notice's wording is
    not the report's, so it is never an error that the report does not hold it."""
    config = load_config(TARGETS)
    notice = [t for t in config.targets if t.year == 2025 and t.source]
    assert {t.id for t in notice} == {"2025.unemployment-rate", "2025.grain-output"}
    code, err = _check_with(tmp_path, TARGETS.read_text(encoding="utf-8"))
    assert code == 0, err
