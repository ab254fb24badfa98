"""The corpus: report files found under the given paths, read once, indexed by city and year."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from targetcheck.errors import ConfigError, CorpusError
from targetcheck.files import file_kind

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


def existing_corpus(paths: tuple[Path, ...] | list[Path], targets_file: Path, line: int | None) -> list[Path]:
    """The `corpus:` paths of targets.yaml, each of which must exist: a missing one is an error at
    the `corpus:` line of targets.yaml (paths there are relative to it, a common surprise)."""
    for corpus_path in paths:
        if not os.path.lexists(corpus_path):
            raise ConfigError(
                f"corpus path `{corpus_path}` does not exist",
                path=str(targets_file),
                line=line,
                hint="corpus paths are relative to targets.yaml; or pass --corpus PATH",
            )
    return list(paths)


# A folder holding more files than this is not a folder of reports (`--corpus /`, a home folder):
# refused before anything is read, instead of reading for hours.
MAX_CORPUS_FILES = 100_000


def iter_corpus_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Every file under the given paths, in a stable order, with the name to show for it.

    A path that does not exist, or that is neither a regular file nor a folder (a named pipe or a
    device, which could block the run or never end), is an input error (exit 2). Inside folders,
    hidden files and folders are skipped, links are followed (each folder once, so a loop of
    links ends), and everything else is handed on: `read_file` skips what is not a regular file
    with a warning naming it. A file named twice (`--corpus seeds --corpus seeds/a.txt`) is read
    once.
    """
    seen: set[str] = set()
    for path in paths:
        kind = _argument_kind(path)
        if kind == "file":
            found = [path]
        else:
            found = _walk(path)
        for file_path in found:
            real = os.path.realpath(file_path)
            if real in seen:
                continue
            seen.add(real)
            yield file_path, _display(file_path)


def _argument_kind(path: Path) -> str:
    """`file` or `folder`; anything else is refused with a CorpusError naming the path."""
    hint = "check the --corpus path or the `corpus:` list in targets.yaml"
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if os.path.lexists(path):
            raise CorpusError("is a link to nothing", path=str(path), hint="point the link at a report or a folder") from None
        raise CorpusError("no such file or folder", path=str(path), hint=hint) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise CorpusError("is a loop of symbolic links", path=str(path), hint="point the link at a report or a folder") from None
        raise CorpusError(f"cannot be read: {exc.strerror or exc}", path=str(path), hint=hint) from None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    raise CorpusError(
        f"is {file_kind(mode)}, not a report file or a folder",
        path=str(path),
        hint="targetcheck reads regular files only (a pipe or a device may never end): save the text to a file first",
    )


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    unlisted: list[Path] = []
    visited: set[str] = set()

    def failed(error: OSError) -> None:  # a folder that cannot be listed: read_file names it
        if error.filename is not None:
            unlisted.append(Path(error.filename))

    for root, dirs, files in os.walk(folder, onerror=failed, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:  # a link back to a folder already read
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in files:
            if not file_name.startswith("."):
                found.append(Path(root) / file_name)
        if len(found) > MAX_CORPUS_FILES:
            raise CorpusError(
                f"holds more than {MAX_CORPUS_FILES:,} files: not a folder of reports",
                path=str(folder),
                hint="pass the folder that holds the report files",
            )
    return sorted(found + unlisted)


def _display(path: Path) -> str:
    """Paths under the working folder are shown relative to it; others as given. Bytes of a
    file name that are not UTF-8 are shown escaped (`\\xb0`), so that every output can print it."""
    try:
        shown = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        shown = str(path)
    return os.fsencode(shown).decode("utf-8", "backslashreplace")


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
