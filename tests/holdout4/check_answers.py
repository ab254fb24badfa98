#!/usr/bin/env python3
"""Score a `targetcheck check --auto --format json` run against tests/holdout4/ANSWERS.yaml.

    python check_answers.py --verify-key            # every quote and trap an exact substring
    python check_answers.py run.json [--details]    # score a run (or '-' for stdin)

Written before the tool was run on this folder. Scores, per city:
  extraction  : each year-N headline target found (id), with the right value and comparator;
                spurious ids; year-N+1 targets found and pending
  verdict     : status; actual value (and alt_values); qualifiers (core set only)
  traps       : an outcome whose evidence quote overlaps a trap substring on the trap's line
                of the follow-up file, with a value other than the key's
"""
import json, os, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORE_QUALS = {"estimate", "lower-bound", "upper-bound", "partial-period", "comparable-basis",
              "negative", "approximate", "just-under"}


def load_key():
    with open(os.path.join(HERE, "ANSWERS.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def read_text(name, enc):
    with open(os.path.join(HERE, name), "rb") as f:
        raw = f.read()
    return raw.decode(enc).replace("\r\n", "\n")


def lines_of(text, sub):
    out, i = [], text.find(sub)
    while i >= 0:
        out.append(text.count("\n", 0, i) + 1)
        i = text.find(sub, i + 1)
    return out


def verify_key(key):
    bad = 0
    for c in key["cities"]:
        rep = read_text(c["report"], c["encoding"])
        fol = read_text(c["followup"], c["encoding"])
        quotes = []
        for t in c["targets"]:
            if t["target_quote"] not in rep:
                print(f"MISSING target quote {c['city']} {t['id']}: {t['target_quote']}"); bad += 1
            if t["quote"] != "silent":
                ls = lines_of(fol, t["quote"])
                if not ls:
                    print(f"MISSING outcome quote {c['city']} {t['id']}: {t['quote']}"); bad += 1
                else:
                    quotes.append((t["quote"], ls))
                    print(f"ok  {c['city']} {t['id']:22} line {ls} {t['quote']}")
        for nc in c.get("not_checkable", []):
            if nc not in rep:
                print(f"MISSING not_checkable {nc}"); bad += 1
        for tr in c["traps"]:
            ls = lines_of(fol, tr)
            if not ls:
                print(f"MISSING trap {c['city']}: {tr}"); bad += 1; continue
            for q, _ in quotes:
                if tr in q or q in tr:
                    print(f"TRAP overlaps a key quote {c['city']}: {tr} / {q}"); bad += 1
            print(f"trap {c['city']} line {ls}: {tr}")
    print("key verified" if not bad else f"{bad} problems")
    return bad


def norm_ind(r):
    return r.get("indicator") or r["id"].split(".", 1)[1]


def ind_matches(kt, ind):
    if kt["id"] == "unemployment-rate" and kt.get("rate") == "surveyed":
        return ind in ("unemployment-rate", "surveyed-unemployment-rate")
    return ind == kt["id"]


def close(a, b):
    return a is not None and b is not None and abs(float(a) - float(b)) < 1e-6


def score(key, run, details):
    results = run["results"]
    base = lambda p: os.path.basename(p) if p else None
    tot = dict(targets=0, found=0, value_ok=0, comp_ok=0, status_ok=0, actual_ok=0, quals_ok=0,
               actual_n=0, spurious=0, pend=0, pend_found=0, pend_ok=0, pend_value_ok=0,
               trap_hits=0, traps=0, nc=0, nc_found=0)
    rows, disagreements = [], []
    for c in key["cities"]:
        city, y = c["city"], c["year"]
        fol = read_text(c["followup"], c["encoding"])
        trap_lines = [(tr, set(lines_of(fol, tr))) for tr in c["traps"]]
        mine = [r for r in results if r.get("city") == city]
        yr = [r for r in mine if r.get("year") == y]
        s = dict(targets=0, found=0, value_ok=0, comp_ok=0, status_ok=0, actual_ok=0, quals_ok=0,
                 actual_n=0, spurious=0, pend=0, pend_found=0, pend_ok=0, pend_value_ok=0,
                 trap_hits=0, traps=len(c["traps"]), nc=0, nc_found=0)
        used = set()
        for kt in c["targets"]:
            s["targets"] += 1
            cand = [r for r in yr if ind_matches(kt, norm_ind(r)) and id(r) not in used]
            if not cand:
                disagreements.append((city, y, kt["id"], "NOT FOUND", kt, None)); continue
            r = cand[0]; used.add(id(r))
            s["found"] += 1
            tg = r.get("target") or {}
            probs = []
            if kt["value"] is None or close(tg.get("value"), kt["value"]):
                s["value_ok"] += 1
            else:
                probs.append(f"target value {tg.get('value')} != {kt['value']}")
            comp = tg.get("comparator")
            if comp == kt["comparator"] or (kt["comparator"] == "relation" and comp and "relat" in str(comp)):
                s["comp_ok"] += 1
            else:
                probs.append(f"comparator {comp} != {kt['comparator']}")
            if r.get("status") == kt["verdict"]:
                s["status_ok"] += 1
            else:
                probs.append(f"status {r.get('status')} != {kt['verdict']}")
            act = r.get("actual") or {}
            if kt["actual"] is not None or act.get("value") is not None:
                s["actual_n"] += 1
                vals = [kt["actual"]] + list(kt.get("alt_values", []))
                if any(close(act.get("value"), v) for v in vals if v is not None) or (kt["actual"] is None and act.get("value") is None):
                    s["actual_ok"] += 1
                else:
                    probs.append(f"actual {act.get('value')} != {kt['actual']}")
            q_tool = set(act.get("qualifiers") or []) & CORE_QUALS
            q_key = set(kt["qualifiers"]) & CORE_QUALS
            if kt["actual"] is None and act.get("value") is None:
                s["quals_ok"] += 1
            elif q_tool == q_key:
                s["quals_ok"] += 1
            else:
                probs.append(f"qualifiers {sorted(q_tool)} != {sorted(q_key)}")
            # trap
            quote, line = act.get("quote"), act.get("line")
            if quote and base(act.get("file")) == c["followup"]:
                for tr, tls in trap_lines:
                    if line in tls and (tr in quote or quote in tr) and not any(
                            close(act.get("value"), v) for v in [kt["actual"]] + list(kt.get("alt_values", [])) if v is not None):
                        s["trap_hits"] += 1
                        probs.append(f"TRAP HIT: {tr}")
                        break
            if probs:
                disagreements.append((city, y, kt["id"], "; ".join(probs), kt, r))
        for r in yr:
            if id(r) not in used:
                s["spurious"] += 1
                disagreements.append((city, y, norm_ind(r), "SPURIOUS target", None, r))
        # pending targets of year N+1
        yr1 = [r for r in mine if r.get("year") == y + 1]
        used1 = set()
        for kt in c["pending_targets"]:
            s["pend"] += 1
            cand = [r for r in yr1 if ind_matches(kt, norm_ind(r)) and id(r) not in used1]
            if not cand:
                disagreements.append((city, y + 1, kt["id"], "NOT FOUND (pending target)", kt, None)); continue
            r = cand[0]; used1.add(id(r)); s["pend_found"] += 1
            ok = r.get("status") == "pending"
            s["pend_ok"] += ok
            vok = kt["value"] is None or close((r.get("target") or {}).get("value"), kt["value"])
            s["pend_value_ok"] += vok
            if not ok or not vok:
                disagreements.append((city, y + 1, kt["id"],
                                      f"status {r.get('status')} value {(r.get('target') or {}).get('value')} (want pending {kt['value']})", kt, r))
        for r in yr1:
            if id(r) not in used1:
                s["spurious"] += 1
                disagreements.append((city, y + 1, norm_ind(r), "SPURIOUS target", None, r))
        # not checkable
        ncs = [n for n in run.get("not_checkable", []) if n.get("city") == city]
        for nc in c.get("not_checkable", []):
            s["nc"] += 1
            if any(nc in json.dumps(n, ensure_ascii=False) for n in ncs):
                s["nc_found"] += 1
            else:
                disagreements.append((city, y, "set-elsewhere", f"not_checkable missing: {nc}", None, None))
        rows.append((city, y, s))
        for k in tot:
            tot[k] += s[k]
    hdr = f"{'city':6} {'year':4} {'found':>7} {'value':>7} {'comp':>7} {'status':>7} {'actual':>7} {'quals':>7} {'spur':>4} {'pend':>7} {'traps':>6} {'n/c':>5}"
    print(hdr)
    def line(name, y, s):
        print(f"{name:6} {y:4} {s['found']:>3}/{s['targets']:<3} {s['value_ok']:>3}/{s['found']:<3} {s['comp_ok']:>3}/{s['found']:<3} "
              f"{s['status_ok']:>3}/{s['targets']:<3} {s['actual_ok']:>3}/{s['actual_n']:<3} {s['quals_ok']:>3}/{s['found']:<3} "
              f"{s['spurious']:>4} {s['pend_ok']:>3}/{s['pend']:<3} {s['trap_hits']:>2}/{s['traps']:<3} {s['nc_found']}/{s['nc']}")
    for city, y, s in rows:
        line(city, y, s)
    line("total", "", tot)
    print(f"\ndisagreements: {len(disagreements)}")
    for city, y, i, why, kt, r in disagreements:
        print(f"- {city} {y}.{i}: {why}")
        if details and r is not None:
            a = r.get("actual") or {}
            t = r.get("target") or {}
            print(f"    tool target: {t.get('quote')!r} value={t.get('value')} comp={t.get('comparator')} line={t.get('line')}")
            print(f"    tool actual: {a.get('quote')!r} value={a.get('value')} quals={a.get('qualifiers')} "
                  f"file={base(a.get('file'))}:{a.get('line')} notes={r.get('notes')}")
        if details and kt is not None:
            print(f"    key: verdict={kt.get('verdict')} actual={kt.get('actual')} quote={kt.get('quote')!r}")
    return tot


def main(argv):
    key = load_key()
    if "--verify-key" in argv:
        return 1 if verify_key(key) else 0
    src = [a for a in argv if not a.startswith("--")]
    run = json.load(sys.stdin if not src or src[0] == "-" else open(src[0], encoding="utf-8"))
    score(key, run, "--details" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
