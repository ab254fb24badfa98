"""parse_quantity against the table in tests/data/quantities.yaml, plus the API around it."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

import targetcheck
from targetcheck.errors import QuantityError
from targetcheck.quantity import Quantity, format_quantity, parse_quantity

TABLE = yaml.safe_load(
    (Path(__file__).parent / "data" / "quantities.yaml").read_text(encoding="utf-8")
)
CLI = Path(__file__).resolve().parents[1] / "cli"


def test_table_is_large_enough() -> None:
    assert len(TABLE["quantities"]) >= 80
    texts = [case["text"] for case in TABLE["quantities"]]
    assert len(texts) == len(set(texts)), "duplicate entries"


@pytest.mark.parametrize("case", TABLE["quantities"], ids=lambda case: case["text"])
def test_parses(case: dict[str, Any]) -> None:
    quantity = parse_quantity(case["text"])
    assert quantity.value == Decimal(case["value"])
    assert quantity.unit == case["unit"]
    assert quantity.stated_value == Decimal(case.get("stated_value", case["value"]))
    assert quantity.stated_unit == case.get("stated_unit", case["unit"])
    assert quantity.qualifiers == frozenset(case.get("qualifiers", []))
    assert quantity.text == case["text"]


@pytest.mark.parametrize("case", TABLE["quantities"], ids=lambda case: case["text"])
def test_round_trips_through_format(case: dict[str, Any]) -> None:
    quantity = parse_quantity(case["text"])
    again = parse_quantity(format_quantity(quantity))
    assert (again.value, again.unit, again.qualifiers) == (
        quantity.value,
        quantity.unit,
        quantity.qualifiers,
    )


@pytest.mark.parametrize("text", TABLE["not_quantities"])
def test_rejects(text: str) -> None:
    with pytest.raises(QuantityError) as raised:
        parse_quantity(text)
    assert repr(text) in str(raised.value), "the message must name the text"


def test_quantity_error_is_a_value_error_and_re_exported() -> None:
    assert issubclass(QuantityError, ValueError)
    assert targetcheck.QuantityError is QuantityError
    assert targetcheck.parse_quantity is parse_quantity
    assert targetcheck.Quantity is Quantity


def test_one_third_is_decimal_division() -> None:
    assert parse_quantity("三分之一").value == Decimal(1) / Decimal(3)


def test_chinese_decimal_is_exact() -> None:
    value = parse_quantity("零点五").value
    assert isinstance(value, Decimal)
    assert value == Decimal("0.5")


def test_stated_value_times_stated_unit_is_value() -> None:
    from targetcheck.units import factor

    for case in TABLE["quantities"]:
        quantity = parse_quantity(case["text"])
        assert quantity.stated_value * factor(quantity.stated_unit) == quantity.value


def test_in_unit_converts() -> None:
    assert parse_quantity("40770人").in_unit("万人") == Decimal("4.077")
    assert parse_quantity("3867.6亿元").in_unit("万元") == Decimal("38676000")
    assert parse_quantity("24亿斤").in_unit("万吨") == Decimal("120")
    assert parse_quantity("52个月").in_unit("年") == Decimal(52) / Decimal(12)


def test_in_unit_refuses_another_family() -> None:
    with pytest.raises(QuantityError):
        parse_quantity("1.53个百分点").in_unit("%")
    with pytest.raises(QuantityError):
        parse_quantity("8%").in_unit("")


def test_quantity_is_frozen_and_hashable() -> None:
    quantity = parse_quantity("8%")
    with pytest.raises(AttributeError):
        quantity.value = Decimal(9)  # type: ignore[misc]
    assert quantity == parse_quantity("8%")
    assert len({quantity, parse_quantity("8%")}) == 1


def test_format_quantity_writes_arabic_digits() -> None:
    assert format_quantity(parse_quantity("两万多亩")) == "2万亩以上"
    assert format_quantity(parse_quantity("近600亿元")) == "近600亿元"
    assert format_quantity(parse_quantity("百分之十五")) == "15%"


def test_format_quantity_refuses_what_no_text_can_say() -> None:
    quantity = Quantity(
        value=Decimal(1),
        unit="",
        stated_unit="",
        stated_value=Decimal(1),
        text="",
        qualifiers=frozenset({"more-than", "just-under", "about", "at-most"}),
    )
    with pytest.raises(QuantityError):
        format_quantity(quantity)


def _modules_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(CLI)},
    )
    return set(result.stdout.split())


def test_arabic_forms_do_not_import_cn2an() -> None:
    modules = _modules_after(
        "from targetcheck.quantity import parse_quantity, iter_quantities\n"
        "for text in ['8%', '3867.6亿元', '4.5 万吨', '1.53个百分点', '超千户', '百亿元', '1/5']:\n"
        "    parse_quantity(text)\n"
        "list(iter_quantities('全市地区生产总值3867.6亿元，增长7.6%；推进“一带一路”，一批项目'))"
    )
    assert "targetcheck.quantity" in modules
    assert "cn2an" not in modules


def test_importing_the_package_does_not_import_cn2an() -> None:
    assert "cn2an" not in _modules_after("import targetcheck")


def test_chinese_numerals_do_import_cn2an() -> None:
    assert "cn2an" in _modules_after(
        "from targetcheck.quantity import parse_quantity\nparse_quantity('三千五百万元')"
    )
