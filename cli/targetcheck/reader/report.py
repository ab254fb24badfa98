"""A report as the rest of the tool sees it, and `read_file`, which builds it."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from targetcheck.files import file_kind, megabytes
from targetcheck.reader.decode import NotText, decode_bytes, split_lines
from targetcheck.reader.header import Header, is_date_line, parse_header
from targetcheck.reader.paragraphs import Paragraph, build_paragraphs, looks_like_heading
from targetcheck.reader.sections import Kind, Section, Tag, group_sections, tag_paragraphs
from targetcheck.reader.sentences import Item, index_items
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
    _text_cache: str | None = field(default=None, repr=False)

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

    def find_quote(self, quote: str) -> list[tuple[Paragraph, int]]:
        """Every place the quote stands, after normalising both sides: (paragraph, offset)."""
        needle = normalize(quote)
        if not needle:
            return []
        hits = []
        for p in self.paragraphs:
            start = p.text.find(needle)
            while start != -1:
                hits.append((p, start))
                start = p.text.find(needle, start + 1)
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


# No work report comes near this (the longest are about 1 MB); a larger file is a log, a dump or
# a video that landed in the corpus folder, and reading it whole would cost minutes and memory.
MAX_REPORT_BYTES = 100 * 1024 * 1024


def read_file(path: Path, display: str | None = None) -> FileReading:
    """Read one report file. Never raises for bad content: it warns and skips instead.

    Only regular files are opened (a named pipe or a device could block the run or never end);
    an empty file is skipped without opening it (which also keeps /proc-like files from
    blocking), and so is a file larger than MAX_REPORT_BYTES."""
    name = display or str(path)
    try:
        info = path.stat()
    except OSError as exc:
        return _skipped(name, f"cannot be read ({exc.strerror or exc}): skipped")
    if stat.S_ISDIR(info.st_mode):  # a folder the walk could not list
        try:
            os.listdir(path)
            why = "not listed"
        except OSError as exc:
            why = exc.strerror or str(exc)
        return _skipped(name, f"is a folder that cannot be listed ({why}): skipped")
    if not stat.S_ISREG(info.st_mode):
        return _skipped(name, f"is {file_kind(info.st_mode)}, not a report file: skipped")
    if info.st_size == 0:
        return _skipped(name, "not text (empty file): skipped")
    if info.st_size > MAX_REPORT_BYTES:
        return _skipped(
            name, f"is {megabytes(info.st_size)}, more than the {MAX_REPORT_BYTES // 2**20} MB a report file may be: skipped"
        )
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_REPORT_BYTES + 1)
    except OSError as exc:
        return _skipped(name, f"cannot be read ({exc.strerror or exc}): skipped")
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        return _skipped(name, f"not text ({exc}): skipped")
    reading = read_text(decoded.text, name)
    reading.encoding = decoded.encoding
    if decoded.note:
        reading.warnings.insert(0, decoded.note)
    return reading


def _skipped(name: str, warning: str) -> FileReading:
    return FileReading(name, [], [warning], skipped=True)


def read_text(text: str, name: str) -> FileReading:
    """Read the reports in one decoded file (see `read_file`)."""
    lines = split_lines(text)
    blocks, warnings = _split_copies(lines)
    reports: list[Report] = []
    for first, last in blocks:
        numbered = [(n + 1, lines[n]) for n in range(first, last)]
        report = _build_report(numbered, name)
        if report is None:
            warnings.append(
                "no header: year unknown, skipped (a report opens with a line like "
                "`——2017年2月16日在包头市第十四届人民代表大会第五次会议上`)"
                if len(blocks) == 1
                else f"lines {first + 1}-{last}: no header: year unknown, skipped"
            )
            continue
        reports.append(report)
    return FileReading(name, reports, warnings, skipped=not reports)


def _build_report(numbered: list[tuple[int, str]], name: str) -> Report | None:
    header_lines = [normalize_chars(text) for _, text in numbered[:40]]
    header = parse_header(header_lines)
    if header.year is None:
        return None
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
            section = replace(section, woven_year=years.pop())
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
    by_digest: dict[str, int] = {}
    # A copy cut short opens like the copy it was cut from: only blocks with the same first two
    # lines are compared, so a file of thousands of different reports is split in linear time.
    by_opening: dict[tuple[str, ...], list[int]] = {}
    by_first: dict[str, list[int]] = {}
    copies: dict[int, int] = {}
    warnings: list[str] = []
    for r in ranges:
        body = content(r)
        digest = hashlib.sha1("\n".join(body).encode("utf-8", "surrogatepass")).hexdigest()
        opening = tuple(body[:2])
        # one line: any block that opens with it (blocks hold at least one line)
        candidates = by_opening.get(opening, []) if len(body) >= 2 else by_first.get(body[0], [])
        match = by_digest.get(digest)
        if match is None:
            match = next(
                (k for k in candidates if len(body) < len(kept_content[k]) and kept_content[k][: len(body)] == body),
                None,
            )
        if match is None:
            kept.append(r)
            kept_content.append(body)
            by_digest[digest] = len(kept) - 1
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
