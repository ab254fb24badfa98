"""The evidence index: sentences and their clauses, each traceable to a file line.

Outcomes are listed in long sentences (`全市地区生产总值3867.6亿元，增长7.6%；固定资产投资…；…`):
semicolons separate the items, commas the clauses of one item. An *item* (text between `。` and
`；`) is the unit that markers such as `预计` or `前三季度` apply to, and the unit quoted as
evidence.
"""

from __future__ import annotations

from typing import NamedTuple

from targetcheck.lazyregex import lazy
from targetcheck.reader.paragraphs import Paragraph
from targetcheck.reader.sections import REVIEW_KINDS, Tag, period_tag, sentence_period

# Sentence and item ends. A full stop inside a number (`3.5`) is not a sentence end.
# (The look-behind comes after the dot: the search then skips to the next mark at once.)
_ITEM_END = lazy(r"[。！？!?；;]+[”’」』）)]*|\.(?<!\d\.)(?!\d)")
# Clause separators: Chinese commas and colons; an ASCII comma not used as a thousands separator.
CLAUSE_SEP = lazy(r"[，：:]|,(?!\d{3}(?!\d))")


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the comma clauses of `text` (an item, or any run of clauses)."""
    bounds, pos = [], 0
    for match in CLAUSE_SEP.finditer(text):
        bounds.append((pos, match.start()))
        pos = match.end()
    bounds.append((pos, len(text)))
    return bounds


# A report's longest items are a few hundred characters. Text without sentence punctuation (a
# damaged extraction, one enormous line) is cut into items of at most this many characters, at
# the last clause separator where there is one: every rule (and every regular expression in
# targets.yaml) then runs on bounded text, and the run stays linear in the size of the file.
MAX_ITEM_CHARS = 1000
# Markers such as `预计` hold over the items of their sentence; an item looks back at most this far
# for them, so that a sentence that never ends (damaged text) costs linear time, not quadratic.
MAX_SENTENCE_LEAD = 4 * MAX_ITEM_CHARS
_SOFT_BREAK = lazy(r"[，、：,:；;\s]")


class Item(NamedTuple):
    """One item of evidence: the text between two `。`/`；`, inside one paragraph."""

    paragraph: int  # paragraph index
    start: int  # offsets into the paragraph's normalised text
    end: int
    text: str  # normalised text of the item (no terminator)
    sentence_start: int  # where its sentence (to the `。`) starts, at most MAX_SENTENCE_LEAD before it
    tag: Tag

    def clause_bounds(self) -> list[tuple[int, int]]:
        """(start, end) offsets of the comma clauses, relative to the item text."""
        return clause_bounds(self.text)


def index_items(paragraphs: list[Paragraph], tags: list[Tag], year: int | None = None) -> list[Item]:
    """The items of every paragraph. With the report's `year`, an item of a review paragraph gets
    the period of its sentence rather than the paragraph's: a sentence that opens with a marker
    of the reviewed year (`2017年，`, `过去一年，`) or of five years (`五年来，`) switches the
    period of the items from there to the paragraph's end (`sections.sentence_period`)."""
    items: list[Item] = []
    for p, paragraph_tag in zip(paragraphs, tags, strict=True):
        text = p.text
        pos = 0
        sentence_start = 0
        tag = paragraph_tag
        review = year is not None and paragraph_tag.kind in REVIEW_KINDS
        for match in _ITEM_END.finditer(text):
            if match.start() > pos:
                if review:
                    tag = period_tag(tag, sentence_period(text[pos : pos + 40], year), year)  # type: ignore[arg-type]
                _append(items, p.index, text, pos, match.start(), sentence_start, tag)
            pos = match.end()
            if not match.group().startswith(("；", ";")):
                sentence_start = pos
        if pos < len(text):
            if review:
                tag = period_tag(tag, sentence_period(text[pos : pos + 40], year), year)  # type: ignore[arg-type]
            _append(items, p.index, text, pos, len(text), sentence_start, tag)
    return items


def _append(items: list[Item], paragraph: int, text: str, start: int, end: int, sentence_start: int, tag: Tag) -> None:
    if end - start <= MAX_ITEM_CHARS and start - sentence_start <= MAX_SENTENCE_LEAD:  # a real sentence
        items.append(Item(paragraph, start, end, text[start:end], sentence_start, tag))
        return
    for piece_start, piece_end in _bounded(text, start, end):
        lead = max(sentence_start, piece_start - MAX_SENTENCE_LEAD)
        items.append(Item(paragraph, piece_start, piece_end, text[piece_start:piece_end], lead, tag))


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) as one span, or cut into spans of at most MAX_ITEM_CHARS (see there)."""
    spans = []
    while end - start > MAX_ITEM_CHARS:
        limit = start + MAX_ITEM_CHARS
        cut = limit
        for match in _SOFT_BREAK.finditer(text, start + MAX_ITEM_CHARS // 2, limit):
            cut = match.end()
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans
