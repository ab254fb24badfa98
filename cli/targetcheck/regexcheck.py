"""Refuse regular expressions that can take exponential or high polynomial time.

Python's `re` backtracks and cannot be interrupted, so a pattern like `(a+)+b` in targets.yaml
could hang a run on an unlucky sentence. Patterns are checked when targets.yaml is loaded, and
refused with a reason when

- an unbounded repetition sits inside another repetition (`(a+)+`, `(\\d+){2,9}`), or contains an
  alternation (`(a|ab)+`): exponential time;
- two unbounded repetitions follow each other (with nothing between them that must match) and
  can match the same characters (`\\d+\\d+`, `.*.*`, `[^，]*\\s*[^。]*`): polynomial time, one
  power of the sentence length per repetition;
- more than two repetitions of "any character" (`.*`, `[^，。]*`, `\\S+`) stand in one pattern, or
  one opens it (`.*基站`: aliases are searched anywhere in a sentence, so the leading `.*` adds
  nothing but makes the search quadratic);
- it uses a backreference, or is longer than MAX_LENGTH characters.

Together with the reader's bound on the length of a sentence (`reader.sentences.MAX_ITEM_CHARS`),
what is left runs in time that grows at most with the square of a bounded length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from targetcheck.lazyregex import lazy

try:  # Python 3.11+ keeps the parser here
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re._constants import MAXREPEAT  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]
    from sre_constants import MAXREPEAT  # type: ignore[no-redef]

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
MAX_LENGTH = 500
MAX_WILDCARDS = 2  # repetitions of "any character" in one pattern


def regex_problem(pattern: str) -> str | None:
    """A reason to refuse `pattern`, or None when it is safe to run."""
    return check_regex(pattern)[1]  # compile errors are reported by the caller


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
    fold = bool(parsed.state.flags & re.IGNORECASE)
    return None, _walk(items, inside_repeat=False) or _adjacent(items, fold) or _wildcards(items, fold)


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


def shown(pattern: str, limit: int = 60) -> str:
    """A pattern as a message quotes it: whole when short, its start and length when long."""
    if len(pattern) <= limit:
        return repr(pattern)
    return f"{pattern[:limit]!r}… ({len(pattern)} characters)"


# ── exponential shapes ──────────────────────────────────────────────────────────────────────


def _walk(items: list, inside_repeat: bool) -> str | None:
    for op, arg in items:
        name = str(op)
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            return "backreferences are not allowed"
        if name in _REPEATS:
            _low, high, body = arg
            unbounded = _unbounded(high)
            if unbounded and inside_repeat:
                return "a repetition inside a repetition (like `(a+)+`) can take exponential time"
            if unbounded and _has_branch(list(body)):
                return "an alternation inside a repetition (like `(a|ab)+`) can take exponential time"
            problem = _walk(list(body), inside_repeat or high > 1)
            if problem:
                return problem
        else:
            for sub in _children(name, arg):
                problem = _walk(sub, inside_repeat)
                if problem:
                    return problem
    return None


def _unbounded(high: int) -> bool:
    return bool(high == MAXREPEAT or high > 100)


def _children(name: str, arg: object) -> list[list]:
    """The sub-sequences of a group, an alternation or a lookaround."""
    if name == "SUBPATTERN":
        return [list(arg[-1])]  # type: ignore[index]
    if name == "BRANCH":
        return [list(branch) for branch in arg[1]]  # type: ignore[index]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [list(arg[1])]  # type: ignore[index]
    if name == "ATOMIC_GROUP":
        return [list(arg)]  # type: ignore[call-overload]
    return []


def _has_branch(items: list) -> bool:
    for op, arg in items:
        name = str(op)
        if name == "BRANCH":
            return True
        if name == "SUBPATTERN" and _has_branch(list(arg[-1])):
            return True
    return False


# ── polynomial shapes ───────────────────────────────────────────────────────────────────────


@dataclass
class _Chars:
    """The characters a piece of pattern can match, over-approximated."""

    any: bool = False  # `.`, a negated class, \S, \D, \W: nearly everything
    categories: set[str] = field(default_factory=set)  # DIGIT, WORD, SPACE
    ranges: list[tuple[int, int]] = field(default_factory=list)  # literals are (c, c)

    def add(self, other: _Chars) -> None:
        self.any |= other.any
        self.categories |= other.categories
        self.ranges += other.ranges

    def empty(self) -> bool:
        return not (self.any or self.categories or self.ranges)

    def overlaps(self, other: _Chars) -> bool:
        if self.empty() or other.empty():
            return False
        if self.any or other.any:
            return True
        for a in self.categories:
            for b in other.categories:
                if a == b or {a, b} == {"DIGIT", "WORD"}:
                    return True
        for mine, theirs in ((self, other), (other, self)):
            for category in mine.categories:
                if any(_category_meets(category, lo, hi) for lo, hi in theirs.ranges):
                    return True
        return any(a_lo <= b_hi and b_lo <= a_hi for a_lo, a_hi in self.ranges for b_lo, b_hi in other.ranges)


_CATEGORY_TEST = {"DIGIT": lazy(r"\d"), "WORD": lazy(r"\w"), "SPACE": lazy(r"\s")}


def _category_meets(category: str, lo: int, hi: int) -> bool:
    test = _CATEGORY_TEST[category]
    if hi - lo > 256:
        return category != "SPACE" or any(test.match(chr(c)) for c in (0x20, 0x3000, 0xA0) if lo <= c <= hi)
    return any(test.match(chr(c)) for c in range(lo, hi + 1))


def _chars(items: list, fold: bool) -> _Chars:
    out = _Chars()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.ranges.append((arg, arg))
            if fold:
                for variant in {chr(arg).lower(), chr(arg).upper()}:
                    if len(variant) == 1:
                        out.ranges.append((ord(variant), ord(variant)))
        elif name in ("ANY", "NOT_LITERAL"):
            out.any = True
        elif name == "IN":
            out.add(_class_chars(arg, fold))
        elif name in _REPEATS:
            out.add(_chars(list(arg[2]), fold))
        elif name in ("SUBPATTERN", "BRANCH", "ATOMIC_GROUP"):
            for sub in _children(name, arg):
                out.add(_chars(sub, fold))
    return out


def _class_chars(members: list, fold: bool) -> _Chars:
    out = _Chars()
    for op, arg in members:
        name = str(op)
        if name == "NEGATE":
            return _Chars(any=True)
        if name == "LITERAL":
            out.add(_chars([(op, arg)], fold))
        elif name == "RANGE":
            out.ranges.append(arg)
            if fold:
                out.any = out.any or any(chr(c).isalpha() for c in (arg[0], arg[1]))
        elif name == "CATEGORY":
            category = str(arg).removeprefix("CATEGORY_")
            if category.startswith("NOT_"):
                return _Chars(any=True)
            out.categories.add("SPACE" if category.endswith("LINEBREAK") else category.removeprefix("UNI_"))
    return out


def _nullable(op: object, arg: object) -> bool:
    """Whether the item can match the empty string (so it does not separate its neighbours)."""
    name = str(op)
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return True
    if name in _REPEATS:
        return arg[0] == 0 or all(_nullable(o, a) for o, a in arg[2])  # type: ignore[index]
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return all(_nullable(o, a) for o, a in _children(name, arg)[0])
    if name == "BRANCH":
        return any(all(_nullable(o, a) for o, a in branch) for branch in _children(name, arg))
    return False


def _flat(items: list) -> list:
    """The sequence with groups opened up: `(\\d+)(\\d+)` is two repetitions in a row."""
    out = []
    for op, arg in items:
        if str(op) in ("SUBPATTERN", "ATOMIC_GROUP"):
            out.extend(_flat(_children(str(op), arg)[0]))
        else:
            out.append((op, arg))
    return out


def _repeats_unboundedly(op: object, arg: object) -> bool:
    name = str(op)
    if name in _REPEATS:
        return _unbounded(arg[1]) or any(_repeats_unboundedly(o, a) for o, a in arg[2])  # type: ignore[index]
    return any(_repeats_unboundedly(o, a) for sub in _children(name, arg) for o, a in sub)


def _adjacent(items: list, fold: bool) -> str | None:
    sequence = _flat(items)
    for i, (op, arg) in enumerate(sequence):
        if _repeats_unboundedly(op, arg):
            mine = _chars([(op, arg)], fold)
            for next_op, next_arg in sequence[i + 1 :]:
                if _repeats_unboundedly(next_op, next_arg) and mine.overlaps(_chars([(next_op, next_arg)], fold)):
                    return (
                        "two repetitions in a row that can match the same characters (like `\\d+\\d+` or "
                        "`.*.*`) can take polynomial time"
                    )
                if not _nullable(next_op, next_arg):
                    break
        for sub in _children(str(op), arg) + ([list(arg[2])] if str(op) in _REPEATS else []):
            problem = _adjacent(sub, fold)
            if problem:
                return problem
    return None


def _wildcards(items: list, fold: bool) -> str | None:
    found: list[tuple[object, object]] = []

    def collect(sequence: list) -> None:
        for op, arg in sequence:
            if str(op) in _REPEATS and _unbounded(arg[1]) and _chars(list(arg[2]), fold).any:
                found.append((op, arg))
            for sub in _children(str(op), arg) + ([list(arg[2])] if str(op) in _REPEATS else []):
                collect(sub)

    collect(items)
    if len(found) > MAX_WILDCARDS:
        return (
            f"{len(found)} open-ended repetitions of any character (`.*`, `[^…]*`, `\\S+`) can take "
            f"polynomial time; at most {MAX_WILDCARDS} are allowed"
        )
    for op, arg in _flat(items):
        if (op, arg) in found:
            return (
                "it opens with an open-ended repetition of any character (like `.*`): aliases are "
                "searched anywhere in a sentence, so it adds nothing and makes the search quadratic"
            )
        if not _nullable(op, arg):
            break
    return None
