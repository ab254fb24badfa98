"""Regular expressions compiled on first use.

Python compiles a pattern in pure Python (`re._parser`, `re._compiler`): the reader's, the outcome
finder's and the wording's patterns cost milliseconds each, and a run needs only some of them
(`--version`, `--help` and `lint` none of the outcome finder's; a run whose reports come from the
cache none of the reader's). `lazy(pattern)` stands for `re.compile(pattern)` at module level and
compiles on the first call of any of its methods; from then on those methods *are* the compiled
pattern's bound methods (stored on the instance), so a hot loop pays nothing extra.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """`re.compile(pattern, flags)`, deferred until a method is first called."""

    # Set on the instance by `_compile`, replacing the deferring methods below.
    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., str]
    subn: Callable[..., tuple[str, int]]
    split: Callable[..., list[Any]]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(self._compiled, name))
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # groups, groupindex …: only when not found otherwise
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def _deferred(name: str) -> Callable[..., Any]:
    def method(self: LazyPattern, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compiled(), name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in _METHODS:
    setattr(LazyPattern, _name, _deferred(_name))


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern object that compiles `pattern` when it is first used."""
    return LazyPattern(pattern, flags)
