"""What `targetcheck check` imports: start-up is most of its time on a small corpus, so a module a
run does not use must not be imported (bench/startup.py measures the time; this holds the line).
Structure only, no timing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.clihelp import ROOT

PROBE = """
import sys
sys.argv = ["targetcheck", *sys.argv[1:]]
from targetcheck.app import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n")
"""
NEVER = {  # not for a plain check of a few reports, cold or warm
    "rich", "cn2an", "csv", "json", "multiprocessing", "concurrent.futures.process", "hashlib", "fractions",
    "targetcheck.scan", "targetcheck.lint", "targetcheck.draft", "targetcheck.guess", "targetcheck.commitments",
    "targetcheck.auto", "targetcheck.render.markdown", "targetcheck.render.csv_format",
    "targetcheck.render.json_format", "targetcheck.render.detail",
}
CACHED = {  # a run that comes from the cache parses no YAML, loads no target and reads no report
    "yaml", "targetcheck.config", "targetcheck.problems", "targetcheck.reader.report",
    "targetcheck.reader.paragraphs", "targetcheck.outcomes", "targetcheck.quotes",
}


def _modules(*args: str, cache: Path) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "cli"), "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return set(line.removeprefix("MODULES ").split())


@pytest.mark.parametrize("args", [["check"], ["check", "--year", "2024", "--status", "missed"]])
def test_check_imports_only_what_it_uses(tmp_path: Path, args: list[str]) -> None:
    cold = _modules(*args, "--no-cache", cache=tmp_path)
    assert not cold & NEVER, cold & NEVER
    warm = _modules(*args, cache=tmp_path)  # the first run with the cache fills it
    warm = _modules(*args, cache=tmp_path)
    assert not warm & (NEVER | CACHED), warm & (NEVER | CACHED)


def test_other_formats_import_their_renderer_only(tmp_path: Path) -> None:
    assert "targetcheck.render.json_format" in _modules("check", "-f", "json", "--no-cache", cache=tmp_path)
    csv_run = _modules("check", "-f", "csv", "--no-cache", cache=tmp_path)
    assert "csv" in csv_run and "targetcheck.render.table" not in csv_run
