"""Indicators: what a target measures, and how its outcome is found in a later report.

Each indicator has a measure (how its outcome is stated), aliases (regular expressions over the
normalised text naming it, tolerant of the ways reports name it) and a direction (is more
better?). The headline indicators of DOMAIN §6 are built in, so curated entries and `--auto`
stay short; targets.yaml can define more and override any of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Measure(StrEnum):
    GROWTH = "growth"  # a change in percent: 增长7.6%, 下降11.9%
    LEVEL = "level"  # an amount in a unit: 3867.6亿元, 4.2万人, 1200座
    RATE = "rate"  # a level stated in percent: 失业率3.89%, 比重65%
    MILESTONE = "milestone"  # done or not: 开工建设, 建成, 通过验收, 摘帽


class Better(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


@dataclass(frozen=True)
class Alias:
    """One way of naming an indicator. `position` picks a value out of a paired statement:
    `城乡居民收入分别增长6.5%和8%` gives urban income the 1st value and rural income the 2nd."""

    pattern: str
    position: int | None = None

    def compiled(self) -> re.Pattern[str]:
        return _compile(self.pattern)


@dataclass(frozen=True)
class Indicator:
    """What a target measures and how its outcome is found (see the module docstring)."""

    slug: str
    name: str
    measure: Measure
    aliases: tuple[Alias, ...]
    better: Better = Better.HIGHER
    unit: str | None = None  # the unit family a level is stated in, when it is fixed
    exclude: str | None = None  # items matching this are never this indicator's outcome
    done: tuple[str, ...] = field(default=())  # milestone words meaning "done"

    def with_overrides(self, **changes: object) -> Indicator:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_CACHE: dict[str, re.Pattern[str]] = {}


def _compile(pattern: str) -> re.Pattern[str]:
    compiled = _CACHE.get(pattern)
    if compiled is None:
        compiled = _CACHE[pattern] = re.compile(pattern)
    return compiled


# Names that contain an indicator's name but are another indicator: 单位GDP能耗, 占GDP比重,
# 人均地区生产总值.
_NOT_GDP = r"(?<!单位)(?<!占)(?<!人均)(?<!万元)"
_GDP = _NOT_GDP + r"(?:地区生产总值|国内生产总值|生产总值|GDP)(?!能耗|比重)"
_URBAN_RURAL = r"(?:城乡|城镇和农村(?:牧区)?|城镇、农村(?:牧区)?)(?:常住)?居民(?:人均)?(?:可支配)?收入"

HEADLINE: dict[str, Indicator] = {
    ind.slug: ind
    for ind in (
        Indicator("gdp-growth", "地区生产总值增长", Measure.GROWTH, (Alias(_GDP), Alias(r"经济增长(?=速度|率)"))),
        Indicator("gdp-total", "地区生产总值(总量)", Measure.LEVEL, (Alias(_GDP), Alias(r"经济总量")), unit="元"),
        Indicator(
            "industry-va-growth",
            "规模以上工业增加值增长",
            Measure.GROWTH,
            (Alias(r"(?:规模以上|规上)工业(?:企业)?增加值"), Alias(r"工业增加值")),
        ),
        Indicator(
            "fai-growth",
            "固定资产投资增长",
            Measure.GROWTH,
            (Alias(r"(?<!民间)(?<!工业)固定资产投资(?:额)?"),),
        ),
        Indicator(
            "retail-growth",
            "社会消费品零售总额增长",
            Measure.GROWTH,
            (Alias(r"社会消费品零售(?:总)?额"), Alias(r"社消零(?:总额)?|社零(?:总)?额")),
        ),
        Indicator(
            "revenue-growth",
            "一般公共预算收入增长",
            Measure.GROWTH,
            (Alias(r"(?:地方)?一般公共预算收入"), Alias(r"公共财政预算收入")),
        ),
        Indicator(
            "income-growth",
            "居民人均可支配收入增长",
            Measure.GROWTH,
            (
                Alias(r"全体(?:常住)?居民人均可支配收入"),
                Alias(r"(?<!城镇)(?<!农村)(?<!牧区)(?<!城市)(?<!城乡)(?:常住)?居民人均可支配收入"),
                Alias(_URBAN_RURAL, position=0),
            ),
        ),
        Indicator(
            "urban-income-growth",
            "城镇居民人均可支配收入增长",
            Measure.GROWTH,
            (Alias(r"城(?:镇|市)(?:常住)?居民(?:人均)?(?:可支配)?收入"), Alias(_URBAN_RURAL, position=1)),
        ),
        Indicator(
            "rural-income-growth",
            "农村牧区居民人均可支配收入增长",
            Measure.GROWTH,
            (
                Alias(r"农村(?:牧区)?(?:常住)?居民(?:人均)?(?:可支配)?收入|农牧民(?:人均)?(?:可支配|纯)?收入"),
                Alias(_URBAN_RURAL, position=2),
            ),
        ),
        Indicator(
            "unemployment-rate",
            "城镇登记失业率",
            Measure.RATE,
            # Registered, not surveyed: `城镇调查失业率` is another indicator (a targets.yaml defines
            # its own rule; `--auto` gives a surveyed-rate clause a surveyed rule: auto._SURVEYED_RATE).
            (Alias(r"城镇登记失业率|登记失业率|城镇失业率"),),
            better=Better.LOWER,
        ),
        Indicator(
            "new-urban-jobs",
            "新增城镇就业",
            Measure.LEVEL,
            (Alias(r"新增城镇就业|城镇新增就业"),),
            unit="人",
        ),
        Indicator(
            "cpi",
            "居民消费价格涨幅",
            Measure.GROWTH,
            (Alias(r"居民消费价格(?:总水平|指数)?(?:涨幅)?|CPI"),),
            better=Better.LOWER,
        ),
    )
}

# Which headline indicator a relation target (`与经济增长基本同步`) is compared with.
RELATION_REFERENCES = {"经济增长": "gdp-growth", "经济发展": "gdp-growth", "GDP增长": "gdp-growth",
                       "地区生产总值增长": "gdp-growth"}

# Built in beside the headline indicators: `milestone`, for targets that are done or not done
# (`开工建设地铁1号线、2号线一期工程`). Its objects come from each target's `outcome.aliases`, or
# from the names the wording gives when there are none.
MILESTONE = Indicator("milestone", "里程碑", Measure.MILESTONE, ())
BUILTIN: dict[str, Indicator] = {**HEADLINE, MILESTONE.slug: MILESTONE}
