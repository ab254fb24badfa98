"""`targetcheck scan`: every quantified commitment in a report's plan, and what targets.yaml covers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from targetcheck.commands.output import table_width, use_color, warn, write_stdout
from targetcheck.errors import ExitCode, UsageError

SCAN_FORMATS = ("table", "json", "yaml")


@dataclass(frozen=True)
class ScanOptions:
    reports: list[Path] = field(default_factory=list)
    targets: Path | None = None  # None: ./targets.yaml if there is one
    format: str = "table"


def run_scan_command(options: ScanOptions) -> int:
    from targetcheck.config import load_config
    from targetcheck.corpus import iter_corpus_files
    from targetcheck.draft import draft_yaml
    from targetcheck.reader import read_file
    from targetcheck.render.scan import render_json, render_table
    from targetcheck.scan import scan_report

    if options.format not in SCAN_FORMATS:
        raise UsageError(f"unknown format {options.format!r} for scan", hint=f"use one of: {', '.join(SCAN_FORMATS)}")
    if not options.reports:
        raise UsageError("no report given", hint="targetcheck scan REPORT.txt [REPORT.txt …]")
    targets_path = options.targets if options.targets is not None else _default_targets()
    config = load_config(targets_path) if targets_path is not None else None
    scans = []
    read: list[str] = []
    for path, display in iter_corpus_files(options.reports):
        read.append(display)
        reading = read_file(path, display)
        for message in reading.warnings:
            warn(f"{display}: {message}")
        for report in reading.reports:
            scans.append(scan_report(report, config))
    if not scans:
        files = ", ".join(read[:3]) + (f" and {len(read) - 3} more" if len(read) > 3 else "") if read else "no file"
        raise UsageError(
            f"no readable report in {files}", hint="each report needs its header line (see the warnings above, and README)"
        )
    if options.format == "json":
        write_stdout(render_json(scans))
    elif options.format == "yaml":
        write_stdout(draft_yaml(scans, config))
    else:
        write_stdout(render_table(scans, color=use_color(), limit=table_width()))
    return ExitCode.OK


def _default_targets() -> Path | None:
    """./targets.yaml when there is one to measure coverage against. An empty one is what
    `targetcheck scan REPORT --format yaml > targets.yaml` leaves while it runs (the shell makes
    the file first): coverage is then against no targets, not an error about an empty file."""
    path = Path("targets.yaml")
    if not path.is_file():
        return None
    if path.stat().st_size == 0:
        warn("./targets.yaml is empty: coverage is measured against no targets")
        return None
    return path

