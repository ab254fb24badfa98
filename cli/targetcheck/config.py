"""targets.yaml: the curated map, loaded and checked once, with lines in every message.

    schema_version: 1
    corpus: [seeds]            # folders or files, relative to targets.yaml
    city: 包头市               # default city of the reports below
    indicators:                # indicators beyond the built-in headline ones
      key-projects:
        name: 重点项目
        measure: level         # growth | level | rate | milestone
        aliases: ['重点项目']  # regular expressions over the normalised text
    reports:
      - year: 2017
        sections:
          - title: 今年主要预期目标
            targets:
              - id: 2017.gdp-growth
                indicator: gdp-growth
                quote: 地区生产总值增长8%左右
                tags: [headline]

See the README ("targets.yaml") for every key, and `data/targets.schema.json` for the same rules
as a JSON Schema (tests/test_schema.py keeps the key sets below and the schema in step).

Every check appends a `Problem` and reading goes on, so `targetcheck lint` shows them all;
`load_config` raises the first error, which is what `check` needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from targetcheck.corpus import existing_corpus
from targetcheck.errors import ConfigError
from targetcheck.indicators import BUILTIN, Alias, Better, Indicator, Measure
from targetcheck.problems import Problems
from targetcheck.regexcheck import check_regex, shown
from targetcheck.wording import Comparator, Terms, WordingError, parse_terms
from targetcheck.yamlsource import LDict, LList, line_of, load_located, read_config_text

SCHEMA_VERSION = 1
TOP_KEYS = {"schema_version", "corpus", "city", "indicators", "reports"}
REPORT_KEYS = {"year", "city", "source", "sections", "targets", "note"}
SECTION_KEYS = {"title", "targets", "note"}
TARGET_KEYS = {"id", "indicator", "quote", "statement", "pick", "comparator", "tolerance", "tags", "outcome", "note"}
OUTCOME_KEYS = {"aliases", "measure", "unit", "exclude", "reference", "done"}
INDICATOR_KEYS = {"name", "measure", "aliases", "better", "unit", "exclude", "done"}
ID_PATTERN = re.compile(r"^(?P<year>\d{4})\.[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class TargetSpec:
    """One curated target, checked and with its terms read from its wording."""

    id: str
    year: int
    city: str | None
    indicator: Indicator
    terms: Terms
    quote: str | None  # as the report states it; None when the report is not in the corpus
    statement: str | None  # the wording from `source` when there is no quote
    source: str | None  # the document named when the report is not in the corpus
    section: str | None
    tags: tuple[str, ...]
    tolerance: Decimal | None
    note: str | None
    line: int  # line of the target in targets.yaml
    aliases: tuple[Alias, ...] | None = None  # outcome aliases overriding the indicator's
    location: tuple[str, int] | None = None  # file and line of the quote when already known (auto)
    origin: str = "curated"  # "curated" or "auto"
    outcome_line: int | None = None  # line of the target's `outcome:` override, if any
    quote_line: int | None = None  # line of its `quote:` (or `statement:`) in targets.yaml

    @property
    def wording(self) -> str:
        return self.quote or self.statement or ""


@dataclass(frozen=True)
class Config:
    path: Path
    corpus: tuple[Path, ...]
    city: str | None
    targets: tuple[TargetSpec, ...]
    indicators: dict[str, Indicator] = field(default_factory=dict)
    reports: tuple[ReportEntry, ...] = ()
    indicator_lines: dict[str, int] = field(default_factory=dict)  # slugs defined in the file
    corpus_line: int | None = None  # line of `corpus:`


@dataclass(frozen=True)
class ReportEntry:
    """One entry of `reports:`, for checks that look at the corpus (`targetcheck lint`)."""

    year: int
    city: str | None
    source: str | None
    line: int




def load_config(path: Path) -> Config:
    """Read and check targets.yaml. Raises ConfigError naming the file, line and target id."""
    config, problems = read_config(path)
    if problems.errors or config is None:
        first = problems.errors[0]
        raise ConfigError(first.message, path=str(path), line=first.line, target_id=first.target_id, hint=first.hint)
    return config


def read_config(path: Path) -> tuple[Config | None, Problems]:
    """Read targets.yaml and collect every problem in it.

    Raises ConfigError only when the file cannot be read at all (missing, a folder, not UTF-8);
    returns no Config when the YAML does not parse or has no usable shape.
    """
    text = read_config_text(path)
    problems = Problems()
    try:
        data = load_located(text, str(path), problems)
    except ConfigError as exc:
        problems.error(exc.message, exc.line, hint=exc.hint)
        return None, problems
    return _Builder(problems).config(data, path), problems


def build_config(data: Any, path: Path) -> Config:
    """A Config from already parsed YAML (LDict/LList); raises the first problem."""
    problems = Problems()
    config = _Builder(problems).config(data, path)
    if problems.errors or config is None:
        first = problems.errors[0]
        raise ConfigError(first.message, path=str(path), line=first.line, target_id=first.target_id, hint=first.hint)
    return config


class _Builder:
    """The checks of targets.yaml. Each problem is recorded and the check goes on with what is
    usable: a broken target is left out, a broken indicator is left undefined (and targets that
    use it are not blamed a second time)."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.broken_indicators: set[str] = set()

    def error(self, message: str, line: int | None, target_id: str | None = None, hint: str | None = None) -> None:
        self.problems.error(message, line, target_id=target_id, hint=hint)

    # ── the file ────────────────────────────────────────────────────────────────────────────
    def config(self, data: Any, path: Path) -> Config | None:
        if data is None:
            self.error("is empty", 1, hint="start from the targets.yaml shipped with targetcheck")
            return None
        if not isinstance(data, LDict):
            self.error(
                f"the top level is {_kind(data)}, not a mapping: is this a targets file?",
                1,
                hint="targets.yaml starts with `schema_version: 1` and holds `reports:` (see the README)",
            )
            return None
        self.unknown_keys(data, TOP_KEYS, "at the top level")
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION or isinstance(version, bool):
            self.error(
                f"schema_version {version!r} is not supported (this targetcheck reads version {SCHEMA_VERSION})",
                line_of(data, "schema_version"),
            )
            return None
        corpus_value = data.get("corpus", [])
        if isinstance(corpus_value, str):
            corpus_value = [corpus_value]
        if not isinstance(corpus_value, list) or not all(isinstance(c, str) for c in corpus_value):
            self.error("`corpus` must be a list of paths", line_of(data, "corpus"))
            corpus_value = []
        corpus = tuple(path.parent / c for c in corpus_value)
        city = self.optional_str(data, "city")
        indicators = dict(BUILTIN)
        defined, indicator_lines = self.indicators(data.get("indicators"), line_of(data, "indicators"))
        indicators.update(defined)
        reports = data.get("reports")
        if reports is None:
            self.error("has no `reports:`", 1, hint="list the reports and their targets under `reports:`")
            reports = LList()
            reports.line, reports.item_lines = 1, []
        elif not isinstance(reports, LList):
            self.error("`reports` must be a list", line_of(data, "reports"))
            reports = LList()
            reports.line, reports.item_lines = 1, []
        targets: list[TargetSpec] = []
        entries: list[ReportEntry] = []
        id_lines: dict[str, list[int]] = {}
        for index, report in enumerate(reports):
            entry = self.report(report, line_of(reports, index), city, indicators, targets, id_lines)
            if entry is not None:
                entries.append(entry)
        for target_id, lines in id_lines.items():
            if len(lines) < 2:
                continue
            for line in lines:
                others = [str(other) for other in lines if other != line]
                listed = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
                self.error(
                    f"duplicate id (also on line {listed})", line, target_id, hint="every target needs its own id"
                )
        return Config(path, corpus, city, tuple(targets), indicators, tuple(entries), indicator_lines, line_of(data, "corpus"))

    # ── reports, sections, targets ──────────────────────────────────────────────────────────
    def report(
        self,
        report: Any,
        line: int | None,
        default_city: str | None,
        indicators: dict[str, Indicator],
        targets: list[TargetSpec],
        id_lines: dict[str, list[int]],
    ) -> ReportEntry | None:
        if not isinstance(report, LDict):
            self.error("each entry of `reports` must be a mapping with `year:`", line)
            return None
        self.unknown_keys(report, REPORT_KEYS, "in a report")
        year = report.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not 1949 <= year <= 2200:
            self.bad_year(year, report)
            year = None
        city = self.optional_str(report, "city") or default_city
        source = self.optional_str(report, "source")
        self.optional_str(report, "note")
        groups: list[tuple[str | None, Any, LDict]] = []
        if "targets" in report:
            groups.append((None, report["targets"], report))
        sections = report.get("sections", [])
        if not isinstance(sections, LList) and sections != []:
            self.error("`sections` must be a list", line_of(report, "sections"))
            sections = []
        for k, section in enumerate(sections):
            if not isinstance(section, LDict):
                self.error("each section must be a mapping with `targets:`", line_of(sections, k))
                continue
            self.unknown_keys(section, SECTION_KEYS, "in a section")
            self.optional_str(section, "note")
            groups.append((self.optional_str(section, "title"), section.get("targets", []), section))
        for title, group, holder in groups:
            if not isinstance(group, LList):
                if group != []:
                    self.error("`targets` must be a list", line_of(holder, "targets"))
                continue
            for k, raw in enumerate(group):
                spec = self.target(raw, line_of(group, k) or 0, year, city, source, title, indicators, id_lines)
                if spec is not None:
                    targets.append(spec)
        if year is None:
            return None
        return ReportEntry(year, city, source, line_of(report, "year") or report.line)

    def target(
        self,
        raw: Any,
        line: int,
        year: int | None,
        city: str | None,
        source: str | None,
        section: str | None,
        indicators: dict[str, Indicator],
        id_lines: dict[str, list[int]],
    ) -> TargetSpec | None:
        if not isinstance(raw, LDict):
            self.error("each target must be a mapping with `id:` and `indicator:`", line)
            return None
        target_id = raw.get("id")
        if target_id is None or target_id == "":
            self.error("a target without `id:`", raw.line, hint="add `id: YEAR.slug`, e.g. 2017.gdp-growth")
            return None
        if not isinstance(target_id, str):
            self.error(
                f"`id` is {_kind(target_id)}{'' if isinstance(target_id, bool) else f' ({_plain(target_id)})'}, not an id",
                raw.key_lines["id"],
                hint="an id is `YEAR.slug`, e.g. 2017.gdp-growth" + _quote_hint(target_id),
            )
            return None
        id_lines.setdefault(target_id, []).append(raw.line)

        def error(message: str, at: int | None, hint: str | None = None) -> None:
            self.error(message, at, target_id, hint)

        self.unknown_keys(raw, TARGET_KEYS, "", listing="a target takes ", target_id=target_id)
        match = ID_PATTERN.match(target_id)
        if not match:
            error("the id must be `YEAR.slug` (lower-case letters, digits, dashes)", raw.line, "e.g. 2017.gdp-growth")
        elif year is not None and int(match.group("year")) != year:
            error(f"the id's year is not the report's year ({year})", raw.line)
        indicator: Indicator | None = None
        slug = raw.get("indicator")
        if not isinstance(slug, str):
            error("needs `indicator:`" if slug is None else f"`indicator` must be a slug, not {_kind(slug)}",
                  raw.key_lines.get("indicator", raw.line), "a headline slug (gdp-growth …) or one under `indicators:`")
        elif slug in indicators:
            indicator = indicators[slug]
        elif slug not in self.broken_indicators:
            close = _close(slug, indicators)
            error(
                f"unknown indicator `{slug}`",
                raw.key_lines["indicator"],
                (f"did you mean {close}? " if close else "") + "define it under `indicators:`",
            )
        quote, statement = raw.get("quote"), raw.get("statement")
        for key, value in (("quote", quote), ("statement", statement)):
            if value is not None and not isinstance(value, str):
                error(f"`{key}` must be text, not {_kind(value)}", raw.key_lines[key],
                      f"write it as the report states it, in quotes: {key}: '…'")
        mistyped = any(value is not None and not isinstance(value, str) for value in (quote, statement))
        quote = quote if isinstance(quote, str) else None
        statement = statement if isinstance(statement, str) else None
        if source is None and not quote and not mistyped:
            error(
                "needs `quote:` (the clause as the report states it)",
                raw.line,
                "or give the report `source:` (a document) and the target `statement:`",
            )
        if source is not None and not (statement or quote) and not mistyped:
            error("needs `statement:` (the wording in the source document)", raw.line)
        pick = raw.get("pick")
        if pick is not None and (not isinstance(pick, int) or isinstance(pick, bool) or pick < 1):
            error(f"`pick` must be a positive whole number, not {_plain(pick)}", raw.key_lines["pick"],
                  "pick: 1 is the first value of the quote, pick: 2 the second; leave it out for the last")
            pick = None
        tags = raw.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            error("`tags` must be a list of words", raw.key_lines.get("tags", raw.line),
                  "write it as a list, even for one word: tags: [headline]")
            tags = []
        note = raw.get("note")
        if note is not None and not isinstance(note, str):
            error(f"`note` must be text, not {_kind(note)}", raw.key_lines["note"], "put it in quotes")
        tolerance = None
        if "tolerance" in raw:
            try:
                if isinstance(raw["tolerance"], bool) or not isinstance(raw["tolerance"], int | float | str):
                    raise InvalidOperation
                tolerance = Decimal(str(raw["tolerance"]).strip())
                if not tolerance.is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                error(f"`tolerance` must be a number, not {_plain(raw['tolerance'])}", raw.key_lines["tolerance"],
                      "in the target's unit: tolerance: 0.5 (percentage points for a growth rate)")
                tolerance = None
            else:
                if tolerance < 0:
                    error("`tolerance` must not be negative", raw.key_lines["tolerance"], "give its size: tolerance: 0.5")
                    tolerance = None
        aliases = None
        outcome = raw.get("outcome")
        if outcome is not None and indicator is not None:
            indicator, aliases = self.outcome(outcome, indicator, raw.key_lines["outcome"], target_id)
        elif outcome is not None:
            self.outcome(outcome, BUILTIN["gdp-growth"], raw.key_lines["outcome"], target_id)
        terms = None
        wording = quote or statement or ""
        if indicator is not None and wording:
            try:
                terms = parse_terms(wording, pick=pick, better=indicator.better,
                                    milestone=indicator.measure is Measure.MILESTONE)
            except WordingError as exc:
                error(str(exc).replace(repr(wording), shown(wording)),
                      raw.key_lines.get("quote", raw.key_lines.get("statement", raw.line)),
                      "check the quote, or set `pick:`")
        if "comparator" in raw:
            try:
                comparator = Comparator(raw["comparator"])
            except (ValueError, TypeError):
                error(
                    f"unknown comparator {_plain(raw['comparator'])}" if isinstance(raw["comparator"], str)
                    else f"`comparator` must be a name, not {_kind(raw['comparator'])}",
                    raw.key_lines["comparator"],
                    ", ".join(c.value for c in Comparator),
                )
            else:
                if terms is not None:
                    terms = replace(terms, comparator=comparator)
        # A target with other problems is still returned when it can be read, so that `lint` checks
        # its quote too; `load_config` refuses the whole file while any error stands.
        if year is None or indicator is None or terms is None:
            return None
        return TargetSpec(
            id=target_id,
            year=year,
            city=city,
            indicator=indicator,
            terms=terms,
            quote=quote if quote else None,
            statement=statement,
            source=source,
            section=section,
            tags=tuple(tags),
            tolerance=tolerance,
            note=note,
            line=raw.line,
            aliases=aliases,
            outcome_line=raw.key_lines.get("outcome"),
            quote_line=raw.key_lines.get("quote", raw.key_lines.get("statement", raw.line)),
        )

    def outcome(
        self, outcome: Any, indicator: Indicator, line: int, target_id: str
    ) -> tuple[Indicator, tuple[Alias, ...] | None]:
        if not isinstance(outcome, LDict):
            self.error(f"`outcome` must be a mapping, not {_kind(outcome)}", line, target_id,
                       "e.g. outcome: {aliases: ['基站'], measure: level}")
            return indicator, None
        for key in sorted(set(outcome) - OUTCOME_KEYS):
            self.error(f"unknown key `outcome.{key}`", outcome.key_lines[key], target_id,
                       f"outcome takes {', '.join(sorted(OUTCOME_KEYS))}")
        aliases = self.aliases(outcome["aliases"], outcome.key_lines["aliases"], target_id) if "aliases" in outcome else None
        measure = self.measure(outcome, target_id) if "measure" in outcome else None
        exclude = outcome.get("exclude")
        if exclude is not None and not self.check_regex(exclude, outcome.key_lines["exclude"], target_id):
            exclude = None
        done = outcome.get("done")
        if done is not None:
            if not isinstance(done, list) or not all(isinstance(d, str) for d in done):
                self.error("`outcome.done` must be a list of words", outcome.key_lines["done"], target_id)
                done = None
            else:
                for word in done:
                    self.check_regex(word, outcome.key_lines["done"], target_id)
        unit = outcome.get("unit")
        if unit is not None and not isinstance(unit, str):
            self.error("`outcome.unit` must be text (a unit such as 万人 or 亿元)", outcome.key_lines["unit"], target_id)
            unit = None
        reference = outcome.get("reference")
        if reference is not None and not isinstance(reference, str):
            self.error("`outcome.reference` must be an indicator slug", outcome.key_lines["reference"], target_id)
        changed = indicator.with_overrides(
            measure=measure, exclude=exclude, unit=unit, done=tuple(done) if done else None
        )
        return changed, aliases

    # ── indicators ──────────────────────────────────────────────────────────────────────────
    def indicators(self, raw: Any, line: int | None) -> tuple[dict[str, Indicator], dict[str, int]]:
        if raw is None:
            return {}, {}
        if not isinstance(raw, LDict):
            self.error("`indicators` must be a mapping of slug: definition", line)
            return {}, {}
        defined: dict[str, Indicator] = {}
        lines: dict[str, int] = {}
        for slug, body in raw.items():
            key_line = raw.key_lines[slug]
            lines[slug] = key_line
            indicator = self.indicator(slug, body, key_line)
            if indicator is None:
                self.broken_indicators.add(slug)
            else:
                defined[slug] = indicator
        return defined, lines

    def indicator(self, slug: str, body: Any, key_line: int) -> Indicator | None:
        before = len(self.problems.errors)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
            self.error(f"indicator slug `{slug}` must be lower-case letters, digits and dashes", key_line)
        if not isinstance(body, LDict):
            self.error(f"indicator `{slug}` must be a mapping", key_line)
            return None
        self.unknown_keys(body, INDICATOR_KEYS, f"in indicator `{slug}`", listing="an indicator takes ")
        base = BUILTIN.get(slug)
        if "measure" not in body and base is None:
            self.error(f"indicator `{slug}` needs `measure:` (growth, level, rate or milestone)", key_line)
        measure = self.measure(body, None, slug) if "measure" in body else (base.measure if base else None)
        # A milestone indicator may leave its objects to each target's `outcome.aliases` (or to
        # the names its wording gives).
        if "aliases" not in body and base is None and measure is not Measure.MILESTONE:
            self.error(f"indicator `{slug}` needs `aliases:`", key_line)
        aliases = self.aliases(body["aliases"], body.key_lines["aliases"], None) if "aliases" in body else (base.aliases if base else ())
        better_raw = body.get("better", base.better.value if base else "higher")
        better = Better.HIGHER
        try:
            better = Better(better_raw)
        except ValueError:
            self.error(f"`better` must be higher or lower, not {_plain(better_raw)}", body.key_lines.get("better", key_line))
        exclude = body.get("exclude", base.exclude if base else None)
        if exclude is not None:
            self.check_regex(exclude, body.key_lines.get("exclude", key_line), None)
        done = body.get("done", [])
        if not isinstance(done, list) or not all(isinstance(d, str) for d in done):
            self.error("`done` must be a list of words", body.key_lines.get("done", key_line))
            done = []
        for key in ("name", "unit"):
            if key in body and not isinstance(body[key], str):
                self.error(f"`{key}` of indicator `{slug}` must be text", body.key_lines[key])
        if len(self.problems.errors) > before or measure is None:
            return None
        return Indicator(
            slug,
            body.get("name", base.name if base else slug),
            measure,
            aliases,
            better,
            body.get("unit", base.unit if base else None),
            exclude,
            tuple(done),
        )

    # ── values ──────────────────────────────────────────────────────────────────────────────
    def measure(self, holder: LDict, target_id: str | None, slug: str | None = None) -> Measure | None:
        try:
            return Measure(holder["measure"])
        except (ValueError, TypeError):
            where = f"indicator `{slug}`: " if slug else ""
            self.error(
                f"{where}unknown measure {_plain(holder['measure'])}",
                holder.key_lines["measure"],
                target_id,
                "growth, level, rate or milestone",
            )
            return None

    def aliases(self, raw: Any, line: int, target_id: str | None) -> tuple[Alias, ...]:
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not raw:
            self.error("`aliases` must be a non-empty list of regular expressions", line, target_id)
            return ()
        aliases = []
        for k, entry in enumerate(raw):
            entry_line = line_of(raw, k) or line
            position = None
            if isinstance(entry, str):
                pattern = entry
            elif isinstance(entry, dict) and "pattern" in entry and set(entry) <= {"pattern", "position"}:
                pattern, position = entry["pattern"], entry.get("position")
                if position is not None and (not isinstance(position, int) or isinstance(position, bool) or position < 0):
                    self.error("an alias's `position` must be a whole number (0 both, 1 first, 2 second …)",
                               entry_line, target_id)
                    continue
            else:
                self.error("an alias is a regular expression, or {pattern: …, position: N}", entry_line, target_id)
                continue
            if self.check_regex(pattern, entry_line, target_id):
                aliases.append(Alias(pattern, position))
        return tuple(aliases)

    def check_regex(self, pattern: Any, line: int, target_id: str | None) -> bool:
        if not isinstance(pattern, str) or not pattern:
            self.error("a regular expression must be non-empty text", line, target_id)
            return False
        error, problem = check_regex(pattern)
        if error:
            self.error(f"regular expression {shown(pattern)} does not compile: {error}", line, target_id,
                       "escape ( ) [ ] . + * ? with a backslash")
            return False
        if problem:
            hint = (
                "split it into shorter aliases, one per list item"
                if problem.startswith("longer than")
                else "rewrite it without nested or back-to-back repetitions, alternation inside a repetition, "
                "a leading `.*`, or backreferences (see the README, targets.yaml)"
            )
            self.error(f"regular expression {shown(pattern)} refused: {problem}", line, target_id, hint)
            return False
        return True

    def optional_str(self, holder: LDict, key: str) -> str | None:
        value = holder.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(f"`{key}` must be text, not {_kind(value)}", line_of(holder, key), hint="put it in quotes")
            return None
        return value

    def bad_year(self, year: Any, report: LDict) -> None:
        """Why `year:` of a report cannot be used, with the fix: a quoted year, a date, a range."""
        line = line_of(report, "year")
        hint = "the year of the report, a number without quotes: year: 2017"
        if year is None:
            self.error("a report needs `year:` (e.g. 2017)", line, hint=hint)
        elif isinstance(year, str) and year.strip().isascii() and year.strip().isdigit() and len(year.strip()) == 4:
            self.error(f"`year: {_plain(year)}` is text, not a number", line, hint="write it without quotes: year: " + year.strip())
        elif isinstance(year, date):
            self.error(f"`year: {year}` is a date", line, hint=f"give the year alone: year: {year.year}")
        elif isinstance(year, int) and not isinstance(year, bool):
            self.error(f"year {year} is not the year of a work report (1949–2200)", line, hint=hint)
        else:
            self.error(f"`year: {_plain(year)}` is {_kind(year)}, not a year", line, hint=hint)

    def unknown_keys(
        self, holder: LDict, allowed: set[str], where: str, listing: str = "allowed: ", target_id: str | None = None
    ) -> None:
        """One error per key not in `allowed`, with the closest allowed key and the whole list."""
        for key in sorted(set(holder) - allowed):
            close = _close(key, allowed)
            self.error(
                f"unknown key `{key}`" + (f" {where}" if where else ""),
                holder.key_lines[key],
                target_id,
                hint=(f"did you mean `{close}`? " if close else "") + listing + ", ".join(sorted(allowed)),
            )


