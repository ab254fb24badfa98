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

See the README ("targets.yaml") for every key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from targetcheck.errors import ConfigError
from targetcheck.indicators import BUILTIN, Alias, Better, Indicator, Measure
from targetcheck.regexcheck import check_regex
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
    origin: str = "curated"  # "curated" or "auto"

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


def load_config(path: Path) -> Config:
    """Read and check targets.yaml. Raises ConfigError naming the file, line and target id."""
    text = read_config_text(path)
    name = str(path)
    data = load_located(text, name)
    return build_config(data, path)


def build_config(data: Any, path: Path) -> Config:
    name = str(path)
    if data is None:
        raise ConfigError("is empty", path=name, hint="start from the targets.yaml shipped with targetcheck")
    if not isinstance(data, LDict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        raise ConfigError(
            f"the top level is {kind}, not a mapping",
            path=name,
            line=1,
            hint="targets.yaml starts with `schema_version: 1` and holds `reports:` (see the README)",
        )
    _unknown_keys(data, TOP_KEYS, name, "at the top level")
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ConfigError(
            f"schema_version {version!r} is not supported (this targetcheck reads version {SCHEMA_VERSION})",
            path=name,
            line=line_of(data, "schema_version"),
        )
    base = path.parent
    corpus_value = data.get("corpus", [])
    if isinstance(corpus_value, str):
        corpus_value = [corpus_value]
    if not isinstance(corpus_value, list) or not all(isinstance(c, str) for c in corpus_value):
        raise ConfigError("`corpus` must be a list of paths", path=name, line=line_of(data, "corpus"))
    corpus = tuple(base / c for c in corpus_value)
    city = _optional_str(data, "city", name)
    indicators = dict(BUILTIN)
    indicators.update(_indicators(data.get("indicators"), name, line_of(data, "indicators")))
    reports = data.get("reports")
    if reports is None:
        raise ConfigError("has no `reports:`", path=name, hint="list the reports and their targets under `reports:`")
    if not isinstance(reports, LList):
        raise ConfigError("`reports` must be a list", path=name, line=line_of(data, "reports"))
    targets: list[TargetSpec] = []
    first_line: dict[str, int] = {}
    for index, report in enumerate(reports):
        for spec in _report_targets(report, reports, index, city, indicators, name):
            if spec.id in first_line:
                raise ConfigError(
                    f"duplicate id (first defined on line {first_line[spec.id]})",
                    path=name,
                    line=spec.line,
                    target_id=spec.id,
                    hint="every target needs its own id",
                )
            first_line[spec.id] = spec.line
            targets.append(spec)
    return Config(path, corpus, city, tuple(targets), indicators)


def _report_targets(
    report: Any, reports: LList, index: int, default_city: str | None, indicators: dict[str, Indicator], name: str
) -> list[TargetSpec]:
    line = line_of(reports, index)
    if not isinstance(report, LDict):
        raise ConfigError("each entry of `reports` must be a mapping with `year:`", path=name, line=line)
    _unknown_keys(report, REPORT_KEYS, name, "in a report")
    year = report.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1949 <= year <= 2200:
        raise ConfigError("a report needs `year:` (e.g. 2017)", path=name, line=line_of(report, "year"))
    city = _optional_str(report, "city", name) or default_city
    source = _optional_str(report, "source", name)
    groups: list[tuple[str | None, Any, LDict]] = []
    if "targets" in report:
        groups.append((None, report["targets"], report))
    sections = report.get("sections", [])
    if not isinstance(sections, LList) and sections != []:
        raise ConfigError("`sections` must be a list", path=name, line=line_of(report, "sections"))
    for k, section in enumerate(sections):
        if not isinstance(section, LDict):
            raise ConfigError("each section must be a mapping with `targets:`", path=name, line=line_of(sections, k))
        _unknown_keys(section, SECTION_KEYS, name, "in a section")
        groups.append((_optional_str(section, "title", name), section.get("targets", []), section))
    specs = []
    for title, targets, holder in groups:
        if not isinstance(targets, LList):
            raise ConfigError("`targets` must be a list", path=name, line=line_of(holder, "targets"))
        for k, target in enumerate(targets):
            specs.append(_target(target, line_of(targets, k) or 0, year, city, source, title, indicators, name))
    return specs


def _target(
    raw: Any,
    line: int,
    year: int,
    city: str | None,
    source: str | None,
    section: str | None,
    indicators: dict[str, Indicator],
    name: str,
) -> TargetSpec:
    if not isinstance(raw, LDict):
        raise ConfigError("each target must be a mapping with `id:` and `indicator:`", path=name, line=line)
    target_id = raw.get("id")
    if not isinstance(target_id, str) or not target_id:
        raise ConfigError("a target without `id:`", path=name, line=raw.line, hint="add `id: YEAR.slug`, e.g. 2017.gdp-growth")
    where = {"path": name, "target_id": target_id}
    unknown = set(raw) - TARGET_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(
            f"unknown key `{key}`", line=raw.key_lines[key], hint=f"a target takes {', '.join(sorted(TARGET_KEYS))}", **where
        )
    match = ID_PATTERN.match(target_id)
    if not match:
        raise ConfigError(
            "the id must be `YEAR.slug` (lower-case letters, digits, dashes)", line=raw.line, hint="e.g. 2017.gdp-growth", **where
        )
    if int(match.group("year")) != year:
        raise ConfigError(f"the id's year is not the report's year ({year})", line=raw.line, **where)
    slug = raw.get("indicator")
    if not isinstance(slug, str):
        raise ConfigError("needs `indicator:`", line=raw.line, hint="a headline slug (gdp-growth …) or one under `indicators:`", **where)
    if slug not in indicators:
        close = _close(slug, indicators)
        raise ConfigError(
            f"unknown indicator `{slug}`",
            line=raw.key_lines["indicator"],
            hint=(f"did you mean {close}? " if close else "") + "define it under `indicators:`",
            **where,
        )
    indicator = indicators[slug]
    quote, statement = raw.get("quote"), raw.get("statement")
    for key, value in (("quote", quote), ("statement", statement)):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"`{key}` must be text", line=raw.key_lines[key], **where)
    if source is None and not quote:
        raise ConfigError(
            "needs `quote:` (the clause as the report states it)",
            line=raw.line,
            hint="or give the report `source:` (a document) and the target `statement:`",
            **where,
        )
    if source is not None and not (statement or quote):
        raise ConfigError("needs `statement:` (the wording in the source document)", line=raw.line, **where)
    pick = raw.get("pick")
    if pick is not None and (not isinstance(pick, int) or isinstance(pick, bool) or pick < 1):
        raise ConfigError("`pick` must be a positive whole number", line=raw.key_lines["pick"], **where)
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ConfigError("`tags` must be a list of words", line=raw.key_lines.get("tags", raw.line), **where)
    tolerance = None
    if "tolerance" in raw:
        try:
            tolerance = Decimal(str(raw["tolerance"]))
        except InvalidOperation:
            raise ConfigError("`tolerance` must be a number", line=raw.key_lines["tolerance"], **where) from None
        if tolerance < 0:
            raise ConfigError("`tolerance` must not be negative", line=raw.key_lines["tolerance"], **where)
    aliases = None
    outcome = raw.get("outcome")
    if outcome is not None:
        indicator, aliases = _outcome(outcome, indicator, raw.key_lines["outcome"], where)
    wording = quote or statement or ""
    try:
        if indicator.measure is Measure.MILESTONE:
            terms = parse_terms(wording, pick=pick, better=indicator.better, milestone=True)
        else:
            terms = parse_terms(wording, pick=pick, better=indicator.better)
    except WordingError as exc:
        raise ConfigError(str(exc), line=raw.key_lines.get("quote", raw.line), hint="check the quote, or set `pick:`", **where) from None
    if "comparator" in raw:
        try:
            comparator = Comparator(raw["comparator"])
        except ValueError:
            raise ConfigError(
                f"unknown comparator {raw['comparator']!r}",
                line=raw.key_lines["comparator"],
                hint=", ".join(c.value for c in Comparator),
                **where,
            ) from None
        terms = replace(terms, comparator=comparator)
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
        note=raw.get("note"),
        line=raw.line,
        aliases=aliases,
    )


