"""Finding what a later report says happened to an indicator in year T.

The finder looks at every item of the follow-up report (report T+1) that names the indicator,
reads the figure the item gives for it, and keeps it only if it is about year T as a whole:

- items in the plan (targets for T+1), in five-year passages, or outside the review are set
  aside, each with the reason, so `show` can say what was considered;
- multi-year averages and totals (`年均`, `累计`, `“十四五”时期`) never pass for a year;
- partial-year figures (`前三季度`, `上半年`) are used only when nothing better is there, and say so;
- estimates (`预计`), lower bounds (`14%以上`), comparable-basis figures (`按可比口径`), falls
  (`下降11.9%`) travel with the figure as qualifiers.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from targetcheck.indicators import HEADLINE, Alias, Indicator, Measure
from targetcheck.quantity import Quantity, iter_quantities
from targetcheck.reader import Report
from targetcheck.reader.sections import Kind
from targetcheck.reader.sentences import Item
from targetcheck.units import compatible

# Words between a growth verb and its figure, and the verbs themselves.
_GROWTH = re.compile(
    r"(?P<pre>(?:同比|比上年|较上年|比去年|较去年|比\d{4}年|按可比(?:口径|价格?)(?:计算)?|(?:按)?同口径(?:计算)?|(?:按)?自然口径(?:计算)?|分别|均|年均|平均)*)"
    r"(?P<verb>增长|增加|提高|上升|提升|上涨|下降|减少|降低|回落|下滑|增速(?:为|达到?|是)?|增幅(?:为|达到?|是)?|涨幅(?:为|达到?|是)?)"
    r"(?:了|达到?|为)?"
)
_FALL_VERBS = ("下降", "减少", "降低", "回落", "下滑")
_CHANGE_BEFORE = re.compile(r"(?:增加|增长|提高|提升|减少|下降|降低|扩大|缩小|多|少)(?:了)?$")
_ESTIMATE = re.compile(r"预计|预估|估计|初步(?:统计|核算|测算)|有望")
_PARTIAL = re.compile(
    r"前三季度|前(?:[一二三四五六七八九十]|\d{1,2})(?:个)?(?:季度|月)|上半年|一季度|[1１一]\s*[-—~至到]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})月|截至\d{1,2}月|今年以来"
)
_PERIOD = re.compile(r"(?P<partial>" + _PARTIAL.pattern + r")|(?P<full>全年|年内|一年来|这一年|过去一年)")
_COMPARABLE = re.compile(r"可比口径|可比价|按可比|同口径")
_MULTIYEAR = re.compile(r"年均|平均每年|年平均|累计|五年|十[一二三四五六]五|“十.五”|(?<!今年)以来")
_YEAR = re.compile(r"(?<![比较])(?<!\d)(\d{4})年(?!底前|前)")
_ASIDE_REASONS = {
    Kind.TARGETS: "the plan for {next}: a target, not an outcome",
    Kind.TASKS: "the plan for {next}: a target, not an outcome",
    Kind.PLAN_MULTIYEAR: "the plan for the next five years",
    Kind.REVIEW_MULTIYEAR: "a five-year review passage, not the figure for {year}",
    Kind.PREAMBLE: "outside the review of {year}",
    Kind.OTHER: "outside the review of {year}",
}
_CLAUSE_SEP = re.compile(r"[，：:]|,(?!\d{3}(?!\d))")


@dataclass(frozen=True)
class Candidate:
    """One place a report speaks of the indicator, and what the finder made of it."""

    item: Item
    start: int  # evidence span in item.text
    end: int
    quantity: Quantity | None  # None for milestones
    value: Decimal | None  # signed (falls negative), in the quantity's base unit
    qualifiers: tuple[str, ...]
    reason: str | None  # why it was set aside; None when usable
    done: bool | None = None  # milestones: True done, False reported not done

    @property
    def usable(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class Finding:
    chosen: Candidate | None
    considered: tuple[Candidate, ...]


def find_outcome(
    report: Report,
    year: int,
    indicator: Indicator,
    *,
    unit: str | None = None,
    milestone: str | None = None,
    aliases: Iterable[Alias] | None = None,
) -> Finding:
    """The outcome of `indicator` for `year` in `report` (normally the report of `year + 1`)."""
    alias_list = tuple(aliases) if aliases is not None else indicator.aliases
    exclude = re.compile(indicator.exclude) if indicator.exclude else None
    candidates: list[Candidate] = []
    seen: set[tuple[int, int, int]] = set()
    items = report.items
    for index, item in enumerate(items):
        if exclude is not None and exclude.search(item.text):
            continue
        for alias in alias_list:
            for match in alias.compiled().finditer(item.text):
                if indicator.measure is Measure.MILESTONE:
                    found = _milestone(item, match, milestone or "建成", indicator.done)
                else:
                    found = _figure(item, match, indicator.measure, alias.position, unit or indicator.unit)
                if found is None:
                    continue
                for where, result in [(item, found), *_continued(items, index, match, found, indicator.measure)]:
                    key = (where.paragraph, where.start + result[0], where.start + result[1])
                    if key not in seen:
                        seen.add(key)
                        candidates.append(_judge_candidate(where, result, report, year))
    return Finding(_choose(candidates, indicator.measure), tuple(candidates))


_CONTINUATION = re.compile(r"^(?:预计|初步核算|初步统计|全年|年内|全年预计|，|,)*(?=" + _GROWTH.pattern + ")")


def _continued(items: list[Item], index: int, match: re.Match[str], found: _Found, measure: Measure) -> list[tuple[Item, _Found]]:
    """`前三季度，地区生产总值增长7.8%；预计全年增长7.2%左右`: the next item has no subject of its
    own and goes on about the same indicator. Returns it, joined to this item, as a candidate."""
    if measure is not Measure.GROWTH or index + 1 >= len(items):
        return []
    item, following = items[index], items[index + 1]
    if following.paragraph != item.paragraph or following.sentence_start != item.sentence_start:
        return []
    lead = _CONTINUATION.match(following.text)
    if lead is None:
        return []
    # Offsets into the joined text must be offsets into the paragraph from item.start.
    separator = "；" * (following.start - item.end)
    joined_text = item.text + separator + following.text
    joined = Item(item.paragraph, item.start, following.end, joined_text, item.sentence_start, following.tag)
    offset = following.start - item.start
    result = _growth(joined_text, _Shifted(match.start(), offset + lead.end()), None)
    if result is None:
        return []
    return [(joined, result)]


class _Shifted:
    """A stand-in for a regex match: an alias at `start` whose figure is looked for from `end`."""

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_Found = tuple[int, int, Quantity | None, Decimal | None, tuple[str, ...], bool | None]


def _figure(item: Item, match: re.Match[str], measure: Measure, position: int | None, unit: str | None) -> _Found | None:
    text = item.text
    if measure is Measure.GROWTH:
        return _growth(text, match, position)
    return _level(text, match, measure, unit)


def _growth(text: str, match: re.Match[str], position: int | None) -> _Found | None:
    """`<alias>…增长7.6%`: the figure of the growth verb that follows the alias."""
    for verb in _GROWTH.finditer(text, match.end()):
        gap = text[match.end() : verb.start()]
        if len(gap) > 40:
            return None
        if not _subject_carries(gap):
            continue
        quantities = _quantities_from(text, verb.end())
        if not quantities:
            continue  # `增长动力…`: not a figure; look further in the item
        values = _list_values(text, quantities)
        pre = verb.group("pre")
        paired = "分别" in pre
        if position is not None and position >= 1:
            if paired and len(values) >= position:
                chosen = values[position - 1]
            elif "均" in pre:
                chosen = values[0]  # `均增长7.5%`: the same figure for both
            else:
                return None
        elif paired and len(values) > 1:
            return None  # a pair for two indicators: only positional aliases may read it
        else:
            chosen = values[0]
        _q_start, q_end, quantity = chosen
        if quantity.unit not in ("%", "倍"):
            return None
        value = quantity.value * 100 if quantity.unit == "倍" else quantity.value
        qualifiers = []
        if verb.group("verb").startswith(_FALL_VERBS):
            value = -value
            qualifiers.append("negative")
        if "年均" in verb.group("pre") or "平均" in verb.group("pre"):
            qualifiers.append("multi-year")
        return match.start(), q_end, quantity, value, tuple(qualifiers), None
    return None


def _subject_carries(gap: str) -> bool:
    """Does the alias remain the subject across `gap` up to a growth verb?

    `地区生产总值增长` (no gap), `地区生产总值3867.6亿元，增长` (a level figure, then the verb opens
    the next clause), `固定资产投资完成2955.8亿元，按可比口径计算，增长` are fine; a gap that
    names something else (`…，引进国内到位资金突破一千亿元；`) or runs long is not.
    """
    if len(gap) > 40:
        return False
    clauses = _CLAUSE_SEP.split(gap)
    if len(clauses) > 3:
        return False
    if len(clauses) > 1 and clauses[-1] not in ("", "同比", "比上年", "较上年"):
        return False
    if re.search(r"占|比重|带动|拉动|其中|下同", gap):
        return False
    for clause in clauses[:-1]:
        if len(clause) > 20:
            return False
    return not _OTHER_INDICATOR.search(gap)


def _quantities_from(text: str, pos: int) -> list[tuple[int, int, Quantity]]:
    """Quantities starting at `pos` (right after a verb), within the clause."""
    clause_end = _CLAUSE_SEP.search(text, pos)
    end = clause_end.start() if clause_end else len(text)
    found = []
    for start, stop, quantity in iter_quantities(text[pos:end]):
        found.append((pos + start, pos + stop, quantity))
    if found and found[0][0] - pos > 1:
        return []  # the figure must follow the verb directly
    return found


def _list_values(text: str, quantities: list[tuple[int, int, Quantity]]) -> list[tuple[int, int, Quantity]]:
    """`8%、8.5%` / `6.5%和8%`: the run of values joined by 、 和 与 及."""
    run = [quantities[0]]
    for previous, current in itertools.pairwise(quantities):
        between = text[previous[1] : current[0]]
        if between in ("、", "和", "与", "及", ",", "，"):
            run.append(current)
        else:
            break
    return run


def _level(text: str, match: re.Match[str], measure: Measure, unit: str | None) -> _Found | None:
    """`<alias>达到3867.6亿元` / `<alias>3.89%`: the first fitting figure in the alias's clause."""
    clause_start = 0
    for sep in _CLAUSE_SEP.finditer(text, 0, match.start()):
        clause_start = sep.end()
    clause_end_match = _CLAUSE_SEP.search(text, match.end())
    clause_end = clause_end_match.start() if clause_end_match else len(text)
    after = [(match.end() + s, match.end() + e, q) for s, e, q in iter_quantities(text[match.end() : clause_end])]
    before = [(clause_start + s, clause_start + e, q) for s, e, q in iter_quantities(text[clause_start : match.start()])]
    for start, end, quantity in after + before[::-1]:
        if not _fits(quantity, measure, unit):
            continue
        lead = text[max(clause_start, match.end() if start >= match.end() else clause_start) : start]
        qualifiers: list[str] = []
        if _CHANGE_BEFORE.search(lead) or quantity.unit == "个百分点":
            qualifiers.append("change")  # `增加20天`, `提高1.4个百分点`: not a level
        span_start = min(match.start(), start)
        span_end = max(match.end(), end)
        return span_start, span_end, quantity, quantity.value, tuple(qualifiers), None
    return None


