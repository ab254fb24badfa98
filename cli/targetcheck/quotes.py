"""Does a target's quote point at exactly one place in its report?

One answer, worded once, for `targetcheck check` (which stops at the first problem it meets while
loading) and `targetcheck lint` (which lists them all): the README promises that check runs the
same checks as lint.
"""

from __future__ import annotations

from dataclasses import dataclass

from targetcheck.reader import Report
from targetcheck.reader.paragraphs import Paragraph
from targetcheck.regexcheck import shown
from targetcheck.textnorm import normalize


@dataclass(frozen=True)
class QuoteProblem:
    """Why a quote does not point at one place: what is wrong, and how to fix it."""

    message: str
    hint: str


def place_quote(report: Report, quote: str) -> tuple[Paragraph, int] | QuoteProblem:
    """The one place the quote stands in the report (paragraph, offset), or why there is none:
    not there (with where its longest opening part stands), or there more than once (with lines)."""
    hits = report.find_quote(quote)
    if len(hits) == 1:
        return hits[0]
    if not hits:
        return QuoteProblem(f"the quote is not in its report ({report.file}): {shown(quote)}", _nearest_hint(report, quote))
    lines = ", ".join(str(paragraph.line_at(offset)) for paragraph, offset in hits[:8])
    return QuoteProblem(
        f"the quote stands {len(hits)} times in {report.file} (lines {lines}): {shown(quote)}",
        "quote a longer clause (add the next clause) so that it points at one place",
    )


def _nearest_hint(report: Report, quote: str) -> str:
    """Where the longest opening part of the quote stands, to show where the copy went wrong."""
    needle = normalize(quote)
    low, high = 0, len(needle)
    while low < high:  # longest prefix that occurs (occurrence is monotone in prefix length)
        mid = (low + high + 1) // 2
        if report.find_quote(needle[:mid]):
            low = mid
        else:
            high = mid - 1
    if low >= 2:
        paragraph, offset = report.find_quote(needle[:low])[0]
        opening = paragraph.original(offset, offset + low)
        return (
            f"its first {low} characters `{opening}` stand at line {paragraph.line_at(offset)}; "
            "copy the clause exactly as the report states it"
        )
    return "copy the clause exactly as the report states it (spacing and full-width forms may differ)"
