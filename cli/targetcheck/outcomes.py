"""Finding what a later report says happened to an indicator in year T.

The finder looks at every item of the follow-up report (report T+1) that names the indicator,
reads the figure the item gives for it, and keeps it only if it is about year T as a whole:

- items in the plan (targets for T+1), in five-year passages, or outside the review are set
  aside, each with the reason, so `show` can say what was considered; a five-year passage may
  still give the figure of year T when it names the year (`…，其中2017年改造38960户`);
- multi-year averages and totals (`年均`, `累计`, `“十四五”时期`) never pass for a year, and a
  figure said of another year (`由2013年的223天…`) is not the year's;
- partial-year figures (`前三季度`, `上半年`) are used only when nothing better is there, and say so;
- estimates (`预计`, or a note said once for a list: `（均为预计数）：`), lower bounds (`14%以上`,
  `突破1200亿元`), comparable-basis figures (`按可比口径`), falls (`下降11.9%`) travel with the
  figure as qualifiers;
- a target restated in the review (`距5000亿元的目标还有差距`) is never an outcome, and a name in a
  clause of method or rhetoric (`用新增规上企业衡量…`) is not a subject;
- when nothing usable is found, a name whose clause holds no figure may take the next clause's,
  if that clause opens with a verb of achievement or the measure's noun (`钢铁产业抓住…机遇，实现
  产值1026亿元`).

Milestones are read in `milestones.py`.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from targetcheck.errors import QuantityError
from targetcheck.indicators import HEADLINE, Alias, Indicator, Measure
from targetcheck.lazyregex import lazy
from targetcheck.quantity import Quantity, iter_quantities
from targetcheck.reader import Report
from targetcheck.reader.sections import Kind
from targetcheck.reader.sentences import CLAUSE_SEP, Item, clause_bounds
from targetcheck.textnorm import normalize
from targetcheck.units import base_unit, compatible, convert, kind

# Words between a growth verb and its figure, and the verbs themselves.
_GROWTH = lazy(
    r"(?P<pre>(?:同比|比上年|较上年|比去年|较去年|比\d{4}年|按可比(?:口径|价格?)(?:计算)?|(?:按)?同口径(?:计算)?|(?:按)?自然口径(?:计算)?|分别|均|年均|平均)*)"
    r"(?P<verb>增长|增加|提高|上升|提升|上涨|下降|减少|降低|回落|下滑|增速(?:为|达到?|是)?|增幅(?:为|达到?|是)?|涨幅(?:为|达到?|是)?)"
    r"(?:了|达到?|为)?"
)
_FALL_VERBS = ("下降", "减少", "降低", "回落", "下滑")
_CHANGE_BEFORE = lazy(r"(?:增加|增长|提高|提升|减少|下降|降低|扩大|缩小|多|少)(?:了)?$")
# `突破1200亿元`, `超1000户`: the figure is a floor.
_FLOOR_BEFORE = lazy(r"(?:突破|破|超|超过|逾|高于)$")
# `约占全国的18%`, `约为…`: an approximate figure (not `节约`, `制约`, `约束`).
_ABOUT_BEFORE = lazy(r"(?<![节制契违预集])约(?!束|定)(?:占|为|是|达)?[^，；。\d]{0,6}$")
_ESTIMATE = lazy(r"预计|预估|估计|初步(?:统计|核算|测算)|有望|快报数")
_PARTIAL = lazy(
    r"前三季度|前(?:[一二三四五六七八九十]|\d{1,2})(?:个)?(?:季度|月)|上半年|一季度|[1１一]\s*[-—~至到]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})月|截至\d{1,2}月|今年以来"
)
_PERIOD = lazy(r"(?P<partial>" + _PARTIAL.pattern + r")|(?P<full>全年|年内|一年来|这一年|过去一年)")
# A revised basis (`按可比口径增长6.1%`, `同口径增长6.6%`); `按可比价格计算` is ordinary real growth
# at constant prices, not a revision, and is not flagged.
# `剔除核减因素后`, `扣除一次性因素后` say the same; `扣除价格因素后` is real growth, not a revision.
_COMPARABLE = lazy(r"可比口径|同口径|同比口径|(?:剔除|扣除)(?![^，；。]{0,4}?(?:价格|物价))[^，；。]{1,12}?(?:因素|影响)(?:后|外)")
# The comparable-basis figure after another of the same subject, possibly after the adjustment
# that makes it comparable: `、同口径增长6.6%`, `，剔除核减因素后按可比口径增长9.6%`.
_COMPARABLE_NEXT = lazy(
    r"[、，,；](?=(?:剔除|扣除)(?![^，；。]{0,4}?(?:价格|物价))[^，；。]{1,12}?(?:因素|影响)(?:后|外)|"
    r"(?:按)?(?:可比口径|可比价格?|同口径|同比口径))"
)
# A figure as booked, set apart from the comparable one: `账面比上年下降43.7%`, `自然口径下降3.5%`,
# `名义增长…`; and what may head such a figure in place of a verb (`受留抵退税等因素影响账面下降1.2%`).
_NOMINAL = lazy(r"账面|名义|自然口径")
_NOMINAL_LEAD = lazy(r"(?:受[^，；。]{1,20}?影响)?(?:账面|名义|自然口径)?(?:上)?(?:同比|比上年|较上年|比去年|较去年)?")
# Markers of a multi-year figure, and explicit years (`2017年`, not `比2015年`, `2016年底前`).
_MULTIYEAR = lazy(r"年均|平均每年|年平均|(?<!全年)(?<!年内)(?<!当年)累计|五年|十[一二三四五六]五|“十.五”|(?<!今年)以来")
# `由2016年的63%提高到65.3%`, `从2016年的…`: a base for comparison, not the period of the figure.
_YEAR = lazy(r"(?<![比较由从])(?<!\d)(\d{4})年(?!底前|前)")
_ASIDE_REASONS = {
    Kind.TARGETS: "the plan for {next}: a target, not an outcome",
    Kind.TASKS: "the plan for {next}: a target, not an outcome",
    Kind.PLAN_MULTIYEAR: "the plan for the next five years",
    Kind.REVIEW_MULTIYEAR: "a five-year review passage, not the figure for {year}",
    Kind.PREAMBLE: "outside the review of {year}",
    Kind.OTHER: "outside the review of {year}",
}
# A clause that goes on about the subject of the clause before it: it opens with a verb, an
# adverb or a year rather than a noun of its own (`…完成投资1987.5亿元，建成投产项目406个` does
# not; `…16.2万户，其中2017年改造38960户` and `…主体工程完工，尚不具备通行条件` do).
_CONTINUES = lazy(
    r"^(?:其中|\d{4}年|全年|年内|当年|预计|初步|实现|达到|完成|增长|增加|新增|共|合计|比上年|同比|较|尚|仍|未|但|并|已|正在|目前|"
    r"受|因|由于|计划|将|待|推迟|暂缓|延期|主体|全面|基本|部分|具备|开工|建设|建成|投入|开通|通过|进入|取得)"
)


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
    object: str | None = None  # milestones: the object (alias) this candidate speaks of
    borrowed: bool = False  # the figure stands in a later clause than the indicator's name

    @property
    def usable(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class ObjectOutcome:
    """A milestone's object and what the report says of it (None: not mentioned usably)."""

    name: str
    candidate: Candidate | None


