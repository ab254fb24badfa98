"""Fuzzing the parts that read what users hand in: no text, bytes or YAML crashes them.

Each property says which exceptions may escape (the tool's own, which the CLI turns into one
line and exit 2); anything else is a bug. Seeds mutated line by line (insertions, deletions,
byte flips decoded leniently, header-like and page-number lines) come close to real damage.
"""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targetcheck import parse_quantity
from targetcheck.auto import headline_targets
from targetcheck.config import (
    INDICATOR_KEYS,
    OUTCOME_KEYS,
    REPORT_KEYS,
    SECTION_KEYS,
    TARGET_KEYS,
    TOP_KEYS,
    build_config,
    read_config,
)
from targetcheck.errors import ConfigError, QuantityError, one_line
from targetcheck.quantity import iter_quantities
from targetcheck.reader import read_text
from targetcheck.reader.decode import NotText, decode_bytes
from targetcheck.regexcheck import regex_problem
from targetcheck.wording import WordingError, parse_terms
from targetcheck.yamlsource import load_located
from tests.conftest import SEED_2017, SEED_2025

# Sized so that the suite stays fast; `TARGETCHECK_FUZZ=20` runs twenty times as many examples.
_SCALE = int(os.environ.get("TARGETCHECK_FUZZ", "1"))
FUZZ = settings(deadline=None, max_examples=150 * _SCALE, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(
    deadline=None, max_examples=40 * _SCALE, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

SEED_LINES = [
    SEED_2017.read_text(encoding="utf-8").splitlines()[:73],  # the first of its eight copies
    SEED_2025.read_text(encoding="utf-8").splitlines(),
]
HEADERISH = [
    "——2018年1月15日在包头市第十五届人民代表大会第一次会议上",
    "——二〇一九年一月十日在包头市第十五届人民代表大会第二次会议上",
    "政府工作报告",
    "一、2017年工作回顾",
    "二、2018年工作安排",
    "三、“十五五”时期经济社会发展的主要目标",
    "今年经济社会发展的主要预期目标是：地区生产总值增长8%左右，城镇登记失业率控制在4%以内",
    "过去五年，全市地区生产总值年均增长6.5%",
    "各位代表：",
    "——",
]
PAGE_NUMBERS = ["- 3 -", "— 12 —", "第3页", "第 3 页 / 共 20 页", "3/20", "17"]


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    lines = list(draw(st.sampled_from(SEED_LINES)))
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(lines)))
        operation = draw(st.sampled_from(["insert", "delete", "flip", "header", "page", "duplicate", "split"]))
        if operation == "insert":
            lines.insert(at, draw(st.text(max_size=40)))
        elif operation == "header":
            lines.insert(at, draw(st.sampled_from(HEADERISH)))
        elif operation == "page":
            lines[at:at] = ["", draw(st.sampled_from(PAGE_NUMBERS)), ""]
        elif lines and operation == "delete":
            del lines[min(at, len(lines) - 1)]
        elif lines and operation == "duplicate":
            lines.insert(at, lines[min(at, len(lines) - 1)])
        elif lines and operation == "split":  # a PDF page break in the middle of a line
            k = min(at, len(lines) - 1)
            cut = draw(st.integers(0, len(lines[k])))
            lines[k : k + 1] = [lines[k][:cut], "", lines[k][cut:]]
        elif lines and operation == "flip":
            k = min(at, len(lines) - 1)
            data = bytearray(lines[k].encode("utf-8"))
            if data:
                data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
                lines[k] = data.decode("utf-8", "replace")
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


# Characters quantities and targets are made of, mixed: Arabic, full-width and Chinese numerals,
# units, qualifiers, punctuation, so that random strings come close to real ones.
MIXED = (
    "0123456789０１２３４５６７８９.．,，%％‰-−～~—/"
    "〇零一二两三四五六七八九十百千万亿点分之几半"
    "个家户套台人元吨米亩倍年月日天座公里平方千瓦时标准"
    "多余近超约逾以上内下左右不足到过将接至达突破控制在增长下降提高同比个百分点"
    "地区生产总值城镇登记失业率与经济增长同步翻番建成开工力争努力预计前三季度"
    " \u3000“”《》（）、。；："
)
mixed_text = st.text(alphabet=MIXED, max_size=50)
any_text = st.text(max_size=60)


