"""Reading report files: bytes to text, damage repair, header, sections, evidence index.

`read_file(path)` is the one entry point; everything below it is a pure function of the text.
The modules that read are imported on first use (`from targetcheck.reader import Report`): a run
whose reports all come from the cache never loads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from targetcheck.reader.report import FileReading, Report, read_file, read_text

__all__ = ["FileReading", "Report", "read_file", "read_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from targetcheck.reader import report

        return getattr(report, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