@dataclass(frozen=True)
class Finding:
    chosen: Candidate | None
    considered: tuple[Candidate, ...]
    objects: tuple[ObjectOutcome, ...] = ()  # milestones: one per object


def find_outcome(
    report: Report,
    year: int,
    indicator: Indicator,
    *,
    unit: str | None = None,
    milestone: str | None = None,
    aliases: Iterable[Alias] | None = None,
    change: bool = False,
    wording: str = "",
) -> Finding:
    """The outcome of `indicator` for `year` in `report` (normally the report of `year + 1`).

    `change`: the target is itself an amount of change (`新增…`, `增加4.5万吨`, `提高3个百分点`),
    so outcomes worded as changes are what is wanted, and totals or stocks are not. `wording`: the
    target's words, which decide whether `基本完成` is the milestone itself or only part of it, and
    whether a count the report gives by level (`国家级…6家、自治区级…9家`) is summed or one level taken.
    """
    alias_list = tuple(aliases) if aliases is not None else indicator.aliases
    if indicator.measure is Measure.MILESTONE:
        from targetcheck.milestones import find_milestone

        return find_milestone(report, year, indicator, alias_list, milestone or "建成", wording)
    exclude = re.compile(indicator.exclude) if indicator.exclude else None
    candidates: list[Candidate] = []
    seen: set[tuple[int, int, int]] = set()
    items = report.items
    compiled = [(alias, alias.compiled()) for alias in alias_list]
    named = _paragraphs_naming(report, alias_list)
    for index, item in enumerate(items):
        if named is not None and item.paragraph not in named:
            continue
        if exclude is not None and exclude.search(item.text):
            continue
        for alias, pattern in compiled:
            for match in pattern.finditer(item.text):
                if _in_rhetoric(item.text, match):
                    continue  # `坚持用新增规上企业衡量项目建设成效，…`: a method, not a subject
                figures = _figure(item, match, indicator.measure, alias.position, unit or indicator.unit, year, change)
                if not figures:
                    continue
                # `新安县规模以上工业增加值增长9.4%`: a county's figure, not the city's.
                place = _sub_unit(item.text, match.start(), report.city, wording)
                continued = _continued(items, index, match, figures[0], indicator.measure)
                for where, result, of in [*((item, f, place) for f in figures), *((w, f, None) for w, f in continued)]:
                    key = (where.paragraph, where.start + result[0], where.start + result[1])
                    if key not in seen:
                        seen.add(key)
                        candidates.append(_judge_candidate(where, result, report, year, change, place=of))
    if indicator.measure is Measure.LEVEL:
        candidates = _sum_levels(candidates, normalize(wording))
    chosen = _choose(candidates)
    if chosen is None:
        bridged = _bridged(report, compiled, exclude, indicator.measure, unit or indicator.unit, year, change)
        candidates.extend(bridged)
        chosen = _choose(bridged)
    return Finding(chosen, tuple(candidates))


# A level of government or recognition before a name (`国家级绿色工厂`, `自治区级`, `省级`), and two
# named together as one (`国家和自治区级众创空间`).
_LEVEL_NAMES = "国家|自治区|省|市|盟|县|旗|区"
_LEVEL = lazy(rf"(?:{_LEVEL_NAMES})级")
# Two levels named as one: joined (`国家和自治区级`, `国家级、自治区级`), juxtaposed (`国家自治区级`,
# `省市级`), or a level and those above it (`市级以上`, `盟市级及以上`).
_LEVEL_JOINED = lazy(
    rf"(?:{_LEVEL_NAMES})(?:级)?[和、及与]?(?:{_LEVEL_NAMES})级|级及?以上"
)
_LEVEL_BEFORE = lazy(rf"(?:{_LEVEL_NAMES})级$")
_PART_JOIN = lazy(rf"^[、和及与]?((?:{_LEVEL_NAMES})级)$")
_BARE_JOIN = lazy(r"^[、和及与]?$")


