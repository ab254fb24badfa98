"""YAML with line numbers, for messages that say where in targets.yaml a problem is.

`load_located` builds plain dicts and lists that remember the line of each value and of each
mapping key, straight from PyYAML's event stream (libyaml's parser where available). Building
from events, in a loop rather than by recursion, is what makes the loader safe with any input:

- nesting deeper than MAX_DEPTH levels is refused (targets.yaml needs about ten), so a file of
  100,000 `[` cannot exhaust the stack;
- aliases (`*name`) share the anchored value (`&name`) instead of copying it, and the values they
  would add when expanded are counted: past MAX_ALIAS_VALUES (a "billion laughs" file) the file
  is refused, so anchors cannot blow up time or memory; an alias inside its own anchor (a
  structure that contains itself) is refused too;
- merge keys (`<<: *defaults`) work as in YAML 1.1; tags other than the standard scalar ones
  (`!!python/object`, `!!set`, `!custom`) are refused;
- a key given twice in one mapping, which YAML would silently collapse, is an error;
- a second document (`---`) is an error, not silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from targetcheck.errors import ConfigError
from targetcheck.files import read_config_bytes

if TYPE_CHECKING:
    from targetcheck.problems import Problems

MAX_DEPTH = 50  # levels of nesting; the deepest place in a targets.yaml is about 10
MAX_ALIAS_VALUES = 100_000  # values that aliases may add to the file when expanded

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"


class LDict(dict[str, Any]):
    """A mapping that knows its line and the line of each key."""

    line: int
    key_lines: dict[str, int]


class LList(list[Any]):
    """A sequence that knows its line and the line of each item."""

    line: int
    item_lines: list[int]


def read_config_text(path: Path) -> str:
    """targets.yaml as text; a clear error for a path that is missing, not a regular file, too
    large, unreadable, or not UTF-8."""
    return decode_config_bytes(read_config_bytes(path), str(path))


def decode_config_bytes(data: bytes, name: str) -> str:
    """UTF-8 (a byte-order mark is dropped); UTF-16, GBK and binary files are named as such."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError(
            "is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8",
            path=name,
            line=1,
            hint="save targets.yaml as UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`",
        )
    nul = data.find(b"\x00")
    if nul != -1:
        raise ConfigError(
            "holds NUL bytes: it is binary, or UTF-16 text, not UTF-8",
            path=name,
            line=data[:nul].count(b"\n") + 1,
            hint="save targets.yaml as UTF-8 text",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = "GBK/GB18030" if _decodes(data, "gb18030") else "an unknown encoding"
        raise ConfigError(
            f"is not UTF-8 (it looks like {guess})",
            path=name,
            line=line,
            hint="save targets.yaml as UTF-8, e.g. `iconv -f GB18030 -t UTF-8`",
        ) from None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def load_located(text: str, path: str, problems: Problems | None = None) -> Any:
    """Parse YAML text into LDict/LList/scalars; YAML errors become ConfigError with a line.

    With `problems`, a key given twice in one mapping is recorded there (the first value is kept)
    and reading goes on; without, it is raised like a syntax error.
    """
    import yaml  # deferred: ~10 ms to import, and a run whose targets.yaml is cached parses no YAML

    # libyaml is in PyYAML's wheels; fall back to the pure-Python loader elsewhere.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        return _Builder(loader, path, problems).document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(f"YAML syntax error: {problem}", path=path, line=line, hint=_syntax_hint(text, line)) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        raise ConfigError(
            f"holds a character YAML does not allow (U+{code:04X}: {exc.reason})",
            path=path,
            line=line,
            hint="remove it; control characters have no place in targets.yaml",
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"YAML error: {exc}", path=path) from None
    finally:
        loader.dispose()


def _syntax_hint(text: str, line: int | None) -> str:
    if line is not None:
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]:
            return "YAML does not allow tabs for indentation: indent with spaces"
    return "check indentation and quoting on that line"


@dataclass
class _Open:
    """A mapping or sequence being built, with what it needs until its end event."""

    value: LDict | LList
    anchor: str | None
    size: int = 1  # values inside, aliases expanded (for the alias budget)
    key: Any = None  # a mapping's pending key
    key_line: int = 0
    has_key: bool = False
    merges: list[tuple[Any, int]] = field(default_factory=list)  # `<<:` values and their lines


_MERGE = object()  # the value of a `<<` key


