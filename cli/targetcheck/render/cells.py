"""Display width of terminal text: CJK characters take two columns.

Rich measures this too, but importing and rendering a Rich table costs more than the whole check
on the shipped corpus (README, "Performance"), so the table is drawn here with the standard
library.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def wrap(text: str, limit: int) -> list[str]:
    """Break `text` into lines of at most `limit` columns (at spaces when it can, else anywhere)."""
    if limit <= 0 or width(text) <= limit:
        return [text]
    lines: list[str] = []
    current, current_width = "", 0
    for ch in text:
        w = char_width(ch)
        if current_width + w > limit:
            cut = current.rfind(" ")
            if cut > 0 and current.isascii():
                lines.append(current[:cut])
                current = current[cut + 1 :]
                current_width = width(current)
            else:
                lines.append(current)
                current, current_width = "", 0
        current += ch
        current_width += w
    if current:
        lines.append(current)
    return lines


def pad(text: str, size: int, right: bool = False) -> str:
    gap = max(0, size - width(text))
    return (" " * gap + text) if right else (text + " " * gap)
