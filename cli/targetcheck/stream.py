"""The check over a corpus of any size: report by report, every report read once, in one process
or several, with the same results in the same order as `engine.run_check` over a loaded corpus.

A researcher's corpus holds thousands of reports; holding them all (paragraphs, the evidence
index) takes gigabytes, and reading them one after another leaves cores idle. So:

1. **Index** (`scan_corpus`): a first pass reads only what indexes each report: its header
   (city, year) and the warnings about its file (copies, no header). Held: a few hundred bytes
   per report.
2. **Check** (`run_stream`): the targets are grouped by the report that states them, city by
   city, year by year: (包头, 2017), (包头, 2018) … A group needs the report of its year (to
   find the headline targets with `--auto`, to place curated quotes) and the next one (the
   outcomes). Walking the groups in order, a report is read when its group comes, serves as the
   follow-up of the group before, and is dropped soon after (`REPORTS_HELD`): memory is bounded
   by the largest reports, not by the corpus.
3. **Cores** (`Workers`): runs of whole cities go to worker processes when the corpus is large
   enough to pay for them (`PARALLEL_MIN_REPORTS`); each run carries the answers to the index
   look-ups its targets make, and the results are put back in order, so the output is the
   single-process output, byte for byte.

Errors keep their meaning: the first target (in the order of the output) whose quote is not in
its report stops the run, as it does in `engine.run_check`.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from targetcheck.corpus import city_key, iter_corpus_files
from targetcheck.errors import ConfigError, CorpusError

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from targetcheck.cache import Cache
    from targetcheck.config import TargetSpec
    from targetcheck.engine import CheckRun
    from targetcheck.reader.report import Report
    from targetcheck.reader.stubs import FileScan, ReportStub
    from targetcheck.render.model import CorpusFile
    from targetcheck.results import Result, Uncheckable

# (phase, done, total): "index" counts files, "check" counts reports (groups of targets).
Progress = Callable[[str, int, int], None]

# Below this many files one process is faster: starting workers and sending them their work and
# the results back costs more than it saves (bench/scale.py --jobs, README "Performance").
PARALLEL_MIN_REPORTS = 48
# Reports of corpora up to this many files are kept in the cache (an analyst's corpus); a
# researcher's thousands would take as much disk again as the corpus, for a second run only.
CACHED_CORPUS_FILES = 100
# Reports held at once by one process: the group's own, its follow-up, and one spare.
REPORTS_HELD = 3

_Query = tuple[str | None, int]  # (city_key(city), year), as `CorpusIndex.ref` is asked


class ReportRef(NamedTuple):
    """Where one report stands: enough to index it, and to read it again when its turn comes."""

    path: Path
    file: str  # as shown
    position: int  # among the reports of its file
    year: int
    city: str | None
    content_key: str | None = None  # the cache key of the file's bytes when it was indexed


class CorpusIndex:
    """The corpus as an index of report headers; a report is read when it is asked for, and
    only the last few read are held (`REPORTS_HELD`). `get(city, year)` answers exactly as
    `Corpus.get` does.

    A worker gets an index without files: only `answers`, the look-ups its targets make."""

    def __init__(
        self,
        scans: list[tuple[Path, FileScan]] | None = None,
        cache: Cache | None = None,
        answers: dict[_Query, ReportRef | None] | None = None,
        file_keys: list[str] | None = None,
    ) -> None:
        self.scans = scans or []
        self.cache = cache
        self.answers = answers
        # The cache keys of the files' contents, in file order (None: not all known): they name
        # this corpus in the cache of whole runs.
        self.file_keys = file_keys
        self.refs: list[ReportRef] = []  # the reports used, in file order
        self.unused: list[ReportRef] = []  # second copies of a report
        self.duplicates: list[str] = []  # warnings about the same report twice
        self.report_warnings: dict[ReportRef, tuple[str, ...]] = {}  # of the reports read
        self._index: dict[_Query, ReportRef] = {}
        self._held: OrderedDict[ReportRef, Report] = OrderedDict()
        for k, (path, scan) in enumerate(self.scans):
            for stub in scan.stubs:
                ref = self._ref(k, path, scan, stub)
                key = (city_key(stub.city), stub.year)
                first = self._index.get(key)
                if first is not None:
                    self.duplicates.append(
                        f"{scan.file}: the {stub.year} report of {stub.city or 'an unnamed city'} is also in "
                        f"{first.file}: using {first.file}"
                    )
                    self.unused.append(ref)
                    continue
                self._index[key] = ref
                self.refs.append(ref)

    def _ref(self, k: int, path: Path, scan: FileScan, stub: ReportStub) -> ReportRef:
        content_key = self.file_keys[k] if self.file_keys is not None else None
        return ReportRef(path, scan.file, stub.position, stub.year, stub.city, content_key)

    def ref(self, city: str | None, year: int) -> ReportRef | None:
        """The report of `city` for `year`; for no city, the only report of that year."""
        query = (city_key(city), year)
        if self.answers is not None:
            return self.answers[query]
        ref = self._index.get(query)
        if ref is None and city is None:
            matches = [r for (_c, y), r in self._index.items() if y == year]
            return matches[0] if len(matches) == 1 else None
        return ref

    def get(self, city: str | None, year: int) -> Report | None:
        ref = self.ref(city, year)
        return None if ref is None else self.load(ref)

    def load(self, ref: ReportRef) -> Report:
        """The report `ref` names, read now unless it is one of the last few read."""
        report = self._held.get(ref)
        if report is not None:
            self._held.move_to_end(ref)
            return report
        report = _read_report(ref, self.cache)
        self.report_warnings.setdefault(ref, tuple(report.warnings))
        self._held[ref] = report
        while len(self._held) > REPORTS_HELD:
            self._held.popitem(last=False)
        return report

    def release(self) -> None:
        """Drop the reports held (the run is over)."""
        self._held.clear()

    def warnings(self) -> list[str]:
        """As `Corpus.warnings`: the files', then the reports' (each report is read once in a
        run, which gives its warnings), then the duplicates."""
        out = [f"{scan.file}: {w}" for _path, scan in self.scans for w in scan.warnings]
        for ref in self.refs:
            if ref not in self.report_warnings:
                self.load(ref)
            out += [f"{ref.file}: {w}" for w in self.report_warnings[ref]]
        return out + self.duplicates

    def corpus_files(self) -> list[CorpusFile]:
        """Every file read, with its city and year and what the reader said about it (a skipped
        file has no year; a second copy of a report is named as unused)."""
        from targetcheck.render.model import CorpusFile

        unused = set(self.unused)
        out = []
        for k, (path, scan) in enumerate(self.scans):
            if not scan.stubs:
                out.append(CorpusFile(scan.file, None, None, tuple(scan.warnings)))
            for stub in scan.stubs:
                ref = self._ref(k, path, scan, stub)
                if ref not in self.report_warnings:
                    self.load(ref)
                note = ("the same report is in another file: not used",) if ref in unused else ()
                out.append(
                    CorpusFile(scan.file, stub.year, stub.city, (*scan.warnings, *self.report_warnings[ref], *note))
                )
        self.release()
        return out


class _OpenFile:
    """The report file read last by this process, held while its reports are read one by one:
    a file of thousands of reports is read, hashed, decoded and cut once, not once per report.
    It is used again only while the file's status (inode, size, times) is unchanged."""

    def __init__(self, path: Path, signature: tuple[int, ...], data: bytes) -> None:
        self.path = path
        self.signature = signature
        self.data = data
        self.content_key: str | None = None  # the cache key of `data`, once asked for
        self.blocks: Any = None  # reader.report.FileBlocks, for a file of several reports


