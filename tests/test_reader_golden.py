"""Golden reader cases kept as data: tests/golden/reader/NAME.txt + NAME.yaml (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from targetcheck.reader import read_file

CASES = Path(__file__).parent / "golden" / "reader"


def _cases() -> list[Path]:
    return sorted(CASES.glob("*.txt"))


@pytest.mark.parametrize("text_file", _cases(), ids=lambda p: p.stem)
def test_reader_case(text_file: Path) -> None:
    expected = yaml.safe_load(text_file.with_suffix(".yaml").read_text(encoding="utf-8"))
    reading = read_file(text_file)
    assert len(reading.reports) == expected.get("reports", 1)
    report = reading.reports[0]
    for key, value in expected.get("header", {}).items():
        assert getattr(report.header, key) == value, key
    if "second" in expected:
        for key, value in expected["second"].items():
            assert getattr(reading.reports[1].header, key) == value, key
    if "sections" in expected:
        found = [
            [str(s.kind), s.year, s.first_line, s.last_line] for s in report.sections if s.kind != "preamble"
        ]
        assert found == expected["sections"]
    if "woven" in expected:
        # five-year sections holding sentences about the reviewed year: first line -> that year
        found_woven = {s.first_line: s.woven_year for s in report.sections if s.woven_year is not None}
        assert found_woven == expected["woven"]
    warnings = reading.warnings + report.warnings
    for needle in expected.get("warnings", []):
        assert any(needle in w for w in warnings), (needle, warnings)
    for want in expected.get("items", []):
        # The period an item (a sentence or `；` item) is read as: kind and year.
        matches = [item for item in report.items if want["contains"] in item.text]
        assert len(matches) == 1, want
        assert [str(matches[0].tag.kind), matches[0].tag.year] == [want["kind"], want["year"]], want
    for para in expected.get("paragraphs", []):
        matches = [p for p in report.paragraphs if para["contains"] in p.text]
        assert len(matches) == 1, para
        assert (matches[0].first_line, matches[0].last_line) == (para["first_line"], para["last_line"])
