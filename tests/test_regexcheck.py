"""`check_regex` validates targets.yaml patterns without compiling them: it must refuse exactly
what `re.compile` refuses."""

from __future__ import annotations

import re

import pytest

from targetcheck.regexcheck import check_regex

PATTERNS = [
    "(?<!城建)(?:重点|重大)项目", "abc(", "[z-a]", "(?<=a|bc)x", "(?<=[^x]{0,3})y", "(?<=ab)c", "a{2,3}",
    "(?<!(?:ab|cd))e", "(?<!a(?=b|cd))e", "x(?P<n>a)(?P=n)", "*a", "a)", "(?<=a{2})b", "光伏[^；。]{0,60}?本地配套率",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_refuses_what_re_refuses(pattern: str) -> None:
    try:
        re.compile(pattern)
        compiles = True
    except re.error:
        compiles = False
    error, _problem = check_regex(pattern)
    assert (error is None) == compiles


def test_refuses_exponential_shapes() -> None:
    assert check_regex("(a+)+b")[1] is not None
    assert check_regex("(a|ab)+c")[1] is not None
    assert check_regex("(?:新建|建成)(?:4G|5G)?基站") == (None, None)
