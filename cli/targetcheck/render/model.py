"""What the renderers get: the results of a run and the context a reader needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from targetcheck.results import Result, Uncheckable


@dataclass(frozen=True)
class CorpusFile:
    file: str
    year: int | None
    city: str | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunView:
    results: list[Result]
    uncheckable: list[Uncheckable] = field(default_factory=list)
    corpus: list[CorpusFile] = field(default_factory=list)
    targets_file: str | None = None
    color: bool = False
    width: int = 100
    csv_bom: bool = False
    filters: dict[str, str] = field(default_factory=dict)
