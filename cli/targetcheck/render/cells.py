"""Display width of terminal text, and wrapping that respects it: CJK characters take two columns.

Rich measures this too, but importing and rendering a Rich table costs more than the whole check
on the shipped corpus (README, "Performance"), so the table is drawn here with the standard
library.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Chinese line-breaking rules (禁则): these never start a line, and these never end one.
_NO_LINE_START = frozenset("，。、；：？！）」』】〕》”’,.;:?!)]}%％…·")
_NO_LINE_END = frozenset("（「『【〔《“‘([{")
_GLUED = ("左右", "以上", "以内", "以下")  # after a number they belong to it


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@lru_cache(maxsize=8192)
def width(text: str) -> int:
    """Columns `text` takes (a table measures each cell in every layout it tries)."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


def _tokens(text: str) -> list[str]:
    """Pieces that stay on one line: an ASCII word or number (`8.5%`, `2017.gdp-growth`), one
    Chinese character, or a space; punctuation sticks to its neighbour as 禁则 require."""
    tokens: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            tokens.append(" ")
            i += 1
            continue
        if "!" <= ch <= "~":
            j = i
            while j < n and "!" <= text[j] <= "~":
                j += 1
            token, i = text[i:j], j
        elif text.startswith(_GLUED, i):  # `8%左右`, `20%以上` stay whole
            token, i = text[i : i + 2], i + 2
        else:
            token, i = ch, i + 1
        previous = tokens[-1] if tokens else " "
        glued = token in _GLUED and previous[-1:].isascii() and previous[-1:].strip() != ""
        if previous != " " and (glued or token[0] in _NO_LINE_START or previous[-1] in _NO_LINE_END):
            tokens[-1] = previous + token
        else:
            tokens.append(token)
    return tokens


def _cut(token: str, limit: int) -> tuple[str, str]:
    """The longest head of `token` that fits `limit` columns (at least one character)."""
    used = 0
    for k, ch in enumerate(token):
        used += char_width(ch)
        if used > limit:
            return token[: max(k, 1)], token[max(k, 1) :]
    return token, ""


def wrap(text: str, limit: int) -> list[str]:
    """Break `text` into lines of at most `limit` columns: between Chinese characters or at
    spaces, never inside a number or an ASCII word unless it is longer than a line, and never
    before a closing mark (`，` `。` `%`)."""
    if limit <= 0 or width(text) <= limit:
        return [text]
    lines: list[str] = []
    current, used = "", 0
    for token in _tokens(text):
        size = width(token)
        if token == " ":
            if current:
                current, used = current + " ", used + 1
            continue
        if used + size <= limit:
            current, used = current + token, used + size
            continue
        if current.strip():
            lines.append(current.rstrip())
        while size > limit:
            head, token = _cut(token, limit)
            lines.append(head)
            size = width(token)
        current, used = token, size
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def pad(text: str, size: int, right: bool = False) -> str:
    gap = max(0, size - width(text))
    return (" " * gap + text) if right else (text + " " * gap)
