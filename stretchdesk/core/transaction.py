"""Files that appear together or not at all (an import: images, poses, routine).

Every file is first written in full to a hidden temp file inside its own target
folder (so inside the data dir, on the same filesystem), then each is hard-linked
to its final name, which never replaces an existing file. If anything fails, the
names this transaction created are removed again and the temps with them: the
data dir is left exactly as it was. Files are linked in the order they were
added, so a reader that looks mid-commit sees a routine only after its poses.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from stretchdesk.core.atomic import TEMP_SUFFIX, file_mode, fsync_dir, link_exclusive, write_all

MAX_NAME_TRIES = 1000


@dataclass(frozen=True)
class _Planned:
    folder: Path
    stem: str
    suffix: str
    data: bytes
    fixed_name: bool


JOURNAL_PREFIX = ".import-"
JOURNAL_SUFFIX = ".journal"


class Transaction:
    """`journal_dir`: where to note, before the first file goes in place, which files
    (by inode) this transaction is creating, so that a process killed half-way through
    can be undone at the next start (see `Store.recover_interrupted`)."""

    def __init__(self, journal_dir: Path | None = None) -> None:
        self._planned: list[_Planned] = []
        self._journal_dir = journal_dir

    def add_exact(self, target: Path, data: bytes) -> None:
        """A file that must get exactly this name (fails the commit if it is taken)."""
        self._planned.append(_Planned(target.parent, target.stem, target.suffix, data, True))

    def add_unique(self, folder: Path, stem: str, suffix: str, data: bytes) -> None:
        """A file named `stem + suffix`, or `stem-2 + suffix`... whichever is free."""
        self._planned.append(_Planned(folder, stem, suffix, data, False))

    def commit(self) -> list[Path]:
        """Put every file in place and return their paths; on error, put none."""
        temps: list[Path] = []
        created: list[Path] = []
        journal: Path | None = None
        try:
            for planned in self._planned:
                temps.append(_write_temp(planned.folder, planned.stem + planned.suffix, planned.data))
            if self._journal_dir is not None and len(temps) > 1:
                journal = _write_journal(self._journal_dir, temps)
            for planned, temp in zip(self._planned, temps, strict=True):
                created.append(_link_to_free_name(temp, planned))
        except BaseException:
            for path in reversed(created):
                with contextlib.suppress(OSError):
                    os.unlink(path)
            raise
        finally:
            for temp in temps:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
            if journal is not None:  # a journal left behind is harmless: its last file is in place
                with contextlib.suppress(OSError):
                    os.unlink(journal)
        for folder in dict.fromkeys(planned.folder for planned in self._planned):
            fsync_dir(folder)
        return created


def _write_journal(folder: Path, temps: list[Path]) -> Path:
    """The inodes the transaction's files will have (hard links share them), last one last."""
    inodes = []
    for temp in temps:
        status = os.stat(temp)
        inodes.append([status.st_dev, status.st_ino])
    data = json.dumps({"inodes": inodes}).encode("utf-8")
    journal = _write_temp(folder, "import", data)
    target = folder / f"{JOURNAL_PREFIX}{journal.name.split('.')[-2]}{JOURNAL_SUFFIX}"
    try:
        link_exclusive(journal, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(journal)
    return target


def read_journal(path: Path) -> list[tuple[int, int]]:
    """The (device, inode) pairs a journal lists; the last is the transaction's last file."""
    value = json.loads(path.read_bytes()[:1_000_000])
    return [(int(dev), int(ino)) for dev, ino in value["inodes"]]


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    fd, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            with contextlib.suppress(OSError):
                os.fchmod(fd, file_mode(folder / name))
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return Path(temp_name)


def _link_to_free_name(temp: Path, planned: _Planned) -> Path:
    for number in range(1, MAX_NAME_TRIES + 1):
        stem = planned.stem if number == 1 else f"{planned.stem}-{number}"
        target = planned.folder / f"{stem}{planned.suffix}"
        try:
            link_exclusive(temp, target)
            return target
        except FileExistsError:
            if planned.fixed_name:
                raise
    raise FileExistsError(f"{planned.folder}: no free name for {planned.stem}{planned.suffix}")
