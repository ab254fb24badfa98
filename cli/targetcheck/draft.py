"""Draft targets.yaml entries for the commitments targets.yaml does not cover yet.

`targetcheck scan REPORT --format yaml` prints a complete targets.yaml document (so it can be
linted on its own) whose `indicators:` and `targets:` blocks are meant to be pasted into the
curated file and edited: ids `YEAR.slug` that collide with no existing id, the quote, the guessed
indicator and tags, `pick:` where the quote holds several values, and a comment with the line.
Indicators suggested from the report's wording get a draft definition (name, measure, aliases).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from targetcheck.config import Config
from targetcheck.lazyregex import lazy
from targetcheck.scan import Candidate, ScanReport

_PLAIN = lazy(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}#'\"]*$")


def draft_yaml(scans: Iterable[ScanReport], config: Config | None) -> str:
    scans = list(scans)
    taken = {spec.id for spec in config.targets} if config else set()
    known = set(config.indicators) if config else set()
    new_indicators: dict[str, Candidate] = {}
    out: list[str] = []
    files = ", ".join(dict.fromkeys(s.report.file for s in scans))
    uncovered = sum(1 for s in scans for c in s.candidates if not c.covered)
    total = sum(len(s.candidates) for s in scans)
    out.append(f"# Draft targets for the commitments not covered yet: {uncovered} of {total} in {files}.")
    out.append("# Check every quote, indicator and tag; paste the `indicators:` entries and the targets")
    out.append("# into targets.yaml, then run `targetcheck lint`. Guessed, never verified.")
    out.append("schema_version: 1")
    out.append(f"corpus: [{', '.join(_scalar(f) for f in dict.fromkeys(s.report.file for s in scans))}]")
    body: list[str] = ["reports:"]
    for scan in scans:
        rows = [c for c in scan.candidates if not c.covered]
        if not rows:
            continue
        body.append(f"  - year: {scan.report.year}")
        if scan.report.city:
            body.append(f"    city: {_scalar(scan.report.city)}")
        body.append("    targets:")
        for candidate in rows:
            guess = candidate.guess
            if guess.source == "suggested" and guess.slug not in known:
                new_indicators.setdefault(guess.slug, candidate)
            target_id = _free_id(f"{scan.report.year}.{guess.slug}", taken)
            taken.add(target_id)
            c = candidate.commitment
            fields = [f"id: {target_id}", f"indicator: {guess.slug}", f"quote: {_scalar(c.quote)}"]
            if c.pick is not None:
                fields.append(f"pick: {c.pick}")
            if candidate.tags:
                fields.append(f"tags: [{', '.join(candidate.tags)}]")
            entry = "{" + ", ".join(fields) + "}"
            figure = f"{c.quantity.text}, {candidate.comparator}"
            body.append(f"      # {scan.report.file}:{c.line}: {figure}" + ("" if c.unique else " (the quote stands more than once: lengthen it)"))
            if candidate.readable:
                body.append(f"      - {entry}")
            else:
                body.append("      # targetcheck cannot read a target from this wording yet (a fraction or a bare number):")
                body.append(f"      # - {entry}")
    if new_indicators:
        out.append("indicators:")
        out.append("  # Suggested from the report's wording: check the name, measure and aliases.")
        for slug, candidate in new_indicators.items():
            guess = candidate.guess
            aliases = ", ".join(_quoted(a) for a in guess.aliases) or _quoted(re.escape(guess.name))
            out.append(
                f"  {slug}: {{name: {_scalar(guess.name)}, measure: {guess.measure.value}, aliases: [{aliases}]}}"
            )
    if len(body) == 1:
        out.append("reports: []  # every commitment is covered")
    else:
        out.extend(body)
    return "\n".join(out) + "\n"


def _free_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    k = 2
    while f"{wanted}-{k}" in taken:
        k += 1
    return f"{wanted}-{k}"


def _scalar(text: str) -> str:
    """A YAML flow scalar: plain when that reads back as the same string, else single-quoted."""
    if _PLAIN.match(text) and not text.endswith(":") and ": " not in text and " #" not in text:
        try:
            if yaml.safe_load(f"[{text}]") == [text]:
                return text
        except yaml.YAMLError:
            pass
    return _quoted(text)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
