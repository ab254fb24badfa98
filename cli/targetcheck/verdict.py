"""The verdict rule: one table, used for every target (README, "The verdict rule").

| comparator | met when | difference |
| --- | --- | --- |
| at-least  | actual ≥ target (> when the outcome is `近…`, just under its figure) | actual − target |
| at-most   | actual ≤ target (lower is better) | actual − target |
| about, more is better | actual ≥ target − tolerance | actual − target |
| about, less is better | actual ≤ target + tolerance | actual − target |
| double    | actual ≥ 2 × base | actual − 2 × base |
| relation  | actual ≥ reference − tolerance (`基本同步`, `同步`); actual > reference (`快于`, `高于`) | actual − reference |
| milestone | reported done; missed when reported not done, halted or only in progress | — |

Tolerance for `about` (unless the target states its own): 0.2 for percent and percentage
points (`8%左右` is met by 7.8, missed by 7.6), 2% of the target for amounts (`5000亿元左右` is
met by 4900). Qualifiers never change the comparison, they travel
with the verdict: a partial-year figure or a lower bound is compared as stated and flagged.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from targetcheck.indicators import Better
from targetcheck.wording import Comparator

DEFAULT_TOLERANCE_POINTS = Decimal("0.2")  # for targets in % or 个百分点
DEFAULT_TOLERANCE_SHARE = Decimal("0.02")  # of the target, for amounts


class Status(StrEnum):
    MET = "met"
    MISSED = "missed"
    UNREPORTED = "unreported"
    PENDING = "pending"


class Comparison(NamedTuple):
    status: Status
    difference: Decimal | None  # actual − target (or − reference), in the target's unit
    tolerance: Decimal | None  # the tolerance applied (about, relation)


def default_tolerance(value: Decimal, unit: str | None) -> Decimal:
    if unit in ("%", "个百分点"):
        return DEFAULT_TOLERANCE_POINTS
    return (abs(value) * DEFAULT_TOLERANCE_SHARE).normalize()


def compare(
    comparator: Comparator,
    target: Decimal,
    actual: Decimal,
    *,
    better: Better = Better.HIGHER,
    tolerance: Decimal | None = None,
    unit: str | None = None,
    just_under: bool = False,
) -> Comparison:
    """Compare a numeric outcome with its target (both in the target's unit).

    `just_under`: the outcome was stated as `近600亿元`, a little below its figure, so it meets
    `600亿元以上` only if the figure is above the target. Its difference is the stated figure's,
    and none at all when the figure is the target's (below it by an amount the report does not
    give: `0` would say the target was hit).
    """
    difference: Decimal | None = actual - target
    if just_under and difference == 0:
        difference = None
    if comparator is Comparator.AT_LEAST:
        return Comparison(_status(actual > target if just_under else actual >= target), difference, None)
    if comparator is Comparator.AT_MOST:
        return Comparison(_status(actual <= target), difference, None)
    if comparator is Comparator.ABOUT:
        tol = tolerance if tolerance is not None else default_tolerance(target, unit)
        met = actual <= target + tol if better is Better.LOWER else actual >= target - tol
        return Comparison(_status(met), difference, tol)
    if comparator is Comparator.DOUBLE:
        return Comparison(_status(actual >= 2 * target), actual - 2 * target, None)
    raise ValueError(f"compare() does not take {comparator}")


def compare_relation(actual: Decimal, reference: Decimal, wording: str | None, tolerance: Decimal | None) -> Comparison:
    """`与经济增长基本同步`: the indicator's growth against the reference growth, same year."""
    difference = actual - reference
    if wording in ("快于", "高于"):
        return Comparison(_status(actual > reference), difference, None)
    tol = tolerance if tolerance is not None else DEFAULT_TOLERANCE_POINTS
    return Comparison(_status(actual >= reference - tol), difference, tol)


def _status(met: bool) -> Status:
    return Status.MET if met else Status.MISSED
