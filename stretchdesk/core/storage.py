"""The user's data dir: one JSON file per routine, custom poses and images beside them.

Nothing here ever deletes or overwrites a user's file by mistake:
- a file's name is not its id: saves check the id inside the file they replace,
  and every new file is created exclusively (never over an existing one);
- images are stored under content-addressed names, so two images never share one;
- unreadable files go to quarantine/, deleted routines to trash/, files from a
  newer version are left untouched;
- writers of one data dir (CLI and GUI alike) take turns through a lock;
- folders that resolve outside the data dir (a symlinked `routines/`) are read,
  but never written into or moved out of.
Start-up upkeep (unfinished saves, interrupted imports, quarantine) is in `upkeep`;
reading and writing one routine or pose file in `routine_files`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from stretchdesk.core.atomic import atomic_write_text
from stretchdesk.core.documents import (
    BadDocument,
    NewerVersion,
)
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.imagecheck import extension
from stretchdesk.core.lock import DataDirLock
from stretchdesk.core.models import Pose, Routine
from stretchdesk.core.paths import broken_link
from stretchdesk.core.routine_files import (
    ids_in_newer_file,
    json_files,
    pose_json,
    read_pose_file,
    read_routine_file,
    routine_json,
)
from stretchdesk.core.safeio import CantRead, shown
from stretchdesk.core.transaction import Transaction
from stretchdesk.core.upkeep import Upkeep, move_to_free_name, stamp

T = TypeVar("T")
_CONTENT_TAG = re.compile(r"-[0-9a-f]{12}$")
_TRASH_NAME = re.compile(r"^\d{8}T\d{6}-")


@dataclass
class Loaded(Generic[T]):
    items: dict[str, T] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class Store:
    """File layout of one data dir; every write is atomic and takes the data dir's lock."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.routines_dir = root / "routines"
        self.poses_dir = root / "poses"
        self.images_dir = root / "images"
        self.quarantine_dir = root / "quarantine"
        self.trash_dir = root / "trash"
        self.lock = DataDirLock(root)
        self._routine_paths: dict[str, Path] = {}
        self._pose_paths: dict[str, Path] = {}
        self._newer_ids: dict[Path, frozenset[str]] = {}
        self.upkeep = Upkeep(self)

    # -- the folder itself ----------------------------------------------------------
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

    # -- routines -----------------------------------------------------------------
    def routine_path(self, routine_id: str) -> Path:
        return self._routine_paths.get(routine_id, self.routines_dir / f"{routine_id}.json")

    def load_routines(self) -> Loaded[Routine]:
        loaded: Loaded[Routine] = Loaded()
        self._forget_newer(self.routines_dir)
        loaded.problems += self._broken_links(self.routines_dir)
        loaded.problems += self.sweep_unfinished(self.root)  # the session history's saves
        loaded.problems += self.sweep_unfinished(self.routines_dir)
        for path in json_files(self.routines_dir):
            routine = self._load_one(path, read_routine_file, loaded.problems)
            if routine is None:
                continue
            if routine.id in loaded.items:
                loaded.problems.append(
                    f"{shown(path)}: routine id {routine.id!r} is also in "
                    f"{shown(loaded.paths[routine.id].name)}; skipped this copy"
                )
                continue
            loaded.items[routine.id] = routine
            loaded.paths[routine.id] = path
        self._routine_paths = dict(loaded.paths)
        return loaded

    def save_routine(self, routine: Routine) -> Path:
        """Replace the routine's own file, or create a new one; never another routine's file."""
        with self._write_errors(self.routines_dir), self.writing(self.routines_dir):
            data = routine_json(routine).encode("utf-8")
            path = self._locate(self.routines_dir, routine.id, self._routine_paths, read_routine_file)
            if path is not None:
                atomic_write_text(path, data.decode("utf-8"))
            else:
                transaction = Transaction()
                transaction.add_unique(self.routines_dir, routine.id, ".json", data)
                (path,) = transaction.commit()
            self._routine_paths[routine.id] = path
            return path

    def trash_routine(self, routine_id: str) -> Path:
        """Move the routine's file to trash/ and return where it went (for undo)."""
        with self._write_errors(self.trash_dir), self.writing(self.routines_dir, self.trash_dir):
            path = self._locate(self.routines_dir, routine_id, self._routine_paths, read_routine_file)
            if path is None:
                raise StretchDeskError(f"no file in {shown(self.routines_dir)} holds routine {routine_id!r} any more")
            target = move_to_free_name(path, self.trash_dir, name=f"{stamp()}-{routine_id}.json")
            self._routine_paths.pop(routine_id, None)
            return target

    def restore_routine(self, trashed: Path, routine_id: str) -> Path:
        with self._write_errors(self.routines_dir), self.writing(self.routines_dir):
            if not trashed.is_file():
                raise StretchDeskError(f"{shown(trashed)}: is no longer in the trash")
            path = move_to_free_name(trashed, self.routines_dir, name=f"{routine_id}.json")
            self._routine_paths[routine_id] = path
            return path

    # -- custom poses and their images ----------------------------------------------
    def load_custom_poses(self) -> Loaded[Pose]:
        loaded: Loaded[Pose] = Loaded()
        self._forget_newer(self.poses_dir)
        loaded.problems += self._broken_links(self.poses_dir, self.images_dir)
        loaded.problems += self.recover_interrupted()
        loaded.problems += self.sweep_unfinished(self.poses_dir)
        loaded.problems += self.sweep_unfinished(self.images_dir)
        for path in json_files(self.poses_dir):
            pose = self._load_one(path, read_pose_file, loaded.problems)
            if pose is None:
                continue
            if pose.id in loaded.items:
                loaded.problems.append(
                    f"{shown(path)}: pose id {pose.id!r} is also in {shown(loaded.paths[pose.id].name)}; "
                    "skipped this copy"
                )
                continue
            loaded.items[pose.id] = pose
            loaded.paths[pose.id] = path
        self._pose_paths = dict(loaded.paths)
        return loaded

    def save_custom_pose(self, pose: Pose, image: bytes | None = None) -> Pose:
        """Save a pose (and its image under a name no other image has); returns it as stored."""
        if image is not None and pose.image is None:
            raise StretchDeskError(f"pose {pose.id!r}: image data given but no image name")
        with self._write_errors(self.poses_dir), self.writing(self.poses_dir, self.images_dir):
            transaction = Transaction()
            if image is not None and pose.image is not None:
                name, is_new = self.image_name_for(image, pose.image)
                pose = pose.model_copy(update={"image": name})
                if is_new:
                    transaction.add_exact(self.images_dir / name, image)
            data = pose_json(pose).encode("utf-8")
            path = self._locate(self.poses_dir, pose.id, self._pose_paths, read_pose_file)
            if path is not None:
                created = transaction.commit()
                try:
                    atomic_write_text(path, data.decode("utf-8"))
                except BaseException:
                    for new_file in created:
                        with contextlib.suppress(OSError):
                            os.unlink(new_file)
                    raise
            else:
                transaction.add_unique(self.poses_dir, pose.id, ".json", data)
                path = transaction.commit()[-1]
            self._pose_paths[pose.id] = path
            return pose.model_copy(update={"custom": True})

    def image_name_for(self, image: bytes, wanted: str) -> tuple[str, bool]:
        """A content-addressed name for `image` (`towel-<hash>.png`) and whether it must be
        written: an identical file already there is shared, a different one never replaced."""
        digest = hashlib.sha256(image).hexdigest()[:12]
        stem = _CONTENT_TAG.sub("", wanted.rsplit(".", 1)[0])[:60] or "image"
        suffix = extension(wanted)
        for number in range(1, 1000):
            name = f"{stem}-{digest}.{suffix}" if number == 1 else f"{stem}-{digest}-{number}.{suffix}"
            existing = self.images_dir / name
            if not existing.exists() and not existing.is_symlink():
                return name, True
            if existing.is_file() and _same_bytes(existing, image):
                return name, False
        raise StretchDeskError(f"{shown(self.images_dir)}: no free name for image {wanted!r}")

    def commit_import(self, images: dict[str, bytes], poses: list[Pose], routine: Routine) -> None:
        """Write an import as one transaction: images, then poses, then the routine."""
        folders = (self.routines_dir, self.poses_dir, self.images_dir)
        with self._write_errors(self.routines_dir), self.writing(*folders):
            transaction = Transaction(journal_dir=self.root)
            for name, data in images.items():
                transaction.add_exact(self.images_dir / name, data)
            for pose in poses:
                transaction.add_unique(self.poses_dir, pose.id, ".json", pose_json(pose).encode("utf-8"))
            transaction.add_unique(self.routines_dir, routine.id, ".json", routine_json(routine).encode("utf-8"))
            created = transaction.commit()
            for pose, path in zip(poses, created[len(images) : len(images) + len(poses)], strict=True):
                self._pose_paths[pose.id] = path
            self._routine_paths[routine.id] = created[-1]

    def trash_custom_pose(self, pose_id: str) -> Path:
        """Move a custom pose's file to trash/poses/ (its picture stays in images/)."""
        folder = self.trash_dir / "poses"
        with self._write_errors(folder), self.writing(self.poses_dir, folder):
            path = self._locate(self.poses_dir, pose_id, self._pose_paths, read_pose_file)
            if path is None:
                raise StretchDeskError(f"no file in {shown(self.poses_dir)} holds pose {pose_id!r} any more")
            target = move_to_free_name(path, folder, name=f"{stamp()}-{pose_id}.json")
            self._pose_paths.pop(pose_id, None)
            return target

    def image_path(self, name: str) -> Path:
        return self.images_dir / name

    def file_stems(self, folder: Path) -> set[str]:
        """Names already taken in a folder (ids are kept off them, even for unreadable files);
        in routines/ and poses/ also every id a newer-version file there may hold."""
        stems = {path.stem for path in json_files(folder, regular_only=False)}
        if folder in (self.routines_dir, self.poses_dir):
            stems |= self.newer_ids()
        return stems

    def newer_ids(self) -> set[str]:
        """Ids that files from a newer StretchDesk (seen at the last load) may hold. Routines'
        and poses' alike: a newer routine names its poses, and we can't tell which is which."""
        return set().union(*self._newer_ids.values())

    def _forget_newer(self, folder: Path) -> None:
        self._newer_ids = {path: ids for path, ids in self._newer_ids.items() if path.parent != folder}

    def set_aside_ids(self) -> set[str]:
        """Ids of custom poses in trash/poses/ and of files in quarantine/ (from their
        `<stamp>-<id>.json` names): new poses keep off them, so a routine that still
        names a deleted pose never starts playing someone else's under that id."""
        names = self.file_stems(self.trash_dir / "poses") | self.file_stems(self.quarantine_dir)
        return {_TRASH_NAME.sub("", stem) for stem in names}

    def trashed_ids(self) -> set[str]:
        """Ids of routines in the trash (from their `<stamp>-<id>.json` names), kept off new
        routines so that every one of them can be restored as it was."""
        return {_TRASH_NAME.sub("", stem) for stem in self.file_stems(self.trash_dir)}

    # -- start-up upkeep (see `upkeep`) ------------------------------------------------
    def quarantine(self, path: Path) -> Path:
        return self.upkeep.quarantine(path)

    def recover_interrupted(self) -> list[str]:
        """Undo imports killed half-way; see `Upkeep.recover_interrupted`."""
        return self.upkeep.recover_interrupted()

    def sweep_unfinished(self, folder: Path) -> list[str]:
        """Deal with temps a killed writer left in `folder`; see `Upkeep.sweep_unfinished`."""
        return self.upkeep.sweep_unfinished(folder)

    def _load_one(self, path: Path, read: Callable[[Path], T], problems: list[str]) -> T | None:
        try:
            return read(path)
        except NewerVersion as error:
            problems.append(f"{error}; left untouched")
            self._newer_ids[path] = ids_in_newer_file(path)
        except CantRead as error:
            problems.append(f"{error}; left where it is")
        except BadDocument as error:
            problems.append(self.upkeep.quarantine_message(path, error))
        except Exception as error:  # any surprise in one file is that file's problem alone
            message = f"{shown(path)}: can't be read ({type(error).__name__})"
            problems.append(self.upkeep.quarantine_message(path, BadDocument(message)))
        return None

    def _locate(
        self, folder: Path, item_id: str, known: dict[str, Path], read: Callable[[Path], Routine | Pose]
    ) -> Path | None:
        """The file that holds this id now: where it was last seen, or, if that file was
        replaced, renamed or removed meanwhile, wherever it is now (None if nowhere)."""
        path = known.get(item_id)
        if path is not None and self._still_holds(path, item_id, read):
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

    @staticmethod
    def _still_holds(path: Path, item_id: str, read: Callable[[Path], Routine | Pose]) -> bool:
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

    @contextmanager
    def _write_errors(self, folder: Path) -> Iterator[None]:
        """An OSError while writing becomes one line that names the folder."""
        try:
            yield
        except OSError as error:
            where = shown(error.filename) if error.filename else shown(folder)
            raise StretchDeskError(f"{where}: can't write ({error.strerror or error}); nothing was changed") from None


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False
