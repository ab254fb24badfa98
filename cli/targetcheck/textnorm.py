"""Character-level normalisation used for matching everywhere.

Reports arrive with full-width digits and letters (`２０１７`, `８％`, `ＧＤＰ`), ideographic spaces
and PDF spacing between numbers and units (`200 个以上`). Matching runs on a normalised form in
which:

- full-width ASCII forms U+FF01..U+FF5E become ASCII *except* the CJK punctuation that Chinese
  text uses natively (，。；：（）！？ stay as they are, so quotes and patterns read naturally);
- whitespace (ASCII, U+3000, NBSP, tabs) is dropped, unless it separates two ASCII letters or
  digits (`Model 3` keeps one space).

`normalize_with_segments` also returns a compact map back to the original string, so quotes can
be traced back to the line and column a person would open.
"""

from __future__ import annotations

import re

# Full-width characters that are the native punctuation of Chinese prose: keep them.
_KEEP_FULLWIDTH = set("，；：（）！？")
_FULLWIDTH_TABLE = {
    cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH
}
# A few look-alikes that occur in numbers.
_FULLWIDTH_TABLE.update(
    {
        0x2212: ord("-"),  # minus sign
        0xFF61: 0x3002,  # half-width ideographic full stop
    }
)
_WHITESPACE = set(" \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\x0b\x0c")


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _char_class(codepoints: list[int]) -> str:
    """A character class of ranges (`[\uff01-\uff07…]`): a class of 96 single characters costs
    ten times as much to compile, on every run."""
    runs: list[list[int]] = []
    for cp in sorted(codepoints):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs) + "]"


_NEEDS_TRANSLATION = re.compile(_char_class(list(_FULLWIDTH_TABLE)))


def normalize_chars(text: str) -> str:
    """Full-width ASCII forms to ASCII; nothing else changes (same length)."""
    if not _NEEDS_TRANSLATION.search(text):
        return text  # the common case, and much faster than translate()
    return text.translate(_FULLWIDTH_TABLE)


def normalize(text: str) -> str:
    """The matching form of `text` (see the module docstring)."""
    return normalize_with_segments(text)[0]


_SPACE_RUN = re.compile("[" + "".join(sorted(_WHITESPACE)) + "]+")


def normalize_with_segments(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Return the matching form of `text` and its map back to `text`.

    The map is a list of `(normalised_start, original_start)` pairs, one per run of characters
    that were copied one for one; a character at normalised offset `i` in the run that starts at
    `(n0, o0)` stood at `o0 + (i - n0)` in `text`. Runs break only where whitespace was dropped,
    so the map stays small even for very large texts.
    """
    chars = normalize_chars(text)
    out: list[str] = []
    segments: list[tuple[int, int]] = [(0, 0)]
    kept = 0  # length of the normalised text so far
    pos = 0
    for match in _SPACE_RUN.finditer(chars):
        start, end = match.span()
        out.append(chars[pos:start])
        kept += start - pos
        before = chars[start - 1] if start else ""
        after = chars[end] if end < len(chars) else ""
        if before and after and _is_ascii_alnum(before) and _is_ascii_alnum(after):
            out.append(" ")
            kept += 1
            if end - start > 1:
                segments.append((kept, end))
        else:
            segments.append((kept, end))
        pos = end
    out.append(chars[pos:])
    return "".join(out), segments


def original_offset(segments: list[tuple[int, int]], offset: int) -> int:
    """Map a normalised offset back to the original string (see `normalize_with_segments`)."""
    lo, hi = 0, len(segments) - 1
    while lo < hi:  # last segment whose normalised start is <= offset
        mid = (lo + hi + 1) // 2
        if segments[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    n0, o0 = segments[lo]
    return o0 + (offset - n0)
