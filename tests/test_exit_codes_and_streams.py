"""Exit codes (one test each), stdout/stderr, colour, closed pipes, and `--output` files."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from targetcheck.app import app
from tests.clihelp import (
    FOLLOWUPS,
    HEADLINE_FOLLOWUPS,
    ROOT,
    input_hashes,
    invoke,
    read_terminal,
    tree_hashes,
)

pytestmark = pytest.mark.usefixtures("at_root")
ESC = "\x1b["


def cli_subprocess(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.Popen:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    environment.update(PYTHONPATH=str(ROOT / "cli"), **(env or {}))
    return subprocess.Popen([sys.executable, "-m", "targetcheck", *args], cwd=ROOT, env=environment, **kwargs)


# ── exit codes ──────────────────────────────────────────────────────────────────────────────


def test_exit_0_when_the_check_ran_whatever_the_verdicts() -> None:
    result = invoke("check", *HEADLINE_FOLLOWUPS)
    assert result.exit_code == 0
    assert "11 missed" in result.stdout


def test_exit_1_when_fail_on_matches() -> None:
    assert invoke("check", *FOLLOWUPS, "--fail-on", "unreported").exit_code == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--no-such-option"], "No such option: --no-such-option"),
        (["check", "--format", "xml"], "targetcheck: error: unknown format 'xml' (hint: use one of: table, json, csv, markdown)"),
        (["show"], "Missing argument"),
        (["show", "2017.gdp-growth", "--format", "csv"], "targetcheck: error: unknown format 'csv' for show"),
    ],
)
def test_exit_2_on_a_usage_error(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_exit_2_on_a_config_error(tmp_path: Path) -> None:
    targets = tmp_path / "targets.yaml"
    targets.write_text("schema_version: 1\nreports:\n  - year: 2017\n    targets:\n      - {id: 2017.x}\n", encoding="utf-8")
    result = invoke("check", "--targets", str(targets), "--corpus", "seeds")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"targetcheck: error: {targets}:5: target 2017.x:")
    assert "Traceback" not in result.stderr


def test_exit_2_on_an_input_error() -> None:
    result = invoke("check", "--corpus", "no/such/folder")
    assert result.exit_code == 2
    assert "targetcheck: error: no/such/folder: no such file or folder" in result.stderr


def test_exit_3_on_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something the authors did not foresee")

    monkeypatch.setattr("targetcheck.engine.run_check", broken)
    result = invoke("check")
    assert result.exit_code == 3
    assert "targetcheck: internal error: RuntimeError: something the authors did not foresee" in result.stderr
    assert "TARGETCHECK_DEBUG=1" in result.stderr
    assert "Traceback" not in result.stderr


# ── streams and colour ──────────────────────────────────────────────────────────────────────


def test_payload_on_stdout_warnings_on_stderr() -> None:
    result = invoke("check", "--format", "json")
    assert result.stdout.lstrip().startswith("{")
    assert "warning" not in result.stdout
    assert "targetcheck: warning: seeds/000_b64753ee75fd97df.txt: repeats 8 times: using the first copy" in result.stderr


def test_no_colour_when_not_a_terminal() -> None:
    assert ESC not in invoke("check").stdout


def test_force_color_forces_colour_into_a_pipe() -> None:
    out = invoke("check", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[31mmissed" in out and "\x1b[32mmet" in out and "\x1b[33munreported" in out and "\x1b[2mpending" in out


def test_no_color_wins_over_force_color() -> None:
    assert ESC not in invoke("check", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_colour_is_for_the_table_only(fmt: str) -> None:
    assert ESC not in invoke("check", "--format", fmt, env={"FORCE_COLOR": "1"}).stdout


def _through_a_terminal(env: dict[str, str]) -> str:
    """Run the CLI with stdout on a pseudo-terminal, as a user at a terminal would."""
    leader, follower = pty.openpty()
    process = cli_subprocess("check", env=env, stdout=follower, stderr=subprocess.DEVNULL)
    os.close(follower)
    terminal = read_terminal(leader)
    assert process.wait() == 0
    return terminal.decode("utf-8")


def test_colour_at_a_terminal_and_no_color_there_too() -> None:
    assert "\x1b[31mmissed" in _through_a_terminal({})
    assert ESC not in _through_a_terminal({"NO_COLOR": "1"})


@pytest.mark.parametrize(("args", "code"), [(["check"], 0), (["check", "--fail-on", "missed"], 1), (["show", "2024.gdp-growth"], 0)])
def test_a_closed_pipe_ends_quietly_with_the_documented_code(args: list[str], code: int) -> None:
    process = cli_subprocess(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the reader is gone before the first byte is written
    with process.stderr:
        stderr = process.stderr.read().decode()
    assert process.wait() == code
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception ignored" not in stderr


def test_check_piped_into_head() -> None:
    script = f"{sys.executable} -m targetcheck check --format csv | head -1; echo \"exit=${{PIPESTATUS[0]}}\" >&2"
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "cli"))
    done = subprocess.run(["bash", "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, encoding="utf-8")
    assert done.stdout.startswith("id,city,year,")
    assert "exit=0" in done.stderr
    assert "Traceback" not in done.stderr


# ── --output ────────────────────────────────────────────────────────────────────────────────


def test_output_writes_the_same_bytes_as_stdout(tmp_path: Path) -> None:
    before = input_hashes()
    env = {"SOURCE_DATE_EPOCH": "1767225600"}
    for fmt in ("table", "json", "csv", "markdown"):
        target = tmp_path / f"verdicts.{fmt}"
        result = invoke("check", *FOLLOWUPS, "--format", fmt, "--output", str(target), env=env)
        assert result.exit_code == 0 and result.stdout == ""
        assert target.read_bytes() == invoke("check", *FOLLOWUPS, "--format", fmt, env=env).stdout_bytes
    assert input_hashes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["verdicts.csv", "verdicts.json", "verdicts.markdown", "verdicts.table"]


def test_output_dash_is_stdout() -> None:
    assert invoke("check", "--format", "json", "--output", "-").stdout == invoke("check", "--format", "json").stdout


def test_output_into_a_missing_folder_is_exit_2_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such"
    result = invoke("check", "--output", str(missing / "v.csv"))
    assert result.exit_code == 2
    assert f"targetcheck: error: {missing}: the folder to write into does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_output_onto_a_folder_is_exit_2(tmp_path: Path) -> None:
    result = invoke("check", "--output", str(tmp_path))
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


@pytest.mark.parametrize("output", ["targets.yaml", "seeds/report.md", "seeds/003_f70d05a2e53d4ccd.txt"])
def test_output_never_writes_over_targets_or_into_the_corpus(output: str) -> None:
    before = input_hashes()
    result = invoke("check", "--format", "markdown", "--output", output)
    assert result.exit_code == 2
    assert "--output would write" in result.stderr
    assert input_hashes() == before
    assert not (ROOT / "seeds" / "report.md").exists()


def test_a_failed_write_leaves_the_old_file_and_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "verdicts.json"
    target.write_text("the previous run\n", encoding="utf-8")
    before = tree_hashes(tmp_path)

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = invoke("check", "--format", "json", "--output", str(target))
    assert result.exit_code == 2
    assert f"targetcheck: error: {target}: cannot write: No space left on device" in result.stderr
    assert tree_hashes(tmp_path) == before  # same file, same bytes, no temporary left behind


def test_a_crash_while_rendering_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(view: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr("targetcheck.render.markdown.render", broken)
    result = invoke("check", "--format", "markdown", "--output", str(tmp_path / "report.md"))
    assert result.exit_code == 3
    assert list(tmp_path.iterdir()) == []


def test_output_keeps_an_existing_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "verdicts.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert invoke("check", "--format", "csv", "--output", str(target)).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text(encoding="utf-8").startswith("id,city,year,")


def test_app_object_is_the_console_script() -> None:
    assert app.info.name == "targetcheck"
