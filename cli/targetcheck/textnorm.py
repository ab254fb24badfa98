"""Character-level normalisation used for matching everywhere.

Reports arrive with full-width digits and letters (`２０１７`, `８％`, `ＧＤＰ`), ideographic spaces
and PDF spacing between numbers and units (`200 个以上`). Matching runs on a normalised form in
which:

- full-width ASCII forms U+FF01..U+FF5E become ASCII *except* the CJK punctuation that Chinese
  text uses natively (，。；：（）！？ stay as they are, so quotes and patterns read naturally);
- whitespace (ASCII, U+3000, NBSP, tabs) is dropped, unless it separates two ASCII letters or
  digits (`Model 3` keeps one space).

`normalize_with_map` also returns, for every character kept, its index in the original string,
so quotes can be traced back to the line a person would open.
"""

from __future__ import annotations

# Full-width characters that are the native punctuation of Chinese prose: keep them.
_KEEP_FULLWIDTH = set("，；：（）！？")
_FULLWIDTH_TABLE = {
    cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH
}
# A few look-alikes that occur in numbers.
_FULLWIDTH_TABLE.update(
    {
        0x3002: 0x3002,  # 。 stays
        0x2212: ord("-"),  # minus sign
        0xFF61: 0x3002,  # half-width ideographic full stop
    }
)
_WHITESPACE = set(" \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\x0b\x0c")


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def normalize_chars(text: str) -> str:
    """Full-width ASCII forms to ASCII; nothing else changes (same length)."""
    return text.translate(_FULLWIDTH_TABLE)


def normalize(text: str) -> str:
    """The matching form of `text` (see the module docstring)."""
    return normalize_with_map(text)[0]


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Return the matching form of `text` and, per kept character, its index in `text`."""
    chars = normalize_chars(text)
    if not any(ch in _WHITESPACE for ch in chars):
        return chars, list(range(len(chars)))
    out: list[str] = []
    index: list[int] = []
    i, n = 0, len(chars)
    while i < n:
        ch = chars[i]
        if ch not in _WHITESPACE:
            out.append(ch)
            index.append(i)
            i += 1
            continue
        j = i
        while j < n and chars[j] in _WHITESPACE:
            j += 1
        before = out[-1] if out else ""
        after = chars[j] if j < n else ""
        if before and after and _is_ascii_alnum(before) and _is_ascii_alnum(after):
            out.append(" ")
            index.append(i)
        i = j
    return "".join(out), index
