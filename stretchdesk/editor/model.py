"""The open routine as a Qt tree: every step, rest and block is its own row.

A thin adapter over `core.editing.EditSession`: gestures become one core
operation pushed as one undo command; `execute` replays the operation's
primitives as row insertions, removals and data changes so views keep up.
Rows are identified by small integer keys mirroring the routine's tree, so a
persistent index never points at freed memory.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
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
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.library.model import POSE_MIME, pose_ids_from_mime

STEP_MIME = "application/x-stretchdesk-step-paths"

AnyIndex = QModelIndex | QPersistentModelIndex


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


class _Node:
    """One row's identity; `row` is kept current so paths cost O(depth)."""

    __slots__ = ("block", "children", "key", "parent", "row")

    def __init__(self, key: int, parent: _Node | None, row: int, block: bool) -> None:
        self.key = key
        self.parent = parent
        self.row = row
        self.block = block
        self.children: list[_Node] = []

    def renumber(self, start: int = 0) -> None:
        for row in range(start, len(self.children)):
            self.children[row].row = row


class RoutineTreeModel(QAbstractItemModel):
    items_changed = Signal()
    settings_changed = Signal()
    edit_rejected = Signal(str)

    def __init__(self, catalog: PoseCatalog, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._poses = catalog
        self._stack = undo_stack
        self._session: EditSession | None = None
        self._keys = itertools.count(1)
        self._root = _Node(0, None, 0, True)
        self._checked: tuple[Routine, Operation, Routine, Operation] | None = None
        self._nodes: dict[int, _Node] = {}
        self._token = f"{os.getpid()}:{id(self)}"
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
        self.beginResetModel()
        self._session = EditSession(routine, read_only) if routine is not None else None
        self._nodes.clear()
        self._root.children = []
        if routine is not None:
            self._root.children = self._make_nodes(routine.items, self._root)
        self.endResetModel()
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

    def path_of(self, index: AnyIndex) -> TreePath:
        node = self._nodes.get(index.internalId()) if index.isValid() else None
        path: list[int] = []
        while node is not None and node.parent is not None:
            path.append(node.row)
            node = node.parent
        return tuple(reversed(path))

    def index_of(self, path: TreePath) -> QModelIndex:
        index = QModelIndex()
        for row in path:
            index = self.index(row, 0, index)
        return index

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
        assert self._session is not None
        final, inverse = self.check(operation)
        settings_touched = False
        steps = operation.primitives(self._session.routine)
        skip = False
        for number, step in enumerate(steps):
            if skip:
                skip = False
                continue
            after = step.apply_unchecked(self._session.routine)
            following = steps[number + 1] if number + 1 < len(steps) else None
            if isinstance(step, Remove) and isinstance(following, Insert) and self._move_rows(
                    step, following):
                skip = True
            elif isinstance(step, Insert):
                parent = self.index_of(step.at[:-1])
                node = self._node(parent)
                row = step.at[-1]
                self.beginInsertRows(parent, row, row + len(step.items) - 1)
                self._session.routine = after
                node.children[row:row] = self._make_nodes(step.items, node)
                node.renumber(row)
                self.endInsertRows()
            elif isinstance(step, Remove):
                parent = self.index_of(step.at[:-1])
                node = self._node(parent)
                row = step.at[-1]
                self.beginRemoveRows(parent, row, row + step.count - 1)
                self._session.routine = after
                for gone in node.children[row:row + step.count]:
                    self._forget(gone)
                del node.children[row:row + step.count]
                node.renumber(row)
                self.endRemoveRows()
            elif isinstance(step, Replace):
                self._session.routine = after
                index = self.index_of(step.at)
                self.dataChanged.emit(index, index)
            else:
                self._session.routine = after
                settings_touched = True
        self._session.routine = final
        if settings_touched:
            self.settings_changed.emit()
        self.items_changed.emit()
        return inverse

    def _move_rows(self, remove: Remove, insert: Insert) -> bool:
        """A removal that the next insert puts back elsewhere is announced as one row move,
        so selections, expanded blocks and persistent indexes follow the rows."""
        assert self._session is not None
        before = self._session.routine
        moving = children_of(before, remove.at[:-1])[remove.at[-1]:remove.at[-1] + remove.count]
        if len(moving) != len(insert.items) or any(
                a is not b for a, b in zip(moving, insert.items, strict=True)):
            return False
        source_parent = self.index_of(remove.at[:-1])
        dest_path = before_removal(remove.at, remove.count, insert.at)
        dest_parent = self.index_of(dest_path[:-1])
        first, last = remove.at[-1], remove.at[-1] + remove.count - 1
        if not self.beginMoveRows(source_parent, first, last, dest_parent, dest_path[-1]):
            return False
        source, dest = self._node(source_parent), self._node(dest_parent)
        nodes = source.children[first:last + 1]
        del source.children[first:last + 1]
        source.renumber(first)
        dest.children[insert.at[-1]:insert.at[-1]] = nodes
        for node in nodes:
            node.parent = dest
        dest.renumber()
        self._session.routine = insert.apply_unchecked(remove.apply_unchecked(before))
        self.endMoveRows()
        return True

    def _make_nodes(self, items: Sequence[Item], parent: _Node) -> list[_Node]:
        made = []
        for row, item in enumerate(items):
            node = _Node(next(self._keys), parent, row, isinstance(item, Block))
            self._nodes[node.key] = node
            if isinstance(item, Block):
                node.children = self._make_nodes(item.items, node)
            made.append(node)
        return made

    def _forget(self, node: _Node) -> None:
        self._nodes.pop(node.key, None)
        for child in node.children:
            self._forget(child)

    def _node(self, index: AnyIndex) -> _Node:
        if not index.isValid():
            return self._root
        return self._nodes.get(index.internalId(), self._root)

    # -- Qt model interface -------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        node = self._node(parent)
        if parent.isValid() and node is self._root:
            return QModelIndex()
        if not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row].key)

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, child: AnyIndex) -> QModelIndex: ...

    def parent(self, child: AnyIndex | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        node = self._nodes.get(child.internalId()) if child.isValid() else None
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        above = node.parent
        return self.createIndex(above.row, 0, above.key)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        if parent.isValid() and node is self._root:
            return 0
        return len(node.children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or self._session is None:
            return None
        if index.internalId() not in self._nodes:
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
        node = self._nodes.get(index.internalId())
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        if node.block:
            return _BLOCK_FLAGS if self.read_only else _EDITABLE_BLOCK_FLAGS
        return _STEP_FLAGS if self.read_only else _EDITABLE_STEP_FLAGS

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [STEP_MIME, POSE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        paths = edit_plans.top_most(self.path_of(index) for index in indexes if index.isValid())
        mime = QMimeData()
        mime.setData(STEP_MIME, json.dumps({"model": self._token, "paths": paths}).encode())
        mime.setText("\n".join(str(self.index_of(path).data()) for path in paths))
        return mime

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
        dest = self._drop_destination(row, parent)
        paths = self._own_paths(data)
        if paths:
            return self.edits.move_paths(paths, dest)
        return self.edits.add_poses(pose_ids_from_mime(data), dest)

    def _drop_destination(self, row: int, parent: AnyIndex) -> TreePath:
        target = self.path_of(parent)
        if row >= 0:
            return (*target, min(row, self.rowCount(parent)))
        if not target:
            return (self.rowCount(),)
        if isinstance(self.item(target), Block):
            return (*target, self.rowCount(parent))
        return (*target[:-1], target[-1] + 1)

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
        if not data.hasFormat(STEP_MIME):
            return []
        try:
            payload = json.loads(bytes(data.data(STEP_MIME).data()).decode())
        except (UnicodeDecodeError, json.JSONDecodeError):
            return []
        if not isinstance(payload, dict) or payload.get("model") != self._token:
            return []
        raw = payload.get("paths")
        if not isinstance(raw, list):
            return []
        return [tuple(path) for path in raw
                if isinstance(path, list) and path and all(isinstance(i, int) for i in path)
                and self.index_of(tuple(path)).isValid()]

