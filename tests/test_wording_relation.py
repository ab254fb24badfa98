"""Relations to GDP growth as reports word them (`wording.parse_terms`)."""

from __future__ import annotations

import pytest

from targetcheck.wording import Comparator, parse_terms


@pytest.mark.parametrize(
    ("quote", "how"),
    [
        ("城乡居民收入增长与经济增长基本同步", "基本同步"),
        ("居民人均可支配收入增长与经济增长同步", "同步"),
        ("居民收入增长和经济增长同步", "同步"),
        ("居民收入增长和经济增长基本同步", "基本同步"),
        ("居民收入增长同经济增长保持同步", "同步"),
        ("城乡居民收入增长快于经济增长", "快于"),
    ],
)
def test_relation_wordings(quote: str, how: str) -> None:
    terms = parse_terms(quote)
    assert terms.comparator is Comparator.RELATION
    assert terms.reference == "gdp-growth"
    assert terms.relation_wording == how
