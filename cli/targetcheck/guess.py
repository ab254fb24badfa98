"""A first guess at the indicator and tags of a commitment, for `targetcheck scan`.

The indicator comes, in this order, from a known indicator whose aliases name the quantity's
subject (the built-in headline ones, and those defined under `indicators:` in targets.yaml, which
win a tie), else from a slug suggested by the noun next to the quantity (`新建基站1200座` →
`base-stations`, named `基站`). A guess is a draft for a curator, never a result.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from targetcheck import units
from targetcheck.commitments import Commitment
from targetcheck.indicators import Better, Indicator, Measure
from targetcheck.lazyregex import lazy
from targetcheck.quantity import iter_quantities
from targetcheck.slugwords import UNIT_WORDS, slug_words

_GROWTH_VERB = lazy(r"增长|增速|增幅|提高|提升|下降|降低|上涨|涨幅|回落|减少")
_GROWTH_END = lazy(r"(?:分别)?(?:同比)?(?:增长|增速|增幅|提高|下降|降低|上涨|减少)(?:了|达到?|为)?$")
_LEAD_WORDS = lazy(
    r"^(?:年内|全年|今年|争创|力争|力保|确保|努力|争取|全面|积极|加快|大力|着力|重点|继续|持续|全力|充分|推动|推进|鼓励|"
    r"深入|扎实|稳步|及早|尽快|实施好|办好|抓好)+"
)
_ACTION = lazy(
    r"^(?:新改扩建|新建改建|新建改造|新建扩建|培育认定|新开工|新创建|新建|新增|改建|扩建|建设|建成|建改|完成|实施|引进|"
    r"培育|创建|打造|举办|治理|开展|支持|解决|主攻|盯住|带动|拉动|吸引|认定|实现|提供|为)"
)
_COMPARATOR_END = lazy(
    r"(?:达到|突破|超过|保持在|控制在|提高到|提升到|增加|增长|实现|达|超|为|至少与|在|占到?(?:全国|全区|全市)?的?)+$"
)
_TAGS = (
    ("projects", r"项目|工程"),
    ("industry", r"产业|产值|产能|工业|企业|制造|钢铁|稀土|铝|光伏|风电|储能|并网|园区|装备|煤"),
    ("innovation", r"科技|研发|创新|技术|人才|实验室|R&D|院士|中试|众创"),
    ("infrastructure", r"公路|铁路|管网|管廊|道路|基站|光缆|带宽|光纤|燃气|管道|变电|机场|高速|油路|供热|口岸|航空|水利"),
    ("livelihood", r"就业|教育|学校|医|养老|住房|棚户区|老旧小区|培训|幼儿园|物业|安置|保交房|房屋|直饮水|大学生|农牧民"),
    ("environment", r"绿化|绿地|林|生态|污染|污水|节能|减排|环境|治沙|草原|湿地|公园|标煤|碳|垃圾|土壤|三北"),
    ("investment", r"投资|招商|到位资金|基金|融资"),
    ("services", r"物流|旅游|消费|会展|展会|电商|商标"),
)


@dataclass(frozen=True)
class Guess:
    """What a commitment probably measures."""

    slug: str
    name: str
    measure: Measure
    source: str  # "headline" (built in), "targets" (defined in targets.yaml) or "suggested"
    better: Better = Better.HIGHER
    aliases: tuple[str, ...] = ()  # for a suggested indicator: a first alias (the noun, escaped)


def guess_indicator(
    paragraph_text: str,
    commitment: Commitment,
    indicators: Mapping[str, Indicator],
    defined: frozenset[str] = frozenset(),
) -> Guess:
    """The indicator the commitment's quantity most likely belongs to."""
    lead = _lead(paragraph_text, commitment)
    known = _known(lead, commitment, indicators, defined)
    if known is not None:
        return known
    return suggest(paragraph_text, commitment)


def _lead(text: str, commitment: Commitment) -> str:
    """The quote's text before the quantity, from the last clause break (the subject's clause)."""
    lead = text[commitment.quote_start : commitment.start]
    cut = max(lead.rfind(mark) for mark in "，；。：")
    return lead[cut + 1 :]


def _known(
    lead: str, commitment: Commitment, indicators: Mapping[str, Indicator], defined: frozenset[str]
) -> Guess | None:
    best: tuple[tuple[int, bool, int], Indicator] | None = None
    quantity = commitment.quantity
    for indicator in indicators.values():
        if indicator.measure is Measure.MILESTONE:
            continue
        for alias in indicator.aliases:
            for match in alias.compiled().finditer(lead):
                gap = lead[match.end() :]
                if len(gap) > 16:
                    continue
                if not _fits(indicator, alias.position, quantity.unit, gap, match.group()):
                    continue
                score = (match.end(), indicator.slug in defined, match.end() - match.start())
                if best is None or score > best[0]:
                    best = (score, indicator)
    if best is None:
        return None
    indicator = best[1]
    source = "targets" if indicator.slug in defined else "headline"
    return Guess(indicator.slug, indicator.name, indicator.measure, source, indicator.better)


