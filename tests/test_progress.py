"""The progress bar: on a terminal's stderr once a run takes a while, never in a pipe or a file,
never for TERM=dumb. TARGETCHECK_PROGRESS_DELAY=0 shows it at once (the shipped corpus is
checked in well under the second a person waits for)."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import tempfile

import pytest

from targetcheck.commands.progress import ProgressBar
from tests.clihelp import FOLLOWUPS, ROOT, read_terminal

pytestmark = pytest.mark.usefixtures("at_root")
ARGS = ["check", *FOLLOWUPS, "--no-cache"]


def _run(stderr_to_terminal: bool, **env: str) -> tuple[str, str]:
    """(stdout, stderr) of `targetcheck check`, stderr on a pseudo-terminal or a pipe."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM")}
    environment.update({"PYTHONPATH": str(ROOT / "cli"), "TARGETCHECK_PROGRESS_DELAY": "0", "TERM": "xterm", **env})
    command = [sys.executable, "-m", "targetcheck", *ARGS]
    if not stderr_to_terminal:
        done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, check=True)
        return done.stdout.decode(), done.stderr.decode()
    leader, follower = pty.openpty()
    payload = tempfile.TemporaryFile()  # not a pipe: nobody reads it while the terminal is read
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=payload, stderr=follower)
    os.close(follower)
    terminal = read_terminal(leader)
    assert process.wait() == 0
    payload.seek(0)
    stdout = payload.read().decode()
    payload.close()
    return stdout, terminal.decode("utf-8", "replace")


def test_no_progress_bar_in_a_pipe() -> None:
    stdout, stderr = _run(stderr_to_terminal=False)
    assert "Checking reports" not in stderr and "Reading headers" not in stderr
    assert "\x1b" not in stderr and "\r" not in stderr
    assert all(line.startswith("targetcheck: warning: ") for line in stderr.splitlines())
    quiet_stdout, quiet_stderr = _run(stderr_to_terminal=False, TARGETCHECK_PROGRESS_DELAY="1000")
    assert (stdout, stderr) == (quiet_stdout, quiet_stderr)


def test_progress_bar_on_a_terminal() -> None:
    stdout, stderr = _run(stderr_to_terminal=True)
    assert "Checking reports" in stderr or "Reading headers" in stderr
    assert "targetcheck: warning: seeds/000_b64753ee75fd97df.txt: repeats 8 times" in stderr
    assert stdout == _run(stderr_to_terminal=False)[0]  # the payload does not change


def test_no_progress_bar_on_a_dumb_terminal() -> None:
    _stdout, stderr = _run(stderr_to_terminal=True, TERM="dumb")
    assert "Checking reports" not in stderr and "Reading headers" not in stderr


def test_the_bar_waits_and_writes_nothing_to_other_streams() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    slow = ProgressBar(stream, delay=3600)
    for done in range(1, 5):
        slow("check", done, 4)
    slow.close()
    assert stream.getvalue() == ""  # a run shorter than the delay shows nothing
    assert not ProgressBar(io.StringIO(), delay=0).enabled  # not a terminal
    shown = ProgressBar(stream, delay=0)
    shown("check", 1, 4)
    shown.close()
    assert "Checking reports" in stream.getvalue()
