"""What a runner does in the editor, each as one undo step.

Every gesture builds one operation from `stretchdesk.core.editing` (or from a
selection through `edit_plans`), checks it against the core's rules and pushes
it as one command; a refusal becomes a one-line message on `edit_rejected`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack

from stretchdesk.core import edit_plans
from stretchdesk.core.edit_operations import (
    SetBlockMode,
    SetHold,
    SetNote,
    SetSides,
    Ungroup,
)
from stretchdesk.core.editing import (
    EditRejected,
    Insert,
    Operation,
    RoutineSettings,
    SetSettings,
    TreePath,
)
from stretchdesk.core.models import Block, BlockMode, Hold, Rest, Step
from stretchdesk.core.vocabulary import Sides
from stretchdesk.editor.commands import EditCommand, SettingsCommand

if TYPE_CHECKING:
    from stretchdesk.editor.model import RoutineTreeModel


class RoutineEdits:
    def __init__(self, model: RoutineTreeModel, undo_stack: QUndoStack) -> None:
        self._model = model
        self._stack = undo_stack

    def perform(self, text: str, operation: Operation) -> bool:
        """Check the edit against the core's rules, then push it; False (and a message) if refused."""
        if self._model.routine() is None:
            return False
        try:
            self._model.check(operation)
        except EditRejected as error:
            self._model.edit_rejected.emit(str(error))
            return False
        self._stack.push(EditCommand(self._model, text, operation))
        return True

    def _plan(self, text: str, plan: Callable[..., Operation], *args: object) -> bool:
        """Build an operation from an `edit_plans` function; its refusals become messages."""
        routine = self._model.routine()
        if routine is None:
            return False
        try:
            operation = plan(routine, *args)
        except EditRejected as error:
            self._model.edit_rejected.emit(str(error))
            return False
        return self.perform(text, operation)

    def add_poses(self, pose_ids: Sequence[str], at: TreePath | None = None) -> bool:
        routine = self._model.routine()
        known = [pose_id for pose_id in pose_ids if pose_id in self._model.catalog]
        if not known or routine is None:
            return False
        where = at if at is not None else (len(routine.items),)
        name = self._model.catalog[known[0]].name if len(known) == 1 else f"{len(known)} poses"
        return self.perform(f"Add {name}", Insert(where, tuple(Step(pose=p) for p in known)))

    def add_rest(self, seconds: float = 30, at: TreePath | None = None) -> bool:
        routine = self._model.routine()
        if routine is None:
            return False
        where = at if at is not None else (len(routine.items),)
        return self.perform("Add rest", Insert(where, (Rest(seconds=seconds),)))

    def delete_paths(self, paths: Sequence[TreePath]) -> bool:
        label = "step" if len(paths) == 1 else f"{len(paths)} steps"
        return self._plan(f"Delete {label}", edit_plans.remove_paths, paths)

    def move_paths(self, paths: Sequence[TreePath], dest: TreePath) -> bool:
        routine = self._model.routine()
        if routine is None or not paths:
            return False
        try:
            operation = edit_plans.move_paths(routine, paths, dest)
            moved, _ = self._model.check(operation)
        except EditRejected as error:
            self._model.edit_rejected.emit(str(error))
            return False
        if moved == routine:
            return False
        return self.perform("Move step" if len(paths) == 1 else "Move steps", operation)

    def move_by_keyboard(self, paths: Sequence[TreePath], direction: str) -> bool:
        return self._plan("Move step" if len(paths) == 1 else "Move steps",
                          edit_plans.move_by_keyboard, paths, direction)

    def group_paths(self, paths: Sequence[TreePath], mode: BlockMode, rounds: int = 2) -> bool:
        return self._plan("Group into block", edit_plans.group_paths, paths, BlockMode(mode),
                          rounds)

    def ungroup(self, path: TreePath) -> bool:
        return self.perform("Ungroup block", Ungroup(path))

    def set_hold_text(self, path: TreePath, text: str) -> bool:
        """Apply what the runner typed as a hold; empty text means the pose's own hold."""
        try:
            hold = Hold.parse(text) if text.strip() else None
        except ValueError as error:
            self._model.edit_rejected.emit(str(error))
            return False
        item = self._model.item(path)
        if (isinstance(item, Step) and item.hold == hold) or isinstance(item, Block) or (
                isinstance(item, Rest) and (hold is None or hold.total_seconds() == item.seconds)):
            return False
        return self.perform("Change rest" if isinstance(item, Rest) else "Change hold",
                            SetHold(path, hold))

    def set_sides(self, path: TreePath, sides: Sides) -> bool:
        item = self._model.item(path)
        if not isinstance(item, Step) or item.sides is sides:
            return False
        return self.perform("Change sides", SetSides(path, sides))

    def set_note(self, path: TreePath, note: str) -> bool:
        if self._model.item(path).note == note.strip()[:300]:
            return False
        return self.perform("Change note", SetNote(path, note))

    def set_block_mode(self, path: TreePath, mode: BlockMode, rounds: int) -> bool:
        item = self._model.item(path)
        mode = BlockMode(mode)
        rounds = 1 if mode is BlockMode.EACH_SIDE else max(1, min(50, rounds))
        if not isinstance(item, Block) or (item.mode, item.rounds) == (mode, rounds):
            return False
        return self.perform("Change block", SetBlockMode(path, mode, rounds))

    def set_settings(self, settings: RoutineSettings) -> bool:
        current = self._model.settings()
        if current is None or current == settings:
            return False
        operation = SetSettings(settings)
        try:
            self._model.check(operation)
        except EditRejected:
            self._model.edit_rejected.emit("A routine needs a name" if not settings.name.strip()
                                           else "That setting is out of range")
            return False
        changed = frozenset(settings.changed_fields(current))
        field = next(iter(changed)) if len(changed) == 1 else "settings"
        text = f"Change {field.replace('_seconds', '').replace('_', ' ')}"
        self._stack.push(SettingsCommand(self._model, text, operation, changed))
        return True