def _sum_levels(candidates: list[Candidate], wording: str) -> list[Candidate]:
    """`新增国家级绿色工厂6家、自治区级绿色工厂9家`: one count given in parts by level. A target that
    names no level, or several whatever joins them (`新增10家以上绿色工厂`, `国家和自治区级…`,
    `国家级、自治区级…`, `国家自治区级…`, `市级以上…`), is answered by their sum,
    marked `summed`, the parts set aside; a target that names one level (`国家级绿色工厂5家`) by that
    level's part, the others set aside. Parts are adjacent in one item (joined by `、`, `和` …), each
    headed by a level, in units of one family."""
    runs: list[list[tuple[Candidate, str]]] = []
    for candidate in candidates:
        if not candidate.usable or candidate.quantity is None or candidate.value is None or candidate.borrowed:
            continue
        text = candidate.item.text
        run = runs[-1] if runs else None
        # The level stands before the evidence (`国家级众创空间2家`, the alias `众创空间`) or opens it
        # (`国家级龙头企业2家`, an alias that names the level).
        level = _LEVEL_BEFORE.search(text, 0, candidate.start) or _LEVEL.match(text, candidate.start)
        if run is not None and run[-1][0].item is candidate.item and run[-1][0].end <= candidate.start:
            between = text[run[-1][0].end : candidate.start]
            joint = _PART_JOIN.match(between)
            part_level = joint.group(1) if joint else level.group() if level and _BARE_JOIN.match(between) else None
            if part_level and _same_base(run[-1][0].quantity, candidate.quantity):
                run.append((candidate, part_level))
                continue
        if level:
            runs.append([(candidate, level.group())])
    runs = [run for run in runs if len(run) >= 2 and len({level for _c, level in run}) == len(run)]
    if not runs:
        return candidates
    named = [m.group() for m in _LEVEL.finditer(wording)]
    single = named[0] if len(named) == 1 and not _LEVEL_JOINED.search(wording) else None
    replaced: dict[int, list[Candidate]] = {}
    for run in runs:
        levels = [level for _c, level in run]
        if single is not None:
            if single not in levels:
                continue
            for candidate, level in run:
                if level != single:
                    replaced[id(candidate)] = [replace(candidate, reason=f"another level ({level}) than the target's ({single})")]
            continue
        first, last = run[0][0], run[-1][0]
        assert first.quantity is not None
        total = sum((c.value for c, _level in run), Decimal(0))  # type: ignore[misc]
        stated = "+".join(f"{level}{c.quantity.text}" for c, level in run)  # type: ignore[union-attr]
        same_unit = len({c.quantity.stated_unit for c, _level in run}) == 1  # type: ignore[union-attr]
        quantity = Quantity(
            total, first.quantity.unit, first.quantity.stated_unit if same_unit else first.quantity.unit,
            sum((c.quantity.stated_value for c, _l in run), Decimal(0)) if same_unit else total,  # type: ignore[union-attr]
            stated,
        )
        qualifiers = (*dict.fromkeys(q for c, _l in run for q in c.qualifiers), "summed")
        summed = replace(first, end=last.end, quantity=quantity, value=total, qualifiers=qualifiers)
        replaced[id(first)] = [summed]
        for candidate, level in run:
            parts = replaced.setdefault(id(candidate), [])
            parts.append(replace(candidate, reason=f"a part ({level}) of the summed figure {stated}"))
    return [c for candidate in candidates for c in replaced.get(id(candidate), [candidate])]


