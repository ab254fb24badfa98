"""`targetcheck show ID`: one target in full, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from targetcheck.config import load_config
from tests.clihelp import FOLLOWUPS, TWO_CITIES, check_json, invoke

pytestmark = pytest.mark.usefixtures("at_root")
BAOTOU_2018 = "tests/corpora/baotou-2018/包头2018政府工作报告-constructed.txt"


def show(*args: str) -> str:
    result = invoke("show", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_text_gives_target_rule_outcome_and_every_place_considered() -> None:
    out = show("2017.gdp-growth", *FOLLOWUPS)
    lines = out.splitlines()
    assert lines[0] == "2017.gdp-growth  missed"
    assert "target    地区生产总值增长8%左右" in lines
    assert "          seeds/000_b64753ee75fd97df.txt:29" in lines
    assert "          comparator about, tolerance 0.2 pp: met when the outcome is at least 7.8% (8% − tolerance 0.2 pp)" in lines
    assert "outcome   初步核算，全年地区生产总值完成2745.1亿元，按可比价格计算增长5.6%" in lines  # the lead clause that makes it an estimate
    assert f"          {BAOTOU_2018}:15" in lines
    assert "          5.6%, difference -2.4 pp: missed" in lines
    assert f"considered in {BAOTOU_2018}: 4 places, 3 set aside" in lines
    considered = out.split("considered in", 1)[1]
    assert "line  7  7.8%      set aside: a five-year review passage, not the figure for 2017" in considered
    assert "line 15  5.6%      used" in considered
    assert "line 36  6.5%左右  set aside: the plan for the next five years" in considered
    assert "line 45  6.5%左右  set aside: the plan for 2018: a target, not an outcome" in considered


def test_json_is_the_check_record_plus_rule_and_considered() -> None:
    record = json.loads(show("2017.gdp-growth", *FOLLOWUPS, "--format", "json"))
    from_check = next(r for r in check_json(*FOLLOWUPS)["results"] if r["id"] == "2017.gdp-growth")
    assert {k: v for k, v in record.items() if k not in ("rule", "considered")} == from_check
    assert record["rule"] == "met when the outcome is at least 7.8% (8% − tolerance 0.2 pp)"
    places = record["considered"]
    assert [p["line"] for p in places] == [7, 15, 36, 45]
    assert [p["used"] for p in places] == [False, True, False, False]
    used = places[1]
    assert (used["quote"], used["file"], used["line"]) == (
        from_check["actual"]["quote"], from_check["actual"]["file"], from_check["actual"]["line"],
    )


def test_every_result_has_exactly_one_used_place_when_it_has_an_outcome() -> None:
    for record in check_json(*FOLLOWUPS)["results"]:
        places = json.loads(show(record["id"], *FOLLOWUPS, "-f", "json"))["considered"]
        used = [p for p in places if p["used"]]
        if record["actual"] is not None:
            assert len(used) == 1, record["id"]
            assert used[0]["line"] == record["actual"]["line"]
        else:
            assert used == [], record["id"]
        assert len({(p["file"], p["line"], p["quote"], p["figure"]) for p in places}) == len(places)  # each once


def test_pending_unreported_and_sourced_targets() -> None:
    pending = show("2025.gdp-growth")
    assert pending.startswith("2025.gdp-growth  pending\n")
    assert "outcome   none yet" in pending
    assert "notes     no 2026 report of 包头市 in the corpus: the outcome of 2025 is reported there" in pending
    silent = show("2024.unemployment-rate")
    assert "stated in 包头市人民政府关于下达2024年国民经济和社会发展计划的通知 (not in the corpus)" in silent
    assert "outcome   not reported in seeds/003_f70d05a2e53d4ccd.txt" in silent
    assert "considered: nothing in that report names this indicator" in silent


def test_a_relation_names_what_it_was_compared_with() -> None:
    out = show("2024.income-growth")
    assert "met when it grows at least as fast as 地区生产总值增长 in the same year, less 0.2 pp" in out
    assert "notes     compared with 地区生产总值增长 8.03% (seeds/003_f70d05a2e53d4ccd.txt:17: 前三季度地区生产总值增长8.03%)" in out


def test_a_target_set_elsewhere() -> None:
    out = show("2023.energy-quota", *TWO_CITIES)
    assert out.startswith("2023.energy-quota  not checkable from reports\n")
    record = json.loads(show("2023.energy-quota", *TWO_CITIES, "-f", "json"))
    assert record["status"] == "not-checkable" and record["considered"] == []


@pytest.mark.parametrize(
    ("given", "suggestion"),
    [
        ("2017.gdp", "did you mean 2017.gdp-growth?"),
        ("2017.gdp-grwoth", "did you mean 2017.gdp-growth or 2025.gdp-growth or 2024.gdp-growth?"),
        ("gdp-growth", "did you mean 2025.gdp-growth or 2024.gdp-growth or 2017.gdp-growth?"),
        ("2099.nothing-like-it", "`targetcheck check` lists the {count} ids in targets.yaml"),
    ],
)
def test_an_unknown_id_is_exit_2_with_close_ids(given: str, suggestion: str) -> None:
    result = invoke("show", given)
    assert result.exit_code == 2
    assert result.stdout == ""
    suggestion = suggestion.format(count=len(load_config(Path("targets.yaml")).targets))
    assert result.stderr.strip().endswith(f"unknown target id {given!r} in targets.yaml (hint: {suggestion})")


def test_milestone_other_readings_are_said_in_words_not_as_figures_set_aside() -> None:
    out = show("2025.grid-projects-operation", *FOLLOWUPS)
    assert "包风4: not done, late (" in out
    considered = out.split("considered in", 1)[1]
    assert ": 3 places, 1 set aside" in considered
    assert "also read: 包风3: done" in considered
    assert "a better figure" not in out and "set aside: also read" not in out
    record = json.loads(show("2025.grid-projects-operation", *FOLLOWUPS, "-f", "json"))
    assert "reported not done, late" in record["notes"]
    assert [p["reason"] for p in record["considered"]][:2] == ["also read: 包风3: done", "used"]
