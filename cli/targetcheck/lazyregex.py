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
from typing import Any, AnyStr, Generic

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern(Generic[AnyStr]):
    """`re.compile(pattern, flags)`, deferred until a method is first called (a text pattern, or
    a bytes one for bytes)."""

    # Set on the instance by `_compile`, replacing the deferring methods below.
    search: Callable[..., re.Match[AnyStr] | None]
    match: Callable[..., re.Match[AnyStr] | None]
    fullmatch: Callable[..., re.Match[AnyStr] | None]
    finditer: Callable[..., Iterator[re.Match[AnyStr]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., AnyStr]
    subn: Callable[..., tuple[AnyStr, int]]
    split: Callable[..., list[Any]]

    def __init__(self, pattern: AnyStr, flags: int = 0) -> None:
        self.pattern: AnyStr = pattern
        self.flags = flags
        self._compiled: re.Pattern[AnyStr] | None = None

    def compiled(self) -> re.Pattern[AnyStr]:
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
    def method(self: LazyPattern[Any], *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compiled(), name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in _METHODS:
    setattr(LazyPattern, _name, _deferred(_name))


def lazy(pattern: AnyStr, flags: int = 0) -> LazyPattern[AnyStr]:
    """A pattern object that compiles `pattern` when it is first used."""
    return LazyPattern(pattern, flags)
