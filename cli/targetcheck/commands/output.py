"""Where output goes: payload to stdout, warnings to stderr; colour only for terminals."""

from __future__ import annotations

import os
import shutil
import sys


def use_color(stream: object = None) -> bool:
    """NO_COLOR wins; FORCE_COLOR forces; otherwise colour only when writing to a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def table_width() -> int:
    """The terminal's width; when piped, COLUMNS or no wrapping at all."""
    if sys.stdout.isatty():
        return shutil.get_terminal_size((120, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() else 10_000


def warn(message: str) -> None:
    sys.stderr.write(f"targetcheck: warning: {message}\n")


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
