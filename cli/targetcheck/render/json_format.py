"""`--format json`: one object, `{"schema_version": 1, "summary": {...}, "results": [...]}`.

`summary` counts the results shown, so it always agrees with `results`; `filters` says which
filters chose them (`{}` when none).
"""

from __future__ import annotations

import json

from targetcheck.render.model import RunView
from targetcheck.results import SCHEMA_VERSION, summary, to_record, uncheckable_record


def render(view: RunView) -> str:
    payload = {
        "schema_version": SCHEMA_VERSION,
        "summary": summary(view.results, view.uncheckable),
        "results": [to_record(r) for r in view.results],
        "not_checkable": [uncheckable_record(u) for u in view.uncheckable],
        "filters": view.filters,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
