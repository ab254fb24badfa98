"""The reader on the shipped seeds, and on re-encoded and damaged variants of them."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from targetcheck.reader import read_file
from tests.conftest import SEED_2017, SEED_2025


def _sections(report):
    return [(str(s.kind), s.year, s.first_line, s.last_line) for s in report.sections]


def test_seed_2017_header_sections_and_repeat() -> None:
    reading = read_file(SEED_2017)
    assert reading.warnings == ["repeats 8 times: using the first copy"]
    (report,) = reading.reports
    header = report.header
    assert (header.year, header.date, header.city, header.term, header.session, header.speaker) == (
        2017, "2017-02-16", "包头市", 14, 5, "市长 杜学军",
    )
    assert _sections(report) == [
        ("preamble", None, 1, 3),
        ("review", 2016, 4, 26),
        ("tasks", 2017, 27, 28),
        ("targets", 2017, 29, 29),
        ("tasks", 2017, 30, 72),
    ]
    # Every quote is found once, in the first copy, not eight times.
    assert len(report.find_quote("地区生产总值增长8%左右")) == 1
    # Line 47 ends with a comma and goes on in line 48: one paragraph.
    (para,) = [p for p in report.paragraphs if "全方位交流合作，加快培养" in p.text]
    assert (para.first_line, para.last_line) == (47, 48)


def test_seed_2025_header_sections_and_page_breaks() -> None:
    reading = read_file(SEED_2025)
    assert reading.warnings == []
    (report,) = reading.reports
    header = report.header
    assert (header.year, header.date, header.city, header.term, header.session, header.speaker) == (
        2025, "2025-01-05", "包头市", 16, 5, "市长 孟庆维",
    )
    assert _sections(report)[1:] == [
        ("review", 2024, 13, 37),
        ("targets", 2025, 39, 51),
        ("tasks", 2025, 53, 139),
    ]
    joined = {
        "“两个稀土基地”建设取得标志性成果": (19, 21),
        "“三个高地”建设取得更多标志性成果": (41, 43),
        "培植更多产值、财源、就业增长点": (61, 63),
        "启动科技“突围”14个稀土点位项目": (25, 27),
        "农村污水治理率达到77.9%": (31, 33),
        "市场“阅卷”机制": (89, 91),
        "为在产在建在谈项目": (133, 135),
    }
    for needle, lines in joined.items():
        (para,) = [p for p in report.paragraphs if needle in p.text]
        assert (para.first_line, para.last_line) == lines, needle
    # Spaces between numbers and units are gone in matching form, kept in the original.
    (hit,) = report.find_quote("新开工亿元以上产业类项目 200 个以上")
    para, offset = hit
    assert para.line_at(offset) == 63
    assert para.original(offset, offset + len("新开工亿元以上产业类项目200个以上")) == "新开工亿元以上产业类项目 200 个以上"


def _variant(tmp_path: Path, source: Path, name: str, transform) -> Path:
    text = source.read_text(encoding="utf-8")
    data = transform(text)
    path = tmp_path / name
    path.write_bytes(data)
    return path


_FULLWIDTH_DIGITS = str.maketrans("0123456789%.", "０１２３４５６７８９％．")

VARIANTS = {
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk", errors="strict"),
    "bom-crlf": lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"),
    "cr-only": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "utf16-bom": lambda t: t.encode("utf-16"),
    "fullwidth-digits": lambda t: t.translate(_FULLWIDTH_DIGITS).encode("utf-8"),
}


@pytest.mark.parametrize("seed", [SEED_2017, SEED_2025], ids=["2017", "2025"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variants_read_the_same(tmp_path: Path, seed: Path, variant: str) -> None:
    original = read_file(seed).reports[0]
    try:
        path = _variant(tmp_path, seed, f"{variant}.txt", VARIANTS[variant])
    except UnicodeEncodeError:
        pytest.skip("text not representable in this encoding")
    reading = read_file(path)
    (report,) = reading.reports
    assert report.header == original.header
    assert _sections(report) == _sections(original)
    assert [p.text for p in report.paragraphs] == [p.text for p in original.paragraphs]
    assert [(p.first_line, p.last_line) for p in report.paragraphs] == [
        (p.first_line, p.last_line) for p in original.paragraphs
    ]


@pytest.mark.parametrize(
    ("content", "warning"),
    [
        (b"", "not text (empty file)"),
        (b"   \n\n", "not text (empty file)"),
        (bytes(range(256)) * 20, "not text (binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "not text (binary"),
        ("这是一份没有报头的文字。\n过去一年，全市地区生产总值增长7%。\n".encode(), "no header: year unknown, skipped"),
        (b"\xff\xfe\xfd\xfc" * 50, ""),  # decodes as UTF-16 Arabic forms: no header
    ],
    ids=["empty", "blank", "bytes", "png", "no-header", "garbage"],
)
def test_unusable_files_are_skipped_with_a_warning(tmp_path: Path, content: bytes, warning: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    reading = read_file(path)
    assert reading.reports == []
    assert reading.skipped
    assert any(w.startswith(warning) for w in reading.warnings), reading.warnings


def test_truncated_repeat_counts_as_a_copy(tmp_path: Path) -> None:
    lines = SEED_2017.read_text(encoding="utf-8").splitlines()
    copy = lines[:73]
    path = tmp_path / "r.txt"
    path.write_text("\n".join(copy + copy + copy[:30]) + "\n", encoding="utf-8")
    reading = read_file(path)
    assert reading.warnings == ["repeats 3 times: using the first copy"]
    assert len(reading.reports) == 1
