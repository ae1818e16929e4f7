"""Start-up upkeep of a data dir: what a killed or failed writer left behind.

Runs when the data dir is loaded, before anything is read: temp files of saves
that never finished, imports interrupted half-way (their journal says which files
they had put in place), and files that can't be used. Nothing is ever deleted
that may hold a user's data: it goes to quarantine/ and the runner is told.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from stretchdesk.core.atomic import TEMP_SUFFIX, move_exclusive
from stretchdesk.core.data_folders import DataFolders
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.safeio import shown
from stretchdesk.core.transaction import JOURNAL_PREFIX, JOURNAL_SUFFIX, read_journal


class Upkeep:
    """Sweeps, recovery and quarantine for one `Store` (its folders and lock)."""

    def __init__(self, store: DataFolders) -> None:
        self._store = store

    def quarantine(self, path: Path) -> Path:
        store = self._store
        with store.writing(store.quarantine_dir):
            return move_to_free_name(path, store.quarantine_dir)

    def quarantine_message(self, path: Path, error: StretchDeskError) -> str:
        """Move a file that can't be used to quarantine; the line that says what happened."""
        if not self._store.inside(path.parent):
            return f"{error}; left where it is (outside the data dir)"
        try:
            moved = self.quarantine(path)
        except StretchDeskError as move_error:
            return f"{error}; could not move it to quarantine ({move_error})"
        except OSError as move_error:
            return f"{error}; could not move it to quarantine ({move_error.strerror})"
        return f"{error}; moved to {shown(moved)}"

    def recover_interrupted(self) -> list[str]:
        """Undo an import whose process was killed half-way: if its last file (the routine)
        never went in place, the images and poses it had already put in place go to
        quarantine (never deleted), and the runner is told."""
        store = self._store
        root = store.root
        journals = sorted(root.glob(f"{JOURNAL_PREFIX}*{JOURNAL_SUFFIX}")) if root.is_dir() else []
        if not journals or not store.inside(root):
            return []
        problems: list[str] = []
        try:
            with store.writing(store.quarantine_dir):
                for journal in journals:
                    problems += self._undo_import(journal)
        except StretchDeskError as error:
            problems.append(f"an interrupted import could not be undone ({error})")
        return problems

    def _undo_import(self, journal: Path) -> list[str]:
        try:
            inodes = read_journal(journal)
        except (OSError, ValueError, KeyError, TypeError):
            return [self.quarantine_message(journal, StretchDeskError(f"{shown(journal)}: unreadable journal"))]
        store = self._store
        folders = (store.images_dir, store.poses_dir, store.routines_dir)
        placed = {key: path for folder in folders for key, path in inode_map(folder).items()}
        problems: list[str] = []
        if inodes and inodes[-1] not in placed:
            for key in inodes:
                if key in placed:
                    message = f"{shown(placed[key])}: from an import that was interrupted"
                    problems.append(self.quarantine_message(placed[key], StretchDeskError(message)))
            for folder in folders:  # the import's own staging copies of what just went to quarantine
                for temp in hidden_temps(folder):
                    with contextlib.suppress(OSError):
                        status = temp.lstat()
                        if (status.st_dev, status.st_ino) in inodes and status.st_nlink > 1:
                            os.unlink(temp)
        with contextlib.suppress(OSError):
            os.unlink(journal)
        return problems

    def sweep_unfinished(self, folder: Path) -> list[str]:
        """Temp files a killed writer left behind: a leftover second name of a finished file
        is dropped (the file itself stays), anything else may be the newest unsaved content,
        so it goes to quarantine and is reported."""
        store = self._store
        if not hidden_temps(folder) or not store.inside(folder):
            return []
        problems: list[str] = []
        try:
            with store.writing(store.quarantine_dir):
                finished = set(inode_map(folder))
                for path in hidden_temps(folder):
                    if path.name.startswith(".import."):  # an import journal's own temp: no user data
                        with contextlib.suppress(OSError):
                            os.unlink(path)
                        continue
                    try:
                        status = path.lstat()
                        if status.st_nlink > 1 and (status.st_dev, status.st_ino) in finished:
                            os.unlink(path)
                            continue
                    except OSError:
                        continue
                    problems.append(self.quarantine_message(
                        path, StretchDeskError(f"{shown(path)}: an unfinished save (a crash or a kill)")
                    ))
        except StretchDeskError as error:
            problems.append(f"{shown(folder)}: unfinished saves left in place ({error})")
        return problems


def move_to_free_name(path: Path, folder: Path, name: str | None = None) -> Path:
    """Move `path` into `folder` as `name` (default `<stamp>-<its name>`), or `name-2`,
    `name-3`...: never over a file that is there."""
    base = Path(name) if name else Path(f"{stamp()}-{path.name}")
    for number in range(1, 1000):
        target = folder / (base.name if number == 1 else f"{base.stem}-{number}{base.suffix}")
        try:
            move_exclusive(path, target)
            return target
        except FileExistsError:
            continue
    raise StretchDeskError(f"{shown(folder)}: no free name for {shown(path.name)}")


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def is_listed_file(path: Path) -> bool:
    """A regular file, or an entry of a folder we may list but not search (its files are
    reported when they are read)."""
    try:
        return path.is_file()
    except OSError:
        return True


def inode_map(folder: Path) -> dict[tuple[int, int], Path]:
    """The files a folder shows (not its hidden temps), by device and inode."""
    found: dict[tuple[int, int], Path] = {}
    try:
        for path in folder.iterdir():
            if not path.name.startswith("."):
                with contextlib.suppress(OSError):
                    status = path.lstat()
                    found[(status.st_dev, status.st_ino)] = path
    except OSError:
        pass
    return found


def hidden_temps(folder: Path) -> list[Path]:
    try:
        entries = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return []
    return sorted(p for p in entries
                  if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX) and is_listed_file(p))
