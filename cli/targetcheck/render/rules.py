"""The verdict rule in words, for readers of `show` and of Markdown reports (README, "The
verdict rule"; the rule itself is `verdict.py`)."""

from __future__ import annotations

from decimal import Decimal

COMPARATOR_WORDING = {
    "about": "左右",
    "at-least": "以上, 不低于, 超过, 突破, 达到, a plain number",
    "at-most": "以内, 控制在, 不超过, 低于",
    "double": "翻番, 翻一番",
    "relation": "与经济增长(基本)同步, 快于, 高于",
    "milestone": "开工建设, 建成, 投运, 通过验收, 摘帽 …",
}
MET_WHEN = {
    "about": "more is better: actual ≥ target − tolerance; less is better: actual ≤ target + tolerance",
    "at-least": "actual ≥ target",
    "at-most": "actual ≤ target",
    "double": "actual ≥ 2 × base",
    "relation": "actual ≥ the same year's GDP growth − tolerance (同步); actual > it (快于, 高于)",
    "milestone": "reported done; missed when reported not done, halted, delayed or only under way",
}
TOLERANCE_RULE = (
    "about: 0.2 for targets in % or percentage points, 2% of the target for amounts, unless "
    "targets.yaml states one; relations: 0.2 points"
)


def points_unit(unit: str | None, comparator: str) -> str | None:
    """The unit differences and tolerances are in: `pp` (percentage points) for rates and growth."""
    return "pp" if unit in ("%", "个百分点") or comparator == "relation" else unit


def tolerance_text(tolerance: float | int | Decimal | None, unit: str | None, comparator: str) -> str:
    """`0.2 pp`, `100 亿元`; empty when there is none."""
    if tolerance is None:
        return ""
    shown = points_unit(unit, comparator)
    return f"{_num(Decimal(str(tolerance)))}{' ' + shown if shown else ''}"


def _reference_name(slug: str) -> str:
    from targetcheck.indicators import HEADLINE

    indicator = HEADLINE.get(slug)
    return indicator.name if indicator else slug


def _dec(value: float | int | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _with_unit(value: Decimal, unit: str | None) -> str:
    if not unit:
        return _num(value)
    return f"{_num(value)}{unit}" if unit == "%" else f"{_num(value)} {unit}"


def met_when(record: dict, better: str | None = None) -> str:
    """`met when the outcome is at least 7.8% (8% − tolerance 0.2)`, for one result record."""
    target = record["target"]
    comparator = target["comparator"]
    value, unit, tolerance = _dec(target["value"]), target["unit"], _dec(target["tolerance"])
    if comparator == "milestone":
        return "met when the next report says it is done"
    if comparator == "relation":
        reference = _reference_name(target.get("reference") or "gdp-growth")
        if tolerance is None:
            return f"met when it grows faster than {reference} in the same year"
        return f"met when it grows at least as fast as {reference} in the same year, less {_num(tolerance)} pp"
    if value is None:
        return MET_WHEN.get(comparator, comparator)
    if comparator == "at-least":
        return f"met when the outcome is at least {_with_unit(value, unit)}"
    if comparator == "at-most":
        return f"met when the outcome is at most {_with_unit(value, unit)}"
    if comparator == "double":
        return f"met when the outcome is at least twice {_with_unit(value, unit)}"
    if comparator == "about" and tolerance is not None:
        if better == "lower":
            bound, word, sign = value + tolerance, "at most", "+"
        else:
            bound, word, sign = value - tolerance, "at least", "−"
        return (
            f"met when the outcome is {word} {_with_unit(bound, unit)} "
            f"({_with_unit(value, unit)} {sign} tolerance {tolerance_text(tolerance, unit, comparator)})"
        )
    return MET_WHEN.get(comparator, comparator)
