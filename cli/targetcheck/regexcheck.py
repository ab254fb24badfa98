"""Refuse regular expressions that can take exponential time.

Python's `re` backtracks and cannot be interrupted, so a pattern like `(a+)+b` in targets.yaml
could hang a run on an unlucky sentence. Patterns are checked when targets.yaml is loaded, and
refused with a reason when an unbounded repetition contains another unbounded repetition or an
alternation (the shapes behind catastrophic backtracking), or uses a backreference.
"""

from __future__ import annotations

from functools import lru_cache

try:  # Python 3.11+ keeps the parser here
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re._constants import MAXREPEAT  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]
    from sre_constants import MAXREPEAT  # type: ignore[no-redef]

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
MAX_LENGTH = 500


def regex_problem(pattern: str) -> str | None:
    """A reason to refuse `pattern`, or None when it is safe to run."""
    if len(pattern) > MAX_LENGTH:
        return f"longer than {MAX_LENGTH} characters"
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # compile errors are reported by the caller
        return None
    return _walk(list(parsed), inside_unbounded=False)


# Characters that make a pattern more than words separated by `|`.
_SYNTAX = frozenset("\\[]{}()*+?.^$")


@lru_cache(maxsize=1024)
def check_regex(pattern: str) -> tuple[str | None, str | None]:
    """(why `pattern` does not compile, why it is refused): both None when it is fine.

    Parses once and does not compile: targets.yaml holds hundreds of patterns and is loaded on
    every run, while a pattern is compiled only when a follow-up report is searched with it. The
    one error Python's compiler adds to its parser's, a look-behind of varying width, is checked
    here. Half the aliases of a real targets.yaml are plain words (`基站`, `包银高铁|包头至银川高速铁路`):
    those cannot fail and are not parsed.
    """
    if len(pattern) > MAX_LENGTH:
        return None, f"longer than {MAX_LENGTH} characters"
    if _SYNTAX.isdisjoint(pattern):
        return None, None
    try:
        parsed = sre_parse.parse(pattern)
    except Exception as exc:
        return str(exc), None
    items = list(parsed)
    if _varying_lookbehind(items):
        return "look-behind requires fixed-width pattern", None
    return None, _walk(items, inside_unbounded=False)


def _varying_lookbehind(items: list) -> bool:
    for op, arg in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT"):
            direction, body = arg
            if direction < 0:
                low, high = body.getwidth()
                if low != high:
                    return True
            if _varying_lookbehind(list(body)):
                return True
        elif name == "SUBPATTERN" and _varying_lookbehind(list(arg[-1])):
            return True
        elif name == "BRANCH" and any(_varying_lookbehind(list(branch)) for branch in arg[1]):
            return True
        elif name in _REPEATS and _varying_lookbehind(list(arg[2])):
            return True
    return False


def _walk(items: list, inside_unbounded: bool) -> str | None:
    for op, arg in items:
        name = str(op)
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            return "backreferences are not allowed"
        if name in _REPEATS:
            _low, high, body = arg
            unbounded = high == MAXREPEAT or high > 100
            if unbounded and inside_unbounded:
                return "a repetition inside a repetition (like `(a+)+`) can take exponential time"
            if unbounded and _has_branch(list(body)):
                return "an alternation inside a repetition (like `(a|ab)+`) can take exponential time"
            problem = _walk(list(body), inside_unbounded or unbounded)
            if problem:
                return problem
        elif name == "SUBPATTERN":
            problem = _walk(list(arg[-1]), inside_unbounded)
            if problem:
                return problem
        elif name == "BRANCH":
            for branch in arg[1]:
                problem = _walk(list(branch), inside_unbounded)
                if problem:
                    return problem
        elif name in ("ASSERT", "ASSERT_NOT"):
            problem = _walk(list(arg[1]), inside_unbounded)
            if problem:
                return problem
    return None


def _has_branch(items: list) -> bool:
    for op, arg in items:
        name = str(op)
        if name == "BRANCH":
            return True
        if name == "SUBPATTERN" and _has_branch(list(arg[-1])):
            return True
    return False
