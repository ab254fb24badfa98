"""What a target's wording commits to: comparator, value, tolerance, firmness.

`地区生产总值增长8%左右` is *about* 8 (within a tolerance); `增长14%以上`, `突破1200亿元`,
`达到65%以上` are *at least*; `控制在3.9%以内`, `不超过` are *at most* (lower is better);
`分别增长8%、8.5%左右` states two targets; `两位数增长` is at least 10%; `翻番` doubles;
`与经济增长基本同步` is a relation to the same year's GDP growth; `开工建设`, `建成`, `通过验收`,
`摘帽` are milestones; `完成自治区下达的…目标` is set elsewhere and cannot be checked from
reports. The comparator and value always come from the wording itself, never typed twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from targetcheck.indicators import RELATION_REFERENCES, Better
from targetcheck.lazyregex import lazy
from targetcheck.quantity import Quantity, iter_quantities
from targetcheck.textnorm import normalize


class Comparator(StrEnum):
    AT_LEAST = "at-least"
    AT_MOST = "at-most"
    ABOUT = "about"
    DOUBLE = "double"  # 翻番: at least twice the base
    RELATION = "relation"  # compared with another indicator's outcome of the same year
    MILESTONE = "milestone"  # reported done / not done / silent
    EXTERNAL = "external"  # set by a higher level: not checkable from reports


class WordingError(ValueError):
    """The quote states no target the tool can read."""


@dataclass(frozen=True)
class Terms:
    """What a target's words commit to (see the module docstring)."""

    comparator: Comparator
    value: Decimal | None = None  # in `unit` (the unit as stated: 3.8 in 万人)
    unit: str | None = None
    quantity: Quantity | None = None
    firmness: str | None = None  # 力争, 努力, 确保 … as worded
    milestone: str | None = None  # the milestone verb: 开工建设, 建成, 通过验收 …
    reference: str | None = None  # indicator slug a relation is compared with
    relation_wording: str | None = None  # 基本同步, 同步, 快于, 高于
    decline: bool = False  # the target is a fall (`下降3%`): the value is negative
    change: bool = False  # the target is an amount of change (`新增…`, `增加4.5万吨`, `提高3个百分点`)


_EXTERNAL = lazy(
    r"(?:完成|落实|确保完成)(?:国家|自治区|省|市|上级|国家和自治区)?(?:下达|分解|确定|要求)(?:的|(?:目标|任务|指标))"
    r"|与(?:全国|全省|全区|国家)(?:的)?(?:调控)?目标(?:保持)?一致|(?:国家|自治区|省)下达的"
    r"|(?:完成|落实|确保完成)(?:国家|自治区|省|市|上级)定的?[^，；。]{0,12}?(?:目标|任务|指标)"
)
_RELATION = lazy(
    r"[与和同](?P<ref>经济增长|经济发展|GDP增长|地区生产总值增长)(?:保持)?(?P<how>基本同步|同步)"
    r"|(?P<how2>快于|高于)(?P<ref2>经济增长|经济发展)"
)
_FIRMNESS = lazy(r"力争|努力|争取|力保|确保|力促|力求|奋力")
# The firmness words that aspire rather than promise (`力保`, `确保` promise): a verdict on such a
# target says so, and the table marks it `[a]`.
ASPIRATIONAL = ("力争", "努力", "争取", "力求", "奋力", "力促")
_DOUBLE_DIGIT = lazy(r"两位数")
_DOUBLING = lazy(r"翻(?:一)?番")
MILESTONE_VERBS = (
    "开工建设", "启动建设", "开工", "建成投运", "建成投产", "建成交付", "建成通车", "建成", "竣工", "完工", "投运", "投产",
    "投入运营", "通车", "通过验收", "摘帽", "交付", "获批", "开通", "并网", "上市", "挂牌", "落地", "实现",
    "启动", "创建", "争创", "组建", "设立", "成立", "共建", "完成", "满产", "达产", "办好", "举办", "建设", "新建",
)
# `通过国家义务教育均衡县验收`: the acceptance verb with its object in between.
_MILESTONE = lazy("|".join(MILESTONE_VERBS) + r"|通过[^，；。]{0,20}?验收")
_AT_LEAST_WORDS = lazy(r"(?:不低于|不少于|超过|突破|达到|达|破|超|以上|增至|提高到|提升到)$")
_AT_MOST_WORDS = lazy(r"(?:控制在|不超过|不高于|低于|压减到|压减至|降至|降到|下降到|下降至|以内|以下)$")
_DECLINE = lazy(r"(?:下降|降低|减少|压减|削减|缩减)$")
# `稀土新材料产能增加4.5万吨`, `新增城镇就业4.2万人`, `新建5G基站1200个`: the target counts what is
# added, so an outcome worded as a change (`增加4.8万吨`) is what is wanted, and one worded as a total
# or stock (`达到`, `合计`, `累计`) is not. `提高到25%` is a level.
_CHANGE = lazy(r"(?:新增|新建|新培育|新引进|新认定|增加|提高|提升|扩大|减少|降低|压减|削减)[^，。；、到至]{0,6}$")


