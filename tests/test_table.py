"""The terminal table: fits COLUMNS=60/80/100/120 with Chinese text aligned, a city column for
several cities, marks with a legend, notes, counts."""

from __future__ import annotations

import re

import pytest

from targetcheck.render.cells import width, wrap
from tests.clihelp import (
    FOLLOWUPS,
    HEADLINE_FOLLOWUPS,
    HEADLINE_TARGETS,
    ROOT,
    TWO_CITIES,
    check_json,
    invoke,
)

pytestmark = pytest.mark.usefixtures("at_root")
RUNS = {"followups": FOLLOWUPS, "two-cities": TWO_CITIES, "shipped": []}
VERDICTS = ("met", "missed", "unreported", "pending")


def table(run: str, columns: int | None = None, *args: str) -> str:
    env = {"COLUMNS": str(columns)} if columns else {}
    result = invoke("check", *RUNS[run], *args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("columns", [60, 80, 100, 120])
@pytest.mark.parametrize("run", list(RUNS))
def test_every_line_fits_the_terminal_and_every_result_is_there(run: str, columns: int) -> None:
    out = table(run, columns)
    for line in out.splitlines():
        assert width(line) <= columns, line
    payload = check_json(*RUNS[run])
    for record in payload["results"]:
        assert re.search(rf"^{re.escape(record['id'])}\b", out, re.M), record["id"]
    summary = payload["summary"]
    assert " ".join(out.split()).endswith(", ".join(f"{summary[v]} {v}" for v in VERDICTS) + (
        f"; {summary['not_checkable']} not checkable" if summary["not_checkable"] else ""
    ))


def _column_starts(header: str) -> dict[str, int]:
    return {m.group(0): width(header[: m.start()]) for m in re.finditer(r"\S+(?: / \S+)?", header)}


@pytest.mark.parametrize("columns", [80, 100, 120, 10_000])
@pytest.mark.parametrize("run", list(RUNS))
def test_columns_line_up_with_chinese_text(run: str, columns: int) -> None:
    """Every verdict and every diff starts (or ends) at its header's display column."""
    out = table(run, columns)
    header = None
    checked = 0
    for line in out.splitlines():
        if line.startswith("id "):
            header = _column_starts(line)
            continue
        words = line.split()
        if header and line[:4].isdigit() and len(words) > 2:
            match = re.search(r"\s(met|missed|unreported|pending)(\s|$)", line)
            assert match, line
            assert width(line[: match.start(1)]) == header["verdict"], line
            checked += 1
    assert checked == len(check_json(*RUNS[run])["results"])


def test_the_natural_table_keeps_every_column_and_full_paths() -> None:
    out = table("followups")
    assert out.splitlines()[1].split() == ["id", "indicator", "target", "actual", "diff", "verdict", "evidence"]
    assert "tests/corpora/baotou-2018/包头2018政府工作报告-constructed.txt:15" in out
    assert "Files:" not in out


def test_narrower_tables_cite_files_by_key_and_list_them() -> None:
    out = table("followups", 120)
    assert "#1:15" in out
    files = out.split("Files: ", 1)[1].splitlines()
    assert files[0] == "#1 tests/corpora/baotou-2018/包头2018政府工作报告-constructed.txt"
    assert [f.strip().split()[0] for f in files[:3]] == ["#1", "#2", "#3"]


def test_at_80_columns_the_target_goes_under_its_id() -> None:
    out = invoke("check", *HEADLINE_FOLLOWUPS, env={"COLUMNS": "80"}).stdout  # ids of headline length
    assert "id / target" in out and "actual / diff" not in out
    lines = out.splitlines()
    first = lines.index(next(line for line in lines if line.startswith("2017.gdp-growth")))
    assert lines[first + 1].strip() == "地区生产总值增长8%左右"


def test_at_80_columns_long_ids_send_the_diff_under_the_actual_value() -> None:
    """The complete map has ids of 40 columns (`2017.winter-sports-and-football-centres`): the
    table keeps id, actual value and verdict on one line and puts the diff under the actual."""
    out = table("followups", 80)
    header = out.splitlines()[1]
    assert header.split("  ")[0].strip() == "id / target" and "actual / diff" in header
    assert "diff  " not in header.replace("actual / diff", "")
    lines = out.splitlines()
    first = lines.index(next(line for line in lines if line.startswith("2017.gdp-growth ")))
    assert lines[first].split() == ["2017.gdp-growth", "5.6%", "[e]", "missed", "#1:15"]
    below = lines[first + 1]
    assert below.split() == ["地区生产总值增长8%左右", "-2.4", "pp"]
    assert width(below[: below.index("-2.4")]) == _column_starts(header)["actual / diff"]


def test_at_60_columns_each_result_is_a_card() -> None:
    out = table("followups", 60)
    assert "id / target" not in out and "─" not in out
    lines = out.splitlines()
    first = lines.index("2017.gdp-growth  missed")
    assert lines[first + 1] == "  target 地区生产总值增长8%左右 (#1:29)"
    assert lines[first + 2] == "  actual 5.6% [e] -2.4 pp (#2:15)"


def test_a_city_column_when_results_span_several_cities() -> None:
    assert "city" in table("two-cities").splitlines()[1].split()
    assert re.search(r"^2023\.gdp-growth\s+鄂尔多斯市\s", table("two-cities"), re.M)
    assert "city" not in table("followups").splitlines()[1].split()
    assert table("followups").startswith("Targets for 2017 · 包头市\n")


def test_marks_legend_tolerance_and_sign_units() -> None:
    out = table("followups")
    assert re.search(r"^2017\.gdp-growth .* 5\.6% \[e\] +-2\.4 pp  missed", out, re.M)
    assert re.search(r"^2024\.new-urban-jobs .* 4\.2 万人 +\+0\.4 万人  met", out, re.M)
    assert re.search(r"^2024\.fai-growth .* 20% \[e\+\] +0 pp  met", out, re.M)
    legend = next(line for line in out.splitlines() if line.startswith("Marks: "))
    assert "[e] estimate (预计)" in legend and "[p] partial period" in legend and "[c] comparable basis" in legend
    assert "Tolerance (左右, 同步): ±0.2 pp (all others) · ±100 亿元 (2025.gdp-total)" in out


def test_notes_say_why_a_target_is_unreported_and_pending_notes_are_said_once() -> None:
    out = table("two-cities")
    # Why a milestone is missed is its mark (`not done [i]`, in the legend), not a note.
    assert re.search(r"^2023\.airport-expressway .* not done \[i\] +missed ", out, re.M)
    assert "[i] in progress only" in out and "reported not done:" not in out
    # The seeds alone, with the frozen headline targets: one 2024 target the 2025 report is silent
    # about, and the seven 2017 targets waiting for the 2018 report under one note.
    seeds = invoke("check", "--targets", HEADLINE_TARGETS, "--corpus", "seeds").stdout
    assert seeds.count("no 2018 report of 包头市") == 1
    assert "  * 7 targets: no 2018 report of 包头市 in the corpus: the outcome of 2017 is reported there" in seeds
    assert "  * 2024.unemployment-rate: the 2025 report (seeds/003_f70d05a2e53d4ccd.txt) does not report it" in seeds
    # A note shared by a few targets names them; by many, counts them.
    out = invoke("check", "--targets", HEADLINE_TARGETS, "--corpus", "seeds", "--year", "2017,2025", "--id", "*.gdp-*").stdout
    assert "  * 2017.gdp-growth: no 2018 report of 包头市" in out
    assert "  * 2025.gdp-growth, 2025.gdp-total: no 2026 report of 包头市" in out


def test_targets_set_elsewhere_are_listed_apart() -> None:
    out = table("two-cities")
    # Results span two cities: the row names its city, as result rows do in their city column.
    assert "Not checkable from reports (set by a higher level)\n  2023.energy-quota (鄂尔多斯市)  完成自治区下达的能耗双控任务" in out
    assert out.rstrip().endswith("; 1 not checkable")


@pytest.mark.parametrize(
    ("text", "limit", "lines"),
    [
        ("城乡居民人均可支配收入分别增长8%、8.5%左右", 24, ["城乡居民人均可支配收入分", "别增长8%、8.5%左右"]),
        ("一般公共预算收入增长5%左右", 24, ["一般公共预算收入增长", "5%左右"]),  # 5%左右 stays whole
        ("增长7.8%；预计全年增长7.2%左右", 10, ["增长7.8%；", "预计全年增", "长7.2%左右"]),  # never `；` first
        ("tests/corpora/baotou-2018/x.txt:15", 12, ["tests/corpor", "a/baotou-201", "8/x.txt:15"]),
        ("short", 10, ["short"]),
    ],
)
def test_wrap_breaks_between_characters_never_inside_numbers_or_before_closing_marks(
    text: str, limit: int, lines: list[str]
) -> None:
    assert wrap(text, limit) == lines
    assert all(width(line) <= limit for line in lines)


def test_aspirational_wording_is_marked_on_the_target() -> None:
    out = table("two-cities", None, "--year", "2025")
    assert re.search(r"^2025\.industrial-projects .*力争新开工亿元以上产业类项目200个以上 \[a\]  —", out, re.M)
    assert "Marks: [a] aspirational wording (力争…)" in out
    markdown = invoke("check", *TWO_CITIES, "--year", "2025", "-f", "markdown").stdout
    assert "| 2025.industrial-projects | 力争新开工亿元以上产业类项目200个以上 [a] |" in markdown
    assert "| [a] | aspirational |" in markdown


def test_the_readme_qualifier_table_gives_the_marks_the_table_uses() -> None:
    from targetcheck.render.table import MARKS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("| qualifier | from | mark |", 1)[1].split("\n\n", 1)[0]
    documented = {}
    for row in section.splitlines()[2:]:
        names, _from, mark = (cell.strip() for cell in row.strip("|").rsplit("|", 2))
        for name in re.findall(r"`([a-z-]+)`", names):
            documented[name] = mark
    assert documented == {q: m for q, m in MARKS.items() if q != "relation"}
