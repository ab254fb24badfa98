"""A report as the rest of the tool sees it, and `read_file`, which builds it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from targetcheck.files import file_bytes
from targetcheck.reader.decode import NotText, decode_bytes, split_lines
from targetcheck.reader.header import Header, is_date_line, parse_header
from targetcheck.reader.paragraphs import Paragraph, build_paragraphs, looks_like_heading
from targetcheck.reader.sections import Kind, Section, Tag, group_sections, tag_paragraphs
from targetcheck.reader.sentences import Item, index_items
from targetcheck.reader.stubs import FileScan, ReportStub
from targetcheck.textnorm import normalize, normalize_chars


@dataclass
class Report:
    """One report: header, paragraphs in matching form, sections and the evidence index."""

    file: str  # as given by the user (relative paths stay relative)
    header: Header
    paragraphs: list[Paragraph]
    tags: list[Tag]
    sections: list[Section]
    items: list[Item]
    warnings: list[str] = field(default_factory=list)
    first_line: int = 1  # first file line of this report (a file may hold several)
    _text_cache: str | None = field(default=None, repr=False, compare=False)
    _starts_cache: list[int] | None = field(default=None, repr=False, compare=False)  # of paragraphs in `text`

    @property
    def year(self) -> int:
        assert self.header.year is not None
        return self.header.year

    @property
    def city(self) -> str | None:
        return self.header.city

    @property
    def text(self) -> str:
        """All paragraphs in matching form, one per line (for counting quotes)."""
        if self._text_cache is None:
            self._text_cache = "\n".join(p.text for p in self.paragraphs)
        return self._text_cache

    def _paragraph_starts(self) -> list[int]:
        """Where each paragraph begins in `text`."""
        if self._starts_cache is None:
            offsets, position = [], 0
            for p in self.paragraphs:
                offsets.append(position)
                position += len(p.text) + 1
            self._starts_cache = offsets
        return self._starts_cache

    def paragraphs_matching(self, pattern: re.Pattern[str]) -> Iterator[int]:
        """Indices of the paragraphs where a search of `text` finds `pattern` starting (a search
        goes on from the next paragraph after each match, so every paragraph gets its own first
        match). One search per match rather than one per paragraph; the caller checks what a
        match across a line break would mean for its pattern."""
        text = self.text
        starts = self._paragraph_starts()
        count = len(starts)
        position = 0
        while position <= len(text):
            match = pattern.search(text, position)
            if match is None:
                return
            k = bisect_right(starts, match.start()) - 1
            yield k
            if k + 1 >= count:
                return
            position = starts[k + 1]

    def find_quote(self, quote: str) -> list[tuple[Paragraph, int]]:
        """Every place the quote stands, after normalising both sides: (paragraph, offset).

        One search of the whole text rather than one per paragraph (a run locates hundreds of
        quotes); paragraphs hold no line break, so a match never spans two of them."""
        needle = normalize(quote)
        if not needle or "\n" in needle:
            return []
        text = self.text
        start = text.find(needle)
        if start == -1:
            return []
        starts = self._paragraph_starts()
        hits = []
        while start != -1:
            k = bisect_right(starts, start) - 1
            hits.append((self.paragraphs[k], start - starts[k]))
            start = text.find(needle, start + 1)
        return hits

    def headline_paragraphs(self) -> list[Paragraph]:
        return [p for p, tag in zip(self.paragraphs, self.tags, strict=True) if tag.headline]

    def items_in(self, *kinds: Kind) -> list[Item]:
        return [item for item in self.items if item.tag.kind in kinds]


@dataclass
class FileReading:
    """What reading one file gave: its reports (usually one) and warnings about the file."""

    file: str
    reports: list[Report]
    warnings: list[str]
    encoding: str | None = None
    skipped: bool = False  # nothing usable in the file


def read_file(path: Path, display: str | None = None) -> FileReading:
    """Read one report file. Never raises for bad content: it warns and skips instead: a path
    that is not a regular file, or is empty or larger than `files.MAX_REPORT_BYTES`, is skipped unread
    (`files.file_bytes`). (The streamed check reads a file's reports one by one: `file_blocks`.)"""
    name = display or str(path)
    data, why = file_bytes(path)
    if data is None:
        return _skipped(name, why or "cannot be read: skipped")
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> FileReading:
    """`read_file` for bytes already read."""
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        return _skipped(name, f"not text ({exc}): skipped")
    reading = read_text(decoded.text, name)
    reading.encoding = decoded.encoding
    if decoded.note:
        reading.warnings.insert(0, decoded.note)
    return reading


@dataclass
class FileBlocks:
    """A decoded file cut into its reports, none built yet: a file that holds thousands of
    reports is decoded and cut once, and its reports built one at a time (`build_block`)."""

    blocks: list[tuple[int, list[tuple[int, str]], Header]]  # (position, numbered lines, header)


def file_blocks(data: bytes) -> FileBlocks | None:
    """The reports of a file's bytes, as `read_bytes` finds them; None for bytes that are not text."""
    try:
        decoded = decode_bytes(data)
    except NotText:
        return None
    return FileBlocks(list(_headed_blocks(decoded.text, [])))


def build_block(blocks: FileBlocks, position: int, name: str) -> Report | None:
    """The report at `position` (as `read_bytes(data, name).reports[position]`), or None."""
    if not 0 <= position < len(blocks.blocks):
        return None
    found, numbered, header = blocks.blocks[position]  # positions count the blocks from 0
    assert found == position
    return _build_report(numbered, name, header)


def _skipped(name: str, warning: str) -> FileReading:
    return FileReading(name, [], [warning], skipped=True)


def read_text(text: str, name: str) -> FileReading:
    """Read the reports in one decoded file (see `read_file`)."""
    warnings: list[str] = []
    reports = [_build_report(numbered, name, header) for _position, numbered, header in _headed_blocks(text, warnings)]
    return FileReading(name, reports, warnings, skipped=not reports)


def scan_bytes(data: bytes, name: str) -> FileScan:
    """The headers of the reports in a file's bytes (see `ReportStub`)."""
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        return FileScan(name, [], [f"not text ({exc}): skipped"], skipped=True)
    warnings: list[str] = []
    stubs = [
        ReportStub(position, header.year, header.city)  # type: ignore[arg-type]
        for position, _numbered, header in _headed_blocks(decoded.text, warnings)
    ]
    if decoded.note:  # as `read_bytes` puts it
        warnings.insert(0, decoded.note)
    return FileScan(name, stubs, warnings, decoded.encoding, skipped=not stubs)


def _headed_blocks(text: str, warnings: list[str]) -> Iterator[tuple[int, list[tuple[int, str]], Header]]:
    """(position, numbered lines, header) of each report in a decoded file, copies collapsed;
    the warnings about the file (copies, blocks without a header) are appended to `warnings`."""
    lines = split_lines(text)
    blocks, copy_warnings = _split_copies(lines)
    warnings.extend(copy_warnings)
    position = 0
    for first, last in blocks:
        numbered = [(n + 1, lines[n]) for n in range(first, last)]
        header = parse_header([normalize_chars(line) for _, line in numbered[:40]])
        if header.year is None:
            warnings.append(
                "no header: year unknown, skipped (a report opens with a line like "
                "`——2017年2月16日在包头市第十四届人民代表大会第五次会议上`)"
                if len(blocks) == 1
                else f"lines {first + 1}-{last}: no header: year unknown, skipped"
            )
            continue
        yield position, numbered, header
        position += 1


def _build_report(numbered: list[tuple[int, str]], name: str, header: Header) -> Report:
    assert header.year is not None
    paragraphs = build_paragraphs(numbered)
    tags, warnings = tag_paragraphs(paragraphs, header.year)
    items = index_items(paragraphs, tags, header.year)
    sections = _with_woven_years(group_sections(paragraphs, tags), items)
    warnings = list(header.warnings) + warnings
    if header.city is None:
        warnings.append("header names no city")
    return Report(name, header, paragraphs, tags, sections, items, warnings, numbered[0][0] if numbered else 1)


def _with_woven_years(sections: list[Section], items: list[Item]) -> list[Section]:
    """Mark the five-year sections that hold sentences about the reviewed year (see
    `sentences.index_items`), so that `reports` says where the year's figures were read."""
    woven = {item.paragraph: item.tag.year for item in items if item.tag.kind is Kind.REVIEW}
    out = []
    for section in sections:
        years = {woven[p] for p in section.paragraphs if p in woven}
        if section.kind is Kind.REVIEW_MULTIYEAR and len(years) == 1:
            section = section._replace(woven_year=years.pop())
        out.append(section)
    return out


def _split_copies(lines: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """Split a file into its reports, collapsing repeated copies of the same report.

    Returns line ranges [first, last) to read, and warnings. A file that holds the same report
    several times (byte for byte, or a copy cut short) keeps the first copy; a file that holds
    different reports (different header lines) yields each of them.
    """
    starts = [
        i for i, line in enumerate(lines) if "年" in line and "会议" in line and is_date_line(normalize_chars(line))
    ]
    if not starts:
        starts = [0]
    # A title line or two just above a header line belongs to that report.
    bounds = []
    for k, start in enumerate(starts):
        begin = start
        floor = bounds[-1][0] + 1 if bounds else 0
        while k and begin - 1 >= floor and _is_title(lines[begin - 1]):
            begin -= 1
        bounds.append((begin, start))
    begins = [0] + [b for b, _ in bounds[1:]]
    ranges = [(begins[k], begins[k + 1] if k + 1 < len(begins) else len(lines)) for k in range(len(begins))]
    ranges = [r for r in ranges if any(lines[i].strip() for i in range(*r))]

    def content(r: tuple[int, int]) -> list[str]:
        return [stripped for i in range(*r) if (stripped := lines[i].strip())]

    kept: list[tuple[int, int]] = []
    kept_content: list[list[str]] = []
    by_content: dict[tuple[str, ...], int] = {}  # the same copy: found by its lines' hash
    # A copy cut short opens like the copy it was cut from: only blocks with the same first two
    # lines are compared, so a file of thousands of different reports is split in linear time.
    by_opening: dict[tuple[str, ...], list[int]] = {}
    by_first: dict[str, list[int]] = {}
    copies: dict[int, int] = {}
    warnings: list[str] = []
    for r in ranges:
        body = content(r)
        whole = tuple(body)
        opening = whole[:2]
        # one line: any block that opens with it (blocks hold at least one line)
        candidates = by_opening.get(opening, []) if len(body) >= 2 else by_first.get(body[0], [])
        match = by_content.get(whole)
        if match is None:
            match = next(
                (k for k in candidates if len(body) < len(kept_content[k]) and kept_content[k][: len(body)] == body),
                None,
            )
        if match is None:
            kept.append(r)
            kept_content.append(body)
            by_content[whole] = len(kept) - 1
            by_opening.setdefault(opening, []).append(len(kept) - 1)
            by_first.setdefault(body[0], []).append(len(kept) - 1)
            copies[len(kept) - 1] = 1
        else:
            copies[match] += 1
    for k, count in copies.items():
        if count > 1:
            where = "" if len(kept) == 1 else f"the report at line {kept[k][0] + 1} "
            warnings.append(f"{where}repeats {count} times: using the first copy")
    if len(kept) > 1:
        warnings.append(f"holds {len(kept)} different reports: reading each")
    return kept, warnings


def _is_title(line: str) -> bool:
    text = normalize(line)
    return not text or (looks_like_heading(text) and not is_date_line(text))
