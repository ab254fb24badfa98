"""Properties: nothing crashes the parser, formatting round-trips, conversions invert."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from targetcheck.errors import QuantityError
from targetcheck.quantity import (
    QUALIFIERS,
    Quantity,
    format_quantity,
    iter_quantities,
    parse_quantity,
)
from targetcheck.units import MAGNITUDES, UNIT_NAMES, base_unit, compatible, convert, factor

# Characters that quantities are made of, so that random text often comes close to one.
QUANTITY_ALPHABET = (
    "0123456789.,-/:+%％０１２５．−"
    "〇零一二两三四五六七八九十百千万亿点分之"
    "多余近超约逾以上内下左右不足到过将接大至"
    "个家户套台人元吨米亩倍年月日天届第号级周G MT"
    "“”《》，。、 \u3000"
)
quantity_like_text = st.text(alphabet=QUANTITY_ALPHABET, max_size=40)
any_text = st.text(max_size=40)

units = st.sampled_from(
    [
        "",
        *UNIT_NAMES,
        *(m + u for m in ("万", "亿", "千万", "万亿") for u in ("元", "吨", "人", "")),
    ]
)
values = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=6
)
# The qualifier sets a text can carry: a prefix word, 多/余 after the number, a suffix word.
parseable_qualifiers = st.builds(
    lambda prefix, more, suffix: frozenset(q for q in (prefix, more, suffix) if q),
    st.sampled_from([None, *sorted(QUALIFIERS)]),
    st.sampled_from([None, "more-than"]),
    st.sampled_from([None, "more-than", "about", "at-most"]),
)


@settings(deadline=None, max_examples=300)
@given(st.one_of(quantity_like_text, any_text))
def test_parse_raises_only_quantity_error(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except QuantityError:
        return
    assert isinstance(quantity.value, Decimal)
    assert quantity.qualifiers <= QUALIFIERS


@settings(deadline=None, max_examples=300)
@given(st.one_of(quantity_like_text, any_text))
def test_iter_never_crashes_and_spans_are_sound(text: str) -> None:
    previous_end = 0
    for start, end, quantity in iter_quantities(text):
        assert previous_end <= start < end <= len(text)
        assert quantity.text == text[start:end]
        previous_end = end


@settings(deadline=None, max_examples=300)
@given(values, units, parseable_qualifiers)
def test_format_then_parse_keeps_value_unit_and_qualifiers(
    value: Decimal, unit: str, qualifiers: frozenset[str]
) -> None:
    quantity = Quantity(
        value=convert(value, unit, base_unit(unit)),
        unit=base_unit(unit),
        stated_unit=unit,
        stated_value=value,
        text="",
        qualifiers=qualifiers,
    )
    again = parse_quantity(format_quantity(quantity))
    assert (again.value, again.unit, again.qualifiers) == (
        quantity.value,
        quantity.unit,
        qualifiers,
    )


def _terminates(source: str, target: str) -> bool:
    """Whether one `source` is a terminating decimal number of `target`s (not 1 亩 in 公顷)."""
    ratio = Fraction(factor(source)) / Fraction(factor(target))
    denominator = ratio.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


@settings(deadline=None, max_examples=300)
@given(values, units, units)
def test_conversions_invert(value: Decimal, source: str, target: str) -> None:
    assume(compatible(source, target))
    back = convert(convert(value, source, target), target, source)
    if _terminates(source, target):
        assert back == value
    else:  # rounded to 28 significant digits on the way there
        assert abs(back - value) <= abs(value) * Decimal("1e-26")


@settings(deadline=None)
@given(st.sampled_from(sorted(MAGNITUDES)), st.integers(min_value=1, max_value=99))
def test_magnitudes_fold_into_the_value(magnitude: str, number: int) -> None:
    quantity = parse_quantity(f"{number}{magnitude}元")
    assert quantity.value == number * MAGNITUDES[magnitude]
    assert quantity.stated_unit == f"{magnitude}元"
