"""`--format markdown`: a report a reviewer can read, paste into a GitHub issue, print and file.

Summary, the corpus it was run on, one table per year, then the evidence: for each met or missed
target the quoted target and outcome with file and line, and how many other places the rule
considered and set aside; the unreported targets with why; the verdict rules and tolerances used;
a legend of the qualifiers. Made from `results.to_record` like every other format.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import PurePath
from typing import Any

from targetcheck.lazyregex import lazy
from targetcheck.render.model import RunView
from targetcheck.render.rules import (
    COMPARATOR_WORDING,
    MET_WHEN,
    TOLERANCE_RULE,
    met_when,
    tolerance_text,
)
from targetcheck.render.table import (
    MARKS,
    actual_text,
    aspirational,
    diff_text,
    evidence_place,
    shown_notes,
)
from targetcheck.results import (
    QUALIFIER_LABELS,
    Result,
    considered_records,
    summary,
    to_record,
    uncheckable_record,
)
from targetcheck.verdict import Status

# Marks that can change how Markdown reads: always `\\ ` * < |`; `_` only at a word's edge (GitHub
# leaves `003_f70d.txt` alone); `#` only at the start. Brackets stay: `[e]` is not a link.
_SPECIAL = lazy(r"[\\`*<|]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])|^#")


def escape(text: str | None) -> str:
    """Text safe in a table cell or a quote: one line, Markdown's marks escaped, `|` too."""
    if not text:
        return ""
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), " ".join(text.split()))


def qualifier_words(qualifiers: list[str]) -> str:
    """`estimate, lower bound`; a relation's reference qualifiers as `reference: partial period`."""
    words = []
    for q in qualifiers:
        if q in ("aspirational", "relation"):
            continue
        words.append(q.replace("reference ", "reference: ").replace("-", " "))
    return ", ".join(words)


def code(text: str) -> str:
    """A file name as a code span (`|` escaped: GitHub splits table cells on it even there)."""
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class _Places:
    """File names as the tables show them: the base name when no two corpus files share it."""

    def __init__(self, view: RunView) -> None:
        names = [f.file for f in view.corpus]
        counts = Counter(PurePath(n).name for n in names)
        self.short = {n: PurePath(n).name for n in names if counts[PurePath(n).name] == 1}

    def cite(self, file: str, line: int | None) -> str:
        name = self.short.get(file, file)
        return code(f"{name}:{line}" if line is not None else name)


def render(view: RunView) -> str:
    out: list[str] = []
    out += _header(view)
    out += _summary(view)
    out += _corpus(view)
    places = _Places(view)
    by_year: dict[int, list[Result]] = defaultdict(list)
    for result in view.results:
        by_year[result.year].append(result)
    show_city = len({r.city for r in view.results}) > 1
    for year in sorted(by_year):
        out += _year_table(year, by_year[year], places, show_city)
    if not view.results:
        out += ["No targets match the filters." if view.filter_label else "No targets to check.", ""]
    out += _evidence(view)
    out += _unreported(view)
    out += _not_checkable(view)
    out += _rules(view)
    out += _qualifiers(view)
    return "\n".join(out).rstrip("\n") + "\n"


def _header(view: RunView) -> list[str]:
    lines = ["# targetcheck report", ""]
    facts = []
    if view.targets_file:
        facts.append(f"Targets from {code(view.targets_file)}")
    if view.run_date:
        facts.append(f"checked on {view.run_date}")
    if view.version:
        facts.append(f"by targetcheck {view.version}")
    if facts:
        lines += [", ".join(facts) + ".", ""]
    if view.filter_label:
        lines += [
            f"Filters: {code(view.filter_label)} ({len(view.results)} of "
            f"{view.unfiltered_total} targets shown; the counts below are of those shown).",
            "",
        ]
    return lines


def _summary(view: RunView) -> list[str]:
    counts = summary(view.results, view.uncheckable)
    lines = ["## Summary", "", "| verdict | targets |", "| --- | ---: |"]
    lines += [f"| {s.value} | {counts[s.value]} |" for s in Status]
    lines.append(f"| **total** | **{counts['total']}** |")
    if view.uncheckable:
        lines.append(f"| not checkable from reports | {len(view.uncheckable)} |")
    return [*lines, ""]


def _corpus(view: RunView) -> list[str]:
    if not view.corpus:
        return []
    lines = ["## Corpus", "", "| file | city | year | note |", "| --- | --- | ---: | --- |"]
    for f in view.corpus:
        note = "; ".join(escape(w) for w in f.warnings)
        lines.append(f"| {code(f.file)} | {escape(f.city) or '—'} | {f.year or '—'} | {note} |")
    return [*lines, ""]


def _year_table(year: int, results: list[Result], places: _Places, show_city: bool) -> list[str]:
    cities = sorted({r.city for r in results if r.city})
    title = f"## Targets for {year}" + (f" · {', '.join(cities)}" if cities and not show_city else "")
    city_head, city_rule = ("| city ", "| --- ") if show_city else ("", "")
    lines = [
        title,
        "",
        f"| id {city_head}| target | actual | difference | verdict | evidence |",
        f"| --- {city_rule}| --- | ---: | ---: | --- | --- |",
    ]
    for r in results:
        target = escape(r.target.quote or r.target.statement) + (" [a]" if aspirational(r) else "")
        verdict = f"**{r.status.value}**" if r.status in (Status.MET, Status.MISSED) else r.status.value
        file, line = evidence_place(r)
        where = places.cite(file, line) if file in places.short or line is not None else escape(file)
        city = f"| {escape(r.city)} " if show_city else ""
        lines.append(
            f"| {r.id} {city}| {target} | {escape(actual_text(r))} | {escape(diff_text(r))} | {verdict} | {where} |"
        )
    return [*lines, ""]


