"""`check --auto`: the headline targets of every report, found without a targets.yaml.

A work report states its headline targets in one sentence that opens `今年主要预期目标是：` (or
`今年全市经济社会发展的主要预期目标为`, `2024年经济社会发展主要预期目标是`, …) and lists them
clause by clause. The list may run over several sentences (`…分别增长8%、8.5%左右。城镇登记失业率
控制在3.9%以内。全面完成自治区下达的节能减排约束性指标。`) or over several paragraphs (a `：` and
one `——…；` line per target). Each clause that names a headline indicator of DOMAIN §6 becomes a
target with the id `YEAR.slug`, exactly as a curated one would be:

- the indicator is the one the clause opens with, named by the built-in aliases
  (`indicators.HEADLINE`); a clause about anything else (`单位GDP能耗下降3%`, `粮食产量…`) is
  left out: the headline panel holds the §6 indicators only;
- `城乡居民人均可支配收入分别增长8%、8.5%左右` gives urban (pick 1) and rural (pick 2) income;
  `规上工业增加值、固定资产投资分别增长…` gives one target per indicator named before `分别`;
- `城乡居民收入增长与经济增长同步` is income growth, compared with GDP growth (a relation);
- `地区生产总值增长8%左右` is gdp-growth, `经济总量达到5000亿元` gdp-total;
- `城镇调查失业率` and `城镇登记失业率` are both `unemployment-rate`, but the outcome must name
  the same rate as the target: a registered rate is never the outcome of a surveyed-rate target;
- `完成自治区下达的…` is set elsewhere: listed as not checkable;
- the quote is the clause as the file has it, with its file and line; when a report names an
  indicator twice, the first clause is used and the second is reported in a warning.

Everything here is a pure function of the report text; `engine.run_check` gives the verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from targetcheck.config import TargetSpec
from targetcheck.corpus import Corpus, city_key
from targetcheck.indicators import HEADLINE, Alias, Indicator, Measure
from targetcheck.lazyregex import lazy
from targetcheck.quantity import Quantity, iter_quantities
from targetcheck.reader import Report
from targetcheck.reader.paragraphs import Paragraph
from targetcheck.reader.sections import REVIEW_KINDS, headline_phrase
from targetcheck.units import compatible
from targetcheck.wording import Comparator, Terms, WordingError, parse_terms

AUTO_TAGS = ("headline", "auto")
# The id of a clause set by a higher level that names no headline indicator.
SET_ELSEWHERE = Indicator("set-elsewhere", "上级下达的目标", Measure.MILESTONE, ())

_SENTENCE_END = lazy(r"[。！？!?]+[”’」』）)]*")
_CLAUSE_SEP = lazy(r"[，；：;:]|,(?!\d{3}(?!\d))")
# List markers in front of a clause: `——`, `一是`, `（1）`, `①`.
_MARKER = lazy(r"^(?:——|—|－|-|•|·|[①-⑳]|[一二三四五六七八九十]是|[（(]?\d{1,2}[)）.、](?!\d))+")
# Words a clause may open with before the indicator it is about (`力争`, `全市`), and the
# prefixes some reports put on an indicator's name (`全社会固定资产投资`, `地方级一般公共预算收入`).
_LEAD = lazy(
    r"^(?:力争|努力|争取|确保|力保|力求|奋力|实现|推动|促进|保持|全年|今年|年内|"
    r"全[市省区盟州县旗]|我[市省区盟州县旗]|本市|同时|其中|以及|并且|并|和|及|全社会|地方级)*"
)
_NAME_SEP = lazy(r"、|和|及|与|以及")
_HEADING = lazy(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+(?:部分|章|节))")
# Paragraph ends after which a list goes on in the next paragraph.
_LIST_GOES_ON = ("：", ":", "；", ";", "，", ",")
# The surveyed unemployment rate. The built-in `unemployment-rate` is the registered rate (DOMAIN
# §6) and never matches it; a headline list may set either, and both get the id
# `YEAR.unemployment-rate`. A surveyed-rate target carries this as its outcome rule (as a curated
# `outcome.aliases` would), so only a surveyed rate is its outcome; a registered-rate target keeps
# the built-in rule.
_SURVEYED_RATE = ("城镇调查失业率", Alias(r"(?:城镇)?调查失业率"))


@dataclass(frozen=True)
class HeadlineFinding:
    """The headline targets of one report (or a corpus), and what a reader should know."""

    targets: tuple[TargetSpec, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Clause:
    paragraph: Paragraph
    start: int  # offsets into paragraph.text (normalised)
    end: int

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


@dataclass(frozen=True)
class _Name:
    """An indicator named in a clause: where, and which family of slugs it stands for."""

    start: int
    end: int
    family: str  # a slug, or "gdp" (growth or total) or "urban-rural" (both incomes, or all)
    text: str


@dataclass
class _Collector:
    report: Report
    targets: list[TargetSpec] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    first_clause: dict[str, _Clause] = field(default_factory=dict)

    def where(self, clause: _Clause) -> str:
        return f"{self.report.file}:{clause.paragraph.line_at(clause.start)}"

    def quote(self, clause: _Clause) -> str:
        return clause.paragraph.original(clause.start, clause.end)

    def add(self, slug: str, indicator: Indicator, terms: Terms, clause: _Clause) -> None:
        target_id = f"{self.report.year}.{slug}"
        spec = self._spec(target_id, indicator, terms, clause)
        if target_id not in self.first_clause:
            self.first_clause[target_id] = clause
            self.targets.append(spec)
            return
        index = next(k for k, t in enumerate(self.targets) if t.id == target_id)
        first_spec, first_clause = self.targets[index], self.first_clause[target_id]
        if _preferred(spec) and not _preferred(first_spec):
            self.targets[index], self.first_clause[target_id] = spec, clause
            used, unused = (spec, clause), (first_spec, first_clause)
        else:
            used, unused = (first_spec, first_clause), (spec, clause)
        self.warnings.append(
            f"{self.where(clause)}: the headline targets name {slug} twice: using "
            f"`{self.quote(used[1])}` ({used[0].indicator.name}), "
            f"not `{self.quote(unused[1])}` ({unused[0].indicator.name})"
        )

    def _spec(self, target_id: str, indicator: Indicator, terms: Terms, clause: _Clause) -> TargetSpec:
        return TargetSpec(
            id=target_id,
            year=self.report.year,
            city=self.report.city,
            indicator=indicator,
            terms=terms,
            quote=self.quote(clause),
            statement=None,
            source=None,
            section=_section_title(self.report, clause.paragraph.index),
            tags=AUTO_TAGS,
            tolerance=None,
            note=None,
            line=0,
            origin="auto",
            location=(self.report.file, clause.paragraph.line_at(clause.start)),
        )


def _preferred(spec: TargetSpec) -> bool:
    """When a list names an indicator twice, the clause that matches DOMAIN §6's definition wins:
    `unemployment-rate` is the registered rate (城镇登记失业率), also when the surveyed rate comes
    first. Otherwise the first clause is kept."""
    return spec.indicator.slug == "unemployment-rate" and spec.indicator.name == HEADLINE["unemployment-rate"].name


def headline_targets(report: Report) -> list[TargetSpec]:
    """The headline targets a report sets (see the module docstring)."""
    return list(find_headline(report).targets)


def find_headline(report: Report) -> HeadlineFinding:
    """The headline targets a report sets, with warnings (no headline sentence, a clause read
    twice for one indicator, a headline clause whose figure cannot be read)."""
    collector = _Collector(report)
    found = False
    used: set[int] = set()
    for paragraph, tag in zip(report.paragraphs, report.tags, strict=True):
        if tag.kind in REVIEW_KINDS or paragraph.index in used:
            continue
        match = headline_phrase(paragraph.text)
        if match is None or (match.group("year") and int(match.group("year")) != report.year):
            continue
        found = True
        before = len(collector.targets)
        for clause in _list_clauses(report, paragraph, match.end(), used):
            _read_clause(clause, collector)
        if len(collector.targets) == before:
            collector.warnings.append(
                f"{report.file}:{paragraph.line_at(match.start())}: the headline-target sentence names "
                "none of the headline indicators (地区生产总值, 固定资产投资 …): no automatic targets from it"
            )
    if not found:
        who = f" of {report.city}" if report.city else ""
        collector.warnings.append(
            f"{report.file}: the {report.year} report{who} has no headline-target sentence "
            "(`今年主要预期目标是…`): no automatic targets for it"
        )
    return HeadlineFinding(tuple(collector.targets), tuple(collector.warnings))


def corpus_headline_targets(corpus: Corpus) -> HeadlineFinding:
    """The headline targets of every report in the corpus, city by city, year by year."""
    targets: list[TargetSpec] = []
    warnings: list[str] = []
    for report in sorted(corpus.reports, key=lambda r: (city_key(r.city) or "", r.year)):
        finding = find_headline(report)
        targets.extend(finding.targets)
        warnings.extend(finding.warnings)
    return HeadlineFinding(tuple(targets), tuple(warnings))


def merge_curated(auto: Iterable[TargetSpec], curated: Iterable[TargetSpec], corpus: Corpus) -> list[TargetSpec]:
    """Automatic and curated targets together; a curated target replaces the automatic one with
    the same id for the same city. Ordered by city, then year (curated-only targets after the
    automatic ones of their year)."""
    curated = list(curated)

    def key(spec: TargetSpec) -> tuple[str | None, str]:
        stating = corpus.get(spec.city, spec.year)
        return city_key(stating.city if stating is not None else spec.city), spec.id

    by_key = {key(spec): spec for spec in curated}
    merged = [by_key.get(key(spec), spec) for spec in auto]
    replaced = {key(spec) for spec in merged if spec.origin != "auto"}
    merged += [spec for spec in curated if key(spec) not in replaced]
    return sorted(merged, key=lambda s: (key(s)[0] or "", s.year))


# ── the list: sentences and paragraphs after the headline phrase ───────────────────────────


def _list_clauses(report: Report, paragraph: Paragraph, start: int, used: set[int]) -> list[_Clause]:
    """The clauses of the headline list that opens at `start` in `paragraph`."""
    clauses: list[_Clause] = []
    index = paragraph.index
    pos = start
    while True:
        current = report.paragraphs[index]
        used.add(index)
        text = current.text
        ended = False
        for k, (s, e) in enumerate(_sentences(text, pos)):
            sentence = [_Clause(current, a, b) for a, b in _split_clauses(text, s, e)]
            if not sentence:
                continue
            if (k > 0 or clauses) and not _opens_target(sentence[0].text):
                ended = True
                break
            clauses.extend(sentence)
        if ended or not (text.rstrip().endswith(_LIST_GOES_ON) or not clauses):
            return clauses
        # The list goes on in the next paragraph (`：` then `——地区生产总值增长6%左右；` lines).
        index += 1
        pos = 0
        if index >= len(report.paragraphs) or report.tags[index].kind in REVIEW_KINDS:
            return clauses
        following = report.paragraphs[index].text
        if _HEADING.match(following) or not _opens_target(_first_clause(following)):
            return clauses


def _sentences(text: str, pos: int) -> list[tuple[int, int]]:
    spans = []
    for match in _SENTENCE_END.finditer(text, pos):
        spans.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma and semicolon clauses of text[start:end], list markers and lead spaces trimmed;
    `、` splits too when what follows opens with another indicator and what precedes has a figure
    (`地区生产总值增长6%左右、固定资产投资增长10%`), never inside `分别增长8%、8.5%`."""
    pieces = []
    pos = start
    for match in _CLAUSE_SEP.finditer(text, start, end):
        pieces.append((pos, match.start()))
        pos = match.end()
    pieces.append((pos, end))
    out = []
    for a, b in pieces:
        marker = _MARKER.match(text[a:b])
        if marker:
            a += marker.end()
        if b > a:
            out.extend(_split_enumeration(text, a, b))
    return out


