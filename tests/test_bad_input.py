"""The catalogue of bad inputs, kept as data: tests/golden/bad-input/*.yaml (see the README there).

Every case runs through the real CLI, each of its commands in turn, and must end the way the
README promises: the documented exit code, exactly one error line naming the file, line, target
id and a hint (warnings allowed for skipped files), no traceback, nothing on stdout after an
error, and every input file byte for byte as it was.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.badinput import AS_ROOT, ROOT, build, cannot_read, file_hashes
from tests.clihelp import input_hashes, invoke

CASES = Path(__file__).parent / "golden" / "bad-input"
CASE_FILES = sorted(CASES.glob("*.yaml"))
# Known stderr lines: the error, warnings, --fail-on's count, lint's summary for people.
_STDERR_LINE = re.compile(r"^(targetcheck: (error|warning|--fail-on)\b|\S.*: (\d+ errors?, \d+ warnings?|no problems))")
_LINT_ERROR = re.compile(r"^\S.*:\d+: error: ")
# Cases whose commands could block in the test process if a fix regressed (pipes, devices): run
# them in a child process that is stopped after a while instead.
_CHILD_TIMEOUT = 120


def _load(case_file: Path) -> dict[str, Any]:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    assert isinstance(case, dict) and "run" in case and "exit" in case, f"{case_file.name}: needs `run:` and `exit:`"
    return case


def _runs() -> list[Any]:
    params = []
    for case_file in CASE_FILES:
        case = _load(case_file)
        for args in case["run"]:
            marks = []
            if case.get("needs_non_root") and AS_ROOT:
                marks.append(pytest.mark.skip(reason="root reads any file"))
            params.append(pytest.param(case_file, list(map(str, args)), id=f"{case_file.stem}:{' '.join(map(str, args))}", marks=marks))
    return params


def _args(args: list[str], folder: Path) -> list[str]:
    return [a.replace("{root}", str(ROOT)).replace("{case}", str(folder)) for a in args]


def _in_child(args: list[str], folder: Path, extra_env: dict[str, str]) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TARGETCHECK_DEBUG")}
    env.update(extra_env, PYTHONPATH=str(ROOT / "cli"))
    done = subprocess.run(
        [sys.executable, "-m", "targetcheck", *args],
        cwd=folder, env=env, capture_output=True, timeout=_CHILD_TIMEOUT, stdin=subprocess.DEVNULL,
    )
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def _reports_warnings(table: str) -> list[str]:
    """`targetcheck reports` lists each file, then its warnings indented: as `FILE: WARNING`."""
    out, current = [], ""
    for line in table.splitlines():
        if line and not line.startswith(" "):
            current = line.split(": ", 1)[0]
        elif line.strip().startswith("warning: "):
            out.append(f"{current}: {line.strip().removeprefix('warning: ')}")
    return out


@pytest.mark.parametrize(("case_file", "args"), _runs())
def test_bad_input(case_file: Path, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = _load(case_file)
    folder = tmp_path / "case"
    folder.mkdir()
    unreadable = build(case, folder)
    args = _args(args, folder)
    before, before_repo = file_hashes(folder), input_hashes()
    env = {str(k): str(v) for k, v in (case.get("env") or {}).items()}
    if case.get("child"):
        code, stdout, stderr = _in_child(args, folder, env)
    else:
        monkeypatch.chdir(folder)
        with cannot_read(unreadable):
            result = invoke(*args, env=env)
        code, stdout, stderr = result.exit_code, result.stdout, result.stderr
    shown = f"{case_file.name} {args}\nexit {code}\nstdout: {stdout[:2000]}\nstderr: {stderr[:2000]}"

    assert code == case["exit"], shown
    assert "Traceback" not in stderr and "internal error" not in stderr, shown
    for line in stderr.splitlines():
        assert _STDERR_LINE.match(line), f"unexpected stderr line {line!r}\n{shown}"
    lint = args[0] == "lint"
    errors = [line for line in stderr.splitlines() if line.startswith("targetcheck: error:")]
    if lint:
        errors += [line for line in stdout.splitlines() if _LINT_ERROR.match(line)]
    if code == 2:
        assert len(errors) == (case.get("lint_errors", 1) if lint else 1), shown
        for text in case.get("error", []):  # in the error line (in one of lint's, when it finds several)
            assert any(text in line for line in errors), f"{text!r} not in the error line\n{shown}"
        if not lint or errors[0].startswith("targetcheck: error:"):
            assert stdout == "", shown
    else:
        assert errors == [], shown
    warnings = [line for line in stderr.splitlines() if line.startswith("targetcheck: warning:")]
    if lint:
        warnings += [line for line in stdout.splitlines() if ": warning: " in line]
    if args[0] == "reports" and "--format" not in args:
        warnings += _reports_warnings(stdout)
    for text in case.get("warnings", []):
        assert any(text in line for line in warnings), f"no warning with {text!r}\n{shown}"
    for text in case.get("no_warnings", []):
        assert not any(text in line for line in warnings), f"a warning with {text!r}\n{shown}"
    for text in case.get("stdout", []):
        assert text in stdout, f"{text!r} not in stdout\n{shown}"
    for text in case.get("stdout_not", []):
        assert text not in stdout + stderr, f"{text!r} in the output\n{shown}"

    # Nothing lost: every input file as it was, nothing new beside them (unless asked for).
    after = file_hashes(folder)
    created = set(after) - set(before)
    assert created == set(case.get("creates", [])), shown
    assert {k: v for k, v in after.items() if k in before} == before, shown
    assert input_hashes() == before_repo


def test_every_case_says_what_it_is_about() -> None:
    """A first comment line says what is wrong in the input; error cases say what the line holds."""
    for case_file in CASE_FILES:
        first = case_file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 10, case_file.name
        case = _load(case_file)
        if case["exit"] == 2:
            assert case.get("error"), f"{case_file.name}: an error case lists what the error line must hold"


def test_the_catalogue_covers_every_command() -> None:
    commands = {str(args[0]) for case_file in CASE_FILES for args in _load(case_file)["run"]}
    assert commands >= {"check", "show", "reports", "scan", "lint"}
    assert any("--auto" in map(str, args) for case_file in CASE_FILES for args in _load(case_file)["run"])
