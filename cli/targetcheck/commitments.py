"""Quantified commitments in a report's plan sections, and how much of them targets.yaml covers.

A commitment is a quantity stated in the targets or tasks for the report's year
(`新建基站1200座`, `新开工亿元以上产业类项目 200 个以上`). Quantities in sentences that only give
context (`包头过去三年平均增速在8.5%左右`, `预估今年工业产值可有600亿元净增量`) are not
commitments. Coverage is the share of commitments whose quantity lies inside some target's quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from targetcheck.quantity import Quantity, iter_quantities
from targetcheck.reader import Report
from targetcheck.reader.sections import PLAN_KINDS
from targetcheck.textnorm import normalize
from targetcheck.units import kind

# Clauses that describe the past or the present, or reason about the targets, rather than
# commit to anything. Checked on the comma clause that holds the quantity, and on the item.
_CONTEXT_CLAUSE = re.compile(
    r"过去|去年|上年|已经|已有|已达|现有|目前|截至|以来|平均增速|预估|测算|比重为|连续\d+个月|"
    r"历史最高|全国|全区|全省|百强|排名|位居|居于|"
    r"^(?:充分)?发挥.{0,40}作用$"  # `充分发挥30亿元科技创新基金作用`: using what exists
)
# Paragraphs that argue for the targets or weigh difficulties (`综合分析，实现这些目标，具备支撑条件。`),
# and the general requirements (`今年政府工作的总体要求是：…四个方面实现新突破`).
_CONTEXT_PARAGRAPH = re.compile(r"^(?:综合分析|在看到|实现这些目标|这些目标|.{0,6}困难和问题|.{0,12}总体要求是)")
# Quantities that describe or name rather than commit:
# `铁路网总投资252亿元` (the size of a portfolio of projects, not an amount for the year);
_PORTFOLIO_SIZE = re.compile(r"(?:总投资|总规模)(?:为|达)?$")
# `三年行动方案`, `教育提升三年行动计划` (the span of a plan's name);
_PLAN_NAME = re.compile(r"^(?:行动)?(?:方案|计划|规划)")
# `科技评估和国防知识产权转化两个中心`, `“清源、活水、减负、节流、严管”五项措施`: a small count that
# sums up the list just before it (the listed items are the commitments, if any).
_LIST_BEFORE = re.compile(r"[^、和及与，；。][、和及与][^，；。、和及与]{1,20}[”的]?$")


@dataclass(frozen=True)
class Commitment:
    file: str
    line: int
    paragraph: int
    start: int  # offsets of the quantity in the paragraph's matching text
    end: int
    clause: str  # the comma clause that holds it (matching text)
    quantity: Quantity

    def key(self) -> tuple[str, int, int, int]:
        return (self.file, self.paragraph, self.start, self.end)


def find_commitments(report: Report) -> list[Commitment]:
    """Every quantity stated as a commitment in the report's plan for its own year."""
    found = []
    for item in report.items:
        paragraph = report.paragraphs[item.paragraph]
        if item.tag.kind not in PLAN_KINDS or _CONTEXT_PARAGRAPH.search(paragraph.text):
            continue
        bounds = item.clause_bounds()
        quantities = list(iter_quantities(item.text))
        for k, (start, end, quantity) in enumerate(quantities):
            clause_start, clause_end = next(((s, e) for s, e in bounds if s <= start < e + 1), (0, len(item.text)))
            clause = item.text[clause_start:clause_end]
            if _CONTEXT_CLAUSE.search(clause):
                continue
            previous_end = quantities[k - 1][1] if k else 0
            if _describes(item.text, start, end, quantity, max(clause_start, previous_end)):
                continue
            absolute = item.start + start
            found.append(
                Commitment(report.file, paragraph.line_at(absolute), item.paragraph, absolute,
                           item.start + end, clause, quantity)
            )
    return found


def _describes(text: str, start: int, end: int, quantity: Quantity, since: int) -> bool:
    """True for a quantity that names or describes something rather than commits to an amount:
    a bare number (`包风3`), a voltage class (`220千伏变电站`), a portfolio's total investment, a
    plan's span (`三年行动方案`), or a count that sums up the list before it."""
    if not quantity.unit and not quantity.stated_unit and not re.search(r"/|分之", quantity.text):
        return True
    if quantity.unit == "千伏" or _PORTFOLIO_SIZE.search(text[:start]) or _PLAN_NAME.match(text[end:]):
        return True
    before = text[since:start]
    return (
        kind(quantity.unit) == "count"
        and quantity.value <= 10
        and not quantity.qualifiers  # `瞪羚企业10家以上` commits to ten
        and bool(re.match(r"[\u4e00-\u9fff]", text[end : end + 1]))  # the count comes before its noun
        and not before.endswith(("等", "、", "和", "及", "与"))
        and bool(_LIST_BEFORE.search(before))
    )


def quote_spans(report: Report, quotes: Iterable[str]) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of every place the quotes stand in the report."""
    spans = []
    for quote in quotes:
        for paragraph, offset in report.find_quote(quote):
            spans.append((paragraph.index, offset, offset + len(normalize(quote))))
    return spans


def is_covered(commitment: Commitment, spans: list[tuple[int, int, int]]) -> bool:
    return any(
        p == commitment.paragraph and s <= commitment.start and commitment.end <= e for p, s, e in spans
    )


def coverage(commitments: list[Commitment], spans: list[tuple[int, int, int]]) -> float:
    if not commitments:
        return 1.0
    return sum(is_covered(c, spans) for c in commitments) / len(commitments)
