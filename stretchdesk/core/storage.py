"""The user's data dir: one JSON file per routine, custom poses and images beside them.

Nothing here ever deletes a user's file: unreadable files go to quarantine/,
deleted routines go to trash/, files from a newer version are left untouched.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import ValidationError

from stretchdesk.core.atomic import TEMP_SUFFIX, atomic_write_bytes, atomic_write_text
from stretchdesk.core.bundle import RoutineBundle
from stretchdesk.core.documents import (
    POSE_FORMAT,
    ROUTINE_FORMAT,
    BadDocument,
    NewerVersion,
    describe_validation_error,
    dump_document,
    read_document,
)
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Pose, Routine

T = TypeVar("T")


@dataclass
class Loaded(Generic[T]):
    items: dict[str, T] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def routine_json(routine: Routine) -> str:
    return dump_document(ROUTINE_FORMAT, routine=routine.model_dump(mode="json"))


def parse_routine_document(payload: dict[str, object], source: str) -> Routine:
    try:
        return RoutineBundle.model_validate(payload).routine
    except ValidationError as error:
        raise BadDocument(describe_validation_error(error, source)) from None


def read_routine_file(path: Path) -> Routine:
    """Validate straight from bytes (fast); on failure, re-read carefully for a precise message."""
    try:
        return RoutineBundle.model_validate_json(path.read_bytes()).routine
    except (ValidationError, OSError):
        pass
    return parse_routine_document(read_document(path, ROUTINE_FORMAT), str(path))


class Store:
    """File layout of one data dir; every write is atomic."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.routines_dir = root / "routines"
        self.poses_dir = root / "poses"
        self.images_dir = root / "images"
        self.quarantine_dir = root / "quarantine"
        self.trash_dir = root / "trash"
        self._routine_paths: dict[str, Path] = {}
        self._pose_paths: dict[str, Path] = {}

    def ensure(self) -> None:
        """Create the folders; a data dir that is a file or can't be created is one clear error."""
        problem = self.root_problem()
        if problem is not None:
            raise StretchDeskError(f"{problem}; choose another data dir")
        for folder in (self.routines_dir, self.poses_dir, self.images_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StretchDeskError(f"{folder}: can't create the folder ({error.strerror})") from None

    def root_problem(self) -> str | None:
        """What is wrong with the data dir itself (a file where the folder should be), if anything."""
        if self.root.exists() and not self.root.is_dir():
            return f"{self.root}: the data dir is a file, not a folder"
        return None

    def routine_path(self, routine_id: str) -> Path:
        return self._routine_paths.get(routine_id, self.routines_dir / f"{routine_id}.json")

    def load_routines(self) -> Loaded[Routine]:
        loaded: Loaded[Routine] = Loaded()
        for path in _json_files(self.routines_dir):
            try:
                routine = read_routine_file(path)
            except NewerVersion as error:
                loaded.problems.append(f"{error}; left untouched")
                continue
            except BadDocument as error:
                loaded.problems.append(self._quarantine_message(path, error))
                continue
            if routine.id in loaded.items:
                loaded.problems.append(
                    f"{path}: routine id {routine.id!r} is also in "
                    f"{loaded.paths[routine.id].name}; skipped this copy"
                )
                continue
            loaded.items[routine.id] = routine
            loaded.paths[routine.id] = path
        self._routine_paths = dict(loaded.paths)
        return loaded

    def save_routine(self, routine: Routine) -> Path:
        path = self.routine_path(routine.id)
        self._refuse_if_newer(path, ROUTINE_FORMAT)
        atomic_write_text(path, routine_json(routine))
        self._routine_paths[routine.id] = path
        return path

    def trash_routine(self, routine_id: str) -> Path:
        """Move the routine's file to trash/ and return where it went (for undo)."""
        path = self.routine_path(routine_id)
        if not path.exists():
            raise StretchDeskError(f"{path}: no such routine file to delete")
        target = _unique(self.trash_dir / f"{_stamp()}-{path.name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
        self._routine_paths.pop(routine_id, None)
        return target

    def restore_routine(self, trashed: Path, routine_id: str) -> Path:
        path = self.routines_dir / f"{routine_id}.json"
        if path.exists():
            raise StretchDeskError(f"{path}: already exists; not restoring over it")
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(trashed, path)
        self._routine_paths[routine_id] = path
        return path

    def load_custom_poses(self) -> Loaded[Pose]:
        loaded: Loaded[Pose] = Loaded()
        for path in _json_files(self.poses_dir):
            try:
                payload = read_document(path, POSE_FORMAT)
                pose = Pose.model_validate(payload.get("pose"))
            except NewerVersion as error:
                loaded.problems.append(f"{error}; left untouched")
                continue
            except BadDocument as error:
                loaded.problems.append(self._quarantine_message(path, error))
                continue
            except ValidationError as error:
                message = describe_validation_error(error, str(path))
                loaded.problems.append(self._quarantine_message(path, BadDocument(message)))
                continue
            loaded.items[pose.id] = pose.model_copy(update={"custom": True})
            loaded.paths[pose.id] = path
        self._pose_paths = dict(loaded.paths)
        return loaded

    def save_custom_pose(self, pose: Pose, image: bytes | None = None) -> Path:
        if image is not None:
            if pose.image is None:
                raise StretchDeskError(f"pose {pose.id!r}: image data given but no image name")
            atomic_write_bytes(self.images_dir / pose.image, image)
        path = self._pose_paths.get(pose.id, self.poses_dir / f"{pose.id}.json")
        self._refuse_if_newer(path, POSE_FORMAT)
        custom = pose.model_copy(update={"custom": True})
        atomic_write_text(path, dump_document(POSE_FORMAT, pose=custom.model_dump(mode="json")))
        self._pose_paths[pose.id] = path
        return path

    def trash_custom_pose(self, pose_id: str) -> Path:
        """Move a custom pose's file to trash/poses/ (its picture stays in images/)."""
        path = self._pose_paths.get(pose_id, self.poses_dir / f"{pose_id}.json")
        if not path.exists():
            raise StretchDeskError(f"{path}: no such pose file to delete")
        target = _unique(self.trash_dir / "poses" / f"{_stamp()}-{path.name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
        self._pose_paths.pop(pose_id, None)
        return target

    def image_path(self, name: str) -> Path:
        return self.images_dir / name

    def quarantine(self, path: Path) -> Path:
        target = _unique(self.quarantine_dir / f"{_stamp()}-{path.name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(path), target)
        return target

    def _quarantine_message(self, path: Path, error: StretchDeskError) -> str:
        try:
            moved = self.quarantine(path)
        except OSError as move_error:
            return f"{error}; could not move it to quarantine ({move_error.strerror})"
        return f"{error}; moved to {moved}"

    @staticmethod
    def _refuse_if_newer(path: Path, expected_format: str) -> None:
        if not path.exists():
            return
        try:
            read_document(path, expected_format)
        except NewerVersion as error:
            raise StretchDeskError(f"{error}; not overwriting it") from None
        except BadDocument:
            return


def _json_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix == ".json" and not path.name.startswith(".") and path.is_file()
        and not path.name.endswith(TEMP_SUFFIX)
    )


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def _unique(path: Path) -> Path:
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate
