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
The folders themselves and the guard around writing into them are in `data_folders`;
finding the file that holds an id in `file_lookup`; start-up upkeep (unfinished saves,
interrupted imports, quarantine) in `upkeep`; reading and writing one routine or pose
file in `routine_files`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from stretchdesk.core.atomic import atomic_write_text
from stretchdesk.core.data_folders import DataFolders
from stretchdesk.core.documents import (
    BadDocument,
    NewerVersion,
)
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.file_lookup import locate_file
from stretchdesk.core.imagecheck import extension
from stretchdesk.core.models import Pose, Routine
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


class Store(DataFolders):
    """Routine and pose files of one data dir; every write is atomic and takes the data dir's lock."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self._routine_paths: dict[str, Path] = {}
        self._pose_paths: dict[str, Path] = {}
        self._newer_ids: dict[Path, frozenset[str]] = {}
        self.upkeep = Upkeep(self)

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
            path = locate_file(self.routines_dir, routine.id, self._routine_paths, read_routine_file)
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
            path = locate_file(self.routines_dir, routine_id, self._routine_paths, read_routine_file)
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
            path = locate_file(self.poses_dir, pose.id, self._pose_paths, read_pose_file)
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
            path = locate_file(self.poses_dir, pose_id, self._pose_paths, read_pose_file)
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


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False
