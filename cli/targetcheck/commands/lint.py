"""`targetcheck lint`: every problem in targets.yaml, one line each; exit 2 if any is an error."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from targetcheck.commands.output import warn, write_stdout
from targetcheck.errors import ExitCode, UsageError, one_line, write_stderr
from targetcheck.lint import LintResult, lint_targets
from targetcheck.problems import Problem

LINT_FORMATS = ("text", "json")
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "data" / "targets.schema.json"


@dataclass(frozen=True)
class LintOptions:
    targets: Path | None = None
    corpus: list[Path] = field(default_factory=list)
    format: str = "text"
    schema: bool = False


def run_lint_command(options: LintOptions) -> int:
    if options.schema:
        write_stdout(SCHEMA_FILE.read_text(encoding="utf-8"))
        return ExitCode.OK
    if options.format not in LINT_FORMATS:
        raise UsageError(f"unknown format {options.format!r} for lint", hint=f"use one of: {', '.join(LINT_FORMATS)}")
    path = options.targets or Path("targets.yaml")
    result = lint_targets(path, options.corpus or None)
    for message in result.corpus_warnings:
        warn(message)
    name = str(path)
    if options.format == "json":
        payload = {
            "file": name,
            "problems": [{"file": name, **p.to_dict()} for p in result.problems],
            "errors": result.errors,
            "warnings": result.warnings,
        }
        write_stdout(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        write_stdout("".join(format_problem(name, p) + "\n" for p in result.problems))
        _summary(name, result)
    return ExitCode.ERROR if result.errors else ExitCode.OK


def format_problem(name: str, problem: Problem) -> str:
    """`targets.yaml:12: error: [2017.gdp-growth] message (hint: …)`."""
    target = f"[{problem.target_id}] " if problem.target_id else ""
    hint = f" (hint: {problem.hint})" if problem.hint else ""
    return one_line(f"{name}:{problem.line}: {problem.severity}: {target}{problem.message}{hint}")


def _summary(name: str, result: LintResult) -> None:
    """For people, on stderr: stdout holds only the problems."""
    if result.problems:
        counts = f"{result.errors} error{'s' * (result.errors != 1)}, {result.warnings} warning{'s' * (result.warnings != 1)}"
        write_stderr(one_line(f"{name}: {counts}"))
    else:
        reports = f"{result.reports} report{'' if result.reports == 1 else 's'}"
        write_stderr(one_line(f"{name}: no problems ({result.targets} targets, quotes checked against {reports})"))
