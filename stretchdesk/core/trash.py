"""Deleted routines waiting in the data dir's trash/ folder, newest first.

The store names each trashed file `<UTC stamp>-<routine id>.json`; the stamp is
the deletion time (the file's modification time when a name has no stamp).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Routine
from stretchdesk.core.routine_files import read_routine_file

_STAMP_FORMAT = "%Y%m%dT%H%M%S"


@dataclass(frozen=True)
class TrashedRoutine:
    path: Path
    routine: Routine
    deleted: datetime


def deleted_at(path: Path) -> datetime:
    try:
        return datetime.strptime(path.name[:15], _STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _newest_first(entry: TrashedRoutine) -> tuple[datetime, int]:
    """Stamps have whole seconds; the rename into trash/ set the file's ctime, finer."""
    try:
        return entry.deleted, entry.path.stat().st_ctime_ns
    except OSError:
        return entry.deleted, 0


def list_trash(trash_dir: Path) -> tuple[list[TrashedRoutine], list[str]]:
    """Every readable trashed routine (newest first) and a line per file that is not."""
    found: list[TrashedRoutine] = []
    problems: list[str] = []
    if not trash_dir.is_dir():
        return found, problems
    for path in sorted(trash_dir.glob("*.json")):
        try:
            found.append(TrashedRoutine(path, read_routine_file(path), deleted_at(path)))
        except (StretchDeskError, OSError, ValueError) as error:
            problems.append(f"{path}: can't be restored ({error})")
    found.sort(key=_newest_first, reverse=True)
    return found, problems
