"""Routine management behind the menus: open, new, duplicate, delete (undoable, and a trash),
import, export, autosave, and picking up changes made on disk (your own poses:
`library/custom_poses.py`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Routine
from stretchdesk.core.trash import TrashedRoutine, list_trash
from stretchdesk.core.workspace import RoutineEntry, Workspace
from stretchdesk.editor.document import RoutineDocument
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.pose_images import PoseImages
from stretchdesk.routines.model import RoutineListModel
from stretchdesk.routines.trash import DeleteRoutineCommand

AUTOSAVE_MS = 600
RELOAD_MS = 400
NEW_ROUTINE_NAME = "New routine"
NEW_ROUTINE_HINT = "Created a new routine: type its name, then add poses from the library"


class RoutineController(QObject):
    message_posted = Signal(str)
    problems_found = Signal(list)
    list_refreshed = Signal()

    def __init__(self, workspace: Workspace, catalog: PoseCatalog, document: RoutineDocument,
                 model: RoutineListModel, images: PoseImages, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.catalog = catalog
        self.document = document
        self.model = model
        self.images = images
        self._last_saved: Routine | None = None
        self._loading = False
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

    def open_routine(self, routine_id: str | None, keep_history: bool = False) -> None:
        if routine_id == self.document.routine_id:
            return
        self.save_now()
        routine = None
        if routine_id is not None:
            try:
                routine = self.workspace.get(routine_id)
            except StretchDeskError as error:
                self.message_posted.emit(str(error))
        self._loading = True
        try:
            self.document.open(routine, routine is None or self.workspace.is_builtin(routine.id),
                               keep_history)
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
            self.message_posted.emit(f"Not saved: {error}")
            return False
        self._last_saved = routine
        return True

    # -- management ---------------------------------------------------------
    def new_routine(self, name: str = NEW_ROUTINE_NAME) -> Routine | None:
        routine = Routine(name=self.workspace.unique_name(name))
        try:
            self.workspace.save(routine)
        except StretchDeskError as error:
            self.message_posted.emit(f"Not created: {error}")
            return None
        # the placeholder name is about to be typed over: a message naming it would go stale
        said = NEW_ROUTINE_HINT if name == NEW_ROUTINE_NAME else f"Created {routine.name!r}"
        self._after_change(routine.id, said)
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
        try:
            copy = self.workspace.duplicate(source)
        except StretchDeskError as error:
            self.message_posted.emit(f"Not duplicated: {error}")
            return None
        self._after_change(copy.id, f"Duplicated as {copy.name!r}; this copy is yours to edit")
        return copy

    def delete(self, routine_id: str | None = None) -> Path | None:
        """Move a routine to trash/ as one undo step (Ctrl+Z brings it back)."""
        target = routine_id or self.document.routine_id
        if target is None or self.workspace.is_builtin(target):
            self.message_posted.emit("Built-in routines can't be deleted")
            return None
        self.save_now()
        try:
            name = self.workspace.get(target).name
        except StretchDeskError as error:
            self.message_posted.emit(str(error))
            return None
        command = DeleteRoutineCommand(self, target, name)
        self.document.undo_stack.push(command)
        return command.trashed

    def move_to_trash(self, routine_id: str, name: str) -> Path | None:
        """The deletion itself, run by the undo command (first time and on redo)."""
        try:
            trashed = self.workspace.delete(routine_id)
        except StretchDeskError as error:
            self.message_posted.emit(str(error))
            return None
        if self.document.routine_id == routine_id:
            self._autosave.stop()
            self._loading = True
            try:
                self.document.open(None, True, keep_history=True)
            finally:
                self._loading = False
            self._last_saved = None
        self.refresh_list()
        self.message_posted.emit(f"Deleted {name!r}; Ctrl+Z or Routine ▸ Trash brings it back")
        return trashed

    def bring_back(self, trashed: Path, routine_id: str, keep_history: bool = True) -> Routine | None:
        """Restore a trashed routine file and open it."""
        try:
            routine = self.workspace.restore(trashed, routine_id)
        except StretchDeskError as error:
            self.message_posted.emit(str(error))
            return None
        self.open_routine(routine.id, keep_history=keep_history)
        self.refresh_list()
        self.message_posted.emit(f"Restored {routine.name!r}")
        return routine

    def trash(self) -> list[TrashedRoutine]:
        entries, problems = list_trash(self.workspace.store.trash_dir)
        if problems:
            self.problems_found.emit(problems)
        return entries

    def restore_from_trash(self, entry: TrashedRoutine) -> Routine | None:
        if entry.routine.id in self.workspace.user:
            self.message_posted.emit(f"{entry.routine.name!r} is already in your routines; "
                              "delete or rename that one first")
            return None
        return self.bring_back(entry.path, entry.routine.id, keep_history=False)

    def import_path(self, path: Path) -> Routine | None:
        try:
            routine = self.workspace.import_file(path)
        except StretchDeskError as error:
            self.message_posted.emit(str(error))
            return None
        self._catalog_updated()
        self._after_change(routine.id, f"Imported {routine.name!r}")
        return routine

    def export_json(self, path: Path) -> bool:
        routine = self._current_for_export()
        if routine is None:
            return False
        try:
            self.workspace.export(routine, path)
        except StretchDeskError as error:
            self.message_posted.emit(str(error))
            return False
        self.message_posted.emit(f"Exported {routine.name!r} to {path}")
        return True

    def export_pdf(self, path: Path) -> int:
        routine = self._current_for_export()
        if routine is None:
            return 0
        if self.workspace.store.inside(path.parent):
            self.message_posted.emit(f"{path}: is inside the data dir; save the sheet to a folder outside it")
            return 0
        from stretchdesk.routines.pdf import export_pdf  # QPdfWriter and its fonts: only when asked

        try:
            pages = export_pdf(routine, self.workspace.catalog, self.images, path)
        except StretchDeskError as error:
            self.message_posted.emit(str(error))
            return 0
        self.message_posted.emit(f"Wrote a {pages}-page sheet to {path}")
        return pages

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
            self.message_posted.emit("The open routine was deleted outside StretchDesk")
        elif self._last_saved is None or on_disk != self._last_saved:
            self.document.undo_stack.clear()
            self._loading = True
            try:
                self.document.open(on_disk, False)
            finally:
                self._loading = False
            self._last_saved = on_disk
            self.message_posted.emit(f"{on_disk.name!r} changed on disk; showing the new version")

    def _catalog_updated(self) -> None:
        """The workspace's catalog may be a new object now; everything showing poses follows."""
        self.catalog.set(self.workspace.catalog)

    def _current_for_export(self) -> Routine | None:
        self.save_now()
        routine = self.document.routine()
        if routine is None:
            self.message_posted.emit("Open a routine first")
        return routine

    def _after_change(self, open_id: str | None, text: str) -> None:
        if open_id is not None:
            self.open_routine(open_id)
        self.refresh_list()
        self.message_posted.emit(text)