# ── the reader ──────────────────────────────────────────────────────────────────────────────


def _read_everything(text: str) -> None:
    reading = read_text(text, "fuzz.txt")
    for report in reading.reports:
        for paragraph in report.paragraphs:
            assert paragraph.first_line <= paragraph.last_line
        for item in report.items:
            assert 0 <= item.start <= item.end
        headline_targets(report)
        report.find_quote("地区生产总值增长8%左右")


@FUZZ
@given(any_text)
def test_read_text_takes_any_text(text: str) -> None:
    _read_everything(text)


@FEW
@given(mutated_seed())
def test_read_text_and_auto_take_damaged_seeds(text: str) -> None:
    _read_everything(text)


@FUZZ
@given(st.binary(max_size=400))
def test_decode_bytes_decodes_or_says_not_text(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        assert str(exc)
    else:
        assert decoded.text.strip()


@FEW
@given(mutated_seed(), st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"]),
       st.integers(0, 2000), st.binary(max_size=8))
def test_decode_bytes_takes_damaged_seeds_in_any_encoding(text: str, encoding: str, at: int, junk: bytes) -> None:
    data = text.encode(encoding, "replace")
    data = data[:at] + junk + data[at:]
    try:
        read_text(decode_bytes(data).text, "fuzz.txt")
    except NotText:
        pass


# ── quantities and wording ──────────────────────────────────────────────────────────────────


@FUZZ
@given(st.one_of(mixed_text, any_text))
def test_parse_quantity_raises_only_quantity_error(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except QuantityError:
        return
    assert isinstance(quantity.value, Decimal)


@FUZZ
@given(st.one_of(mixed_text, any_text))
def test_iter_quantities_spans_are_sound(text: str) -> None:
    end_before = 0
    for start, end, quantity in iter_quantities(text):
        assert end_before <= start < end <= len(text)
        assert quantity.text == text[start:end]
        end_before = end


@FUZZ
@given(st.one_of(mixed_text, any_text), st.one_of(st.none(), st.integers(-3, 5)), st.booleans())
def test_parse_terms_raises_only_wording_error(text: str, pick: int | None, milestone: bool) -> None:
    try:
        parse_terms(text, pick=pick, milestone=milestone)
    except WordingError:
        pass


# ── targets.yaml ────────────────────────────────────────────────────────────────────────────

KEYS = sorted(TOP_KEYS | REPORT_KEYS | SECTION_KEYS | TARGET_KEYS | OUTCOME_KEYS | INDICATOR_KEYS | {"pattern", "position"})
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(), st.text(max_size=20), st.dates(),
    st.sampled_from([
        "2017.gdp-growth", "gdp-growth", "地区生产总值增长8%左右", "level", "growth", "milestone", "rate", "higher",
        "lower", "(a+)+", "[", ".*", "about", "at-least", "建成", "2017", "x", "headline", "seeds",
    ]),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), children, max_size=5),
    ),
    max_leaves=25,
)


def _partial(keys: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={key: VALUES for key in sorted(keys)})


@st.composite
def targets_yaml(draw: st.DrawFn) -> Any:
    """Mostly the shape of a targets.yaml, with any value anywhere."""
    target = draw(_partial(TARGET_KEYS))
    if draw(st.booleans()):
        target.setdefault("id", "2017.gdp-growth")
        target.setdefault("indicator", "gdp-growth")
        target.setdefault("quote", "地区生产总值增长8%左右")
    report = draw(_partial(REPORT_KEYS))
    report["year"] = draw(st.one_of(st.just(2017), VALUES))
    report["targets"] = [target, *draw(st.lists(VALUES, max_size=2))]
    top = draw(_partial(TOP_KEYS))
    top.setdefault("schema_version", 1)
    if draw(st.booleans()):
        top["indicators"] = {draw(st.sampled_from(["x", "gdp-growth", "X y", "base-stations"])): draw(_partial(INDICATOR_KEYS))}
    top["reports"] = draw(st.one_of(st.just([report]), VALUES))
    return draw(st.one_of(st.just(top), VALUES))


