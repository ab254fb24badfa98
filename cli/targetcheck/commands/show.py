"""`targetcheck show ID`: everything about one target, and every place its rule looked."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path

from targetcheck.commands.check import config_corpus
from targetcheck.commands.output import warn, write_stdout
from targetcheck.errors import ExitCode, UsageError

SHOW_FORMATS = ("text", "json")


@dataclass(frozen=True)
class ShowOptions:
    target_id: str
    targets: Path | None = None
    corpus: list[Path] = field(default_factory=list)
    format: str = "text"

    def __post_init__(self) -> None:
        if not self.target_id.strip():
            raise UsageError("no target id given", hint="e.g. targetcheck show 2024.gdp-growth; `targetcheck check` lists the ids")
        if self.format not in SHOW_FORMATS:
            raise UsageError(f"unknown format {self.format!r} for show", hint=f"use one of: {', '.join(SHOW_FORMATS)}")


def run_show_command(options: ShowOptions) -> int:
    from targetcheck.config import load_config
    from targetcheck.corpus import load_corpus
    from targetcheck.engine import run_check
    from targetcheck.render.detail import render_json, render_text

    targets_path = options.targets or Path("targets.yaml")
    config = load_config(targets_path)
    spec = next((t for t in config.targets if t.id == options.target_id), None)
    if spec is None:
        raise unknown_id(options.target_id, [t.id for t in config.targets], str(targets_path))
    corpus_paths = options.corpus or config_corpus(config)
    if not corpus_paths:
        raise UsageError("no corpus: targets.yaml names none and no --corpus was given", hint="pass --corpus PATH")
    corpus = load_corpus(corpus_paths)
    run = run_check([spec], corpus, config_name=str(targets_path))
    for message in corpus.warnings() + run.warnings:
        warn(message)
    item = run.results[0] if run.results else run.uncheckable[0]
    better = spec.indicator.better.value
    if options.format == "json":
        write_stdout(json.dumps(render_json(item, better), ensure_ascii=False, indent=2) + "\n")
    else:
        write_stdout(render_text(item, better))
    return ExitCode.OK


def unknown_id(target_id: str, known: list[str], targets_file: str) -> UsageError:
    """`unknown target id '2017.gdp'` with the closest ids, or where to find them. Ids the given
    one begins come first (`2017.gdp` → `2017.gdp-growth`): with hundreds of ids sharing the year,
    difflib alone ranks `2017.parks` as close to `2017.gdp` as the id that was meant."""
    close = [k for k in known if k.startswith(target_id)][:3]
    close = close or difflib.get_close_matches(target_id, known, n=3, cutoff=0.6)
    if not close:  # `gdp-growth` for `2017.gdp-growth`: match on the slug too
        close = [k for k in known if k.split(".", 1)[-1] == target_id.split(".", 1)[-1]][:3]
    hint = (
        f"did you mean {' or '.join(close)}?"
        if close
        else f"`targetcheck check` lists the {len(known)} ids in {targets_file}"
    )
    return UsageError(f"unknown target id {target_id!r} in {targets_file}", hint=hint)
