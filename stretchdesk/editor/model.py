"""The open routine's top-level items as a Qt list model.

Views and drops call the usual Qt entry points (moveRows, removeRows, setData,
dropMimeData); each turns into one undoable command. The commands call back
into the primitives at the bottom, which are the only code that changes rows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack

from stretchdesk.core.models import (
    MAX_BLOCK_DEPTH,
    Block,
    BlockMode,
    Hold,
    Pose,
    Rest,
    Sides,
    Step,
)
from stretchdesk.editor.commands import Edit, Insert, Item, ItemsCommand, Move, Remove, Replace
from stretchdesk.library.model import POSE_MIME, pose_ids_from_mime

STEP_MIME = "application/x-stretchdesk-step-rows"
MAX_ITEMS = 500

AnyIndex = QModelIndex | QPersistentModelIndex


class ItemRole(IntEnum):
    ITEM = Qt.ItemDataRole.UserRole + 1
    POSE = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3


def item_title(item: Item, catalog: Mapping[str, Pose]) -> str:
    if isinstance(item, Step):
        pose = catalog.get(item.pose)
        return pose.name if pose else f"Unknown pose ({item.pose})"
    if isinstance(item, Rest):
        return "Rest"
    count = f"{len(item.items)} step{'s' if len(item.items) != 1 else ''}"
    if item.mode is BlockMode.EACH_SIDE:
        return f"Block · each side · {count}"
    return f"Block · {item.rounds} rounds · {count}"


def hold_text(item: Item, catalog: Mapping[str, Pose]) -> str:
    if isinstance(item, Step):
        if item.hold is not None:
            return item.hold.label()
        pose = catalog.get(item.pose)
        return pose.hold.label() if pose else ""
    if isinstance(item, Rest):
        return Hold(seconds=item.seconds).label()
    return ""


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole, *ItemRole,
})


class RoutineItemsModel(QAbstractListModel):
    items_changed = Signal()
    edit_rejected = Signal(str)

    def __init__(self, catalog: Mapping[str, Pose], undo_stack: QUndoStack) -> None:
        super().__init__()
        self._catalog = catalog
        self._stack = undo_stack
        self._items: list[Item] = []
        self._read_only = False
        self._token = f"{os.getpid()}:{id(self)}"

    # -- state -------------------------------------------------------------
    @property
    def catalog(self) -> Mapping[str, Pose]:
        return self._catalog

    def set_catalog(self, catalog: Mapping[str, Pose]) -> None:
        self._catalog = catalog
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    @property
    def read_only(self) -> bool:
        return self._read_only

    def load(self, items: Sequence[Item], read_only: bool) -> None:
        """Show another routine's items; not undoable (the caller clears the stack)."""
        self.beginResetModel()
        self._items = list(items)
        self._read_only = read_only
        self.endResetModel()

    def items(self) -> list[Item]:
        return list(self._items)

    def item(self, row: int) -> Item:
        return self._items[row]

    # -- undoable operations ----------------------------------------------
    def add_poses(self, pose_ids: Sequence[str], row: int = -1) -> bool:
        known = [pose_id for pose_id in pose_ids if pose_id in self._catalog]
        if not known:
            return False
        row = len(self._items) if row < 0 or row > len(self._items) else row
        steps = [Step(pose=pose_id) for pose_id in known]
        name = self._catalog[known[0]].name if len(known) == 1 else f"{len(known)} poses"
        return self._push(f"Add {name}", [Insert(row, steps)], adds=len(steps))

    def add_rest(self, seconds: float = 30, row: int = -1) -> bool:
        row = len(self._items) if row < 0 or row > len(self._items) else row
        return self._push("Add rest", [Insert(row, [Rest(seconds=seconds)])], adds=1)

    def delete_rows(self, rows: Sequence[int]) -> bool:
        rows = sorted({row for row in rows if 0 <= row < len(self._items)})
        if not rows:
            return False
        label = "step" if len(rows) == 1 else f"{len(rows)} steps"
        return self._push(f"Delete {label}", [Remove(rows)])

    def move_rows(self, rows: Sequence[int], dest: int) -> bool:
        rows = sorted({row for row in rows if 0 <= row < len(self._items)})
        if not rows or not 0 <= dest <= len(self._items):
            return False
        move = Move(rows, dest)
        if not move.changes_anything(len(self._items)):
            return False
        return self._push("Move step" if len(rows) == 1 else "Move steps", [move])

    def replace_item(self, row: int, item: Item, text: str) -> bool:
        if not 0 <= row < len(self._items) or self._items[row] == item:
            return False
        return self._push(text, [Replace(row, item)])

    def set_hold_text(self, row: int, text: str) -> bool:
        """Apply what the runner typed as a hold; empty text means the pose's own hold."""
        item = self._items[row]
        try:
            hold = Hold.parse(text) if text.strip() else None
        except ValueError as error:
            self.edit_rejected.emit(str(error))
            return False
        if isinstance(item, Step):
            return self.replace_item(row, item.model_copy(update={"hold": hold}), "Change hold")
        if isinstance(item, Rest) and hold is not None:
            rest = item.model_copy(update={"seconds": min(hold.total_seconds(), 1800.0)})
            return self.replace_item(row, rest, "Change rest")
        return False

    def set_sides(self, row: int, sides: Sides) -> bool:
        item = self._items[row]
        if not isinstance(item, Step):
            return False
        return self.replace_item(row, item.model_copy(update={"sides": sides}), "Change sides")

    def set_note(self, row: int, note: str) -> bool:
        item = self._items[row]
        return self.replace_item(row, item.model_copy(update={"note": note[:300]}), "Change note")

    def set_block_mode(self, row: int, mode: BlockMode, rounds: int) -> bool:
        item = self._items[row]
        if not isinstance(item, Block):
            return False
        mode = BlockMode(mode)
        rounds = 1 if mode is BlockMode.EACH_SIDE else max(1, min(50, rounds))
        block = Block(mode=mode, rounds=rounds, items=item.items, note=item.note)
        return self.replace_item(row, block, "Change block")

    def group_rows(self, rows: Sequence[int], mode: BlockMode, rounds: int = 2) -> bool:
        rows = sorted({row for row in rows if 0 <= row < len(self._items)})
        if not rows:
            return False
        inner = [self._items[row] for row in rows]
        mode = BlockMode(mode)
        rounds = 1 if mode is BlockMode.EACH_SIDE else max(1, min(50, rounds))
        block = Block(mode=mode, rounds=rounds, items=inner)
        if block.depth() > MAX_BLOCK_DEPTH:
            self.edit_rejected.emit(f"blocks nest at most {MAX_BLOCK_DEPTH} deep")
            return False
        return self._push("Group into block", [Remove(rows), Insert(rows[0], [block])])

    def ungroup(self, row: int) -> bool:
        item = self._items[row] if 0 <= row < len(self._items) else None
        if not isinstance(item, Block):
            return False
        adds = len(item.items) - 1
        return self._push("Ungroup block", [Remove([row]), Insert(row, item.items)], adds=adds)

    def _push(self, text: str, edits: list[Edit], adds: int = 0) -> bool:
        if self._read_only:
            self.edit_rejected.emit("This routine is built in; duplicate it to edit")
            return False
        if len(self._items) + adds > MAX_ITEMS:
            self.edit_rejected.emit(f"A routine holds at most {MAX_ITEMS} steps")
            return False
        self._stack.push(ItemsCommand(self, text, edits))
        return True

    # -- Qt model interface -------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._items):
            return None
        item = self._items[row]
        if role == ItemRole.ITEM:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return item_title(item, self._catalog)
        if role == Qt.ItemDataRole.EditRole:
            return hold_text(item, self._catalog)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{index.row() + 1}. {item_title(item, self._catalog)} {hold_text(item, self._catalog)}"
        if role == ItemRole.POSE:
            return self._catalog.get(item.pose) if isinstance(item, Step) else None
        if role == ItemRole.KIND:
            return item.type
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.set_hold_text(index.row(), str(value))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags if self._read_only else Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if not self._read_only and not isinstance(self._items[index.row()], Block):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [STEP_MIME, POSE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime = QMimeData()
        mime.setData(STEP_MIME, json.dumps({"model": self._token, "rows": rows}).encode())
        mime.setText("\n".join(item_title(self._items[row], self._catalog) for row in rows))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if self._read_only or action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        return bool(self._own_rows(data)) or bool(pose_ids_from_mime(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        rows = self._own_rows(data)
        if rows:
            return self.move_rows(rows, row)
        return self.add_poses(pose_ids_from_mime(data), row)

    def moveRows(
        self, source_parent: AnyIndex, source_row: int, count: int,
        destination_parent: AnyIndex, destination_child: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > len(self._items):
            return False
        if source_row <= destination_child <= source_row + count:
            return False
        return self.move_rows(range(source_row, source_row + count), destination_child)

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._items):
            return False
        return self.delete_rows(range(row, row + count))

    def _own_rows(self, data: QMimeData) -> list[int]:
        if not data.hasFormat(STEP_MIME):
            return []
        try:
            payload = json.loads(bytes(data.data(STEP_MIME).data()).decode())
        except (UnicodeDecodeError, json.JSONDecodeError):
            return []
        if not isinstance(payload, dict) or payload.get("model") != self._token:
            return []
        rows = payload.get("rows")
        if not isinstance(rows, list):
            return []
        return [r for r in rows if isinstance(r, int) and 0 <= r < len(self._items)]

    # -- primitives, called only by commands ------------------------------
    def insert_items(self, row: int, items: Sequence[Item]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(items) - 1)
        self._items[row:row] = list(items)
        self.endInsertRows()

    def take_items(self, row: int, count: int) -> list[Item]:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        taken = self._items[row : row + count]
        del self._items[row : row + count]
        self.endRemoveRows()
        return taken

    def put_item(self, row: int, item: Item) -> Item:
        old = self._items[row]
        self._items[row] = item
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return old

    def move_block(self, source: int, count: int, dest: int) -> None:
        if not self.beginMoveRows(QModelIndex(), source, source + count - 1, QModelIndex(), dest):
            return
        moving = self._items[source : source + count]
        del self._items[source : source + count]
        at = dest if dest < source else dest - count
        self._items[at:at] = moving
        self.endMoveRows()
