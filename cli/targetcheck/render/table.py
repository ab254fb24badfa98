"""`--format table` (the default): verdicts grouped by year, coloured, with marks, notes, a legend
and counts, drawn by hand (see `cells`) so that `targetcheck check` starts fast.

The table fits the terminal. It tries these layouts in turn and takes the first that fits:
every column on one line; file paths replaced by short keys (`#2:15`, listed under the table);
the target and indicator wrapped; the indicator dropped (the target's wording names it); the
target moved under its id; the difference moved under the actual value (ids of a complete map run
to 40 columns: `2017.winter-sports-and-football-centres`). Below that (about 70 columns) each
result becomes a small card. Whatever the layout, a result's id, actual value and verdict stand
on one line, so that `grep` finds them together. When the output is not a terminal nothing is
wrapped unless COLUMNS says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from targetcheck.render.cells import pad, width, wrap
from targetcheck.render.model import RunView
from targetcheck.render.rules import tolerance_text
from targetcheck.results import QUALIFIER_LABELS, Result, summary
from targetcheck.verdict import Status
from targetcheck.wording import ASPIRATIONAL

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
    "postponed": "x",
    "delayed": "x",
    "partial": "h",
    "derived": "d",
    "summed": "s",
}
LEGEND = {
    "e": "estimate (预计)",
    "+": "lower bound (以上)",
    "-": "upper bound (以内)",
    "p": "partial period (前三季度…)",
    "c": "comparable basis (可比口径)",
    "~": "approximate (左右, 约)",
    "<": "just under (近)",
    "r": "compared with GDP growth",
    "i": "in progress only",
    "x": "reported not done",
    "a": "aspirational wording (力争…)",
    "h": "only partly done (基本完工, 主体工程完工)",
    "d": "growth derived from two years' levels",
    "s": "summed from parts by level (国家级…、自治区级…)",
}
TITLES = {
    "id": "id",
    "city": "city",
    "indicator": "indicator",
    "target": "target",
    "actual": "actual",
    "diff": "diff",
    "verdict": "verdict",
    "evidence": "evidence",
}
ACTUAL_AND_DIFF = "actual / diff"  # the title of the actual column when the diff goes under it
GAP = "  "
MIN_TARGET = 20  # columns (10 Chinese characters) before the target moves under its id
MIN_INDICATOR = 12
MIN_STACKED = 22  # the id-and-target column of the stacked layout
MIN_CARD_TEXT = 10


def fmt_number(value: Decimal | None) -> str:
    """`8.03`, `-0.97`, `4980`, `100` (never `1E+2`); at most three decimals."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    if "." in text:
        whole, frac = text.split(".")
        text = f"{whole}.{frac[:3]}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _unit(unit: str | None) -> str:
    if unit in (None, ""):
        return ""
    return unit if unit == "%" else " " + unit


def marks(qualifiers: Iterable[str]) -> str:
    out = "".join(dict.fromkeys(MARKS.get(q, "") for q in qualifiers))
    return f" [{out}]" if out else ""


def aspirational(result: Result) -> bool:
    return result.target.firmness in ASPIRATIONAL


def target_text(result: Result) -> str:
    text = result.target.quote or result.target.statement or ""
    return text + (" [a]" if aspirational(result) else "")


def actual_text(result: Result) -> str:
    actual = result.actual
    if actual is None:
        return "—"
    qualifiers = [q for q in actual.qualifiers if q != "aspirational"]
    if actual.value is None:
        if result.target.comparator == "milestone":
            return ("done" if result.status is Status.MET else "not done") + marks(qualifiers)
        return (actual.stated or "—") + marks(qualifiers)
    return f"{fmt_number(actual.value)}{_unit(actual.unit)}{marks(qualifiers)}"


def diff_text(result: Result) -> str:
    if result.difference is None:
        return ""
    sign = "+" if result.difference > 0 else ""
    return f"{sign}{fmt_number(result.difference)}{_unit(result.difference_unit)}"


def evidence_place(result: Result) -> tuple[str, int | None]:
    """Where a reader checks the verdict: the outcome's line; for an unreported target the
    report that is silent; for a pending one, where the target is stated."""
    actual, target = result.actual, result.target
    if actual is not None:
        return actual.file, actual.line
    if result.status is Status.UNREPORTED and result.followup:
        return result.followup, None
    if target.file:
        return target.file, target.line
    return target.source, None


