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

# Clauses that describe the past or the present, or reason about the targets, rather than
# commit to anything. Checked on the comma clause that holds the quantity, and on the item.
_CONTEXT_CLAUSE = re.compile(
    r"过去|去年|上年|已经|已有|已达|现有|目前|截至|以来|平均增速|预估|测算|比重为|连续\d+个月|"
    r"历史最高|全国|全区|全省|百强|排名|位居|居于"
)
# Paragraphs that argue for the targets or weigh difficulties (`综合分析，实现这些目标，具备支撑条件。`).
_CONTEXT_PARAGRAPH = re.compile(r"^(?:综合分析|在看到|实现这些目标|这些目标|.{0,6}困难和问题)")


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
        for start, end, quantity in iter_quantities(item.text):
            clause_start, clause_end = next(((s, e) for s, e in bounds if s <= start < e + 1), (0, len(item.text)))
            clause = item.text[clause_start:clause_end]
            if _CONTEXT_CLAUSE.search(clause):
                continue
            absolute = item.start + start
            found.append(
                Commitment(report.file, paragraph.line_at(absolute), item.paragraph, absolute,
                           item.start + end, clause, quantity)
            )
    return found


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
