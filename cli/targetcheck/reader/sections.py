"""Sections of a report: what each paragraph is about, and for which year.

A report for year T reviews year T-1 (outcomes) and sets targets and tasks for year T
(commitments). The first report of a congress term, and the one closing a five-year plan, review
five years first (`过去五年工作回顾`, `本届政府工作回顾`, `“十四五”时期和2025年工作回顾`): their
five-year totals and averages must never pass for last year's figures, so every paragraph of a
review is tagged with the period it speaks of, from the section heading and from the markers
that open the paragraph (`过去五年，…` / `2017年，…`, `过去一年，…`, `这一年，…`).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

from targetcheck.lazyregex import lazy
from targetcheck.reader.paragraphs import Paragraph


class Kind(StrEnum):
    PREAMBLE = "preamble"  # before the first section heading
    REVIEW = "review"  # last year's review: outcomes of year T-1
    REVIEW_MULTIYEAR = "review-multiyear"  # five-year review passages
    TARGETS = "targets"  # this year's targets (the headline sentence and its section)
    TASKS = "tasks"  # this year's tasks: more commitments for year T
    PLAN_MULTIYEAR = "plan-multiyear"  # goals for the next five years
    OTHER = "other"  # government self-building, closing words …


REVIEW_KINDS = (Kind.REVIEW, Kind.REVIEW_MULTIYEAR)
PLAN_KINDS = (Kind.TARGETS, Kind.TASKS)

_TOP_HEADING = lazy(
    r"^(?:(?P<num>[一二三四五六七八九十]{1,3})[、．.]|第(?P<part>[一二三四五六七八九十]{1,3})(?:部分|章))\s*(?P<title>[^。；]{2,45})$"
)
_SUB_HEADING = lazy(r"^[（(][一二三四五六七八九十]{1,3}[)）]")
_MULTI = r"(?:过去|近|前|这)五年|五年来|五年间|本届政府|十[一二三四五六]五|“十.五”|时期"
# The sentence that opens the headline targets, in the ways reports word it:
# `今年主要预期目标是：`, `今年全市经济社会发展的主要预期目标为`, `2024年经济社会发展主要预期目标是`,
# `今年发展的主要预期目标是，`, `今年经济社会发展主要预期目标建议为：`. `year` is set when the
# sentence names its year in digits (a report may quote another year's targets: compare it).
_HEADLINE = lazy(
    r"(?:今年|全年|(?P<year>\d{4})年)度?(?:全[市省区盟州县旗]|我[市省区盟州县旗]|本[市区])?的?"
    r"(?:经济社会发展|国民经济和社会发展|经济和社会发展|发展)?的?主要(?:预期)?目标(?:任务)?"
    r"(?:(?:建议|拟|初步)?(?:是|为|定为|确定为|如下)[:：，,]?|[:：])"
)
_PARA_MULTI = lazy(
    r"(?:过去|近|这)五年|五年来|五年间|本届政府(?:任期)?(?:以来|五年)?|“?十[一二三四五]五”?(?:时期|期间|以来)"
)
_PARA_YEAR = lazy(
    r"(?:过去|刚刚过去)的?一年|一年来|这一年|去年|(?P<y>\d{4})年(?:[，,是里]|以来|全年|我们|全市)"
)
# Inside a review paragraph, a sentence (or `；` item) that *opens* with a period marker switches
# the period of that sentence and of the ones after it, to the paragraph's end: five-year
# paragraphs are written `（一）….过去五年，…年均增长7.1%…。2017年，…。初步核算，全年实现…`, and
# the figures after `2017年，` are the year's. Only an opening counts (after a connective such as
# `同时，`): `…比去年增长8%` or `…其中2017年改造38960户` in mid-sentence switch nothing.
_SENTENCE_LEAD = lazy(r"(?:与此同时|同时|此外|另外|特别是|尤其是|在此基础上)?[，,、]?")
_OPEN_YEAR = lazy(
    r"(?:(?:刚刚)?过去的?一年|一年来|这一年|去年|(?:刚刚过去的)?(?P<y>\d{4})年(?:[，,是里]|以来|全年|我们|全市))"
)


class Section(NamedTuple):
    kind: Kind
    year: int | None  # the year the passage is about (None for five-year passages)
    title: str  # the heading, or "" where the section was inferred
    first_line: int
    last_line: int
    paragraphs: tuple[int, ...]  # paragraph indices
    # A five-year section whose paragraphs go on about the reviewed year sentence by sentence
    # (`…五年来，…。2017年，…`): that year, whose sentences the outcome finder reads as its review.
    woven_year: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": str(self.kind),
            "year": self.year,
            "title": self.title,
            "lines": [self.first_line, self.last_line],
            "woven_year": self.woven_year,
        }


class Tag(NamedTuple):
    """What one paragraph is about."""

    kind: Kind
    year: int | None
    headline: bool = False  # holds the headline-target sentence


def headline_phrase(text: str) -> re.Match[str] | None:
    """The opening of the headline-target sentence in `text` (normalised), if any: the targets
    follow `match.end()`; `match.group("year")` is the year it names in digits, or None."""
    return _HEADLINE.search(text)


def is_headline_paragraph(text: str) -> bool:
    return bool(_HEADLINE.search(text[:80]))


def _classify_heading(title: str, year: int) -> tuple[Kind, int | None, bool]:
    """Kind and year for a top-level heading; the bool says 'mixed five-year and last-year'."""
    years = [int(y) for y in re.findall(r"(\d{4})年", title)]
    multi = bool(re.search(_MULTI, title)) or "今后五年" in title or "未来五年" in title
    if re.search(r"回顾|总结|成绩|工作情况", title):
        if multi and (year - 1) in years:
            return Kind.REVIEW_MULTIYEAR, None, True
        if multi:
            return Kind.REVIEW_MULTIYEAR, None, False
        return Kind.REVIEW, year - 1, False
    if re.search(r"今后五年|未来五年|十[四五六]五|“十.五”|五年(?:的)?(?:奋斗)?目标", title) and not (
        year in years or "今年" in title
    ):
        return Kind.PLAN_MULTIYEAR, None, False
    if re.search(r"目标|总体要求|预期", title) and not re.search(r"任务|安排|工作", title):
        return Kind.TARGETS, year, False
    if year in years or "今年" in title or re.search(r"工作安排|主要任务|重点工作|工作部署|目标任务", title):
        if years and year not in years and "今年" not in title:
            return Kind.OTHER, None, False
        return Kind.TASKS, year, False
    return Kind.OTHER, None, False


def _paragraph_period(text: str, year: int) -> str | None:
    """'multi' or 'year' when the paragraph opens with a period marker, else None.

    The marker must come early (`2017年是本届政府任期的最后一年` opens a paragraph about 2017:
    the year comes before `本届政府`, and the earliest marker wins).
    """
    head = text[:14]
    multi = _PARA_MULTI.search(head)
    single = _PARA_YEAR.search(head)
    if single and (multi is None or single.start() < multi.start()):
        y = single.group("y")
        if y is None or int(y) == year - 1:
            return "year"
        return "multi" if int(y) < year - 1 else None
    if multi:
        return "multi"
    return None


def sentence_period(text: str, year: int) -> str | None:
    """'year' when `text` (a sentence or `；` item of a review paragraph) opens with a marker of
    the reviewed year (`2017年，`, `过去一年，`, `这一年，`, `去年，`, `一年来，`), 'multi' when it
    opens with a five-year marker (`五年来`, `过去五年`, `本届政府…`, `“十三五”以来`), else None.
    A year before the reviewed one (`2013年以来，`) opens a multi-year passage."""
    head = text[_SENTENCE_LEAD.match(text).end() :]  # type: ignore[union-attr]
    single = _OPEN_YEAR.match(head)
    if single:
        y = single.group("y")
        if y is None or int(y) == year - 1:
            return "year"
        return "multi" if int(y) < year - 1 else None
    if _PARA_MULTI.match(head):
        return "multi"
    return None


def period_tag(tag: Tag, period: str | None, year: int) -> Tag:
    """The tag of a review sentence whose period marker is `period` (see `sentence_period`)."""
    if tag.kind not in REVIEW_KINDS or period is None:
        return tag
    if period == "year":
        return Tag(Kind.REVIEW, year - 1, tag.headline)
    return Tag(Kind.REVIEW_MULTIYEAR, None, tag.headline)


def tag_paragraphs(paragraphs: list[Paragraph], year: int) -> tuple[list[Tag], list[str]]:
    """Tag every paragraph of a report for year `year`; also return warnings."""
    headings = [
        (p.index, m) for p in paragraphs if (m := _TOP_HEADING.match(p.text)) and len(p.text) <= 50
    ]
    warnings: list[str] = []
    tags: list[Tag] = []
    if not any(_classify_heading(m.group("title"), year)[0] in REVIEW_KINDS + PLAN_KINDS for _, m in headings):
        return _infer_without_headings(paragraphs, year), ["no section headings found: sections inferred"]
    heading_at = dict(headings)
    kind, period_year, mixed = Kind.PREAMBLE, None, False
    for p in paragraphs:
        match = heading_at.get(p.index)
        if match is not None:
            kind, period_year, mixed = _classify_heading(match.group("title"), year)
            tags.append(Tag(kind, period_year))
            continue
        headline = is_headline_paragraph(p.text)
        if kind in REVIEW_KINDS:
            marker = _paragraph_period(p.text, year)
            if _SUB_HEADING.match(p.text) and len(p.text) <= 40:
                marker = "year" if str(year - 1) in p.text else ("multi" if re.search(_MULTI, p.text) else marker)
            if marker == "multi":
                kind, period_year = Kind.REVIEW_MULTIYEAR, None
            elif marker == "year":
                kind, period_year = Kind.REVIEW, year - 1
            tags.append(Tag(kind, period_year))
        elif kind in PLAN_KINDS:
            tags.append(Tag(Kind.TARGETS if headline else kind, year, headline))
        elif headline and kind in (Kind.PREAMBLE, Kind.OTHER):
            tags.append(Tag(Kind.TARGETS, year, True))
        else:
            tags.append(Tag(kind, period_year if kind != Kind.OTHER else None))
    del mixed
    return tags, warnings


def _infer_without_headings(paragraphs: list[Paragraph], year: int) -> list[Tag]:
    """No usable headings: review until the plan starts (headline sentence or `今年…`)."""
    plan_start = next(
        (p.index for p in paragraphs if is_headline_paragraph(p.text)), None
    )
    if plan_start is None:
        plan_start = next(
            (p.index for p in paragraphs if (re.match(r"^(?:今年|\d{4}年)是", p.text) and str(year) in p.text[:6]) or p.text.startswith("今年是")),
            len(paragraphs),
        )
    tags = []
    kind, period_year = Kind.PREAMBLE, None
    for p in paragraphs:
        if p.index >= plan_start:
            headline = is_headline_paragraph(p.text)
            tags.append(Tag(Kind.TARGETS if headline else Kind.TASKS, year, headline))
            continue
        marker = _paragraph_period(p.text, year)
        if marker == "multi":
            kind, period_year = Kind.REVIEW_MULTIYEAR, None
        elif marker == "year":
            kind, period_year = Kind.REVIEW, year - 1
        tags.append(Tag(kind, period_year))
    return tags


def group_sections(paragraphs: list[Paragraph], tags: list[Tag]) -> list[Section]:
    """Contiguous runs of paragraphs with the same kind and year, with their headings."""
    sections: list[Section] = []
    run: list[int] = []
    title = ""

    def flush() -> None:
        if not run:
            return
        tag = tags[run[0]]
        sections.append(
            Section(tag.kind, tag.year, title, paragraphs[run[0]].first_line, paragraphs[run[-1]].last_line, tuple(run))
        )

    for p, tag in zip(paragraphs, tags, strict=True):
        heading = _TOP_HEADING.match(p.text) if len(p.text) <= 50 else None
        if run and (heading or (tags[run[0]].kind, tags[run[0]].year) != (tag.kind, tag.year)):
            flush()
            run = []
            title = ""
        if heading:
            title = p.text
        run.append(p.index)
    flush()
    return sections
