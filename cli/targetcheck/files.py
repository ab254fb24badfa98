"""What a path is, in words, for messages about paths that are not regular files.

targetcheck reads regular files only: a named pipe or a device (`/dev/zero`) could block a run or
never end, so they are refused where a user names them and skipped, with a warning, inside a
corpus folder.
"""

from __future__ import annotations

import stat


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
