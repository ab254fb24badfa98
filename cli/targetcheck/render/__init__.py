"""Output formats. Each module renders a `Report` view of a check run to a string; the table is
for people at a terminal, the rest for pipelines and reviewers. Register new formats in FORMATS."""

from __future__ import annotations

import importlib
from typing import Protocol

from targetcheck.errors import UsageError
from targetcheck.render.model import RunView

FORMATS = {
    "table": "targetcheck.render.table",
    "json": "targetcheck.render.json_format",
    "csv": "targetcheck.render.csv_format",
    "markdown": "targetcheck.render.markdown",
}


class Renderer(Protocol):
    def render(self, view: RunView) -> str: ...


def render_parts(fmt: str, view: RunView) -> list[str]:
    """The rendered text in pieces, to be written in order: a format that renders large panels
    (JSON) gives them piece by piece (`render_parts(view)`), so that the text is never held twice;
    the others give one piece."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    module = importlib.import_module(FORMATS[fmt])
    parts = getattr(module, "render_parts", None)
    if parts is not None:
        return parts(view)  # type: ignore[no-any-return]
    return [module.render(view)]
