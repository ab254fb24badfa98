"""A progress bar on stderr for runs that take a while (a researcher's thousands of reports).

Shown only to a person: when stderr is a terminal that can redraw a line (not `TERM=dumb`), and
only once the run has taken a second (`TARGETCHECK_PROGRESS_DELAY`, in seconds, says otherwise),
so that the everyday check on a few reports never flickers. In a pipe, a file or a CI log it
writes nothing at all. Rich is imported only when the bar is shown (it costs more to import than
the whole check on the shipped corpus); it honours NO_COLOR. The bar disappears when the run
ends, before the warnings are written.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, TextIO

DELAY = 1.0  # seconds before the bar appears
_LABELS = {"index": "Reading headers", "check": "Checking reports"}


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get("TARGETCHECK_PROGRESS_DELAY", DELAY)))
    except ValueError:
        return DELAY


def wants_progress(stream: TextIO) -> bool:
    """A terminal that can redraw its last line."""
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed
        return False


class ProgressBar:
    """A `stream.Progress` callback: `bar(phase, done, total)`; `close()` at the end of the run."""

    def __init__(self, stream: TextIO | None = None, delay: float | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = wants_progress(self.stream)
        self.delay = _delay() if delay is None else delay
        self.started = time.monotonic()
        self._progress: Any = None
        self._task: Any = None
        self._phase: str | None = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            if done >= total or time.monotonic() - self.started < self.delay:
                return
            self._start(phase, done, total)
        if phase != self._phase:
            self._phase = phase
            self._progress.update(self._task, description=_LABELS.get(phase, phase), total=total, completed=done)
        else:
            self._progress.update(self._task, total=total, completed=done)

    def _start(self, phase: str, done: int, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(file=self.stream, stderr=True)
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task = self._progress.add_task(_LABELS.get(phase, phase), total=total, completed=done)
        self._phase = phase
        self._progress.start()

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
