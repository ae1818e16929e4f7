"""The pose library: the shipped poses plus the user's own, as one mapping."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from stretchdesk.core.documents import (
    POSES_FORMAT,
    BadDocument,
    describe_validation_error,
    read_document,
)
from stretchdesk.core.models import Pose, Routine
from stretchdesk.core.paths import resource
from stretchdesk.core.routine_files import read_routine_file


class Catalog(Mapping[str, Pose]):
    """Built-in poses first, then custom ones; ids are unique across both."""

    def __init__(self, builtin: Mapping[str, Pose], custom: Mapping[str, Pose] | None = None):
        self._builtin = dict(builtin)
        self._custom = {k: v for k, v in (custom or {}).items() if k not in self._builtin}
        self._all = {**self._builtin, **self._custom}

    def __getitem__(self, pose_id: str) -> Pose:
        return self._all[pose_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def is_builtin(self, pose_id: str) -> bool:
        return pose_id in self._builtin

    def is_custom(self, pose_id: str) -> bool:
        return pose_id in self._custom

    @property
    def custom(self) -> Mapping[str, Pose]:
        return self._custom

    def with_custom(self, custom: Mapping[str, Pose]) -> Catalog:
        return Catalog(self._builtin, custom)


def load_poses_file(path: Path) -> dict[str, Pose]:
    payload = read_document(path, POSES_FORMAT)
    raw = payload.get("poses")
    if not isinstance(raw, list):
        raise BadDocument(f"{path}: \"poses\" must be a list")
    poses: dict[str, Pose] = {}
    for index, entry in enumerate(raw):
        try:
            pose = Pose.model_validate(entry)
        except ValidationError as error:
            raise BadDocument(describe_validation_error(error, f"{path} pose #{index + 1}")) from None
        if pose.id in poses:
            raise BadDocument(f"{path}: pose id {pose.id!r} appears twice")
        poses[pose.id] = pose
    return poses


@cache
def builtin_poses() -> Mapping[str, Pose]:
    return load_poses_file(resource("poses.json"))


@cache
def builtin_routines() -> Mapping[str, Routine]:
    """The routines shipped in resources/routines, in file-name order."""
    routines: dict[str, Routine] = {}
    for path in sorted(resource("routines").glob("*.json")):
        routine = read_routine_file(path)
        routines[routine.id] = routine
    return routines
