"""Chinese quantities as work reports write them: `3867.6亿元`, `两万多亩`, `近600亿元`, `百分之八`.

A quantity is a numeral, an optional magnitude (`万`, `亿`, `万亿`…), an optional unit from
`targetcheck.units` and optional qualifiers around them (`近`, `超`, `多`, `以上`, `左右`…). Its
`value` is exact and in the base unit of its family, so `4.2万人` and `42000人` compare equal.

Two entry points:

- `parse_quantity(text)`: the whole text is one quantity, or QuantityError. Permissive about
  what a quantity is (`十个`, `2017年` as 2017 years, `二〇一八年`), strict about leftovers.
- `iter_quantities(text)`: every quantity in running prose, for the outcome finder and the
  commitment scanner. Here the context decides: years, dates, ordinals (`第26届`), names
  (`CAP1400`, `2号高炉`, `210国道`), ratios (`2.5:47.1:50.4`), set phrases (`一带一路`,
  `三次产业`) and quoted slogans (`“三个高地”`) are skipped, and Chinese numerals count only
  with a magnitude, a fraction or a unit (`两万多亩`, `三分之一`, `十个`), never as the article
  `一` (`一批`, `一个`, `一年`).

cn2an converts the integer part of Chinese numerals; it takes ~100 ms to import, so it is
imported on first use, and only for numerals other than a single digit or a bare magnitude
(`8%`, `3867.6亿元`, `超千户` and `百亿元` never load it).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import NamedTuple

from targetcheck import units
from targetcheck.errors import QuantityError
from targetcheck.textnorm import normalize, normalize_chars

__all__ = [
    "ABOUT",
    "AT_MOST",
    "JUST_UNDER",
    "MORE_THAN",
    "QUALIFIERS",
    "Quantity",
    "QuantityError",
    "format_quantity",
    "iter_quantities",
    "parse_quantity",
]

MORE_THAN = "more-than"  # the figure or more: 多, 余, 超, 逾, 超过, 至少, 以上
JUST_UNDER = "just-under"  # a little below the figure: 近, 将近, 接近, 不足, 不到
ABOUT = "about"  # approximately: 约, 大约, 左右, 上下
AT_MOST = "at-most"  # the figure or less: 不超过, 以内, 以下
QUALIFIERS = frozenset({MORE_THAN, JUST_UNDER, ABOUT, AT_MOST})

_PREFIX_QUALIFIERS = {
    "不超过": AT_MOST,
    "超过": MORE_THAN,
    "至少": MORE_THAN,
    "将近": JUST_UNDER,
    "接近": JUST_UNDER,
    "不足": JUST_UNDER,
    "不到": JUST_UNDER,
    "大约": ABOUT,
    "超": MORE_THAN,
    "逾": MORE_THAN,
    "近": JUST_UNDER,
    "约": ABOUT,
}
_SUFFIX_QUALIFIERS = {
    "以上": MORE_THAN,
    "以内": AT_MOST,
    "以下": AT_MOST,
    "左右": ABOUT,
    "上下": ABOUT,
}

_CN_DIGIT_VALUES = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_MAGNITUDE_CHARS = "十百千万亿"
_LARGE_MAGNITUDE_CHARS = "万亿"
_MAX_CHINESE_NUMERAL = 20  # longer runs of numeral characters are never one number

_WS = "[ \\t\\u3000\\u00a0]"
_CN = f"[{''.join(_CN_DIGIT_VALUES)}{_MAGNITUDE_CHARS}]"
_CN_DECIMALS = "[〇零一二三四五六七八九]"
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_MAGNITUDE = "|".join(sorted(units.MAGNITUDES, key=len, reverse=True))
_MORE = "多|余"


def _prefix_pattern() -> str:
    # `节约`, `签约`, `制约`… are words, not 约 (about); `最近`, `附近`… are not 近 (nearly).
    guarded = {"约": "(?<![节签制集合预履违特公条契邀相践])约", "近": "(?<![最附邻靠亲贴])近"}
    words = sorted(_PREFIX_QUALIFIERS, key=len, reverse=True)
    return "|".join(guarded.get(word, word) for word in words)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """`pattern`, compiled on first use.

    The patterns hold every unit name and magnitude and take milliseconds to compile; importing
    targetcheck must stay cheap for the CLI's start-up.
    """
    return re.compile(pattern)


def _number_pattern(*, prose: bool) -> str:
    """The start of a quantity: qualifier prefix and numeral.

    What follows the numeral (magnitude, unit, suffix) is read by _TAIL, because where it
    starts depends on the numeral (see _unit_cut). An Arabic numeral may not start inside a
    token (`CAP1400`, `PM2.5`, `2017/2/16`, `3+5+N`) or after `digit:` (`2.5:47.1`). In prose
    a Chinese numeral must have a magnitude or be followed by a decimal part, 多/余 or a unit:
    this keeps the thousands of 一 in a report (`统一`, `一体化`) from being read at all.
    """
    first_chars = re.escape("".join(sorted({word[0] for word in _PREFIX_QUALIFIERS})))
    chinese = f"{_CN}+"
    if prose:
        chinese = (
            f"{_CN}*[{_MAGNITUDE_CHARS}]{_CN}*"
            f"|{_CN}+(?=点{_CN_DECIMALS}|{_MORE}|{_WS}*(?:{units.UNIT_PATTERN}))"
        )
    return (
        f"(?=[-0-9{first_chars}{_CN[1:-1]}])"
        f"(?:(?P<pre>{_prefix_pattern()}){_WS}*)?"
        "(?:"
        f"(?P<fden>{_CN}+)分之(?:(?P<fnum_cn>{_CN}+)(?:点(?P<fnum_dec>{_CN_DECIMALS}+))?"
        f"|(?P<fnum_arabic>{_ARABIC}))"
        f"|(?<![0-9A-Za-z./+])(?<![0-9][:：])(?P<sign>-)?(?P<arabic>{_ARABIC})(?:/(?P<den>[0-9]+))?"
        f"|(?P<cn>{chinese})(?:点(?P<cn_dec>{_CN_DECIMALS}+))?"
        ")"
    )


_NUMBER = _number_pattern(prose=False)
_PROSE_NUMBER = _number_pattern(prose=True)
# What follows a numeral: 多/余, magnitude, unit, suffix qualifier, all optional. The magnitude
# is lazy (`??`) so that the longest unit wins: `3千瓦` is 3 千瓦, while `1000万千瓦时` is
# 1000 万 千瓦时 because no unit starts with 万.
_TAIL = (
    f"(?P<more1>{_MORE})?"
    f"(?:{_WS}*(?:(?P<mag>{_MAGNITUDE})??(?P<more2>{_MORE})?(?P<unit>{units.UNIT_PATTERN})"
    f"|(?P<mag2>{_MAGNITUDE})(?P<more3>{_MORE})?))?"
    f"(?:{_WS}*(?P<post>以上|以内|以下|左右|上下(?!游)))?"
)


_SUFFIX = f"{_WS}*(?P<post>以上|以内|以下|左右|上下(?!游))"
_MORE_TIME = f"(?:{_MORE})(?P<unit>月|小时)"


@dataclass(frozen=True)
class Quantity:
    """An amount with its unit, exactly as a report stated it and normalised for comparison.

    `value` is in `unit`, the base unit of the family (`吨` for `4.5 万吨`), magnitudes folded in;
    `stated_value` and `stated_unit` keep the figure as written (4.5 and `万吨`), so a verdict
    can quote it. `unit` is `""` for bare numbers and fractions. `qualifiers` is a subset of
    QUALIFIERS.
    """

    value: Decimal
    unit: str
    stated_unit: str
    stated_value: Decimal
    text: str
    qualifiers: frozenset[str] = frozenset()

    def in_unit(self, unit: str) -> Decimal:
        """The value expressed in `unit` (`万人`, `亿元`…); QuantityError if incompatible."""
        return units.convert(self.value, self.unit, unit)


class _Numeral(NamedTuple):
    """A number as written, before evaluation (cn2an runs only when `value` is called)."""

    chinese: bool
    integer: str  # digits or Chinese numeral without separators; "" for a bare `万`/`亿`
    decimals: str = ""  # ASCII digits after the decimal point
    negative: bool = False

    def value(self) -> Decimal:
        """The exact value."""
        if self.chinese:
            integer = str(_chinese_integer(self.integer)) if self.integer else "1"
        else:
            integer = f"-{self.integer}" if self.negative else self.integer
        return Decimal(f"{integer}.{self.decimals}" if self.decimals else integer)


class _Reading(NamedTuple):
    """Where a quantity sits in normalised text and what it is made of.

    A NamedTuple rather than a frozen dataclass: iter_quantities builds one per candidate.
    """

    start: int  # qualifier prefix included
    number_start: int
    number_end: int
    end: int  # magnitude, unit and suffix included
    numerator: _Numeral
    denominator: _Numeral | None = None  # fractions (`1/5`, `三分之一`)
    magnitude: str = ""
    unit: str = ""
    qualifiers: frozenset[str] = frozenset()

    @property
    def stated_unit(self) -> str:
        return self.magnitude + self.unit


def _chinese_integer(numeral: str) -> int:
    """The value of a Chinese integer numeral (`三千五百`, `两`, `百`, `二〇一八`)."""
    if numeral in _CN_DIGIT_VALUES:
        return _CN_DIGIT_VALUES[numeral]
    if numeral in units.MAGNITUDES:  # 十, 百, 千万, 百亿…: cn2an rejects those without 一
        return units.MAGNITUDES[numeral]
    if len(numeral) > _MAX_CHINESE_NUMERAL:
        raise QuantityError(f"{numeral!r} is too long to be a Chinese numeral")
    if not any(ch in _MAGNITUDE_CHARS for ch in numeral):
        # Digit by digit: a year-like `二〇一八` has a zero; `一二级`, `三五` are not numbers.
        if not any(ch in "〇零" for ch in numeral):
            raise QuantityError(f"{numeral!r} is a list of digits, not a number")
    elif numeral[0] in _MAGNITUDE_CHARS[1:]:
        raise QuantityError(f"{numeral!r} is not a Chinese numeral")  # 万一, 百二十
    return _cn2an(numeral)


@lru_cache(maxsize=1024)
def _cn2an(numeral: str) -> int:
    import cn2an  # deferred: ~100 ms, and most texts never need it

    try:
        result = cn2an.cn2an(numeral, "normal")
    except Exception as error:  # cn2an signals bad input with assorted exception types
        raise QuantityError(f"{numeral!r} is not a Chinese numeral") from error
    value = Decimal(str(result))
    if value != value.to_integral_value():
        raise QuantityError(f"{numeral!r} is not a whole number")
    return int(value)


def _unit_cut(text: str, start: int, run: str) -> int:
    """Where a run of Chinese numeral characters ends and a unit named with 千/百 begins.

    `三千瓦` is 3 千瓦 and `一千万千瓦时` is 一千万 千瓦时: the longest unit wins over reading
    the 千 as part of the number. Returns len(run) when no such unit starts inside the run.
    """
    for offset, ch in enumerate(run):
        if ch in _MAGNITUDE_CHARS and units.match_unit(text, start + offset):
            return offset
    return len(run)


def _read(text: str, match: re.Match[str]) -> _Reading:
    """The quantity that `match` (of _NUMBER or _PROSE_NUMBER) starts; QuantityError if none."""
    qualifiers: set[str] = set()
    if match["pre"]:
        qualifiers.add(_PREFIX_QUALIFIERS[match["pre"]])
    if match["fden"] is not None:
        reader = _read_chinese_fraction
    elif match["arabic"] is not None:
        reader = _read_arabic
    else:
        reader = _read_chinese
    return reader(text, match, qualifiers)._replace(
        start=match.start(), qualifiers=frozenset(qualifiers)
    )


def _read_chinese_fraction(text: str, match: re.Match[str], qualifiers: set[str]) -> _Reading:
    """`三分之一`, `百分之八` (8 %), `千分之三` (3 ‰), `百分之零点五`."""
    numerator = (
        _Numeral(True, match["fnum_cn"], _ascii_digits(match["fnum_dec"] or ""))
        if match["fnum_cn"] is not None
        else _arabic_numeral(match["fnum_arabic"])
    )
    unit = {"百": "%", "千": "‰"}.get(match["fden"], "")
    denominator = None if unit else _Numeral(True, match["fden"])
    end = _read_suffix(text, match.end(), qualifiers)
    return _Reading(0, match.start("fden"), match.end(), end, numerator, denominator, "", unit)


def _read_arabic(text: str, match: re.Match[str], qualifiers: set[str]) -> _Reading:
    """`3867.6亿元`, `1,200亿元`, `-11.9%`, `20多万吨`, `1/5左右`."""
    start = match.start("sign") if match["sign"] else match.start("arabic")
    numerator = _arabic_numeral(match["arabic"], negative=bool(match["sign"]))
    if match["den"] is not None:
        end = _read_suffix(text, match.end(), qualifiers)
        return _Reading(0, start, match.end(), end, numerator, _Numeral(False, match["den"]))
    end, magnitude, unit = _read_tail(text, match.end(), qualifiers)
    return _Reading(0, start, match.end(), end, numerator, None, magnitude, unit)


def _read_chinese(text: str, match: re.Match[str], qualifiers: set[str]) -> _Reading:
    """`两万多亩`, `一千亿元`, `超千户`, `零点五个百分点`, `三千瓦`.

    A trailing 万/亿 belongs to the stated unit (`三千五百万元` is 3500 万元), unless the
    numeral has a larger magnitude before it (`一亿二千万` is one number).
    """
    start = match.start("cn")
    run = match["cn"]
    decimals = _ascii_digits(match["cn_dec"] or "")
    if decimals:
        end = match.end()
        integer, magnitude = run, ""
    else:
        run = run[: _unit_cut(text, start, run)]
        end = start + len(run)
        integer = run.rstrip(_LARGE_MAGNITUDE_CHARS)
        if any(ch in _LARGE_MAGNITUDE_CHARS for ch in integer):
            integer = run
        magnitude = run[len(integer) :]
    tail_end, tail_magnitude, unit = _read_tail(text, end, qualifiers)
    magnitude += tail_magnitude
    if not integer and not match["pre"] and not text.startswith(("多", "余"), end):
        # `万人`, `亿元以上`, `千瓦` name a unit; `超万人`, `万余人` are quantities.
        raise QuantityError(f"{text[start:tail_end]!r} is a unit, not a quantity")
    if magnitude and magnitude not in units.MAGNITUDES:
        raise QuantityError(f"{magnitude!r} is not a magnitude")
    numerator = _Numeral(True, integer, decimals)
    return _Reading(0, start, end, tail_end, numerator, None, magnitude, unit)


def _arabic_numeral(written: str, *, negative: bool = False) -> _Numeral:
    integer, _, decimals = written.replace(",", "").partition(".")
    return _Numeral(False, integer, decimals, negative)


def _ascii_digits(chinese_digits: str) -> str:
    return "".join(str(_CN_DIGIT_VALUES[ch]) for ch in chinese_digits)


def _read_tail(text: str, pos: int, qualifiers: set[str]) -> tuple[int, str, str]:
    """(end, magnitude, unit) of what follows a numeral; adds the qualifiers found there."""
    tail = _compiled(_TAIL).match(text, pos)
    assert tail is not None  # every part of the pattern is optional
    if tail["more1"] or tail["more2"] or tail["more3"]:
        qualifiers.add(MORE_THAN)
    if tail["post"]:
        qualifiers.add(_SUFFIX_QUALIFIERS[tail["post"]])
    end, unit = tail.end(), tail["unit"] or ""
    more_time = _compiled(_MORE_TIME).match(text, end) if unit == "个" else None
    if more_time:  # 三个多月, 两个多小时: a duration and more, not a count of things
        qualifiers.add(MORE_THAN)
        unit = "个月" if more_time["unit"] == "月" else more_time["unit"]
        end = _read_suffix(text, more_time.end(), qualifiers)
    return end, tail["mag"] or tail["mag2"] or "", unit


def _read_suffix(text: str, pos: int, qualifiers: set[str]) -> int:
    """End of a suffix qualifier after a fraction or percentage (`1/5左右`)."""
    suffix = _compiled(_SUFFIX).match(text, pos)
    if suffix is None:
        return pos
    qualifiers.add(_SUFFIX_QUALIFIERS[suffix["post"]])
    return suffix.end()


def _quantity(reading: _Reading, text: str) -> Quantity:
    """Evaluate `reading`; `text` is what the Quantity quotes."""
    stated = reading.numerator.value()
    if reading.denominator is not None:
        denominator = reading.denominator.value()
        if not denominator:
            raise QuantityError(f"{text!r} divides by zero")
        stated = units.divide(stated, denominator)
    stated_unit = reading.stated_unit
    return Quantity(
        value=units.in_base_unit(stated, stated_unit),
        unit=units.base_unit(stated_unit),
        stated_unit=stated_unit,
        stated_value=stated,
        text=text,
        qualifiers=reading.qualifiers,
    )


def parse_quantity(text: str) -> Quantity:
    """The quantity that `text` is, as a whole (surrounding whitespace allowed).

    Raises QuantityError, naming the text, when `text` is not exactly one quantity: `增长`,
    `%`, `一带一路`, `两位数`, `第26届`, or a bare unit such as `万人`.
    """
    normal = normalize(text).strip()
    match = _compiled(_NUMBER).match(normal)
    if match is None:
        raise QuantityError(f"not a quantity: {text!r}")
    try:
        reading = _read(normal, match)
        if reading.end != len(normal):
            raise QuantityError(
                f"cannot read {normal[reading.end :]!r} after {normal[: reading.end]!r}"
            )
        return _quantity(reading, text)
    except QuantityError as error:
        raise QuantityError(f"not a quantity: {text!r} ({error})") from None


# Words that read like quantities but are names or set phrases.
_SET_PHRASES = (
    "一带一路",
    "一盘棋",
    "一张图",
    "一站式",
    "三去一降一补",
    "六证合一",
    "一照一码",
    "两学一做",
    "一制一档",
    "十个全覆盖",
    "千家万户",
    "三次产业",  # primary/secondary/tertiary industry, not "three times"
    "八项规定",
    "千人计划",
    "百人计划",
    "万人计划",
    "百年",  # centenaries and idioms (百年老店, 建党百年), never a measured duration
    "千年",
    "万年",
)
_SET_PHRASE = (
    "|".join(map(re.escape, sorted(_SET_PHRASES, key=len, reverse=True)))
    + "|[0-9两三四五六七八九十]位数"  # 两位数增长: "double-digit", a target of ≥ 10 %
)
_LONGEST_SET_PHRASE = max(map(len, _SET_PHRASES))
# Short quoted or titled phrases are names and slogans (“三个高地”, 《中国制造2025》), unless
# the quantity is the whole quote (实现“八连冠”).
_QUOTED = "[“《][^“”《》\n]{1,30}[”》]"
# Right after a numeral these make it a date, ordinal, rank, name or class:
# 9月, 16日, 2号高炉, 第26届, 15强, 国道210线, 210国道, 2.0版, 5级, 一期, 第三代, 3路,
# 七大行动, 90后, 9时, 三季度, 21世纪, 70周年.
_NOT_AFTER_NUMERAL = f"{_WS}*(?:周年|国道|世纪|[月日号届强线版级期代路大后时季])"
_SIZE_CLASS = f"{_WS}*级"  # 千亿级产业, 千万千瓦级风电基地
_YEAR = "[12][0-9]{3}"
# Characters textnorm.normalize_chars changes that matter to numbers; most texts have none, and
# translating a whole report costs more than reading its quantities.
_FULLWIDTH = "[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％．＋－／\u2212]"


class _Quotes:
    """The short quoted phrases of a text, for quick containment tests."""

    def __init__(self, text: str) -> None:
        self.spans = [match.span() for match in _compiled(_QUOTED).finditer(text)]
        self.starts = [start for start, _ in self.spans]

    def enclosing(self, start: int, end: int) -> tuple[int, int] | None:
        """The quote (its span, marks included) that contains text[start:end], if any."""
        index = bisect.bisect_left(self.starts, start) - 1
        if index >= 0 and self.spans[index][1] >= end:
            return self.spans[index]
        return None


def _in_set_phrase(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] overlaps a set phrase (searched nearby: cheaper than everywhere)."""
    window = _compiled(_SET_PHRASE).finditer(
        text, max(0, start - _LONGEST_SET_PHRASE), end + _LONGEST_SET_PHRASE
    )
    return any(phrase.start() < end and phrase.end() > start for phrase in window)