def _same_base(a: Quantity | None, b: Quantity | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return base_unit(a.unit) == base_unit(b.unit)
    except QuantityError:
        return False


# Subject and figure in adjacent comma clauses: `钢铁产业抓住市场回暖机遇，实现产值1026亿元`,
# `全社会研发投入预计达到96亿元，投入强度1.98%`, `全年实施重大项目672个，完成投资增长12.5%`. The
# second clause opens with a verb of achievement or with the measure's noun, and its figure follows
# within a few characters: it names no subject of its own, so it goes on about the first clause's.
_BRIDGE_OPENING = lazy(r"^(?:全年|当年|预计|同比)*(?:实现|完成|达到|突破)?\D{1,8}?\d")
# What may stand before the subject at a clause's start.
_BRIDGE_LEAD = lazy(r"(?:全市|全年|全社会|其中|我市|今年|当年|实施|新增|累计|共|同时|此外|另外)*")
# The subject is never cut before a head noun (`实施钢铁项目，实现产值…` is not the steel industry's).
_HEAD_NOUN_START = lazy(r"集团|公司|中心|基地|园区|项目|工程|平台|企业|产品|板块|领域")
_BRIDGE_MAX_SUBJECT = 16


@dataclass(frozen=True)
class _BridgeSite:
    """Two adjacent clauses of a review item where the second may go on about the first's subject."""

    item: Item
    first: tuple[int, int]  # clause offsets in item.text
    second: tuple[int, int]
    figures: tuple[Quantity, ...]  # the quantities of the first clause
    lead: int  # where the first clause's subject may begin (after `全年`, `实施` …)
    cuts: tuple[int, ...]  # where it may end, longest first


# Sites depend on the report only: computed once per report (reports are not hashable, so they are
# keyed by identity and dropped when the report is).
_SITES: dict[int, tuple[weakref.ref[Report], list[_BridgeSite]]] = {}


def _bridge_sites(report: Report) -> list[_BridgeSite]:
    cached = _SITES.get(id(report))
    if cached is not None and cached[0]() is report:
        return cached[1]
    sites = []
    for item in report.items:
        if item.tag.kind is not Kind.REVIEW:
            continue
        text = item.text
        for (s1, e1), (s2, e2) in itertools.pairwise(clause_bounds(text)):
            second = text[s2:e2]
            if not _BRIDGE_OPENING.match(second):
                continue
            first = text[s1:e1]
            lead = _BRIDGE_LEAD.match(first).end()  # type: ignore[union-attr]
            cuts = tuple(
                k for k in range(min(len(first), lead + _BRIDGE_MAX_SUBJECT), lead, -1) if _cut_allowed(first[k:], second)
            )
            if cuts:
                figures = tuple(q for _a, _b, q in _quantities(first))
                sites.append(_BridgeSite(item, (s1, e1), (s2, e2), figures, lead, cuts))
    key = id(report)
    _SITES[key] = (weakref.ref(report, lambda _ref: _SITES.pop(key, None)), sites)
    return sites


def _cut_allowed(dropped: str, second: str) -> bool:
    """May the first clause's subject end where `dropped` begins? Not before a head noun (the rest
    of a name); what is dropped is a remark without figures (`抓住市场回暖机遇`), or starts with a
    figure, a verb of achievement, or the noun the second clause restates (`投入…`, `投入强度…`)."""
    if _HEAD_NOUN_START.match(dropped):
        return False
    if not dropped or not _DIGIT.search(dropped):
        return True
    return bool(
        dropped[:1].isdigit() or dropped.startswith(second[:2]) or _EXACT_AFTER.match(dropped)
        or dropped.startswith(("预计", "完成", "实现", "突破"))
    )


_DIGIT = lazy(r"\d")


def _bridged(
    report: Report, compiled: list[tuple[Alias, re.Pattern[str]]], exclude: re.Pattern[str] | None, measure: Measure,
    unit: str | None, year: int, change: bool,
) -> list[Candidate]:
    """Candidates whose alias spans a clause's subject and the next clause's opening (see
    _BRIDGE_OPENING): tried only when nothing usable was found, and only in the year's review. The
    first clause must hold no figure of the measure itself, and what is left out of it must be a
    remark (`抓住市场回暖机遇`), a figure or a verb, never the rest of a name."""
    found: list[Candidate] = []
    for site in _bridge_sites(report):
        item = site.item
        if exclude is not None and exclude.search(item.text):
            continue
        if any(_fits(q, measure, unit) for q in site.figures):
            continue
        (s1, e1), (s2, e2) = site.first, site.second
        first, second = item.text[s1:e1], item.text[s2:e2]
        hit = _bridge_match(first, second, site.lead, site.cuts, compiled)
        if hit is None:
            continue
        alias, match, joined, k = hit
        result = (
            _growth(joined, match, alias.position) if measure is Measure.GROWTH
            else next(iter(_level(joined, match, measure, unit, year)), None)
        )
        if result is None or result[1] <= k:
            continue

        def back(offset: int, k: int = k, s1: int = s1, s2: int = s2) -> int:
            return s1 + offset if offset < k else s2 + offset - k

        mapped = (back(result[0]), back(result[1] - 1) + 1, *result[2:4], (*result[4], "borrowed"), result[5])
        found.append(_judge_candidate(item, mapped, report, year, change))  # type: ignore[arg-type]
    return found


def _bridge_match(
    first: str, second: str, lead: int, cuts: tuple[int, ...], compiled: list[tuple[Alias, re.Pattern[str]]]
) -> tuple[Alias, re.Match[str], str, int] | None:
    """The longest subject of `first` (from `lead`) that an alias joins to the opening of `second`."""
    for k in cuts:
        joined = first[:k] + second
        for alias, pattern in compiled:
            match = pattern.search(joined)
            if match and match.start() <= lead + 2 and match.start() < k < match.end():
                return alias, match, joined, k
    return None


_ANCHORS = lazy(r"\^|\$|\\[AZbB]")
# A clause of method or rhetoric names an indicator without reporting it: `用新增规上企业衡量项目
# 建设成效`, `把招商引资作为稳增长的抓手`, `以项目建设为牵引`, `投资是稳增长的关键`.
_RHETORIC = lazy(
    r"(?:用|以|把|将)[^，；。]{0,20}?(?:衡量|检验|评价|考核|作为|为抓手|为牵引|为重点|为突破口)|"
    r"作为[^，；。]{0,16}?(?:抓手|关键|标准|突破口|主战场)|是[^，；。]{0,16}?的(?:关键|基础|前提|根本|保障|核心)"
)


def _in_rhetoric(text: str, match: re.Match[str]) -> bool:
    """Does the alias stand in a clause of method or rhetoric (see _RHETORIC)?"""
    bounds = clause_bounds(text)
    start, end = bounds[_clause_at(bounds, match.start())]
    return bool(_RHETORIC.search(text, start, end))


# A negative look-around that a line break could satisfy or defeat (`(?![^，]…)`, `(?<!\s)`):
# such an alias is searched paragraph by paragraph (see `_paragraphs_naming`).
_LOOKAROUND_NOT = lazy(r"\(\?<?!")
_MAY_MATCH_NEWLINE = lazy(r"\[\^|\\|\.|\(\?[aiLmsux]|\n")  # negated classes, escapes, `.`, flags


def _paragraphs_naming(report: Report, aliases: Iterable[Alias]) -> set[int] | None:
    """Paragraphs where some alias matches: items elsewhere need not be searched (a report has a
    tenth as many paragraphs as items). None when an alias has anchors, whose meaning differs
    between an item and its paragraph.

    Each alias is searched in the whole text at once (paragraphs joined by line breaks), a new
    search starting at the next paragraph after each match, and each paragraph found is checked
    on its own: the same paragraphs as searching each one, with a search per match rather than
    per paragraph. A match never needs a line break, but a negative look-around might see one
    where a paragraph of its own ends; aliases that could be fooled so are searched paragraph by
    paragraph."""
    patterns = []
    for alias in aliases:
        if _ANCHORS.search(alias.pattern):
            return None
        patterns.append((alias, alias.compiled()))
    named: set[int] = set()
    paragraphs = report.paragraphs
    for alias, pattern in patterns:
        if _LOOKAROUND_NOT.search(alias.pattern) and _MAY_MATCH_NEWLINE.search(alias.pattern):
            named.update(p.index for p in paragraphs if pattern.search(p.text))
            continue
        for k in report.paragraphs_matching(_scout(alias.pattern)):
            if k not in named and pattern.search(paragraphs[k].text):
                named.add(k)
    return named


# Look-behinds that open a pattern (`(?<!单位)(?<!占)…生产总值`): they only narrow where a match
# may start, and they keep the regex engine from skipping ahead to its first characters.
_LEADING_LOOKBEHINDS = lazy(r"^(?:\(\?<[!=](?:[^()\\]|\\.)*\))+")
_SCOUTS: dict[str, re.Pattern[str]] = {}


def _scout(pattern: str) -> re.Pattern[str]:
    """`pattern` without its opening look-behinds: it matches wherever `pattern` matches (and
    more), eight times faster over a whole report, to find the paragraphs worth searching with
    `pattern` itself."""
    scout = _SCOUTS.get(pattern)
    if scout is None:
        stripped = _LEADING_LOOKBEHINDS.sub("", pattern)
        try:
            scout = re.compile(stripped or pattern)
        except re.error:  # `(?<!a)*`: what the look-behind held up does not stand alone
            scout = re.compile(pattern)
        _SCOUTS[pattern] = scout
    return scout


_CONTINUATION = lazy(r"^(?:预计|初步核算|初步统计|全年|年内|全年预计|，|,)*(?=" + _GROWTH.pattern + ")")


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
# Marks the finder puts among a figure's qualifiers for its own use: never shown as qualifiers.
_FINDER_MARKS = ("floor", "borrowed", "nominal", "booked-only")


def _figure(
    item: Item, match: re.Match[str], measure: Measure, position: int | None, unit: str | None, year: int,
    change: bool = False,
) -> list[_Found]:
    text = item.text
    if measure is Measure.GROWTH:
        found = _growth(text, match, position)
        if found is None:
            return []
        # `自然口径下降3.5%、同口径增长6.6%`, `账面比上年下降43.7%，剔除核减因素后按可比口径增长9.6%`:
        # the comparable-basis figure that follows is the one used; the nominal one is set aside.
        following = _COMPARABLE_NEXT.match(text, found[1])
        if following:
            comparable = _growth_from(text, match, following.end(), position, follows=True)
            if comparable is not None:
                return [(*found[:4], (*found[4], "nominal"), found[5]), comparable]  # type: ignore[list-item]
        if _NOMINAL.search(text, 0, found[1]):
            bounds = clause_bounds(text)
            clause = text[bounds[_clause_at(bounds, found[1] - 1)][0] : found[1]]
            if "账面" in clause or "名义" in clause:
                # `账面下降43.7%` alone: the report itself says the booked figure is not the comparable one.
                return [(*found[:4], (*found[4], "booked-only"), found[5])]  # type: ignore[list-item]
        return [found]
    return _level(text, match, measure, unit, year, change)


def _growth(text: str, match: re.Match[str] | _Shifted, position: int | None) -> _Found | None:
    """`<alias>…增长7.6%`: the figure of the growth verb that follows the alias."""
    return _growth_from(text, match, match.end(), position)


def _growth_from(
    text: str, match: re.Match[str] | _Shifted, pos: int, position: int | None, follows: bool = False
) -> _Found | None:
    """The first growth figure from `pos` whose subject is the alias; `follows`: `pos` is right
    after another figure of the same subject (`自然口径下降3.5%、同口径增长6.6%`)."""
    for verb in _GROWTH.finditer(text, pos):
        gap = text[(pos if follows else match.end()) : verb.start()]
        if len(gap) > 40:
            return None
        via_pair = False
        if not follows and not _subject_carries(gap):
            if "分别" not in verb.group("pre") or position is not None or not _paired_gap(gap):
                continue
            via_pair = True  # the alias may be one of the subjects listed before `分别`
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
            # A pair for several subjects: the alias takes the value of its place in the list
            # before `分别` (`接待游客1450万人次、实现旅游总收入538亿元，分别增长12.6%和17.2%`).
            listed = _listed_position(text, match.start(), verb.start(), len(values))
            if listed is None:
                if via_pair:
                    continue
                return None
            chosen = values[listed]
        elif via_pair:
            continue
        else:
            chosen = values[0]
        _q_start, q_end, quantity = chosen
        if quantity.unit not in ("%", "倍"):
            return None
        if _TARGET_AFTER.match(text, q_end):
            continue  # `实现增长8%的预期目标`: the target restated; look further
        value = quantity.value * 100 if quantity.unit == "倍" else quantity.value
        qualifiers = []
        if verb.group("verb").startswith(_FALL_VERBS):
            value = -value
            qualifiers.append("negative")
        if "年均" in verb.group("pre") or "平均" in verb.group("pre"):
            qualifiers.append("multi-year")
        return match.start(), q_end, quantity, value, tuple(qualifiers), None
    return None


def _listed_position(text: str, at: int, verb: int, count: int) -> int | None:
    """Which of the `count` subjects listed right before a `分别` verb at `verb` holds the offset
    `at`: the last `count` parts of the clause before the verb when it lists them
    (`规上工业增加值和固定资产投资分别…`), else the last `count` clauses or `、` parts (each may
    carry its level: `接待游客1450万人次、实现旅游总收入538亿元，分别…`). None when `at` is not in one."""
    # `城镇和农村居民收入分别达到43796元和15958元，分别增长7%和8.6%`: the subjects stand before the
    # first `分别` after the alias.
    earlier = text.find("分别", at, verb)
    end = earlier if earlier != -1 else verb
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^，、；：,]+", text[:end])]
    if not parts:
        return None
    last_start, last_end = parts[-1]
    pieces = [(last_start + m.start(), last_start + m.end()) for m in re.finditer(r"[^和及与]+", text[last_start:last_end])]
    listed = pieces[-count:] if len(pieces) >= count else parts[-count:]
    if len(listed) < count:
        return None
    for k, (start, end) in enumerate(listed):
        if start <= at < end:
            return k
    return None


