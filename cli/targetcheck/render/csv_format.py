"""`--format csv`: one row per result, flat columns, UTF-8, for a researcher's panel.

Made from `results.to_record` (the JSON record), flattened: `target.quote` becomes
`target_quote`; `tags` and `qualifiers` are joined with `;`, `notes` (free text that may hold
`;`) with ` | `; a missing value is an empty cell. Rows end with CRLF
(RFC 4180). `--bom` starts the file with a UTF-8 byte-order mark: without it, Excel reads the
Chinese text as mojibake. Targets that cannot be checked from reports (set by a higher level)
have no verdict and no row: they are in the table, JSON and Markdown outputs.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, and the text
cells hold lines of reports downloaded from the web and of hand-written targets files. So a text
cell that starts with one of those marks (or a tab or carriage return) gets a leading `'`, as
spreadsheets themselves write such text; number cells (`-0.97`) are left as they are.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from targetcheck.render.model import RunView
from targetcheck.results import to_record

BOM = "\ufeff"
COLUMNS = (
    "id",
    "city",
    "year",
    "indicator",
    "indicator_name",
    "tags",
    "status",
    "target_quote",
    "target_statement",
    "target_source",
    "target_file",
    "target_line",
    "target_value",
    "target_unit",
    "comparator",
    "tolerance",
    "firmness",
    "actual_value",
    "actual_unit",
    "actual_stated",
    "difference",
    "difference_unit",
    "qualifiers",
    "reference_value",
    "evidence_quote",
    "evidence_file",
    "evidence_line",
    "followup",
    "notes",
)


def flat_record(record: dict[str, Any]) -> dict[str, Any]:
    """A `to_record` dict as one flat row (values still typed; `cell` makes them text)."""
    target = record["target"]
    actual = record["actual"] or {}
    return {
        "id": record["id"],
        "city": record["city"],
        "year": record["year"],
        "indicator": record["indicator"],
        "indicator_name": record["indicator_name"],
        "tags": record["tags"],
        "status": record["status"],
        "target_quote": target["quote"],
        "target_statement": target["statement"],
        "target_source": target["source"],
        "target_file": target["file"],
        "target_line": target["line"],
        "target_value": target["value"],
        "target_unit": target["unit"],
        "comparator": target["comparator"],
        "tolerance": target["tolerance"],
        "firmness": target["firmness"],
        "actual_value": actual.get("value"),
        "actual_unit": actual.get("unit"),
        "actual_stated": actual.get("stated"),
        "difference": record["difference"],
        "difference_unit": record["difference_unit"],
        "qualifiers": actual.get("qualifiers", []),
        "reference_value": actual.get("reference_value"),
        "evidence_quote": actual.get("quote"),
        "evidence_file": actual.get("file"),
        "evidence_line": actual.get("line"),
        "followup": record["followup"],
        "notes": record["notes"],
    }


# Columns that hold numbers (or nothing): never escaped, so `-0.97` stays a number.
NUMBER_COLUMNS = frozenset(
    {"year", "target_line", "target_value", "tolerance", "actual_value", "difference", "reference_value", "evidence_line"}
)
_FORMULA_MARKS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any, joiner: str = ";") -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return joiner.join(str(v) for v in value)
    return str(value)


def safe_text(text: str) -> str:
    """`text` as a spreadsheet shows it, never runs it: a leading formula mark gets a `'`."""
    return "'" + text if text.startswith(_FORMULA_MARKS) else text


def render(view: RunView) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for result in view.results:
        row = flat_record(to_record(result))
        texts = [cell(row[c], " | " if c == "notes" else ";") for c in COLUMNS]
        writer.writerow([t if c in NUMBER_COLUMNS else safe_text(t) for c, t in zip(COLUMNS, texts, strict=True)])
    return (BOM if view.csv_bom else "") + buffer.getvalue()