def _outcome(outcome: Any, indicator: Indicator, line: int, where: dict[str, Any]) -> tuple[Indicator, tuple[Alias, ...] | None]:
    if not isinstance(outcome, LDict):
        raise ConfigError("`outcome` must be a mapping", line=line, **where)
    unknown = set(outcome) - OUTCOME_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(
            f"unknown key `outcome.{key}`", line=outcome.key_lines[key], hint=f"outcome takes {', '.join(sorted(OUTCOME_KEYS))}", **where
        )
    aliases = _aliases(outcome["aliases"], outcome.key_lines["aliases"], where) if "aliases" in outcome else None
    measure = _measure(outcome, where) if "measure" in outcome else None
    exclude = outcome.get("exclude")
    if exclude is not None:
        _check_regex(exclude, outcome.key_lines["exclude"], where)
    done = outcome.get("done")
    if done is not None:
        if not isinstance(done, list) or not all(isinstance(d, str) for d in done):
            raise ConfigError("`outcome.done` must be a list of words", line=outcome.key_lines["done"], **where)
        for word in done:
            _check_regex(word, outcome.key_lines["done"], where)
    unit = outcome.get("unit")
    changed = indicator.with_overrides(
        measure=measure, exclude=exclude, unit=unit, done=tuple(done) if done else None
    )
    return changed, aliases


