"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the NUL
bytes say which end is which), GB18030/GBK, and files that mix UTF-8 and GB18030 lines (pasted
together from two sources); binary refused."""

from __future__ import annotations

import codecs
import unicodedata
from typing import NamedTuple

from targetcheck.lazyregex import lazy


class NotText(Exception):
    """The bytes are not a text report (empty, binary, or an encoding we do not read)."""


class Decoded(NamedTuple):
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "utf-8+gb18030"
    note: str | None = None  # a warning worth passing on (a guess was made)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newlines, form feed: a few are tolerated (PDF debris).
_CONTROL = lazy(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a report file's bytes, or raise NotText saying why."""
    if not data.strip():
        raise NotText("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {encoding} byte-order mark but is not {encoding}") from exc
    if b"\x00" in data[:4096]:
        return _utf16_without_bom(data)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
    try:
        return _checked(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError:
        raise NotText("not UTF-8, UTF-16 or GB18030 text") from None


def _utf16_without_bom(data: bytes) -> Decoded:
    """Text saved as UTF-16 without a byte-order mark (NUL bytes are the high half of ASCII
    characters and newlines): read in the byte order that gives Chinese and ASCII text, not
    characters of other scripts. Anything else with NUL bytes is binary."""
    if len(data) % 2 == 0:
        head = data[:4096]
        scores = {encoding: _plain_share(head.decode(encoding, "replace")) for encoding in ("utf-16-le", "utf-16-be")}
        encoding = max(scores, key=lambda e: scores[e])
        if scores[encoding] > 0.6:
            try:
                decoded = _checked(data.decode(encoding), encoding)
            except (UnicodeDecodeError, NotText):
                pass
            else:
                return Decoded(decoded.text, encoding, f"UTF-16 without a byte-order mark: read as {encoding.upper()}")
    raise NotText("binary data (NUL bytes)")


def _plain_share(text: str) -> float:
    """Share of characters that are Chinese, CJK punctuation or printable ASCII (with newlines)."""
    plain = sum(
        1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
        or (ch.isascii() and (ch.isprintable() or ch in "\r\n\t"))
    )
    return plain / max(1, len(text))


_LINE_ENDS = lazy(rb"(\r\n|\r|\n)")
_MULTIBYTE_UTF8 = lazy(rb"[\xe0-\xef][\x80-\xbf]{2}")


def _mixed_lines(data: bytes) -> Decoded | None:
    """A file that is not UTF-8 as a whole but has lines that clearly are (two or more three-byte
    UTF-8 sequences: Chinese in UTF-8; GBK text almost never forms them by chance): each line is
    read in its own encoding, UTF-8 where it decodes, GB18030 elsewhere."""
    pieces = _LINE_ENDS.split(data)
    utf8_lines = 0
    out = []
    others = 0
    for piece in pieces:
        try:
            text = piece.decode("utf-8")
        except UnicodeDecodeError:
            others += 1
            out.append(piece.decode("gb18030", "replace"))
            continue
        if len(_MULTIBYTE_UTF8.findall(piece)) >= 2:
            utf8_lines += 1
        out.append(text)
    if not utf8_lines:
        return None
    decoded = _checked("".join(out), "utf-8+gb18030")
    note = f"mixed encodings: {others} line{'s' * (others != 1)} read as GB18030, the rest as UTF-8"
    return Decoded(decoded.text, decoded.encoding, note)


def _checked(text: str, encoding: str) -> Decoded:
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 200):
        raise NotText("binary data (control characters)")
    # Bytes that happen to decode (UTF-16 above all) still give unassigned or private-use
    # characters by the hundred; real text has next to none.
    head = sample[:4000]
    # Each distinct character once (a Chinese text repeats its characters four times over).
    odd = sum(head.count(ch) for ch in set(head) if unicodedata.category(ch) in ("Cn", "Co", "Cs"))
    if odd > max(4, len(head) // 50):
        raise NotText("binary data (not characters of any script)")
    if not text.strip():
        raise NotText("empty file")
    return Decoded(_harmless(text), encoding)


# Control characters left in a report (PDF debris, or planted: `ESC[2J` clears a terminal, a
# right-to-left override shows `7.6%` as `%6.7`) would reach the terminal inside quotes: each
# becomes a visible stand-in of the same length (`␛`, `�`), so offsets and lines stay as they are.
_STAND_INS = {code: 0x2400 + code for code in (*range(0x00, 0x09), *range(0x0E, 0x20))}
_STAND_INS |= {0x7F: 0x2421, **dict.fromkeys((*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)), 0xFFFD)}
_NEEDS_STAND_IN = lazy("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _harmless(text: str) -> str:
    return text.translate(_STAND_INS) if _NEEDS_STAND_IN.search(text) else text


_LINE_BREAK = lazy(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: CRLF, CR and LF all end a line (form feeds do not)."""
    lines = _LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