# Words in a gap that make what follows a share or a breakdown of the subject, not the subject.
_BREAKDOWN = lazy(r"占|比重|带动|拉动|其中|下同")


def _subject_carries(gap: str) -> bool:
    """Does the alias remain the subject across `gap` up to a growth verb?

    `地区生产总值增长` (no gap), `地区生产总值3867.6亿元，增长` (a level figure, then the verb opens
    the next clause), `固定资产投资完成2955.8亿元，按可比口径计算，增长` are fine; a gap that
    names something else (`…，引进国内到位资金突破一千亿元；`) or runs long is not.
    """
    if len(gap) > 40:
        return False
    clauses = CLAUSE_SEP.split(gap)
    if len(clauses) > 3:
        return False
    # `…152.7亿元，账面比上年下降`, `…276.4亿元，受留抵退税等因素影响账面下降`: a booked figure headed
    # by a cause or by `账面` rather than a verb still speaks of the subject.
    if len(clauses) > 1 and not _NOMINAL_LEAD.fullmatch(clauses[-1]):
        return False
    if _BREAKDOWN.search(gap):
        return False
    for clause in clauses[:-1]:
        if len(clause) > 20:
            return False
    return not _OTHER_INDICATOR.search(gap)


def _paired_gap(gap: str) -> bool:
    """May a `分别` verb after `gap` speak of the alias as one of a list of subjects, each with its
    level (`接待国内外游客1656万人次、实现旅游总收入460.3亿元，分别增长`)? The list is short, in one
    sentence part, and names no share or breakdown; which subject is which `_listed_position`
    decides."""
    if len(gap) > 40 or "；" in gap or ";" in gap:
        return False
    if len(CLAUSE_SEP.split(gap)) > 3:
        return False
    return not _BREAKDOWN.search(gap)


def _quantities_from(text: str, pos: int) -> list[tuple[int, int, Quantity]]:
    """Quantities starting at `pos` (right after a verb), within the clause."""
    clause_end = CLAUSE_SEP.search(text, pos)
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


_SLASH_PAIR = lazy(r"(?<=[^\d\s/])/(?=\d)")


def _quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """iter_quantities, reading `320万千瓦/1280万千瓦时` (power/energy) as two figures."""
    return list(iter_quantities(_SLASH_PAIR.sub("、", text)))


def _clause_at(bounds: list[tuple[int, int]], offset: int) -> int:
    """Index of the clause that holds the character at `offset`."""
    for k, (_start, end) in enumerate(bounds):
        if offset < end or k == len(bounds) - 1:
            return k
    return len(bounds) - 1


