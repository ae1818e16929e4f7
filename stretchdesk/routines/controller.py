"""Routine management behind the menus: open, new, duplicate, delete (with undo),
import, export, custom poses, autosave, and picking up changes made on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Pose, Routine
from stretchdesk.core.workspace import RoutineEntry, Workspace
from stretchdesk.editor.document import RoutineDocument
from stretchdesk.imagecache import PoseImages
from stretchdesk.routines.model import RoutineListModel

AUTOSAVE_MS = 600
RELOAD_MS = 400


class RoutineController(QObject):
    message = Signal(str)
    problems_found = Signal(list)
    list_refreshed = Signal()
    catalog_changed = Signal()
    delete_undoable = Signal(bool)

    def __init__(self, workspace: Workspace, document: RoutineDocument, model: RoutineListModel,
                 images: PoseImages, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.document = document
        self.model = model
        self.images = images
        self._last_saved: Routine | None = None
        self._loading = False
        self._trashed: tuple[Path, str, str] | None = None
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._reload = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._watcher = QFileSystemWatcher(self)
        workspace.store.ensure()
        self._watcher.addPaths([str(workspace.store.routines_dir), str(workspace.store.poses_dir)])
        self._connect_signals()
        self.refresh_list()

    def _connect_signals(self) -> None:
        self.document.undo_stack.indexChanged.connect(self._on_stack_index_changed)
        self._autosave.timeout.connect(self.save_now)
        self._reload.timeout.connect(self.reload_from_disk)
        self._watcher.directoryChanged.connect(self._reload.start)

    # -- list and opening ---------------------------------------------------
    def refresh_list(self) -> None:
        entries = self.workspace.entries()
        totals = {e.routine.id: self.workspace.timeline(e.routine).total_seconds for e in entries}
        self.model.set_entries(entries, totals)
        self.list_refreshed.emit()

    def open_routine(self, routine_id: str | None) -> None:
        if routine_id == self.document.routine_id:
            return
        self.save_now()
        routine = None
        if routine_id is not None:
            try:
                routine = self.workspace.get(routine_id)
            except StretchDeskError as error:
                self.message.emit(str(error))
        self._loading = True
        try:
            self.document.open(routine, routine is None or self.workspace.is_builtin(routine.id))
        finally:
            self._loading = False
        self._last_saved = routine

    def _on_stack_index_changed(self) -> None:
        if not self._loading and self.document.is_open and not self.document.read_only:
            self._autosave.start()
            routine = self.document.routine()
            if routine is not None:
                total = self.workspace.timeline(routine).total_seconds
                self.model.update_entry(RoutineEntry(routine, False), total)

    def save_now(self) -> bool:
        """Write pending edits now (also on quit); True when there was something to save."""
        self._autosave.stop()
        current = self.document.routine()
        if current is None or self.document.read_only:
            return False
        if self._last_saved is not None and current.model_dump(exclude={"updated"}) == (
            self._last_saved.model_dump(exclude={"updated"})
        ):
            return False
        try:
            routine = self.document.routine_to_save()
            assert routine is not None
            self.workspace.save(routine)
        except (StretchDeskError, ValueError) as error:
            self.message.emit(f"Not saved: {error}")
            return False
        self._last_saved = routine
        return True

    # -- management ---------------------------------------------------------
    def new_routine(self, name: str = "New routine") -> Routine:
        routine = Routine(name=self.workspace.unique_name(name))
        self.workspace.save(routine)
        self._after_change(routine.id, f"Created {routine.name!r}")
        return routine

    def add_routine(self, routine: Routine) -> Routine:
        """Store a routine made elsewhere (the recipe dialog) under a free name and open it."""
        routine = routine.touched(name=self.workspace.unique_name(routine.name))
        self.workspace.save(routine)
        self._after_change(routine.id, f"Created {routine.name!r}")
        return routine

    def duplicate(self, routine_id: str | None = None) -> Routine | None:
        source = routine_id or self.document.routine_id
        if source is None:
            return None
        self.save_now()
        copy = self.workspace.duplicate(source)
        self._after_change(copy.id, f"Duplicated as {copy.name!r}; this copy is yours to edit")
        return copy

    def delete(self, routine_id: str | None = None) -> Path | None:
        target = routine_id or self.document.routine_id
        if target is None or self.workspace.is_builtin(target):
            self.message.emit("Built-in routines can't be deleted")
            return None
        self.save_now()
        name = self.workspace.get(target).name
        trashed = self.workspace.delete(target)
        self._trashed = (trashed, target, name)
        if self.document.routine_id == target:
            self.open_routine(None)
        self._after_change(None, f"Deleted {name!r} (Routine ▸ Restore deleted routine brings it back)")
        self.delete_undoable.emit(True)
        return trashed

    def restore_deleted(self) -> Routine | None:
        if self._trashed is None:
            return None
        trashed, routine_id, name = self._trashed
        try:
            routine = self.workspace.restore(trashed, routine_id)
        except StretchDeskError as error:
            self.message.emit(str(error))
            return None
        self._trashed = None
        self.delete_undoable.emit(False)
        self._after_change(routine.id, f"Restored {name!r}")
        return routine

    def import_path(self, path: Path) -> Routine | None:
        try:
            routine = self.workspace.import_file(path)
        except StretchDeskError as error:
            self.message.emit(str(error))
            return None
        self.images.set_catalog(self.workspace.catalog)
        self.catalog_changed.emit()
        self._after_change(routine.id, f"Imported {routine.name!r}")
        return routine

    def export_json(self, path: Path) -> bool:
        routine = self._current_for_export()
        if routine is None:
            return False
        try:
            self.workspace.export(routine, path)
        except StretchDeskError as error:
            self.message.emit(str(error))
            return False
        self.message.emit(f"Exported {routine.name!r} to {path}")
        return True

    def export_pdf(self, path: Path) -> int:
        routine = self._current_for_export()
        if routine is None:
            return 0
        from stretchdesk.routines.pdf import export_pdf  # QPdfWriter and its fonts: only when asked

        try:
            pages = export_pdf(routine, self.workspace.catalog, self.images, path)
        except StretchDeskError as error:
            self.message.emit(str(error))
            return 0
        self.message.emit(f"Wrote a {pages}-page sheet to {path}")
        return pages

    def add_custom_pose(self, pose: Pose, image: bytes | None) -> Pose | None:
        try:
            saved = self.workspace.save_custom_pose(pose, image)
        except StretchDeskError as error:
            self.message.emit(str(error))
            return None
        self._catalog_updated()
        self.message.emit(f"Added your pose {saved.name!r} to the library")
        return saved

    def free_pose_id(self, wanted: str) -> str:
        candidate, number = wanted, 2
        while candidate in self.workspace.catalog:
            candidate = f"{wanted}-{number}"
            number += 1
        return candidate

    def reload_from_disk(self) -> None:
        """Pick up what the CLI (or a sync tool) changed in the data dir."""
        self.save_now()
        self.workspace.reload()
        if self.workspace.problems:
            self.problems_found.emit(list(self.workspace.problems))
        self._catalog_updated()
        self.refresh_list()
        open_id = self.document.routine_id
        if open_id is None or self.workspace.is_builtin(open_id):
            return
        on_disk = self.workspace.user.get(open_id)
        if on_disk is None:
            self.open_routine(None)
            self.message.emit("The open routine was deleted outside StretchDesk")
        elif self._last_saved is None or on_disk != self._last_saved:
            self.document.undo_stack.clear()
            self._loading = True
            try:
                self.document.open(on_disk, False)
            finally:
                self._loading = False
            self._last_saved = on_disk
            self.message.emit(f"{on_disk.name!r} changed on disk; showing the new version")

    def _catalog_updated(self) -> None:
        self.images.set_catalog(self.workspace.catalog)
        self.document.set_catalog(self.workspace.catalog)
        self.catalog_changed.emit()

    def _current_for_export(self) -> Routine | None:
        self.save_now()
        routine = self.document.routine()
        if routine is None:
            self.message.emit("Open a routine first")
        return routine

    def _after_change(self, open_id: str | None, text: str) -> None:
        if open_id is not None:
            self.open_routine(open_id)
        self.refresh_list()
        self.message.emit(text)
