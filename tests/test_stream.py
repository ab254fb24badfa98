"""The check over a corpus of any size (`targetcheck.stream`): the same results as a corpus loaded
whole, every report read once and only a few held at a time, and the same output from one
process or several (`--jobs`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from bench.make_corpus import build

from targetcheck import stream
from targetcheck.config import load_config
from targetcheck.corpus import load_corpus
from targetcheck.engine import run_check
from targetcheck.errors import ConfigError
from targetcheck.stream import REPORTS_HELD, CorpusIndex, Workers, scan_corpus
from tests.clihelp import FOLLOWUPS, ROOT, invoke

CORPORA = [ROOT / "seeds", ROOT / "tests/corpora/baotou-2018", ROOT / "tests/corpora/baotou-2026",
           ROOT / "tests/corpora/ordos-2023-2024"]


@pytest.fixture(scope="module")
def many_cities(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three cities, four years each, from the seeds (bench/make_corpus.py): every report but the
    last of each city has its follow-up."""
    folder = tmp_path_factory.mktemp("corpus") / "reports"
    assert build(folder, cities=3, years=4) == 12
    return folder


def _same_run(a, b) -> None:  # type: ignore[no-untyped-def]
    assert a.results == b.results
    assert [r.considered for r in a.results] == [r.considered for r in b.results]  # not compared by ==
    assert a.uncheckable == b.uncheckable
    assert a.warnings == b.warnings
    assert a.headline_warnings == b.headline_warnings


@pytest.mark.parametrize("auto", [False, True])
def test_streamed_run_is_the_run_over_the_loaded_corpus(auto: bool) -> None:
    config = load_config(ROOT / "targets.yaml")
    loaded = load_corpus(CORPORA)
    index = scan_corpus(CORPORA)
    expected = run_check(config.targets, loaded, config_name="targets.yaml", auto=auto)
    streamed = run_check(config.targets, index, config_name="targets.yaml", auto=auto)
    _same_run(expected, streamed)
    assert index.warnings() == loaded.warnings()


def test_auto_alone_streamed_and_loaded_agree(many_cities: Path) -> None:
    expected = run_check([], load_corpus([many_cities]), config_name="--auto", auto=True)
    streamed = run_check([], scan_corpus([many_cities]), config_name="--auto", auto=True)
    _same_run(expected, streamed)
    assert len(expected.results) > 20


def test_every_report_is_read_once_and_few_are_held(many_cities: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    held: list[int] = []
    read = stream._read_report

    def counting(ref, cache):  # type: ignore[no-untyped-def]
        reads.append(ref.file)
        return read(ref, cache)

    load = CorpusIndex.load

    def watching(self, ref):  # type: ignore[no-untyped-def]
        report = load(self, ref)
        held.append(len(self._held))
        return report

    monkeypatch.setattr(stream, "_read_report", counting)
    monkeypatch.setattr(CorpusIndex, "load", watching)
    index = scan_corpus([many_cities])
    run = run_check([], index, config_name="--auto", auto=True)
    index.warnings()
    assert len(run.results) > 20
    assert sorted(reads) == sorted(ref.file for ref in index.refs)  # each once, none twice
    assert max(held) <= REPORTS_HELD
    assert not index._held  # nothing kept after the run


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table"])
def test_several_processes_print_what_one_prints(many_cities: Path, fmt: str) -> None:
    args = ["check", "--auto", "--corpus", str(many_cities), "--format", fmt, "--no-cache"]
    one = invoke(*args, "--jobs", "1", env={"SOURCE_DATE_EPOCH": "1767225600"})
    two = invoke(*args, "--jobs", "2", env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert one.exit_code == two.exit_code == 0, two.output
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert "repeats 8 times" in one.stderr


def test_several_processes_with_curated_targets() -> None:
    args = ["check", *FOLLOWUPS, "--corpus", "tests/corpora/ordos-2023-2024", "--auto", "--targets", "targets.yaml",
            "--format", "json", "--no-cache"]
    one, two = invoke(*args, "--jobs", "1"), invoke(*args, "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, two.output
    assert (two.stdout, two.stderr) == (one.stdout, one.stderr)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_first_bad_quote_in_target_order_stops_the_run(jobs: int) -> None:
    """Targets are checked report by report, not in their order: of two quotes that are not in
    their reports, the error still names the first target in the order given."""
    config = load_config(ROOT / "targets.yaml")
    bad = {"2017.gdp-growth": "地区生产总值增长9.5%左右", "2025.gdp-growth": "地区生产总值增长9.5%左右"}
    targets = [replace(t, quote=bad[t.id]) if t.id in bad else t for t in config.targets][::-1]
    for expected in ("2025.gdp-growth", "2017.gdp-growth"):
        with Workers(jobs) as workers, pytest.raises(ConfigError) as error:
            run_check(targets, scan_corpus(CORPORA, workers=workers), config_name="t.yaml", workers=workers)
        assert error.value.target_id == expected
        targets = targets[::-1]


def test_jobs_must_be_one_or_more() -> None:
    result = invoke("check", "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs 0" in result.stderr


def test_workers_are_used_only_for_large_corpora() -> None:
    assert not Workers(None).wanted(stream.PARALLEL_MIN_REPORTS - 1)
    assert Workers(None).wanted(stream.PARALLEL_MIN_REPORTS) == (stream.default_jobs() > 1)
    assert Workers(2).wanted(2)  # asked for: whatever the size
    assert not Workers(1).wanted(10_000)
