"""Undoable edits of a routine's items.

Each user action becomes one `ItemsCommand` on the QUndoStack, made of small
reversible edits that call the model's primitives (which emit the proper Qt
row signals). Redo applies the edits in order; undo reverts them backwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from stretchdesk.core.models import Block, Rest, Step

if TYPE_CHECKING:
    from stretchdesk.editor.model import RoutineItemsModel

Item = Step | Rest | Block


class Edit:
    def apply(self, model: RoutineItemsModel) -> None:
        raise NotImplementedError

    def revert(self, model: RoutineItemsModel) -> None:
        raise NotImplementedError


class Insert(Edit):
    def __init__(self, row: int, items: Sequence[Item]) -> None:
        self.row = row
        self.items = list(items)

    def apply(self, model: RoutineItemsModel) -> None:
        model.insert_items(self.row, self.items)

    def revert(self, model: RoutineItemsModel) -> None:
        model.take_items(self.row, len(self.items))


class Remove(Edit):
    def __init__(self, rows: Sequence[int]) -> None:
        self.rows = sorted(set(rows))
        self.taken: list[Item] = []

    def apply(self, model: RoutineItemsModel) -> None:
        taken = [model.take_items(row, 1)[0] for row in reversed(self.rows)]
        self.taken = list(reversed(taken))

    def revert(self, model: RoutineItemsModel) -> None:
        for row, item in zip(self.rows, self.taken, strict=True):
            model.insert_items(row, [item])


class Replace(Edit):
    def __init__(self, row: int, item: Item) -> None:
        self.row = row
        self.new = item
        self.old: Item | None = None

    def apply(self, model: RoutineItemsModel) -> None:
        self.old = model.put_item(self.row, self.new)

    def revert(self, model: RoutineItemsModel) -> None:
        assert self.old is not None
        model.put_item(self.row, self.old)


class Move(Edit):
    """Moves rows (not necessarily adjacent) so they land together, in order,
    before `dest`; done as single-row moves so views keep their selection."""

    def __init__(self, rows: Sequence[int], dest: int) -> None:
        self.rows = sorted(set(rows))
        self.dest = dest
        self.done: list[tuple[int, int]] = []

    def apply(self, model: RoutineItemsModel) -> None:
        order = list(range(model.rowCount()))
        self.done = []
        insert_at = self.dest
        for original in self.rows:
            current = order.index(original)
            if insert_at in (current, current + 1):
                landed = current
            else:
                model.move_block(current, 1, insert_at)
                self.done.append((current, insert_at))
                order.insert(insert_at if insert_at < current else insert_at - 1, order.pop(current))
                landed = insert_at if insert_at < current else insert_at - 1
            insert_at = landed + 1

    def revert(self, model: RoutineItemsModel) -> None:
        for source, dest in reversed(self.done):
            if dest > source:
                model.move_block(dest - 1, 1, source)
            else:
                model.move_block(dest, 1, source + 1)

    def changes_anything(self, row_count: int) -> bool:
        order = list(range(row_count))
        moved = [order[row] for row in self.rows]
        before = [row for row in order[: self.dest] if row not in self.rows]
        after = [row for row in order[self.dest :] if row not in self.rows]
        return before + moved + after != order


class ItemsCommand(QUndoCommand):
    def __init__(self, model: RoutineItemsModel, text: str, edits: Sequence[Edit]) -> None:
        super().__init__(text)
        self._model = model
        self._edits = list(edits)

    def redo(self) -> None:
        for edit in self._edits:
            edit.apply(self._model)
        self._model.items_changed.emit()

    def undo(self) -> None:
        for edit in reversed(self._edits):
            edit.revert(self._model)
        self._model.items_changed.emit()
