#!/usr/bin/env python3
"""Check the holdout answer key, and optionally score targetcheck's output against it.

    python tests/holdout/check_answers.py                      # verify the key
    python tests/holdout/check_answers.py --compare out.json   # also score `targetcheck check -f json`

Verification: every quote (answers, not_checkable, traps) is an exact substring of its file,
every id is a target of targets.yaml, and no trap stands inside the evidence of a met/missed answer.
Exit 1 on any problem.
"""
import argparse
import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def load_key():
    return yaml.safe_load((HERE / "ANSWERS.yaml").read_text(encoding="utf-8"))


def target_ids():
    doc = yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8"))
    ids = set()
    for rep in doc["reports"]:
        for sec in rep.get("sections") or [{"targets": rep.get("targets", [])}]:
            ids.update(t["id"] for t in sec["targets"])
    return ids


def verify(key):
    problems = []
    texts = {}

    def text(f):
        if f not in texts:
            texts[f] = (HERE / f).read_text(encoding="utf-8")
        return texts[f]

    known = target_ids()
    for a in key["answers"] + key.get("not_checkable", []):
        if a["id"] not in known:
            problems.append(f"{a['id']}: not a target of targets.yaml")
        act = a.get("actual") or {}
        q = act.get("quote") if "actual" in a else a.get("quote")
        if q is not None and q not in text(a["file"]):
            problems.append(f"{a['id']}: quote not in {a['file']}: {q!r}")
        if "expected_status" in a and a["expected_status"] not in ("met", "missed", "unreported"):
            problems.append(f"{a['id']}: bad expected_status {a['expected_status']!r}")
    for t in key["traps"]:
        n = text(t["file"]).count(t["quote"])
        if n == 0:
            problems.append(f"trap not in {t['file']}: {t['quote']!r}")
    for a in key["answers"]:
        q = (a.get("actual") or {}).get("quote")
        if q and a["expected_status"] in ("met", "missed"):
            for t in key["traps"]:
                if t["file"] == a["file"] and t["quote"] in q:
                    problems.append(f"{a['id']}: its evidence contains the trap {t['quote']!r}")
    return problems


def norm(s):
    """Full-width to ASCII, no spaces: to compare quotes as the tool may show them."""
    out = []
    for ch in s or "":
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        if ch in " \u3000\n":
            continue
        out.append(ch)
    return "".join(out)


def compare(key, results, out):
    by_id = {r["id"]: r for r in results}
    rows, agree_s, agree_v, nval = [], 0, 0, 0
    traps = [(t["file"], norm(t["quote"])) for t in key["traps"]]
    trap_hits = []
    for a in key["answers"]:
        r = by_id.get(a["id"])
        got = r.get("status") if r else None
        exp = a["expected_status"]
        ok = got == exp
        agree_s += ok
        ev = outcome_of(r)
        exp_v = (a.get("actual") or {}).get("value")
        vok = None
        if exp in ("met", "missed") and exp_v is not None:
            nval += 1
            gv = ev.get("value")
            vok = gv is not None and abs(float(gv) - float(exp_v)) <= 0.011 * max(1.0, abs(float(exp_v)))
            agree_v += bool(vok)
        q = norm(ev.get("quote"))
        for _f, tq in traps:
            if q and tq and (tq in q or q in tq) and a["file"].split("/")[0] in (ev.get("file") or ""):
                trap_hits.append((a["id"], tq, ev.get("quote")))
        rows.append((a["id"], exp, got, exp_v, ev.get("value"), ok, vok, ev.get("quote"), ev.get("file"), ev.get("line"), a.get("ambiguous")))
    print(f"status agreement: {agree_s}/{len(key['answers'])}", file=out)
    for yr in sorted({a["id"][:4] for a in key["answers"]}):
        ys = [row for row in rows if row[0].startswith(yr)]
        yv = [row for row in ys if row[6] is not None]
        print(f"  {yr}: status {sum(r[5] for r in ys)}/{len(ys)}, value {sum(bool(r[6]) for r in yv)}/{len(yv)}", file=out)
    print(f"value agreement (met/missed with a value): {agree_v}/{nval}", file=out)
    for row in rows:
        if not row[5] or row[6] is False:
            print("DIFF", *row, sep="\t", file=out)
    for h in trap_hits:
        print("TRAP", *h, sep="\t", file=out)
    return rows, trap_hits


def outcome_of(r):
    """The outcome figure and its evidence from one result of `check -f json`."""
    if not r or not r.get("actual"):
        return {}
    a = r["actual"]
    return {"value": a.get("value"), "unit": a.get("unit"), "quote": a.get("quote"),
            "file": a.get("file"), "line": a.get("line"), "qualifiers": a.get("qualifiers")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--compare", help="JSON written by `targetcheck check -f json`")
    args = ap.parse_args()
    key = load_key()
    problems = verify(key)
    for p in problems:
        print("problem:", p)
    n = len(key["answers"])
    print(f"{n} answers, {len(key['traps'])} traps: {'OK' if not problems else f'{len(problems)} problem(s)'}")
    if args.compare:
        data = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        compare(key, data["results"], sys.stdout)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
