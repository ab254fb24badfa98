"""Golden lint cases kept as data: tests/golden/lint/*.yaml (see the README there)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from targetcheck.app import app

CASES = Path(__file__).parent / "golden" / "lint"
SCHEMA = Path(__file__).resolve().parent.parent / "cli" / "targetcheck" / "data" / "targets.schema.json"
_EXPECT = re.compile(r"^# expect: (?P<line>\d+) (?P<severity>error|warning) (?P<text>.+)$")


def _expectations(case: Path) -> tuple[list[tuple[int, str, str]], str]:
    expected, schema = [], ""
    for line in case.read_text(encoding="utf-8").splitlines():
        if match := _EXPECT.match(line):
            expected.append((int(match["line"]), match["severity"], match["text"]))
        elif line.startswith("# schema: "):
            schema = line.removeprefix("# schema: ").strip()
    return expected, schema


@pytest.mark.parametrize("case", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_lint_case(case: Path) -> None:
    expected, _ = _expectations(case)
    result = CliRunner().invoke(app, ["lint", "--targets", str(case), "--format", "json"])
    payload = json.loads(result.stdout)
    problems = payload["problems"]
    unmatched = list(problems)
    for line, severity, text in expected:
        found = next(
            (p for p in unmatched if p["line"] == line and p["severity"] == severity and text in p["message"]), None
        )
        assert found is not None, f"{case.name}: no {severity} at line {line} containing {text!r} in {problems}"
        unmatched.remove(found)
    assert not unmatched, f"{case.name}: problems not expected: {unmatched}"
    errors = sum(severity == "error" for _, severity, _ in expected)
    assert payload["errors"] == errors
    assert payload["warnings"] == len(expected) - errors
    assert result.exit_code == (2 if errors else 0)
    assert [p["line"] for p in problems] == sorted(p["line"] for p in problems)


@pytest.mark.parametrize("case", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_lint_text_lines_name_file_line_severity_and_id(case: Path) -> None:
    expected, _ = _expectations(case)
    result = CliRunner().invoke(app, ["lint", "--targets", str(case)])
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected)
    for text, (line, severity, message) in zip(lines, expected, strict=True):
        assert text.startswith(f"{case}:{line}: {severity}: "), text
        assert re.match(r"^\S+:\d+: (error|warning): (\[[0-9a-zA-Z.-]+\] )?.+", text), text
        assert message in text
    if expected:
        assert "error" in result.stderr or "warning" in result.stderr
    else:
        assert "no problems" in result.stderr


@pytest.mark.parametrize("case", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_schema_agrees_on_shape(case: Path) -> None:
    """Files marked `schema: invalid` break a rule the JSON Schema can state; `valid` ones do not."""
    _, verdict = _expectations(case)
    assert verdict in ("valid", "invalid"), f"{case.name}: say `# schema: valid` or `# schema: invalid`"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    try:
        data = yaml.safe_load(case.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        assert verdict == "invalid"
        return
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert bool(errors) == (verdict == "invalid"), [e.message for e in errors]


def test_lint_shipped_targets_is_clean(root: Path) -> None:
    result = CliRunner().invoke(app, ["lint", "--targets", str(root / "targets.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["errors"] == 0


def test_lint_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["lint", "--targets", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert result.stdout == ""


def test_lint_missing_corpus_override_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["lint", "--targets", str(CASES / "clean.yaml"), "--corpus", str(tmp_path / "nope")]
    )
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_lint_corpus_override_replaces_the_files_corpus(tmp_path: Path) -> None:
    """With an empty corpus, the quotes cannot be checked: a warning, not an error."""
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(
        app, ["lint", "--targets", str(CASES / "quotes.yaml"), "--corpus", str(empty), "--format", "json"]
    )
    payload = json.loads(result.stdout)
    messages = [p["message"] for p in payload["problems"]]
    assert not any(m.startswith(("the quote is not in", "the quote stands")) for m in messages)
    assert any("no 2017 report of 包头市 in the corpus" in m for m in messages)


def test_lint_schema_option_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["lint", "--schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_lint_unknown_format() -> None:
    result = CliRunner().invoke(app, ["lint", "--targets", str(CASES / "clean.yaml"), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown format" in result.stderr


def test_check_still_stops_at_the_first_error() -> None:
    """`check` refuses a file with errors, naming the first one (the same checks as lint)."""
    result = CliRunner().invoke(app, ["check", "--targets", str(CASES / "duplicate-ids.yaml")])
    assert result.exit_code == 2
    assert "duplicate-ids.yaml:" in result.stderr
    assert result.stderr.count("\n") == 1