def _level(
    text: str, match: re.Match[str], measure: Measure, unit: str | None, year: int, change: bool = False
) -> list[_Found]:
    """`<alias>达到3867.6亿元` / `<alias>3.89%` / `3.8万人…<alias>`: the figure that goes with the
    alias in its clause (after it first, then before it, nearest first); when the clause holds no
    figure of the kind wanted, the first in a clause that goes on about it (`…成功创建全国双拥模范城，
    实现“十连冠”`, `实施大气污染综合治理工程41项，完成投资196800万元` for an amount of money). A
    clause that breaks the figure down by year (`…16.2万户，其中2017年改造38960户`) gives a second
    candidate, and so does one that goes on with what was added when the first figure is a total or
    stock and the target counts an increment (`change`: `5G基站总数达到4200个，当年新建1630个`)."""
    bounds = clause_bounds(text)
    k = _clause_at(bounds, max(match.start(), match.end() - 1))
    clause_start, clause_end = bounds[k]
    anchor = match.end()
    after = [(anchor + s, anchor + e, q) for s, e, q in _quantities(text[anchor:clause_end])]
    head = min(max(clause_start, match.start()), anchor)
    before = [(clause_start + s, clause_start + e, q) for s, e, q in _quantities(text[clause_start:head])]
    found: list[_Found] = []
    primary = _first_fitting(text, match, [(after, anchor), (before[::-1], clause_start)], measure, unit, year)
    if primary is not None:
        found.append(primary)
    # Whether the figure found is a total or stock where the target counts an increment (`change`):
    # `found[0]` changes below only right before the loop ends.
    stock = change and bool(found) and _states_stock(text, found[0][0], found[0][1])
    for start, end in bounds[k + 1 :]:
        clause = text[start:end]
        if not _CONTINUES.match(clause):
            break
        breakdown = re.match(r"(?:其中)?\d{4}年", clause)
        if clause.startswith("其中") and not breakdown:
            break  # `…，其中铜产业产值达到188亿元`: a part of the subject, never the whole
        pool = [(start + s, start + e, q) for s, e, q in _quantities(clause)]
        if found and "floor" in found[0][4] and _EXACT_AFTER.match(clause):
            # `首次突破百万吨，达到126.5万吨`: the exact figure after a lower bound is the level.
            exact = _first_fitting(text, match, [(pool, start)], measure, unit, year)
            if exact is not None and "floor" not in exact[4]:
                found[0] = exact
            break
        # `实施大气污染综合治理工程41项，完成投资196800万元` for a target in 亿元: a clause without a
        # figure of the target's kind lends one from the clause that goes on about its subject.
        if breakdown or not found or stock:
            extra = _first_fitting(text, match, [(pool, start)], measure, unit, year)
            if extra is not None:
                found.append(extra if breakdown else (*extra[:4], (*extra[4], "borrowed"), extra[5]))
                break
    return found


_EXACT_AFTER = lazy(r"^(?:全年|当年|实际)?(?:达到|达|为|增至|增加到|提高到|提升到)")
# The base of a comparison (`由上年的63%`, `从去年同期的…`, `由2016年末的…`, `由91%`) and the change to
# the year's figure that follows it (`提高到65.2%`, `下降至…`).
_BASE_LEAD = lazy(r"(?:由|从)(?:上年|去年|上一年|前一年|\d{4}年)?(?:同期|底|末)?的?$")
_CHANGED_TO = lazy(r"(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小|压减|压缩|降|升|增)了?(?:到|至)")


def _first_fitting(
    text: str, match: re.Match[str], pools: list[tuple[list[tuple[int, int, Quantity]], int]], measure: Measure,
    unit: str | None,
    year: int,
) -> _Found | None:
    restated: _Found | None = None
    for pool, lead_from in pools:
        for start, end, quantity in pool:
            if not _fits(quantity, measure, unit):
                continue
            lead = text[lead_from:start]
            said_of = re.search(r"(\d{4})年(?:底|末)?的?$", lead)
            if said_of and int(said_of.group(1)) != year:
                continue  # `由2016年的269天增加到2017年的285天`: 269 is said of another year
            if not said_of and _BASE_LEAD.search(lead) and _CHANGED_TO.match(text, end):
                continue  # `由上年的63%提高到65.2%`, `从91%提升至94.5%`: 63 and 91 are the base
            if _restates_target(text, lead, end):
                # `经济总量距离5000亿元的目标还有差距`: a figure of the target, not of the outcome. Kept
                # (set aside, with the reason) only when the clause gives no other figure.
                if restated is None:
                    restated = (min(match.start(), start), max(match.end(), end), quantity, quantity.value,
                                ("target-restated",), None)
                continue
            qualifiers: list[str] = []
            if _CHANGE_BEFORE.search(lead) or quantity.unit == "个百分点":
                qualifiers.append("change")  # `增加20天`, `提高1.4个百分点`: not a level
            if _FLOOR_BEFORE.search(lead):
                qualifiers.append("floor")
            if _ABOUT_BEFORE.search(text, max(0, start - 12), start):
                qualifiers.append("approximate")  # `产量约占全国的18%`
            span_start = min(match.start(), start)
            span_end = max(match.end(), end)
            # `全年实现产值1036亿元，同比下降8.2%`: the figure's own change goes with it as evidence.
            growth = _GROWTH_AFTER.match(text, span_end)
            if growth:
                span_end = growth.end()
            return span_start, span_end, quantity, quantity.value, tuple(qualifiers), None
    return restated


# A target restated in a review: a figure governed by `目标`/`任务` after it (`5000亿元的目标`,
# `1300亿元目标`, `…的预期目标`, `年度任务`), by `距(离)`/`离`/`还差`/`目标为` before it (`距1300亿元目标
# 还差14亿元`, `（目标为3.5万人）`), or a share of a target (`完成年度目标的85%`).
_TARGET_AFTER = lazy(r"(?:左右|以上)?的?(?:预期|年度|既定|奋斗|年初)?(?:目标|任务)")
_TARGET_BEFORE = lazy(r"(?:距离?|离|还差|相差|差距|目标(?:值)?(?:为|是)?|预期(?:为|是)|(?:目标|任务|计划)的)$")


def _restates_target(text: str, lead: str, end: int) -> bool:
    return bool(_TARGET_AFTER.match(text, end) or _TARGET_BEFORE.search(lead))


_GROWTH_AFTER = lazy(r"[，,](?:同比|比上年|较上年|按可比(?:口径|价格)(?:计算)?)?(?:增长|下降|增加|减少)[\d.]+%")


def _fits(quantity: Quantity, measure: Measure, unit: str | None) -> bool:
    if measure is Measure.RATE:
        return quantity.unit in ("%", "个百分点")
    if quantity.unit in ("%", "个百分点", "倍"):
        return False
    if unit:
        return comparable_units(quantity.unit, unit)
    return bool(quantity.unit)


