"""The tool's own errors and exit codes.

Every error a user can cause carries what is wrong, where (file, line, target id) and how to fix
it; the CLI prints it as one line on stderr and exits with the error's code. No traceback.
"""

from __future__ import annotations

import sys
from enum import IntEnum

from targetcheck.lazyregex import lazy

# Line breaks and other control characters a message may pick up from the user's own text (a key
# holding a newline, a file name with a tab): shown escaped, so that every message is one line.
# Invisible format characters (zero-width spaces, bidirectional overrides that reorder what a
# terminal shows) are escaped too: a message must show what the file holds.
_CONTROL = lazy(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


# Messages quote values from the user's files; one that quotes a megabyte is cut here, whatever
# the code that built it forgot (the end, with its hint, is kept).
MAX_MESSAGE = 2000


def one_line(text: str) -> str:
    """`text` with line breaks and control characters escaped (`\\n`, `\\x00`): one line on any
    terminal, whatever a file name or a key in targets.yaml holds. Lone surrogates (bytes of a
    file name that is not UTF-8) are shown as `\\udcb0`, never passed on to fail the write. Past
    MAX_MESSAGE characters, the middle is left out, the note saying how much included; the result
    is its own `one_line` (a message cut once is never cut again, miscounted, on its way out)."""
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) > MAX_MESSAGE:
        kept = MAX_MESSAGE - len(f" … ({len(text)} characters left out) … ")
        head = kept * 3 // 4
        text = f"{text[:head]} … ({len(text) - kept} characters left out) … {text[len(text) - (kept - head) :]}"
    return text


def write_stderr(line: str) -> None:
    """`line` on stderr; a closed stderr (`2>&-`, a reader gone) is not an error: every message
    the CLI writes for people goes through here."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass


class ExitCode(IntEnum):
    """The documented exit codes (README, `--help`)."""

    OK = 0  # the command ran; verdicts are in the output, whatever they are
    FINDINGS = 1  # `--fail-on` matched at least one result
    ERROR = 2  # usage, configuration or input error: nothing was checked
    INTERNAL = 3  # a bug in targetcheck: please report it


class TargetcheckError(Exception):
    """An error the user can fix. `str()` is the one-line message the CLI prints."""

    exit_code = ExitCode.ERROR

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        target_id: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.target_id = target_id
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        target = f"target {self.target_id}: " if self.target_id else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return one_line(f"{where}{target}{self.message}{hint}")


class UsageError(TargetcheckError):
    """Bad command-line use: an unknown format, a bad filter, an unknown target id."""


class ConfigError(TargetcheckError):
    """targets.yaml cannot be used as it stands."""


class CorpusError(TargetcheckError):
    """A corpus path that does not exist or cannot be read."""


class OutputError(TargetcheckError):
    """`--output` cannot be written: a missing folder, a folder given as the file, no permission."""


class QuantityError(ValueError):
    """Text that is not a quantity the parser understands.

    A `ValueError`, so callers that already catch those keep working; never cn2an's own error.
    """
