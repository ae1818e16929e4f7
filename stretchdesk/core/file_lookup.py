"""Which file holds a routine or pose id now, before a save or a move touches it.

A file's name is not its id, and files can be replaced, renamed or removed behind
our back (a sync tool, a second copy of StretchDesk): so a write first checks the
id inside the file it was last seen in, and looks through the folder if that
fails. Kept apart from `storage` because this is the one rule that stops a save
from overwriting another routine's or pose's file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from stretchdesk.core.documents import NewerVersion
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Pose, Routine
from stretchdesk.core.routine_files import ids_in_newer_file, json_files
from stretchdesk.core.safeio import CantRead

Reader = Callable[[Path], Routine | Pose]


def locate_file(folder: Path, item_id: str, known: dict[str, Path], read: Reader) -> Path | None:
    """The file that holds this id now: where it was last seen (`known`), or, if that file
    was replaced, renamed or removed meanwhile, wherever it is now (None if nowhere)."""
    path = known.get(item_id)
    if path is not None and _still_holds(path, item_id, read):
        return path
    newer_holder: str | None = None
    for candidate in json_files(folder):
        if candidate == path:
            continue
        try:
            if read(candidate).id == item_id:
                known[item_id] = candidate
                return candidate
        except NewerVersion as error:  # its ids may sit under other field names
            if newer_holder is None and item_id in ids_in_newer_file(candidate):
                newer_holder = f"{error}; it may hold {item_id!r} too, so nothing was changed"
        except StretchDeskError:
            continue
    if newer_holder is not None:  # a second file with that id would hide one of the two
        raise StretchDeskError(newer_holder)
    return None


def _still_holds(path: Path, item_id: str, read: Reader) -> bool:
    """Does the file where ours was still hold the item with this id? A newer-version
    file or one the system won't let us read stops the write; a missing, damaged or
    different file is left alone."""
    try:
        return read(path).id == item_id
    except NewerVersion as error:
        raise StretchDeskError(f"{error}; not overwriting it") from None
    except CantRead as error:
        raise StretchDeskError(f"{error}; nothing was changed") from None
    except StretchDeskError:
        return False
