"""The user's routines and the built-in ones, as one list model."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from stretchdesk.core.models import format_duration
from stretchdesk.core.workspace import RoutineEntry

AnyIndex = QModelIndex | QPersistentModelIndex


class RoutineRole(IntEnum):
    ROUTINE_ID = Qt.ItemDataRole.UserRole + 1
    BUILTIN = Qt.ItemDataRole.UserRole + 2
    SUBTITLE = Qt.ItemDataRole.UserRole + 3


class RoutineListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._entries: list[RoutineEntry] = []
        self._totals: dict[str, float] = {}

    def set_entries(self, entries: Sequence[RoutineEntry], totals: dict[str, float]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._totals = dict(totals)
        self.endResetModel()

    def update_entry(self, entry: RoutineEntry, total: float) -> None:
        """Refresh one routine's row in place (name or length changed while editing)."""
        self._totals[entry.routine.id] = total
        row = self.row_of(entry.routine.id)
        if row >= 0:
            self._entries[row] = entry
            self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, routine_id: str) -> int:
        for row, entry in enumerate(self._entries):
            if entry.routine.id == routine_id:
                return row
        return -1

    def entry(self, row: int) -> RoutineEntry:
        return self._entries[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        routine = entry.routine
        if role == Qt.ItemDataRole.DisplayRole:
            return routine.name
        if role == RoutineRole.SUBTITLE:
            total = format_duration(self._totals.get(routine.id, 0.0))
            return f"{total} · built-in" if entry.builtin else total
        if role == Qt.ItemDataRole.ToolTipRole:
            return routine.description or routine.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{routine.name}, {self.data(index, RoutineRole.SUBTITLE)}"
        if role == RoutineRole.ROUTINE_ID:
            return routine.id
        if role == RoutineRole.BUILTIN:
            return entry.builtin
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class RoutineEntryDelegate(QStyledItemDelegate):
    """Name on the first line, length (and "built-in") underneath."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(180, option.fontMetrics.height() * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(10, 6, -8, -6)
        line = option.fontMetrics.height()
        painter.save()
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(option.palette.color(role))
        name = str(index.data(Qt.ItemDataRole.DisplayRole))
        painter.drawText(rect.adjusted(0, 0, 0, -line), int(Qt.AlignmentFlag.AlignLeft),
                         painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight,
                                                          rect.width()))
        painter.setFont(option.font)
        color = option.palette.color(role)
        color.setAlphaF(0.7)
        painter.setPen(color)
        painter.drawText(rect.adjusted(0, line + 2, 0, 0), int(Qt.AlignmentFlag.AlignLeft),
                         str(index.data(RoutineRole.SUBTITLE)))
        painter.restore()
