"""The folders of one data dir and the guard every write into them goes through.

Apart from `storage` (which files live in the folders) because start-up upkeep
needs the same folders and the same guard, and nothing about routines or poses:
a data dir that is a file or a broken link is one clear error, a folder that
resolves outside the data dir (a symlinked `routines/`) is read but never written
into, writers take turns through the data dir's lock, and an OSError while
writing becomes one line that names the folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.lock import DataDirLock
from stretchdesk.core.paths import broken_link
from stretchdesk.core.safeio import shown


class DataFolders:
    """Where a data dir keeps routines, poses, images, quarantine and trash; writes hold its lock."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.routines_dir = root / "routines"
        self.poses_dir = root / "poses"
        self.images_dir = root / "images"
        self.quarantine_dir = root / "quarantine"
        self.trash_dir = root / "trash"
        self.lock = DataDirLock(root)

    def ensure(self) -> None:
        """Create the folders; a data dir that is a file, a broken link or can't be created
        is one clear error (a broken link is never followed to create its target)."""
        problem = self.root_problem()
        if problem is not None:
            raise StretchDeskError(f"{problem}; choose another data dir")
        folders = (self.routines_dir, self.poses_dir, self.images_dir)
        for folder in folders:
            broken = broken_link(folder)
            if broken is not None:
                raise StretchDeskError(f"{shown(folder)}: {broken}; fix the link or remove it")
        for folder in folders:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except FileExistsError:
                raise StretchDeskError(f"{shown(folder)}: is a file, not a folder; move it aside") from None
            except OSError as error:
                raise StretchDeskError(f"{shown(folder)}: can't create the folder ({error.strerror})") from None

    def root_problem(self) -> str | None:
        """What is wrong with the data dir itself (a file where the folder should be, a link
        that leads nowhere) and what to do about it, if anything."""
        broken = broken_link(self.root)
        if broken is not None:
            return f"{shown(self.root)}: the data dir {broken} (fix the link or remove it)"
        if self.root.exists() and not self.root.is_dir():
            return f"{shown(self.root)}: the data dir is a file, not a folder"
        return None

    @staticmethod
    def _broken_links(*folders: Path) -> list[str]:
        """A folder that is a link to nowhere (an unmounted drive, a moved sync folder) shows
        nothing: say so, or the runner thinks their routines are gone."""
        return [f"{shown(folder)}: {broken}, so nothing in it is shown; fix the link or remove it"
                for folder in folders if (broken := broken_link(folder)) is not None]

    def inside(self, folder: Path) -> bool:
        """True when `folder` really lies in the data dir (a symlink may lead elsewhere)."""
        try:
            folder.resolve().relative_to(self.root.resolve())
        except (ValueError, OSError, RuntimeError):
            return False
        return True

    @contextmanager
    def writing(self, *folders: Path) -> Iterator[None]:
        """Create the folders if needed, refuse ones that lead outside, hold the lock."""
        self.ensure()
        for folder in folders:
            if not self.inside(folder):
                raise StretchDeskError(
                    f"{shown(folder)}: leads outside the data dir (to {shown(folder.resolve())}); "
                    "StretchDesk won't write there, make it a plain folder"
                )
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StretchDeskError(f"{shown(folder)}: can't create the folder ({error.strerror})") from None
        with self.lock.held():
            yield

    @contextmanager
    def _write_errors(self, folder: Path) -> Iterator[None]:
        """An OSError while writing becomes one line that names the folder."""
        try:
            yield
        except OSError as error:
            where = shown(error.filename) if error.filename else shown(folder)
            raise StretchDeskError(f"{where}: can't write ({error.strerror or error}); nothing was changed") from None
