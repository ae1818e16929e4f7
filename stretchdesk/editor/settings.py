"""The routine's own settings: name, description, timings and the first side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from stretchdesk.core.editing import RoutineSettings
from stretchdesk.core.vocabulary import Side
from stretchdesk.editor.document import RoutineDocument

TIMINGS = (
    ("prepare_seconds", "Prepare", "Seconds to get into the first pose"),
    ("transition_seconds", "Transition", "Seconds to move from one pose to the next"),
    ("switch_seconds", "Switch sides", "Seconds to change sides in a one-sided pose"),
)


class RoutineSettingsForm(QWidget):
    def __init__(self, document: RoutineDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.name = QLineEdit()
        self.name.setObjectName("routineName")
        self.name.setAccessibleName("Routine name")
        self.name.setMaxLength(100)
        self.description = QPlainTextEdit()
        self.description.setObjectName("routineDescription")
        self.description.setAccessibleName("Routine description")
        self.description.setPlaceholderText("What this routine is for (optional)")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.timings: dict[str, QSpinBox] = {}
        row = QHBoxLayout()
        row.setSpacing(6)
        for field, label, tip in TIMINGS:
            spin = QSpinBox()
            spin.setRange(0, 600)
            spin.setSuffix(" s")
            spin.setPrefix(f"{label} ")
            spin.setToolTip(tip)
            spin.setAccessibleName(f"{label} seconds")
            spin.setObjectName(field)
            self.timings[field] = spin
            row.addWidget(spin)
        self.first_side = QComboBox()
        self.first_side.setObjectName("firstSide")
        self.first_side.setAccessibleName("First side")
        self.first_side.setToolTip("Which side one-sided poses start on")
        self.first_side.addItem("Right side first", Side.RIGHT.value)
        self.first_side.addItem("Left side first", Side.LEFT.value)
        row.addWidget(self.first_side)
        row.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Name", self.name)
        form.addRow("&About", self.description)
        form.addRow("Timing", row)
        self._connect_signals()
        self._on_document_settings_changed()

    def _connect_signals(self) -> None:
        self._document.settings_changed.connect(self._on_document_settings_changed)
        self.name.textEdited.connect(self._on_name_edited)
        self.description.textChanged.connect(self._on_description_changed)
        self.timings["prepare_seconds"].valueChanged.connect(self._on_prepare_value_changed)
        self.timings["transition_seconds"].valueChanged.connect(self._on_transition_value_changed)
        self.timings["switch_seconds"].valueChanged.connect(self._on_switch_value_changed)
        self.first_side.currentIndexChanged.connect(self._on_first_side_changed)

    def _change(self, make: Callable[[RoutineSettings], RoutineSettings]) -> None:
        current = self._document.settings()
        if current is not None:
            self._document.set_settings(make(current))

    def _on_name_edited(self, text: str) -> None:
        if text.strip():
            self._change(lambda s: replace(s, name=text.strip()))

    def _on_description_changed(self) -> None:
        text = self.description.toPlainText()[:2000]
        self._change(lambda s: replace(s, description=text))

    def _on_prepare_value_changed(self, value: int) -> None:
        self._change(lambda s: replace(s, prepare_seconds=float(value)))

    def _on_transition_value_changed(self, value: int) -> None:
        self._change(lambda s: replace(s, transition_seconds=float(value)))

    def _on_switch_value_changed(self, value: int) -> None:
        self._change(lambda s: replace(s, switch_seconds=float(value)))

    def _on_first_side_changed(self) -> None:
        side = Side(self.first_side.currentData())
        self._change(lambda s: replace(s, first_side=side))

    def _on_document_settings_changed(self) -> None:
        document = self._document
        editable = document.is_open and not document.read_only
        widgets: list[QWidget] = [self.name, self.description, self.first_side,
                                  *self.timings.values()]
        for widget in widgets:
            widget.setEnabled(editable)
        settings = document.settings()
        if settings is None:
            with QSignalBlocker(self.name), QSignalBlocker(self.description):
                self.name.clear()
                self.description.clear()
            return
        with QSignalBlocker(self.name):
            if self.name.text().strip() != settings.name:
                self.name.setText(settings.name)
        with QSignalBlocker(self.description):
            if self.description.toPlainText() != settings.description:
                self.description.setPlainText(settings.description)
        seconds = {"prepare_seconds": settings.prepare_seconds,
                   "transition_seconds": settings.transition_seconds,
                   "switch_seconds": settings.switch_seconds}
        for field, spin in self.timings.items():
            with QSignalBlocker(spin):
                spin.setValue(round(seconds[field]))
        with QSignalBlocker(self.first_side):
            self.first_side.setCurrentIndex(max(0, self.first_side.findData(settings.first_side.value)))