def _fits(indicator: Indicator, position: int | None, unit: str, gap: str, named: str = "") -> bool:
    """Does a quantity in `unit`, `gap` after the alias (`named`), suit the indicator's measure?"""
    values_between = sum(1 for _ in iter_quantities(gap))
    if position is not None:
        if "分别" in gap:
            if position != values_between + 1:
                return False
        elif position != 0:
            return False
    elif values_between:
        return False
    if indicator.measure is Measure.GROWTH:
        return unit == "%" and bool(_GROWTH_VERB.search(gap) or _GROWTH_VERB.search(named))
    if indicator.measure is Measure.RATE:
        return unit == "%" and not _GROWTH_VERB.search(gap)
    if unit in ("%", "个百分点", ""):
        return False
    return indicator.unit is None or units.compatible(unit, indicator.unit)


def suggest(paragraph_text: str, commitment: Commitment) -> Guess:
    """A new indicator named by the noun next to the quantity.

    Counts name what they count after the classifier (`实施好20个重点项目`), amounts before the
    figure (`建设通村油路294公里`); a figure whose subject came with the value before it
    (`到位资金量突破1200亿元、增长20%以上`) takes that subject.
    """
    quantity = commitment.quantity
    lead = _lead(paragraph_text, commitment)
    previous = [(s, e) for s, e, _q in iter_quantities(lead)]
    earlier = lead[: previous[-1][0]] if previous else ""
    lead = lead[previous[-1][1] :] if previous else lead
    lead = lead.lstrip("、")
    growth = quantity.unit == "%" and bool(_GROWTH_END.search(lead))
    before = _noun(_GROWTH_END.sub("", lead) if growth else lead)
    if re.search(r"[和及与、]$", lead):
        before = ""  # `4.2万户棚户区和500万平方米…`: the words before belong to the value before
    if not before and growth and earlier:
        before = _noun(re.split(r"[、，；：]", earlier)[-1])
    rest = paragraph_text[commitment.end : commitment.quote_end]
    following = next(iter_quantities(rest), None)
    trail = re.split(r"[、，；：。]", rest[: following[0]] if following else rest)[0]
    trail = re.sub(r"^(?:的|以上|左右)+", "", trail)
    trail = _noun(re.split(r"实现|开展|承接|按时|提供|形成|达产|开工|建成", trail)[0])
    if trail in ("目标", "任务"):
        trail = ""
    counted = units.kind(quantity.unit) == "count"
    noun = (trail or before) if counted else (before or trail)
    noun = noun or quantity.stated_unit
    measure = Measure.GROWTH if growth else (Measure.RATE if quantity.unit == "%" else Measure.LEVEL)
    name = noun + ("增长" if growth and not noun.endswith("增长") else "")
    words = slug_words(noun)
    if words:
        slug = "-".join(words)
    else:
        family = UNIT_WORDS.get(quantity.unit, "count" if counted else "value")
        slug = f"{family}-l{commitment.line}"
    if growth and not slug.endswith("growth"):
        slug += "-growth"
    slug = re.sub(r"[^a-z0-9-]+", "-", slug.lower()).strip("-") or f"value-l{commitment.line}"
    aliases = (re.escape(noun),) if noun else ()
    return Guess(slug, name, measure, "suggested", Better.HIGHER, aliases)


def _noun(words: str) -> str:
    """`力争稀土功能材料产能达到` → `稀土功能材料产能`: lead words, actions and comparators off."""
    noun = _COMPARATOR_END.sub("", words.strip("“”"))
    for _ in range(3):
        stripped = _ACTION.sub("", _LEAD_WORDS.sub("", noun))
        if stripped == noun:
            break
        noun = stripped
    noun = noun.strip("的“”、和及与")
    return "" if len(noun) < 2 else noun


def guess_tags(quote: str, guess: Guess, headline: bool) -> tuple[str, ...]:
    """Up to two free words for a draft target: `headline` for the headline sentence and the
    built-in headline indicators, else by the words of the quote."""
    if headline or guess.source == "headline":
        return ("headline",)
    text = quote + guess.name
    tags = [tag for tag, pattern in _TAGS if re.search(pattern, text)]
    return tuple(tags[:2])
