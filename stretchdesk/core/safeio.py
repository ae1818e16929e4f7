"""Reading files a user or another program handed us, without trusting them.

A path can name a FIFO (opening it blocks), a device (`/dev/zero` never ends and
reports size 0), a folder, or a regular file far bigger than anything we accept.
Every read here refuses what is not a regular file before opening it for reading,
and never takes in more than the limit, whatever `st_size` says.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from stretchdesk.core.errors import StretchDeskError

READ_CHUNK = 1 << 20
_LINE_BREAKS = {"\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}


class UnreadableSource(StretchDeskError):
    """The file can't be read as a document: wrong type, too big, or an OS error."""


class CantRead(UnreadableSource):
    """The operating system refused the read (permissions, an I/O error): the file itself
    may be fine, so it is reported and left where it is, never quarantined."""


def file_kind(mode: int) -> str:
    """A plain-words name for what a non-regular path is."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular_file(path: Path, limit: int) -> bytes:
    """The whole file, refusing non-regular files and anything over `limit` bytes."""
    where = shown(path)
    try:
        before = os.stat(path)
    except OSError as error:
        raise CantRead(f"{where}: can't read ({error.strerror})") from None
    if not stat.S_ISREG(before.st_mode):
        raise UnreadableSource(f"{where}: is {file_kind(before.st_mode)}, not a file; give a regular file")
    _refuse_size(where, before.st_size, limit)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise CantRead(f"{where}: can't read ({error.strerror})") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise UnreadableSource(f"{where}: is {file_kind(opened.st_mode)}, not a file; give a regular file")
        _refuse_size(where, opened.st_size, limit)
        chunks: list[bytes] = []
        received = 0
        while received <= limit:
            chunk = os.read(fd, min(READ_CHUNK, limit + 1 - received))
            if not chunk:
                break
            chunks.append(chunk)
            received += len(chunk)
        _refuse_size(where, received, limit)
        return b"".join(chunks)
    except OSError as error:
        raise CantRead(f"{where}: can't read ({error.strerror})") from None
    finally:
        os.close(fd)


def _refuse_size(where: str, size: int, limit: int) -> None:
    if size > limit:
        raise UnreadableSource(f"{where}: file is over the {describe_size(limit)} limit")


def describe_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size / 1024:g} KB"


def shown(value: object) -> str:
    """A path or name as it may appear inside a one-line message: line breaks and
    other control characters are written as escapes, everything else as is."""
    text = str(value)
    if not any(char in _LINE_BREAKS or unicodedata.category(char) == "Cc" for char in text):
        return text
    return "".join(
        repr(char)[1:-1] if char in _LINE_BREAKS or unicodedata.category(char) == "Cc" else char
        for char in text
    )


def one_line(message: str) -> str:
    """The last guard before a message reaches a user: exactly one line."""
    return shown(message)
