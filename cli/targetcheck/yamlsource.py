"""YAML with line numbers, for messages that say where in targets.yaml a problem is.

PyYAML's composer gives every node its position; `load_located` turns the node tree into plain
dicts and lists that remember the line of each value and of each mapping key. Duplicate keys,
which YAML would silently collapse, are errors here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from targetcheck.errors import ConfigError

if TYPE_CHECKING:
    from targetcheck.problems import Problems


class LDict(dict[str, Any]):
    """A mapping that knows its line and the line of each key."""

    line: int
    key_lines: dict[str, int]


class LList(list[Any]):
    """A sequence that knows its line and the line of each item."""

    line: int
    item_lines: list[int]


def read_config_text(path: Path) -> str:
    """targets.yaml as text; a clear error for a missing file or a non-UTF-8 one."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            "no such file", path=str(path), hint="run in the folder that holds targets.yaml, or pass --targets PATH"
        ) from None
    except IsADirectoryError:
        raise ConfigError("is a folder, not a targets file", path=str(path), hint="pass --targets PATH/targets.yaml") from None
    except OSError as exc:
        raise ConfigError(f"cannot be read: {exc.strerror or exc}", path=str(path)) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = "GBK/GB18030" if _decodes(data, "gb18030") else "an unknown encoding"
        raise ConfigError(
            f"is not UTF-8 (it looks like {guess})",
            path=str(path),
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
        node = loader.get_single_node()
        if node is None:
            return None
        return _convert(node, loader, path, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(
            f"YAML syntax error: {problem}", path=path, line=line, hint="check indentation and quoting on that line"
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"YAML error: {exc}", path=path) from None
    finally:
        loader.dispose()


def _convert(node: Any, loader: Any, path: str, problems: Problems | None) -> Any:
    if node.id == "mapping":
        mapping = LDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, loader, path, problems)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                key = str(key)
            if key in mapping:
                message = f"key `{key}` appears twice in the same mapping (first on line {mapping.key_lines[key]})"
                if problems is None:
                    raise ConfigError(message, path=path, line=line, hint="remove or rename one of them")
                problems.error(message, line, hint="remove or rename one of them")
                continue
            mapping[key] = _convert(value_node, loader, path, problems)
            mapping.key_lines[key] = line
        return mapping
    if node.id == "sequence":
        sequence = LList()
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = []
        for item in node.value:
            sequence.append(_convert(item, loader, path, problems))
            sequence.item_lines.append(item.start_mark.line + 1)
        return sequence
    if node.tag == _STR_TAG:
        return node.value  # most scalars: no need for PyYAML's constructor machinery
    return loader.construct_object(node, deep=True)


_STR_TAG = "tag:yaml.org,2002:str"


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