def _is_prose_quantity(text: str, reading: _Reading, quotes: _Quotes) -> bool:
    """Whether `reading` is a quantity in running prose, rather than a date, name or phrase."""
    start, end = reading.number_start, reading.number_end
    before = text[start - 1] if start else ""
    if (
        before == "第"
        or _compiled(_NOT_AFTER_NUMERAL).match(text, end)
        or _compiled(_SIZE_CLASS).match(text, reading.end)
    ):
        return False
    numeral = text[start:end]
    if reading.numerator.chinese and not _is_chinese_prose_quantity(reading, numeral, before):
        return False
    if not reading.numerator.chinese and not _is_arabic_prose_quantity(text, reading, numeral):
        return False
    if (reading.numerator.chinese or reading.unit == "位") and _in_set_phrase(
        text, start, reading.end
    ):
        return False
    quote = quotes.enclosing(start, reading.end)
    return quote is None or text[quote[0] + 1 : quote[1] - 1] == text[reading.start : reading.end]


def _is_chinese_prose_quantity(reading: _Reading, numeral: str, before: str) -> bool:
    if before in ("届", "数", "几"):  # 十届二次全会, 数十个, 几百家
        return False
    has_magnitude = bool(reading.magnitude) or any(ch in _MAGNITUDE_CHARS for ch in numeral)
    if not (has_magnitude or reading.denominator is not None or reading.unit):
        return False  # 三北, 一二级, 零增长: digits without a magnitude, fraction or unit
    if numeral in ("十", "百", "千") and not reading.unit:
        return False  # 千方百计, 百强, 十全十美
    if reading.unit == "年" and len(reading.numerator.integer) > 1 and not has_magnitude:
        return False  # 二〇一八年 is a year (三年 is three years)
    if numeral in ("零", "〇"):
        return False  # 零部件, 零距离
    # 一 before a count word or a duration is an article: 一批, 一个短板, 一次性, 一年.
    return not (numeral == "一" and reading.unit and units.kind(reading.unit) in ("count", "time"))


