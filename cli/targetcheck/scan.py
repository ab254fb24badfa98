"""`targetcheck scan`: the quantified commitments of a report, guessed and matched to targets.yaml.

Pure: reports and a Config in, `ScanReport`s out; rendering is in `render/scan.py` and
`draft.py`. Coverage is `commitments.coverage`, the figure the curated map is held to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from targetcheck.commitments import (
    Commitment,
    SetAside,
    coverage,
    is_covered,
    quote_spans,
    read_plan,
)
from targetcheck.config import Config
from targetcheck.corpus import city_key
from targetcheck.guess import Guess, guess_indicator, guess_tags
from targetcheck.indicators import HEADLINE, Indicator
from targetcheck.reader import Report
from targetcheck.wording import WordingError, parse_terms


@dataclass(frozen=True)
class Candidate:
    """One commitment as a curator sees it."""

    commitment: Commitment
    guess: Guess
    comparator: str  # as `check` would read the quote (at-least, about, …)
    readable: bool  # False when `check` could not read a target from the quote (e.g. `1/5左右`)
    tags: tuple[str, ...]
    covered_by: tuple[str, ...]  # ids of the targets whose quote holds the quantity

    @property
    def covered(self) -> bool:
        return bool(self.covered_by)


@dataclass(frozen=True)
class ScanReport:
    report: Report
    candidates: tuple[Candidate, ...]
    set_aside: tuple[SetAside, ...]
    coverage: float  # commitments.coverage: share of candidates inside some target's quote
    targets_file: str | None  # the targets.yaml coverage was measured against

    @property
    def covered(self) -> int:
        return sum(c.covered for c in self.candidates)


def scan_report(report: Report, config: Config | None) -> ScanReport:
    """The report's commitments with guesses, comparators and the targets that cover them."""
    plan = read_plan(report)
    indicators: Mapping[str, Indicator] = config.indicators if config else HEADLINE
    defined = frozenset(config.indicator_lines) if config else frozenset()
    targets = [
        spec for spec in (config.targets if config else ())
        if spec.quote and spec.year == report.year and (spec.city is None or city_key(spec.city) == city_key(report.city))
    ]
    spans_by_id = {spec.id: quote_spans(report, [spec.quote or ""]) for spec in targets}
    all_spans = [span for spans in spans_by_id.values() for span in spans]
    candidates = []
    for commitment in plan.commitments:
        text = report.paragraphs[commitment.paragraph].text
        guess = guess_indicator(text, commitment, indicators, defined)
        comparator, readable = _comparator(commitment, guess)
        covered_by = tuple(target_id for target_id, spans in spans_by_id.items() if is_covered(commitment, spans))
        tags = guess_tags(commitment.quote, guess, commitment.headline)
        candidates.append(Candidate(commitment, guess, comparator, readable, tags, covered_by))
    share = coverage(plan.commitments, all_spans)
    return ScanReport(report, tuple(candidates), tuple(plan.set_aside), share, str(config.path) if config else None)


def _comparator(commitment: Commitment, guess: Guess) -> tuple[str, bool]:
    """The comparator `check` would read from the quote; from the figure's own words otherwise."""
    try:
        terms = parse_terms(commitment.quote, pick=commitment.pick, better=guess.better)
    except WordingError:
        qualifiers = commitment.quantity.qualifiers
        if {"about", "just-under"} & qualifiers:
            return "about", False
        if "at-most" in qualifiers:
            return "at-most", False
        return "at-least", False
    return terms.comparator.value, terms.value is not None or terms.comparator.value in ("double", "relation")
