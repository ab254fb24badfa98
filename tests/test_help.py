"""Every command's `--help` ends with an example; the root and `check` show the exit codes."""

from __future__ import annotations

import pytest
import typer

from targetcheck.app import app
from targetcheck.errors import ExitCode
from tests.clihelp import invoke

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", [[], *([name] for name in COMMANDS)])
def test_help_ends_with_an_example(args: list[str]) -> None:
    result = invoke(*args, "--help")
    assert result.exit_code == 0
    last = result.stdout.rstrip().splitlines()[-1].strip()
    assert last.startswith("Example: targetcheck "), last


@pytest.mark.parametrize("args", [[], ["check"]])
def test_help_shows_the_exit_code_table(args: list[str]) -> None:
    text = invoke(*args, "--help").stdout
    table = text.split("Exit codes:", 1)[1].splitlines()[1:5]
    assert [int(line.split()[0]) for line in table] == [int(code) for code in ExitCode]
    assert "--fail-on" in table[1]