class _Builder:
    def __init__(self, loader: Any, path: str, problems: Problems | None) -> None:
        self.loader = loader
        self.path = path
        self.problems = problems
        self.anchors: dict[str, tuple[Any, int]] = {}  # name → (value, expanded size)
        self.alias_values = 0
        import yaml  # (imported by `load_located`: these names are bound once, not per scalar)
        from yaml.constructor import SafeConstructor

        self.scalar_node = yaml.ScalarNode
        self.constructors = SafeConstructor.yaml_constructors

    def fail(self, message: str, line: int | None, hint: str | None = None) -> ConfigError:
        return ConfigError(message, path=self.path, line=line, hint=hint)

    def document(self) -> Any:
        import yaml  # (imported by `load_located`: these local imports only name it)

        loader = self.loader
        loader.get_event()  # StreamStartEvent
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # DocumentStartEvent
        root = self.node()
        loader.get_event()  # DocumentEndEvent
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.peek_event()
            raise self.fail(
                "holds a second YAML document (after a line `---` or `...`)",
                event.start_mark.line + 1,
                hint="targets.yaml is one document: remove the `---` line, or merge the two parts",
            )
        return root

    def node(self) -> Any:
        """One node and everything inside it, iteratively (see the module docstring)."""
        import yaml

        stack: list[_Open] = []
        while True:
            event = self.loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.ScalarEvent):
                value, size = self.scalar(event), 1
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1)
            elif isinstance(event, yaml.AliasEvent):
                value, size = self.alias(event, stack, line)
            elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                self.check_collection_tag(event, line)
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(
                        f"nested more than {MAX_DEPTH} levels deep",
                        line,
                        hint="targets.yaml needs about 10 levels; check the brackets and the indentation",
                    )
                container: LDict | LList
                if isinstance(event, yaml.MappingStartEvent):
                    container = LDict()
                    container.key_lines = {}
                else:
                    container = LList()
                    container.item_lines = []
                container.line = line
                stack.append(_Open(container, event.anchor))
                continue
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                done = stack.pop()
                if isinstance(done.value, LDict):
                    self.merge(done)
                value, size = done.value, done.size
                line = done.value.line
                if done.anchor:
                    self.anchors[done.anchor] = (value, size)
            else:  # pragma: no cover - the parser sends nothing else inside a document
                raise self.fail(f"unexpected YAML event {type(event).__name__}", line)
            if not stack:
                return "<<" if value is _MERGE else value
            self.add(stack[-1], value, size, line)

    def add(self, parent: _Open, value: Any, size: int, line: int) -> None:
        parent.size += size
        container = parent.value
        if value is _MERGE and not (isinstance(container, LDict) and not parent.has_key):
            value = "<<"  # `<<` as a value or an item is only text
        if isinstance(container, LList):
            container.append(value)
            container.item_lines.append(line)
            return
        if not parent.has_key:
            parent.key, parent.key_line, parent.has_key = value, line, True
            return
        key, key_line = parent.key, parent.key_line
        parent.has_key = False
        if key is _MERGE:
            parent.merges.append((value, key_line))
            return
        if not isinstance(key, str):
            key = _key_text(key)
        assert isinstance(container, LDict)
        if key in container:
            message = f"key `{key}` appears twice in the same mapping (first on line {container.key_lines[key]})"
            if self.problems is None:
                raise self.fail(message, key_line, hint="remove or rename one of them")
            self.problems.error(message, key_line, hint="remove or rename one of them")
            return
        container[key] = value
        container.key_lines[key] = key_line

    def merge(self, done: _Open) -> None:
        """`<<: *defaults` (or a list of them): keys not given in the mapping itself are added."""
        mapping = done.value
        assert isinstance(mapping, LDict)
        for value, line in done.merges:
            sources = value if isinstance(value, LList) else [value]
            for source in sources:
                if not isinstance(source, LDict):
                    raise self.fail(
                        "a merge key `<<:` needs a mapping (or a list of mappings)",
                        line,
                        hint="write `<<: *name` where `&name` marks a mapping",
                    )
                for key, item in source.items():
                    if key not in mapping:
                        mapping[key] = item
                        mapping.key_lines[key] = source.key_lines.get(key, line)

    def alias(self, event: Any, stack: list[_Open], line: int) -> tuple[Any, int]:
        name = event.anchor
        if name not in self.anchors:
            if any(item.anchor == name for item in stack):
                raise self.fail(
                    f"the alias *{name} is inside its own anchor &{name}: a structure that contains itself",
                    line,
                    hint="targets.yaml cannot hold a value that contains itself",
                )
            raise self.fail(f"the alias *{name} names no anchor &{name} above it", line, hint=f"mark a value with &{name} first")
        value, size = self.anchors[name]
        self.alias_values += size
        if self.alias_values > MAX_ALIAS_VALUES:
            raise self.fail(
                f"anchors and aliases would expand to more than {MAX_ALIAS_VALUES:,} values",
                line,
                hint="a file that grows exponentially as YAML expands it (a 'billion laughs') is refused; "
                "write the targets out",
            )
        return value, size

    def scalar(self, event: Any) -> Any:
        loader = self.loader
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(self.scalar_node, event.value, event.implicit)
        if tag == _MERGE_TAG:
            return _MERGE
        if tag == _STR_TAG:
            return event.value  # most scalars: no need for PyYAML's constructor machinery
        import yaml  # already loaded: a name for the few scalars that are not plain text

        constructor = self.constructors.get(tag)
        line = event.start_mark.line + 1
        if constructor is None or tag.startswith("tag:yaml.org,2002:python/"):
            raise self.fail(
                f"the YAML tag `{event.tag}` is not used in targets.yaml",
                line,
                hint="remove the tag (the `!…` before the value); quote the value to keep it as text",
            )
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return constructor(loader, node)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
            raise self.fail(
                f"cannot read the value {event.value[:40]!r}: {exc}",
                line,
                hint="a value that looks like a date or a number must be one; put it in quotes to keep it as text",
            ) from None

    def check_collection_tag(self, event: Any, line: int) -> None:
        import yaml

        default = _MAP_TAG if isinstance(event, yaml.MappingStartEvent) else _SEQ_TAG
        if event.tag not in (None, "!", default):
            raise self.fail(
                f"the YAML tag `{event.tag}` is not used in targets.yaml",
                line,
                hint="remove the tag (the `!…` before the value)",
            )


def _key_text(key: Any) -> str:
    """A key that is not text (`2017:`, `true:`, a list) as the text the checks compare."""
    if isinstance(key, LDict | LList):
        return "<a " + ("mapping" if isinstance(key, LDict) else "list") + " as a key>"
    if key is _MERGE:
        return "<<"
    return str(key)


def line_of(container: Any, key: str | int | None = None) -> int | None:
    """Best line for a key of a mapping, an item of a sequence, or the container itself."""
    if isinstance(container, LDict):
        if isinstance(key, str) and key in container.key_lines:
            return container.key_lines[key]
        return container.line
    if isinstance(container, LList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line
    return None
