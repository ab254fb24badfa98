"""The tool's own errors and exit codes.

Every error a user can cause carries what is wrong, where (file, line, target id) and how to fix
it; the CLI prints it as one line on stderr and exits with the error's code. No traceback.
"""

from __future__ import annotations

from enum import IntEnum


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
        return f"{where}{target}{self.message}{hint}"


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
