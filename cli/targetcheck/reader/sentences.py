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
from targetcheck.reader.sections import Tag

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


class Item(NamedTuple):
    """One item of evidence: the text between two `。`/`；`, inside one paragraph."""

    paragraph: int  # paragraph index
    start: int  # offsets into the paragraph's normalised text
    end: int
    text: str  # normalised text of the item (no terminator)
    sentence_start: int  # where its sentence (to the `。`) starts in the paragraph
    tag: Tag

    def clause_bounds(self) -> list[tuple[int, int]]:
        """(start, end) offsets of the comma clauses, relative to the item text."""
        return clause_bounds(self.text)


def index_items(paragraphs: list[Paragraph], tags: list[Tag]) -> list[Item]:
    items: list[Item] = []
    for p, tag in zip(paragraphs, tags, strict=True):
        text = p.text
        pos = 0
        sentence_start = 0
        for match in _ITEM_END.finditer(text):
            if match.start() > pos:
                items.append(Item(p.index, pos, match.start(), text[pos : match.start()], sentence_start, tag))
            pos = match.end()
            if not match.group().startswith(("；", ";")):
                sentence_start = pos
        if pos < len(text):
            items.append(Item(p.index, pos, len(text), text[pos:], sentence_start, tag))
    return items
