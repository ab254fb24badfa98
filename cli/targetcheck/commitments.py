"""Quantified commitments in a report's plan sections, and how much of them targets.yaml covers.

A commitment is a quantity stated in the targets or tasks for the report's year
(`新建基站1200座`, `新开工亿元以上产业类项目 200 个以上`). Quantities in the plan that commit to
nothing are set aside, each with its reason:

- sentences that only give context (`包头过去三年平均增速在8.5%左右`,
  `预估今年工业产值可有600亿元净增量`) or look back (`去年`, `已经`, `以来`);
- numbers without a unit, which are names or codes (`包风3、包风4`);
- sizes that describe a project named next to them (`总投资7737亿元的957个重点项目`: the
  commitment is the 957 projects; `推进160万吨铝合金材料…等深加工项目`), specifications
  (`220千伏变电站`), existing funds put to use (`发挥40亿元稀土产业基金…作用`), the length of a
  plan's name (`三年行动计划`), and counts of the things just listed (`…改善人民生活四个方面`).

Each commitment comes with the quote a curator would paste into targets.yaml: the comma clause
that holds the quantity with its verb (`新建基站1200座`, or `新建基站1200座、光缆2840公里` with
`pick: 2` for the cable), as the file has it, lengthened by the neighbouring clause until it
stands exactly once in the report. Coverage is the share of commitments whose quantity lies
inside some target's quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from targetcheck import units
from targetcheck.lazyregex import lazy
from targetcheck.quantity import Quantity, iter_quantities
from targetcheck.reader import Report
from targetcheck.reader.sections import PLAN_KINDS
from targetcheck.reader.sentences import Item
from targetcheck.textnorm import normalize

# Clauses that describe the past or the present, or reason about the targets, rather than
# commit to anything. Checked on the comma clause that holds the quantity.
_CONTEXT_CLAUSE = lazy(
    r"过去|去年|上年|已经|已有|已达|现有|目前|截至|以来|平均增速|预估|测算|比重为|连续\d+个月|"
    r"历史最高|百强|排名|位居|居于"
)
# Paragraphs that argue for the targets or weigh difficulties (`综合分析，实现这些目标，具备支撑条件。`).
_CONTEXT_PARAGRAPH = lazy(r"^(?:综合分析|在看到|实现这些目标|这些目标|.{0,6}困难和问题)")
# After a size: the rest of its clause names a project (`…冷轧取向硅钢片、…等项目`), with no verb
# of its own between the size and the project word.
_PROJECT_TAIL = lazy(r"^(?:(?!实施|推进|推动|建设|建成|完成|开工|新建|启动|打造|投资)[^，])*?(?:项目|工程)")
_FUND_IN_USE = lazy(r"发挥.*作用")
_PLAN_NAME = lazy(r"^的?[^，、]{0,6}?(?:行动|计划|方案|规划|攻坚)")
_SPEC_UNITS = {"千伏"}
# `铁路网总投资252亿元`: the size of a portfolio of projects, not an amount for the year.
_PORTFOLIO_SIZE = lazy(r"(?:总投资|总规模)(?:为|达)?$")
# `赛音山达、塔奔陶乐盖至满都拉的2条公路`: a small count that sums up the list just before it.
_LIST_BEFORE = lazy(r"[^、和及与，；。][、和及与][^，；。、和及与]{1,20}[”的]?$")
# Counters that count projects or works themselves (`45个项目`, `37项…工程`, `3条高速公路`); other
# counts before a project word are the project's capacity (`500万只铝轮毂等深加工项目`).
_WORK_COUNTERS = {"个", "项", "批", "处", "宗", "类", "条", "座", "所"}
_CHINESE_DIGIT = lazy(r"^[一二两三四五六七八九十]")
# Words that carry a clause on their own (an action, or a comparator before the figure): a
# `、` segment without one (`光缆2840公里` after `新建基站1200座`) leans on the one before.
_SEGMENT_VERB = lazy(
    r"新建|新增|新改扩建|改建|扩建|建设|建成|建改|改造|完成|实施|引进|培育|认定|创建|打造|举办|治理|开展|"
    r"推动|推进|办好|支持|解决|确保|力保|力争|开工|投产|吸引|带动|拉动|增长|增加|突破|达到|超过|提高|提升|"
    r"保持|控制|下降|降低|减少|实现"
)
_BARE_VERB_START = lazy(r"^(?:增长|增加|提高|提升|下降|降低|减少|突破|达到|超过)")
# Separators between the pieces a quote is lengthened by (an ASCII comma only outside numbers).
_PIECE_SEP = lazy(r"[，：:；;。！？!?、]|,(?!\d{3}(?!\d))")


@dataclass(frozen=True)
class Commitment:
    file: str
    line: int
    paragraph: int
    start: int  # offsets of the quantity in the paragraph's matching text
    end: int
    clause: str  # the comma clause that holds it (matching text)
    quantity: Quantity
    quote: str = ""  # what a curator would paste: as the file has it, standing once in the report
    quote_start: int = 0  # offsets of the quote in the paragraph's matching text
    quote_end: int = 0
    pick: int | None = None  # the quantity's place among the quote's values, when it holds several
    unique: bool = True  # False when no lengthening made the quote stand only once
    headline: bool = False  # in the headline-target sentence

    def key(self) -> tuple[str, int, int, int]:
        return (self.file, self.paragraph, self.start, self.end)


@dataclass(frozen=True)
class SetAside:
    """A quantity in the plan that is not a commitment, and why."""

    file: str
    line: int
    clause: str
    quantity: Quantity
    reason: str


@dataclass(frozen=True)
class PlanReading:
    commitments: list[Commitment]
    set_aside: list[SetAside]


def find_commitments(report: Report) -> list[Commitment]:
    """Every quantity stated as a commitment in the report's plan for its own year."""
    return read_plan(report).commitments