def _kind(value: Any) -> str:
    """What YAML made of a value, in words: why `id: 2017` or `quote: 2017` is not text."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false (YAML reads yes, no, on and off as true/false)"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, datetime | date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__}"


def _plain(value: Any) -> str:
    """A value from targets.yaml as a message shows it: short, on one line."""
    if isinstance(value, str):
        return shown(value, 40)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list | dict):
        return _kind(value)
    return shown(str(value), 40).strip("'")


def _quote_hint(value: Any) -> str:
    if isinstance(value, bool | int | float | date):
        return "; a value YAML reads as a number, a date or true/false can be kept as text in quotes"
    return ""


def _close(word: str, choices: Any) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def load_corpus_paths(path: Path) -> tuple[Path, ...]:
    """Only the `corpus:` list of targets.yaml, relative to it: `check --auto` without --targets
    uses no curated target, so a problem elsewhere in the file must not stop it."""
    name = str(path)
    data = load_located(read_config_text(path), name)
    if not isinstance(data, LDict):
        raise ConfigError(
            "is empty or not a mapping: it names no corpus",
            path=name,
            hint="pass --corpus PATH, or give targets.yaml a `corpus:` list",
        )
    value = data.get("corpus", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise ConfigError("`corpus` must be a list of paths", path=name, line=line_of(data, "corpus"))
    return tuple(existing_corpus(tuple(path.parent / c for c in value), path, line_of(data, "corpus")))
