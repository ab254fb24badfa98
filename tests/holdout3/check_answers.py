#!/usr/bin/env python3
"""Check the holdout3 answer key, and score a `targetcheck check -f json` run against it.

    python tests/holdout3/check_answers.py                      # validate ANSWERS.yaml
    python tests/holdout3/check_answers.py --compare OUT.json   # score a run (curated results)
    python tests/holdout3/check_answers.py --compare OUT.json --origin auto   # score --auto results

Validation: every `actual.quote` is an exact substring of its file, every trap is an exact
substring of its file, ids are unique and exist in targets.yaml.

Scoring (--compare):
  * status agreement: expected_status vs the run's status (met / missed / unreported / pending;
    `not-checkable` agrees when the id is listed under `not_checkable`), overall, by year,
    by kind (headline / quantified / milestone / silent), and on the unambiguous entries;
  * value agreement: for entries both sides call met or missed and the key gives a value, the
    run's actual.value within 1.1% of the key's (the key's value is rescaled when the run
    states the target in another magnitude, using target.value / target_value);
  * qualifiers: outcome qualifiers (estimate, lower-bound, upper-bound, partial-period,
    comparable-basis, negative, approximate, just-under, derived) compared as sets; milestone
    states compared as classes (not-done = not-done|postponed|delayed; partial; in-progress);
  * trap hits: a result whose evidence sits on a trap's line and whose stated figure (or quote)
    lies inside the trap.
Exit status: 0 when the key validates (and, with --compare, always 0: scoring is a measurement).
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORE = {"estimate", "lower-bound", "upper-bound", "partial-period", "comparable-basis",
        "negative", "approximate", "just-under", "derived", "summed"}
# --auto scope: the clauses of each report's headline sentence (README: `--auto`). 2017.energy-saving-quota
# is `2017.set-elsewhere` for --auto; 2025.gdp-total stands outside the headline sentence; 2025's
# unemployment-rate and grain-output come from the plan notice, not the report.
AUTO_SCOPE = {"2017.gdp-growth", "2017.fai-growth", "2017.retail-growth", "2017.revenue-growth",
              "2017.urban-income-growth", "2017.rural-income-growth", "2017.unemployment-rate",
              "2025.gdp-growth", "2025.industry-va-growth", "2025.fai-growth", "2025.retail-growth",
              "2025.revenue-growth", "2025.income-growth"}
MS_CLASS = {"not-done": "not-done", "postponed": "not-done", "delayed": "not-done",
            "partial": "partial", "in-progress": "in-progress"}


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if not ch.isspace())


def load_key(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def validate(key: dict) -> list[str]:
    errors = []
    texts: dict[str, str] = {}

    def text(f: str) -> str:
        if f not in texts:
            texts[f] = (ROOT / f).read_text(encoding="utf-8")
        return texts[f]

    ids = [t["id"] for t in key["targets"]]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        errors.append(f"duplicate ids: {sorted(dup)}")
    known = set()
    ty = yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8"))
    for r in ty["reports"]:
        for s in r.get("sections") or [{"targets": r.get("targets", [])}]:
            for t in s["targets"]:
                known.add(t["id"])
    for t in key["targets"]:
        if t["id"] not in known:
            errors.append(f"{t['id']}: not in targets.yaml")
        a = t.get("actual") or {}
        if a.get("quote"):
            if a["quote"] not in text(a["file"]):
                errors.append(f"{t['id']}: quote not in {a['file']}: {a['quote']}")
        if t["expected_status"] in ("met", "missed") and not a.get("quote"):
            errors.append(f"{t['id']}: met/missed without a quote")
    for tr in key.get("traps", []):
        if tr["quote"] not in text(tr["file"]):
            errors.append(f"trap not in {tr['file']}: {tr['quote']}")
    return errors


def trap_lines(key: dict) -> list[tuple[str, set[int], str]]:
    out = []
    for tr in key.get("traps", []):
        lines = (ROOT / tr["file"]).read_text(encoding="utf-8").split("\n")
        where = {i + 1 for i, l in enumerate(lines) if tr["quote"] in l}
        out.append((tr["file"], where, tr["quote"]))
    return out


def same_file(a: str | None, b: str) -> bool:
    if not a:
        return False
    try:
        return Path(a).resolve() == (ROOT / b).resolve() or Path(a).name == Path(b).name
    except OSError:
        return Path(a).name == Path(b).name


def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100.0 * n / d:.0f}%)" if d else "0/0"


def compare(key: dict, run: dict, origin: str) -> None:
    results = defaultdict(list)
    for r in run.get("results", []):
        results[r["id"]].append(r)
    not_checkable = {r["id"] for r in run.get("not_checkable", [])}

    def pick(i: str):
        rs = results.get(i, [])
        if origin == "any":
            return rs[0] if rs else None
        for r in rs:
            if r.get("origin", "curated") == origin:
                return r
        return None

    entries = key["targets"]
    if origin == "auto":
        entries = [t for t in entries if t["id"] in AUTO_SCOPE or pick(t["id"]) is not None]
    stat = defaultdict(lambda: [0, 0])
    val = defaultdict(lambda: [0, 0])
    qual = defaultdict(lambda: [0, 0])
    disagreements, value_mis, qual_mis = [], [], []
    for t in entries:
        i, exp = t["id"], t["expected_status"]
        year = i[:4]
        kind = "silent" if exp == "unreported" and t["kind"] == "silent" else t["kind"]
        r = pick(i)
        if exp == "not-checkable":
            got = "not-checkable" if i in not_checkable else (r["status"] if r else "absent")
        else:
            got = r["status"] if r else "absent"
        ok = got == exp
        for g in ("all", year, kind, f"{year}/{kind}") + (("unambiguous",) if not t.get("ambiguous") else ("ambiguous",)):
            stat[g][0] += ok
            stat[g][1] += 1
        if not ok:
            disagreements.append((t, r, got))
        a = t.get("actual") or {}
        if r and exp in ("met", "missed") and got in ("met", "missed"):
            ra = r.get("actual") or {}
            if a.get("value") is not None and ra.get("value") is not None:
                scale = 1.0
                tv, rtv = t.get("target_value"), (r.get("target") or {}).get("value")
                if tv and rtv:
                    scale = rtv / tv
                e = a["value"] * scale
                good = abs(ra["value"] - e) <= (abs(e) * 0.011 if e else 1e-9)
                for g in ("all", year, kind):
                    val[g][0] += good
                    val[g][1] += 1
                if not good:
                    value_mis.append((t, r, e))
            kq = set(a.get("qualifiers") or [])
            rq = set(ra.get("qualifiers") or [])
            if t["kind"] == "milestone" or (kq | rq) & set(MS_CLASS):
                kc = {MS_CLASS[q] for q in kq if q in MS_CLASS}
                rc = {MS_CLASS[q] for q in rq if q in MS_CLASS}
                good = (kc == rc == set()) or bool(kc & rc)
            else:
                good = (kq & CORE) == (rq & CORE)
            for g in ("all", year, kind):
                qual[g][0] += good
                qual[g][1] += 1
            if not good:
                qual_mis.append((t, r))

    if origin == "auto":
        nc = sorted(r["id"] for r in run.get("not_checkable", []) if r.get("origin") == "auto")
        print(f"auto not_checkable: {nc} (2017.set-elsewhere expected)")
    print(f"# scored {len(entries)} key entries against {run.get('_path')} (origin={origin})\n")
    print("## status agreement")
    order = ["all", "unambiguous", "ambiguous", "2017", "2025", "headline", "quantified", "milestone", "silent",
             "not-checkable"] + sorted(k for k in stat if "/" in k)
    for g in order:
        if g in stat:
            print(f"  {g:24} {pct(*stat[g])}")
    print("\n## value agreement (both met/missed, key has a value; within 1.1%)")
    for g in ["all", "2017", "2025", "headline", "quantified"]:
        if g in val:
            print(f"  {g:24} {pct(*val[g])}")
    print("\n## qualifier agreement (both met/missed)")
    for g in ["all", "2017", "2025", "headline", "quantified", "milestone"]:
        if g in qual:
            print(f"  {g:24} {pct(*qual[g])}")

    # trap hits over every result, listed or not
    traps = trap_lines(key)
    hits = []
    for rs in results.values():
        for r in rs:
            ra = r.get("actual") or {}
            if not ra.get("file") or ra.get("line") is None:
                continue
            for f, lines, tq in traps:
                if not same_file(ra["file"], f) or ra["line"] not in lines:
                    continue
                st, q = norm(ra.get("stated")), norm(ra.get("quote"))
                ntq = norm(tq)
                if (st and st in ntq) or (not st and q and (q in ntq or ntq in q)):
                    hits.append((r, tq))
    print(f"\n## trap hits: {len(hits)}")
    for r, tq in hits:
        ra = r["actual"]
        print(f"  {r['id']} [{r.get('origin','curated')}] {r['status']}: {ra.get('stated')} "
              f"@ {Path(ra['file']).name}:{ra['line']} «{ra.get('quote')}» ⊂ trap «{tq}»")

    print(f"\n## status disagreements: {len(disagreements)}")
    for t, r, got in disagreements:
        a = t.get("actual") or {}
        ev = ""
        if r:
            ra = r.get("actual") or {}
            if ra.get("file"):
                ev = (f"tool: {ra.get('stated')} {ra.get('qualifiers') or ''} @ {Path(ra['file']).name}:{ra.get('line')} "
                      f"«{ra.get('quote')}»")
            notes = [n for n in (r.get("notes") or []) if n not in ("at-least", "at-most", "about")]
            if notes:
                ev += f" notes={notes}"
        mine = f"key: {a.get('value')} {a.get('qualifiers') or ''} «{a.get('quote')}»" if a.get("quote") else "key: (silent)"
        amb = " (ambiguous)" if t.get("ambiguous") else ""
        print(f"- {t['id']}{amb}: expected {t['expected_status']}, got {got}\n    {mine}\n    {ev or 'tool: no evidence'}")
    print(f"\n## value disagreements: {len(value_mis)}")
    for t, r, e in value_mis:
        ra = r["actual"]
        print(f"- {t['id']}: key {e:g} «{t['actual']['quote']}» vs tool {ra.get('value')} ({ra.get('stated')}) "
              f"@ {Path(ra['file']).name}:{ra.get('line')} «{ra.get('quote')}»")
    print(f"\n## qualifier disagreements: {len(qual_mis)}")
    for t, r in qual_mis:
        print(f"- {t['id']}: key {t['actual'].get('qualifiers')} vs tool {(r.get('actual') or {}).get('qualifiers')}")

    listed = {t["id"] for t in key["targets"]}
    extra = [r for rs in results.values() for r in rs
             if r["id"] not in listed and r["id"][:4] in ("2017", "2025") and r["status"] in ("met", "missed")]
    if extra:
        print(f"\n## results for ids not in the key: {len(extra)}")
        for r in extra:
            ra = r.get("actual") or {}
            print(f"- {r['id']} [{r.get('origin')}] {r['status']} {ra.get('stated')} «{ra.get('quote')}»")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--key", default=str(HERE / "ANSWERS.yaml"))
    ap.add_argument("--compare", metavar="OUT.json")
    ap.add_argument("--origin", default="curated", choices=["curated", "auto", "any"])
    args = ap.parse_args()
    key = load_key(Path(args.key))
    errors = validate(key)
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        return 1
    n = len(key["targets"])
    print(f"key OK: {n} entries, {len(key.get('traps', []))} traps; all quotes and traps are exact substrings",
          file=sys.stderr)
    if args.compare:
        with open(args.compare, encoding="utf-8") as fh:
            run = json.load(fh)
        run["_path"] = args.compare
        compare(key, run, args.origin)
    return 0


if __name__ == "__main__":
    sys.exit(main())
