"""The README documents every command and every option, so that the docs never drift.

Walks the real Typer app: each command needs a "### `targetcheck NAME`" section, and each of its
options (long and short forms) must appear in backticks in that section; the root options and
`--help` anywhere in the README.
"""

from __future__ import annotations

import re

import pytest
import typer

from targetcheck.app import app
from tests.clihelp import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ROOT_COMMAND = typer.main.get_command(app)
COMMANDS = ROOT_COMMAND.commands  # type: ignore[attr-defined]


def section(name: str) -> str:
    match = re.search(rf"^### `targetcheck {re.escape(name)}\b[^\n]*\n(.*?)(?=^##)", README, re.M | re.S)
    assert match, f"README.md has no section `### \\`targetcheck {name}\\``"
    return match.group(1)


def documented(flag: str, text: str) -> bool:
    return re.search(rf"`{re.escape(flag)}(?=[` =\[])", text) is not None


def options(command) -> list[str]:
    flags = []
    for param in command.params:
        if param.param_type_name == "option" and "--help" not in param.opts:
            flags += [*param.opts, *param.secondary_opts]
    return flags


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_its_options_are_in_the_readme(name: str) -> None:
    text = section(name)
    missing = [flag for flag in options(COMMANDS[name]) if not documented(flag, text)]
    assert not missing, f"targetcheck {name}: options missing from its README section: {missing}"
    for param in COMMANDS[name].params:
        if param.param_type_name == "argument":
            assert f"`targetcheck {name} {param.metavar or param.name.upper()}" in README


def test_root_options_and_help_are_in_the_readme() -> None:
    for flag in [*options(ROOT_COMMAND), "--help"]:
        assert documented(flag, README), flag


def test_the_exit_code_table_in_the_readme_matches_the_enum() -> None:
    from targetcheck.errors import ExitCode

    table = README.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    assert [int(code) for code in re.findall(r"^\| (\d) \|", table, re.M)] == [int(c) for c in ExitCode]


def test_the_readme_opens_with_the_two_commands_and_ci_runs_the_second() -> None:
    """A newcomer's first two commands (install and check; install and test) open the README, and
    `.ci/run` runs exactly the test command, so a green CI vouches for what the README says."""
    opening = re.findall(r"```sh\n(.*?)\n```", README.split("\n## ", 1)[0], re.S)
    assert len(opening) == 2, opening
    run, test = opening
    assert run.endswith("targetcheck check") and "pip install ." in run
    assert "[test]" in test and test.endswith("python -m pytest")
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == test