def _set_aside(considered: list[dict[str, Any]]) -> str:
    reasons = Counter(c["reason"] for c in considered if not c["used"])
    if not reasons:
        return "No other place in that report was considered."
    total = sum(reasons.values())
    parts = "; ".join(f"{escape(reason)}{f' (×{n})' if n > 1 else ''}" for reason, n in reasons.items())
    return f"{_count(total, 'other place')} considered and set aside: {parts}."


def _evidence(view: RunView) -> list[str]:
    decided = [r for r in view.results if r.status in (Status.MET, Status.MISSED)]
    if not decided:
        return []
    lines = ["## Evidence", "", "For each met or missed target: the target as stated, the outcome as reported, and",
             "the places the rule considered and set aside (`targetcheck show ID` lists them).", ""]
    for result in decided:
        record = to_record(result)
        target, actual = record["target"], record["actual"]
        lines += [f"### {result.id}: {result.status.value}", ""]
        where = (
            code(f"{target['file']}:{target['line']}")
            if target["file"]
            else f"{escape(target['source'])} (not in the corpus)"
        )
        rule = met_when(record, view.better.get(result.indicator))
        tolerance = tolerance_text(result.target.tolerance, result.target.unit, result.target.comparator)
        tolerance = f", tolerance {tolerance}" if tolerance else ""
        lines += [
            f"**Target** ({escape(result.city) or 'city not given'}, {result.year}; {escape(result.indicator_name)};"
            f" {target['comparator']}{tolerance}; {escape(rule)}), {where}:",
            "",
            f"> {escape(target['quote'] or target['statement'])}",
            "",
        ]
        described = escape(qualifier_words(actual["qualifiers"]))
        figure = escape(actual_text(result).split(" [")[0])
        lines += [
            f"**Outcome** {figure}{' (' + described + ')' if described else ''}, "
            f"{code(actual['file'] + ':' + str(actual['line']))}:",
            "",
            f"> {escape(actual['quote'])}",
            "",
        ]
        extra = [escape(n) for n in shown_notes(result)]
        diff = diff_text(result)
        closing = (f"Difference {escape(diff)}. " if diff else "") + _set_aside(considered_records(result))
        if extra:
            closing += " " + " ".join(n[0].upper() + n[1:] + "." for n in extra)
        lines += [closing, ""]
    return lines


def _unreported(view: RunView) -> list[str]:
    silent = [r for r in view.results if r.status is Status.UNREPORTED]
    if not silent:
        return []
    lines = ["## Unreported", "", "The next year's report is in the corpus but gives no usable figure: a silent",
             "report is a finding.", ""]
    for r in silent:
        notes = "; ".join(escape(n) for n in r.notes)
        lines.append(f"- **{r.id}** {escape(r.target.quote or r.target.statement)}: {notes}")
    return [*lines, ""]


def _not_checkable(view: RunView) -> list[str]:
    if not view.uncheckable:
        return []
    lines = ["## Not checkable from reports", ""]
    for item in view.uncheckable:
        record = uncheckable_record(item)
        lines.append(f"- **{record['id']}** {escape(record['quote'])} ({escape(record['source'])}): {escape(record['reason'])}")
    return [*lines, ""]


def _rules(view: RunView) -> list[str]:
    used = Counter(r.target.comparator for r in view.results if r.status in (Status.MET, Status.MISSED))
    if not used:
        return []
    lines = ["## Verdict rules used", "", "| comparator | wording | met when | targets |", "| --- | --- | --- | ---: |"]
    for comparator, n in sorted(used.items()):
        lines.append(
            f"| {comparator} | {escape(COMPARATOR_WORDING.get(comparator, ''))} | "
            f"{escape(MET_WHEN.get(comparator, ''))} | {n} |"
        )
    tolerances: dict[str, list[str]] = defaultdict(list)
    for r in view.results:
        if r.target.tolerance is not None and r.status in (Status.MET, Status.MISSED):
            tolerances[tolerance_text(r.target.tolerance, r.target.unit, r.target.comparator)].append(r.id)
    lines.append("")
    if tolerances:
        listed = "; ".join(f"±{t}: {', '.join(ids)}" for t, ids in tolerances.items())
        lines += [f"Tolerances applied: {escape(listed)}. Defaults: {escape(TOLERANCE_RULE)}.", ""]
    lines += ["Qualifiers never change the comparison: a lower bound or a partial-year figure is compared as",
              "stated and flagged. Falls count as negative growth.", ""]
    return lines


def _qualifiers(view: RunView) -> list[str]:
    seen = {q for r in view.results if r.actual for q in r.actual.qualifiers if q in QUALIFIER_LABELS}
    if any(aspirational(r) for r in view.results):
        seen.add("aspirational")
    if not seen:
        return []
    lines = ["## Qualifiers", "", "| mark | qualifier | meaning |", "| --- | --- | --- |"]
    for qualifier, label in QUALIFIER_LABELS.items():
        if qualifier in seen:
            mark = MARKS.get(qualifier, "")
            lines.append(f"| {escape('[' + mark + ']') if mark else ''} | {qualifier} | {escape(label)} |")
    return [*lines, ""]
