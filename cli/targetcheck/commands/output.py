"""Where output goes: payload to stdout (or a file, whole or not at all), warnings to stderr;
colour only for terminals."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from targetcheck.errors import OutputError, one_line, write_stderr


def stdout_is_terminal() -> bool:
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed
        return False


def use_color(stream: object = None, *, terminal: bool | None = None) -> bool:
    """NO_COLOR (any non-empty value) wins; FORCE_COLOR (any non-empty value) forces colour even
    into a pipe or a file; otherwise colour only when writing to a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if terminal is not None:
        return terminal
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def table_width(terminal: bool | None = None) -> int:
    """The terminal's width; when piped or written to a file, COLUMNS or no wrapping at all."""
    if terminal is None:
        terminal = stdout_is_terminal()
    columns = os.environ.get("COLUMNS", "")
    if terminal:
        import shutil  # deferred: only a terminal needs its size

        return int(columns) if columns.isdigit() else shutil.get_terminal_size((120, 24)).columns
    return int(columns) if columns.isdigit() else 10_000


def warn(message: str) -> None:
    write_stderr(f"targetcheck: warning: {one_line(message)}")


def write_stdout(text: str | list[str]) -> None:
    """The payload, as UTF-8 whatever the locale says. A reader that went away (`| head`) ends
    the output quietly: the command still exits with its own code. A list of pieces (a large
    JSON panel) is written piece by piece, never joined: one copy of the text, not three."""
    parts = [text] if isinstance(text, str) else text
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            for part in parts:
                buffer.write(encode_payload(part))
            buffer.flush()
        else:  # a text-only stream (tests that swap sys.stdout)
            for part in parts:
                sys.stdout.write(part)
            sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()


def encode_payload(text: str) -> bytes:
    """UTF-8; a lone surrogate (a file name whose bytes are not UTF-8) is written `\\udcb0`
    instead of failing the whole write."""
    return text.encode("utf-8", "backslashreplace")


def silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def check_output_folder(path: Path) -> None:
    """Before any work: the folder must exist and `path` must not be a folder."""
    if not str(path) or str(path) == ".":
        raise OutputError("--output needs a file name", hint="--output verdicts.csv, or --output - for stdout")
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise OutputError("is not a folder", path=str(folder), hint=f"choose another --output than {path}")
    if not folder.is_dir():
        raise OutputError(
            "the folder to write into does not exist", path=str(folder), hint=f"create it first, or choose another --output than {path}"
        )
    if path.is_dir():
        raise OutputError("is a folder", path=str(path), hint="give --output a file name")
    if path.is_file() and not os.access(path, os.W_OK):  # replacing it would go round the protection
        raise OutputError("is read-only", path=str(path), hint="make it writable (chmod u+w), or choose another --output")


def write_file_atomically(path: Path, text: str | list[str]) -> None:
    """Write `text` (UTF-8; or its pieces, in order) to `path` whole or not at all: into a
    temporary file in the same folder, then `os.replace` over `path`. On any failure the
    temporary file is removed and an existing `path` is left as it was.

    A link is written through (the file it points at is replaced, the link stays); a device or a
    named pipe (`--output /dev/stdout`) is written to directly, as a shell's `>` would."""
    import tempfile  # deferred: only --output needs it (it pulls in random)

    check_output_folder(path)
    parts = [text] if isinstance(text, str) else text
    try:
        kind = path.stat().st_mode  # through links
    except OSError:
        kind = None
    if kind is not None and stat.S_ISREG(kind) and path.is_symlink():
        path = path.resolve()
    elif kind is not None and not stat.S_ISREG(kind):
        try:
            with open(path, "wb") as stream:
                for part in parts:
                    stream.write(encode_payload(part))
        except BrokenPipeError:
            raise  # a reader that went away: the command ends quietly (app._run)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from exc
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"cannot write here: {exc.strerror or exc}", path=str(folder), hint="choose a folder you can write to"
        ) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            for part in parts:
                stream.write(encode_payload(part))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from exc
        raise