# Areas are written in 平方米 (`226万平方米`) or in 亩 and 公顷 (`增加绿地214公顷`): one square metre
# is exactly 0.0015 亩, so they compare.
_AREA_IN_MU = {"平方米": Decimal("0.0015"), "亩": Decimal(1)}
# Head counts: a target in 人 is compared with an outcome in 人次 (`创业培训7612人次`).
_LOOSE_FAMILIES = ({"人", "人次"},)


def comparable_units(stated: str, target: str) -> bool:
    """Can an outcome stated in `stated` be compared with a target in `target`?

    Besides one unit family (`万人` and `人`), an outcome of the indicator's own rule may count
    the same things with another classifier (`新建基站1200座` / `新建4G基站1316个`,
    `新增规上工业企业100家` / `新入规工业企业118户`): counts compare with counts. Areas in 平方米
    compare with areas in 亩 and 公顷, and 人 with 人次.
    """
    if compatible(stated, target):
        return True
    try:
        a, b = base_unit(stated), base_unit(target)
        if kind(stated) == "count" and kind(target) == "count":
            return True
    except QuantityError:
        return False
    if a in _AREA_IN_MU and b in _AREA_IN_MU:
        return True
    return any(a in family and b in family for family in _LOOSE_FAMILIES)


def convert_outcome(value: Decimal, stated: str, target: str) -> Decimal:
    """`value` (in the base unit of `stated`) in `target`, across the units `comparable_units`
    accepts. Raises QuantityError when they do not compare."""
    if compatible(stated, target):
        return convert(value, base_unit(stated), target)
    if not comparable_units(stated, target):
        raise QuantityError(f"cannot compare {stated} with {target}")
    a, b = base_unit(stated), base_unit(target)
    if a in _AREA_IN_MU and b in _AREA_IN_MU:
        return convert(value * _AREA_IN_MU[a], "亩", target)
    return convert(value, "", target.removesuffix(b)) if target != b else value


def _judge_candidate(
    item: Item, found: _Found, report: Report, year: int, change: bool = False, place: str | None = None
) -> Candidate:
    """`place`: the part of the city (a county, a district) the figure is about, if it is not the whole."""
    start, end, quantity, value, qualifiers, done = found
    quals = [q for q in qualifiers if q not in _FINDER_MARKS]
    before = item.text[:end]
    if quantity is not None:
        # `预计` and period words open a list and hold over its `；` items until the sentence
        # ends: `前三季度GDP增长8.03%；预计年内规上工业增加值增长14%以上；固定资产投资增长20%以上`
        # makes the first a partial-year figure and the rest full-year estimates.
        paragraph = report.paragraphs[item.paragraph].text
        lead = paragraph[item.sentence_start : item.start + end]
        if _ESTIMATE.search(lead) or _estimated_by_list(report, item):
            quals.append("estimate")
        periods = _PERIOD.findall(lead)
        if periods and periods[-1][0]:  # the last period word said before the figure is partial
            quals.append("partial-period")
        if _COMPARABLE.search(before):
            quals.append("comparable-basis")
        if "more-than" in quantity.qualifiers or "floor" in qualifiers:
            quals.append("lower-bound")
        if "at-most" in quantity.qualifiers:
            quals.append("upper-bound")
        if "about" in quantity.qualifiers:
            quals.append("approximate")
        if "just-under" in quantity.qualifiers:
            quals.append("just-under")
    marker = _period_marker(before)
    reason = _aside_reason(item, report, year, marker)
    if reason is None and place is not None:
        reason = f"the figure of {place}, a part of the city, not the city's own"
    if reason is None and "target-restated" in quals:
        reason = "a target restated (…的目标, 距…), not an outcome"
    if reason is None and "nominal" in qualifiers:
        reason = "the nominal figure, as booked: the comparable-basis figure after it is used"
    if reason is None and "booked-only" in qualifiers:
        reason = "a booked (账面) figure, which the report sets apart from the comparable basis: not compared"
    if reason is None and quantity is not None:
        if "multi-year" in quals or (marker is not None and marker[0] == "multi"):
            reason = f"a multi-year average or total ({marker[1] if marker else '年均'}), not the figure for {year}"
        elif "change" in quals and not change:
            reason = "a change, not a level"
        elif change and "change" not in quals and _states_stock(item.text, start, end):
            reason = "a total or stock (达到, 合计, 累计 …), not the increment (新增 …) the target counts"
    if reason is None and marker is not None and marker[0] == "year" and int(marker[1]) != year:
        # `…并网延至2026年`: for a milestone, a later year is its new date, not the clause's time.
        if not (quantity is None and "delayed" in quals and int(marker[1]) > year):
            reason = f"about {marker[1]}, not {year}"
    return Candidate(item, start, end, quantity, value, tuple(dict.fromkeys(quals)), reason, done,
                     borrowed="borrowed" in qualifiers)


# The subject of a figure that is a county, district or town of the city (`新安县规模以上工业增加值
# 增长9.4%`, `江都区社会消费品零售总额…`, `偃师市生产总值…` in Luoyang's report), named at the start of
# the clause right before the indicator; not the whole (`全市`, `我市`, `全区` in a region's report,
# `地区生产总值`), and not a place the target itself names.
_PLACE_BEFORE = lazy(
    r"(?:^|[，；。、：:])(?:其中|全年|去年|当年)?(?P<place>(?![全本我各该])[\u4e00-\u9fff]{2,6}(?:县|区|旗|市|镇|乡))的?(?:规模以上|规上|限额以上|全社会)?$"
)
_WHOLE_PLACE = ("地区", "辖区", "社区", "城区", "市区", "县区", "自治区", "园区")


# Words that open a clause before its subject, never part of a place's name (`预计全市…`).
_CLAUSE_LEADS = ("据初步核算", "初步核算", "初步统计", "据统计", "预计", "其中", "全年", "去年", "当年", "同期", "今年")


def _sub_unit(text: str, start: int, city: str | None, wording: str) -> str | None:
    found = _PLACE_BEFORE.search(text, max(0, start - 16), start)
    if found is None:
        return None
    place = found.group("place")
    while lead := next((w for w in _CLAUSE_LEADS if place.startswith(w)), None):
        place = place.removeprefix(lead)
    if len(place) < 3 or place[0] in "全本我各该":
        return None  # `预计全市…`: the whole city after all
    if place.endswith(_WHOLE_PLACE) or place in wording or (city and (place == city or city.startswith(place))):
        return None
    return place


