"""Fields for the selected step, rest or block (at any depth): hold, sides, note,
block mode and rounds."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from stretchdesk.core.editing import EditRejected, Item, TreePath
from stretchdesk.core.models import Block, BlockMode, Rest, Step
from stretchdesk.core.vocabulary import Sides
from stretchdesk.editor.labels import hold_text
from stretchdesk.editor.model import RoutineTreeModel


class StepInspector(QWidget):
    def __init__(self, model: RoutineTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._path: TreePath | None = None
        self.hold = QLineEdit()
        self.hold.setObjectName("stepHold")
        self.hold.setAccessibleName("Hold")
        self.hold.setPlaceholderText("pose's own hold")
        self.hold.setToolTip("30, 1:30, 5 breaths or 10x3s; leave empty for the pose's own hold")
        self.hold.setMaximumWidth(130)
        self.sides = QComboBox()
        self.sides.setObjectName("stepSides")
        self.sides.setAccessibleName("Sides")
        for sides in (Sides.BOTH, Sides.LEFT, Sides.RIGHT, Sides.TIGHTER):
            self.sides.addItem(f"{sides.value.capitalize()} side{'s' if sides is Sides.BOTH else ''}",
                               sides.value)
        self.mode = QComboBox()
        self.mode.setObjectName("blockMode")
        self.mode.setAccessibleName("Block mode")
        self.mode.addItem("Each side", BlockMode.EACH_SIDE.value)
        self.mode.addItem("Rounds", BlockMode.ROUNDS.value)
        self.rounds = QSpinBox()
        self.rounds.setObjectName("blockRounds")
        self.rounds.setAccessibleName("Rounds")
        self.rounds.setRange(1, 50)
        self.rounds.setSuffix(" rounds")
        self.note = QLineEdit()
        self.note.setObjectName("stepNote")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Note shown while playing (optional)")
        self.note.setMaxLength(300)
        self.caption = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.caption, self.hold, self.sides, self.mode, self.rounds, self.note):
            layout.addWidget(widget, 1 if widget is self.note else 0)
        self._connect_signals()
        self.show_path(None)

    def _connect_signals(self) -> None:
        self.hold.editingFinished.connect(self._on_hold_editing_finished)
        self.sides.activated.connect(self._on_sides_activated)
        self.note.editingFinished.connect(self._on_note_editing_finished)
        self.mode.activated.connect(self._on_block_changed)
        self.rounds.editingFinished.connect(self._on_block_changed)
        self._model.dataChanged.connect(self._on_model_data_changed)

    def _on_model_data_changed(self) -> None:
        self.show_path(self._path)

    def _item(self, path: TreePath | None) -> Item | None:
        if path is None or self._model.routine() is None:
            return None
        try:
            return self._model.item(path)
        except EditRejected:
            return None

    def show_path(self, path: TreePath | None) -> None:
        """Fill the fields from one item; several or no items selected shows a hint."""
        item = self._item(path)
        self._path = path if item is not None else None
        editable = item is not None and not self._model.read_only
        is_step, is_block = isinstance(item, Step), isinstance(item, Block)
        self.caption.setText("Selected:" if item is not None else "Select a step to edit it")
        self.hold.setVisible(item is not None and not is_block)
        pose = self._model.catalog.get(item.pose) if isinstance(item, Step) else None
        self.sides.setVisible(is_step and pose is not None and pose.per_side)
        self.mode.setVisible(is_block)
        self.rounds.setVisible(is_block)
        self.note.setVisible(item is not None)
        for widget in (self.hold, self.sides, self.mode, self.rounds, self.note):
            widget.setEnabled(editable)
        if item is None:
            return
        with QSignalBlocker(self.hold):
            if isinstance(item, Step):
                self.hold.setText(item.hold.label() if item.hold else "")
                self.hold.setPlaceholderText(f"{hold_text(item, self._model.catalog)} (pose's own)")
            elif isinstance(item, Rest):
                self.hold.setText(hold_text(item, self._model.catalog))
        with QSignalBlocker(self.note):
            self.note.setText(item.note)
        if isinstance(item, Step):
            with QSignalBlocker(self.sides):
                self.sides.setCurrentIndex(max(0, self.sides.findData(item.sides.value)))
        if isinstance(item, Block):
            with QSignalBlocker(self.mode), QSignalBlocker(self.rounds):
                self.mode.setCurrentIndex(self.mode.findData(item.mode.value))
                self.rounds.setValue(item.rounds)
                self.rounds.setEnabled(editable and item.mode is BlockMode.ROUNDS)

    def _on_hold_editing_finished(self) -> None:
        if self._path is not None:
            self._model.edits.set_hold_text(self._path, self.hold.text())
            self.show_path(self._path)

    def _on_sides_activated(self) -> None:
        if self._path is not None:
            self._model.edits.set_sides(self._path, Sides(self.sides.currentData()))

    def _on_note_editing_finished(self) -> None:
        if self._path is not None:
            self._model.edits.set_note(self._path, self.note.text())

    def _on_block_changed(self) -> None:
        if self._path is not None:
            self._model.edits.set_block_mode(self._path, BlockMode(self.mode.currentData()),
                                       self.rounds.value())
