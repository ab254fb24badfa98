"""`check --format table|json|csv|markdown`: every format renders, and all say the same thing.

Each format is parsed with a real parser (json, csv) or read line by line (Markdown) and compared
with the JSON records; every quote is checked against the file and line it cites.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from targetcheck.render import FORMATS
from targetcheck.render.csv_format import COLUMNS
from targetcheck.render.markdown import escape
from targetcheck.textnorm import normalize
from tests.clihelp import FOLLOWUPS, HEADLINE_FOLLOWUPS, ROOT, TWO_CITIES, check_json, invoke

pytestmark = pytest.mark.usefixtures("at_root")
RUNS = {"followups": FOLLOWUPS, "two-cities": TWO_CITIES, "shipped": []}


def squeeze(text: str) -> str:
    """The matching form (full-width digits as ASCII), without any space."""
    return re.sub(r"\s+", "", normalize(text))


def text_at(file: str, line: int, lines: int = 3) -> str:
    """The file from `line` on (a quote may run on after a page break), spaces dropped."""
    content = (ROOT / file).read_text(encoding="utf-8").splitlines()
    return squeeze("".join(content[line - 1 : line - 1 + lines]))


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("run", list(RUNS))
def test_every_format_renders(fmt: str, run: str) -> None:
    result = invoke("check", "--format", fmt, *RUNS[run])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    assert "Traceback" not in result.stderr


def test_json_envelope_and_summary_agree_with_results() -> None:
    payload = check_json(*HEADLINE_FOLLOWUPS)
    assert payload["schema_version"] == 1
    assert set(payload) >= {"schema_version", "summary", "results", "not_checkable", "filters"}
    assert payload["filters"] == {}
    statuses = [r["status"] for r in payload["results"]]
    for status in ("met", "missed", "unreported", "pending"):
        assert payload["summary"][status] == statuses.count(status)
    assert payload["summary"]["total"] == len(statuses) == 22


@pytest.mark.parametrize("run", ["followups", "two-cities"])
def test_csv_rows_are_the_json_records(run: str) -> None:
    records = {r["id"]: r for r in check_json(*RUNS[run])["results"]}
    result = invoke("check", "--format", "csv", *RUNS[run])
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert tuple(rows[0].keys()) == COLUMNS
    assert [row["id"] for row in rows] == list(records)
    for row in rows:
        record = records[row["id"]]
        actual = record["actual"] or {}
        assert row["status"] == record["status"]
        assert row["city"] == record["city"]
        assert row["year"] == str(record["year"])
        assert row["tags"].split(";") == record["tags"]
        assert row["target_quote"] == (record["target"]["quote"] or "")
        assert row["comparator"] == record["target"]["comparator"]
        assert row["evidence_quote"] == actual.get("quote", "")
        assert row["evidence_line"] == str(actual.get("line", ""))
        assert (row["qualifiers"].split(";") if row["qualifiers"] else []) == actual.get("qualifiers", [])
        for column, value in (("actual_value", actual.get("value")), ("difference", record["difference"]),
                              ("target_value", record["target"]["value"]), ("tolerance", record["target"]["tolerance"])):
            assert (float(row[column]) if row[column] else None) == (None if value is None else pytest.approx(value))
        assert row["notes"].split(" | ") == record["notes"]


def test_csv_is_utf8_with_crlf_and_a_bom_only_when_asked() -> None:
    plain = invoke("check", "--format", "csv", *HEADLINE_FOLLOWUPS).stdout_bytes
    bom = invoke("check", "--format", "csv", "--bom", *HEADLINE_FOLLOWUPS).stdout_bytes
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert bom == b"\xef\xbb\xbf" + plain
    assert plain.decode("utf-8").count("\r\n") == 23  # header + 22 rows
    rows = list(csv.DictReader(io.StringIO(bom.decode("utf-8-sig"), newline="")))
    assert rows[0]["id"] == "2017.gdp-growth"  # the BOM is not glued to the first column name


@pytest.mark.parametrize("run", ["followups", "two-cities"])
def test_every_quote_stands_where_it_says_and_holds_its_figure(run: str) -> None:
    """The quality bar, mechanically: each target quote is at its file:line, each outcome quote at
    its file:line, and the figure compared is in the outcome quote."""
    for record in check_json(*RUNS[run])["results"]:
        target = record["target"]
        if target["file"]:
            assert squeeze(target["quote"]) in text_at(target["file"], target["line"]), record["id"]
        actual = record["actual"]
        if actual:
            assert squeeze(actual["quote"]) in text_at(actual["file"], actual["line"]), record["id"]
            if actual["stated"]:
                assert squeeze(actual["stated"]) in squeeze(actual["quote"]), record["id"]


def _tables(markdown: str) -> list[list[str]]:
    tables, current = [], []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables + ([current] if current else [])


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


@pytest.mark.parametrize("run", ["followups", "two-cities", "shipped"])
def test_markdown_report_structure(run: str) -> None:
    payload = check_json(*RUNS[run])
    result = invoke("check", "--format", "markdown", *RUNS[run], env={"SOURCE_DATE_EPOCH": "1767225600"})
    text = result.stdout
    assert text.startswith("# targetcheck report\n")
    assert "checked on 2026-01-01" in text
    assert "Targets from `targets.yaml`" in text or "two-cities.yaml" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    years = sorted({r["year"] for r in payload["results"]})
    assert headings[:2] == ["## Summary", "## Corpus"]
    assert [h for h in headings if h.startswith("## Targets for")] == [
        h for h in headings if any(h.startswith(f"## Targets for {y}") for y in years)
    ]
    assert len([h for h in headings if h.startswith("## Targets for")]) == len(years)
    for table in _tables(text):  # every row has as many cells as the header: `|` is escaped
        assert all(len(_cells(row)) == len(_cells(table[0])) for row in table), table
    summary = dict(_cells(row) for row in _tables(text)[0][2:6])
    for status in ("met", "missed", "unreported", "pending"):
        assert int(summary[f" {status} "]) == payload["summary"][status]


@pytest.mark.parametrize("run", ["followups", "two-cities"])
def test_markdown_evidence_quotes_target_and_outcome_for_each_decided_target(run: str) -> None:
    payload = check_json(*RUNS[run])
    text = invoke("check", "--format", "markdown", *RUNS[run]).stdout
    evidence = text.split("## Evidence", 1)[1].split("\n## ", 1)[0]
    decided = [r for r in payload["results"] if r["status"] in ("met", "missed")]
    assert evidence.count("\n### ") == len(decided)
    for record in decided:
        section = evidence.split(f"### {record['id']}: {record['status']}\n", 1)[1].split("\n### ", 1)[0]
        target, actual = record["target"], record["actual"]
        assert f"> {escape(target['quote'] or target['statement'])}" in section
        assert f"> {escape(actual['quote'])}" in section
        assert f"`{actual['file']}:{actual['line']}`" in section
        if target["file"]:
            assert f"`{target['file']}:{target['line']}`" in section
        assert "considered and set aside" in section or "No other place" in section
    for record in payload["results"]:
        if record["status"] == "unreported":
            assert f"- **{record['id']}**" in text.split("## Unreported", 1)[1]
    assert "## Verdict rules used" in text and "## Qualifiers" in text


def test_markdown_escapes_pipes_and_marks(tmp_path: Path) -> None:
    """A report whose outcome sentence holds `|` and `*`: the tables keep their shape."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2017.txt").write_text(
        "——2017年2月16日在包头市第十四届人民代表大会第五次会议上\n二、2017年工作安排\n"
        "今年主要预期目标是：地区生产总值增长8%左右。\n", encoding="utf-8")
    (corpus / "2018.txt").write_text(
        "——2018年1月20日在包头市第十五届人民代表大会第一次会议上\n一、2017年工作回顾\n"
        "全年地区生产总值增长7.6%|*初步*。\n二、2018年工作安排\n地区生产总值增长6.5%左右。\n", encoding="utf-8")
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        "schema_version: 1\ncity: 包头市\nreports:\n  - year: 2017\n    targets:\n"
        "      - {id: 2017.gdp-growth, indicator: gdp-growth, quote: 地区生产总值增长8%左右}\n", encoding="utf-8")
    result = invoke("check", "--targets", str(targets), "--corpus", str(corpus), "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "7.6%\\|\\*初步\\*" in result.stdout
    for table in _tables(result.stdout):
        assert all(len(_cells(row)) == len(_cells(table[0])) for row in table)


def test_escape() -> None:
    assert escape("a|b") == "a\\|b"
    assert escape("seeds/003_f70d.txt") == "seeds/003_f70d.txt"  # GitHub leaves inner underscores
    assert escape("_x_ *y* <b> #1") == "\\_x\\_ \\*y\\* \\<b> #1"
    assert escape("#1\nline") == "\\#1 line"


def test_csv_text_cells_never_start_a_spreadsheet_formula(tmp_path: Path) -> None:
    """Text from targets files and reports lands in spreadsheets: a cell starting with `=`, `+`,
    `-` or `@` would run as a formula there. Such text cells start with `'`; numbers do not."""
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        "schema_version: 1\ncorpus: []\ncity: 包头市\nreports:\n  - year: 2024\n"
        "    source: '=HYPERLINK(\"http://example.invalid\")'\n    targets:\n"
        "      - {id: 2024.gdp-growth, indicator: gdp-growth, statement: '@地区生产总值增长9%左右'}\n",
        encoding="utf-8",
    )
    result = invoke("check", "--targets", str(targets), "--corpus", str(ROOT / "seeds"), "--format", "csv")
    assert result.exit_code == 0, result.output
    (row,) = csv.DictReader(io.StringIO(result.stdout, newline=""))
    assert row["target_source"] == "'=HYPERLINK(\"http://example.invalid\")"
    assert row["target_statement"] == "'@地区生产总值增长9%左右"
    assert row["difference"] == "-0.97"  # a number: left as it is
    assert row["status"] == "missed"
