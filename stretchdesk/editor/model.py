"""The open routine as a Qt tree: every step, rest and block is its own row.

A thin adapter over `core.editing.EditSession`: gestures become one core
operation pushed as one undo command; `execute` replays the operation's
primitives as row insertions, removals and data changes so views keep up.
Row identity lives in `tree_rows`, what a drag carries in `step_mime`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack

from stretchdesk.core import edit_plans
from stretchdesk.core.edit_plans import before_removal
from stretchdesk.core.editing import (
    EditSession,
    Insert,
    Item,
    Operation,
    Remove,
    Replace,
    RoutineSettings,
    TreePath,
    children_of,
    item_at,
)
from stretchdesk.core.models import Block, Pose, Routine, Step
from stretchdesk.editor.edits import RoutineEdits
from stretchdesk.editor.labels import hold_text, item_title
from stretchdesk.editor.step_mime import (
    STEP_MIME,
    drop_destination,
    model_token,
    step_paths_from_mime,
    step_paths_mime,
)
from stretchdesk.editor.tree_rows import AnyIndex, RowTree
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.library.model import POSE_MIME, pose_ids_from_mime

__all__ = ["STEP_MIME", "AnyIndex", "ItemRole", "RoutineTreeModel"]


class ItemRole(IntEnum):
    ITEM = Qt.ItemDataRole.UserRole + 1
    POSE = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3
    PATH = Qt.ItemDataRole.UserRole + 4


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole, *ItemRole,
})


_BLOCK_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)
_STEP_FLAGS = _BLOCK_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_BLOCK_FLAGS = _BLOCK_FLAGS | Qt.ItemFlag.ItemIsDropEnabled
_EDITABLE_STEP_FLAGS = _STEP_FLAGS | Qt.ItemFlag.ItemIsEditable


class RoutineTreeModel(RowTree):
    items_changed = Signal()
    settings_changed = Signal()
    edit_rejected = Signal(str)

    def __init__(self, catalog: PoseCatalog, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._poses = catalog
        self._stack = undo_stack
        self._session: EditSession | None = None
        self._checked: tuple[Routine, Operation, Routine, Operation] | None = None
        self._token = model_token(self)
        self.edits = RoutineEdits(self, undo_stack)
        self._poses.changed.connect(self._on_catalog_changed)

    # -- state -------------------------------------------------------------
    @property
    def catalog(self) -> Mapping[str, Pose]:
        return self._poses.current

    @property
    def _catalog(self) -> Mapping[str, Pose]:
        return self._poses.current

    def _on_catalog_changed(self) -> None:
        """Names, holds and pictures of poses may have changed: every row repaints."""
        self._changed_below(QModelIndex())
        self.items_changed.emit()

    def _changed_below(self, parent: QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 0, parent))
        for row in range(rows):
            self._changed_below(self.index(row, 0, parent))

    @property
    def read_only(self) -> bool:
        return self._session is None or self._session.read_only

    def load(self, routine: Routine | None, read_only: bool) -> None:
        """Show another routine; not undoable (the caller clears the stack)."""
        def commit() -> None:
            self._session = EditSession(routine, read_only) if routine is not None else None

        self._reset_rows(routine.items if routine is not None else (), commit)
        self.settings_changed.emit()
        self.items_changed.emit()

    def routine(self) -> Routine | None:
        return self._session.routine if self._session else None

    def settings(self) -> RoutineSettings | None:
        return self._session.settings if self._session else None

    def items(self) -> list[Item]:
        """The top-level items."""
        return list(self._session.routine.items) if self._session else []

    def item(self, path: TreePath) -> Item:
        assert self._session is not None
        return item_at(self._session.routine, path)

    # -- checking and applying core operations ---------------------------
    def check(self, operation: Operation) -> tuple[Routine, Operation]:
        """The session's check, remembered so checking then pushing validates once
        (raises EditRejected)."""
        assert self._session is not None
        before = self._session.routine
        if self._checked is not None and self._checked[0] is before and (
                self._checked[1] is operation):
            return self._checked[2], self._checked[3]
        result, inverse = self._session.check(operation)
        self._checked = (before, operation, result, inverse)
        return result, inverse

    # -- called by the undo commands --------------------------------------
    def execute(self, operation: Operation) -> Operation:
        """Apply an operation with the row signals of each primitive; returns its inverse."""
        session = self._session
        assert session is not None
        final, inverse = self.check(operation)
        settings_touched = False
        steps = operation.primitives(session.routine)
        skip = False
        for number, step in enumerate(steps):
            if skip:
                skip = False
                continue
            after = step.apply_unchecked(session.routine)

            def commit(after: Routine = after) -> None:
                session.routine = after

            following = steps[number + 1] if number + 1 < len(steps) else None
            if isinstance(step, Remove) and isinstance(following, Insert) and self._replay_move(
                    step, following):
                skip = True
            elif isinstance(step, Insert):
                self._insert_rows(step.at, step.items, commit)
            elif isinstance(step, Remove):
                self._remove_rows(step.at, step.count, commit)
            elif isinstance(step, Replace):
                commit()
                index = self.index_of(step.at)
                self.dataChanged.emit(index, index)
            else:
                commit()
                settings_touched = True
        session.routine = final
        if settings_touched:
            self.settings_changed.emit()
        self.items_changed.emit()
        return inverse

    def _replay_move(self, remove: Remove, insert: Insert) -> bool:
        """A removal that the next insert puts back elsewhere is announced as one row move,
        so selections, expanded blocks and persistent indexes follow the rows."""
        session = self._session
        assert session is not None
        before = session.routine
        moving = children_of(before, remove.at[:-1])[remove.at[-1]:remove.at[-1] + remove.count]
        if len(moving) != len(insert.items) or any(
                a is not b for a, b in zip(moving, insert.items, strict=True)):
            return False

        def commit() -> None:
            session.routine = insert.apply_unchecked(remove.apply_unchecked(before))

        return self._move_rows(remove.at, remove.count,
                               before_removal(remove.at, remove.count, insert.at), insert.at,
                               commit)

    # -- Qt model interface: content ------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or self._session is None:
            return None
        if self._is_block_row(index) is None:
            return None
        path = self.path_of(index)
        item = item_at(self._session.routine, path)
        if role == ItemRole.ITEM:
            return item
        if role == ItemRole.PATH:
            return path
        if role == Qt.ItemDataRole.DisplayRole:
            return item_title(item, self._catalog)
        if role == Qt.ItemDataRole.EditRole:
            return hold_text(item, self._catalog)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            number = ".".join(str(row + 1) for row in path)
            return f"{number}. {item_title(item, self._catalog)} {hold_text(item, self._catalog)}"
        if role == ItemRole.POSE:
            return self._catalog.get(item.pose) if isinstance(item, Step) else None
        if role == ItemRole.KIND:
            return item.type
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        return self.edits.set_hold_text(self.path_of(index), str(value))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags if self.read_only else Qt.ItemFlag.ItemIsDropEnabled
        block = self._is_block_row(index)
        if block is None:
            return Qt.ItemFlag.NoItemFlags
        if block:
            return _BLOCK_FLAGS if self.read_only else _EDITABLE_BLOCK_FLAGS
        return _STEP_FLAGS if self.read_only else _EDITABLE_STEP_FLAGS

    # -- Qt model interface: drag and drop, moves and removals ----------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [STEP_MIME, POSE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        paths = edit_plans.top_most(self.path_of(index) for index in indexes if index.isValid())
        return step_paths_mime(self._token, paths,
                               [str(self.index_of(path).data()) for path in paths])

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        if self.read_only or action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        return bool(self._own_paths(data)) or bool(pose_ids_from_mime(data))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        """Drop before `row` under `parent`; with no row, into a block or after a step."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.path_of(parent)
        dest = drop_destination(target, row, self.rowCount(parent),
                                bool(target) and isinstance(self.item(target), Block),
                                self.rowCount())
        paths = self._own_paths(data)
        if paths:
            return self.edits.move_paths(paths, dest)
        return self.edits.add_poses(pose_ids_from_mime(data), dest)

    def moveRows(self, source_parent: AnyIndex, source_row: int, count: int,
                 destination_parent: AnyIndex, destination_child: int) -> bool:
        if count < 1 or source_row < 0 or source_row + count > self.rowCount(source_parent):
            return False
        source = self.path_of(source_parent)
        paths = [(*source, row) for row in range(source_row, source_row + count)]
        return self.edits.move_paths(paths, (*self.path_of(destination_parent), destination_child))

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if count < 1 or row < 0 or row + count > self.rowCount(parent):
            return False
        above = self.path_of(parent)
        return self.edits.delete_paths([(*above, r) for r in range(row, row + count)])

    def _own_paths(self, data: QMimeData) -> list[TreePath]:
        """Paths dragged from this model that still name a row."""
        return [path for path in step_paths_from_mime(data, self._token)
                if self.index_of(path).isValid()]
