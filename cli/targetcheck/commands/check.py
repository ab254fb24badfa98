"""`targetcheck check`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from targetcheck.commands.output import (
    check_output_folder,
    stdout_is_terminal,
    table_width,
    use_color,
    warn,
    write_file_atomically,
    write_stdout,
)
from targetcheck.errors import ExitCode, OutputError, UsageError, write_stderr
from targetcheck.selection import FAIL_ON_STATUSES, Selection, parse_statuses
from targetcheck.verdict import Status

if TYPE_CHECKING:
    from targetcheck.cache import CachedTargets
    from targetcheck.config import Config
    from targetcheck.results import Result


@dataclass(frozen=True)
class CheckOptions:
    targets: Path | None = None
    corpus: list[Path] = field(default_factory=list)
    format: str = "table"
    auto: bool = False  # also the headline targets found in the reports themselves
    selection: Selection = field(default_factory=Selection)
    fail_on: frozenset[Status] = frozenset()  # exit 1 when a result shown has one of these
    output: Path | None = None  # None: stdout
    bom: bool = False  # CSV only: start with a UTF-8 byte-order mark for Excel
    jobs: int | None = None  # worker processes; None: one per core, for large corpora only
    cache: bool = True  # `--no-cache`: neither read nor write the cache

    @classmethod
    def from_cli(
        cls,
        *,
        targets: Path | None = None,
        corpus: list[Path] | None = None,
        format: str = "table",
        auto: bool = False,
        status: Iterable[str] | None = None,
        year: Iterable[str] | None = None,
        tag: Iterable[str] | None = None,
        id: Iterable[str] | None = None,
        indicator: Iterable[str] | None = None,
        fail_on: Iterable[str] | None = None,
        output: str | None = None,
        bom: bool = False,
        jobs: int | None = None,
        no_cache: bool = False,
    ) -> CheckOptions:
        """Check every option before any work: a bad value is a usage error (exit 2) at once."""
        from targetcheck.render import FORMATS

        if format not in FORMATS:
            raise UsageError(f"unknown format {format!r}", hint=f"use one of: {', '.join(FORMATS)}")
        if bom and format != "csv":
            raise UsageError("--bom applies to --format csv only", hint="add --format csv, or drop --bom")
        output_path = None if output in (None, "-") else Path(output)
        if output_path is not None:
            check_output_folder(output_path)
        if jobs is not None and jobs < 1:
            raise UsageError(f"--jobs {jobs}: give 1 or more processes", hint="--jobs 1 checks in this process alone")
        return cls(
            targets=targets,
            corpus=list(corpus or []),
            format=format,
            auto=auto,
            selection=Selection.from_options(status=status, year=year, tag=tag, id=id, indicator=indicator),
            fail_on=parse_statuses(fail_on, "--fail-on", FAIL_ON_STATUSES),
            output=output_path,
            bom=bom,
            jobs=jobs,
            cache=not no_cache,
        )


def run_check_command(options: CheckOptions) -> int:
    from targetcheck import __version__
    from targetcheck.cache import Cache, CachedTargets
    from targetcheck.commands.progress import ProgressBar
    from targetcheck.engine import run_check
    from targetcheck.indicators import HEADLINE
    from targetcheck.render import render_parts
    from targetcheck.render.model import RunView
    from targetcheck.stream import Workers, scan_corpus

    # `--auto` alone uses no curated target: targets.yaml is read only when --targets names it
    # (and then merged), or for its `corpus:` list when no --corpus is given.
    cache = Cache.open(options.cache)
    targets_path = options.targets or (None if options.auto else Path("targets.yaml"))
    # targets.yaml's targets are loaded only when the run looks at them: a run the cache answers
    # whole needs only its corpus list and the direction of its indicators.
    config = CachedTargets(targets_path, cache) if targets_path else None
    corpus_paths = options.corpus or (config_corpus(config) if config else _auto_corpus())
    if not corpus_paths:
        raise UsageError("no corpus: targets.yaml names none and no --corpus was given", hint="pass --corpus PATH")
    if options.output is not None:
        refuse_to_overwrite_inputs(options.output, [p for p in (targets_path, *corpus_paths) if p is not None])
    targets = config.targets if config else []
    # The corpus is indexed by report headers first, then checked report by report (`stream`):
    # a corpus of any size, every report read once, on every core when it is large.
    progress = ProgressBar()
    try:
        with Workers(options.jobs) as workers:
            corpus = scan_corpus(corpus_paths, cache=cache, workers=workers, progress=progress)
            run = run_check(
                targets, corpus, config_name=str(targets_path or "--auto"), auto=options.auto,
                workers=workers, progress=progress, targets_key=config.key if config else None,
            )
    finally:
        progress.close()
    if cache is not None and cache.stored:
        cache.prune()
    for message in corpus.warnings() + run.headline_warnings + run.warnings:
        warn(message)
    selection = options.selection
    selection.check_known(run.results, run.uncheckable)
    results, uncheckable = selection.apply(run.results, run.uncheckable)
    terminal = options.output is None and stdout_is_terminal()
    view = RunView(
        results=results,
        uncheckable=uncheckable,
        corpus=corpus.corpus_files(),
        targets_file=str(targets_path) if targets_path else None,
        color=options.format == "table" and use_color(terminal=terminal),
        width=table_width(terminal),
        csv_bom=options.bom,
        filters=selection.describe(),
        filter_label=selection.label(),
        unfiltered_total=len(run.results),
        run_date=run_date(),
        version=__version__,
        better=config.better if config else {slug: indicator.better.value for slug, indicator in HEADLINE.items()},
    )
    text = render_parts(options.format, view)  # whole before a byte is written
    code = fail_on_code(results, options.fail_on)
    if options.output is None:
        write_stdout(text)
    else:
        write_file_atomically(options.output, text)
    return code


def fail_on_code(results: list[Result], fail_on: frozenset[Status]) -> int:
    """1 when a result shown has a verdict named by `--fail-on` (said on stderr), else 0."""
    matched = [r for r in results if r.status in fail_on]
    if not matched:
        return ExitCode.OK
    names = ",".join(s.value for s in Status if s in fail_on)
    write_stderr(
        f"targetcheck: --fail-on {names}: {len(matched)} result{'s' if len(matched) != 1 else ''} matched "
        f"({', '.join(r.id for r in matched[:5])}{' …' if len(matched) > 5 else ''})"
    )
    return ExitCode.FINDINGS


def refuse_to_overwrite_inputs(output: Path, inputs: list[Path]) -> None:
    """`--output` never replaces targets.yaml, a corpus file, or writes inside a corpus folder
    (the next run would read it as a report)."""
    target = output.resolve()
    for path in inputs:
        source = path.resolve()
        if target == source or (source.is_dir() and source in target.parents):
            what = "inside the corpus folder" if source.is_dir() else "over an input file"
            raise OutputError(
                f"--output would write {what} {path}", path=str(output), hint="write the report somewhere else"
            )


def config_corpus(config: Config | CachedTargets) -> list[Path]:
    """The corpus targets.yaml names; a path there that does not exist is an error at its line."""
    from targetcheck.corpus import existing_corpus

    return existing_corpus(config.corpus, config.path, config.corpus_line)


def run_date() -> str:
    """Today, or the date of SOURCE_DATE_EPOCH (reproducible reports)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH={epoch[:20]}{'…' if len(epoch) > 20 else ''} is not a date targetcheck can use",
                hint="seconds since 1970-01-01, e.g. SOURCE_DATE_EPOCH=1767225600; or unset it",
            ) from None
    return date.today().isoformat()


def _auto_corpus() -> list[Path]:
    """`--auto` without --corpus or --targets: the corpus named in ./targets.yaml, if there is one."""
    from targetcheck.config import load_corpus_paths

    default = Path("targets.yaml")
    if not default.is_file():
        raise UsageError(
            "--auto needs a corpus: no --corpus was given and there is no ./targets.yaml naming one",
            hint="pass --corpus PATH (a report file or a folder of them; repeatable)",
        )
    return list(load_corpus_paths(default))
