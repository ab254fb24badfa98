"""The check over a corpus of any size (`targetcheck.stream`): the same results as a corpus loaded
whole, every report read once and only a few held at a time, and the same output from one
process or several (`--jobs`)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from bench.make_corpus import build

from targetcheck import stream
from targetcheck.config import load_config
from targetcheck.corpus import load_corpus
from targetcheck.engine import run_check
from targetcheck.errors import ConfigError, CorpusError
from targetcheck.stream import REPORTS_HELD, CorpusIndex, Workers, scan_corpus
from tests.clihelp import FOLLOWUPS, ROOT, invoke

CORPORA = [ROOT / "seeds", ROOT / "tests/corpora/baotou-2018", ROOT / "tests/corpora/baotou-2026",
           ROOT / "tests/corpora/ordos-2023-2024"]
BAOTOU_2018 = next((ROOT / "tests/corpora/baotou-2018").glob("*.txt"))


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


@pytest.fixture
def awkward_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus folder as hardening meets them: the seeds, a named pipe, an empty file, a file
    over the size limit (lowered to 1 MB here), a file of mixed UTF-8 and GB18030 lines (the
    2018 follow-up), and a loop of links."""
    from targetcheck import files

    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    (folder / "empty.txt").touch()
    (folder / "huge.txt").write_bytes((ROOT / "seeds/000_b64753ee75fd97df.txt").read_bytes() * 3)  # 1.4 MB
    lines = BAOTOU_2018.read_text(encoding="utf-8").splitlines(True)
    mixed = b"".join(line.encode("gb18030" if k % 4 == 2 else "utf-8") for k, line in enumerate(lines))
    (folder / "mixed-2018.txt").write_bytes(mixed)
    (folder / "loop").symlink_to(folder)
    monkeypatch.setattr(files, "MAX_REPORT_BYTES", 1024 * 1024)
    return folder


def test_the_index_skips_what_the_reader_skips(awkward_folder: Path) -> None:
    """The streaming check reads files through the reader's checks (regular files only, none
    empty or too large, links followed once): the same warnings, files and results as the corpus
    loaded whole, and no named pipe opened (which would block the run)."""
    loaded = load_corpus([awkward_folder])
    index = scan_corpus([awkward_folder])
    warnings = index.warnings()
    assert warnings == loaded.warnings()
    assert any("named pipe (FIFO), not a report file: skipped" in w for w in warnings)
    assert any("a report file may be: skipped" in w for w in warnings)
    assert any("mixed encodings" in w for w in warnings)
    expected = run_check([], loaded, config_name="--auto", auto=True)
    streamed = run_check([], scan_corpus([awkward_folder]), config_name="--auto", auto=True)
    _same_run(expected, streamed)
    assert streamed.results  # 2017 against the (mixed-encoding) 2018 follow-up


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_workers_skip_what_the_reader_skips(awkward_folder: Path, jobs: str) -> None:
    """The index is read by worker processes when asked for (`--jobs 2`): they apply the same
    checks, cached or not."""
    args = ["check", "--auto", "--corpus", str(awkward_folder), "--format", "json"]
    cold = invoke(*args, "--no-cache", "--jobs", "1")
    assert cold.exit_code == 0, cold.output
    assert "named pipe (FIFO)" in cold.stderr and "100 MB" not in cold.stderr
    for run in (invoke(*args, "--jobs", jobs), invoke(*args, "--jobs", jobs)):  # fills, then reads the cache
        assert (run.exit_code, run.stdout, run.stderr) == (cold.exit_code, cold.stdout, cold.stderr)


def test_a_report_that_turns_into_a_pipe_stops_the_run(tmp_path: Path) -> None:
    """A file indexed as a report and replaced by a named pipe before its turn is never opened."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    index = scan_corpus([folder])
    victim = index.refs[0].path
    victim.unlink()
    os.mkfifo(victim)
    with pytest.raises(CorpusError, match="named pipe"):
        run_check([], index, config_name="--auto", auto=True)


def test_per_report_outcome_caches_go_with_their_reports(many_cities: Path) -> None:
    """The outcome finder keeps what it derives from a report (adjacent-clause sites) keyed by the
    report's identity: a streamed run drops reports as it goes, and their entries go with them, so
    a new report at a reused address is never answered from an old one's entry."""
    from targetcheck import outcomes

    index = scan_corpus([many_cities])
    run = run_check([], index, config_name="--auto", auto=True)
    assert run.results
    assert len(outcomes._SITES) <= REPORTS_HELD


def test_a_report_from_the_cache_gives_the_sites_of_a_report_read(tmp_path: Path) -> None:
    """A report unpickled from the cache is a new object: its adjacent-clause sites are derived
    again, and are those of the report read from its file."""
    import pickle

    from targetcheck import outcomes
    from targetcheck.reader import read_file

    (report,) = read_file(BAOTOU_2018).reports
    fresh = outcomes._bridge_sites(report)
    again = pickle.loads(pickle.dumps(report))
    assert again is not report and outcomes._bridge_sites(again) is not fresh
    assert outcomes._bridge_sites(again) == fresh
    assert outcomes._bridge_sites(report) is fresh  # the report itself: its own entry


def test_a_file_of_many_reports_is_read_and_cut_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports that share a file are built one by one from one reading of it: reading and cutting
    the whole file again for each report made a file of 5,000 short reports take minutes."""
    from targetcheck.reader import report as reader

    folder = tmp_path / "reports"
    folder.mkdir()
    block = "——2017年1月10日在城市{k}市第一届人民代表大会第一次会议上\n过去一年，全市地区生产总值增长7%。\n"
    (folder / "many.txt").write_text("".join(block.format(k=k) for k in range(60)), encoding="utf-8")
    cuts = []
    real = reader.file_blocks
    monkeypatch.setattr(reader, "file_blocks", lambda data: cuts.append(1) or real(data))
    index = scan_corpus([folder])
    assert len(index.refs) == 60
    streamed = run_check([], index, config_name="--auto", auto=True, workers=Workers(1))
    assert len(cuts) == 1
    _same_run(run_check([], load_corpus([folder]), config_name="--auto", auto=True), streamed)