def _split_enumeration(text: str, start: int, end: int) -> list[tuple[int, int]]:
    clause = text[start:end]
    if "分别" in clause or "、" not in clause:
        return [(start, end)]
    out = []
    piece_start = 0
    for match in re.finditer("、", clause):
        before, after = clause[piece_start : match.start()], clause[match.end() :]
        if _has_figure(before) and _opening_name(after) is not None:
            out.append((start + piece_start, start + match.start()))
            piece_start = match.end()
    out.append((start + piece_start, end))
    return out


def _first_clause(text: str) -> str:
    bounds = _split_clauses(text, 0, len(text))
    return text[bounds[0][0] : bounds[0][1]] if bounds else ""


def _opens_target(clause: str) -> bool:
    """Does a sentence whose first clause is `clause` go on with the headline list?"""
    if _opening_name(clause) is not None or _is_external(clause):
        return True
    return _has_figure(clause)


def _has_figure(text: str) -> bool:
    return any(q.unit or q.stated_unit for _s, _e, q in iter_quantities(text))


def _is_external(text: str) -> bool:
    terms = _plain_terms(text)
    return terms is not None and terms.comparator is Comparator.EXTERNAL


def _plain_terms(text: str) -> Terms | None:
    """The terms of a clause read without a pick (enough to tell external and relation)."""
    try:
        return parse_terms(text)
    except WordingError:
        return None


