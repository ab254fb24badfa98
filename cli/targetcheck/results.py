"""Results of a check, and `to_record`, the one shape every output format is made from.

The JSON contract (schema_version 1) is built here; keep it stable: add fields, never rename
or remove them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from targetcheck.verdict import Status

SCHEMA_VERSION = 1
QUALIFIER_LABELS = {
    "estimate": "estimate (预计): stated before the year's statistics were final",
    "lower-bound": "lower bound (…以上): the figure may be higher",
    "upper-bound": "upper bound (…以内): the figure may be lower",
    "partial-period": "partial period (前三季度, 上半年): not a full-year figure",
    "comparable-basis": "comparable basis (可比口径): growth on revised data",
    "negative": "a fall (下降): counted as negative growth",
    "approximate": "approximate (左右, 约)",
    "just-under": "just under (近…)",
    "aspirational": "aspirational wording (力争, 努力 …) in the target",
    "in-progress": "reported as under way, not done",
    "not-done": "reported as not done, halted or delayed",
    "relation": "compared with another indicator's outcome",
    "partial": "reported only partly done (基本完工, 主体工程完工, 部分建成, 完成9个 of 15, 完成…的85%, 覆盖率92% for 全覆盖)",
    "postponed": "reported postponed or halted (暂缓, 停建)",
    "delayed": "reported late (推迟, 延期, 较计划…)",
    "derived": "growth derived from the levels two reports give: revisions to the base are not seen",
    "summed": "summed: the report gives the count in parts by level (国家级…、自治区级…), added up here",
}


# How `considered` names a milestone's other readings (another object, or another mention of the
# same one), which were read but did not decide: `also read: 包风3: done`.
ALSO_READ = "also read:"


@dataclass(frozen=True)
class TargetView:
    """The target as stated: its words, where, and the terms read from them."""

    quote: str | None  # the clause as its report states it; None when the report is not in the corpus
    source: str  # the document the target is stated in (file:line, or a named document)
    file: str | None
    line: int | None
    value: Decimal | None
    unit: str | None
    comparator: str
    tolerance: Decimal | None
    firmness: str | None  # 力争, 确保 … when the wording has it
    statement: str | None = None  # the wording when there is no quote
    milestone: str | None = None
    reference: str | None = None  # indicator a relation is compared with


@dataclass(frozen=True)
class ActualView:
    """The outcome as reported: the figure in the target's unit, its words, where, its qualifiers."""

    value: Decimal | None  # converted into the target's unit
    unit: str | None
    stated: str | None  # the figure as the report states it (`4.2万人`)
    quote: str
    file: str
    line: int
    qualifiers: tuple[str, ...]
    reference_value: Decimal | None = None  # for relations: the reference outcome
    reference_quote: str | None = None
    reference_line: int | None = None


@dataclass(frozen=True)
class Considered:
    """A place the rule looked at, and why it was used or set aside (for `show`)."""

    quote: str
    file: str
    line: int
    figure: str | None
    reason: str  # "used" or why it was set aside


@dataclass(frozen=True)
class Result:
    """The verdict on one target, with its evidence (`to_record` is its JSON shape)."""

    id: str
    year: int
    city: str | None
    indicator: str
    indicator_name: str
    tags: tuple[str, ...]
    section: str | None
    status: Status
    target: TargetView
    actual: ActualView | None
    difference: Decimal | None
    difference_unit: str | None
    notes: tuple[str, ...]
    followup: str | None = None  # file of the report the outcome was looked for in
    considered: tuple[Considered, ...] = field(default=(), compare=False)
    origin: str = "curated"


@dataclass(frozen=True)
class Uncheckable:
    """A target set elsewhere (`完成自治区下达的…目标`): not checkable from reports."""

    id: str
    year: int
    city: str | None
    indicator: str
    quote: str | None
    source: str
    reason: str
    origin: str = "curated"
    tags: tuple[str, ...] = ()


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: whole numbers as int, others as float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def summary(results: list[Result], uncheckable: list[Uncheckable] | None = None) -> dict[str, int]:
    counts = Counter(r.status.value for r in results)
    out = {status.value: counts.get(status.value, 0) for status in Status}
    out["total"] = len(results)
    if uncheckable is not None:
        out["not_checkable"] = len(uncheckable)
    return out


def to_record(result: Result) -> dict[str, Any]:
    """The JSON object for one result (schema_version 1)."""
    target = result.target
    actual = result.actual
    return {
        "id": result.id,
        "year": result.year,
        "city": result.city,
        "indicator": result.indicator,
        "indicator_name": result.indicator_name,
        "tags": list(result.tags),
        "status": result.status.value,
        "target": {
            "quote": target.quote,
            "source": target.source,
            "file": target.file,
            "line": target.line,
            "value": number(target.value),
            "unit": target.unit,
            "comparator": target.comparator,
            "tolerance": number(target.tolerance),
            "firmness": target.firmness,
            "statement": target.statement,
            "reference": target.reference,
        },
        "actual": None
        if actual is None
        else {
            "value": number(actual.value),
            "unit": actual.unit,
            "stated": actual.stated,
            "quote": actual.quote,
            "file": actual.file,
            "line": actual.line,
            "qualifiers": list(actual.qualifiers),
            "reference_value": number(actual.reference_value),
        },
        "difference": number(result.difference),
        "difference_unit": result.difference_unit,
        "followup": result.followup,
        "notes": list(result.notes),
        "origin": result.origin,
    }


def considered_records(result: Result) -> list[dict[str, Any]]:
    """Every place the rule looked at for this result, in file order, each once.

    The outcome finder may reach one clause through two aliases; a reader wants it listed once,
    with the reason that decided it (`used` wins over a duplicate set aside).
    """
    seen: dict[tuple[str, int, str, str | None], dict[str, Any]] = {}
    for place in result.considered:
        key = (place.file, place.line, place.quote, place.figure)
        used = place.reason == "used"
        if key in seen:
            if used:
                seen[key].update(reason=place.reason, used=True)
            continue
        seen[key] = {
            "quote": place.quote,
            "file": place.file,
            "line": place.line,
            "figure": place.figure,
            "reason": place.reason,
            "used": used,
        }
    return sorted(seen.values(), key=lambda c: (c["file"], c["line"]))


def uncheckable_record(item: Uncheckable) -> dict[str, Any]:
    return {
        "id": item.id,
        "year": item.year,
        "city": item.city,
        "indicator": item.indicator,
        "quote": item.quote,
        "source": item.source,
        "reason": item.reason,
        "origin": item.origin,
        "tags": list(item.tags),
    }
