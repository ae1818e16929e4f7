"""The editor pane: settings, live total and balance chart, the step tree, step fields."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.core.edit_plans import insert_position
from stretchdesk.core.editing import TreePath
from stretchdesk.core.models import BlockMode, format_duration
from stretchdesk.editor.chart import AreaChart
from stretchdesk.editor.delegate import RoutineRowDelegate
from stretchdesk.editor.document import RoutineDocument
from stretchdesk.editor.inspector import StepInspector
from stretchdesk.editor.settings import RoutineSettingsForm
from stretchdesk.editor.view import RoutineView
from stretchdesk.pose_images import PoseImages


class EditorPane(QWidget):
    play_clicked = Signal()
    duplicate_clicked = Signal()

    def __init__(self, document: RoutineDocument, images: PoseImages,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = document.model
        self._images = images

        self.banner = QFrame()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_text = QLabel("Built-in routine: read-only.")
        self.duplicate_button = QPushButton("Duplicate to edit")
        self.duplicate_button.setObjectName("duplicateToEdit")
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(8, 4, 8, 4)
        banner_row.addWidget(banner_text, 1)
        banner_row.addWidget(self.duplicate_button)

        self.settings_form = RoutineSettingsForm(document)
        self.total = QLabel()
        self.total.setObjectName("routineTotal")
        self.total.setAccessibleName("Total time")
        self.total.setToolTip("Total time including prepare, transitions and side switches")
        total_font = self.total.font()
        total_font.setPointSizeF(total_font.pointSizeF() * 1.7)
        total_font.setBold(True)
        self.total.setFont(total_font)
        self.breakdown = QLabel()
        self.breakdown.setObjectName("routineBreakdown")
        self.chart = AreaChart()
        self.play_button = QPushButton("▶  Play")
        self.play_button.setObjectName("playButton")
        self.play_button.setAccessibleName("Play routine")
        self.play_button.setToolTip("Play this routine full screen (F5)")
        self.play_button.setMinimumHeight(40)
        totals = QVBoxLayout()
        totals.addWidget(self.total)
        totals.addWidget(self.breakdown)
        totals.addWidget(self.play_button)
        totals.addStretch(1)
        summary = QHBoxLayout()
        summary.addLayout(totals)
        summary.addWidget(self.chart, 1)

        self.view = RoutineView(document.undo_stack)
        self.delegate = RoutineRowDelegate(images, document.poses, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.model)
        self.empty_hint = QLabel("Drag poses here from the library, or select a card and press "
                                 "Ctrl+Enter.")
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.inspector = StepInspector(self.model)

        self.delete_action = self._action("Delete step", "Remove the selected steps",
                                          QKeySequence(QKeySequence.StandardKey.Delete))
        self.move_up_action = self._action("Move up", "Move the selected steps up", "Alt+Up")
        self.move_up_action.setIconText("▲ Up")
        self.move_down_action = self._action("Move down", "Move the selected steps down",
                                             "Alt+Down")
        self.move_down_action.setIconText("▼ Down")
        self.move_in_action = self._action("Move into block above",
                                           "Move the selected steps into the block above them",
                                           "Alt+Right")
        self.move_out_action = self._action("Move out of block",
                                            "Move the selected steps out of their block",
                                            "Alt+Left")
        self.group_sides_action = self._action(
            "Group as each-side block", "Play the selected steps on one side, then the other",
            "Ctrl+G")
        self.group_rounds_action = self._action(
            "Group as rounds", "Repeat the selected steps (set the count below)", "Ctrl+Shift+G")
        self.ungroup_action = self._action("Ungroup", "Turn the block back into steps", "Ctrl+U")
        self.add_rest_action = self._action("Add rest", "Add a 30 s rest after the selection",
                                            "Ctrl+R")
        for action in (self.delete_action, self.move_up_action, self.move_down_action,
                       self.move_in_action, self.move_out_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        buttons = QHBoxLayout()
        group_menu = QMenu(self)
        group_menu.addAction(self.group_sides_action)
        group_menu.addAction(self.group_rounds_action)
        self.group_button = QToolButton()
        self.group_button.setObjectName("groupButton")
        self.group_button.setText("Group")
        self.group_button.setToolTip("Group the selected steps into a block")
        self.group_button.setMenu(group_menu)
        self.group_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for button_action in (self.add_rest_action, None, self.ungroup_action,
                              self.move_up_action, self.move_down_action, self.delete_action):
            if button_action is None:
                buttons.addWidget(self.group_button)
                continue
            button = QToolButton()
            button.setDefaultAction(button_action)
            buttons.addWidget(button)
        buttons.addStretch(1)

        title = QLabel("Routine")
        title.setObjectName("paneTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addWidget(self.settings_form)
        layout.addLayout(summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.inspector)
        layout.addLayout(buttons)
        self._connect_signals()
        self._on_document_changed()

    def _action(self, text: str, tip: str, shortcut: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setStatusTip(tip)
        action.setShortcut(QKeySequence(shortcut))
        return action

    def _connect_signals(self) -> None:
        self.document.changed.connect(self._on_document_changed)
        self.document.settings_changed.connect(self._on_document_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        self.model.rowsInserted.connect(self._on_model_rows_inserted)
        self.view.move_requested.connect(self.move_selection)
        self.view.delete_requested.connect(self.delete_selection)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu)
        self.delete_action.triggered.connect(self.delete_selection)
        self.move_up_action.triggered.connect(lambda: self.move_selection("up"))
        self.move_down_action.triggered.connect(lambda: self.move_selection("down"))
        self.move_in_action.triggered.connect(lambda: self.move_selection("in"))
        self.move_out_action.triggered.connect(lambda: self.move_selection("out"))
        self.group_sides_action.triggered.connect(
            lambda: self.group_selection(BlockMode.EACH_SIDE))
        self.group_rounds_action.triggered.connect(lambda: self.group_selection(BlockMode.ROUNDS))
        self.ungroup_action.triggered.connect(self.ungroup_selection)
        self.add_rest_action.triggered.connect(self._on_add_rest)
        self.play_button.clicked.connect(self.play_clicked)
        self.duplicate_button.clicked.connect(self.duplicate_clicked)
        self._images.images_changed.connect(self.view.viewport().update)

    def _selected_last(self) -> TreePath | None:
        paths = self.view.selected_paths()
        return paths[-1] if paths else None

    def add_poses(self, pose_ids: list[str]) -> bool:
        routine = self.model.routine()
        if routine is None:
            return False
        return self.model.edits.add_poses(pose_ids, insert_position(routine, self._selected_last()))

    def delete_selection(self) -> None:
        self.model.edits.delete_paths(self.view.selected_paths())

    def move_selection(self, direction: str) -> None:
        paths = self.view.selected_paths()
        if paths:
            self.model.edits.move_by_keyboard(paths, direction)

    def group_selection(self, mode: BlockMode) -> None:
        self.model.edits.group_paths(self.view.selected_paths(), mode, 2)

    def ungroup_selection(self) -> None:
        paths = self.view.selected_paths()
        if len(paths) == 1:
            self.model.edits.ungroup(paths[0])

    def _on_add_rest(self) -> None:
        routine = self.model.routine()
        if routine is not None:
            self.model.edits.add_rest(30, insert_position(routine, self._selected_last()))

    def _on_model_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """What was just added, moved or restored becomes the selection."""
        selection = self.view.selectionModel()
        top = self.model.index(first, 0, parent)
        bottom = self.model.index(last, 0, parent)
        selection.select(QItemSelection(top, bottom),
                         QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.setCurrentIndex(top, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.view.scrollTo(bottom)

    def _on_selection_changed(self) -> None:
        paths = self.view.selected_paths()
        self.inspector.show_path(paths[0] if len(paths) == 1 else None)
        editable = self.document.is_open and not self.document.read_only
        for action in (self.delete_action, self.move_up_action, self.move_down_action,
                       self.move_in_action, self.move_out_action, self.group_sides_action,
                       self.group_rounds_action):
            action.setEnabled(editable and bool(paths))
        self.group_button.setEnabled(editable and bool(paths))
        single_block = len(paths) == 1 and self.model.item(paths[0]).type == "block"
        self.ungroup_action.setEnabled(editable and single_block)

    def _on_document_changed(self) -> None:
        document = self.document
        self.banner.setVisible(document.is_open and document.read_only)
        self.add_rest_action.setEnabled(document.is_open and not document.read_only)
        self.play_button.setEnabled(document.is_open and self.model.rowCount() > 0)
        self.empty_hint.setVisible(document.is_open and self.model.rowCount() == 0
                                   and not document.read_only)
        timeline = document.timeline()
        if timeline is None:
            self.total.setText("No routine open")
            self.breakdown.setText("Pick a routine on the left or make a new one")
            self.chart.set_areas({})
            return
        holds = sum(1 for _ in timeline.holds())
        self.total.setText(f"Total {format_duration(timeline.total_seconds)}")
        self.breakdown.setText(
            f"{holds} hold{'s' if holds != 1 else ''} · {format_duration(timeline.hold_seconds)} "
            "stretching"
        )
        self.breakdown.setToolTip("\n".join(timeline.problems))
        self.chart.set_areas(timeline.seconds_per_area)
        self._on_selection_changed()

    def _on_view_context_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.move_up_action, self.move_down_action, self.move_in_action,
                       self.move_out_action, None, self.group_sides_action,
                       self.group_rounds_action, self.ungroup_action, None, self.add_rest_action,
                       self.delete_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(point))
