"""The safeguards behind the bad-input catalogue, one by one: the YAML loader's limits, the
regular-expression check, the reader's limits and encodings, the corpus walk, one-line messages,
and `--output` that writes whole or not at all (with every input hashed before and after)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import yaml

from targetcheck import files, yamlsource
from targetcheck.corpus import iter_corpus_files
from targetcheck.errors import ConfigError, CorpusError, one_line
from targetcheck.reader import read_file, read_text
from targetcheck.reader.decode import NotText, decode_bytes
from targetcheck.reader.sentences import MAX_ITEM_CHARS
from targetcheck.regexcheck import regex_problem, shown
from targetcheck.yamlsource import load_located
from tests.badinput import AS_ROOT
from tests.clihelp import FOLLOWUPS, ROOT, input_hashes, invoke, tree_hashes
from tests.conftest import SEED_2025

# ── the YAML loader ─────────────────────────────────────────────────────────────────────────


def test_lines_of_keys_and_items() -> None:
    data = load_located("a: 1\nb:\n  - x\n  - {c: 2}\n", "t.yaml")
    assert data.key_lines == {"a": 1, "b": 2}
    assert data["b"].item_lines == [3, 4]
    assert data["b"][1].line == 4


def test_it_reads_what_safe_load_reads() -> None:
    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    assert load_located(text, "targets.yaml") == yaml.safe_load(text)


def test_merge_keys_add_what_the_mapping_does_not_say() -> None:
    data = load_located("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n", "t.yaml")
    assert data["use"] == {"x": 1, "y": 3}
    assert data["use"].key_lines["y"] == 4


def test_aliases_share_their_value_and_count_against_a_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    data = load_located("a: &a [1, 2, 3]\nb: *a\nc: *a\n", "t.yaml")
    assert data["b"] is data["a"]
    monkeypatch.setattr(yamlsource, "MAX_ALIAS_VALUES", 7)  # each alias adds 4 values (a list and 3 items)
    with pytest.raises(ConfigError, match="expand to more than 7 values") as info:
        load_located("a: &a [1, 2, 3]\nb: *a\nc: *a\n", "t.yaml")
    assert info.value.line == 3


@pytest.mark.parametrize(("depth", "refused"), [(yamlsource.MAX_DEPTH, False), (yamlsource.MAX_DEPTH + 1, True)])
def test_nesting_is_limited(depth: int, refused: bool) -> None:
    text = "[" * depth + "]" * depth
    if refused:
        with pytest.raises(ConfigError, match="nested more than"):
            load_located(text, "t.yaml")
    else:
        assert load_located(text, "t.yaml") is not None


def test_duplicate_keys_are_collected_for_lint() -> None:
    from targetcheck.problems import Problems

    problems = Problems()
    data = load_located("a: 1\na: 2\n", "t.yaml", problems)
    assert data == {"a": 1}
    assert [(p.line, p.message) for p in problems] == [(2, "key `a` appears twice in the same mapping (first on line 1)")]


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "targets.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="named pipe"):
        yamlsource.read_config_text(fifo)  # would block forever if it opened the pipe


# ── regular expressions ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+$", r"(a|aa)+", r"(.*)*", r"\d+\d+", r"(\d+)(\d+)", r".*.*座", r"[^，]*\s*[^。]*", r".*基站",
     r"a.*b.*c.*d", r"(\d+){2,9}", r"(?i)a+A+", r"(基)站\1", "基站" * 300],
)
def test_pathological_patterns_are_refused(pattern: str) -> None:
    assert regex_problem(pattern)


def _patterns(node: object) -> list[str]:
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("aliases", "exclude", "done", "pattern"):
                for entry in value if isinstance(value, list) else [value]:
                    entry = entry.get("pattern") if isinstance(entry, dict) else entry
                    if isinstance(entry, str):
                        out.append(entry)
            out += _patterns(value)
    elif isinstance(node, list):
        for value in node:
            out += _patterns(value)
    return out


def test_the_patterns_in_use_are_accepted() -> None:
    """Every alias in the shipped targets.yaml and in the golden verdict cases passes the check,
    and so do the built-in headline aliases."""
    from targetcheck.indicators import HEADLINE

    patterns = _patterns(yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8")))
    for case in sorted((ROOT / "tests" / "golden" / "verdicts").glob("*.yaml")):
        targets = yaml.safe_load(case.read_text(encoding="utf-8")).get("targets")
        patterns += _patterns(yaml.safe_load(targets) if isinstance(targets, str) else targets)
    patterns += [alias.pattern for indicator in HEADLINE.values() for alias in indicator.aliases]
    assert len(patterns) > 20
    assert [p for p in patterns if regex_problem(p)] == []


def test_a_long_pattern_is_shown_by_its_start() -> None:
    assert shown("a" * 2000) == repr("a" * 60) + "… (2000 characters)"
    assert shown("基站") == "'基站'"


# ── the reader ──────────────────────────────────────────────────────────────────────────────


def test_items_are_bounded_and_cut_at_a_clause(tmp_path: Path) -> None:
    header = "——2026年1月20日在包头市第十六届人民代表大会第六次会议上\n"
    body = "，".join(f"第{k}项工作稳步推进" for k in range(2000)) + "\n"
    report = read_text(header + body, "r.txt").reports[0]
    assert max(len(item.text) for item in report.items) <= MAX_ITEM_CHARS
    assert all(item.text.endswith("，") for item in report.items[1:-2] if len(item.text) > MAX_ITEM_CHARS // 2)
    assert report.find_quote("第1500项工作稳步推进")  # quotes stand in paragraphs, not items


def test_a_long_paragraph_is_not_joined_again_for_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines that never end a sentence join into one paragraph; asking whether what is joined so
    far is a heading (60 characters at most) stops once it is longer, or the join is quadratic."""
    from targetcheck.reader import paragraphs

    asked: list[int] = []
    real = paragraphs.looks_like_heading

    def counting(text: str) -> bool:
        asked.append(len(text))
        return real(text)

    monkeypatch.setattr(paragraphs, "looks_like_heading", counting)
    lines = [(k + 1, f"我们坚持稳中求进工作总基调统筹发展和安全扎实推进第{k}项各项工作") for k in range(2000)]
    (paragraph,) = paragraphs.build_paragraphs(lines)
    assert (paragraph.first_line, paragraph.last_line) == (1, 2000)
    assert max(asked) <= 2 * 60


