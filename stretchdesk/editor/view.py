"""The routine as a tree: blocks open with their steps indented below them.

Drag to reorder (within, into, out of and between blocks), drop poses in, and
move with the keyboard: Alt+Up/Down past a neighbour, Alt+Right into the block
above, Alt+Left out of the block.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from stretchdesk.core.editing import TreePath
from stretchdesk.editor.model import ItemRole

_MOVE_KEYS = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Right: "in",
              Qt.Key.Key_Left: "out"}

AnyIndex = QModelIndex | QPersistentModelIndex


class RoutineView(QTreeView):
    move_requested = Signal(str)
    delete_requested = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = undo_stack
        self.setObjectName("routineView")
        self.setAccessibleName("Routine steps")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setIndentation(22)
        self.setRootIsDecorated(True)
        self.setItemsExpandable(True)
        self.setExpandsOnDoubleClick(False)
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

    def rowsInserted(self, parent: AnyIndex, start: int, end: int) -> None:
        """New blocks show their steps at once."""
        super().rowsInserted(parent, start, end)
        model = self.model()
        for row in range(start, end + 1):
            self._expand_blocks(model.index(row, 0, parent))

    def reset(self) -> None:
        super().reset()
        self.expandAll()

    def _expand_blocks(self, index: QModelIndex) -> None:
        if index.data(ItemRole.KIND) != "block":
            return
        self.expand(index)
        for row in range(self.model().rowCount(index)):
            self._expand_blocks(self.model().index(row, 0, index))

    def dropEvent(self, event: QDropEvent) -> None:
        """One drop is one model call (one undo step). A move within the view is done by
        the model itself, so the drag must not then remove the source rows again."""
        super().dropEvent(event)
        if event.source() is self and event.isAccepted():
            event.setDropAction(Qt.DropAction.CopyAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        direction = _MOVE_KEYS.get(Qt.Key(event.key()))
        if alt and direction is not None:
            self.move_requested.emit(direction)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != (
            QAbstractItemView.State.EditingState
        ):
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def selected_paths(self) -> list[TreePath]:
        selection = self.selectionModel()
        if selection is None:
            return []
        return sorted({tuple(index.data(ItemRole.PATH)) for index in selection.selectedIndexes()})