def read_plan(report: Report) -> PlanReading:
    """The plan's quantities: commitments (with their quotes) and the rest, with reasons."""
    commitments: list[Commitment] = []
    aside: list[SetAside] = []
    for item in report.items:
        if item.tag.kind not in PLAN_KINDS:
            continue
        paragraph = report.paragraphs[item.paragraph]
        found = list(iter_quantities(item.text))
        if not found:
            continue
        bounds = item.clause_bounds()
        context_paragraph = bool(_CONTEXT_PARAGRAPH.search(paragraph.text))
        for start, end, quantity in found:
            clause_start, clause_end = next(((s, e) for s, e in bounds if s <= start < e + 1), (0, len(item.text)))
            clause = item.text[clause_start:clause_end]
            absolute = item.start + start
            line = paragraph.line_at(absolute)
            if context_paragraph:
                reason: str | None = "argues for the targets or weighs the difficulties (综合分析…, 困难和问题)"
            else:
                reason = set_aside_reason(clause, start - clause_start, end - clause_start, quantity)
            if reason is not None:
                aside.append(SetAside(report.file, line, clause, quantity, reason))
                continue
            base_start, base_end = _base_quote(item, found, clause_start, clause_end, start, end)
            quote_start, quote_end, unique = _unique_span(report, item.paragraph, base_start, base_end, absolute)
            quote = paragraph.original(quote_start, quote_end)
            commitments.append(
                Commitment(
                    report.file, line, item.paragraph, absolute, item.start + end, clause, quantity,
                    quote, quote_start, quote_end, _pick(paragraph.text[quote_start:quote_end], absolute - quote_start),
                    unique, item.tag.headline,
                )
            )
    return PlanReading(commitments, aside)


def set_aside_reason(clause: str, start: int, end: int, quantity: Quantity) -> str | None:
    """Why the quantity at [start, end) of `clause` is not a commitment, or None if it is one."""
    context = _CONTEXT_CLAUSE.search(clause)
    if context:
        return f"context, not a commitment (`{context.group()}`)"
    if not quantity.unit and not quantity.stated_unit and not re.search(r"/|分之", quantity.text):
        return "a number without a unit: part of a name or code (`包风3`)"
    if quantity.unit in _SPEC_UNITS:
        return "a specification (`220千伏变电站`), not an amount"
    kind = units.kind(quantity.unit)
    after = clause[end:]
    if kind == "measure" and _PORTFOLIO_SIZE.search(clause[:start]):
        return "the total investment of a portfolio of projects (`铁路网总投资252亿元`), not an amount for the year"
    sized = kind == "measure" and quantity.unit not in ("%", "个百分点")
    if (sized or (kind == "count" and quantity.unit not in _WORK_COUNTERS)) and _PROJECT_TAIL.match(after):
        return "the size of a project named next to it, not a commitment of its own"
    if _FUND_IN_USE.search(clause) and kind == "measure":
        return "describes a fund or asset that exists and is put to use (`发挥…作用`)"
    if kind == "time" and _PLAN_NAME.match(after):
        return "the length of a plan named here (`三年行动计划`)"
    before = clause[:start]
    if (
        kind == "count"
        and quantity.unit != "连冠"
        and _CHINESE_DIGIT.match(quantity.text)
        and quantity.value <= 10
        and before
        and before[-1] not in "、和与及，"
        and re.search(r"[、和与及]", before)
    ):
        return "counts the things listed just before it (`…四个方面`, `…两个中心`)"
    if (
        kind == "count"
        and quantity.value <= 10
        and not quantity.qualifiers  # `瞪羚企业10家以上` commits to ten
        and re.match(r"[\u4e00-\u9fff]", clause[end : end + 1])  # the count comes before its noun
        and not before.endswith(("等", "、", "和", "及", "与"))
        and _LIST_BEFORE.search(before)
    ):
        return "counts the things listed just before it (`…的2条公路`)"
    return None


