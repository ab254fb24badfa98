"""What a path is, in words, for messages about paths that are not regular files; and how a
report file is read (`file_bytes`), by every pass that reads one.

targetcheck reads regular files only: a named pipe or a device (`/dev/zero`) could block a run or
never end, so they are refused where a user names them and skipped, with a warning, inside a
corpus folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# No work report comes near this (the longest are about 1 MB); a larger file is a log, a dump or
# a video that landed in the corpus folder, and reading it whole would cost minutes and memory.
MAX_REPORT_BYTES = 100 * 1024 * 1024


def file_kind(mode: int) -> str:
    """`a folder`, `a named pipe (FIFO)`, `a device`, `a socket` … from `os.stat().st_mode`."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISREG(mode):
        return "a file"
    return "not a regular file"


def megabytes(size: int) -> str:
    """`12.3 MB`, for messages about size limits."""
    return f"{size / 2**20:.1f} MB"


def file_bytes(path: Path) -> tuple[bytes | None, str | None]:
    """(the bytes of a report file, None), or (None, why it is skipped: the warning).

    Only regular files are opened (a named pipe or a device could block the run or never end);
    an empty file is skipped without opening it (which also keeps /proc-like files from
    blocking), and so is a file larger than MAX_REPORT_BYTES. Every pass that reads a report
    file (`reader.read_file`, the streaming check's index and its reports) reads it through here,
    and this module imports no reader: a run whose reports come from the cache needs none."""
    try:
        info = path.stat()
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc}): skipped"
    if stat.S_ISDIR(info.st_mode):  # a folder the walk could not list
        try:
            os.listdir(path)
            why = "not listed"
        except OSError as exc:
            why = exc.strerror or str(exc)
        return None, f"is a folder that cannot be listed ({why}): skipped"
    if not stat.S_ISREG(info.st_mode):
        return None, f"is {file_kind(info.st_mode)}, not a report file: skipped"
    if info.st_size == 0:
        return None, "not text (empty file): skipped"
    if info.st_size > MAX_REPORT_BYTES:
        return None, f"is {megabytes(info.st_size)}, more than the {MAX_REPORT_BYTES // 2**20} MB a report file may be: skipped"
    try:
        with open(path, "rb") as stream:
            return stream.read(MAX_REPORT_BYTES + 1), None
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc}): skipped"
