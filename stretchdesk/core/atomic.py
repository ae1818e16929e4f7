"""Crash-safe file writes: a reader sees the old file or the new one, never half.

Two ways to put a file in place. `atomic_write_bytes` replaces what is there (a
save of a file we own). `create_new_bytes` never replaces anything: the finished
temp file is hard-linked to the target name, which fails if that name exists, so
two writers can never both "create" the same file and one lose the other's data.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.safeio import file_kind, shown

TEMP_SUFFIX = ".tmp"
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV}


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync it, then rename over `path`.

    A target that exists and is not a regular file (a device, a FIFO, a folder) is
    refused: renaming over it would replace the device node with a file.
    """
    refuse_non_regular_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _finished_temp(path, data) as temp_name:
        os.replace(temp_name, path)
    fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def create_new_bytes(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet; FileExistsError (and nothing written) if it does."""
    with _finished_temp(path, data) as temp_name:
        link_exclusive(Path(temp_name), path)
    fsync_dir(path.parent)


def link_exclusive(source: Path, target: Path) -> None:
    """Give `source` the name `target` as well, failing if `target` exists."""
    try:
        os.link(source, target)
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        _rename_to_new_name(source, target)


def move_exclusive(source: Path, target: Path) -> None:
    """Move a file to a name that must not exist yet (trash, quarantine, restore)."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        _rename_to_new_name(source, target)
        return
    try:
        os.unlink(source)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    fsync_dir(target.parent)
    if source.parent != target.parent:
        fsync_dir(source.parent)


def _rename_to_new_name(source: Path, target: Path) -> None:
    """For filesystems without hard links: claim `target` with an exclusive placeholder,
    then rename over it, so this still never lands on a file someone else made."""
    placeholder = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.close(placeholder)
    try:
        os.replace(source, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise


def refuse_non_regular_target(path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise StretchDeskError(f"{shown(path)}: can't write ({error.strerror})") from None
    if not stat.S_ISREG(mode):
        raise StretchDeskError(f"{shown(path)}: is {file_kind(mode)}; not writing over it, choose a file name")


def file_mode(path: Path) -> int:
    """The permissions a file written to `path` gets: those of the file it replaces, else
    what the umask allows (mkstemp's own 0600 would hide the file from other programs)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def _current_umask() -> int:
    """Read without changing it where the system says it (changing it races other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


@contextlib.contextmanager
def _finished_temp(path: Path, data: bytes) -> Iterator[str]:
    """A fsynced temp file beside `path`, removed again unless the body renamed it away."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        try:
            with contextlib.suppress(OSError):
                os.fchmod(fd, file_mode(path))
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        yield temp_name
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; not every platform lets a folder be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