@FUZZ
@given(targets_yaml())
def test_build_config_raises_only_config_errors(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        build_config(load_located(text, "t.yaml"), Path("t.yaml"))
    except ConfigError as exc:
        assert "\n" not in str(exc)


@FEW
@given(targets_yaml())
def test_read_config_collects_problems_without_crashing(data: Any) -> None:
    """The lint path: every problem collected, none raised."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "targets.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        _config, problems = read_config(path)
        for problem in problems:
            assert problem.line >= 1 and problem.message


YAMLISH = st.text(alphabet="abc: -[]{}&*!<>'\"\n\t#|?,.0129年", max_size=80)


@FUZZ
@given(st.one_of(YAMLISH, any_text))
def test_load_located_raises_only_config_errors(text: str) -> None:
    try:
        load_located(text, "t.yaml")
    except ConfigError as exc:
        assert "\n" not in str(exc)


@FUZZ
@given(st.text(alphabet="ab.*+?|()[]{}^$\\d1,0-^", max_size=30))
def test_regex_check_never_crashes(pattern: str) -> None:
    problem = regex_problem(pattern)
    assert problem is None or isinstance(problem, str)


@FUZZ
@given(st.text(max_size=3000))
def test_every_message_is_one_line(text: str) -> None:
    line = one_line(text)
    assert "\n" not in line and "\r" not in line and len(line) <= 2100
    line.encode("utf-8")  # no lone surrogate left to fail the write


# ── the whole CLI ───────────────────────────────────────────────────────────────────────────

SMALL_CORPUS = Path(__file__).parent / "golden" / "lint" / "reports"  # two small constructed reports


@st.composite
def plausible_targets(draw: st.DrawFn) -> Any:
    """targets.yaml files close to real ones: real keys, plausible values, one odd value here
    and there, so that files get past the loader and into the check."""
    quotes = ["地区生产总值增长8%左右", "新建公园30个", "新建基站1200座", "城乡居民人均可支配收入分别增长8%、8.5%左右",
              "开工建设地铁1号线", "城镇登记失业率控制在4%以内", "与经济增长同步"]
    targets = []
    for k in range(draw(st.integers(1, 4))):
        target: dict[str, Any] = {
            "id": f"2017.t{k}",
            "indicator": draw(st.sampled_from(["gdp-growth", "parks", "base-stations", "income-growth", "unemployment-rate"])),
            draw(st.sampled_from(["quote", "statement"])): draw(st.sampled_from(quotes)),
        }
        for key in draw(st.lists(st.sampled_from(["pick", "tolerance", "comparator", "tags", "outcome", "note"]), max_size=3)):
            target[key] = draw(st.one_of(
                st.integers(-2, 4), st.decimals(allow_nan=False, places=2, min_value=-1, max_value=1000).map(float),
                st.sampled_from(["about", "at-least", "milestone", "relation", "double", "external"]),
                st.just(["headline"]), st.just({"aliases": ["公园"], "measure": "level"}), st.just({"done": ["建成"]}),
                SCALARS,
            ))
        targets.append(target)
    return {
        "schema_version": 1,
        "corpus": ["reports"],
        "indicators": {
            "parks": {"name": "新建公园", "measure": draw(st.sampled_from(["level", "milestone", "growth", "rate"])),
                      "aliases": ["公园"], "better": draw(st.sampled_from(["higher", "lower"]))},
            "base-stations": {"measure": "level", "aliases": ["基站"], "unit": draw(st.sampled_from(["座", "个", "万元", "%"]))},
        },
        "reports": [{"year": 2017, draw(st.sampled_from(["source", "note"])): "计划", "targets": targets}],
    }


@settings(deadline=None, max_examples=25 * _SCALE, suppress_health_check=[HealthCheck.too_slow])
@given(plausible_targets(), st.sampled_from([[], ["--auto"], ["--format", "json"], ["--format", "markdown"]]))
def test_no_targets_yaml_makes_the_cli_fail_with_an_internal_error(data: Any, options: list[str]) -> None:
    from tests.clihelp import invoke

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "targets.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        for args in (["check", *options], ["lint"], ["show", "2017.t0"]):
            result = invoke(*args, "--targets", str(path), "--corpus", str(SMALL_CORPUS))
            assert result.exit_code in (0, 1, 2), (args, result.output)
            assert "internal error" not in result.stderr and "Traceback" not in result.stderr
            errors = [line for line in result.stderr.splitlines() if line.startswith("targetcheck: error:")]
            assert len(errors) == (result.exit_code == 2 and args[0] != "lint"), result.stderr
