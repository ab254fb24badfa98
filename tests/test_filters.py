"""Filters (`--status`, `--year`, `--tag`, `--id`, `--indicator`) and `--fail-on`."""

from __future__ import annotations

import csv
import io

import pytest

from tests.clihelp import FOLLOWUPS, HEADLINE_FOLLOWUPS, TWO_CITIES, check_json, invoke

pytestmark = pytest.mark.usefixtures("at_root")


def ids(*args: str) -> list[str]:
    return [r["id"] for r in check_json(*args)["results"]]


def test_status_filter_keeps_those_verdicts_and_the_summary_counts_what_is_shown() -> None:
    everything = check_json(*FOLLOWUPS)
    payload = check_json(*FOLLOWUPS, "--status", "missed")
    assert {r["status"] for r in payload["results"]} == {"missed"}
    assert payload["summary"]["missed"] == payload["summary"]["total"] == everything["summary"]["missed"]
    assert payload["summary"]["met"] == 0
    assert payload["filters"] == {"status": ["missed"]}


def test_repeated_options_and_comma_lists_are_the_same() -> None:
    assert ids(*FOLLOWUPS, "--status", "met,unreported") == ids(*FOLLOWUPS, "--status", "met", "--status", "unreported")
    assert ids(*FOLLOWUPS, "--year", "2017,2025") == ids(*FOLLOWUPS, "--year", "2017", "--year", "2025")
    assert {i[:4] for i in ids(*FOLLOWUPS, "--year", "2017,2025")} == {"2017", "2025"}


def test_different_filters_must_all_match() -> None:
    shown = ids(*FOLLOWUPS, "--year", "2024", "--status", "met")
    assert shown == ["2024.fai-growth", "2024.new-urban-jobs"]


def test_id_globs_tags_and_indicators() -> None:
    assert ids(*FOLLOWUPS, "--id", "2017.*income*") == ["2017.urban-income-growth", "2017.rural-income-growth"]
    assert ids(*FOLLOWUPS, "--id", "2024.gdp-growth") == ["2024.gdp-growth"]
    assert ids(*FOLLOWUPS, "--indicator", "gdp-growth") == ["2017.gdp-growth", "2024.gdp-growth", "2025.gdp-growth"]
    assert ids(*TWO_CITIES, "--tag", "livelihood") == [
        "2017.rural-income-growth", "2017.unemployment-rate", "2023.new-urban-jobs",
    ]


def test_targets_set_elsewhere_follow_the_filters_but_have_no_verdict() -> None:
    assert [u["id"] for u in check_json(*TWO_CITIES, "--tag", "environment")["not_checkable"]] == ["2023.energy-quota"]
    assert check_json(*TWO_CITIES, "--tag", "headline")["not_checkable"] == []
    assert check_json(*TWO_CITIES, "--status", "met,missed,unreported,pending")["not_checkable"] == []
    assert check_json(*TWO_CITIES)["summary"]["not_checkable"] == 1


def test_filters_apply_to_every_format() -> None:
    rows = list(csv.DictReader(io.StringIO(invoke("check", "-f", "csv", *HEADLINE_FOLLOWUPS, "--status", "missed").stdout)))
    assert rows and {r["status"] for r in rows} == {"missed"}
    table = invoke("check", *HEADLINE_FOLLOWUPS, "--status", "missed").stdout
    assert "11 of 22 targets (--status missed): 0 met, 11 missed, 0 unreported, 0 pending" in table
    assert " met " not in table.replace("0 met,", "")
    markdown = invoke("check", "-f", "markdown", *HEADLINE_FOLLOWUPS, "--year", "2024").stdout
    assert "`--year 2024` (8 of 22 targets shown" in markdown
    assert "## Targets for 2017" not in markdown and "## Targets for 2024" in markdown


def test_a_filter_that_matches_nothing_in_a_known_set_shows_an_empty_table() -> None:
    result = invoke("check", "--status", "pending", *FOLLOWUPS)
    assert result.exit_code == 0
    assert "No targets match --status pending." in result.stdout
    assert check_json(*FOLLOWUPS, "--status", "pending")["summary"]["total"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "mised"], "--status: unknown verdict 'mised' (hint: use one or more of met, missed, unreported, pending"),
        (["--year", "17"], "--year: '17' is not a year"),
        (["--year", "2019"], "--year: no target is set for 2019 (hint: years with targets: 2017, 2024, 2025)"),
        (["--tag", "headlin"], "--tag: no target is tagged 'headlin' (hint: did you mean headline?)"),
        (["--indicator", "gdp"], "--indicator: no target measures 'gdp'"),
        (["--id", "2019.*"], "--id: '2019.*' matches no target id"),
        (["--fail-on", "met"], "--fail-on: unknown verdict 'met' (hint: use one or more of missed, unreported, pending"),
    ],
)
def test_a_filter_value_that_cannot_match_is_a_usage_error(args: list[str], message: str) -> None:
    result = invoke("check", *FOLLOWUPS, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"targetcheck: error: {message}" in result.stderr


def test_fail_on_exits_1_when_a_result_shown_matches() -> None:
    result = invoke("check", *HEADLINE_FOLLOWUPS, "--fail-on", "missed")
    assert result.exit_code == 1
    assert "targetcheck: --fail-on missed: 11 results matched" in result.stderr
    assert "Targets for 2017" in result.stdout  # the report is still printed in full


def test_fail_on_is_judged_after_the_filters() -> None:
    assert invoke("check", *FOLLOWUPS, "--fail-on", "missed", "--status", "met").exit_code == 0
    assert invoke("check", *FOLLOWUPS, "--fail-on", "missed", "--id", "2024.fai-growth").exit_code == 0
    assert invoke("check", *FOLLOWUPS, "--fail-on", "missed", "--id", "2024.gdp-growth").exit_code == 1


def test_fail_on_takes_a_comma_list() -> None:
    assert invoke("check", *FOLLOWUPS, "--fail-on", "pending").exit_code == 0  # every target has a follow-up
    assert invoke("check", "--fail-on", "pending").exit_code == 1  # the shipped corpus: 2017, 2025 pending
    assert invoke("check", *FOLLOWUPS, "--fail-on", "pending,unreported").exit_code == 1
