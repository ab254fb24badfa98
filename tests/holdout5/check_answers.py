"""Score a `targetcheck check --auto --format json` run against tests/holdout5/ANSWERS.yaml.

    python tests/holdout5/check_answers.py --verify          # every quote and trap is in its file
    python tests/holdout5/check_answers.py RUN.json          # score a run

Written before targetcheck was run on these texts. Scores, per city: extraction (target
found, value, comparator), verdict, outcome value, outcome qualifiers, trap hits; the
year-N+1 targets (must be pending); ids the tool gave that the key does not have.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OUTCOME_QUALIFIERS = {
    "estimate",
    "lower-bound",
    "upper-bound",
    "partial-period",
    "comparable-basis",
    "negative",
    "approximate",
    "just-under",
}


def norm(s: str | None) -> str:
    if not s:
        return ""
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def close(a, b, tol=1e-3) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tol


def load_key() -> dict:
    return yaml.safe_load((HERE / "ANSWERS.yaml").read_text(encoding="utf-8"))


def verify(key: dict) -> int:
    bad = 0
    n = 0
    for c in key["cities"]:
        tf = (HERE / c["target_file"]).read_text(encoding="utf-8")
        ff = (HERE / c["followup_file"]).read_text(encoding="utf-8")
        checks = []
        if "——" not in c["headline_sentence"]:
            checks.append(("headline", c["headline_sentence"], tf, c["target_file"]))
        checks.append(("pending headline", c["pending"]["headline_sentence"], ff, c["followup_file"]))
        for t in c["targets"]:
            checks.append((t["id"] + " target", t["target_quote"], tf, c["target_file"]))
            if t.get("outcome_quote"):
                checks.append((t["id"] + " outcome", t["outcome_quote"], ff, c["followup_file"]))
            if t.get("silent") == (t.get("outcome_quote") is not None):
                print(f"BAD {c['city']} {t['id']}: silent and outcome_quote disagree")
                bad += 1
        for nc in c["not_checkable"]:
            checks.append(("not checkable", nc["quote"], tf, c["target_file"]))
        for p in c["pending"]["targets"]:
            checks.append((p["id"] + " pending", p["target_quote"], ff, c["followup_file"]))
        for tr in c["traps"]:
            checks.append(("trap", tr["text"], ff, c["followup_file"]))
        for what, s, text, fname in checks:
            n += 1
            if s not in text:
                print(f"MISSING {c['city']} {what}: {s!r} not in {fname}")
                bad += 1
    for f in sorted(HERE.glob("*.txt")):
        t = f.read_text(encoding="utf-8")
        print(f"{f.name}: {len(t)} characters, first line {t.splitlines()[0][:20]}…")
    print(f"{n} strings checked, {bad} problems")
    return 1 if bad else 0


def trap_hits(rows: list[dict], traps: list[dict]) -> list[tuple[dict, dict]]:
    hits = []
    for r in rows:
        a = r.get("actual") or {}
        q = norm(a.get("quote"))
        if not q:
            continue
        vals = [a.get("value")]
        for tr in traps:
            if tr.get("for") and r["id"] not in tr["for"]:
                continue
            t = norm(tr["text"])
            if not (t in q or (len(q) >= 4 and q in t)):
                continue
            if any(v is not None and any(close(v, tv) for tv in tr["values"]) for v in vals):
                hits.append((r, tr))
    return hits


def ev(r: dict | None) -> str:
    if not r:
        return "—"
    a = r.get("actual") or {}
    if a.get("quote") is None:
        return f"(no outcome) notes={r.get('notes')}"
    return f"{a.get('value')} {a.get('qualifiers')} «{a.get('quote')}» {Path(a.get('file') or '').name}:{a.get('line')}"


def score(run_path: str) -> int:
    key = load_key()
    run = json.loads(Path(run_path).read_text(encoding="utf-8"))
    results = run["results"]
    tot = dict(targets=0, found=0, value=0, comparator=0, status=0, outcome=0, outcome_n=0,
               qual=0, qual_n=0, pending=0, pending_n=0, pending_found=0, traps=0, extra=0)
    disagreements = []
    for c in key["cities"]:
        city = c["city"]
        rows = [r for r in results if r.get("city") == city]
        by_id = {r["id"]: r for r in rows}
        print(f"\n== {city} ({c['province']}), targets of {c['year']} ({len(c['targets'])})")
        print(f"{'id':28} {'found':5} {'val':3} {'cmp':3} {'expected':10} {'tool':10} {'outc':4} {'qual':4}")
        cs = dict(targets=0, found=0, status=0, traps=0)
        for t in c["targets"]:
            tot["targets"] += 1
            cs["targets"] += 1
            r = by_id.get(t["id"])
            found = r is not None
            tv = (r or {}).get("target") or {}
            val_ok = found and close(tv.get("value"), t["value"])
            cmp_ok = found and tv.get("comparator") == t["comparator"]
            st = (r or {}).get("status")
            st_ok = st == t["expected"]
            out_ok = None
            if t["expected"] in ("met", "missed"):
                tot["outcome_n"] += 1
                out_ok = found and close(((r or {}).get("actual") or {}).get("value"), t["outcome"])
                tot["outcome"] += bool(out_ok)
            q_ok = None
            if t.get("outcome_quote") and found and ((r.get("actual") or {}).get("quote")):
                tot["qual_n"] += 1
                got = set((r.get("actual") or {}).get("qualifiers") or []) & OUTCOME_QUALIFIERS
                q_ok = got == set(t.get("qualifiers") or [])
                tot["qual"] += bool(q_ok)
            tot["found"] += found
            cs["found"] += found
            tot["value"] += bool(val_ok)
            tot["comparator"] += bool(cmp_ok)
            tot["status"] += st_ok
            cs["status"] += st_ok
            mark = lambda b: "—" if b is None else ("ok" if b else "NO")  # noqa: E731
            print(f"{t['id']:28} {mark(found):5} {mark(val_ok):3} {mark(cmp_ok):3} "
                  f"{t['expected']:10} {str(st):10} {mark(out_ok):4} {mark(q_ok):4}")
            if not (found and val_ok and cmp_ok and st_ok and out_ok is not False and q_ok is not False):
                disagreements.append(dict(
                    city=city, id=t["id"], expected=t["expected"], tool=st,
                    key_target=f"{t['value']} {t['comparator']} «{t['target_quote']}»",
                    tool_target=(f"{tv.get('value')} {tv.get('comparator')} «{tv.get('quote')}»" if found else "not found"),
                    key_outcome=(f"{t.get('outcome')} {t.get('qualifiers')} «{t.get('outcome_quote')}»"
                                 if t.get("outcome_quote") else "silent"),
                    tool_outcome=ev(r), notes=(r or {}).get("notes"),
                    flags=dict(found=found, value=bool(val_ok), comparator=bool(cmp_ok), status=st_ok,
                               outcome=out_ok, qualifiers=q_ok)))
        p = c["pending"]
        for pt in p["targets"]:
            tot["pending_n"] += 1
            r = by_id.get(pt["id"])
            ok = (r is not None and r.get("status") == "pending"
                  and close(((r.get("target") or {}).get("value")), pt["value"])
                  and (r.get("target") or {}).get("comparator") == pt["comparator"])
            tot["pending_found"] += r is not None
            tot["pending"] += ok
            if not ok:
                tv = (r or {}).get("target") or {}
                disagreements.append(dict(
                    city=city, id=pt["id"], expected="pending", tool=(r or {}).get("status"),
                    key_target=f"{pt['value']} {pt['comparator']} «{pt['target_quote']}»",
                    tool_target=(f"{tv.get('value')} {tv.get('comparator')} «{tv.get('quote')}»" if r else "not found"),
                    key_outcome="—", tool_outcome=ev(r), notes=(r or {}).get("notes"), flags={}))
        known = {t["id"] for t in c["targets"]} | {pt["id"] for pt in p["targets"]}
        extra = [r for r in rows if r["id"] not in known]
        for r in extra:
            tot["extra"] += 1
            print(f"  EXTRA id {r['id']} {r.get('status')} «{(r.get('target') or {}).get('quote')}»")
        hits = trap_hits(rows, c["traps"])
        cs["traps"] = len(hits)
        tot["traps"] += len(hits)
        for r, tr in hits:
            print(f"  TRAP HIT {r['id']}: «{tr['text']}» used: {ev(r)}")
        nc = [x for x in run.get("not_checkable", []) if x.get("city") == city]
        print(f"  not checkable listed: {[x.get('quote') or x.get('statement') for x in nc]}  "
              f"(key: {[x['quote'] for x in c['not_checkable']]})")
        print(f"  city: {cs['found']}/{cs['targets']} found, {cs['status']}/{cs['targets']} verdicts agree, "
              f"{cs['traps']} trap hits")
    print("\n== totals")
    print(f"extraction: {tot['found']}/{tot['targets']} found, value {tot['value']}/{tot['targets']}, "
          f"comparator {tot['comparator']}/{tot['targets']}")
    print(f"verdicts agree: {tot['status']}/{tot['targets']}")
    print(f"outcome values (met/missed in key): {tot['outcome']}/{tot['outcome_n']}")
    print(f"outcome qualifiers (where both quote): {tot['qual']}/{tot['qual_n']}")
    print(f"year-N+1 targets pending with value and comparator right: {tot['pending']}/{tot['pending_n']} "
          f"(found {tot['pending_found']})")
    print(f"trap hits: {tot['traps']} of {sum(len(c['traps']) for c in key['cities'])} traps")
    print(f"ids not in the key: {tot['extra']}")
    print(f"\n== disagreements ({len(disagreements)})")
    for d in disagreements:
        print(json.dumps(d, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--verify":
        sys.exit(verify(load_key()))
    if len(sys.argv) == 2:
        sys.exit(score(sys.argv[1]))
    print(__doc__)
    sys.exit(2)
