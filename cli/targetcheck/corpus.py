"""The corpus: report files found under the given paths, read once, indexed by city and year."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from targetcheck.errors import CorpusError

if TYPE_CHECKING:  # the reader is imported when a corpus is read (`city_key` needs none of it)
    from targetcheck.reader import FileReading, Report


def city_key(city: str | None) -> str | None:
    """`包头市`, `包头` and ` 包头市 ` name the same city."""
    if city is None:
        return None
    key = city.strip()
    for suffix in ("市", "盟", "地区"):
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return key


def iter_corpus_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Every file under the given paths, in a stable order, with the name to show for it.

    A path that does not exist is an input error (exit 2); hidden files and folders are skipped.
    """
    for path in paths:
        if not path.exists():
            raise CorpusError(
                "no such file or folder", path=str(path), hint="check the --corpus path or the `corpus:` list in targets.yaml"
            )
        if path.is_file():
            yield path, _display(path)
            continue
        found = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for file_name in files:
                if not file_name.startswith("."):
                    found.append(Path(root) / file_name)
        for file_path in sorted(found):
            yield file_path, _display(file_path)


def _display(path: Path) -> str:
    """Paths under the working folder are shown relative to it; others as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@dataclass
class Corpus:
    readings: list[FileReading] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # warnings about the same report twice
    _index: dict[tuple[str | None, int], Report] = field(default_factory=dict)

    def add(self, reading: FileReading) -> None:
        self.readings.append(reading)
        for report in reading.reports:
            key = (city_key(report.city), report.year)
            if key in self._index:
                first = self._index[key]
                self.duplicates.append(
                    f"{report.file}: the {report.year} report of {report.city or 'an unnamed city'} is also in "
                    f"{first.file}: using {first.file}"
                )
                continue
            self._index[key] = report
            self.reports.append(report)

    def get(self, city: str | None, year: int) -> Report | None:
        report = self._index.get((city_key(city), year))
        if report is None and city is None:
            matches = [r for (c, y), r in self._index.items() if y == year]
            return matches[0] if len(matches) == 1 else None
        return report

    def cities(self) -> list[str]:
        seen: dict[str, str] = {}
        for report in self.reports:
            if report.city:
                seen.setdefault(city_key(report.city) or report.city, report.city)
        return list(seen.values())

    def warnings(self) -> list[str]:
        out = [f"{r.file}: {w}" for r in self.readings for w in r.warnings]
        out += [f"{rep.file}: {w}" for rep in self.reports for w in rep.warnings]
        return out + self.duplicates


def load_corpus(paths: Iterable[Path]) -> Corpus:
    from targetcheck.reader import read_file

    corpus = Corpus()
    for path, display in iter_corpus_files(paths):
        corpus.add(read_file(path, display))
    return corpus
