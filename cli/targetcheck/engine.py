"""The check: curated (or auto-found) targets and a corpus in, results out. No printing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from targetcheck.errors import ConfigError, QuantityError
from targetcheck.indicators import HEADLINE, Alias, Indicator, Measure
from targetcheck.lazyregex import lazy
from targetcheck.results import ALSO_READ, ActualView, Considered, Result, TargetView, Uncheckable
from targetcheck.verdict import Comparison, Status, compare, compare_relation
from targetcheck.wording import ASPIRATIONAL, Comparator

if TYPE_CHECKING:
    from targetcheck.config import TargetSpec
    from targetcheck.corpus import Corpus
    from targetcheck.outcomes import Candidate, Finding
    from targetcheck.reader import Report
    from targetcheck.stream import CorpusIndex, Progress, Workers

# The outcome finder, the quote placer and the reader are imported where they are used: a run
# that comes whole from the cache (`stream`) needs none of them.


@dataclass
class CheckRun:
    """The results of a run, the targets not checkable from reports, and what to warn about."""

    results: list[Result] = field(default_factory=list)
    uncheckable: list[Uncheckable] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # `--auto`: what finding the headline targets met (a report without a headline sentence …),
    # city by city, year by year.
    headline_warnings: list[str] = field(default_factory=list)


class Location(NamedTuple):
    file: str
    line: int


def locate_quote(spec: TargetSpec, report: Report, config_name: str) -> Location:
    """Where the target's quote stands in its report; an error unless exactly once (the same
    check and words as `lint`)."""
    from targetcheck.quotes import QuoteProblem, place_quote

    assert spec.quote is not None
    place = place_quote(report, spec.quote)
    if isinstance(place, QuoteProblem):
        raise ConfigError(
            place.message, path=config_name, line=spec.quote_line or spec.line, target_id=spec.id, hint=place.hint
        )
    paragraph, offset = place
    return Location(report.file, paragraph.line_at(offset))


def run_check(
    targets: Iterable[TargetSpec],
    corpus: Corpus | CorpusIndex,
    *,
    config_name: str,
    auto: bool = False,
    workers: Workers | None = None,
    progress: Progress | None = None,
    targets_key: str | None = None,
) -> CheckRun:
    """The verdict for every target, in their order. `auto`: the headline targets of every report
    are checked too, a curated target replacing the found one with the same id and city, city by
    city, year by year (`auto.merge_curated`).

    A `CorpusIndex` (the corpus as an index of report headers) is checked report by report, by
    the `workers` when it is large enough (`stream.run_stream`): the same results, in the same
    order, with every report read once and only a few held at a time; `targets_key` (the cache
    key of targets.yaml's content) lets a run whose inputs are unchanged come from the cache."""
    from targetcheck.corpus import Corpus

    if not isinstance(corpus, Corpus):  # a CorpusIndex
        from targetcheck.stream import run_stream

        listed = targets if isinstance(targets, Sequence) else list(targets)  # a Sequence is not loaded yet
        return run_stream(
            listed, corpus, config_name=config_name, auto=auto, workers=workers, progress=progress,
            targets_key=targets_key,
        )
    run = CheckRun()
    if auto:
        from targetcheck.auto import corpus_headline_targets, merge_curated

        found = corpus_headline_targets(corpus)
        targets = merge_curated(found.targets, targets, corpus)
        run.headline_warnings = list(found.warnings)
    file_outcomes(run, (check_target(spec, corpus, config_name) for spec in targets))
    return run


def file_outcomes(
    run: CheckRun, outcomes: Iterable[tuple[Result | Uncheckable, tuple[str | None, int] | None]]
) -> None:
    """Put each target's outcome where it belongs in `run` (results, or not checkable), in order,
    and warn once per report whose absence left quotes unverified."""
    unverified: dict[tuple[str | None, int], int] = {}
    for outcome, missing in outcomes:
        if missing is not None:
            unverified[missing] = unverified.get(missing, 0) + 1
        if isinstance(outcome, Uncheckable):
            run.uncheckable.append(outcome)
        else:
            run.results.append(outcome)
    run.warnings = unverified_warnings(unverified)


def check_target(
    spec: TargetSpec, corpus: Corpus | CorpusIndex, config_name: str
) -> tuple[Result | Uncheckable, tuple[str | None, int] | None]:
    """The verdict for one target, and (city, year) when its quote could not be verified because
    its report is not in the corpus. Raises ConfigError when the quote is not in its report once."""
    location = None
    missing = None
    if spec.location is not None:  # found in the report itself (`--auto`)
        location = Location(*spec.location)
    elif spec.quote and spec.source is None:
        # A target given by `source:` (an annual plan notice) is worded there, not in the
        # report: the report of the same year may be in the corpus all the same.
        stating = corpus.get(spec.city, spec.year)
        if stating is not None:
            location = locate_quote(spec, stating, config_name)
        else:
            missing = (spec.city, spec.year)
    return evaluate(spec, corpus, location), missing


def unverified_warnings(unverified: dict[tuple[str | None, int], int]) -> list[str]:
    return [
        f"the {year} report{' of ' + city if city else ''} is not in the corpus: {count} quotes not verified"
        for (city, year), count in unverified.items()
    ]


def evaluate(spec: TargetSpec, corpus: Corpus | CorpusIndex, location: Location | None) -> Result | Uncheckable:
    """The verdict for one target."""
    from targetcheck.outcomes import Finding, find_derived_growth, find_outcome

    terms = spec.terms
    if location is not None:
        source = f"{location.file}:{location.line}"
    elif spec.source:
        source = spec.source
    else:
        source = f"the {spec.year} report (not in the corpus)"
    if terms.comparator is Comparator.EXTERNAL:
        return Uncheckable(
            spec.id, spec.year, spec.city, spec.indicator.slug, spec.quote, source,
            "set by a higher level of government (下达/一致): not checkable from reports",
            spec.origin,
            spec.tags,
        )
    tolerance = spec.tolerance
    target = TargetView(
        quote=spec.quote,
        source=source,
        file=location.file if location else None,
        line=location.line if location else None,
        value=terms.value,
        unit=terms.unit,
        comparator=terms.comparator.value,
        tolerance=_tolerance_shown(spec),
        firmness=terms.firmness,
        statement=spec.statement,
        milestone=terms.milestone,
        reference=terms.reference,
    )
    base = {
        "id": spec.id,
        "year": spec.year,
        "city": spec.city,
        "indicator": spec.indicator.slug,
        "indicator_name": spec.indicator.name,
        "tags": spec.tags,
        "section": spec.section,
        "target": target,
        "origin": spec.origin,
    }
    firm_notes = [f"aspirational wording ({terms.firmness})"] if terms.firmness in ASPIRATIONAL else []
    followup = corpus.get(spec.city, spec.year + 1)
    if followup is None:
        where = f" of {spec.city}" if spec.city else ""
        return Result(
            **base, status=Status.PENDING, actual=None, difference=None, difference_unit=None,
            notes=(f"no {spec.year + 1} report{where} in the corpus: the outcome of {spec.year} is reported there",
                   *firm_notes),
        )
    indicator, finding = run_finder(spec, followup)
    derived_notes: list[str] = []
    if finding.chosen is None and indicator.measure is Measure.GROWTH and terms.comparator is not Comparator.RELATION:
        stating = corpus.get(spec.city, spec.year)
        derived = find_derived_growth(followup, stating, spec.year, indicator, spec.aliases) if stating else None
        if derived is not None:
            now, then, growth = derived
            then_quote, then_line = evidence(then, stating)  # type: ignore[arg-type]
            chosen_derived = replace(now, value=growth, qualifiers=(*now.qualifiers, "derived"))
            finding = Finding(chosen_derived, (*finding.considered, chosen_derived))
            derived_notes.append(
                f"derived from two levels: {now.quantity.text if now.quantity else ''} in {spec.year} against "
                f"{then.quantity.text if then.quantity else ''} in {spec.year - 1} ({stating.file}:{then_line}: {then_quote})"  # type: ignore[union-attr]
            )
    considered = _considered(finding, followup)
    chosen = finding.chosen
    object_notes = _object_notes(finding, followup) if terms.comparator is Comparator.MILESTONE else []
    if chosen is None:
        return Result(
            **base, status=Status.UNREPORTED, actual=None, difference=None, difference_unit=None,
            notes=(_silence_note(finding, followup, spec.year), *object_notes, *firm_notes), followup=followup.file,
            considered=considered,
        )
    quote, line = evidence(chosen, followup)
    qualifiers = chosen.qualifiers + (("aspirational",) if firm_notes else ())
    if terms.comparator is Comparator.MILESTONE:
        status = Status.MET if chosen.done else Status.MISSED
        actual = ActualView(None, None, None, quote, followup.file, line, qualifiers)
        note = "reported " + milestone_state(chosen)
        return Result(**base, status=status, actual=actual, difference=None, difference_unit=None,
                      notes=(note, *object_notes, *firm_notes), followup=followup.file, considered=considered)
    actual_value = _in_target_unit(chosen, terms.unit, indicator.measure)
    stated = _stated(chosen, followup)
    notes = list(firm_notes)
    reference_view: tuple[Decimal | None, str | None, int | None] = (None, None, None)
    if terms.comparator is Comparator.RELATION:
        reference = HEADLINE[terms.reference or "gdp-growth"]
        ref_finding = find_outcome(followup, spec.year, reference)
        if ref_finding.chosen is None or ref_finding.chosen.value is None or actual_value is None:
            return Result(
                **base, status=Status.UNREPORTED,
                actual=ActualView(actual_value, "%", stated, quote, followup.file, line, qualifiers),
                difference=None, difference_unit=None,
                notes=(f"its reference ({reference.name}) is not reported for {spec.year}", *notes),
                followup=followup.file, considered=considered,
            )
        ref_quote, ref_line = evidence(ref_finding.chosen, followup)
        comparison = compare_relation(actual_value, ref_finding.chosen.value, terms.relation_wording, tolerance)
        reference_view = (ref_finding.chosen.value, ref_quote, ref_line)
        qualifiers = qualifiers + tuple(f"reference {q}" for q in ref_finding.chosen.qualifiers) + ("relation",)
        notes.append(
            f"compared with {reference.name} {ref_finding.chosen.value}% ({followup.file}:{ref_line}: {ref_quote})"
        )
    else:
        assert terms.value is not None
        if actual_value is None:
            return Result(
                **base, status=Status.UNREPORTED, actual=None, difference=None, difference_unit=None,
                notes=(f"the figure found ({stated}) cannot be converted into {terms.unit}", *notes),
                followup=followup.file, considered=considered,
            )
        comparison = compare(terms.comparator, terms.value, actual_value, better=indicator.better,
                             tolerance=tolerance, unit=terms.unit,
                             just_under="just-under" in chosen.qualifiers)
    notes.extend(derived_notes)
    if "summed" in chosen.qualifiers:
        notes.append(f"summed from the parts the report lists by level: {stated} = {actual_value:f} {terms.unit or ''}".rstrip())
    notes.extend(_qualifier_notes(chosen))
    unit_shown = terms.unit if terms.comparator is not Comparator.RELATION else "%"
    actual = ActualView(actual_value, unit_shown, stated, quote, followup.file, line, qualifiers, *reference_view)
    return Result(
        **base, status=comparison.status, actual=actual, difference=comparison.difference,
        difference_unit=None if comparison.difference is None else ("pp" if unit_shown in ("%", "个百分点") else unit_shown),
        notes=(_comparison_note(terms.comparator, comparison), *notes), followup=followup.file,
        considered=considered,
    )


def _tolerance_shown(spec: TargetSpec) -> Decimal | None:
    from targetcheck.verdict import DEFAULT_TOLERANCE_POINTS, default_tolerance

    if spec.terms.comparator is Comparator.ABOUT and spec.terms.value is not None:
        return spec.tolerance if spec.tolerance is not None else default_tolerance(spec.terms.value, spec.terms.unit)
    if spec.terms.comparator is Comparator.RELATION:
        if spec.terms.relation_wording in ("快于", "高于"):
            return None
        return spec.tolerance if spec.tolerance is not None else DEFAULT_TOLERANCE_POINTS
    return None


def _in_target_unit(chosen: Candidate, unit: str | None, measure: Measure) -> Decimal | None:
    if chosen.quantity is None or chosen.value is None:
        return None
    if measure is Measure.GROWTH or unit in (None, "%") or chosen.quantity.unit in ("%", "个百分点"):
        return chosen.value
    try:
        from targetcheck.outcomes import convert_outcome

        sign = -1 if chosen.value < 0 else 1
        return sign * convert_outcome(abs(chosen.value), chosen.quantity.unit, unit)
    except QuantityError:
        return None


_LEAD_CLAUSE = lazy(
    r"(?:据)?(?:初步核算|初步统计|初步测算|经初步核算|预计|前三季度|上半年|一季度|前两个季度|1[-—–~至]\d{1,2}月|全年)[，,：:]"
)


def evidence(candidate: Candidate, report: Report) -> tuple[str, int]:
    """The quoted clause(s) for a candidate, as the file has them, and their line."""
    item = candidate.item
    bounds = item.clause_bounds()
    k = next((k for k, (s, e) in enumerate(bounds) if s <= candidate.start < e + 1), None)
    start = bounds[k][0] if k is not None else 0
    # A short lead clause that qualifies the figure (`前三季度，`, `初步核算，`, `预计，`) is quoted with
    # it: without it `全市地区生产总值增长5.1%` would read as a full-year, final figure.
    while k is not None and k > 0 and _LEAD_CLAUSE.fullmatch(item.text[bounds[k - 1][0] : bounds[k][0]]):
        k -= 1
        start = bounds[k][0]
    end = next((e for s, e in bounds if s < candidate.end <= e + 1), len(item.text))
    paragraph = report.paragraphs[item.paragraph]
    quote = paragraph.original(item.start + start, item.start + end)
    return quote, paragraph.line_at(item.start + candidate.start)


def _stated(candidate: Candidate, report: Report) -> str | None:
    if candidate.quantity is None:
        return None
    return candidate.quantity.text


def _considered(finding: Finding, report: Report) -> tuple[Considered, ...]:
    out = []
    for candidate in finding.considered:
        quote, line = evidence(candidate, report)
        figure = candidate.quantity.text if candidate.quantity is not None else None
        if candidate is finding.chosen:
            reason = "used"
        elif candidate.reason:
            reason = candidate.reason
        elif candidate.quantity is None:
            # A milestone: another object, or another reading of the same one, that did not decide.
            reason = f"{ALSO_READ} {candidate.object or 'the object'}: {milestone_state(candidate)}"
        else:
            reason = "a better figure was used"
        out.append(Considered(quote, report.file, line, figure, reason))
    return tuple(out)


def _object_notes(finding: Finding, report: Report) -> list[str]:
    """For a milestone with several objects (`建成石拐、达茂通用机场`), what was said of each."""
    if len(finding.objects) < 2:
        return []
    notes = []
    for outcome in finding.objects:
        name = outcome.name
        candidate = outcome.candidate
        if candidate is None:
            notes.append(f"{name}: not reported")
            continue
        quote, line = evidence(candidate, report)
        state = milestone_state(candidate)
        notes.append(f"{name}: {state} ({report.file}:{line}: {quote})")
    return notes


def milestone_state(candidate: Candidate) -> str:
    """What a milestone candidate says of its object, in words: `done`, `not done`, `not done,
    under way`, `not done, only partly done, late`, `not done, postponed or halted` …; for a
    target that asks for work carried out (`建设…`, `实施…等项目`), `done (under way, as the target asks)`."""
    if candidate.done:
        return "done (under way, as the target asks)" if getattr(candidate, "under_way", False) else "done"
    qualifiers = candidate.qualifiers
    details = []
    if "in-progress" in qualifiers:
        details.append("under way")
    if "partial" in qualifiers:
        details.append("only partly done")
    if "postponed" in qualifiers:
        details.append("postponed or halted")
    elif "delayed" in qualifiers:
        details.append("late")
    return ", ".join(["not done", *details])


def _silence_note(finding: Finding, report: Report, year: int) -> str:
    if finding.objects and any(o.candidate is not None for o in finding.objects):
        return f"the {report.year} report ({report.file}) reports only part of it for {year}"
    if not finding.considered:
        return f"the {report.year} report ({report.file}) does not report it"
    reasons = sorted({c.reason or "" for c in finding.considered if c.reason})
    return (
        f"the {report.year} report ({report.file}) gives no usable figure for {year}: "
        f"{len(finding.considered)} mention(s) set aside ({'; '.join(reasons)})"
    )


def _qualifier_notes(candidate: Candidate) -> list[str]:
    from targetcheck.results import QUALIFIER_LABELS

    return [
        QUALIFIER_LABELS[q] for q in candidate.qualifiers if q in QUALIFIER_LABELS and q not in ("aspirational", "summed")
    ]


def _comparison_note(comparator: Comparator, comparison: Comparison) -> str:
    if comparison.tolerance is not None:
        return f"{comparator.value}, tolerance {comparison.tolerance:f}"  # 100, not 1E+2
    return comparator.value


_LEAD_WORDS = lazy(
    r"^(?:年内|今年|全面|加快|推动|推进|力争|确保|争取|努力|实现|完成|启动|积极|及早|尽快|基本|顺利|全力|大力)+"
)


def milestone_aliases(wording: str) -> tuple[Alias, ...]:
    """Default aliases for a milestone: the objects it names (`开工建设地铁1号线、2号线一期工程`
    gives `地铁1号线` and `2号线一期工程`). Curated `outcome.aliases` are better."""
    from targetcheck.textnorm import normalize
    from targetcheck.wording import MILESTONE_VERBS

    text = normalize(wording)
    for verb in sorted(MILESTONE_VERBS, key=len, reverse=True):
        text = text.replace(verb, "、")
    text = _LEAD_WORDS.sub("", text)
    parts = [_LEAD_WORDS.sub("", p).strip("，。；、 ") for p in re.split(r"[、，和及与]", text)]
    parts = [p for p in parts if len(p) >= 2]
    if not parts:
        parts = [text.strip("、")] if text.strip("、") else [wording]
    from targetcheck.milestones import shared_head_aliases

    return tuple(Alias(pattern) for pattern in shared_head_aliases(list(dict.fromkeys(parts))))


def run_finder(spec: TargetSpec, followup: Report) -> tuple[Indicator, Finding]:
    """The outcome finder run for `spec` in its follow-up report, as the check runs it (and as
    `lint` runs it to see whether a rule finds anything): a milestone target reads its objects'
    states, any other its figures; with the indicator the finding is about."""
    from targetcheck.outcomes import find_outcome

    terms = spec.terms
    indicator = spec.indicator
    if terms.comparator is Comparator.MILESTONE:
        indicator = replace(indicator, measure=Measure.MILESTONE, unit=None)
        aliases = spec.aliases or (
            indicator.aliases if spec.indicator.measure is Measure.MILESTONE and spec.indicator.aliases else milestone_aliases(spec.wording)
        )
        return indicator, find_outcome(followup, spec.year, indicator, milestone=terms.milestone, aliases=aliases,
                                       wording=spec.wording)
    return indicator, find_outcome(followup, spec.year, indicator, unit=terms.unit, aliases=spec.aliases,
                                   change=terms.change, wording=spec.wording)
