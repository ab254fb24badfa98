"""The cache (`targetcheck.cache`): a warm run prints what a cold one prints; an entry is never
used for an edited file; a corrupt entry is ignored; it lives in the user's cache folder only, and
`--no-cache`, TARGETCHECK_NO_CACHE=1 or a folder that cannot be written turn it off."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from targetcheck.cache import Cache, cache_folder
from tests.clihelp import FOLLOWUPS, ROOT, invoke, tree_hashes

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "targetcheck"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped targets.yaml and corpus (with the 2018 follow-up), to edit."""
    folder = tmp_path / "project"
    (folder / "reports").mkdir(parents=True)
    shutil.copy(ROOT / "targets.yaml", folder / "targets.yaml")
    for source in [*(ROOT / "seeds").iterdir(), *(ROOT / "tests/corpora/baotou-2018").iterdir()]:
        shutil.copy(source, folder / "reports" / source.name)
    text = (folder / "targets.yaml").read_text(encoding="utf-8").replace("corpus: [seeds]", "corpus: [reports]")
    (folder / "targets.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
@pytest.mark.parametrize("auto", [[], ["--auto", "--targets", "targets.yaml"]])
@pytest.mark.usefixtures("at_root")
def test_a_warm_run_prints_what_a_cold_run_prints(cache_home: Path, fmt: str, auto: list[str]) -> None:
    args = ["check", *FOLLOWUPS, *auto, "--format", fmt]
    cold = invoke(*args, "--no-cache", env=EPOCH)
    first = invoke(*args, env=EPOCH)  # fills the cache
    assert _entries(cache_home)
    warm = invoke(*args, env=EPOCH)
    for result in (first, warm):
        assert (result.exit_code, result.stdout, result.stderr) == (cold.exit_code, cold.stdout, cold.stderr)


def test_an_edited_report_is_read_again(cache_home: Path, project: Path) -> None:
    before = invoke("check", "--id", "2017.gdp-growth", "--format", "json")
    assert '"status": "missed"' in before.stdout  # 2018 reports 5.6% for a target of 8% (about)
    report = next((project / "reports").glob("包头2018*"))
    text = report.read_text(encoding="utf-8")
    edited = text.replace("按可比价格计算增长5.6%", "按可比价格计算增长8.1%")
    assert edited != text
    report.write_text(edited, encoding="utf-8")
    after = invoke("check", "--id", "2017.gdp-growth", "--format", "json")
    cold = invoke("check", "--id", "2017.gdp-growth", "--format", "json", "--no-cache")
    assert after.stdout == cold.stdout != before.stdout
    assert '"status": "met"' in after.stdout


def test_an_edited_targets_yaml_is_loaded_again(cache_home: Path, project: Path) -> None:
    before = invoke("check", "--id", "2017.gdp-growth", "--format", "json")
    targets = project / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace(
            "{id: 2017.gdp-growth, indicator: gdp-growth, quote: 地区生产总值增长8%左右, tags: [headline]}",
            "{id: 2017.gdp-growth, indicator: gdp-growth, quote: 地区生产总值增长8%左右, tags: [headline], tolerance: 3}",
        ),
        encoding="utf-8",
    )
    after = invoke("check", "--id", "2017.gdp-growth", "--format", "json")
    assert '"tolerance": 3' in after.stdout and '"tolerance": 3' not in before.stdout
    broken = targets.read_text(encoding="utf-8").replace("tolerance: 3", "tolerance: x")
    targets.write_text(broken, encoding="utf-8")
    error = invoke("check")  # an error is never served from the cache
    assert error.exit_code == 2 and "`tolerance` must be a number" in error.stderr


def test_corrupt_entries_are_ignored(cache_home: Path, project: Path) -> None:
    expected = invoke("check", "--format", "json", "--no-cache")
    invoke("check", "--format", "json")
    entries = _entries(cache_home)
    assert len(entries) >= 4  # targets.yaml, the files' headers, the reports, the run
    for k, entry in enumerate(entries):
        entry.write_bytes(b"" if k % 2 else b"\x80\x05garbage, not a pickle")
    result = invoke("check", "--format", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, expected.stderr)
    assert all(entry.stat().st_size > 50 for entry in _entries(cache_home))  # written again


