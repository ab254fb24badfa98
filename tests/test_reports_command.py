"""`targetcheck reports`: one row per file, what the reader saw."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from targetcheck.app import app
from tests.conftest import SEED_2017, SEED_2025


def reports(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["reports", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_for_the_seeds() -> None:
    code, out, _ = reports("--corpus", str(SEED_2017.parent), "--format", "json")
    assert code == 0
    rows = {Path(r["file"]).name: r for r in json.loads(out)["reports"]}
    r2017, r2025 = rows[SEED_2017.name], rows[SEED_2025.name]
    assert (r2017["year"], r2017["date"], r2017["city"], r2017["speaker"]) == (2017, "2017-02-16", "包头市", "市长 杜学军")
    assert r2017["warnings"] == ["repeats 8 times: using the first copy"]
    assert [(s["kind"], s["year"], s["lines"]) for s in r2017["sections"]][:2] == [
        ("review", 2016, [4, 26]),
        ("tasks", 2017, [27, 28]),
    ]
    assert (r2025["year"], r2025["date"], r2025["speaker"]) == (2025, "2025-01-05", "市长 孟庆维")
    assert ("targets", 2025, [39, 51]) in [(s["kind"], s["year"], s["lines"]) for s in r2025["sections"]]


def test_unusable_files_are_named_and_the_rest_is_read(tmp_path: Path) -> None:
    shutil.copy(SEED_2025, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "notes.txt").write_text("会议纪要：今年要抓好项目建设。\n", encoding="utf-8")
    code, out, _ = reports("--corpus", str(tmp_path), "--format", "json")
    assert code == 0
    rows = {Path(r["file"]).name: r for r in json.loads(out)["reports"]}
    assert rows["good.txt"]["year"] == 2025
    assert rows["empty.txt"]["year"] is None and "not text (empty file): skipped" in rows["empty.txt"]["warnings"]
    assert rows["image.png"]["year"] is None and rows["image.png"]["warnings"][0].startswith("not text (binary")
    assert rows["notes.txt"]["warnings"][0].startswith("no header: year unknown, skipped")


def test_table_lists_sections_and_warnings() -> None:
    code, out, _ = reports("--corpus", str(SEED_2017))
    assert code == 0
    assert "包头市 2017 (2017-02-16) 市长 杜学军" in out
    assert "review 2016: lines 4-26" in out
    assert "warning: repeats 8 times: using the first copy" in out


def test_missing_corpus_path_exits_2() -> None:
    code, _, err = reports("--corpus", "does/not/exist")
    assert code == 2
    assert "does/not/exist: no such file or folder" in err