def _is_arabic_prose_quantity(text: str, reading: _Reading, numeral: str) -> bool:
    end = reading.number_end
    following = text[end : end + 2]
    if following[:1].isascii() and following[:1].isalpha() and not reading.unit:
        return False  # 5A级, 3D, 4K
    if following[:1] == "+" or (following[:1] in ("/", ".", ":", "：") and following[1:].isdigit()):
        return False  # 3+5+N, 2017/2/16, 1.2.3, 2.5:47.1:50.4
    if reading.unit == "G" and numeral in ("2", "3", "4", "5", "6"):
        return False  # 5G is a mobile network generation
    if _compiled(_YEAR).fullmatch(numeral) and not reading.magnitude:
        if reading.unit == "年":
            return False  # 2017年 is a year
        if not reading.unit and not reading.qualifiers and 1900 <= int(numeral) <= 2099:
            return False  # 中国制造2025, 包棉1958: a year or a name, not an amount
    return True


def iter_quantities(text: str) -> Iterator[tuple[int, int, Quantity]]:
    """Every quantity in `text` as (start, end, Quantity), offsets into `text`.

    The span includes the qualifiers around the quantity (`近600亿元`, `14%以上`). Meant for
    normalised text (textnorm.normalize) but tolerant of full-width forms and of spaces
    between a number and its unit.
    """
    # normalize_chars keeps the length, so offsets carry over.
    normal = normalize_chars(text) if _compiled(_FULLWIDTH).search(text) else text
    quotes = _Quotes(normal)
    pos = 0
    number_re = _compiled(_PROSE_NUMBER)
    while (match := number_re.search(normal, pos)) is not None:
        try:
            reading = _read(normal, match)
        except QuantityError:
            pos = match.end()
            continue
        pos = max(reading.end, match.start() + 1)
        if not _is_prose_quantity(normal, reading, quotes):
            continue
        try:
            quantity = _quantity(reading, text[reading.start : reading.end])
        except QuantityError:
            continue
        yield reading.start, reading.end, quantity


