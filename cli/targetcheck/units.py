"""The unit registry: which units exist, which can be compared, and by how much they differ.

A target stated in `万人` must be compared with an outcome stated in `人`, a target in `亿元` with
an outcome in `万元`. Every unit belongs to a *family* named after its base unit; two amounts can
be compared only inside one family, after conversion to the base unit.

Registry entries are the bare unit names (`人`, `元`, `吨`, `千瓦`…). A magnitude written in
front of a unit (`万人`, `亿元`, `千万元`, `万千瓦时`) is not a separate entry: every function here
accepts `magnitude + unit` and folds the magnitude into the factor. Only units whose own name
starts with 千 or 百 (`千瓦`, `千瓦时`, `千米`, `千克`, `千伏`, `百分点`) are registered as such;
the parser prefers them over a magnitude reading (`3千瓦` is 3 千瓦, not 3000 瓦).

Bare numbers and fractions belong to the dimensionless family `""`, whose multiples are the
magnitude words themselves (`factor("亿") == 100000000`), so that `stated_value × factor(
stated_unit) == value` holds for every parsed quantity, `3867.6亿` included.

Every factor is a terminating decimal (base units are chosen so: time is counted in minutes and
months), so a value in any unit has an exact value in its base unit. Conversions between two
non-base units may not terminate (1 亩 is 1/15 公顷): those are rounded to 28 digits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from functools import cache
from math import gcd
from types import MappingProxyType
from typing import Literal

from targetcheck.errors import QuantityError

Kind = Literal["measure", "count", "time", "dimensionless"]

#: Magnitude words that may precede a number's unit, with their values.
MAGNITUDES: Mapping[str, int] = MappingProxyType(
    {
        "十": 10,
        "百": 100,
        "千": 1000,
        "万": 10**4,
        "十万": 10**5,
        "百万": 10**6,
        "千万": 10**7,
        "亿": 10**8,
        "十亿": 10**9,
        "百亿": 10**10,
        "千亿": 10**11,
        "万亿": 10**12,
    }
)
_MAGNITUDES_LONGEST_FIRST = tuple(sorted(MAGNITUDES, key=len, reverse=True))

# Measure families: base unit -> {unit: size of one unit in base units}.
_MEASURES: dict[str, dict[str, Decimal]] = {
    "人": {"人": Decimal(1)},
    "人次": {"人次": Decimal(1)},
    "元": {"元": Decimal(1), "人民币": Decimal(1)},
    "美元": {"美元": Decimal(1)},
    "吨": {
        "吨": Decimal(1),
        "千克": Decimal("0.001"),
        "公斤": Decimal("0.001"),
        "克": Decimal("0.000001"),
        "斤": Decimal("0.0005"),
    },
    "千瓦": {
        "瓦": Decimal("0.001"),
        "千瓦": Decimal(1),
        "兆瓦": Decimal(1000),
        "吉瓦": Decimal(10**6),
    },
    "千瓦时": {
        "度": Decimal(1),
        "千瓦时": Decimal(1),
        "兆瓦时": Decimal(1000),
        "吉瓦时": Decimal(10**6),
    },
    "千伏": {"伏": Decimal("0.001"), "千伏": Decimal(1)},
    "平方米": {
        "平方米": Decimal(1),
        "平方公里": Decimal(10**6),
        "平方千米": Decimal(10**6),
    },
    "亩": {"亩": Decimal(1), "公顷": Decimal(15)},
    "公里": {"米": Decimal("0.001"), "千米": Decimal(1), "公里": Decimal(1)},
    "立方米": {"立方米": Decimal(1)},
    # `‰` is a tenth of a percent; percentage points are not percent (see the parser).
    "%": {"%": Decimal(1), "‰": Decimal("0.1")},
    "个百分点": {"个百分点": Decimal(1), "百分点": Decimal(1)},
    "倍": {"倍": Decimal(1)},
    # Bandwidth as the reports write it (`骨干网出口带宽达到850G`).
    "G": {
        "M": Decimal("0.001"),
        "G": Decimal(1),
        "T": Decimal(1000),
        "Mbps": Decimal("0.001"),
        "Gbps": Decimal(1),
        "Tbps": Decimal(1000),
    },
    "岁": {"岁": Decimal(1)},
}

# Time is two families, each based on its smallest unit so that every conversion into the base
# is exact: durations up to a week in minutes, calendar spans in months. A month is not a whole
# number of days, so the two families do not convert into each other.
_TIMES: dict[str, dict[str, Decimal]] = {
    "分钟": {
        "分钟": Decimal(1),
        "小时": Decimal(60),
        "天": Decimal(1440),
        "周": Decimal(10080),
    },
    "个月": {"个月": Decimal(1), "年": Decimal(12)},
}

# Count words: each is its own family (3 家 companies and 3 个 projects are not comparable).
# `连冠` counts consecutive titles (`八连冠`: the 8th in a row), so targets such as `实现“五连冠”`
# can be compared with a later report's `八连冠`.
_COUNT_WORDS = (
    "个 家 户 套 台 台套 座 所 项 条 辆 栋 幢 场 批 处 件 次 只 种 张 间 名 位 部 支 架 列 班 对 "
    "株 棵 头 起 类 篇 册 份 艘 盏 宗 例 块 片 连冠"
).split()


def _build_registry() -> dict[str, tuple[str, Decimal, Kind]]:
    registry: dict[str, tuple[str, Decimal, Kind]] = {}
    grouped: tuple[tuple[dict[str, dict[str, Decimal]], Kind], ...] = (
        (_MEASURES, "measure"),
        (_TIMES, "time"),
    )
    for families, family_kind in grouped:
        for base, members in families.items():
            for name, size in members.items():
                registry[name] = (base, size, family_kind)
    for word in _COUNT_WORDS:
        registry[word] = (word, Decimal(1), "count")
    return registry


_REGISTRY: Mapping[str, tuple[str, Decimal, Kind]] = MappingProxyType(_build_registry())

#: Every registered unit name, longest first (the order a longest-match regex needs).
UNIT_NAMES: tuple[str, ...] = tuple(sorted(_REGISTRY, key=len, reverse=True))


def _unit_alternative(name: str) -> str:
    # An ASCII unit must end the token: `850G` is bandwidth, `850Gx` is not.
    escaped = re.escape(name)
    return f"{escaped}(?![A-Za-z0-9])" if name.isascii() else escaped


#: Regex source matching one registered unit name, longest alternatives first.
UNIT_PATTERN = "|".join(_unit_alternative(name) for name in UNIT_NAMES)

_DIMENSIONLESS: tuple[str, Decimal, Kind] = ("", Decimal(1), "dimensionless")

# Multiplication never rounds in this context: every factor is a terminating decimal, so a value
# times a factor is exact however many digits it has.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
# For results that do not terminate (1/3, 1 亩 in 公顷): the precision of Python's default
# context, so that `三分之一` equals `Decimal(1) / Decimal(3)`.
_ROUNDED = Context(prec=28)
_ONE = Decimal(1)
_ZERO = Decimal(0)


@cache
def _resolve(unit: str) -> tuple[str, Decimal, Kind]:
    """(base unit, factor, kind) of `unit`, a magnitude prefix folded in."""
    if unit in _REGISTRY:
        return _REGISTRY[unit]
    if unit == "":
        return _DIMENSIONLESS
    for magnitude in _MAGNITUDES_LONGEST_FIRST:
        if not unit.startswith(magnitude):
            continue
        rest = unit[len(magnitude) :]
        if rest == "":
            base, size, unit_kind = _DIMENSIONLESS
        elif rest in _REGISTRY:
            base, size, unit_kind = _REGISTRY[rest]
        else:
            continue
        return base, canonical(_EXACT.multiply(size, Decimal(MAGNITUDES[magnitude]))), unit_kind
    raise QuantityError(f"unknown unit {unit!r}")


def canonical(value: Decimal) -> Decimal:
    """`value` without trailing zeros or exponent (`45000.0` → `45000`, `4.50` → `4.5`).

    Values print the way a reader expects, and equal values print alike.
    """
    if not value:
        return _ZERO
    value = value.normalize(_EXACT)
    # Normalised, a whole number with trailing zeros has a positive exponent and prints as
    # `4.5E+4`; testing the string is several times faster than `as_tuple()`.
    return value.quantize(_ONE, context=_EXACT) if "E+" in str(value) else value


def divide(dividend: Decimal, divisor: Decimal) -> Decimal:
    """`dividend / divisor`, canonical: exact when the quotient terminates, else 28 digits.

    Decimal division alone would round every quotient to the context's precision; this keeps
    `1/5` and `3867.6亿 / 1万` exact and rounds only what has no finite expansion (1/3).
    """
    # The exact ratio in lowest terms, as fractions.Fraction would give it (that module costs
    # more to import than the whole conversion).
    top, bottom = dividend.as_integer_ratio()
    over, under = divisor.as_integer_ratio()
    if not over:
        raise ZeroDivisionError(f"{dividend} / 0")
    numerator, denominator = top * under, bottom * over
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    common = gcd(numerator, denominator)
    numerator, denominator = numerator // common, denominator // common
    rest, places = denominator, 0
    for prime in (2, 5):
        count = 0
        while rest % prime == 0:
            rest //= prime
            count += 1
        places = max(places, count)
    if rest != 1:
        return _ROUNDED.divide(Decimal(numerator), Decimal(denominator))
    scaled = Decimal(numerator * (10**places // denominator))
    return canonical(scaled.scaleb(-places, context=_EXACT))


def in_base_unit(value: Decimal, unit: str) -> Decimal:
    """`value` (in `unit`) in the base unit of its family; exact, canonical."""
    return canonical(_EXACT.multiply(value, _resolve(unit)[1]))


def base_unit(unit: str) -> str:
    """The base unit of `unit`'s family (`万吨` → `吨`, `度` → `千瓦时`, `亿` → `""`)."""
    return _resolve(unit)[0]