def parse_terms(
    quote: str, *, pick: int | None = None, better: Better = Better.HIGHER, milestone: bool = False
) -> Terms:
    """Read a target's terms from its quote. `pick` (1-based) chooses among several values;
    `milestone` reads the quote as a milestone even when it holds numbers (`建成586公里…`)."""
    text = normalize(quote)
    firmness_match = _FIRMNESS.search(text)
    firmness = firmness_match.group() if firmness_match else None
    if _EXTERNAL.search(text):
        return Terms(Comparator.EXTERNAL, firmness=firmness)
    if milestone:
        verb = _MILESTONE.search(text)
        return Terms(Comparator.MILESTONE, firmness=firmness, milestone=verb.group() if verb else "建成")
    relation = _RELATION.search(text)
    if relation:
        ref_word = relation.group("ref") or relation.group("ref2")
        how = relation.group("how") or relation.group("how2")
        return Terms(Comparator.RELATION, firmness=firmness, reference=RELATION_REFERENCES[ref_word],
                     relation_wording=how)
    if _DOUBLE_DIGIT.search(text) and not list(iter_quantities(text)):
        return Terms(Comparator.AT_LEAST, Decimal(10), "%", firmness=firmness)
    found = [(start, end, q) for start, end, q in iter_quantities(text) if q.unit or q.stated_unit or _is_fraction(q)]
    if not found:
        verb = _MILESTONE.search(text)
        if verb:
            return Terms(Comparator.MILESTONE, firmness=firmness, milestone=verb.group())
        raise WordingError(f"no quantity or milestone in the quote {quote!r}")
    if pick is not None:
        if not 1 <= pick <= len(found):
            raise WordingError(f"pick: {pick} but the quote has {len(found)} values")
        start, end, quantity = found[pick - 1]
    else:
        start, end, quantity = found[-1]
    if _DOUBLING.search(text):
        return Terms(Comparator.DOUBLE, firmness=firmness)
    before = text[:start]
    # `分别增长8%、8.5%左右`: the qualifier after the last value applies to all of them.
    qualifiers = set(quantity.qualifiers)
    if "分别" in before and found:
        qualifiers |= set(found[-1][2].qualifiers)
    after = text[end : end + 4]
    decline = bool(_DECLINE.search(re.sub(r"(?:了|达|约|近|超过|超)$", "", before)))
    # A fall is read on its size first (`下降3%以上`: at least 3 down), then turned into a
    # bound on the signed change (at most -3).
    comparator = _comparator(before, after, qualifiers, Better.HIGHER if decline else better)
    value = quantity.stated_value
    unit = quantity.stated_unit
    change = quantity.unit == "个百分点" or (quantity.unit != "%" and bool(_CHANGE.search(before)))
    if not unit and _is_fraction(quantity):
        # `产量占到全国的1/5左右`: a share, compared with outcomes in percent (`约占全国的22%`).
        value, unit = value * 100, "%"
    if decline:
        value = -value
        comparator = {Comparator.AT_LEAST: Comparator.AT_MOST, Comparator.AT_MOST: Comparator.AT_LEAST}.get(
            comparator, comparator
        )
    return Terms(comparator, value, unit, quantity, firmness, decline=decline, change=change)


def _is_fraction(quantity: Quantity) -> bool:
    return bool(re.search(r"/|分之", quantity.text))


def _comparator(before: str, after: str, qualifiers: set[str], better: Better) -> Comparator:
    if "about" in qualifiers or "just-under" in qualifiers or after.startswith("左右"):
        return Comparator.ABOUT
    if "at-most" in qualifiers or _AT_MOST_WORDS.search(before):
        return Comparator.AT_MOST
    if "more-than" in qualifiers or _AT_LEAST_WORDS.search(before):
        return Comparator.AT_LEAST
    return Comparator.AT_MOST if better is Better.LOWER else Comparator.AT_LEAST
