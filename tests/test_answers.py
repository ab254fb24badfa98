"""The shipped targets.yaml against the constructed follow-up reports and their answer key.

Runs the real `targetcheck check --format json` with the shipped targets.yaml over seeds/ plus the
constructed 2018 and 2026 Baotou reports (tests/corpora/), and with tests/corpora/ordos-targets.yaml
(the shipped outcome rules, Ordos targets) over the constructed Ordos pair, and compares every
entry of tests/corpora/ANSWERS.yaml:

- the status must match (an entry marked `ambiguous` accepts met or missed, never unreported);
- the actual value must match where the key gives a number in the target's unit;
- the evidence quote must contain the key's quote, or be contained in it;
- no result may quote one of the key's traps (five-year figures, plan targets, partial periods …).

`python tests/test_answers.py` prints the agreement figure and every disagreement.
"""

from __future__ import annotations

import json
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "cli"))

from targetcheck.app import app  # noqa: E402
from targetcheck.textnorm import normalize  # noqa: E402

KEY = ROOT / "tests" / "corpora" / "ANSWERS.yaml"
# Baotou: the shipped targets.yaml over the seeds and the constructed 2018 and 2026 reports.
# Ordos: tests/corpora/ordos-targets.yaml with the shipped outcome rules, over the Ordos pair.
RUNS = {
    "包头市": (ROOT / "targets.yaml", [ROOT / "seeds", ROOT / "tests/corpora/baotou-2018", ROOT / "tests/corpora/baotou-2026"]),
    "鄂尔多斯市": (ROOT / "tests/corpora/ordos-targets.yaml", [ROOT / "tests/corpora/ordos-2023-2024"]),
}
# Entries the key's quote alone cannot tell apart: one clause holding two targets with the same
# value (`旅游人数和旅游收入增长15%以上`), or targets worded in a source document.
BY_HAND = {
    "bt2017-060": "2017.tourist-arrivals-growth",
    "bt2017-061": "2017.tourism-revenue-growth",
    "bt2025-008": "2025.unemployment-rate",
    "bt2025-009": "2025.grain-output",
}


@cache
def _run(city: str) -> dict[str, Any]:
    targets, corpus = RUNS[city]
    if targets.name != "targets.yaml":
        # The shipped outcome rules, then the file's own indicators.
        data = yaml.safe_load(targets.read_text(encoding="utf-8"))
        shipped = yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8"))["indicators"]
        data["indicators"] = {**shipped, **(data.get("indicators") or {})}
        directory = Path(tempfile.mkdtemp())
        targets = directory / "targets.yaml"
        targets.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    args = ["check", "--targets", str(targets), "--format", "json"]
    for path in corpus:
        args += ["--corpus", str(path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@cache
def _key() -> dict[str, Any]:
    return yaml.safe_load(KEY.read_text(encoding="utf-8"))


def _entries() -> list[dict[str, Any]]:
    return _key()["entries"]


def _result_for(entry: dict[str, Any], results: list[dict[str, Any]]) -> dict[str, Any]:
    by_id = {r["id"]: r for r in results}
    if entry["id"] in BY_HAND:
        return by_id[BY_HAND[entry["id"]]]
    quote = normalize(entry["target_quote"])
    found = [
        r
        for r in results
        if r["year"] == entry["report_target_year"]
        and r["target"]["quote"]
        and (quote in normalize(r["target"]["quote"]) or normalize(r["target"]["quote"]) in quote)
    ]
    if len(found) > 1 and entry.get("target_value") is not None:
        found = [r for r in found if r["target"]["value"] == pytest.approx(entry["target_value"])]
    if len(found) > 1 and entry.get("slug"):
        found = [r for r in found if r["indicator"] == entry["slug"]] or found
    assert len(found) == 1, f"{entry['id']}: {len(found)} targets match {entry['target_quote']!r}"
    return found[0]


def _expected_value(actual: dict[str, Any]) -> tuple[float, str] | None:
    converted = actual.get("converted")
    if converted:
        return float(converted["value"]), converted["unit"]
    if isinstance(actual.get("value"), int | float):
        return float(actual["value"]), actual["unit"]
    return None


def disagreements(entry: dict[str, Any], result: dict[str, Any]) -> list[str]:
    """Why `result` disagrees with the key's `entry` (empty when it agrees)."""
    problems = []
    want, got = entry["expected_status"], result["status"]
    if entry.get("ambiguous"):
        if got not in ("met", "missed"):
            problems.append(f"status {got}, want met or missed (ambiguous)")
    elif got != want:
        problems.append(f"status {got}, want {want}")
    answer = entry.get("actual")
    actual = result["actual"]
    if answer and got != "unreported" and want != "unreported":
        if actual is None:
            problems.append("no evidence")
        else:
            theirs, ours = normalize(answer["quote"]), normalize(actual["quote"])
            if theirs not in ours and ours not in theirs:
                problems.append(f"evidence {actual['quote']!r}, want {answer['quote']!r}")
            expected = _expected_value(answer)
            if expected is not None and actual["value"] is not None and expected[1] == result["target"]["unit"]:
                if actual["value"] != pytest.approx(expected[0], rel=1e-6):
                    problems.append(f"actual {actual['value']}, want {expected[0]}")
    return problems


def trap_uses() -> list[str]:
    """Results whose evidence is one of the key's traps."""
    results = [r for city in RUNS for r in _run(city)["results"]]
    used = []
    for trap in _key()["traps"]:
        text = normalize(trap["quote"])
        for r in results:
            actual = r["actual"]
            if actual is None or not actual["file"].endswith(Path(trap["file"]).name):
                continue
            quote = normalize(actual["quote"])
            # Evidence may hold a trap as context (`五年累计改造各类棚户区16.2万户，其中2017年改造
            # 38960户`); it uses the trap when its figure is the trap's, or when it is all trap.
            stated = normalize(actual["stated"] or "")
            if quote in text or (text in quote and (not stated or stated in text)):
                used.append(f"{r['id']} quotes the trap {trap['quote']!r} ({trap['kind']})")
    return used


def _check(entry: dict[str, Any]) -> list[str]:
    """Disagreements for one entry. A target set by a higher level (`comparator: set-elsewhere`)
    is listed apart as not checkable, whatever the key's status: the README's contract."""
    payload = _run(entry["city"])
    if entry["comparator"] == "set-elsewhere":
        quote = normalize(entry["target_quote"])
        listed = [u for u in payload["not_checkable"] if u["quote"] and normalize(u["quote"]) == quote]
        return [] if listed else ["not listed as not checkable"]
    return disagreements(entry, _result_for(entry, payload["results"]))


def agreement() -> tuple[int, int, list[str]]:
    problems = []
    agreed = 0
    for entry in _entries():
        found = _check(entry)
        if found:
            problems.append(f"{entry['id']} {entry['target_quote'] or entry.get('target_source')}: {'; '.join(found)}")
        else:
            agreed += 1
    return agreed, len(_entries()), problems


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["id"])
def test_answer(entry: dict[str, Any]) -> None:
    assert _check(entry) == []


def test_no_trap_is_evidence() -> None:
    assert trap_uses() == []


if __name__ == "__main__":
    agreed, total, problems = agreement()
    for problem in problems + trap_uses():
        print(problem)
    print(f"agreement: {agreed}/{total} entries ({agreed / total:.1%})")