# How format_quantity may write each qualifier, in order of preference: (slot, word).
_QUALIFIER_WORDS = {
    JUST_UNDER: (("prefix", "近"),),
    ABOUT: (("suffix", "左右"), ("prefix", "约")),
    AT_MOST: (("suffix", "以内"), ("prefix", "不超过")),
    MORE_THAN: (("suffix", "以上"), ("middle", "多"), ("prefix", "超过")),
}


def format_quantity(quantity: Quantity) -> str:
    """Text that parse_quantity reads back as `quantity` (same value, unit and qualifiers).

    Written from the stated value and unit with Arabic digits (`4.5万吨以上`). Qualifiers take
    one of three slots (prefix, after the number, suffix); a combination that no text can hold
    (all four at once) raises QuantityError.
    """
    unknown = quantity.qualifiers - QUALIFIERS
    if unknown:
        raise QuantityError(f"unknown qualifiers {sorted(unknown)}")
    number = format(quantity.stated_value, "f")
    ordered = sorted(quantity.qualifiers)
    for choice in itertools.product(*(_QUALIFIER_WORDS[q] for q in ordered)):
        slots = dict(choice)
        if len(slots) == len(choice):
            return (
                slots.get("prefix", "")
                + number
                + slots.get("middle", "")
                + quantity.stated_unit
                + slots.get("suffix", "")
            )
    raise QuantityError(f"cannot write qualifiers {ordered} in one quantity")