# ── one clause: which indicator, which figure ──────────────────────────────────────────────


# Names a target may use that an outcome is never found by (too loose for a review, where
# `居民收入` is any income): `居民收入增长和经济增长同步`.
_TARGET_NAMES = {
    "income-growth": (Alias(r"(?:全体|常住)*居民(?:人均)?(?:可支配)?收入"),),
    "unemployment-rate": (_SURVEYED_RATE[1],),
}


def _names(text: str) -> list[_Name]:
    """The headline indicators named in `text`, left to right, without overlaps."""
    hits: list[tuple[int, int, str, Alias]] = []
    for slug, indicator in HEADLINE.items():
        for alias in indicator.aliases + _TARGET_NAMES.get(slug, ()):
            for match in alias.compiled().finditer(text):
                if match.end() > match.start():
                    hits.append((match.start(), match.end(), slug, alias))
    hits.sort(key=lambda h: (h[0], -h[1]))
    names: list[_Name] = []
    for start, end, slug, alias in hits:
        if names and start < names[-1].end:
            if start == names[-1].start:  # the same words read by another alias
                names[-1] = _Name(start, max(end, names[-1].end), _family(names[-1].family, slug, alias), names[-1].text)
            continue
        names.append(_Name(start, end, _family(None, slug, alias), text[start:end]))
    return names


