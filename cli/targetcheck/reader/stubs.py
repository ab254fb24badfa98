"""What the first pass over a large corpus keeps of each file: the headers of its reports.

Light on purpose (no reader module is imported with it): a run whose files are known to the cache
builds its index from these alone.
"""

from __future__ import annotations

from typing import NamedTuple


class ReportStub(NamedTuple):
    """A report known by its header alone: its position among its file's reports, its year and
    city. The first pass over a corpus reads only these, to know which report follows which."""

    position: int
    year: int
    city: str | None


class FileScan(NamedTuple):
    """What the first pass found in one file: the headers of its reports, and the same warnings
    about the file that `read_file` gives."""

    file: str
    stubs: list[ReportStub]
    warnings: list[str]
    encoding: str | None = None
    skipped: bool = False
