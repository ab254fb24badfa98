"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; binary refused."""

from __future__ import annotations

import codecs
import unicodedata
from typing import NamedTuple

from targetcheck.lazyregex import lazy


class NotText(Exception):
    """The bytes are not a text report (empty, binary, or an encoding we do not read)."""


class Decoded(NamedTuple):
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030"


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
        raise NotText("binary data (NUL bytes)")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    raise NotText("not UTF-8, UTF-16 or GB18030 text")


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
    return Decoded(text, encoding)


_LINE_BREAK = lazy(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: CRLF, CR and LF all end a line (form feeds do not)."""
    lines = _LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
