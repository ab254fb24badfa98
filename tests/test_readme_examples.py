"""The README's examples are real: each `$ targetcheck …` transcript is run and compared.

A `console` block starting with `$ targetcheck` (optionally after `VAR=value` settings, optionally
ending in `2>/dev/null`) must print exactly what follows it, warnings first when stderr is not
thrown away; a line holding only `…` stands for any number of lines left out. The Markdown report
example is the output of the command named just before it. `python tests/update_readme.py`
rewrites the transcripts without elisions from real runs.
"""

from __future__ import annotations

import re
import shlex

import pytest

from tests.clihelp import ROOT, invoke

pytestmark = pytest.mark.usefixtures("at_root")
README = (ROOT / "README.md").read_text(encoding="utf-8")
TRANSCRIPTS = [
    (command, shown)
    for command, shown in re.findall(r"^```console\n\$ (.*?)\n(.*?)^```$", README, re.M | re.S)
    if re.match(r"(\w+=\S+ )*targetcheck ", command)
]
MARKDOWN_EXAMPLE = re.search(
    r"^`(SOURCE_DATE_EPOCH=\S+ targetcheck check -f markdown [^`]*)`:\n\n````markdown\n(.*?)^````$", README, re.M | re.S
)


def run(command: str) -> str:
    words = shlex.split(command)
    env = {}
    while "=" in words[0]:
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    quiet = words[-1] == "2>/dev/null"
    if quiet:
        words.pop()
    assert words[0] == "targetcheck"
    result = invoke(*words[1:], env=env)
    return result.stdout if quiet else result.stderr + result.stdout


def matches(shown: str, printed: str) -> bool:
    """`printed` is `shown`, where a line `…` in `shown` stands for any lines."""
    pattern = "".join(
        r"(?:.*\n)*?" if line.strip() == "…" else re.escape(line) + r"\n" for line in shown.splitlines()
    )
    return re.fullmatch(pattern, printed) is not None


@pytest.mark.parametrize(("command", "shown"), TRANSCRIPTS, ids=[c for c, _ in TRANSCRIPTS])
def test_console_example_is_what_the_command_prints(command: str, shown: str) -> None:
    printed = run(command)
    assert matches(shown, printed), printed


def test_markdown_example_is_what_the_command_prints() -> None:
    assert MARKDOWN_EXAMPLE, "README.md lost its Markdown report example"
    command, shown = MARKDOWN_EXAMPLE.groups()
    assert run(command + " 2>/dev/null") == shown  # the report itself; the warning goes to stderr


def test_there_are_examples_of_every_format() -> None:
    commands = " ".join(command for command, _ in TRANSCRIPTS)
    for example in ("check --year 2024", "--format json", "-f csv", "targetcheck show", "COLUMNS=80"):
        assert example in commands