def _fits(quantity: Quantity, measure: Measure, unit: str | None) -> bool:
    if measure is Measure.RATE:
        return quantity.unit in ("%", "个百分点")
    if quantity.unit in ("%", "个百分点", "倍"):
        return False
    if unit:
        return compatible(quantity.unit, unit)
    return bool(quantity.unit)


_DONE_WORDS = {
    "开工": r"开工|开建|动工|开钻|建设|建成|竣工|完工|投运|通车",
    "建成": r"建成|竣工|完工|投运|投入使用|投入运营|投入运行|投用|启用|通车|交付|开通|运营|落成|并网|投产",
    "投运": r"投运|投入运行|投入运营|投产|并网|运营|建成投运",
    "验收": r"通过(?:了)?(?:国家|竣工|初步)?验收|验收合格",
    "摘帽": r"摘帽|脱贫摘帽|退出贫困县|退出贫困旗县|脱贫退出",
    "开通": r"开通|通航|通车|开行",
    "获批": r"获批|批复|获得批准|获国家批准",
}
_NOT_DONE = re.compile(r"未能|尚未|没有|未|暂缓|停建|停工|缓建|推迟|延期|搁置|暂停|取消|放缓|滞后")
_IN_PROGRESS = re.compile(r"推进|加快|前期|筹备|正在|有序|积极|启动|谋划|争取|开展")


