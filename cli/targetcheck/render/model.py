"""What the renderers get: the results of a run and the context a reader needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from targetcheck.results import Result, Uncheckable


class CorpusFile(NamedTuple):
    file: str
    year: int | None
    city: str | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunView:
    """A run as every renderer gets it: the results shown and what a reader needs around them."""

    results: list[Result]  # the results to show (after any filter)
    uncheckable: list[Uncheckable] = field(default_factory=list)
    corpus: list[CorpusFile] = field(default_factory=list)
    targets_file: str | None = None
    color: bool = False
    width: int = 100
    csv_bom: bool = False
    # The filters given (`{"status": ["missed"], "year": [2024]}`), empty when none; with
    # `filter_label` as typed (`--status missed --year 2024`) and the count before filtering.
    filters: dict[str, list[str] | list[int]] = field(default_factory=dict)
    filter_label: str = ""
    unfiltered_total: int | None = None
    run_date: str | None = None  # ISO date of the run, for reports a reviewer files
    version: str | None = None  # targetcheck's version, for the same reason
    better: dict[str, str] = field(default_factory=dict)  # indicator slug → "higher" | "lower"
