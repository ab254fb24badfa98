"""Running the real CLI in tests, from the repository root, with a clean colour environment."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from targetcheck.app import app

ROOT = Path(__file__).resolve().parent.parent
# The shipped targets against the seeds and the constructed follow-ups: every 2017, 2024 and 2025
# target has a verdict (met, missed, unreported).
FOLLOWUPS = ["--corpus", "seeds", "--corpus", "tests/corpora/baotou-2018", "--corpus", "tests/corpora/baotou-2026"]
# The same corpus with the frozen 22 headline targets (tests/data/headline-targets.yaml): for tests
# whose counts are about the tool (filters, summaries, rows), which must not move as targets.yaml grows.
HEADLINE_TARGETS = "tests/data/headline-targets.yaml"
HEADLINE_FOLLOWUPS = ["--targets", HEADLINE_TARGETS, *FOLLOWUPS]
# Two cities, a milestone, a target set elsewhere, a pending target (tests/data/two-cities.yaml).
TWO_CITIES = ["--targets", "tests/data/two-cities.yaml"]
CLEAN_ENV = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None, "SOURCE_DATE_EPOCH": None, "TARGETCHECK_DEBUG": None}


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={**CLEAN_ENV, **(env or {})})


def check_json(*args: str) -> dict[str, Any]:
    result = invoke("check", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def tree_hashes(*paths: Path) -> dict[str, str]:
    """sha256 of every file under `paths`: inputs must come out of every run byte for byte."""
    out = {}
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            out[str(file)] = hashlib.sha256(file.read_bytes()).hexdigest()
    return out


def input_hashes() -> dict[str, str]:
    return tree_hashes(ROOT / "seeds", ROOT / "tests" / "corpora", ROOT / "targets.yaml", ROOT / "tests" / "data")


def read_terminal(leader: int) -> bytes:
    """All a child process wrote to a pseudo-terminal (`pty.openpty()`), until it closed it; the
    caller has closed its own copy of the follower end."""
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks)
