"""The list of routine steps: drag to reorder, drop poses in, keyboard moves."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget


class RoutineView(QListView):
    """Dropping several steps at once becomes one undo step (one macro)."""

    move_requested = Signal(int)
    delete_requested = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = undo_stack
        self.setObjectName("routineView")
        self.setAccessibleName("Routine steps")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def dropEvent(self, event: QDropEvent) -> None:
        self._stack.beginMacro("Move steps" if event.source() is self else "Drop poses")
        try:
            super().dropEvent(event)
        finally:
            self._stack.endMacro()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
            return
        if alt and event.key() == Qt.Key.Key_Down:
            self.move_requested.emit(1)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != (
            QAbstractItemView.State.EditingState
        ):
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def selected_rows(self) -> list[int]:
        model = self.selectionModel()
        return sorted({index.row() for index in model.selectedIndexes()}) if model else []
