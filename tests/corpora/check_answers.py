"""Consistency check for tests/corpora/ANSWERS.yaml against the texts it quotes.

Run from the repository root:  python tests/corpora/check_answers.py
Exits non-zero on any problem. (Not a pytest module: the team's tests use the key, this only
keeps the key honest when the texts or the key are edited.)
"""

from __future__ import annotations

import collections
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
KEY = ROOT / "tests/corpora/ANSWERS.yaml"
SEED000 = "seeds/000_b64753ee75fd97df.txt"
STATUSES = {"met", "missed", "unreported"}
QUALIFIERS = {"estimate", "lower-bound", "partial-period", "comparable-basis", "negative", "change"}
COMPARATORS = {"approx", "ge", "le", "milestone", "relation", "set-elsewhere"}
MILESTONE_VALUES = {"done", "partial", "not-done", "postponed", "delayed"}


def read(path: str) -> str:
    text = (ROOT / path).read_text(encoding="utf-8")
    if path == SEED000:  # eight identical copies; the first is lines 1-73
        text = "\n".join(text.splitlines()[:73])
    return text


def main() -> int:
    key = yaml.safe_load(KEY.read_text(encoding="utf-8"))
    problems: list[str] = []
    files = key["files"]
    by_path = {f["path"]: f for f in files.values()}
    texts = {f["path"]: read(f["path"]) for f in files.values()}

    def review_part(path: str) -> tuple[str, int]:
        marker = by_path[path].get("review_ends_before")
        text = texts[path]
        if not marker:
            return text, len(text)
        if text.count(marker) != 1:
            problems.append(f"{path}: review marker {marker!r} found {text.count(marker)} times")
            return text, len(text)
        cut = text.index(marker)
        return text[:cut], cut

    actual_spans: dict[str, list[tuple[int, int, str]]] = collections.defaultdict(list)
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    ids = set()
    for e in key["entries"]:
        eid = e["id"]
        if eid in ids:
            problems.append(f"{eid}: duplicate id")
        ids.add(eid)
        counts[(f"{e['city']} {e['report_target_year']}", e["expected_status"])] += 1
        if e["expected_status"] not in STATUSES:
            problems.append(f"{eid}: bad status {e['expected_status']}")
        if e.get("comparator") not in COMPARATORS:
            problems.append(f"{eid}: bad comparator {e.get('comparator')}")
        tq = e["target_quote"]
        if tq is None:
            if not e.get("target_source"):
                problems.append(f"{eid}: no target_quote and no target_source")
        else:
            ttext = texts[e["target_file"]]
            if tq not in ttext:
                problems.append(f"{eid}: target_quote not in {e['target_file']}: {tq!r}")
            else:
                lines = ttext.splitlines()
                line = e.get("target_line")
                if not line or tq not in lines[line - 1]:
                    problems.append(f"{eid}: target_line {line} does not hold the quote")
        ofile = e["outcome_file"]
        review, cut = review_part(ofile)
        a = e.get("actual")
        if a is None:
            if e["expected_status"] != "unreported":
                problems.append(f"{eid}: no actual but status {e['expected_status']}")
        else:
            q = a["quote"]
            full = texts[ofile]
            if q not in full:
                problems.append(f"{eid}: actual quote not in {ofile}: {q!r}")
            elif q not in review:
                problems.append(f"{eid}: actual quote only outside the review part: {q!r}")
            else:
                start = review.index(q)
                actual_spans[ofile].append((start, start + len(q), eid))
            bad = set(a.get("qualifiers") or []) - QUALIFIERS
            if bad:
                problems.append(f"{eid}: unknown qualifiers {bad}")
            if e.get("comparator") == "milestone" and a["value"] not in MILESTONE_VALUES:
                problems.append(f"{eid}: milestone value {a['value']!r}")
        for s in e.get("absent_from_review") or []:
            if s in review:
                problems.append(f"{eid}: {s!r} occurs in the review part of {ofile}")

    for t in key["traps"]:
        path, q = t["file"], t["quote"]
        text = texts[path]
        if q not in text:
            problems.append(f"trap not in {path}: {q!r}")
            continue
        _, cut = review_part(path)
        starts = [i for i in range(len(text)) if text.startswith(q, i)]
        if t["kind"].startswith("plan") and any(s < cut for s in starts):
            problems.append(f"plan trap inside the review part: {q!r}")
        if (
            not t["kind"].startswith("plan")
            and t["kind"] != "prior-year"
            and any(s >= cut for s in starts)
        ):
            problems.append(f"review trap outside the review part: {q!r}")
        for s in starts:
            for a0, a1, eid in actual_spans.get(path, []):
                if s < a1 and a0 < s + len(q):
                    problems.append(f"trap {q!r} overlaps the actual quote of {eid}")

    for (group, status), n in sorted(counts.items()):
        print(f"{group:12s} {status:10s} {n}")
    print(f"entries: {len(key['entries'])}, traps: {len(key['traps'])}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
