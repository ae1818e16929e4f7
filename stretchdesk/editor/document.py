"""The routine being edited: its tree model (which holds the core edit session),
its undo history, and what saving and the live total need from it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from stretchdesk.core.editing import RoutineSettings
from stretchdesk.core.models import Pose, Routine
from stretchdesk.core.timeline import Timeline, expand
from stretchdesk.editor.model import RoutineTreeModel
from stretchdesk.library.catalog import PoseCatalog


class RoutineDocument(QObject):
    changed = Signal()
    settings_changed = Signal()
    edit_rejected = Signal(str)

    def __init__(self, catalog: PoseCatalog, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.poses = catalog
        self.undo_stack = undo_stack
        self.model = RoutineTreeModel(catalog, undo_stack, self)
        self._base: Routine | None = None
        self._read_only = True
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.model.items_changed.connect(self.changed)
        self.model.settings_changed.connect(self.settings_changed)
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

    @property
    def catalog(self) -> Mapping[str, Pose]:
        return self.poses.current

    def open(self, routine: Routine | None, read_only: bool, keep_history: bool = False) -> None:
        """Show a routine (None closes); starts a fresh undo history unless an undo
        command itself is opening it (deleting or restoring a routine)."""
        if not keep_history:
            self.undo_stack.clear()
        self._base = routine
        self._read_only = read_only or routine is None
        self.model.load(routine, self._read_only)

    def settings(self) -> RoutineSettings | None:
        return self.model.settings()

    def name(self) -> str:
        settings = self.model.settings()
        return settings.name if settings else ""

    def set_settings(self, settings: RoutineSettings) -> bool:
        """One undoable settings change; typing in the same field merges into one step."""
        if self._read_only:
            return False
        return self.model.edits.set_settings(settings)

    def rename(self, name: str) -> bool:
        settings = self.settings()
        return settings is not None and self.set_settings(replace(settings, name=name.strip()))

    def routine(self) -> Routine | None:
        """The routine as edited so far (every edit is validated by the core)."""
        return self.model.routine()

    def routine_to_save(self) -> Routine | None:
        """A copy stamped with the edit time, ready for Workspace.save."""
        current = self.model.routine()
        if current is None or self._read_only:
            return None
        routine = current.touched()
        self._base = routine
        return routine

    def timeline(self) -> Timeline | None:
        routine = self.routine()
        return expand(routine, self.poses.current) if routine else None
