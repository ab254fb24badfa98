"""Lines to paragraphs, repairing page-break damage, with a map back to file lines.

Reports copied from PDFs break a paragraph wherever the page ended, mid-word or mid-number:

    …推动教育、医疗、文化“三个高地”建
    (blank)
    设取得更多标志性成果…

A line that does not end a sentence, is not a heading, and is followed (after blank lines or a
page-number line) by a line that is not a heading either, continues in that next line: the two
are joined. Each paragraph keeps, per joined piece, where it came from, so any offset in the
paragraph maps back to the file line a person would open.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from targetcheck.lazyregex import lazy
from targetcheck.reader.header import is_date_line
from targetcheck.textnorm import normalize_with_segments, original_offset

# A line ending in one of these ends its paragraph (closing quotes/brackets are looked through).
_TERMINATORS = set("。！？!?；;：:…")
_CLOSERS = set("”’」』）)】》\"'")
_HEADING = lazy(
    r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+(?:部分|章|节)|[0-9]{1,2}[、．.](?!\d))"
)
_PAGE_NUMBER = lazy(
    r"^\s*(?:[-—–－―~·•]*\s*\d{1,4}\s*[-—–－―~·•]*|第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d{1,4}\s*页?)?|\d{1,4}\s*[/／]\s*\d{1,4})\s*$"
)
_INNER_PUNCT = lazy(r"[，。；,;！？]")


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line))


_MAX_HEADING = 60  # characters


# A heading never holds a sentence end: `（二）重点产业集群扩规提质。三大…，稀土新材` is a paragraph
# that opens with a run-in heading, and a page break after it must be repaired like any other.
_SENTENCE_END = lazy(r"[。！？!?；;]")


def looks_like_heading(text: str) -> bool:
    """A numbered heading, or a short line without sentence punctuation (a title)."""
    stripped = text.strip()
    if _HEADING.match(stripped) and len(stripped) <= _MAX_HEADING and not _SENTENCE_END.search(stripped):
        return True
    return len(stripped) <= 25 and not _INNER_PUNCT.search(stripped)


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in _TERMINATORS


@dataclass
class Paragraph:
    """One paragraph in matching form, with the pieces of file lines it was built from."""

    index: int
    text: str  # normalised (see targetcheck.textnorm)
    starts: list[int] = field(repr=False)  # offset in `text` where each piece begins
    pieces: list[tuple[int, str, list[tuple[int, int]]]] = field(repr=False)
    # per piece: (file line number, original line text, normalisation segments)

    @property
    def first_line(self) -> int:
        return self.pieces[0][0]

    @property
    def last_line(self) -> int:
        return self.pieces[-1][0]

    def _piece(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def line_at(self, offset: int) -> int:
        """File line number (1-based) of the character at `offset` in `text`."""
        return self.pieces[self._piece(offset)][0]

    def original(self, start: int, end: int) -> str:
        """The text as the file has it between two offsets of `text` (pieces joined)."""
        if end <= start:
            return ""
        first, last = self._piece(start), self._piece(max(start, end - 1))
        out = []
        for k in range(first, last + 1):
            _line_no, raw, segments = self.pieces[k]
            piece_start = self.starts[k]
            piece_end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            a = max(start, piece_start) - piece_start
            b = min(end, piece_end) - piece_start
            oa = original_offset(segments, a)
            ob = original_offset(segments, b - 1) + 1 if b > a else oa
            out.append(raw[oa:ob])
        return "".join(out).strip()


def build_paragraphs(lines: list[tuple[int, str]]) -> list[Paragraph]:
    """Paragraphs from (file line number, line text) pairs, page breaks repaired."""
    paragraphs: list[Paragraph] = []
    current: list[tuple[int, str, str, list[tuple[int, int]]]] = []  # (no, raw, norm, segments)

    def flush() -> None:
        if not current:
            return
        text_parts, starts, pieces = [], [], []
        offset = 0
        for number, raw, norm, segments in current:
            starts.append(offset)
            pieces.append((number, raw, segments))
            text_parts.append(norm)
            offset += len(norm)
        paragraphs.append(Paragraph(len(paragraphs), "".join(text_parts), starts, pieces))
        current.clear()

    current_length = 0  # characters in `current`
    for number, raw in lines:
        norm, segments = normalize_with_segments(raw)
        if not norm:
            continue  # blank lines never end a paragraph by themselves (see below)
        if is_page_number(norm):
            continue
        if current:
            previous = current[-1][2]
            # A heading is at most 60 characters: a longer paragraph is never joined anew, which
            # keeps a paragraph of 100,000 continued lines linear.
            heading = current_length <= _MAX_HEADING and looks_like_heading("".join(piece[2] for piece in current))
            continues = (
                not ends_sentence(previous)
                and not is_date_line(previous)
                and not heading
                and not looks_like_heading(norm)
                and not is_date_line(norm)
                and not norm.startswith(("各位代表", "——", "--"))
            )
            if not continues:
                flush()
                current_length = 0
        current.append((number, raw, norm, segments))
        current_length += len(norm)
    flush()
    return paragraphs