def test_a_file_over_the_size_limit_is_skipped_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(SEED_2025.read_bytes())
    monkeypatch.setattr(files, "MAX_REPORT_BYTES", 1000)
    reading = read_file(path)
    assert reading.skipped and "more than the 0 MB a report file may be: skipped" in reading.warnings[0]


def test_an_empty_file_is_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "empty.txt"
    path.touch()

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("opened an empty file")

    monkeypatch.setattr("builtins.open", no_open)
    assert read_file(path).warnings == ["not text (empty file): skipped"]


def test_a_fifo_inside_a_folder_is_skipped_unopened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    reading = read_file(tmp_path / "pipe.txt")
    assert reading.warnings == ["is a named pipe (FIFO), not a report file: skipped"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(encoding: str) -> None:
    text = SEED_2025.read_text(encoding="utf-8")
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, encoding)
    assert decoded.note == f"UTF-16 without a byte-order mark: read as {encoding.upper()}"


def test_mixed_utf8_and_gb18030_lines() -> None:
    lines = SEED_2025.read_text(encoding="utf-8").splitlines(keepends=True)
    data = b"".join(line.encode("gb18030" if k % 4 == 2 else "utf-8") for k, line in enumerate(lines))
    decoded = decode_bytes(data)
    assert decoded.text == "".join(lines)
    assert decoded.note and decoded.note.startswith("mixed encodings: ")


def test_plain_gb18030_is_not_taken_for_mixed() -> None:
    text = SEED_2025.read_text(encoding="utf-8")
    decoded = decode_bytes(text.encode("gb18030"))
    assert (decoded.text, decoded.encoding, decoded.note) == (text, "gb18030", None)


def test_nul_bytes_on_both_sides_are_binary() -> None:
    with pytest.raises(NotText, match="binary"):
        decode_bytes(bytes(range(256)) * 10)


# ── the corpus ──────────────────────────────────────────────────────────────────────────────


def test_a_folder_of_too_many_files_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from targetcheck import corpus

    for k in range(5):
        (tmp_path / f"{k}.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(corpus, "MAX_CORPUS_FILES", 3)
    with pytest.raises(CorpusError, match="holds more than 3 files"):
        list(iter_corpus_files([tmp_path]))


def test_each_file_once_whatever_the_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("y", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "up")  # a loop back to the top
    os.symlink(tmp_path / "a.txt", tmp_path / "sub" / "a-again.txt")
    found = [Path(p).name for p, _ in iter_corpus_files([tmp_path, tmp_path / "a.txt", tmp_path / "sub"])]
    assert sorted(found) == ["a.txt", "b.txt"]


# ── messages ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "line"),
    [("a\nb", "a\\nb"), ("tab\there", "tab\\there"), ("nul\x00", "nul\\x00"), ("r\udcb0.txt", "r\\udcb0.txt"),
     ("line\u2028sep", "line\\u2028sep")],
)
def test_messages_are_one_line(text: str, line: str) -> None:
    assert one_line(text) == line


