"""`--format table` (the default): verdicts grouped by year, coloured, with a legend and counts."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from targetcheck.render.cells import pad, width, wrap
from targetcheck.render.model import RunView
from targetcheck.results import Result, summary
from targetcheck.verdict import Status

STATUS_STYLE = {
    Status.MET: "32",  # green
    Status.MISSED: "31",  # red
    Status.UNREPORTED: "33",  # yellow
    Status.PENDING: "2",  # dim
}
MARKS = {
    "estimate": "e",
    "lower-bound": "+",
    "upper-bound": "-",
    "partial-period": "p",
    "comparable-basis": "c",
    "aspirational": "a",
    "approximate": "~",
    "just-under": "<",
    "negative": "",
    "relation": "r",
    "in-progress": "i",
    "not-done": "x",
    "partial": "h",
    "derived": "d",
}
LEGEND = {
    "e": "estimate (预计)",
    "+": "lower bound (以上)",
    "-": "upper bound (以内)",
    "p": "partial period (前三季度…)",
    "c": "comparable basis (可比口径)",
    "a": "aspirational wording (力争…)",
    "~": "approximate",
    "<": "just under (近)",
    "r": "relation to GDP growth",
    "i": "in progress only",
    "x": "reported not done",
    "h": "only partly done (基本完工, 主体工程完工)",
    "d": "growth derived from two years' levels",
}
COLUMNS = ("id", "indicator", "target", "actual", "diff", "verdict", "evidence")
WRAPPABLE = {"target": 14, "indicator": 8, "id": 12, "evidence": 14, "actual": 10}


def fmt_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
        whole, frac = text.split(".") if "." in text else (text, "")
        if len(frac) > 3:
            text = f"{whole}.{frac[:3]}"
    return text


def _unit(unit: str | None) -> str:
    if unit in (None, ""):
        return ""
    return unit if unit in ("%",) else " " + unit


def marks(qualifiers: tuple[str, ...]) -> str:
    out = "".join(MARKS.get(q, "") for q in qualifiers)
    return f" [{out}]" if out else ""


def cells(result: Result) -> dict[str, str]:
    target = result.target
    target_text = target.quote or target.statement or ""
    actual = result.actual
    if actual is None:
        actual_text = "—"
    elif actual.value is None:
        actual_text = ("done" if result.status is Status.MET else "not done") + marks(actual.qualifiers)
    else:
        actual_text = f"{fmt_number(actual.value)}{_unit(actual.unit)}{marks(actual.qualifiers)}"
    if result.difference is None:
        diff = ""
    else:
        sign = "+" if result.difference > 0 else ""
        diff = f"{sign}{fmt_number(result.difference)}{_unit(result.difference_unit)}"
    if actual is not None:
        where = f"{actual.file}:{actual.line}"
    elif result.status is Status.UNREPORTED and result.followup:
        where = result.followup  # the report that is silent about it
    elif target.file:
        where = f"{target.file}:{target.line}"
    else:
        where = target.source
    return {
        "id": result.id,
        "indicator": result.indicator_name,
        "target": target_text,
        "actual": actual_text,
        "diff": diff,
        "verdict": result.status.value,
        "evidence": where,
    }


def _style(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and code else text


def _fit(rows: list[dict[str, str]], total: int) -> dict[str, int]:
    sizes = {c: max([width(c)] + [width(r[c]) for r in rows]) for c in COLUMNS}
    budget = total - 2 * (len(COLUMNS) - 1)
    while sum(sizes.values()) > budget:
        shrinkable = [c for c in WRAPPABLE if sizes[c] > WRAPPABLE[c]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda c: sizes[c] - WRAPPABLE[c])
        sizes[widest] -= 1
    return sizes


def render(view: RunView) -> str:
    out: list[str] = []
    by_year: dict[int, list[Result]] = defaultdict(list)
    for result in view.results:
        by_year[result.year].append(result)
    used_marks: set[str] = set()
    color = view.color
    all_rows = {id(r): cells(r) for r in view.results}
    sizes = _fit(list(all_rows.values()), view.width)
    show_city = len({r.city for r in view.results}) > 1
    for year in sorted(by_year):
        group = by_year[year]
        cities = sorted({r.city or "" for r in group})
        title = f"Targets for {year}" + (f" · {', '.join(c for c in cities if c)}" if cities and not show_city else "")
        out.append(_style(title, "1", color))
        header = "  ".join(pad(c, sizes[c]) for c in COLUMNS).rstrip()
        out.append(_style(header, "1", color))
        out.append("  ".join("─" * sizes[c] for c in COLUMNS))
        for result in group:
            row = all_rows[id(result)]
            if show_city and result.city:
                row = dict(row, id=f"{result.id} ({result.city})")
            if result.actual is not None:
                used_marks.update(MARKS.get(q, "") for q in result.actual.qualifiers)
            wrapped = {c: wrap(row[c], sizes[c]) for c in COLUMNS}
            height = max(len(v) for v in wrapped.values())
            for k in range(height):
                parts = []
                for c in COLUMNS:
                    piece = wrapped[c][k] if k < len(wrapped[c]) else ""
                    text = pad(piece, sizes[c], right=(c == "diff"))
                    if c == "verdict":
                        text = _style(text, STATUS_STYLE[result.status], color)
                    parts.append(text)
                out.append("  ".join(parts).rstrip())
        out.append("")
    if view.uncheckable:
        out.append(_style("Not checkable from reports (set by a higher level)", "1", color))
        for item in view.uncheckable:
            out.append(f"  {item.id}  {item.quote or ''}  {item.source}")
        out.append("")
    legend = [f"[{m}] {LEGEND[m]}" for m in LEGEND if m in used_marks]
    if legend:
        out.append("Marks: " + " · ".join(legend))
    counts = summary(view.results, view.uncheckable)
    parts = [
        _style(f"{counts[s.value]} {s.value}", STATUS_STYLE[s], color) for s in Status
    ]
    line = f"{counts['total']} targets: " + ", ".join(parts)
    if view.uncheckable:
        line += f"; {len(view.uncheckable)} not checkable"
    out.append(line)
    return "\n".join(out) + "\n"