def _family(previous: str | None, slug: str, alias: Alias) -> str:
    if slug in ("gdp-growth", "gdp-total") or previous == "gdp":
        return "gdp"
    if alias.position is not None or previous == "urban-rural":
        return "urban-rural"
    return previous or slug


def _opening_name(clause: str) -> _Name | None:
    """The indicator a clause opens with (after words such as `力争`, `全市`), if any."""
    lead = _LEAD.match(clause)
    offset = lead.end() if lead else 0
    names = _names(clause)
    if names and names[0].start == offset:
        return names[0]
    return None


def _read_clause(clause: _Clause, collector: _Collector) -> None:
    text = clause.text
    plain = _plain_terms(text)
    external = plain is not None and plain.comparator is Comparator.EXTERNAL
    if "分别" in text and not external:
        subjects = _distributed_names(text[: text.index("分别")])
        if subjects:
            _add_distributive(clause, subjects, collector)
            return
    name = _opening_name(text)
    if plain is not None and external:
        if name is None:  # `完成自治区下达的节能减排约束性指标`
            collector.add(SET_ELSEWHERE.slug, SET_ELSEWHERE, plain, clause)
        else:  # `居民消费价格涨幅与全国调控目标保持一致`
            slug = _single_slug(name, text)
            collector.add(slug, _indicator(slug, name), plain, clause)
        return
    if name is None:
        return  # not a headline indicator (粮食产量, 单位GDP能耗 …) or a subject-less aside
    figures = _figures(text, name.end)
    if name.family == "gdp":
        growth = next((k for k, q in figures if q.unit == "%"), None)
        total = next((k for k, q in figures if compatible(q.unit, "元")), None)
        if growth is None and total is None:
            _cannot_read(clause, collector, "地区生产总值", "no growth rate or amount")
        if growth is not None:
            _add(collector, clause, "gdp-growth", HEADLINE["gdp-growth"], growth)
        if total is not None:
            _add(collector, clause, "gdp-total", HEADLINE["gdp-total"], total)
        return
    if name.family == "urban-rural":
        percent = [k for k, q in figures if q.unit == "%"]
        if len(percent) >= 2:  # `城乡居民人均可支配收入增长8%、8.5%`: urban, then rural
            _add(collector, clause, "urban-income-growth", HEADLINE["urban-income-growth"], percent[0])
            _add(collector, clause, "rural-income-growth", HEADLINE["rural-income-growth"], percent[1])
            return
    slug = _single_slug(name, text)
    indicator = _indicator(slug, name)
    if plain is not None and plain.comparator is Comparator.RELATION:  # `…与经济增长同步`
        collector.add(slug, indicator, plain, clause)
        return
    pick = next((k for k, q in figures if _fits(indicator, q)), None)
    if pick is None and plain is not None and plain.quantity is None and plain.unit == "%" and (
        indicator.measure in (Measure.GROWTH, Measure.RATE)
    ):  # `社会消费品零售总额实现两位数增长`: at least 10%, with no figure to pick
        collector.add(slug, indicator, plain, clause)
        return
    if pick is None:
        _cannot_read(clause, collector, name.text, "no figure in the indicator's unit")
        return
    _add(collector, clause, slug, indicator, pick)


