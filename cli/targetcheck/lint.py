"""`targetcheck lint`: vouch for targets.yaml without running the check.

Everything the loader checks (YAML syntax, unknown keys, missing fields, wrong types, duplicate
ids, regular expressions, a `pick` beyond the quote's values) plus what needs the corpus:

- every quote must stand exactly once in its report (0 or 2+ places is an error, with the report
  lines); a report that is not in the corpus is a warning (its quotes cannot be checked);
- an outcome rule written in targets.yaml (`indicators:` aliases, a target's `outcome:`) that,
  run on the follow-up report, also finds figures the finder sets aside as five-year figures or
  as the next year's plan is a warning: the rule leans on that safety net. Built-in headline rules
  are left out: the project tests them against these traps in its own golden cases.

Pure: returns problems, prints nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from targetcheck.config import Config, TargetSpec, read_config
from targetcheck.corpus import Corpus, city_key, iter_corpus_files
from targetcheck.indicators import Measure
from targetcheck.problems import Problem, Problems, Severity
from targetcheck.quotes import QuoteProblem, place_quote
from targetcheck.reader import read_file
from targetcheck.reader.sections import Kind

# Kinds of passage whose figures must never pass for the year's outcome, and the finder's reason
# words for multi-year figures inside a review.
_LEAKS = (Kind.TARGETS, Kind.TASKS, Kind.PLAN_MULTIYEAR, Kind.REVIEW_MULTIYEAR)


@dataclass(frozen=True)
class LintResult:
    path: Path
    problems: tuple[Problem, ...]  # sorted by line, errors before warnings on the same line
    targets: int  # targets read without error
    reports: int  # reports in the corpus the quotes were checked against
    corpus_warnings: tuple[str, ...] = ()  # what the reader said about the corpus files (skipped …)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


def lint_targets(path: Path, corpus_override: list[Path] | None = None) -> LintResult:
    """Every problem in targets.yaml at `path`, checked against its corpus (or `corpus_override`)."""
    config, problems = read_config(path)
    corpus = Corpus()
    if config is not None:
        corpus = _load_corpus(config, corpus_override, problems)
        check_quotes(config, corpus, problems)
        check_outcome_rules(config, corpus, problems)
        check_generic_aliases(config, problems)
    ordered = sorted(problems, key=lambda p: (p.line, p.severity is not Severity.ERROR))
    return LintResult(
        path, tuple(ordered), len(config.targets) if config else 0, len(corpus.reports), tuple(corpus.warnings())
    )


def _load_corpus(config: Config, override: list[Path] | None, problems: Problems) -> Corpus:
    """The corpus to check quotes against. A missing `--corpus` path is a usage error (raised);
    a missing path named in targets.yaml is a problem at the `corpus:` line."""
    paths = list(override) if override else list(config.corpus)
    corpus = Corpus()
    existing = []
    for path in paths:
        if not os.path.lexists(path) and not override:
            problems.error(
                f"corpus path `{path}` does not exist",
                config.corpus_line,
                hint="corpus paths are relative to targets.yaml",
            )
            continue
        existing.append(path)
    for file_path, display in iter_corpus_files(existing):  # raises for a bad --corpus path
        corpus.add(read_file(file_path, display))
    return corpus


def check_quotes(config: Config, corpus: Corpus, problems: Problems) -> None:
    """Each quote stands exactly once in its report; reports missing from the corpus are named."""
    unchecked: dict[tuple[str | None, int], int] = {}
    for spec in config.targets:
        if not spec.quote:
            continue
        report = corpus.get(spec.city, spec.year)
        if report is None:
            key = (city_key(spec.city), spec.year)
            unchecked[key] = unchecked.get(key, 0) + 1
            continue
        place = place_quote(report, spec.quote)
        if isinstance(place, QuoteProblem):
            problems.error(place.message, spec.quote_line or spec.line, target_id=spec.id, hint=place.hint)
    for entry in config.reports:
        count = unchecked.pop((city_key(entry.city), entry.year), 0)
        if count:
            where = f" of {entry.city}" if entry.city else ""
            problems.warning(
                f"no {entry.year} report{where} in the corpus: {count} quote(s) not checked",
                entry.line,
                hint="add the report to the corpus, or name the document with `source:` and use `statement:`",
            )



def check_outcome_rules(config: Config, corpus: Corpus, problems: Problems) -> None:
    """Warn about rules from targets.yaml that also find plan or five-year figures next year."""
    from targetcheck.engine import evidence, run_finder

    seen: set[tuple[str, str]] = set()  # (rule, follow-up file): one warning each
    for spec in config.targets:
        rule, line = _custom_rule(spec, config)
        if rule is None:
            continue
        followup = corpus.get(spec.city, spec.year + 1)
        if followup is None or (rule, followup.file) in seen:
            continue
        _indicator, finding = run_finder(spec, followup)
        leaks = [
            c for c in finding.considered
            if c.reason and (c.item.tag.kind in _LEAKS or c.reason.startswith("a multi-year"))
        ]
        if not leaks:
            continue
        seen.add((rule, followup.file))
        places = []
        for candidate in leaks[:4]:
            quote, at = evidence(candidate, followup)
            places.append(f"line {at} `{quote}` ({candidate.reason})")
        more = f"; and {len(leaks) - 4} more" if len(leaks) > 4 else ""
        problems.warning(
            f"{rule} also find figures set aside in {followup.file}: " + "; ".join(places) + more,
            line,
            target_id=spec.id,
            hint="the finder set them aside this time; make the aliases name this indicator only, or add `exclude:`",
        )


# An alias that is a bare common word (`项目`, `投资`, `企业`): every report uses it for a hundred
# things, so the first figure near it answers the target (a draft from `scan --format yaml` guesses
# such aliases when a commitment names no more than that). `基站`, `公园`, `地铁` name one thing.
_GENERIC_WORDS = frozenset(
    "项目 投资 企业 工程 产值 收入 资金 规模 总量 产业 主体 人员 人才 单位 设施 平台 园区 经济 增加值 营业收入 税收 "
    "总额 数量 人数 面积 产量 效益 任务 工作".split()
)


def check_generic_aliases(config: Config, problems: Problems) -> None:
    """Warn about figure indicators defined in targets.yaml whose aliases are a bare common word."""
    for slug, line in config.indicator_lines.items():
        indicator = config.indicators.get(slug)
        if indicator is None or indicator.measure is Measure.MILESTONE:
            continue  # a milestone's objects are names (`地铁`), not words for a figure
        generic = [a.pattern for a in indicator.aliases if a.pattern in _GENERIC_WORDS]
        if generic:
            problems.warning(
                f"indicator `{slug}`: alias {', '.join(f'`{g}`' for g in generic)} is a word reports use for "
                "many things: the nearest figure to it would answer its targets",
                line,
                hint="name what is counted (`重点项目`, `亿元以上产业类项目`, `营业收入过百亿元企业`), or add `exclude:`",
            )


def _custom_rule(spec: TargetSpec, config: Config) -> tuple[str | None, int | None]:
    """The outcome rule targets.yaml gives this target, and its line; (None, None) if built in."""
    if spec.aliases is not None:
        return "the `outcome:` aliases of this target", spec.outcome_line or spec.line
    slug = spec.indicator.slug
    if slug in config.indicator_lines:
        return f"the aliases of indicator `{slug}`", config.indicator_lines[slug]
    return None, None
