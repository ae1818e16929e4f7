"""Qt undo commands; each only wraps one operation from `stretchdesk.core.editing`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from stretchdesk.core.editing import Operation, SetSettings

if TYPE_CHECKING:
    from stretchdesk.editor.model import RoutineTreeModel

_SETTINGS_COMMAND_ID = 7001


class EditCommand(QUndoCommand):
    """Redo applies the operation and keeps its inverse; undo applies the inverse."""

    def __init__(self, model: RoutineTreeModel, text: str, operation: Operation) -> None:
        super().__init__(text)
        self._model = model
        self._operation = operation
        self._inverse: Operation | None = None

    def redo(self) -> None:
        self._inverse = self._model.execute(self._operation)

    def undo(self) -> None:
        assert self._inverse is not None
        self._model.execute(self._inverse)


class SettingsCommand(EditCommand):
    """Typing in one settings field merges into one undo step."""

    def __init__(self, model: RoutineTreeModel, text: str, operation: SetSettings,
                 fields: frozenset[str]) -> None:
        super().__init__(model, text, operation)
        self.fields = fields

    def id(self) -> int:
        return _SETTINGS_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SettingsCommand) or other.fields != self.fields:
            return False
        self._operation = other._operation
        return True
