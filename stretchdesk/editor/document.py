"""The routine being edited: its settings, its items model and its undo history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from stretchdesk.core.models import Pose, Routine
from stretchdesk.core.timeline import Timeline, expand
from stretchdesk.editor.model import RoutineItemsModel

SETTING_FIELDS = (
    "name", "description", "prepare_seconds", "transition_seconds", "switch_seconds", "first_side",
)
_SETTINGS_COMMAND_ID = 7001


class SettingsCommand(QUndoCommand):
    """One settings change; typing in the same field merges into one undo step."""

    def __init__(self, document: RoutineDocument, field: str, old: Any, new: Any) -> None:
        super().__init__(f"Change {field.replace('_seconds', '').replace('_', ' ')}")
        self._document = document
        self.field = field
        self._old = old
        self._new = new

    def id(self) -> int:
        return _SETTINGS_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SettingsCommand) or other.field != self.field:
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._document.apply_setting(self.field, self._new)

    def undo(self) -> None:
        self._document.apply_setting(self.field, self._old)


class RoutineDocument(QObject):
    changed = Signal()
    settings_changed = Signal()
    edit_rejected = Signal(str)

    def __init__(self, catalog: Mapping[str, Pose], undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.undo_stack = undo_stack
        self.model = RoutineItemsModel(catalog, undo_stack)
        self._base: Routine | None = None
        self._settings: dict[str, Any] = {}
        self._read_only = True
        self.model.items_changed.connect(self.changed)
        self.model.edit_rejected.connect(self.edit_rejected)

    @property
    def is_open(self) -> bool:
        return self._base is not None

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def routine_id(self) -> str | None:
        return self._base.id if self._base else None

    def set_catalog(self, catalog: Mapping[str, Pose]) -> None:
        self._catalog = catalog
        self.model.set_catalog(catalog)
        self.changed.emit()

    def open(self, routine: Routine | None, read_only: bool) -> None:
        """Show a routine (None closes); starts a fresh undo history."""
        self.undo_stack.clear()
        self._base = routine
        self._read_only = read_only or routine is None
        self._settings = {f: getattr(routine, f) for f in SETTING_FIELDS} if routine else {}
        self.model.load(routine.items if routine else [], self._read_only)
        self.settings_changed.emit()
        self.changed.emit()

    def setting(self, field: str) -> Any:
        return self._settings.get(field)

    def set_setting(self, field: str, value: Any) -> bool:
        if self._base is None or self._read_only or self._settings.get(field) == value:
            return False
        if field == "name" and not str(value).strip():
            self.edit_rejected.emit("A routine needs a name")
            return False
        self.undo_stack.push(SettingsCommand(self, field, self._settings[field], value))
        return True

    def apply_setting(self, field: str, value: Any) -> None:
        self._settings[field] = value
        self.settings_changed.emit()
        self.changed.emit()

    def routine(self) -> Routine | None:
        """The routine as edited so far (unvalidated copy, cheap enough per keystroke)."""
        if self._base is None:
            return None
        return self._base.model_copy(update={"items": self.model.items(), **self._settings})

    def routine_to_save(self) -> Routine | None:
        """A validated copy stamped with the edit time, ready for Workspace.save."""
        if self._base is None or self._read_only:
            return None
        routine = self._base.touched(items=self.model.items(), **self._settings)
        self._base = routine
        return routine

    def timeline(self) -> Timeline | None:
        routine = self.routine()
        return expand(routine, self._catalog) if routine else None