def _indicators(raw: Any, name: str, line: int | None) -> dict[str, Indicator]:
    if raw is None:
        return {}
    if not isinstance(raw, LDict):
        raise ConfigError("`indicators` must be a mapping of slug: definition", path=name, line=line)
    defined = {}
    for slug, body in raw.items():
        where = {"path": name}
        key_line = raw.key_lines[slug]
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
            raise ConfigError(f"indicator slug `{slug}` must be lower-case letters, digits and dashes", line=key_line, **where)
        if not isinstance(body, LDict):
            raise ConfigError(f"indicator `{slug}` must be a mapping", line=key_line, **where)
        unknown = set(body) - INDICATOR_KEYS
        if unknown:
            key = sorted(unknown)[0]
            raise ConfigError(
                f"unknown key `{key}` in indicator `{slug}`", line=body.key_lines[key], hint=f"an indicator takes {', '.join(sorted(INDICATOR_KEYS))}", **where
            )
        base = BUILTIN.get(slug)
        if "measure" not in body and base is None:
            raise ConfigError(f"indicator `{slug}` needs `measure:` (growth, level, rate or milestone)", line=key_line, **where)
        measure = _measure(body, where) if "measure" in body else base.measure  # type: ignore[union-attr]
        if "aliases" not in body and base is None and measure is not Measure.MILESTONE:
            raise ConfigError(f"indicator `{slug}` needs `aliases:`", line=key_line, **where)
        # A milestone indicator may leave its objects to each target's `outcome.aliases` (or to
        # the names its wording gives).
        aliases = (
            _aliases(body["aliases"], body.key_lines["aliases"], where)
            if "aliases" in body
            else (base.aliases if base else ())
        )
        better_raw = body.get("better", base.better.value if base else "higher")
        try:
            better = Better(better_raw)
        except ValueError:
            raise ConfigError(f"`better` must be higher or lower, not {better_raw!r}", line=body.key_lines.get("better", key_line), **where) from None
        exclude = body.get("exclude", base.exclude if base else None)
        if exclude is not None:
            _check_regex(exclude, body.key_lines.get("exclude", key_line), where)
        done = body.get("done", [])
        if not isinstance(done, list) or not all(isinstance(d, str) for d in done):
            raise ConfigError("`done` must be a list of words", line=body.key_lines.get("done", key_line), **where)
        defined[slug] = Indicator(
            slug,
            body.get("name", base.name if base else slug),
            measure,
            aliases,
            better,
            body.get("unit", base.unit if base else None),
            exclude,
            tuple(done),
        )
    return defined


def _measure(holder: LDict, where: dict[str, Any]) -> Measure:
    try:
        return Measure(holder["measure"])
    except ValueError:
        raise ConfigError(
            f"unknown measure {holder['measure']!r}",
            line=holder.key_lines["measure"],
            hint="growth, level, rate or milestone",
            **where,
        ) from None


def _aliases(raw: Any, line: int, where: dict[str, Any]) -> tuple[Alias, ...]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        raise ConfigError("`aliases` must be a non-empty list of regular expressions", line=line, **where)
    aliases = []
    for k, entry in enumerate(raw):
        entry_line = line_of(raw, k) or line
        if isinstance(entry, str):
            pattern, position = entry, None
        elif isinstance(entry, dict) and "pattern" in entry:
            pattern, position = entry["pattern"], entry.get("position")
        else:
            raise ConfigError("an alias is a regular expression, or {pattern: …, position: N}", line=entry_line, **where)
        _check_regex(pattern, entry_line, where)
        aliases.append(Alias(pattern, position))
    return tuple(aliases)


def _check_regex(pattern: Any, line: int, where: dict[str, Any]) -> None:
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError("a regular expression must be non-empty text", line=line, **where)
    error, problem = check_regex(pattern)
    if error:
        raise ConfigError(f"regular expression {pattern!r} does not compile: {error}", line=line, hint="escape ( ) [ ] . + * ? with a backslash", **where) from None
    if problem:
        raise ConfigError(f"regular expression {pattern!r} refused: {problem}", line=line, hint="rewrite it without nested repetition", **where)


def _optional_str(holder: LDict, key: str, name: str) -> str | None:
    value = holder.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"`{key}` must be text", path=name, line=line_of(holder, key))
    return value


def _unknown_keys(holder: LDict, allowed: set[str], name: str, where: str) -> None:
    unknown = set(holder) - allowed
    if unknown:
        key = sorted(unknown)[0]
        close = _close(key, allowed)
        raise ConfigError(
            f"unknown key `{key}` {where}",
            path=name,
            line=holder.key_lines[key],
            hint=(f"did you mean `{close}`? " if close else "") + f"allowed: {', '.join(sorted(allowed))}",
        )


def _close(word: str, choices: Any) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None
