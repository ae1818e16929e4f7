"""One data dir opened for use: the catalog, built-in and user routines, and the
operations the CLI and the GUI share (find, save, duplicate, delete, import, export)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from stretchdesk.core.atomic import atomic_write_text
from stretchdesk.core.bundle import RoutineBundle, build_bundle, bundle_json, parse_bundle
from stretchdesk.core.catalog import Catalog, builtin_poses, builtin_routines
from stretchdesk.core.documents import MAX_DOCUMENT_BYTES, BadDocument
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Block, Pose, Rest, Routine, Side, Step, new_routine_id
from stretchdesk.core.paths import default_data_dir
from stretchdesk.core.storage import Store
from stretchdesk.core.timeline import Timeline, expand


@dataclass(frozen=True)
class RoutineEntry:
    routine: Routine
    builtin: bool


class Workspace:
    def __init__(self, data_dir: Path) -> None:
        self.store = Store(data_dir)
        self.problems: list[str] = []
        self.catalog = Catalog(builtin_poses())
        self.builtin = dict(builtin_routines())
        self.user: dict[str, Routine] = {}
        self.reload()

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> Workspace:
        return cls(default_data_dir(data_dir))

    @property
    def data_dir(self) -> Path:
        return self.store.root

    def reload(self) -> None:
        """Re-read the data dir (after the CLI or another program changed it)."""
        poses = self.store.load_custom_poses()
        routines = self.store.load_routines()
        self.catalog = self.catalog.with_custom(poses.items)
        self.user = routines.items
        self.problems = poses.problems + routines.problems
        root_problem = self.store.root_problem()
        if root_problem is not None:
            self.problems.insert(0, f"{root_problem}; only built-in routines are shown")

    def entries(self) -> list[RoutineEntry]:
        """User routines by name, then the built-in ones in shipped order."""
        mine = sorted(self.user.values(), key=lambda r: r.name.casefold())
        return [RoutineEntry(r, False) for r in mine] + [
            RoutineEntry(r, True) for r in self.builtin.values()
        ]

    def is_builtin(self, routine_id: str) -> bool:
        return routine_id in self.builtin

    def get(self, routine_id: str) -> Routine:
        found = self.user.get(routine_id) or self.builtin.get(routine_id)
        if found is None:
            raise StretchDeskError(f"no routine with id {routine_id!r}")
        return found

    def find(self, query: str) -> Routine:
        """A routine by id or exact name (user routines win over built-ins)."""
        for entry in self.entries():
            if entry.routine.id == query:
                return entry.routine
        named = [e.routine for e in self.entries() if e.routine.name == query]
        if named:
            return named[0]
        folded = [e.routine for e in self.entries() if e.routine.name.casefold() == query.casefold()]
        if len(folded) == 1:
            return folded[0]
        raise StretchDeskError(
            f"no routine called {query!r}; `stretchdesk routines` lists names and ids"
        )

    def timeline(self, routine: Routine, tighter_side: Side = Side.RIGHT) -> Timeline:
        return expand(routine, self.catalog, tighter_side)

    def save(self, routine: Routine) -> Path:
        if self.is_builtin(routine.id):
            raise StretchDeskError(f"{routine.name!r} is built in and read-only; duplicate it to edit")
        path = self.store.save_routine(routine)
        self.user[routine.id] = routine
        return path

    def unique_name(self, wanted: str) -> str:
        taken = {entry.routine.name for entry in self.entries()}
        if wanted not in taken:
            return wanted
        base = re.sub(r" \(\d+\)$", "", wanted)
        number = 2
        while f"{base} ({number})" in taken:
            number += 1
        return f"{base} ({number})"

    def duplicate(self, routine_id: str, name: str | None = None) -> Routine:
        source = self.get(routine_id)
        copy = Routine.model_validate(
            {
                **source.model_dump(exclude={"id", "created", "updated"}),
                "name": self.unique_name(name or source.name),
            }
        )
        self.save(copy)
        return copy

    def delete(self, routine_id: str) -> Path:
        """Move a user routine to trash/; returns the trashed file for undo."""
        if self.is_builtin(routine_id):
            raise StretchDeskError("built-in routines can't be deleted")
        trashed = self.store.trash_routine(routine_id)
        self.user.pop(routine_id, None)
        return trashed

    def restore(self, trashed: Path, routine_id: str) -> Routine:
        self.store.restore_routine(trashed, routine_id)
        self.reload()
        return self.get(routine_id)

    def save_custom_pose(self, pose: Pose, image: bytes | None = None) -> Pose:
        if self.catalog.is_builtin(pose.id):
            raise StretchDeskError(f"pose id {pose.id!r} is taken by a built-in pose")
        self.store.save_custom_pose(pose, image)
        custom = dict(self.catalog.custom)
        custom[pose.id] = pose.model_copy(update={"custom": True})
        self.catalog = self.catalog.with_custom(custom)
        return custom[pose.id]

    def export_bundle(self, routine: Routine) -> RoutineBundle:
        images: dict[str, bytes] = {}
        for pose_id in set(routine.pose_ids()):
            pose = self.catalog.get(pose_id)
            if pose is not None and pose.custom and pose.image:
                path = self.store.image_path(pose.image)
                if path.is_file():
                    images[pose.image] = path.read_bytes()
        return build_bundle(routine, self.catalog, images)

    def export(self, routine: Routine, target: Path) -> None:
        try:
            atomic_write_text(target, bundle_json(self.export_bundle(routine)))
        except OSError as error:
            raise StretchDeskError(f"{target}: can't write ({error.strerror})") from None

    def import_file(self, source: Path) -> Routine:
        try:
            size = source.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise BadDocument(f"{source}: file is {size / 1e6:.1f} MB; the limit is 10 MB")
            data = source.read_bytes()
        except OSError as error:
            raise StretchDeskError(f"{source}: can't read ({error.strerror})") from None
        return self.import_bytes(data, str(source))

    def import_bytes(self, data: bytes, source: str) -> Routine:
        """Validate fully, then write: a bad bundle leaves the data dir as it was."""
        bundle = parse_bundle(data, source)
        renames: dict[str, str] = {}
        to_write: list[tuple[Pose, bytes | None]] = []
        for entry in bundle.custom_poses:
            image = entry.image.decoded() if entry.image else None
            existing = self.catalog.get(entry.pose.id)
            pose = entry.pose.model_copy(update={"custom": True})
            if existing is not None and existing == pose:
                continue
            if existing is not None:
                new_id = self._free_pose_id(entry.pose.id)
                renames[entry.pose.id] = new_id
                pose = pose.model_copy(update={"id": new_id})
            to_write.append((pose, image))
        routine = bundle.routine
        if renames:
            routine = routine.model_copy(update={"items": _renamed(routine.items, renames)})
        if routine.id in self.user or routine.id in self.builtin:
            routine = routine.model_copy(update={"id": new_routine_id()})
        routine = routine.model_copy(update={"name": self.unique_name(routine.name)})
        for pose, image in to_write:
            self.save_custom_pose(pose, image)
        self.save(routine)
        return routine

    def _free_pose_id(self, wanted: str) -> str:
        number = 2
        while f"{wanted}-{number}" in self.catalog:
            number += 1
        return f"{wanted}-{number}"


def _renamed(items: list[Step | Rest | Block], renames: dict[str, str]) -> list[Step | Rest | Block]:
    result: list[Step | Rest | Block] = []
    for item in items:
        if isinstance(item, Step) and item.pose in renames:
            result.append(item.model_copy(update={"pose": renames[item.pose]}))
        elif isinstance(item, Block):
            result.append(item.model_copy(update={"items": _renamed(item.items, renames)}))
        else:
            result.append(item)
    return result