@pytest.mark.parametrize(("option", "env"), [(["--no-cache"], {}), ([], {"TARGETCHECK_NO_CACHE": "1"})])
def test_cache_off_writes_nothing(cache_home: Path, project: Path, option: list[str], env: dict[str, str]) -> None:
    result = invoke("check", *option, env=env)
    assert result.exit_code == 0
    assert not cache_home.exists()


def test_a_cache_folder_that_cannot_be_written_turns_the_cache_off(
    tmp_path: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    expected = invoke("check", "--no-cache")
    result = invoke("check")
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, expected.stderr)
    if os.geteuid() != 0:  # root writes into read-only folders
        readonly = tmp_path / "readonly"
        readonly.mkdir()
        readonly.chmod(stat.S_IRUSR | stat.S_IXUSR)
        monkeypatch.setenv("XDG_CACHE_HOME", str(readonly))
        assert invoke("check").stdout == expected.stdout
        assert not any(readonly.iterdir())


def test_the_cache_is_never_next_to_the_inputs(cache_home: Path, project: Path) -> None:
    before = tree_hashes(project)
    invoke("check", "--auto", "--targets", "targets.yaml")
    invoke("check")
    assert tree_hashes(project) == before
    assert _entries(cache_home)
    assert cache_folder() == cache_home


def test_cache_folder_follows_xdg_and_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "targetcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as the spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == tmp_path / "home" / ".cache" / "targetcheck"


def test_keys_name_the_content_the_name_and_the_code(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = cache.key("report", "a.txt", b"text")
    assert key == Cache(tmp_path).key("report", "a.txt", b"text")
    assert len({key, cache.key("report", "a.txt", b"text!"), cache.key("report", "b.txt", b"text"),
                cache.key("scan", "a.txt", b"text")}) == 4
    cache.store(key, {"value": 1})
    assert cache.load(key) == {"value": 1}
    assert cache.load(cache.key("report", "a.txt", b"other")) is None


def test_a_folder_others_may_write_into_is_not_used(tmp_path: Path, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    (shared / "targetcheck").mkdir(parents=True)
    (shared / "targetcheck").chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    assert Cache.open() is None
    assert invoke("check").exit_code == 0
    assert not any((shared / "targetcheck").iterdir())


def test_a_run_from_the_cache_after_its_targets_entry_is_gone(cache_home: Path, project: Path) -> None:
    """The loaded targets.yaml may be pruned while the small entry of its corpus list is kept:
    a run that needs the targets loads them again."""
    expected = invoke("check", "--format", "json", "--no-cache")
    invoke("check", "--format", "json")
    for entry in _entries(cache_home):
        if entry.name.startswith(("config-", "run-")):
            entry.unlink()
    result = invoke("check", "--format", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, expected.stderr)


def test_a_file_edited_during_a_run_is_never_filed_under_its_old_content(cache_home: Path, project: Path) -> None:
    """The cache keys a run by the files' contents when they were indexed: a report or a
    targets.yaml edited between the index and its reading stops the run (exit 2, run it again)."""
    from targetcheck.cache import CachedTargets
    from targetcheck.engine import run_check
    from targetcheck.errors import ConfigError, CorpusError
    from targetcheck.stream import scan_corpus

    invoke("check")  # the corpus list of targets.yaml is now in the cache
    for entry in cache_home.glob("run-*"):  # (a run answered whole reads nothing)
        entry.unlink()
    cache = Cache.open()
    targets = CachedTargets(Path("targets.yaml"), cache)
    index = scan_corpus([Path("reports")], cache=cache)
    report = next(Path("reports").glob("包头2018*"))
    report.write_text(report.read_text(encoding="utf-8") + "\n补记。\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="changed while targetcheck was reading it"):
        run_check(targets.targets, index, config_name="targets.yaml", targets_key=targets.key)
    fresh = CachedTargets(Path("targets.yaml"), cache)  # its corpus list from the cache, targets not loaded
    Path("targets.yaml").write_text(Path("targets.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="changed while targetcheck was reading it"):
        list(fresh.targets)