def _base_quote(
    item: Item, found: list[tuple[int, int, Quantity]], clause_start: int, clause_end: int, start: int, end: int
) -> tuple[int, int]:
    """The clause, or the `、` segment of it that holds the quantity with its verb (paragraph offsets).

    `力保投产300个以上、投资增长20%以上、新增规上工业企业100家以上` gives three segments, each with
    its own verb; `新建基站1200座、光缆2840公里` gives the cable the whole clause (its segment has no
    verb). Value lists (`分别增长8%、8.5%左右`) are never split.
    """
    text = item.text
    clause = text[clause_start:clause_end]
    cuts = [clause_start]
    if "分别" not in clause:
        ends = {e for _, e, _ in found}
        starts = {s for s, _, _ in found}
        for match in re.finditer("、", clause):
            at = clause_start + match.start()
            if at in ends and at + 1 not in starts:
                cuts.append(at + 1)
    cuts.append(clause_end + 1)
    segments = [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]
    index = max(k for k, (s, _e) in enumerate(segments) if s <= start)
    first = index
    while first > 0:
        seg_start, seg_end = segments[first]
        lead = text[seg_start:start] if first == index else text[seg_start:seg_end]
        if _BARE_VERB_START.match(lead) or not _SEGMENT_VERB.search(lead):
            first -= 1
            continue
        break
    return item.start + segments[first][0], item.start + segments[index][1]


def _unique_span(
    report: Report, paragraph_index: int, start: int, end: int, quantity_start: int
) -> tuple[int, int, bool]:
    """Lengthen [start, end) by neighbouring pieces until it stands once in the report.

    Tries the fewest added pieces first, the following ones before the preceding ones, as a
    curator would: `规上工业增加值增长14%以上` stands in the review too, so the quote becomes
    `规上工业增加值增长14%以上，固定资产投资增长18%以上` (and `pick: 1`).
    """
    text = report.paragraphs[paragraph_index].text
    if _count(report, text[start:end]) == 1:
        return start, end, True
    reading = _terms(text[start:end], quantity_start - start)
    seps = [m for m in _PIECE_SEP.finditer(text)]
    befores = [start, *[m.end() for m in reversed(seps) if m.end() < start and m.group() != "。"][:6]]
    befores = sorted(set(befores), reverse=True)
    if 0 not in befores and len(befores) < 7:
        befores.append(0)
    afters = [end, *[m.start() for m in seps if m.start() > end][:6]]
    if len(text) not in afters and len(afters) < 7:
        afters.append(len(text))
    options = sorted(
        ((back + forward, back, b, a) for back, b in enumerate(befores) for forward, a in enumerate(afters)
         if (b, a) != (start, end)),
    )
    for _added, _back, b, a in options:
        # A neighbour must not change what the quote says (`…4%以内，完成自治区下达的…目标` would
        # read as set elsewhere): the lengthened quote must give the same comparator and value.
        if _count(report, text[b:a]) == 1 and _terms(text[b:a], quantity_start - b) == reading:
            return b, a, True
    return start, end, False


def _terms(quote_text: str, offset: int) -> tuple[str, object] | None:
    """(comparator, value) `check` would read for the quantity at `offset`; None if unreadable."""
    from targetcheck.wording import WordingError, parse_terms

    try:
        terms = parse_terms(quote_text, pick=_pick(quote_text, offset))
    except WordingError:
        return None
    return terms.comparator.value, terms.value


def _count(report: Report, needle: str) -> int:
    return sum(p.text.count(needle) for p in report.paragraphs) if needle else 0


def _pick(quote_text: str, offset: int) -> int | None:
    """The 1-based place of the quantity at `offset` among the quote's values (as `parse_terms`
    counts them: quantities with a unit), or None when the quote holds only one."""
    values = [(s, q) for s, _e, q in iter_quantities(quote_text) if q.unit or q.stated_unit]
    if len(values) < 2:
        return None
    for k, (s, _q) in enumerate(values):
        if s == offset:
            return k + 1
    return None


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
