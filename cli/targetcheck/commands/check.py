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


def run_check_command(options: CheckOptions) -> int:
    from targetcheck.config import load_config
    from targetcheck.corpus import load_corpus
    from targetcheck.engine import run_check
    from targetcheck.render import FORMATS, render
    from targetcheck.render.model import CorpusFile, RunView

    if options.format not in FORMATS:
        raise UsageError(f"unknown format {options.format!r}", hint=f"use one of: {', '.join(FORMATS)}")
    targets_path = options.targets or Path("targets.yaml")
    config = load_config(targets_path)
    corpus_paths = options.corpus or list(config.corpus)
    if not corpus_paths:
        raise UsageError("no corpus: targets.yaml names none and no --corpus was given", hint="pass --corpus PATH")
    corpus = load_corpus(corpus_paths)
    run = run_check(config.targets, corpus, config_name=str(targets_path))
    for message in corpus.warnings() + run.warnings:
        warn(message)
    view = RunView(
        results=run.results,
        uncheckable=run.uncheckable,
        corpus=[CorpusFile(r.file, r.year, r.city, tuple(r.warnings)) for r in corpus.reports],
        targets_file=str(targets_path),
        color=options.format == "table" and use_color(),
        width=table_width(),
    )
    write_stdout(render(options.format, view))
    return ExitCode.OK