def factor(unit: str) -> Decimal:
    """The size of one `unit` in base units (`factor("亿元") == 100000000`)."""
    return _resolve(unit)[1]


def kind(unit: str) -> Kind:
    """Whether `unit` measures something, counts things, is a duration or is dimensionless."""
    return _resolve(unit)[2]


def is_unit(text: str) -> bool:
    """True if `text` names a registered unit, optionally preceded by a magnitude (`万吨`).

    Bare magnitudes (`万`) and the empty string are accepted by `factor` and `convert` as the
    dimensionless family, but they are not units.
    """
    try:
        return base_unit(text) != ""
    except QuantityError:
        return False


def compatible(a: str, b: str) -> bool:
    """True if amounts in `a` and `b` can be converted into each other (same family)."""
    try:
        return base_unit(a) == base_unit(b)
    except QuantityError:
        return False


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """`value` in `from_unit`, expressed in `to_unit`; QuantityError across families.

    Exact whenever the result has a terminating decimal expansion (`convert(1, "公顷", "亩")`
    is 15), else rounded to 28 significant digits (`convert(1, "亩", "公顷")`).
    """
    source_base, source_size, _ = _resolve(from_unit)
    target_base, target_size, _ = _resolve(to_unit)
    if source_base != target_base:
        raise QuantityError(
            f"cannot convert {from_unit or 'a bare number'} to {to_unit or 'a bare number'}:"
            " they measure different things"
        )
    if not value.is_finite():
        raise QuantityError(f"cannot convert {value}: not a finite number")
    return divide(_EXACT.multiply(value, source_size), target_size)


def match_unit(text: str, pos: int = 0) -> str | None:
    """The longest registered unit name starting at `text[pos]`, or None.

    Magnitude prefixes are not matched here: the parser reads them as part of the number, so
    that `万人民币` is 万 + 人民币 rather than 万人 + 民币.
    """
    match = _unit_re().match(text, pos)
    return match.group() if match else None


@cache
def _unit_re() -> re.Pattern[str]:
    # Compiled on first use: importing the package must stay cheap for the CLI's start-up.
    return re.compile(UNIT_PATTERN)