def shown_notes(result: Result) -> list[str]:
    """The notes worth a line under the table: not the comparator (the wording says it) and not
    the qualifiers (the marks say them: `not done [x]` says `reported not done, late`)."""
    hidden = set(QUALIFIER_LABELS.values()) | {"reported done"}
    out = []
    for note in result.notes:
        if note in hidden or note == result.target.comparator or note.startswith("reported not done"):
            continue
        if note.startswith(f"{result.target.comparator}, tolerance "):
            continue
        if note.startswith("aspirational wording (") and aspirational(result):
            continue  # the [a] mark
        out.append(note)
    return out


class Keys:
    """Short names for long file paths (`#2`), listed once under the table."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def key(self, place: str) -> str:
        if place not in self.names:
            self.names[place] = f"#{len(self.names) + 1}"
        return self.names[place]

    def cite(self, place: tuple[str, int | None]) -> str:
        file, line = place
        return self.key(file) + (f":{line}" if line is not None else "")


def _cite(place: tuple[str, int | None]) -> str:
    file, line = place
    return f"{file}:{line}" if line is not None else file


class Row(NamedTuple):
    result: Result
    cells: dict[str, str]  # every column but evidence
    place: tuple[str, int | None]
    target_place: tuple[str, int | None]


def _row(result: Result) -> Row:
    target = result.target
    return Row(
        result,
        {
            "id": result.id,
            "city": result.city or "",
            "indicator": result.indicator_name,
            "target": target_text(result),
            "actual": actual_text(result),
            "diff": diff_text(result),
            "verdict": result.status.value,
        },
        evidence_place(result),
        (target.file, target.line) if target.file else (target.source, None),
    )


class Layout(NamedTuple):
    columns: tuple[str, ...]
    sizes: dict[str, int]
    keyed: bool  # evidence as `#2:15`
    stacked: bool = False  # the target on the lines under its id
    city_inline: bool = False  # (stacked) the city before the target instead of in a column
    diff_under: bool = False  # (stacked) the difference on the line under the actual value, no diff column


def _natural(column: str, rows: list[Row], keys: Keys | None) -> int:
    if column == "evidence":
        cited = [keys.cite(r.place) if keys else _cite(r.place) for r in rows]
        return max([width(TITLES[column])] + [width(c) for c in cited])
    return max([width(TITLES[column])] + [width(r.cells[column]) for r in rows])


def _shrink(sizes: dict[str, int], minimum: dict[str, int], budget: int) -> bool:
    """Narrow the wrappable columns (widest first) until the row fits `budget`; False if it cannot."""
    total = sum(sizes.values())
    while total > budget:
        room = {c: sizes[c] - m for c, m in minimum.items() if sizes[c] > m}
        if not room:
            return False
        widest = max(room, key=lambda c: room[c])
        sizes[widest] -= 1
        total -= 1
    return True


def plan(rows: list[Row], total: int, show_city: bool) -> Layout | None:
    """The widest layout that fits `total` columns; None: draw cards."""
    keys = Keys()  # a scratch numbering, only to measure
    head = ("id", "city") if show_city else ("id",)
    tail = ("actual", "diff", "verdict", "evidence")
    full = (*head, "indicator", "target", *tail)
    for keyed in (False, True):
        sizes = {c: _natural(c, rows, keys if keyed else None) for c in full}
        if sum(sizes.values()) + len(GAP) * (len(full) - 1) <= total:
            return Layout(full, sizes, keyed)
    wrapped = []
    sizes = {c: _natural(c, rows, keys) for c in full}
    budget = total - len(GAP) * (len(full) - 1)
    minimum = {"target": min(sizes["target"], 24), "indicator": min(sizes["indicator"], MIN_INDICATOR)}
    if _shrink(sizes, minimum, budget):
        wrapped.append(Layout(full, sizes, True))
    short = (*head, "target", *tail)
    sizes = {c: _natural(c, rows, keys) for c in short}
    budget = total - len(GAP) * (len(short) - 1)
    if _shrink(sizes, {"target": min(sizes["target"], MIN_TARGET)}, budget):
        wrapped.append(Layout(short, sizes, True))
    if wrapped:  # the fewest lines; on a tie, keep the indicator column
        return min(wrapped, key=lambda layout: _height(rows, layout))
    under = ("actual", "verdict", "evidence")
    # With several cities, the city may join the target; long ids may send the diff under the actual.
    for columns, diff_under in (((*head, *tail), False), (("id", *tail), False),
                                ((*head, *under), True), (("id", *under), True)):
        city_inline = show_city and "city" not in columns
        sizes = {c: _natural(c, rows, keys) for c in columns}
        if diff_under:
            sizes["actual"] = max(sizes["actual"], _natural("diff", rows, keys), width(ACTUAL_AND_DIFF))
        id_width = sizes["id"]
        sizes["id"] = max(id_width, 2 + max(width(_stacked_target(r, city_inline)) for r in rows))
        budget = total - len(GAP) * (len(columns) - 1)
        if _shrink(sizes, {"id": max(id_width, MIN_STACKED)}, budget):
            return Layout(columns, sizes, True, stacked=True, city_inline=city_inline, diff_under=diff_under)
    return None


def _stacked_target(row: Row, city_inline: bool) -> str:
    """What the stacked layout writes under an id: the target, after its city when that has no column."""
    if city_inline and row.cells["city"]:
        return f"{row.cells['city']}: {row.cells['target']}"
    return row.cells["target"]


def _height(rows: list[Row], layout: Layout) -> int:
    return sum(
        max(len(wrap(row.cells[c], layout.sizes[c])) for c in layout.columns if c != "evidence") for row in rows
    )


def _style(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and code else text


def _table_lines(rows: list[Row], layout: Layout, keys: Keys, color: bool) -> list[str]:
    sizes = layout.sizes
    titles = dict(TITLES, id="id / target" if layout.stacked else "id")
    if layout.diff_under:
        titles["actual"] = ACTUAL_AND_DIFF
    out = [
        _style(GAP.join(pad(titles[c], sizes[c]) for c in layout.columns).rstrip(), "1", color),
        GAP.join("─" * sizes[c] for c in layout.columns),
    ]
    for row in rows:
        cells = dict(row.cells, evidence=keys.cite(row.place) if layout.keyed else _cite(row.place))
        wrapped = {c: wrap(cells[c], sizes[c]) for c in layout.columns}
        if layout.stacked:
            under = _stacked_target(row, layout.city_inline)
            wrapped["id"] = [cells["id"]] + ["  " + line for line in wrap(under, sizes["id"] - 2)]
        if layout.diff_under and cells["diff"]:
            wrapped["actual"] = wrapped["actual"] + wrap(cells["diff"], sizes["actual"])
        height = max(len(lines) for lines in wrapped.values())
        for k in range(height):
            parts = []
            for c in layout.columns:
                piece = wrapped[c][k] if k < len(wrapped[c]) else ""
                text = pad(piece, sizes[c], right=(c == "diff"))
                if c == "verdict" and piece:
                    text = _style(text, STATUS_STYLE[row.result.status], color)
                parts.append(text)
            out.append(GAP.join(parts).rstrip())
    return out


def _card_lines(rows: list[Row], total: int, keys: Keys, color: bool, show_city: bool) -> list[str]:
    """One result in three short lines, for terminals too narrow for any table."""
    out = []
    text_width = max(MIN_CARD_TEXT, total - 9)
    for row in rows:
        result = row.result
        verdict = _style(result.status.value, STATUS_STYLE[result.status], color)
        city = f"  {row.cells['city']}" if show_city and row.cells["city"] else ""
        out.append(f"{result.id}  {verdict}{city}")
        target = f"{row.cells['target']} ({keys.cite(row.target_place)})"
        outcome = " ".join(x for x in (row.cells["actual"], row.cells["diff"]) if x)
        if row.place != row.target_place:
            outcome += f" ({keys.cite(row.place)})"
        for label, text in (("target", target), ("actual", outcome)):
            for k, line in enumerate(wrap(text, text_width)):
                out.append(f"  {label if k == 0 else '':<6} {line}".rstrip())
    return out


NAMED_IN_A_NOTE = 3  # a note shared by more targets counts them instead of naming them


def _notes_lines(rows: list[Row], total: int) -> list[str]:
    """Notes under a year's rows; the same note on several rows is said once, naming a few
    targets (`2024.unemployment-rate, 2024.grain-output: …`) and counting many (`155 targets: …`)."""
    by_note: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        for note in shown_notes(row.result):
            by_note[note].append(row.result.id)
    out = []
    for note, ids in by_note.items():
        who = ", ".join(ids) if len(ids) <= NAMED_IN_A_NOTE else f"{len(ids)} targets"
        out.extend(_hanging(f"* {who}: {note}", total, "  ", "    "))
    return out


def _hanging(text: str, total: int, first: str, rest: str) -> list[str]:
    lines = wrap(text, max(MIN_CARD_TEXT, total - len(rest)))
    return [(first if k == 0 else rest) + line for k, line in enumerate(lines)]


def _joined(label: str, items: list[str], total: int) -> list[str]:
    """`Marks: a · b · c`, wrapped between items."""
    out, current = [], label
    for item in items:
        piece = item if current == label else " · " + item
        if width(current) + width(piece) > total and current != label:
            out.append(current)
            current = " " * width(label) + item
        else:
            current += piece
    out.append(current)
    return out


def render(view: RunView) -> str:
    color = view.color
    total = view.width
    rows = [_row(r) for r in view.results]
    # Results for several cities (`check --auto` over a mixed corpus) name the city on every row.
    show_city = len({r.city for r in view.results} | {u.city for u in view.uncheckable}) > 1
    layout = plan(rows, total, show_city) if rows else None
    keys = Keys()
    by_year: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        by_year[row.result.year].append(row)
    out: list[str] = []
    for year in sorted(by_year):
        group = by_year[year]
        cities = sorted({r.result.city for r in group if r.result.city})
        title = f"Targets for {year}" + (f" · {', '.join(cities)}" if cities and not show_city else "")
        out.append(_style(title, "1", color))
        if layout is None:
            out.extend(_card_lines(group, total, keys, color, show_city))
        else:
            out.extend(_table_lines(group, layout, keys, color))
        out.extend(_notes_lines(group, total))
        out.append("")
    if not rows:
        what = f"No targets match {view.filter_label}." if view.filter_label else "No targets to check."
        out.extend([what, ""])
    if view.uncheckable:
        out.append(_style("Not checkable from reports (set by a higher level)", "1", color))
        for item in view.uncheckable:
            who = f" ({item.city})" if show_city and item.city else ""
            out.extend(_hanging(f"{item.id}{who}  {item.quote or ''}  ({item.source})", total, "  ", "    "))
        out.append("")
    used = {MARKS.get(q, "") for r in view.results if r.actual for q in r.actual.qualifiers if q != "aspirational"}
    if any(aspirational(r) for r in view.results):
        used.add("a")
    legend = [f"[{m}] {LEGEND[m]}" for m in LEGEND if m in used]
    if legend:
        out.extend(_joined("Marks: ", legend, total))
    tolerances = _tolerances(view.results)
    if tolerances:
        out.extend(_joined("Tolerance (左右, 同步): ", tolerances, total))
    for k, (place, key) in enumerate(keys.names.items()):
        out.extend(_hanging(f"{key} {place}", total, "Files: " if k == 0 else " " * 7, " " * 10))
    out.extend(_summary_lines(view, color, total))
    return "\n".join(out) + "\n"


def _tolerances(results: list[Result]) -> list[str]:
    """The tolerances applied to the verdicts shown: `±0.2 pp`, `±100 亿元 (2025.gdp-total)`."""
    by_tolerance: dict[str, list[str]] = defaultdict(list)
    for result in results:
        tolerance = result.target.tolerance
        if tolerance is None or result.status not in (Status.MET, Status.MISSED):
            continue
        by_tolerance["±" + tolerance_text(tolerance, result.target.unit, result.target.comparator)].append(result.id)
    if not by_tolerance:
        return []
    common = max(by_tolerance, key=lambda t: len(by_tolerance[t]))
    out = [common + (" (all others)" if len(by_tolerance) > 1 else "")]
    for text, ids in by_tolerance.items():
        if text != common:
            out.append(f"{text} ({', '.join(ids)})")
    return out


def _summary_lines(view: RunView, color: bool, total: int) -> list[str]:
    """`22 targets: 10 met, 11 missed, 1 unreported, 0 pending`, counts coloured, wrapped between counts."""
    counts = summary(view.results, view.uncheckable)
    if view.filter_label and view.unfiltered_total is not None:
        lead = f"{counts['total']} of {view.unfiltered_total} targets ({view.filter_label}): "
    else:
        lead = f"{counts['total']} targets: "
    parts = [(f"{counts[s.value]} {s.value}", STATUS_STYLE[s]) for s in Status]
    if view.uncheckable:
        parts.append((f"{len(view.uncheckable)} not checkable", ""))
    lines, line, used = [], lead, width(lead)
    for k, (text, code) in enumerate(parts):
        separator = "" if k == 0 else ("; " if code == "" else ", ")
        if k and used + len(separator) + width(text) > total:
            lines.append(line + separator.rstrip())
            line, used, separator = "  ", 2, ""
        line += separator + _style(text, code, color)
        used += len(separator) + width(text)
    return [*lines, line]