_OPEN: list[_OpenFile] = []  # at most one


def _signature(path: Path) -> tuple[int, ...] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _open_file(ref: ReportRef) -> _OpenFile:
    """The bytes of `ref`'s file: those held if the file has not changed, else read again with
    the checks of the first pass (the file may have changed since it was indexed)."""
    from targetcheck.files import file_bytes

    signature = _signature(ref.path)
    if _OPEN and _OPEN[0].path == ref.path and signature is not None and _OPEN[0].signature == signature:
        return _OPEN[0]
    _OPEN.clear()
    data, why = file_bytes(ref.path)
    if data is None:
        raise CorpusError(
            f"{(why or 'cannot be read').removesuffix(': skipped')} now, but not when targetcheck indexed it",
            path=ref.file,
            hint="run the check again",
        )
    held = _OpenFile(ref.path, signature or (), data)
    if signature is not None:
        _OPEN.append(held)
    return held


def _read_report(ref: ReportRef, cache: Cache | None) -> Report:
    from targetcheck.reader.report import Report, build_block, file_blocks

    held = _open_file(ref)
    key = None
    if cache is not None:
        if held.content_key is None:
            held.content_key = cache.key("scan", ref.file, held.data)
        if ref.content_key is not None and held.content_key != ref.content_key:
            # Edited since it was indexed: the run would be filed under the content it had then.
            raise CorpusError("changed while targetcheck was reading it", path=ref.file, hint="run the check again")
        # The content key names the bytes (and the code): the report's key need not hash them again.
        key = cache.key("report", f"{ref.file}#{ref.position}", held.content_key.encode())
        hit = cache.load(key)
        if isinstance(hit, Report):
            return hit
    blocks = held.blocks if held.blocks is not None else file_blocks(held.data)
    report = build_block(blocks, ref.position, ref.file) if blocks is not None else None
    if report is None or (report.year, report.city) != (ref.year, ref.city):
        raise CorpusError("changed while targetcheck was reading it", path=ref.file, hint="run the check again")
    if blocks is not None and len(blocks.blocks) > 1:
        held.blocks = blocks  # its other reports come next
    else:
        _OPEN.clear()  # a file of one report is done with: hold nothing
    if key is not None:
        cache.store(key, report)  # type: ignore[union-attr]
    return report


