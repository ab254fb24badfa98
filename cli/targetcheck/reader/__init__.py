"""Reading report files: bytes to text, damage repair, header, sections, evidence index.

`read_file(path)` is the one entry point; everything below it is a pure function of the text.
"""

from targetcheck.reader.report import FileReading, Report, read_file, read_text

__all__ = ["FileReading", "Report", "read_file", "read_text"]
