"""`--format json`: one object, `{"schema_version": 1, "summary": {...}, "results": [...]}`.

`summary` counts the results shown, so it always agrees with `results`; `filters` says which
filters chose them (`{}` when none).

The text is exactly `json.dumps(payload, ensure_ascii=False, indent=2)`, but written result by
result: with an indent, `json` encodes in Python, one small string per token, and a panel of
thousands of results would hold millions of them at once (most of a large run's memory).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from targetcheck.render.model import RunView
from targetcheck.results import SCHEMA_VERSION, summary, to_record, uncheckable_record

_INDENT = 2


def render(view: RunView) -> str:
    return "".join(render_parts(view))


def render_parts(view: RunView) -> list[str]:
    """The text of `render`, in pieces (one or three per result)."""
    lists = {
        "results": (to_record(r) for r in view.results),
        "not_checkable": (uncheckable_record(u) for u in view.uncheckable),
    }
    placeholders = {key: f"\x00{key}\x00" for key in lists}
    payload = {
        "schema_version": SCHEMA_VERSION,
        "summary": summary(view.results, view.uncheckable),
        "results": placeholders["results"],
        "not_checkable": placeholders["not_checkable"],
        "filters": view.filters,
    }
    rest = json.dumps(payload, ensure_ascii=False, indent=_INDENT)
    parts: list[str] = []
    for key, records in lists.items():  # in the payload's order: each placeholder is found before
        head, _placeholder, rest = rest.partition(json.dumps(placeholders[key]))  # any text is put in
        parts.append(head)
        _array(records, level=1, into=parts)
    parts += [rest, "\n"]
    return parts


def _array(records: Iterable[Any], level: int, into: list[str]) -> None:
    """A list of objects as `json.dumps` writes it at nesting `level` (its own indentation)."""
    pad = "\n" + " " * (_INDENT * (level + 1))
    start = len(into)
    for record in records:
        into += [",", pad, json.dumps(record, ensure_ascii=False, indent=_INDENT).replace("\n", pad)]
    if len(into) == start:
        into.append("[]")
        return
    into[start] = "["  # the first item's comma
    into.append("\n" + " " * (_INDENT * level) + "]")