def milestone_family(verb: str) -> str:
    if "启动" in verb:
        return "开工"
    for key in _DONE_WORDS:
        if key in verb:
            return key
    if "投产" in verb or "并网" in verb:
        return "投运"
    if "交付" in verb or "通车" in verb or "完工" in verb or "竣工" in verb:
        return "建成"
    return "建成"


def _milestone(item: Item, match: re.Match[str], verb: str, extra_done: tuple[str, ...]) -> _Found | None:
    """Is the object reported done, not done, or only mentioned, in this item?"""
    text = item.text
    clause_start = 0
    for sep in _CLAUSE_SEP.finditer(text, 0, match.start()):
        clause_start = sep.end()
    clause_end_match = _CLAUSE_SEP.search(text, match.end())
    clause_end = clause_end_match.start() if clause_end_match else len(text)
    clause = text[clause_start:clause_end]
    done_pattern = _DONE_WORDS[milestone_family(verb)]
    if extra_done:
        done_pattern += "|" + "|".join(extra_done)
    if _NOT_DONE.search(clause):
        done: bool | None = False
        qualifiers: tuple[str, ...] = ("not-done",)
    elif re.search(done_pattern, clause):
        lead = clause[: match.start() - clause_start]
        if _IN_PROGRESS.search(lead[-6:]) and not re.search(done_pattern, clause[match.end() - clause_start :]):
            done, qualifiers = False, ("in-progress",)
        else:
            done, qualifiers = True, ()
    elif _IN_PROGRESS.search(clause):
        done, qualifiers = False, ("in-progress",)
    else:
        return None
    return clause_start, clause_end, None, None, qualifiers, done


