"""`check --auto` as a user runs it: where the corpus comes from, what targets.yaml is used for,
`origin` in JSON, and the city in the table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from targetcheck.app import app
from targetcheck.auto import headline_targets
from targetcheck.reader import read_text
from tests.conftest import ROOT, SEED_2017, SEED_2025

GOLDEN = Path(__file__).parent / "golden" / "auto"


def write_corpus(folder: Path, case: str) -> None:
    folder.mkdir()
    for name, text in yaml.safe_load((GOLDEN / case).read_text(encoding="utf-8"))["reports"].items():
        (folder / name).write_text(text, encoding="utf-8")


def invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(app, ["check", *args])


def test_help_and_readme_document_auto() -> None:
    result = CliRunner().invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    assert "--auto" in result.stdout and "panel.csv" in result.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| `--auto` |" in readme and '"origin": "curated"' in readme


def test_auto_without_a_corpus_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(tmp_path, monkeypatch, "--auto")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--auto needs a corpus" in lines[0] and "--corpus PATH" in lines[0]
    assert "Traceback" not in result.output


def test_auto_with_a_missing_corpus_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(tmp_path, monkeypatch, "--auto", "--corpus", "nowhere")
    assert result.exit_code == 2
    assert "nowhere" in result.stderr and "Traceback" not in result.output


TARGETS_YAML = """\
schema_version: 1
corpus: [reports]
city: 青石市
reports:
  - year: 2022
    targets:
      - {id: 2022.gdp-growth, indicator: gdp-growth, quote: 地区生产总值增长7%左右, tolerance: 1}
  - year: 2022
    source: 青石市2022年国民经济和社会发展计划
    targets:
      - {id: 2022.new-urban-jobs, indicator: new-urban-jobs, statement: 新增城镇就业1万人}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A working folder with a targets.yaml naming its corpus `reports/` (two cities)."""
    write_corpus(tmp_path / "reports", "two-cities-same-years.yaml")
    (tmp_path / "targets.yaml").write_text(TARGETS_YAML, encoding="utf-8")
    return tmp_path


def test_auto_alone_takes_the_corpus_of_targets_yaml_but_none_of_its_targets(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = invoke(project, monkeypatch, "--auto", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert {r["origin"] for r in payload["results"]} == {"auto"}
    assert "2022.new-urban-jobs" not in {r["id"] for r in payload["results"]}
    assert {r["city"] for r in payload["results"]} == {"青石市", "云岭市"}


def test_auto_alone_does_not_read_the_targets_of_targets_yaml(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = TARGETS_YAML.replace("indicator: new-urban-jobs", "indicator: no-such-indicator")
    (project / "targets.yaml").write_text(broken, encoding="utf-8")
    assert invoke(project, monkeypatch, "--auto", "--format", "json").exit_code == 0
    # … while naming the file with --targets reads it, and the broken target is an error.
    result = invoke(project, monkeypatch, "--auto", "--targets", "targets.yaml")
    assert result.exit_code == 2 and "no-such-indicator" in result.stderr


def test_auto_with_targets_merges_curated_first(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(project, monkeypatch, "--auto", "--targets", "targets.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {(r["city"], r["id"]): r for r in json.loads(result.stdout)["results"]}
    assert rows[("青石市", "2022.gdp-growth")]["origin"] == "curated"
    assert rows[("青石市", "2022.gdp-growth")]["target"]["tolerance"] == 1
    assert rows[("云岭市", "2022.gdp-growth")]["origin"] == "auto"  # another city's: not replaced
    assert rows[("青石市", "2022.new-urban-jobs")]["origin"] == "curated"
    assert rows[("青石市", "2022.revenue-growth")]["origin"] == "auto"
    # Rows come city by city, year by year.
    order = [(r["city"], r["year"]) for r in json.loads(result.stdout)["results"]]
    assert order == sorted(order, key=lambda cy: (cy[0].removesuffix("市"), cy[1]))


def test_without_auto_results_are_curated(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(project, monkeypatch, "--format", "json")
    assert result.exit_code == 0, result.output
    assert {r["origin"] for r in json.loads(result.stdout)["results"]} == {"curated"}


def test_table_names_the_city_of_each_row_when_cities_mix(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(project, monkeypatch, "--auto")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("2022.gdp-growth")]
    assert sorted(line.split()[1] for line in rows) == ["云岭市", "青石市"]  # the city column


def test_table_of_one_city_keeps_the_city_in_the_title(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_corpus(tmp_path / "reports", "multi-sentence-list-and-pending.yaml")
    result = invoke(tmp_path, monkeypatch, "--auto", "--corpus", "reports")
    assert result.exit_code == 0, result.output
    assert "Targets for 2020 · 望海市" in result.stdout
    assert "(望海市)" not in result.stdout


def test_headline_targets_of_the_seeds() -> None:
    """The pure function on the real seeds: seed 000's list runs over three sentences."""
    report_2017 = read_text(SEED_2017.read_text(encoding="utf-8"), "000.txt").reports[0]
    targets = headline_targets(report_2017)
    assert [t.id for t in targets] == [
        "2017.gdp-growth", "2017.fai-growth", "2017.retail-growth", "2017.revenue-growth",
        "2017.urban-income-growth", "2017.rural-income-growth", "2017.unemployment-rate",
        "2017.set-elsewhere",
    ]
    assert {t.location for t in targets} == {("000.txt", 29)}
    assert all(t.origin == "auto" and t.city == "包头市" for t in targets)
    urban, rural = targets[4], targets[5]
    assert urban.quote == rural.quote == "城乡居民人均可支配收入分别增长8%、8.5%左右"
    assert (urban.terms.value, rural.terms.value) == (8, 8.5)
    assert targets[-1].terms.comparator.value == "external"
    report_2025 = read_text(SEED_2025.read_text(encoding="utf-8"), "003.txt").reports[0]
    targets = headline_targets(report_2025)
    assert [t.id.split(".")[1] for t in targets] == [
        "gdp-growth", "industry-va-growth", "fai-growth", "retail-growth", "revenue-growth", "income-growth",
    ]
    assert targets[-1].terms.comparator.value == "relation"
    assert {t.location for t in targets} == {("003.txt", 45)}