# ── 1. the index ────────────────────────────────────────────────────────────────────────────


def scan_corpus(
    paths: Iterable[Path],
    *,
    cache: Cache | None = None,
    workers: Workers | None = None,
    progress: Progress | None = None,
) -> CorpusIndex:
    """The first pass: every file's report headers, in file order (see the module docstring).
    A path that does not exist is an input error (exit 2), as for `corpus.load_corpus`."""
    files = list(iter_corpus_files(paths))
    if len(files) > CACHED_CORPUS_FILES:
        cache = None
    total = len(files)
    scans: list[tuple[Path, FileScan]] = []
    keys: list[str] | None = [] if cache is not None else None
    if workers is not None and workers.wanted(total):
        chunk = max(1, min(32, total // (workers.jobs * 8)))
        found = workers.map(_scan_file, files, [cache] * total, chunksize=chunk)
    else:
        found = (_scan_file(file, cache) for file in files)
    for k, ((path, _display), (scan, key)) in enumerate(zip(files, found, strict=True), 1):
        scans.append((path, scan))
        if keys is not None and key is not None:
            keys.append(key)
        else:
            keys = None
        if progress is not None:
            progress("index", k, total)
    return CorpusIndex(scans, cache=cache, file_keys=keys)


def _scan_file(file: tuple[Path, str], cache: Cache | None) -> tuple[FileScan, str | None]:
    """The file's headers, and the cache key of its content (None without a cache, or when the
    file cannot be read)."""
    from targetcheck.files import file_bytes
    from targetcheck.reader.stubs import FileScan

    path, display = file
    data, why = file_bytes(path)  # regular files of bounded size only, as `read_file` reads them
    if data is None:
        return FileScan(display, [], [why or "cannot be read: skipped"], skipped=True), None
    if cache is None:
        return _scan_bytes(data, display), None
    key = cache.key("scan", display, data)
    hit = cache.load(key)
    if isinstance(hit, FileScan):
        return hit, key
    scan = _scan_bytes(data, display)
    cache.store(key, scan)
    return scan, key


def _scan_bytes(data: bytes, display: str) -> FileScan:
    from targetcheck.reader.report import scan_bytes

    return scan_bytes(data, display)


# ── 2. the check, group by group ────────────────────────────────────────────────────────────


class _Group:
    """The targets stated in one report: its (city, year), the report when the corpus has it,
    and the curated targets of that city and year with their place in targets.yaml."""

    __slots__ = ("curated", "key", "ref", "seq")

    def __init__(self, key: tuple[str, int], ref: ReportRef | None = None) -> None:
        self.key = key
        self.seq = 0  # its place among the groups
        self.ref = ref
        self.curated: list[tuple[int, TargetSpec]] = []


class _Chunk:
    """Groups for one process, with the answers to every index look-up their targets make."""

    __slots__ = ("answers", "groups")

    def __init__(self, groups: list[_Group]) -> None:
        self.groups = groups
        self.answers: dict[_Query, ReportRef | None] | None = None


_Order = tuple[int, int]  # a result's place in the output


class _GroupOutcome:
    __slots__ = ("error", "events", "headline_warnings")

    def __init__(self) -> None:
        # (place, result, (city, year) when its quote was not verified: its report is missing)
        self.events: list[tuple[_Order, Result | Uncheckable, tuple[str | None, int] | None]] = []
        self.headline_warnings: list[str] = []
        self.error: tuple[_Order, ConfigError] | None = None


class _ChunkOutcome:
    __slots__ = ("groups", "report_warnings")

    def __init__(self, groups: list[_GroupOutcome], report_warnings: dict[ReportRef, tuple[str, ...]]) -> None:
        self.groups = groups
        self.report_warnings = report_warnings


def run_stream(
    targets: Sequence[TargetSpec],
    index: CorpusIndex,
    *,
    config_name: str,
    auto: bool = False,
    workers: Workers | None = None,
    progress: Progress | None = None,
    targets_key: str | None = None,
) -> CheckRun:
    """`engine.run_check` over a `CorpusIndex` (see the module docstring).

    With the index's cache and `targets_key` (the cache key of targets.yaml's content; not
    needed when there are no curated targets), a run whose inputs are all unchanged (code,
    targets.yaml, every file of the corpus by name and content, `--auto`) is read from the cache,
    with the warnings of its reports."""
    from targetcheck.engine import CheckRun, file_outcomes

    run_key = _run_key(index, targets, targets_key, auto, config_name)
    if run_key is not None and index.cache is not None:
        hit = index.cache.load(run_key)
        if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[0], CheckRun) and isinstance(hit[1], dict):
            index.report_warnings.update(hit[1])
            return hit[0]
    groups = _groups(targets, index)
    parallel = workers is not None and workers.wanted(len(index.refs))
    chunks = _chunks(groups, workers.jobs if parallel and workers else 1)
    if parallel and workers is not None and len(chunks) > 1:
        for chunk in chunks:
            chunk.answers = _answers(chunk.groups, index, auto)
        found: Iterator[_ChunkOutcome] = workers.map(_run_chunk, chunks, [index.cache] * len(chunks),
                                                     [config_name] * len(chunks), [auto] * len(chunks))
    else:
        found = (_run_chunk(chunk, index.cache, config_name, auto, index) for chunk in chunks)
    run = CheckRun()
    events = []
    errors = []
    done, total = 0, len(groups)
    for outcome in found:
        for ref, warnings in outcome.report_warnings.items():
            index.report_warnings.setdefault(ref, warnings)
        for group in outcome.groups:
            events.extend(group.events)
            run.headline_warnings.extend(group.headline_warnings)
            if group.error is not None:
                errors.append(group.error)
        done += len(outcome.groups)
        if progress is not None:
            progress("check", done, total)
    index.release()
    if errors:
        raise min(errors, key=lambda error: error[0])[1]
    events.sort(key=lambda event: event[0])  # targets.yaml's order, or (--auto) by city and year
    file_outcomes(run, ((result, missing) for _order, result, missing in events))
    if run_key is not None and index.cache is not None:
        for ref in [*index.refs, *index.unused]:  # every report's warnings, for `warnings()` and
            if ref not in index.report_warnings:  # `corpus_files()` after a run from the cache
                index.load(ref)
        index.release()
        index.cache.store(run_key, (run, dict(index.report_warnings)))
    return run


def _run_key(
    index: CorpusIndex, targets: Sequence[TargetSpec], targets_key: str | None, auto: bool, config_name: str
) -> str | None:
    """The cache key of a whole run, or None when its inputs are not all known by content."""
    if index.cache is None or index.file_keys is None or (targets_key is None and len(targets)):
        return None  # (the targets' number only: looking at them would load them)
    names = "\n".join([f"auto={auto}", config_name, targets_key or "no targets", *index.file_keys])
    return index.cache.key("run", config_name, names.encode())


def _groups(targets: Sequence[TargetSpec], index: CorpusIndex) -> list[_Group]:
    """Every report of the corpus and every (city, year) a target is set for, in the order of
    `auto.merge_curated`: by city, then year. A target belongs to the city of its report when
    the corpus has it (`包头` and `包头市` are one city), else to the city it names."""
    groups: dict[tuple[str, int], _Group] = {}
    for ref in index.refs:
        key = (city_key(ref.city) or "", ref.year)
        groups[key] = _Group(key, ref)
    for order, spec in enumerate(targets):
        stating = index.ref(spec.city, spec.year)
        key = (city_key(stating.city if stating is not None else spec.city) or "", spec.year)
        groups.setdefault(key, _Group(key)).curated.append((order, spec))
    ordered = [groups[key] for key in sorted(groups)]
    for seq, group in enumerate(ordered):
        group.seq = seq
    return ordered


def _chunks(groups: list[_Group], jobs: int) -> list[_Chunk]:
    """Runs of groups for one process each: whole cities where possible (a city's reports are
    each read once when its years are checked in order), about eight runs per process so that
    the processes finish together."""
    if jobs <= 1:
        return [_Chunk(groups)] if groups else []
    size = max(4, len(groups) // (jobs * 8))
    chunks: list[_Chunk] = []
    current: list[_Group] = []
    for group in groups:
        city_changes = bool(current) and current[-1].key[0] != group.key[0]
        if current and ((len(current) >= size and city_changes) or len(current) >= 2 * size):
            chunks.append(_Chunk(current))
            current = []
        current.append(group)
    if current:
        chunks.append(_Chunk(current))
    return chunks


def _answers(groups: list[_Group], index: CorpusIndex, auto: bool) -> dict[_Query, ReportRef | None]:
    """The look-ups the groups' targets make (`engine.check_target`: the report of the year and
    of the next), answered by the whole index. Headline targets found with `--auto` are of
    their group's report, by its city."""
    answers: dict[_Query, ReportRef | None] = {}
    cities_years: list[tuple[str | None, int]] = []
    for group in groups:
        if auto and group.ref is not None:
            cities_years.append((group.ref.city, group.ref.year))
        cities_years += [(spec.city, spec.year) for _order, spec in group.curated]
    for city, year in cities_years:
        for wanted in (year, year + 1):
            answers[(city_key(city), wanted)] = index.ref(city, wanted)
    return answers


def _run_chunk(
    chunk: _Chunk, cache: Cache | None, config_name: str, auto: bool, index: CorpusIndex | None = None
) -> _ChunkOutcome:
    """The outcomes of a run of groups, in this process (`index`) or a worker (the chunk's
    answers)."""
    if index is None:
        index = CorpusIndex(cache=cache, answers=chunk.answers)
    before = set(index.report_warnings)
    outcomes = [_run_group(group, index, config_name, auto) for group in chunk.groups]
    fresh = {ref: w for ref, w in index.report_warnings.items() if ref not in before}
    return _ChunkOutcome(outcomes, fresh)


def _run_group(group: _Group, index: CorpusIndex, config_name: str, auto: bool) -> _GroupOutcome:
    """The results of one group's targets: with `--auto` the headline targets of its report (a
    curated target replacing the found one with its id, `auto.merge_curated`), then the curated
    targets the report does not state. A report with no target is read all the same: its
    warnings are the run's."""
    from targetcheck.engine import check_target

    outcome = _GroupOutcome()
    report = index.load(group.ref) if group.ref is not None else None
    specs: list[tuple[_Order, TargetSpec]]
    if auto:
        from targetcheck.auto import find_headline

        found = find_headline(report) if report is not None else None
        curated = {spec.id: spec for _order, spec in group.curated}
        merged = [curated.get(spec.id, spec) for spec in (found.targets if found else ())]
        replaced = {spec.id for spec in merged if spec.origin != "auto"}
        merged += [spec for _order, spec in group.curated if spec.id not in replaced]
        specs = [((group.seq, k), spec) for k, spec in enumerate(merged)]
        if found is not None:
            outcome.headline_warnings.extend(found.warnings)
    else:
        specs = [((order, 0), spec) for order, spec in group.curated]
    for order, spec in specs:
        try:
            result, missing = check_target(spec, index, config_name)
        except ConfigError as exc:
            outcome.error = (order, exc)
            break
        outcome.events.append((order, result, missing))
    return outcome


# ── 3. worker processes ─────────────────────────────────────────────────────────────────────


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover (macOS, Windows)
        return os.cpu_count() or 1


class Workers:
    """The worker processes of one run, started on first use and stopped by `close`.

    `jobs=None`: one per core, used only for corpora of `PARALLEL_MIN_REPORTS` files or more;
    `jobs=N`: N processes whatever the size (1: none). Workers are started by fork where the
    system has it (they share what this process has imported), before anything else in the run
    starts a thread (the progress bar starts later)."""

    def __init__(self, jobs: int | None = None) -> None:
        self.forced = jobs is not None
        self.jobs = max(1, jobs if jobs is not None else default_jobs())
        self._pool: ProcessPoolExecutor | None = None

    def wanted(self, size: int) -> bool:
        """Whether a pass over `size` files or reports should use the workers."""
        return self.jobs > 1 and (self.forced or size >= PARALLEL_MIN_REPORTS)

    def map(self, function: Callable[..., Any], *iterables: Iterable[Any], chunksize: int = 1) -> Iterator[Any]:
        """`function` over the items, in worker processes; results in the items' order."""
        if self._pool is None:
            import multiprocessing  # deferred, as the pool: for large corpora only
            from concurrent.futures import ProcessPoolExecutor

            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context, initializer=_start_worker)
        return self._pool.map(function, *iterables, chunksize=chunksize)

    def close(self, failed: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=not failed, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        self.close(failed=kind is not None)


def _start_worker() -> None:
    """A worker leaves Ctrl-C to the main process, which says `interrupted` once (a worker's
    traceback would follow it)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
