""""New from recipe…": pick time, focus, props, positions and level (or today's run),
watch the routine change as you do, Regenerate for another one, Save to edit it."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from typing import TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.core.generator import generate
from stretchdesk.core.generator_flow import assess
from stretchdesk.core.models import Pose, Routine, format_duration
from stretchdesk.core.recipes import MAX_MINUTES, MIN_MINUTES, Recipe, RecipeError
from stretchdesk.core.recipes_runs import RUN_LABELS, RunType, suggest
from stretchdesk.core.vocabulary import Area, Difficulty, Kind, Position, Prop
from stretchdesk.library.delegate import show_as_cards, vocabulary_label
from stretchdesk.pose_images import PoseImages
from stretchdesk.recipe.model import RecipePreviewModel

W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str, accessible: str = "") -> W:
    widget.setObjectName(name)
    if accessible:
        widget.setAccessibleName(accessible)
    return widget


class RecipeDialog(QDialog):
    def __init__(
        self, catalog: Mapping[str, Pose], images: PoseImages, parent: QWidget | None = None,
        seed: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recipeDialog")
        self.setWindowTitle("New from recipe")
        self.catalog = catalog
        self.seed = random.randrange(1_000_000) if seed is None else seed
        self.routine: Routine | None = None
        self.result_routine: Routine | None = None
        self._weights: dict[Area, float] = {}
        self._kinds = frozenset(Kind)
        self._hold_bias = 0.5
        self._title = ""

        self.run = _named(QComboBox(), "recipeRun", "Today's run")
        self.run.addItem("No run: choose below", None)
        for run_type, text in RUN_LABELS.items():
            self.run.addItem(text, run_type.value)
        self.run_minutes = self._spin("recipeRunMinutes", "Run length", 0, 600, 45, " min run")
        self.minutes = self._spin("recipeMinutes", "Minutes", MIN_MINUTES, MAX_MINUTES, 15, " min")
        self.level = _named(QComboBox(), "recipeLevel", "Level")
        for level in Difficulty:
            self.level.addItem(vocabulary_label(level.value), level.value)
        self.focus = {a: self._check(f"recipeFocus-{a.value}", vocabulary_label(a.value)) for a in Area}
        self.props = {p: self._check(f"recipeProp-{p.value}", vocabulary_label(p.value)) for p in Prop}
        self.positions = {
            p: self._check(f"recipePosition-{p.value}", vocabulary_label(p.value), True) for p in Position
        }

        self.total = _named(QLabel(), "recipeTotal")
        self.total.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.areas = _named(QLabel(), "recipeAreas")
        self.problem = _named(QLabel(), "recipeError")
        self.problem.setStyleSheet("color: #b3261e;")
        self.areas.setWordWrap(True)
        self.problem.setWordWrap(True)
        self.preview_model = RecipePreviewModel()
        self.preview = _named(QListView(), "recipePreview", "Generated poses")
        self.preview.setModel(self.preview_model)
        show_as_cards(self.preview, images)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setMinimumSize(560, 380)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("recipeSave")
        self.save_button.setToolTip("Keep this routine and open it in the editor")
        self.regenerate_button = _named(QPushButton("Regenerate"), "recipeRegenerate")
        self.regenerate_button.setToolTip("Another routine from the same recipe")
        self.buttons.addButton(self.regenerate_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._lay_out()
        self._connect_signals()
        self._refresh()

    def _spin(self, name: str, accessible: str, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = _named(QSpinBox(), name, accessible)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def _check(self, name: str, text: str, checked: bool = False) -> QCheckBox:
        box = _named(QCheckBox(text), name)
        box.setChecked(checked)
        return box

    def _grid(self, title: str, boxes: Iterable[QCheckBox], columns: int) -> QGroupBox:
        group = QGroupBox(title)
        grid = QGridLayout(group)
        grid.setVerticalSpacing(2)
        for number, box in enumerate(boxes):
            grid.addWidget(box, number // columns, number % columns)
        return group

    def _lay_out(self) -> None:
        form = QFormLayout()
        run_row = QHBoxLayout()
        run_row.addWidget(self.run, 1)
        run_row.addWidget(self.run_minutes)
        form.addRow("After today's run", run_row)
        form.addRow("Time", self.minutes)
        form.addRow("Level", self.level)
        inputs = QVBoxLayout()
        inputs.addLayout(form)
        inputs.addWidget(self._grid("Focus (none = whole body)", self.focus.values(), 3))
        inputs.addWidget(self._grid("Props I have", self.props.values(), 3))
        inputs.addWidget(self._grid("Positions I can do", self.positions.values(), 2))
        inputs.addStretch(1)
        preview = QVBoxLayout()
        preview.addWidget(self.total)
        preview.addWidget(self.areas)
        preview.addWidget(self.problem)
        preview.addWidget(self.preview, 1)
        columns = QHBoxLayout()
        columns.addLayout(inputs)
        columns.addLayout(preview, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.run.currentIndexChanged.connect(self._on_run_changed)
        self.run_minutes.valueChanged.connect(self._on_run_changed)
        self.minutes.valueChanged.connect(self._on_input_changed)
        self.level.currentIndexChanged.connect(self._on_input_changed)
        for box in [*self.focus.values(), *self.props.values(), *self.positions.values()]:
            box.toggled.connect(self._on_input_changed)
        self.regenerate_button.clicked.connect(self._on_regenerate_clicked)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)

    def recipe(self) -> Recipe:
        """The recipe the inputs describe (raises RecipeError for impossible ones)."""
        return Recipe(
            minutes=self.minutes.value(),
            focus={area: self._weights.get(area, 1.0) for area, box in self.focus.items() if box.isChecked()},
            props=frozenset(prop for prop, box in self.props.items() if box.isChecked()),
            avoid=frozenset(pos for pos, box in self.positions.items() if not box.isChecked()),
            level=Difficulty(self.level.currentData()),
            seed=self.seed,
            kinds=self._kinds,
            hold_bias=self._hold_bias,
            title=self._title if self.run.currentData() else "",
        )

    def _on_run_changed(self) -> None:
        value = self.run.currentData()
        self.run_minutes.setEnabled(value is not None)
        if value is None:
            self._weights, self._kinds, self._hold_bias, self._title = {}, frozenset(Kind), 0.5, ""
            self._refresh()
            return
        avoided = frozenset(pos for pos, box in self.positions.items() if not box.isChecked())
        suggestion = suggest(RunType(value), self.run_minutes.value(), avoid=avoided)
        self._weights = dict(suggestion.focus)
        self._kinds, self._hold_bias, self._title = suggestion.kinds, suggestion.hold_bias, suggestion.title
        quiet = (self.minutes, *self.focus.values(), *self.positions.values())
        for widget in quiet:
            widget.blockSignals(True)
        self.minutes.setValue(round(suggestion.minutes))
        for area, box in self.focus.items():
            box.setChecked(area in suggestion.focus)
        for position, box in self.positions.items():
            if position in suggestion.avoid:
                box.setChecked(False)  # a warm-up keeps you off the floor
        for widget in quiet:
            widget.blockSignals(False)
        self._refresh()

    def _on_input_changed(self) -> None:
        self._refresh()

    def _on_regenerate_clicked(self) -> None:
        self.seed += 1
        self._refresh()

    def _on_save_clicked(self) -> None:
        if self.routine is None:
            return
        self.result_routine = self.routine
        self.accept()

    def _refresh(self) -> None:
        try:
            recipe = self.recipe()
            self.routine = generate(recipe, self.catalog)
        except RecipeError as error:
            self.routine = None
            text = str(error)
            self.problem.setText(text[:1].upper() + text[1:] + ".")
            self.total.setText("No routine yet")
            self.areas.clear()
            self.preview_model.set_routine(None, self.catalog)
            self.save_button.setEnabled(False)
            self.regenerate_button.setEnabled(False)
            return
        report = assess(self.routine, self.catalog, recipe.minutes, list(recipe.focus))
        share = f" · {report.focus_share:.0%} on your focus" if recipe.focus else ""
        count = len(self.routine.items)
        self.total.setText(f"{format_duration(report.total_seconds)} · {count} poses{share}")
        per_area = sorted(report.seconds_per_area.items(), key=lambda pair: (-pair[1], pair[0].value))
        self.areas.setText(
            "Minutes per area: " + " · ".join(f"{vocabulary_label(a.value)} {format_duration(s)}" for a, s in per_area)
        )
        self.problem.clear()
        self.preview_model.set_routine(self.routine, self.catalog)
        self.save_button.setEnabled(True)
        self.regenerate_button.setEnabled(True)