def test_a_long_message_keeps_its_start_and_its_hint() -> None:
    message = one_line("error: " + "的" * 100_000 + " (hint: fix it)")
    assert message.startswith("error: 的") and message.endswith("(hint: fix it)") and "characters left out" in message
    assert len(message) < 2100


def test_a_message_cut_once_is_not_cut_again() -> None:
    """The CLI passes an error's one-line text through `one_line` once more on its way to stderr:
    the count of characters left out must stay the one of the first cut."""
    text = "error: " + "的" * 3000 + "\udcb0" * 10 + " (hint: fix it)"
    once = one_line(text)
    assert one_line(once) == once
    left_out = int(once.split(" … (")[1].split(" characters")[0])
    kept = len(once) - len(f" … ({left_out} characters left out) … ")
    assert kept + left_out == len(text) + 5 * 10  # every lone surrogate is shown as 6 characters


# ── --output: whole or not at all, inputs untouched ─────────────────────────────────────────



@pytest.fixture
def untouched(at_root: Path):  # type: ignore[no-untyped-def]
    """Every input file of the repository byte for byte the same after the test."""
    before = input_hashes()
    yield
    assert input_hashes() == before


@pytest.mark.usefixtures("untouched")
def test_output_success_writes_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "verdicts.json"
    assert invoke("check", *FOLLOWUPS, "--format", "json", "--output", str(target)).exit_code == 0
    assert target.read_bytes() == invoke("check", *FOLLOWUPS, "--format", "json").stdout_bytes
    assert [p.name for p in tmp_path.iterdir()] == ["verdicts.json"]


@pytest.mark.usefixtures("untouched")
@pytest.mark.parametrize("failing", ["os.fsync", "os.replace", "os.chmod"])
def test_a_failure_while_writing_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    target = tmp_path / "verdicts.csv"
    target.write_text("the previous run\n", encoding="utf-8")
    before = tree_hashes(tmp_path)

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(failing, full_disk)
    result = invoke("check", "--format", "csv", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(f"targetcheck: error: {target}: cannot write: No space left on device")
    assert tree_hashes(tmp_path) == before  # the old file, and no temporary file beside it


@pytest.mark.usefixtures("untouched")
def test_a_crash_mid_render_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("the previous run\n", encoding="utf-8")
    before = tree_hashes(tmp_path)

    def broken(view: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr("targetcheck.render.markdown.render", broken)
    assert invoke("check", "--format", "markdown", "--output", str(target)).exit_code == 3
    assert tree_hashes(tmp_path) == before


@pytest.mark.usefixtures("untouched")
def test_a_folder_that_cannot_be_written_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, who can write anywhere, the refusal is simulated where the temporary file is made."""
    locked = tmp_path / "locked"
    locked.mkdir()
    if AS_ROOT:
        def refused(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refused)
    else:
        locked.chmod(0o555)
    result = invoke("check", "--output", str(locked / "verdicts.txt"))
    assert result.exit_code == 2
    assert f"targetcheck: error: {locked}: cannot write here: Permission denied" in result.stderr
    assert list(locked.iterdir()) == []


@pytest.mark.usefixtures("untouched")
def test_output_through_a_link_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert invoke("check", "--format", "csv", "--output", str(link)).exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("id,city,year,")


@pytest.mark.usefixtures("untouched")
def test_output_to_a_device() -> None:
    assert invoke("check", "--format", "json", "--output", os.devnull).exit_code == 0
    assert Path(os.devnull).is_char_device()


# ── a reader that goes away ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "args",
    [["check", "--auto"], ["check", "--format", "markdown", "--output", "/dev/stdout"], ["show", "2025.gdp-growth", "-f", "json"],
     ["reports"], ["scan", "seeds/003_f70d05a2e53d4ccd.txt"], ["lint", "--schema"]],
    ids=lambda args: " ".join(args),
)
def test_every_command_ends_quietly_on_a_closed_pipe(args: list[str]) -> None:
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env["PYTHONPATH"] = str(ROOT / "cli")
    process = subprocess.Popen([sys.executable, "-m", "targetcheck", *args], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # gone before the first byte
    with process.stderr:
        stderr = process.stderr.read().decode("utf-8")
    assert process.wait() == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception ignored" not in stderr
    assert all(line.startswith("targetcheck: warning:") for line in stderr.splitlines()), stderr


@pytest.mark.usefixtures("untouched")
def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "verdicts.json"
    target.write_text("the previous run\n", encoding="utf-8")
    target.chmod(0o444)
    if AS_ROOT:  # root may write anything: simulate what a user is told
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path) == target else real_access(path, mode))
    result = invoke("check", "--format", "json", "--output", str(target))
    assert result.exit_code == 2
    assert f"targetcheck: error: {target}: is read-only" in result.stderr
    assert target.read_text(encoding="utf-8") == "the previous run\n"
