"""A cache of what targetcheck derives from its inputs, keyed by their content.

Loading targets.yaml (YAML, hundreds of regular expressions checked, every target's wording
read) and reading a report (paragraphs, sections, the evidence index) give the same result for
the same bytes, every time. The cache keeps those results between runs:

- the key of an entry is a hash of everything the result depends on: the bytes of the file, the
  name it is shown by (it is written into the result), targetcheck's version and the size and
  time of every one of its source files (so an edited or upgraded targetcheck never reads an
  entry written by another), and the Python version (pickles are Python's);
- an entry is never updated: an edited targets.yaml or report has another hash, so an entry
  for its old content can never be used for the new (it is pruned when the cache is full);
- it lives in the user's cache folder (`$XDG_CACHE_HOME/targetcheck`, else
  `~/.cache/targetcheck`), never next to the corpus or targets.yaml, and is used only when that
  folder belongs to the user and no one else may write into it;
- it is off with `--no-cache` or `TARGETCHECK_NO_CACHE=1`, and silently off when that folder
  cannot be created or written; an entry that cannot be read (a crash while writing, a disk
  error, a truncated file) is ignored and written again.

Entries are pickles, read only from the user's own cache folder. At most `MAX_ENTRIES` are kept,
the least recently used dropped first.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

try:  # the C module behind hashlib.blake2b: importing hashlib itself loads OpenSSL (~3 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

FORMAT = 1  # bump when the layout of entries changes
MAX_ENTRIES = 512  # the oldest entries go first when there are more
_SUFFIX = ".pickle"


def cache_folder() -> Path:
    """`$XDG_CACHE_HOME/targetcheck` (an absolute XDG_CACHE_HOME only, as the spec says), else
    `~/.cache/targetcheck`."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "targetcheck"


def _private(folder: Path) -> bool:
    """The folder is the user's own and no one else may write into it: entries are pickles, and
    a pickle planted by another user would run as this one."""
    if not hasattr(os, "getuid"):  # pragma: no cover (Windows: the folder is in the user's profile)
        return True
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def disabled_by_environment() -> bool:
    """TARGETCHECK_NO_CACHE set to anything but empty or 0."""
    return os.environ.get("TARGETCHECK_NO_CACHE", "") not in ("", "0")


