"""`targetcheck check`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from targetcheck.commands.output import table_width, use_color, warn, write_stdout
from targetcheck.errors import ExitCode, UsageError


@dataclass(frozen=True)
class CheckOptions:
    targets: Path | None = None
    corpus: list[Path] = field(default_factory=list)
    format: str = "table"
    auto: bool = False  # also the headline targets found in the reports themselves


def run_check_command(options: CheckOptions) -> int:
    from targetcheck.config import load_config
    from targetcheck.corpus import load_corpus
    from targetcheck.engine import run_check
    from targetcheck.render import FORMATS, render
    from targetcheck.render.model import CorpusFile, RunView

    if options.format not in FORMATS:
        raise UsageError(f"unknown format {options.format!r}", hint=f"use one of: {', '.join(FORMATS)}")
    # `--auto` alone uses no curated target: targets.yaml is read only when --targets names it
    # (and then merged), or for its `corpus:` list when no --corpus is given.
    targets_path = options.targets or (None if options.auto else Path("targets.yaml"))
    config = load_config(targets_path) if targets_path else None
    corpus_paths = options.corpus or (list(config.corpus) if config else _auto_corpus())
    if not corpus_paths:
        raise UsageError("no corpus: targets.yaml names none and no --corpus was given", hint="pass --corpus PATH")
    corpus = load_corpus(corpus_paths)
    targets = list(config.targets) if config else []
    found_warnings: list[str] = []
    if options.auto:
        from targetcheck.auto import corpus_headline_targets, merge_curated

        found = corpus_headline_targets(corpus)
        targets = merge_curated(found.targets, targets, corpus)
        found_warnings = list(found.warnings)
    run = run_check(targets, corpus, config_name=str(targets_path or "--auto"))
    for message in corpus.warnings() + found_warnings + run.warnings:
        warn(message)
    view = RunView(
        results=run.results,
        uncheckable=run.uncheckable,
        corpus=[CorpusFile(r.file, r.year, r.city, tuple(r.warnings)) for r in corpus.reports],
        targets_file=str(targets_path) if targets_path else None,
        color=options.format == "table" and use_color(),
        width=table_width(),
    )
    write_stdout(render(options.format, view))
    return ExitCode.OK


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
