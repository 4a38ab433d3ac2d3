"""Output files are written whole or not at all, and their cells are safe to open.

A result file is written to a temporary file beside its target and renamed over it only when
the run completes, so an error or an interruption leaves the target as it was. CSV cells that
a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol, TextIO

__all__ = [
    "NamedStream", "Writable", "WriteError", "atomic_text", "check_writable", "spreadsheet_safe",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection)."""


class Writable(Protocol):
    """What output is written to: a text stream, or a file being written whole."""

    def write(self, text: str, /) -> int: ...


class WriteError(OSError):
    """An output file cannot be written; the message names it."""

    def __init__(self, path: Path | str, exc: OSError) -> None:
        super().__init__(exc.errno, exc.strerror, str(path))
        self.message = f"cannot write `{path}`: {exc.strerror or exc}"


def check_writable(path: Path) -> None:
    """Raise WriteError unless a file can be written at ``path`` (checked before any work)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise WriteError(path, IsADirectoryError(21, "it is a folder"))
    if not folder.is_dir():
        raise WriteError(path, FileNotFoundError(2, f"no folder `{folder}`"))
    if not os.access(folder, os.W_OK):
        raise WriteError(path, PermissionError(13, f"folder `{folder}` is not writable"))


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[Writable]:
    """A UTF-8 text stream whose content replaces ``path`` when the block completes.

    On any exception, KeyboardInterrupt included, the temporary file is removed and ``path``
    keeps its old content. OSError of the file itself becomes WriteError naming ``path``.
    """
    check_writable(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise WriteError(path, exc) from None
    stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
    try:
        yield NamedStream(stream, path)
        _finish(stream, temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            stream.close()
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class NamedStream:
    """A stream whose write errors name the file being written."""

    def __init__(self, stream: TextIO, path: Path | str) -> None:
        self.stream, self.path = stream, path

    def write(self, text: str, /) -> int:
        try:
            return self.stream.write(text)
        except OSError as exc:
            raise WriteError(self.path, exc) from None


def _finish(stream: TextIO, temporary: str, path: Path) -> None:
    """Write out and close the temporary file and rename it to ``path``, with the permissions
    a new file gets; on a full disk or a refused rename, WriteError naming ``path``."""
    try:
        stream.flush()
        os.fsync(stream.fileno())
        stream.close()
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        raise WriteError(path, exc) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
