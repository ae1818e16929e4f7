"""Deleting a routine as an undo step, and Routine ▸ Trash listing every deleted one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMenu, QWidget

from stretchdesk.core.trash import TrashedRoutine

if TYPE_CHECKING:
    from stretchdesk.routines.controller import RoutineController


class DeleteRoutineCommand(QUndoCommand):
    """Redo moves the routine's file to trash/, undo moves it back and opens it."""

    def __init__(self, controller: RoutineController, routine_id: str, name: str) -> None:
        super().__init__(f"Delete routine {name!r}")
        self._controller = controller
        self._routine_id = routine_id
        self._name = name
        self.trashed: Path | None = None

    def redo(self) -> None:
        self.trashed = self._controller.move_to_trash(self._routine_id, self._name)
        if self.trashed is None:
            self.setObsolete(True)

    def undo(self) -> None:
        if self.trashed is not None:
            self._controller.bring_back(self.trashed, self._routine_id)
            self.trashed = None


class TrashMenu(QMenu):
    """Filled each time it opens, so it is never stale; choosing an entry restores it."""

    def __init__(self, controller: RoutineController, parent: QWidget | None = None) -> None:
        super().__init__("&Trash", parent)
        self.setObjectName("trashMenu")
        self.setToolTipsVisible(True)
        self._controller = controller
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        self.clear()
        entries = self._controller.trash()
        if not entries:
            self.addAction("Trash is empty").setEnabled(False)
            return
        for entry in entries:
            when = entry.deleted.astimezone().strftime("%d %b %Y, %H:%M")
            action = self.addAction(f"{entry.routine.name} — deleted {when}")
            action.setToolTip(f"Restore {entry.routine.name!r} to your routines")
            action.triggered.connect(lambda _=False, entry=entry: self._restore(entry))

    def _restore(self, entry: TrashedRoutine) -> None:
        self._controller.restore_from_trash(entry)
