"""One data dir opened for use: the catalog, built-in and user routines, and the
operations the CLI and the GUI share (find, save, duplicate, delete, import, export)."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from stretchdesk.core.atomic import atomic_write_text
from stretchdesk.core.bundle import RoutineBundle, build_bundle, bundle_json, parse_bundle
from stretchdesk.core.catalog import Catalog, builtin_poses, builtin_routines
from stretchdesk.core.documents import MAX_DOCUMENT_BYTES, BadDocument
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.imagecheck import MAX_IMAGE_BYTES, image_problem
from stretchdesk.core.import_plan import plan_import
from stretchdesk.core.models import Pose, Routine, new_routine_id
from stretchdesk.core.paths import default_data_dir
from stretchdesk.core.routine_files import read_routine_file
from stretchdesk.core.safeio import UnreadableSource, read_regular_file, shown
from stretchdesk.core.storage import Store
from stretchdesk.core.timeline import Timeline, expand
from stretchdesk.core.vocabulary import Side

MAX_NAME = 100  # Routine.name's limit


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
        """`wanted`, or `wanted (2)`, `(3)`...: a name no routine has, never over the length limit."""
        taken = {entry.routine.name for entry in self.entries()}
        if wanted not in taken:
            return wanted
        base = re.sub(r" \(\d+\)$", "", wanted)
        number = 2
        while True:
            suffix = f" ({number})"
            candidate = base[: MAX_NAME - len(suffix)].rstrip() + suffix
            if candidate not in taken:
                return candidate
            number += 1

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
        """Bring a deleted routine back. If its id was taken meanwhile (a file added by
        hand), it comes back as a copy with a new id, never over the other routine."""
        self.store.ensure()
        with self.store.lock.held():
            self.reload()
            try:
                old = read_routine_file(trashed)
            except StretchDeskError as error:
                raise StretchDeskError(f"{error}; can't restore it") from None
            if routine_id not in self.user:
                self.store.restore_routine(trashed, routine_id)
                self.user[routine_id] = old
                return old
            copy = old.model_copy(update={"id": new_routine_id(), "name": self.unique_name(old.name)})
            self.save(copy)
            with contextlib.suppress(OSError):
                trashed.unlink()
            return copy

    def save_custom_pose(self, pose: Pose, image: bytes | None = None) -> Pose:
        if self.catalog.is_builtin(pose.id):
            raise StretchDeskError(f"pose id {pose.id!r} is taken by a built-in pose")
        saved = self.store.save_custom_pose(pose, image)
        custom = dict(self.catalog.custom)
        custom[saved.id] = saved
        self.catalog = self.catalog.with_custom(custom)
        return saved

    def delete_custom_pose(self, pose_id: str) -> Path:
        """Move a custom pose to trash/; routines that use it keep the step (shown as unknown)."""
        if not self.catalog.is_custom(pose_id):
            raise StretchDeskError(f"{pose_id!r} is not one of your poses")
        trashed = self.store.trash_custom_pose(pose_id)
        self.catalog = self.catalog.with_custom(
            {key: pose for key, pose in self.catalog.custom.items() if key != pose_id})
        return trashed

    def export_bundle(self, routine: Routine) -> RoutineBundle:
        images: dict[str, bytes] = {}
        for pose_id in dict.fromkeys(routine.pose_ids()):
            pose = self.catalog.get(pose_id)
            if pose is None or not pose.custom or not pose.image:
                continue
            path = self.store.image_path(pose.image)
            if not path.exists():
                continue
            try:
                raw = read_regular_file(path, MAX_IMAGE_BYTES)
            except UnreadableSource as error:
                message = f"{error}; pose {pose.name!r} needs a smaller or plain image to export"
                raise StretchDeskError(message) from None
            problem = image_problem(raw, pose.image)
            if problem is not None:
                raise StretchDeskError(
                    f"{shown(path)}: {problem}; replace the image of pose {pose.name!r} to export it"
                )
            images[pose.image] = raw
        return build_bundle(routine, self.catalog, images)

    def export(self, routine: Routine, target: Path) -> None:
        """Write the export file; a device, FIFO or folder at `target` is refused, a symlink
        to a file is followed (the link stays a link)."""
        if target.is_symlink() and target.exists():
            target = target.resolve()
        if self.store.inside(target.parent):
            raise StretchDeskError(
                f"{shown(target)}: is inside the data dir, which only StretchDesk writes; "
                "export to a folder outside it (to add a routine, use import)"
            )
        data = bundle_json(self.export_bundle(routine))
        try:
            atomic_write_text(target, data)
        except OSError as error:
            raise StretchDeskError(f"{shown(target)}: can't write ({error.strerror})") from None

    def import_file(self, source: Path) -> Routine:
        try:
            data = read_regular_file(source, MAX_DOCUMENT_BYTES)
        except UnreadableSource as error:
            raise BadDocument(str(error)) from None
        return self.import_bytes(data, str(source))

    def import_bytes(self, data: bytes, source: str) -> Routine:
        """Validate fully, then write everything as one transaction under the data dir's
        lock, deciding ids and names against what is on disk at that moment."""
        bundle = parse_bundle(data, source)
        self.store.ensure()
        with self.store.lock.held():
            self.reload()
            routine, poses, images = plan_import(self, bundle)
            self.store.commit_import(images, poses, routine)
        custom = dict(self.catalog.custom)
        custom.update({pose.id: pose.model_copy(update={"custom": True}) for pose in poses})
        self.catalog = self.catalog.with_custom(custom)
        self.user[routine.id] = routine
        return routine
