"""Which results to show: `--status`, `--year`, `--tag`, `--id` (glob), `--indicator`.

Every filter option takes repeated values and comma lists (`--year 2017 --year 2024`,
`--year 2017,2024`). Values of one option are alternatives (any may match); different options
must all match. The summary of a run counts the results shown, so that the JSON `summary` always
agrees with its `results`; `--fail-on` is judged on the results shown too.

A value that cannot match anything in this run (a status that does not exist, a year, tag or
indicator no target has, an id pattern that matches no id) is a usage error (exit 2) naming the
values that would: a typo must not pass for "nothing to report".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from targetcheck.errors import UsageError
from targetcheck.results import Result, Uncheckable
from targetcheck.verdict import Status

FAIL_ON_STATUSES = (Status.MISSED, Status.UNREPORTED, Status.PENDING)


def split_values(values: Iterable[str] | None) -> list[str]:
    """`["met,missed", " pending "]` → `["met", "missed", "pending"]`; empty pieces are dropped."""
    out: list[str] = []
    for value in values or ():
        out.extend(piece.strip() for piece in value.split(",") if piece.strip())
    return out


def parse_statuses(
    values: Iterable[str] | None, option: str, allowed: Sequence[Status] = tuple(Status)
) -> frozenset[Status]:
    names = {s.value: s for s in allowed}
    chosen = set()
    for value in split_values(values):
        status = names.get(value.lower())
        if status is None:
            raise UsageError(
                f"{option}: unknown verdict {value!r}",
                hint=f"use one or more of {', '.join(names)}, separated by commas",
            )
        chosen.add(status)
    return frozenset(chosen)


def parse_years(values: Iterable[str] | None) -> frozenset[int]:
    years = set()
    for value in split_values(values):
        if not (value.isascii() and value.isdigit() and len(value) == 4):
            raise UsageError(f"--year: {value!r} is not a year", hint="give four-digit years, e.g. --year 2017,2024")
        years.add(int(value))
    return frozenset(years)


@dataclass(frozen=True)
class Selection:
    """The filters of one run; an empty selection keeps everything."""

    statuses: frozenset[Status] = frozenset()
    years: frozenset[int] = frozenset()
    tags: frozenset[str] = frozenset()
    ids: tuple[str, ...] = ()  # exact ids or globs (`2017.*`, `*income*`)
    indicators: frozenset[str] = frozenset()

    @classmethod
    def from_options(
        cls,
        *,
        status: Iterable[str] | None = None,
        year: Iterable[str] | None = None,
        tag: Iterable[str] | None = None,
        id: Iterable[str] | None = None,
        indicator: Iterable[str] | None = None,
    ) -> Selection:
        return cls(
            statuses=parse_statuses(status, "--status"),
            years=parse_years(year),
            tags=frozenset(split_values(tag)),
            ids=tuple(dict.fromkeys(split_values(id))),
            indicators=frozenset(split_values(indicator)),
        )

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.years or self.tags or self.ids or self.indicators)

    def describe(self) -> dict[str, list[str] | list[int]]:
        """The filters given, for the JSON envelope and the reports' headers."""
        out: dict[str, list[str] | list[int]] = {}
        if self.statuses:
            out["status"] = [s.value for s in Status if s in self.statuses]
        if self.years:
            out["year"] = sorted(self.years)
        if self.tags:
            out["tag"] = sorted(self.tags)
        if self.ids:
            out["id"] = list(self.ids)
        if self.indicators:
            out["indicator"] = sorted(self.indicators)
        return out

    def label(self) -> str:
        """`--status missed --year 2024`: the filters as a user would type them."""
        return " ".join(
            f"--{name} {','.join(str(v) for v in values)}" for name, values in self.describe().items()
        )

    def _common(self, id: str, year: int, indicator: str, tags: Iterable[str]) -> bool:
        if self.years and year not in self.years:
            return False
        if self.indicators and indicator not in self.indicators:
            return False
        if self.tags and not self.tags.intersection(tags):
            return False
        return not self.ids or any(fnmatchcase(id, pattern) for pattern in self.ids)

    def keeps(self, result: Result) -> bool:
        if self.statuses and result.status not in self.statuses:
            return False
        return self._common(result.id, result.year, result.indicator, result.tags)

    def keeps_uncheckable(self, item: Uncheckable) -> bool:
        """Targets set elsewhere have no verdict: a `--status` filter leaves them out."""
        if self.statuses:
            return False
        return self._common(item.id, item.year, item.indicator, item.tags)

    def check_known(self, results: Sequence[Result], uncheckable: Sequence[Uncheckable]) -> None:
        """Refuse a year, tag, indicator or id pattern that no target of this run has."""
        ids = [r.id for r in results] + [u.id for u in uncheckable]
        years = {r.year for r in results} | {u.year for u in uncheckable}
        tags = {t for r in results for t in r.tags} | {t for u in uncheckable for t in u.tags}
        indicators = {r.indicator for r in results} | {u.indicator for u in uncheckable}
        for year in sorted(self.years - years):
            raise UsageError(f"--year: no target is set for {year}", hint=f"years with targets: {_listing(years)}")
        for tag in sorted(self.tags - tags):
            raise UsageError(f"--tag: no target is tagged {tag!r}", hint=_suggest(tag, tags, "tags in use"))
        for slug in sorted(self.indicators - indicators):
            raise UsageError(f"--indicator: no target measures {slug!r}", hint=_suggest(slug, indicators, "indicators in use"))
        for pattern in self.ids:
            if not any(fnmatchcase(i, pattern) for i in ids):
                raise UsageError(
                    f"--id: {pattern!r} matches no target id",
                    hint=_suggest(pattern, ids, "ids in use") + "; globs work too, e.g. --id '2017.*'",
                )

    def apply(
        self, results: Sequence[Result], uncheckable: Sequence[Uncheckable]
    ) -> tuple[list[Result], list[Uncheckable]]:
        return [r for r in results if self.keeps(r)], [u for u in uncheckable if self.keeps_uncheckable(u)]


def _listing(values: Iterable[object], limit: int = 12) -> str:
    items = sorted(str(v) for v in values)
    if not items:
        return "none"
    more = f" … ({len(items) - limit} more)" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


def _suggest(value: str, known: Iterable[str], label: str) -> str:
    known = sorted(set(known))
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    if close:
        return f"did you mean {' or '.join(close)}?"
    return f"{label}: {_listing(known)}"
