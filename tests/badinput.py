"""Building the files of a bad-input case (tests/golden/bad-input/, see the README there).

A case describes its files as data; this module writes them: text in any encoding, parts
repeated to megabytes, raw bytes, seeds, named pipes, links, folders, files that cannot be read.
"""

from __future__ import annotations

import builtins
import codecs
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {
    2017: ROOT / "seeds" / "000_b64753ee75fd97df.txt",
    2025: ROOT / "seeds" / "003_f70d05a2e53d4ccd.txt",
    2018: ROOT / "tests" / "corpora" / "baotou-2018" / "包头2018政府工作报告-constructed.txt",
    2026: ROOT / "tests" / "corpora" / "baotou-2026" / "包头2026政府工作报告-constructed.txt",
}

# The targets.yaml of a case that does not give its own: one target in each seed year.
DEFAULT_TARGETS = """\
schema_version: 1
corpus: [corpus]
city: 包头市
reports:
  - year: 2017
    targets:
      - {id: 2017.gdp-growth, indicator: gdp-growth, quote: 地区生产总值增长8%左右}
  - year: 2025
    targets:
      - {id: 2025.gdp-growth, indicator: gdp-growth, quote: 地区生产总值增长8%左右}
"""
# The corpus of a case that does not give its own.
DEFAULT_FILES: dict[str, Any] = {"corpus/baotou-2025.txt": {"seed": 2025}}

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def seed_text(year: int) -> str:
    return SEEDS[year].read_text(encoding="utf-8")


def content(spec: Any) -> bytes:
    """The bytes a content spec describes (see the README)."""
    if isinstance(spec, str):
        return spec.encode("utf-8")
    if "concat" in spec:
        return b"".join(content(part) for part in spec["concat"])
    if "hex" in spec:
        return bytes.fromhex(spec["hex"]) * spec.get("times", 1)
    if "seed" in spec:
        text = seed_text(spec["seed"])
    elif "parts" in spec:
        text = "".join(_part(part) for part in spec["parts"])
    else:
        text = spec.get("text", "")
    newline = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}[spec.get("newline", "lf")]
    if newline != "\n":
        text = text.replace("\n", newline)
    encoding = spec.get("encoding", "utf-8")
    data = text.encode(encoding)
    if spec.get("bom"):
        data = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE}[encoding] + data
    return data + bytes.fromhex(spec.get("append_hex", ""))


def _part(part: Any) -> str:
    if isinstance(part, str):
        return part
    if "seed" in part:
        return seed_text(part["seed"])
    if part.get("numbered"):  # `{k}` in the text is the copy's number: distinct copies
        return "".join(str(part["repeat"]).replace("{k}", str(k)) for k in range(int(part["times"])))
    return str(part["repeat"]) * int(part["times"])


def file_name(name: str, spec: Any) -> str | bytes:
    """`raw_name: true`: the name's characters below U+0100 are its bytes (a name that is not UTF-8)."""
    if isinstance(spec, dict) and spec.get("raw_name"):
        return name.encode("latin-1")
    return name


def build(case: dict[str, Any], folder: Path) -> list[Path]:
    """Write the case's files into `folder`; return the paths that must not be readable."""
    unreadable: list[Path] = []
    targets = case.get("targets", DEFAULT_TARGETS)
    files = dict(DEFAULT_FILES if case.get("default_corpus", True) else {})
    files.update(case.get("files") or {})
    if targets is not None:
        files = {"targets.yaml": targets, **files}
    for name, spec in files.items():
        raw = file_name(name, spec)
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(raw))))
        path.parent.mkdir(parents=True, exist_ok=True)
        kind = spec.get("kind", "file") if isinstance(spec, dict) else "file"
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "symlink":
            os.symlink(spec["to"], path)
        elif kind == "folder":
            path.mkdir(exist_ok=True)
        elif kind == "file":
            path.write_bytes(content(spec))
        else:  # pragma: no cover
            raise ValueError(f"unknown kind {kind!r}")
        if isinstance(spec, dict) and spec.get("unreadable"):
            unreadable.append(path)
        if isinstance(spec, dict) and "mode" in spec:
            path.chmod(int(str(spec["mode"]), 8))
    return unreadable


@contextmanager
def cannot_read(paths: list[Path]) -> Iterator[None]:
    """Make `paths` unreadable: `chmod 000` for a normal user; for root, who reads anything,
    opening them raises the PermissionError a user would get."""
    if not paths:
        yield
        return
    if not AS_ROOT:
        for path in paths:
            path.chmod(0)
        try:
            yield
        finally:
            for path in paths:
                path.chmod(0o644)
        return
    blocked = {os.path.realpath(p) for p in paths}
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | bytes | os.PathLike) and os.path.realpath(file) in blocked:
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    real_scandir, real_listdir = os.scandir, os.listdir

    def guarded(real: Any) -> Any:
        def listing(path: Any = ".") -> Any:
            if os.path.realpath(path) in blocked:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)

        return listing

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtins, "open", guarded_open)
        patch.setattr(io, "open", guarded_open)
        patch.setattr(os, "scandir", guarded(real_scandir))
        patch.setattr(os, "listdir", guarded(real_listdir))
        yield


def file_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every regular file under `folder` (pipes and links to nothing are left out)."""
    import hashlib

    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and not path.exists():
            continue
        if path.is_file():
            try:
                out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
            except PermissionError:  # a case's unreadable file, as a normal user
                out[str(path.relative_to(folder))] = "unreadable"
    return out
