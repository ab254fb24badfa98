"""The unit registry: families, factors, conversions and the longest-match helper."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targetcheck.errors import QuantityError
from targetcheck.units import (
    MAGNITUDES,
    UNIT_NAMES,
    base_unit,
    compatible,
    convert,
    factor,
    is_unit,
    kind,
    match_unit,
)


@pytest.mark.parametrize(
    ("unit", "base", "size"),
    [
        ("人", "人", "1"),
        ("万人", "人", "10000"),
        ("万人次", "人次", "10000"),
        ("万元", "元", "10000"),
        ("亿元", "元", "100000000"),
        ("万亿元", "元", "1000000000000"),
        ("千万元", "元", "10000000"),
        ("亿美元", "美元", "100000000"),
        ("千克", "吨", "0.001"),
        ("公斤", "吨", "0.001"),
        ("斤", "吨", "0.0005"),
        ("亿斤", "吨", "50000"),
        ("万吨", "吨", "10000"),
        ("瓦", "千瓦", "0.001"),
        ("万千瓦", "千瓦", "10000"),
        ("兆瓦", "千瓦", "1000"),
        ("吉瓦", "千瓦", "1000000"),
        ("度", "千瓦时", "1"),
        ("万千瓦时", "千瓦时", "10000"),
        ("亿千瓦时", "千瓦时", "100000000"),
        ("千伏", "千伏", "1"),
        ("万平方米", "平方米", "10000"),
        ("平方公里", "平方米", "1000000"),
        ("万亩", "亩", "10000"),
        ("公顷", "亩", "15"),
        ("米", "公里", "0.001"),
        ("千米", "公里", "1"),
        ("万立方米", "立方米", "10000"),
        ("亿立方米", "立方米", "100000000"),
        ("%", "%", "1"),
        ("‰", "%", "0.1"),
        ("个百分点", "个百分点", "1"),
        ("倍", "倍", "1"),
        ("M", "G", "0.001"),
        ("T", "G", "1000"),
        ("小时", "分钟", "60"),
        ("天", "分钟", "1440"),
        ("年", "个月", "12"),
        ("万户", "户", "10000"),
        ("台套", "台套", "1"),
        ("连冠", "连冠", "1"),
        ("", "", "1"),
        ("万", "", "10000"),
        ("亿", "", "100000000"),
    ],
)
def test_base_unit_and_factor(unit: str, base: str, size: str) -> None:
    assert base_unit(unit) == base
    assert factor(unit) == Decimal(size)
    assert isinstance(factor(unit), Decimal)


def test_percent_and_percentage_points_are_different_things() -> None:
    assert not compatible("%", "个百分点")
    with pytest.raises(QuantityError):
        convert(Decimal("1.5"), "个百分点", "%")


def test_count_words_are_families_of_their_own() -> None:
    assert not compatible("个", "家")
    assert not compatible("台", "台套")
    assert not compatible("人", "人次")
    assert not compatible("人", "名")
    assert compatible("户", "万户")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("元", "美元"),
        ("天", "个月"),
        ("吨", "立方米"),
        ("千瓦", "千瓦时"),
        ("", "%"),
        ("亩", "平方米"),
    ],
)
def test_incompatible_families(a: str, b: str) -> None:
    assert not compatible(a, b)
    with pytest.raises(QuantityError):
        convert(Decimal(1), a, b)


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        ("40770", "人", "万人", "4.077"),
        ("3867.6", "亿元", "万元", "38676000"),
        ("1.2", "万亿元", "亿元", "12000"),
        ("24", "亿斤", "万吨", "120"),
        ("1000", "万千瓦时", "亿千瓦时", "0.1"),
        ("2", "吉瓦", "万千瓦", "200"),
        ("214", "公顷", "亩", "3210"),
        ("500", "米", "公里", "0.5"),
        ("3", "千米", "米", "3000"),
        ("850", "G", "T", "0.85"),
        ("36", "个月", "年", "3"),
        ("1", "天", "小时", "24"),
        ("3", "‰", "%", "0.3"),
        ("3867.6", "亿", "", "386760000000"),
    ],
)
def test_convert(value: str, source: str, target: str, expected: str) -> None:
    assert convert(Decimal(value), source, target) == Decimal(expected)


def test_convert_rounds_only_what_does_not_terminate() -> None:
    assert convert(Decimal(1), "亩", "公顷") == Decimal(1) / Decimal(15)
    assert convert(Decimal(1), "公顷", "亩") == Decimal(15)
    long_value = Decimal("123456789012345678901234567890.123456789")
    assert convert(convert(long_value, "亿元", "元"), "元", "亿元") == long_value


def test_convert_writes_plain_numbers() -> None:
    assert str(convert(Decimal("4.5"), "万吨", "吨")) == "45000"
    assert str(convert(Decimal("4.50"), "吨", "吨")) == "4.5"
    assert str(convert(Decimal("0"), "万吨", "吨")) == "0"


def test_convert_refuses_non_finite_values() -> None:
    with pytest.raises(QuantityError):
        convert(Decimal("NaN"), "吨", "万吨")


@pytest.mark.parametrize("unit", ["", "万", "增长", "万万", "abc", "千分"])
def test_is_unit_false(unit: str) -> None:
    assert not is_unit(unit)


@pytest.mark.parametrize("unit", ["人", "万人", "千万元", "万千瓦时", "个百分点", "G", "连冠"])
def test_is_unit_true(unit: str) -> None:
    assert is_unit(unit)


def test_unknown_units_raise() -> None:
    with pytest.raises(QuantityError, match="增长"):
        base_unit("增长")
    assert not compatible("增长", "增长")


def test_kinds() -> None:
    assert kind("万吨") == "measure"
    assert kind("个") == "count"
    assert kind("个月") == "time"
    assert kind("万") == "dimensionless"


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("个百分点", 0, "个百分点"),
        ("个月内", 0, "个月"),
        ("个项目", 0, "个"),
        ("千瓦时以上", 0, "千瓦时"),
        ("台套", 0, "台套"),
        ("人次", 0, "人次"),
        ("人民币", 0, "人民币"),
        ("3平方公里", 1, "平方公里"),
        ("万吨", 0, None),  # magnitudes are the parser's business
        ("增长", 0, None),
        ("Gbps", 0, "Gbps"),
        ("Gx", 0, None),
    ],
)
def test_match_unit_is_longest_match(text: str, pos: int, expected: str | None) -> None:
    assert match_unit(text, pos) == expected


def test_unit_names_are_longest_first() -> None:
    lengths = [len(name) for name in UNIT_NAMES]
    assert lengths == sorted(lengths, reverse=True)


def test_magnitudes() -> None:
    assert MAGNITUDES["万亿"] == 10**12
    assert MAGNITUDES["千万"] == 10**7
