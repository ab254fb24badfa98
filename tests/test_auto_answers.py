"""`check --auto` on the seeds and the constructed follow-ups, against the answer key.

The answer key (tests/corpora/ANSWERS.yaml) was written by hand for curated targets. Its entries
whose target quote stands in a report's headline sentence (the line holding
`主要预期目标是/为`) are what `--auto` must find by itself, with the same verdicts; it must find no
other target in those reports, and the targets of reports without a follow-up are pending.
"""

from __future__ import annotations

import json
import os
import re

import pytest
import yaml
from typer.testing import CliRunner

from targetcheck.app import app
from targetcheck.textnorm import normalize
from tests.conftest import ROOT

ANSWERS = yaml.safe_load((ROOT / "tests" / "corpora" / "ANSWERS.yaml").read_text(encoding="utf-8"))
HEADLINE_LINE = re.compile(r"主要预期目标(?:是|为)")
# Where the outcome finder (outcomes.py, not --auto) still disagrees with the key; remove an entry
# when the finder learns the case (the test then passes and strict xfail says so).
FINDER_GAPS: dict[str, str] = {}


# The key gives the surveyed rate no slug (DOMAIN §6 defines unemployment-rate as the registered
# rate); --auto files it under unemployment-rate, named 城镇调查失业率, and must find it unreported.
EXTRA_SLUGS = {"or2023-009": "unemployment-rate"}


def headline_line(entry: dict) -> int | None:
    """The line of the target's report whose headline sentence holds the target quote (the key's
    `target_line` is the quote's first occurrence, which for bt2025-003 is in the review)."""
    lines = (ROOT / entry["target_file"]).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if HEADLINE_LINE.search(line) and entry["target_quote"] in line:
            return number
    return None


HEADLINE_ENTRIES = [
    dict(entry, headline_line=line, slug=entry.get("slug") or EXTRA_SLUGS.get(entry["id"]))
    for entry in ANSWERS["entries"]
    if entry.get("target_quote") and (line := headline_line(entry)) is not None
]
CHECKED = [e for e in HEADLINE_ENTRIES if e["slug"]]
SET_ELSEWHERE = [e for e in HEADLINE_ENTRIES if e["comparator"] == "set-elsewhere"]


@pytest.fixture(scope="module")
def auto_run() -> dict:
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            app, ["check", "--auto", "--corpus", "seeds", "--corpus", "tests/corpora", "--format", "json"]
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_city_and_id(payload: dict) -> dict[tuple[str, str], dict]:
    return {(r["city"], r["id"]): r for r in payload["results"]}


def test_the_key_has_headline_entries() -> None:
    # Guards the selection below: 2017 and 2025 Baotou and 2023 Ordos state their headline targets.
    years = {(e["city"], e["report_target_year"]) for e in CHECKED}
    assert years == {("包头市", 2017), ("包头市", 2025), ("鄂尔多斯市", 2023)}
    assert len(CHECKED) >= 20


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(e, id=e["id"], marks=[pytest.mark.xfail(strict=True, reason=FINDER_GAPS[e["id"]])])
        if e["id"] in FINDER_GAPS
        else pytest.param(e, id=e["id"])
        for e in CHECKED
    ],
)
def test_headline_verdict_matches_the_key(entry: dict, auto_run: dict) -> None:
    results = by_city_and_id(auto_run)
    key = (entry["city"], f"{entry['report_target_year']}.{entry['slug']}")
    assert key in results, f"--auto did not find {key}"
    got = results[key]
    context = json.dumps(got, ensure_ascii=False)
    assert got["origin"] == "auto"
    target = got["target"]
    assert normalize(entry["target_quote"]) in normalize(target["quote"]), context
    assert (target["file"], target["line"]) == (entry["target_file"], entry["headline_line"]), context
    assert got["status"] == entry["expected_status"] or (
        entry.get("ambiguous") and got["status"] in ("met", "missed")
    ), context
    expected = entry.get("actual")
    if expected is None:
        assert got["actual"] is None, context
        return
    actual = got["actual"]
    assert actual is not None and actual["file"] == entry["outcome_file"], context
    value = expected["converted"]["value"] if expected.get("converted") else expected["value"]
    assert actual["value"] == pytest.approx(value), context
    quote_key, quote_got = normalize(expected["quote"]), normalize(actual["quote"])
    assert quote_key in quote_got or quote_got in quote_key, context


def test_set_elsewhere_targets_are_not_checkable(auto_run: dict) -> None:
    listed = {(u["city"], u["id"]): u for u in auto_run["not_checkable"]}
    for entry in SET_ELSEWHERE:
        item = listed.get((entry["city"], f"{entry['report_target_year']}.set-elsewhere"))
        assert item is not None, entry["id"]
        assert item["quote"] == entry["target_quote"] and item["origin"] == "auto"


def test_no_target_beyond_the_key_where_a_follow_up_exists(auto_run: dict) -> None:
    expected = {(e["city"], f"{e['report_target_year']}.{e['slug']}") for e in CHECKED}
    checked_years = {(e["city"], e["report_target_year"]) for e in CHECKED}
    found = {
        (r["city"], r["id"]) for r in auto_run["results"] if (r["city"], r["year"]) in checked_years
    }
    assert found == expected


def test_reports_without_a_follow_up_are_pending(auto_run: dict) -> None:
    last = {("包头市", 2018), ("包头市", 2026), ("鄂尔多斯市", 2024)}
    rows = [r for r in auto_run["results"] if (r["city"], r["year"]) in last]
    assert {(r["city"], r["year"]) for r in rows} == last
    assert all(r["status"] == "pending" and r["actual"] is None for r in rows)
    # The 2024 Ordos list repeats clauses of 2023 word for word; each row points at its own report.
    ordos = {r["id"]: r["target"]["file"] for r in rows if r["city"] == "鄂尔多斯市"}
    assert set(ordos.values()) == {"tests/corpora/ordos-2023-2024/鄂尔多斯2024政府工作报告-constructed.txt"}
    assert "2024.cpi" in ordos and "2024.unemployment-rate" in ordos
