"""`targetcheck reports`: what the reader saw in each file of the corpus."""

from __future__ import annotations

import json
from pathlib import Path

from targetcheck.commands.output import write_stdout
from targetcheck.errors import ExitCode, UsageError


def run_reports_command(corpus_paths: list[Path], targets: Path | None, format: str) -> int:
    from targetcheck.corpus import iter_corpus_files
    from targetcheck.reader import read_file

    if format not in ("table", "json"):
        raise UsageError(f"unknown format {format!r} for reports", hint="use table or json")
    if not corpus_paths:
        from targetcheck.config import load_config

        config = load_config(targets or Path("targets.yaml"))
        from targetcheck.commands.check import config_corpus

        corpus_paths = config_corpus(config)
    rows = []
    for path, display in iter_corpus_files(corpus_paths):
        reading = read_file(path, display)
        if not reading.reports:
            rows.append({"file": display, "year": None, "date": None, "city": None, "speaker": None,
                         "encoding": reading.encoding, "sections": [], "warnings": reading.warnings})
        for report in reading.reports:
            rows.append({
                "file": display,
                "year": report.year,
                "date": report.header.date,
                "city": report.city,
                "term": report.header.term,
                "session": report.header.session,
                "speaker": report.header.speaker,
                "encoding": reading.encoding,
                "lines": [report.first_line, report.paragraphs[-1].last_line if report.paragraphs else report.first_line],
                "sections": [s.to_dict() for s in report.sections if s.kind != "preamble"],
                "warnings": reading.warnings + report.warnings,
            })
    if format == "json":
        write_stdout(json.dumps({"reports": rows}, ensure_ascii=False, indent=2) + "\n")
    else:
        write_stdout(_table(rows))
    return ExitCode.OK


def _table(rows: list[dict]) -> str:
    out = []
    for row in rows:
        head = f"{row['file']}"
        if row["year"] is None:
            out.append(f"{head}: skipped")
        else:
            who = " ".join(x for x in (row["city"], str(row["year"]), row["date"] and f"({row['date']})", row["speaker"]) if x)
            out.append(f"{head}: {who}")
            for section in row["sections"]:
                year = f" {section['year']}" if section["year"] else ""
                title = f"  {section['title']}" if section["title"] else ""
                first, last = section["lines"]
                woven = f"  (with sentences about {section['woven_year']})" if section.get("woven_year") else ""
                out.append(f"    {section['kind']}{year}: lines {first}-{last}{title}{woven}")
        for warning in row["warnings"]:
            out.append(f"    warning: {warning}")
    return "\n".join(out) + "\n"
