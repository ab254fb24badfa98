"""Problems found in targets.yaml: one small value per finding, collected rather than raised.

The loader (`config.read_config`) and the corpus checks of `targetcheck lint` (`lint.py`) append
to a `Problems` list and carry on, so `lint` can show every problem at once; `load_config` raises
the first error for `check`. One set of checks, two ways of reporting them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # targets.yaml cannot be used as it stands: `check` refuses it
    WARNING = "warning"  # usable, but worth a look


@dataclass(frozen=True)
class Problem:
    """One finding, at a line of targets.yaml (1 for problems of the whole file)."""

    line: int
    target_id: str | None
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "severity": str(self.severity),
            "target_id": self.target_id,
            "message": self.message,
            "hint": self.hint,
        }


class Problems(list[Problem]):
    """The findings so far, in the order they were found."""

    def error(self, message: str, line: int | None, *, target_id: str | None = None, hint: str | None = None) -> None:
        self.append(Problem(line or 1, target_id, message, hint, Severity.ERROR))

    def warning(self, message: str, line: int | None, *, target_id: str | None = None, hint: str | None = None) -> None:
        self.append(Problem(line or 1, target_id, message, hint, Severity.WARNING))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.WARNING]