def _judge_candidate(item: Item, found: _Found, report: Report, year: int) -> Candidate:
    start, end, quantity, value, qualifiers, done = found
    quals = list(qualifiers)
    before = item.text[:end]
    if quantity is not None:
        # `预计` and period words open a list and hold over its `；` items until the sentence
        # ends: `前三季度GDP增长8.03%；预计年内规上工业增加值增长14%以上；固定资产投资增长20%以上`
        # makes the first a partial-year figure and the rest full-year estimates.
        paragraph = report.paragraphs[item.paragraph].text
        lead = paragraph[item.sentence_start : item.start + end]
        if _ESTIMATE.search(lead):
            quals.append("estimate")
        periods = _PERIOD.findall(lead)
        if periods and periods[-1][0]:  # the last period word said before the figure is partial
            quals.append("partial-period")
        if _COMPARABLE.search(before):
            quals.append("comparable-basis")
        if "more-than" in quantity.qualifiers:
            quals.append("lower-bound")
        if "at-most" in quantity.qualifiers:
            quals.append("upper-bound")
        if "about" in quantity.qualifiers:
            quals.append("approximate")
        if "just-under" in quantity.qualifiers:
            quals.append("just-under")
    reason = _aside_reason(item, report, year)
    if reason is None and quantity is not None:
        multi = _MULTIYEAR.search(before)
        if "multi-year" in quals or multi:
            reason = f"a multi-year average or total ({multi.group() if multi else '年均'}), not the figure for {year}"
        elif "change" in quals:
            reason = "a change, not a level"
    if reason is None:
        other = next((int(y) for y in _YEAR.findall(before) if int(y) != year), None)
        if other is not None:
            reason = f"about {other}, not {year}"
    return Candidate(item, start, end, quantity, value, tuple(dict.fromkeys(quals)), reason, done)


def _aside_reason(item: Item, report: Report, year: int) -> str | None:
    tag = item.tag
    if tag.kind is Kind.REVIEW:
        if tag.year == year:
            return None
        return f"the review of {tag.year}, not of {year}"
    template = _ASIDE_REASONS.get(tag.kind, "outside the review of {year}")
    return template.format(year=year, next=report.year)


def _choose(candidates: list[Candidate], measure: Measure) -> Candidate | None:
    usable = [c for c in candidates if c.usable]
    if measure is Measure.MILESTONE:
        done = [c for c in usable if c.done]
        return done[0] if done else (usable[0] if usable else None)
    full_year = [c for c in usable if "partial-period" not in c.qualifiers]
    pool = full_year or usable
    # A report that gives growth both as stated and on a comparable basis (自然口径下降3.5%，
    # 同口径增长6.6%) is measured against its targets on the comparable basis.
    comparable = [c for c in pool if "comparable-basis" in c.qualifiers]
    return (comparable or pool or [None])[0]


# Aliases of the other headline indicators: a gap that names one of them breaks the subject.
_OTHER_INDICATOR = re.compile(
    r"固定资产投资|社会消费品零售|一般公共预算收入|工业增加值|居民人均可支配收入|失业率|进出口|到位资金|地区生产总值"
)

__all__ = ["HEADLINE", "Candidate", "Finding", "find_outcome", "milestone_family"]
