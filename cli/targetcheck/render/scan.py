"""`targetcheck scan` output: a terminal table and JSON, from the same `ScanReport`s."""

from __future__ import annotations

import json
from collections.abc import Sequence

from targetcheck.render.cells import pad, width, wrap
from targetcheck.render.table import fmt_number
from targetcheck.results import number
from targetcheck.scan import Candidate, ScanReport

COLUMNS = ("line", "clause", "quantity", "comparator", "indicator", "covered")


def candidate_record(scan: ScanReport, candidate: Candidate) -> dict[str, object]:
    c = candidate.commitment
    guess = candidate.guess
    return {
        "file": scan.report.file,
        "year": scan.report.year,
        "city": scan.report.city,
        "quote": c.quote,
        "line": c.line,
        "quantity": {"value": number(c.quantity.stated_value), "unit": c.quantity.stated_unit, "text": c.quantity.text},
        "comparator": candidate.comparator,
        "indicator": guess.slug,
        "indicator_name": guess.name,
        "indicator_from": guess.source,
        "pick": c.pick,
        "tags": list(candidate.tags),
        "covered": candidate.covered,
        "covered_by": list(candidate.covered_by),
    }


def coverage_record(scans: Sequence[ScanReport]) -> dict[str, object]:
    total = sum(len(s.candidates) for s in scans)
    covered = sum(s.covered for s in scans)
    return {"covered": covered, "candidates": total, "share": round(covered / total, 4) if total else 1.0}


def render_json(scans: Sequence[ScanReport]) -> str:
    payload = {
        "targets": scans[0].targets_file if scans else None,
        "reports": [
            {
                "file": s.report.file,
                "year": s.report.year,
                "city": s.report.city,
                "coverage": {"covered": s.covered, "candidates": len(s.candidates), "share": round(s.coverage, 4)},
                "set_aside": [
                    {"line": a.line, "clause": a.clause, "quantity": a.quantity.text, "reason": a.reason}
                    for a in s.set_aside
                ],
            }
            for s in scans
        ],
        "candidates": [candidate_record(s, c) for s in scans for c in s.candidates],
        "coverage": coverage_record(scans),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_table(scans: Sequence[ScanReport], *, color: bool = False, limit: int = 10_000) -> str:
    out: list[str] = []
    for scan in scans:
        report = scan.report
        out.append(f"{report.file} · {report.city or ''} {report.year} · {len(scan.candidates)} commitments")
        rows = [_cells(c, color) for c in scan.candidates]
        out.extend(_table(rows, limit))
        against = scan.targets_file or "no targets.yaml"
        share = f"{scan.coverage * 100:.1f}%"
        out.append(f"coverage: {scan.covered} of {len(scan.candidates)} commitments ({share}) covered by {against}")
        out.append("")
    if len(scans) > 1:
        total = coverage_record(scans)
        out.append(f"all reports: {total['covered']} of {total['candidates']} commitments covered")
    return "\n".join(out).rstrip("\n") + "\n"


def _cells(candidate: Candidate, color: bool) -> dict[str, str]:
    c = candidate.commitment
    quantity = fmt_number(c.quantity.stated_value) + (
        c.quantity.stated_unit if c.quantity.stated_unit in ("%", "") else " " + c.quantity.stated_unit
    )
    guess = candidate.guess
    indicator = guess.slug + ("" if guess.source != "suggested" else " (new)")
    if candidate.covered:
        more = f" +{len(candidate.covered_by) - 1}" if len(candidate.covered_by) > 1 else ""
        mark = f"✓ {candidate.covered_by[0]}{more}"
        mark = f"\x1b[32m{mark}\x1b[0m" if color else mark
    else:
        mark = "\x1b[31m✗\x1b[0m" if color else "✗"
    clause = c.quote + (f"  [pick {c.pick}]" if c.pick else "")
    return {
        "line": str(c.line),
        "clause": clause,
        "quantity": quantity,
        "comparator": candidate.comparator,
        "indicator": indicator,
        "covered": mark,
    }


def _visible(text: str) -> int:
    return width(text.replace("\x1b[32m", "").replace("\x1b[31m", "").replace("\x1b[0m", ""))


def _table(rows: list[dict[str, str]], limit: int) -> list[str]:
    widths = {col: max([width(col)] + [_visible(r[col]) for r in rows]) for col in COLUMNS}
    overflow = sum(widths.values()) + 2 * (len(COLUMNS) - 1) - limit
    if overflow > 0:  # narrow the indicator to 20 columns first, then the clause to 24
        cut = min(overflow, max(0, widths["indicator"] - 20))
        widths["indicator"] -= cut
        widths["clause"] = max(24, widths["clause"] - (overflow - cut))
    lines = ["  ".join(pad(col, widths[col], right=col == "line") for col in COLUMNS).rstrip()]
    lines.append("  ".join("─" * widths[col] for col in COLUMNS))
    for row in rows:
        wrapped = {col: wrap(row[col], widths[col]) for col in ("clause", "indicator")}
        for k in range(max(len(pieces) for pieces in wrapped.values())):
            cells = []
            for col in COLUMNS:
                if col in wrapped:
                    text = wrapped[col][k] if k < len(wrapped[col]) else ""
                else:
                    text = row[col] if k == 0 else ""
                gap = widths[col] - _visible(text)
                cells.append((" " * gap + text) if col == "line" else (text + " " * gap))
            lines.append("  ".join(cells).rstrip())
    return lines
