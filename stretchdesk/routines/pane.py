"""The routines pane: a list of routines and buttons for what can be done to them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.routines.model import RoutineEntryDelegate, RoutineListModel, RoutineRole


class RoutinesPane(QWidget):
    routine_selected = Signal(str)

    def __init__(self, model: RoutineListModel, buttons: Sequence[QAction],
                 menu_actions: Sequence[QAction | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._menu_actions = list(menu_actions)
        self.view = QListView()
        self.view.setObjectName("routineList")
        self.view.setAccessibleName("Routines")
        self.view.setModel(model)
        self.view.setItemDelegate(RoutineEntryDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        title = QLabel("Routines")
        title.setObjectName("paneTitle")
        row = QHBoxLayout()
        for action in buttons:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.view.customContextMenuRequested.connect(self._on_context_menu)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return str(index.data(RoutineRole.ROUTINE_ID)) if index.isValid() else None

    def select(self, routine_id: str | None) -> None:
        row = self.model.row_of(routine_id) if routine_id else -1
        if row < 0:
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(self.model.index(row))

    def _on_current_changed(self) -> None:
        routine_id = self.current_id()
        if routine_id:
            self.routine_selected.emit(routine_id)

    def _on_context_menu(self, point: QPoint) -> None:
        if not self.view.indexAt(point).isValid():
            return
        menu = QMenu(self)
        for action in self._menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(point))