# A figure worded as a total or a stock (`合计实现产值2507亿元`, `国家级众创空间达到12家`, `总数`), and
# words that make it an increment after all (`新增…达到4.3万人`, `引进人才1260人`).
_STOCK = lazy(r"达到|合计|累计|总计|共计|共有|总数|总量|总规模|规模达|保有量|存量|拥有|总共")
_INCREMENT = lazy(r"新增|新建|新培育|新认定|新引进|新入|新开工|新设|新注册|新发展|新创建|新获批|净增|增加|引进|培育|完成")


def _states_stock(text: str, start: int, end: int) -> bool:
    """Is the figure at `start:end` worded as a total or a stock (see _STOCK) rather than as what
    was added? Read from the opening of its clause: a target that counts an increment (`新增产值600亿元`,
    `新增5家众创空间`) is not answered by it."""
    bounds = clause_bounds(text)
    span = text[bounds[_clause_at(bounds, start)][0] : end]
    return bool(_STOCK.search(span)) and not _INCREMENT.search(span)


# A note said once for a whole list: `主要经济指标完成情况如下（均为预计数）：` heading `——…；` lines,
# `以上数据均为预计数` after them (or after the figures in the same paragraph).
_LIST_LINE = lazy(r"^(?:——|—|－|-|●|·)")
_LIST_NOTE = lazy(r"(?:以上|上述)[^。；]{0,10}?(?:均|都|全部)?(?:为|是|系)(?:预计|初步|快报)")
_LEAD_IN_END = ("：", ":")


def _estimated_by_list(report: Report, item: Item) -> bool:
    """Is the item's figure an estimate by a note said once for its list (see _LIST_NOTE)?"""
    paragraphs = report.paragraphs
    text = paragraphs[item.paragraph].text
    if _LIST_NOTE.search(text, item.end):
        return True
    if not _LIST_LINE.match(text):
        return False
    k = item.paragraph - 1
    while k >= 0 and _LIST_LINE.match(paragraphs[k].text):
        k -= 1
    if k >= 0 and paragraphs[k].text.rstrip().endswith(_LEAD_IN_END) and _ESTIMATE.search(paragraphs[k].text):
        return True
    k = item.paragraph + 1
    while k < len(paragraphs) and _LIST_LINE.match(paragraphs[k].text):
        k += 1
    return k < len(paragraphs) and bool(_LIST_NOTE.match(paragraphs[k].text))


def _period_marker(before: str) -> tuple[str, str] | None:
    """The period the text before a figure last named: ("multi", word) or ("year", "2017")."""
    last: tuple[int, str, str] | None = None
    for match in _MULTIYEAR.finditer(before):
        last = (match.start(), "multi", match.group())
    for match in _YEAR.finditer(before):
        if last is None or match.start() > last[0]:
            last = (match.start(), "year", match.group(1))
    return None if last is None else (last[1], last[2])


def _aside_reason(item: Item, report: Report, year: int, marker: tuple[str, str] | None = None) -> str | None:
    tag = item.tag
    if tag.kind is Kind.REVIEW:
        if tag.year == year:
            return None
        return f"the review of {tag.year}, not of {year}"
    if tag.kind is Kind.REVIEW_MULTIYEAR and marker == ("year", str(year)):
        return None  # a five-year passage that names the year: `…，其中2017年改造38960户`
    template = _ASIDE_REASONS.get(tag.kind, "outside the review of {year}")
    return template.format(year=year, next=report.year)


def _choose(candidates: list[Candidate]) -> Candidate | None:
    # A figure in the indicator's own clause beats one a later clause lends it, and the year's own
    # review beats a five-year passage that names the year (`由2020年的…增加到2025年的4812.6亿元`).
    usable = sorted(
        (c for c in candidates if c.usable), key=lambda c: (c.borrowed, c.item.tag.kind is Kind.REVIEW_MULTIYEAR)
    )
    full_year = [c for c in usable if "partial-period" not in c.qualifiers]
    pool = full_year or usable
    # A report that gives growth both as stated and on a comparable basis (自然口径下降3.5%，
    # 同口径增长6.6%) is measured against its targets on the comparable basis.
    comparable = [c for c in pool if "comparable-basis" in c.qualifiers]
    best = comparable or pool
    return best[0] if best else None


_STATED_GROWTH = lazy(r"(?:增长|增加|提高|下降|减少|增速|增幅)(?:了|为|达到?)?\s*-?\d+(?:\.\d+)?%")


def find_derived_growth(
    followup: Report, stating: Report, year: int, indicator: Indicator, aliases: Iterable[Alias] | None = None
) -> tuple[Candidate, Candidate, Decimal] | None:
    """Growth in `year` from two levels, when the follow-up gives only the level.

    `全社会R&D经费支出预计达到79亿元` (report T+1, about T) against `全年R&D经费支出达到65亿元`
    (report T, about T-1) is 21.54% growth. Returns (level in T, level in T-1, growth in %), or
    None. Never for the headline indicators: GDP and industrial value added grow in comparable
    prices, which two levels cannot give, and headline levels are the ones statistical revisions
    rebase (Inner Mongolia cut its 2016 fiscal and investment figures in 2018); their growth is
    always reported as such.
    """
    if indicator.slug in HEADLINE:
        return None
    level = replace(indicator, measure=Measure.LEVEL, aliases=tuple(aliases or indicator.aliases), unit=None, done=())
    now = find_outcome(followup, year, level).chosen
    then = find_outcome(stating, year - 1, level).chosen
    if now is None or then is None or now.quantity is None or then.quantity is None:
        return None
    if now.value is None or not then.value or not compatible(now.quantity.unit, then.quantity.unit):
        return None
    # Never from a base that is only a floor (`突破400亿元`), and never when the level's own item
    # states a growth the finder could not attribute (`…538亿元，分别增长12.6%和17.2%`).
    if "lower-bound" in then.qualifiers or _STATED_GROWTH.search(now.item.text, now.end):
        return None
    growth = ((now.value / then.value - 1) * 100).quantize(Decimal("0.01"))
    return now, then, growth



# Aliases of the other headline indicators: a gap that names one of them breaks the subject.
_OTHER_INDICATOR = lazy(
    r"固定资产投资|社会消费品零售|一般公共预算收入|工业增加值|居民人均可支配收入|失业率|进出口|到位资金|地区生产总值"
)

__all__ = [
    "HEADLINE",
    "Candidate",
    "Finding",
    "ObjectOutcome",
    "comparable_units",
    "convert_outcome",
    "find_outcome",
]