class Cache:
    """Entries in one folder; every method fails quietly (a cache never stops a run)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._code: bytes | None = None
        self.stored = 0

    @classmethod
    def open(cls, enabled: bool = True) -> Cache | None:
        """The user's cache, or None when it is off or its folder cannot be written."""
        if not enabled or disabled_by_environment():
            return None
        try:
            folder = cache_folder()
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not os.access(folder, os.W_OK | os.X_OK) or not _private(folder):
                return None
        except (OSError, RuntimeError):  # RuntimeError: no home folder
            return None
        return cls(folder)

    def key(self, kind: str, name: str, data: bytes) -> str:
        """The entry name for `data` shown as `name`, for a result of `kind`."""
        digest = blake2b(digest_size=20)
        digest.update(self._code_fingerprint())
        for part in (kind.encode(), name.encode("utf-8", "surrogateescape"), data):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return f"{kind}-{digest.hexdigest()}"

    def load(self, key: str) -> Any | None:
        """The entry's value, or None (missing, unreadable, not a pickle of this Python)."""
        import pickle  # deferred: `--no-cache` never needs it

        path = self.folder / (key + _SUFFIX)
        try:
            with open(path, "rb") as stream:
                value = pickle.load(stream)
            os.utime(path)  # recently used: pruned last
            return value
        except FileNotFoundError:
            return None
        except Exception:  # a corrupt entry: drop it, so that it is written again
            try:
                path.unlink()
            except OSError:
                pass
            return None

    def store(self, key: str, value: Any) -> None:
        """Write the entry whole or not at all (a temporary file renamed over it)."""
        import pickle

        path = self.folder / (key + _SUFFIX)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            with open(temporary, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
            self.stored += 1
        except Exception:  # a full disk, a value that does not pickle: no entry, no harm
            try:
                temporary.unlink()
            except OSError:
                pass

    def prune(self, keep: int = MAX_ENTRIES) -> None:
        """Remove the least recently used entries beyond `keep` (and temporary files left by a
        crash)."""
        try:
            entries = []
            for entry in os.scandir(self.folder):
                if entry.name.endswith(".part"):
                    os.unlink(entry.path)
                elif entry.name.endswith(_SUFFIX):
                    entries.append((entry.stat().st_mtime_ns, entry.path))
            entries.sort(reverse=True)
            for _mtime, path in entries[keep:]:
                os.unlink(path)
        except OSError:
            pass

    def _code_fingerprint(self) -> bytes:
        """targetcheck's version, its source files (name, size, time) and Python's version."""
        if self._code is None:
            from targetcheck import __version__

            package = Path(__file__).parent
            parts = [f"{FORMAT}:{__version__}:{sys.implementation.cache_tag}:{sys.version}"]
            for folder, _dirs, files in sorted(os.walk(package)):
                if "__pycache__" in folder:
                    continue
                for name in sorted(files):
                    if name.endswith(".py"):
                        stat = os.stat(os.path.join(folder, name))
                        parts.append(f"{os.path.relpath(folder, package)}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
            self._code = "\n".join(parts).encode()
        return self._code


def load_config_cached(path: Path, cache: Cache | None) -> tuple[Any, str | None]:
    """`config.load_config(path)`, from the cache when targets.yaml's bytes are known, and the
    key of those bytes (None without a cache), which names these targets in `stream`'s entries.

    An error in targets.yaml is never cached: it is raised by `load_config`, every time. The
    entry is written only when the file still holds the bytes it was keyed by after loading (an
    edit while loading must not file the new file's result under the old content)."""
    from targetcheck.config import Config, load_config
    from targetcheck.errors import ConfigError
    from targetcheck.files import read_config_bytes

    if cache is None:
        return load_config(path), None
    data = read_config_bytes(path)  # a regular file of bounded size, or the error `load_config` gives
    key = cache.key("config", str(path), data)
    hit = cache.load(key)
    if isinstance(hit, Config):
        return hit, key
    config = load_config(path)
    try:
        unchanged = read_config_bytes(path) == data
    except ConfigError:
        unchanged = False
    if not unchanged:
        return config, None
    cache.store(key, config)
    return config, key


class CachedTargets:
    """targets.yaml as `check` uses it: the corpus it names, the direction of each indicator, and
    the targets, which are loaded only when they are looked at.

    A run that the cache answers whole (`stream`) needs only the first two: a small entry next to
    the loaded targets.yaml keeps them, so such a run neither parses nor unpickles the targets."""

    def __init__(self, path: Path, cache: Cache | None) -> None:
        self.path = path
        self.cache = cache
        self.key: str | None = None  # the cache key of targets.yaml's content
        self._config: Any = None
        self._summary: tuple[tuple[Path, ...], dict[str, str], int, int | None] | None = None
        if cache is not None:
            from targetcheck.errors import ConfigError
            from targetcheck.files import read_config_bytes

            try:
                data: bytes | None = read_config_bytes(path)  # never a pipe, never too large
            except ConfigError:
                data = None  # `_load` says what is wrong
            if data is not None:
                key = cache.key("config", str(path), data)
                summary = cache.load(_summary_key(key))
                if isinstance(summary, tuple) and len(summary) == 4:
                    self.key = key
                    self._summary = summary
        if self._summary is None:
            self._load()

    def _load(self) -> Any:
        if self._config is None:
            config, key = load_config_cached(self.path, self.cache)
            if self.key is not None and key != self.key:  # edited since its corpus list was read
                from targetcheck.errors import ConfigError

                raise ConfigError("changed while targetcheck was reading it", path=str(self.path),
                                  hint="run the check again")
            self._config = config
            summary = (
                tuple(config.corpus),
                {slug: indicator.better.value for slug, indicator in config.indicators.items()},
                len(config.targets),
                config.corpus_line,
            )
            if self._summary is None and self.cache is not None and key is not None:
                self.key = key
                self.cache.store(_summary_key(key), summary)
            self._summary = summary
        return self._config

    @property
    def corpus(self) -> tuple[Path, ...]:
        assert self._summary is not None
        return self._summary[0]

    @property
    def corpus_line(self) -> int | None:
        """The line of `corpus:` in targets.yaml (for an error about a path it names)."""
        assert self._summary is not None
        return self._summary[3]

    @property
    def better(self) -> dict[str, str]:
        """indicator slug → "higher" or "lower"."""
        assert self._summary is not None
        return self._summary[1]

    @property
    def targets(self) -> Sequence[Any]:
        """The targets, in their order; loaded on first look (their number is known before)."""
        assert self._summary is not None
        return _Targets(self, self._summary[2])


def _summary_key(config_key: str) -> str:
    return "summary" + config_key.removeprefix("config")


class _Targets(Sequence[Any]):
    def __init__(self, owner: CachedTargets, count: int) -> None:
        self._owner = owner
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: Any) -> Any:
        return self._owner._load().targets[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._owner._load().targets)