def _single_slug(name: _Name, text: str) -> str:
    if name.family == "gdp":
        return "gdp-total" if any(compatible(q.unit, "元") for _k, q in _figures(text, name.end)) else "gdp-growth"
    if name.family == "urban-rural":
        return "income-growth"
    return name.family


def _indicator(slug: str, name: _Name) -> Indicator:
    indicator = HEADLINE[slug]
    label, surveyed = _SURVEYED_RATE
    if slug == "unemployment-rate" and surveyed.compiled().search(name.text):
        return indicator.with_overrides(name=label, aliases=(surveyed,))
    return indicator


def _distributed_names(before: str) -> list[tuple[str, _Name]] | None:
    """The indicators named before `分别`, in order, as (slug, name); None unless every name
    before it is a headline indicator. `城乡居民…收入` names urban and rural income;
    `城镇居民和农村牧区居民人均可支配收入` borrows the shared ending for the first name."""
    parts = [p for p in _NAME_SEP.split(_LEAD.sub("", before)) if p]
    if not parts:
        return None
    out: list[tuple[str, _Name]] = []
    for part in parts:
        name = _opening_name(part) or _borrowed_name(part, parts[-1])
        if name is None:
            return None
        if name.family == "urban-rural":
            out += [("urban-income-growth", name), ("rural-income-growth", name)]
        elif name.family == "gdp":
            out.append(("gdp", name))
        else:
            out.append((name.family, name))
    return out


def _borrowed_name(part: str, last: str) -> _Name | None:
    for k in range(len(last) - 1, 0, -1):
        name = _opening_name(part + last[k:])
        if name is not None and name.end > len(part):
            return name
    return None


def _add_distributive(clause: _Clause, subjects: list[tuple[str, _Name]], collector: _Collector) -> None:
    text = clause.text
    figures = _figures(text, text.index("分别"))
    if len(figures) < len(subjects):
        _cannot_read(clause, collector, subjects[0][1].text, f"{len(subjects)} indicators but {len(figures)} figures")
        return
    for (family, name), (pick, quantity) in zip(subjects, figures, strict=False):
        slug = family
        if family == "gdp":
            slug = "gdp-total" if compatible(quantity.unit, "元") else "gdp-growth"
        _add(collector, clause, slug, _indicator(slug, name), pick)


def _figures(text: str, after: int) -> list[tuple[int, Quantity]]:
    """(pick, quantity) for the figures of a clause from `after` on; `pick` is 1-based among all
    the figures of the clause, as `wording.parse_terms` counts them."""
    found = [(s, q) for s, _e, q in iter_quantities(text) if q.unit or q.stated_unit]
    return [(k + 1, q) for k, (s, q) in enumerate(found) if s >= after]


def _fits(indicator: Indicator, quantity: Quantity) -> bool:
    if indicator.measure in (Measure.GROWTH, Measure.RATE):
        return quantity.unit == "%"
    if indicator.unit:
        return compatible(quantity.unit, indicator.unit)
    return bool(quantity.unit)


def _add(collector: _Collector, clause: _Clause, slug: str, indicator: Indicator, pick: int) -> None:
    try:
        terms = parse_terms(clause.text, pick=pick, better=indicator.better)
    except WordingError as exc:
        _cannot_read(clause, collector, indicator.name, str(exc))
        return
    collector.add(slug, indicator, terms, clause)


def _cannot_read(clause: _Clause, collector: _Collector, what: str, why: str) -> None:
    collector.warnings.append(
        f"{collector.where(clause)}: headline clause `{collector.quote(clause)}` names {what} "
        f"but its target cannot be read ({why}): left out"
    )


def _section_title(report: Report, paragraph: int) -> str | None:
    for section in report.sections:
        if paragraph in section.paragraphs:
            return section.title or None
    return None

