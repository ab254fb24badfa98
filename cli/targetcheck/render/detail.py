"""`targetcheck show ID`: one target in full, as plain text or JSON.

The JSON is the result's `to_record` (the same object `check --format json` gives) with two
more keys: `rule` (when the target is met, in words) and `considered` (every place the rule
looked at in the follow-up report, in file order, with the reason it was used or set aside).
"""

from __future__ import annotations

from typing import Any

from targetcheck.render.cells import pad, width
from targetcheck.render.rules import met_when, tolerance_text
from targetcheck.render.table import actual_text, diff_text, shown_notes
from targetcheck.results import (
    ALSO_READ,
    QUALIFIER_LABELS,
    Result,
    Uncheckable,
    considered_records,
    to_record,
    uncheckable_record,
)
from targetcheck.verdict import Status

LABEL = 10  # width of the labels on the left


def render_json(item: Result | Uncheckable, better: str | None = None) -> dict[str, Any]:
    if isinstance(item, Uncheckable):
        return {**uncheckable_record(item), "status": "not-checkable", "considered": []}
    record = to_record(item)
    return {**record, "rule": met_when(record, better), "considered": considered_records(item)}


def _block(label: str, lines: list[str]) -> list[str]:
    lines = [line for line in lines if line]
    return [(label if k == 0 else "").ljust(LABEL) + line for k, line in enumerate(lines)]


def render_text(item: Result | Uncheckable, better: str | None = None) -> str:
    if isinstance(item, Uncheckable):
        return "\n".join(
            [
                f"{item.id}  not checkable from reports",
                *_block("about", [" · ".join(x for x in (item.city, item.indicator) if x)]),
                *_block("target", [item.quote or "", item.source]),
                *_block("why", [item.reason]),
            ]
        ) + "\n"
    result = item
    record = to_record(result)
    target = result.target
    out = [f"{result.id}  {result.status.value}"]
    about = " · ".join(
        x
        for x in (
            result.city,
            f"{result.indicator_name} ({result.indicator})",
            f"tags: {', '.join(result.tags)}" if result.tags else "",
            result.section,
        )
        if x
    )
    out += _block("about", [about])
    where = f"{target.file}:{target.line}" if target.file else f"stated in {target.source} (not in the corpus)"
    tolerance = tolerance_text(target.tolerance, target.unit, target.comparator)
    tolerance = f", tolerance {tolerance}" if tolerance else ""
    firmness = f", worded {target.firmness}" if target.firmness else ""
    out += _block(
        "target",
        [
            target.quote or target.statement or "",
            where,
            f"comparator {target.comparator}{tolerance}{firmness}: {met_when(record, better)}",
        ],
    )
    out += _outcome(result)
    hidden = set(shown_notes(result))
    notes = [n for n in result.notes if n in hidden]
    out += _block("notes", notes)
    out += _considered(result)
    return "\n".join(out) + "\n"


def _outcome(result: Result) -> list[str]:
    actual = result.actual
    if actual is None:
        if result.status is Status.PENDING:
            return _block("outcome", ["none yet"])
        return _block("outcome", [f"not reported in {result.followup}" if result.followup else "not reported"])
    figure = actual_text(result).split(" [")[0]
    stated = f" (stated {actual.stated})" if actual.stated and actual.stated not in figure else ""
    diff = diff_text(result)
    qualifiers = [QUALIFIER_LABELS.get(q, q) for q in actual.qualifiers if q != "aspirational" and not q.startswith("reference ")]
    return _block(
        "outcome",
        [
            actual.quote,
            f"{actual.file}:{actual.line}",
            f"{figure}{stated}" + (f", difference {diff}" if diff else "") + f": {result.status.value}",
            *qualifiers,
        ],
    )


def _considered(result: Result) -> list[str]:
    places = considered_records(result)
    if not places:
        if result.status is Status.PENDING:
            return []
        return ["", "considered: nothing in that report names this indicator"]
    files = sorted({p["file"] for p in places})
    # A milestone's other readings (`also read: 包风3: done`) were read, not set aside.
    set_aside = sum(1 for p in places if not p["used"] and not p["reason"].startswith(ALSO_READ))
    out = ["", f"considered in {', '.join(files)}: {len(places)} place{'s' if len(places) != 1 else ''}, {set_aside} set aside"]
    line_width = max(len(str(p["line"])) for p in places)
    figure_width = max(width(p["figure"] or "") for p in places)
    for place in places:
        if place["used"]:
            verdict = "used"
        elif place["reason"].startswith(ALSO_READ):
            verdict = place["reason"]
        else:
            verdict = f"set aside: {place['reason']}"
        figure = pad(place["figure"] or "", figure_width)
        out.append(f"  line {str(place['line']).rjust(line_width)}  {figure}  {verdict}")
        out.append(f"  {' ' * (line_width + 5)}  {place['quote']}")
    return out
