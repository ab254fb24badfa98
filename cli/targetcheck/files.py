"""What a path is, in words, for messages about paths that are not regular files; and how a
report file (`file_bytes`) and targets.yaml (`read_config_bytes`) are read, by every pass that
reads them.

targetcheck reads regular files only: a named pipe or a device (`/dev/zero`) could block a run or
never end, so they are refused where a user names them and skipped, with a warning, inside a
corpus folder.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from targetcheck.errors import ConfigError

# No work report comes near this (the longest are about 1 MB); a larger file is a log, a dump or
# a video that landed in the corpus folder, and reading it whole would cost minutes and memory.
MAX_REPORT_BYTES = 100 * 1024 * 1024
MAX_TARGETS_BYTES = 10 * 1024 * 1024  # the shipped targets.yaml is about 20 KB


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


def read_config_bytes(path: Path) -> bytes:
    """targets.yaml's bytes, read only from a regular file of at most MAX_TARGETS_BYTES; a clear
    error for a path that is missing, not a regular file, too large or unreadable. The cache
    (`cache.load_config_cached`) keys the file by these bytes, so it reads them through here too:
    a named pipe must not block a run before the checks refuse it (and a warm run needs no
    YAML module)."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ConfigError(
            "no such file", path=name, hint="run in the folder that holds targets.yaml, or pass --targets PATH"
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ConfigError("is a loop of symbolic links", path=name, hint="pass --targets PATH of the file itself") from None
        raise ConfigError(
            f"cannot be read: {exc.strerror or exc}", path=name, hint="check the file's permissions, or pass --targets PATH"
        ) from None
    if info.st_mode & 0o170000 == 0o040000:
        raise ConfigError("is a folder, not a targets file", path=name, hint="pass --targets PATH/targets.yaml") from None
    if info.st_mode & 0o170000 != 0o100000:
        raise ConfigError(
            f"is {file_kind(info.st_mode)}, not a targets file",
            path=name,
            hint="targetcheck reads targets.yaml from a regular file (a pipe or a device may never end)",
        )
    if info.st_size > MAX_TARGETS_BYTES:
        raise ConfigError(
            f"is {megabytes(info.st_size)}: more than the {MAX_TARGETS_BYTES // 2**20} MB a targets file may be",
            path=name,
            hint="is this the right file? the shipped targets.yaml is about 20 KB",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"cannot be read: {exc.strerror or exc}", path=name, hint="check the file's permissions (chmod u+r)"
        ) from None
