"""The History view: past sessions, the streak of days, minutes per area (4 weeks)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QSizePolicy, QTableView, QVBoxLayout, QWidget

from stretchdesk.core.history import (
    AREA_WINDOW_DAYS,
    History,
    SessionRecord,
    minutes_per_area,
    streak_days,
)
from stretchdesk.core.models import format_duration
from stretchdesk.core.vocabulary import Area

RecordRole = Qt.ItemDataRole.UserRole + 1
_COLUMNS = ("Date", "Routine", "Time", "Poses", "Held")
_Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    """Sessions, newest first; RecordRole gives the SessionRecord."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[SessionRecord] = []

    def set_records(self, records: list[SessionRecord]) -> None:
        self.beginResetModel()
        self._records = sorted(records, key=lambda r: r.started, reverse=True)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section] if 0 <= section < len(_COLUMNS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == RecordRole:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return record.started.astimezone().strftime("%a %d %b %Y, %H:%M")
            if column == 1:
                return record.routine_name
            if column == 2:
                return format_duration(record.seconds)
            if column == 4:  # lines from before held seconds were recorded have none
                return format_duration(record.held_seconds) if record.held_seconds else "—"
            done = "" if record.finished else " (stopped)"
            reached = max(record.poses_reached, record.steps_completed)
            return f"{reached} of {record.steps_total}{done}"
        return None


class AreaMinutes(QWidget):
    """Horizontal bars: minutes held per target area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyAreas")
        self._minutes: Mapping[Area, float] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def minutes(self) -> Mapping[Area, float]:
        return self._minutes

    def set_minutes(self, minutes: Mapping[Area, float]) -> None:
        self._minutes = minutes
        row = self.fontMetrics().height() + 8
        self.setFixedHeight(max(row, row * len(minutes)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row = metrics.height() + 8
        if not self._minutes:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft, "No sessions in the last 4 weeks.")
            painter.end()
            return
        label_width = max(metrics.horizontalAdvance(a.value.replace("-", " ")) for a in self._minutes)
        bar_left = label_width + 16
        value_width = metrics.horizontalAdvance("0000 min") + 8
        span = max(1, self.width() - bar_left - value_width)
        most = max(self._minutes.values()) or 1.0
        accent = self.palette().highlight().color()
        for number, (area, minutes) in enumerate(self._minutes.items()):
            top = number * row
            painter.setPen(self.palette().text().color())
            text_rect = QRectF(0, top, label_width, row)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, area.value.replace("-", " "))
            width = max(2.0, span * minutes / most)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(accent))
            painter.drawRoundedRect(QRectF(bar_left, top + 4, width, row - 8), 3, 3)
            painter.setPen(self.palette().text().color())
            value = QRectF(bar_left + width + 6, top, value_width, row)
            painter.drawText(value, Qt.AlignmentFlag.AlignVCenter, f"{minutes:.0f} min")
        painter.end()


class HistoryView(QWidget):
    """Reads the log on `refresh()`; the player's launcher calls it after each session."""

    def __init__(
        self,
        history: History,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self._history = history
        self._now = now
        self.streak = QLabel(self)
        self.streak.setObjectName("historyStreak")
        font = self.streak.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.streak.setFont(font)
        self.model = HistoryModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in range(len(_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.areas = AreaMinutes(self)
        self.problems = QLabel(self)
        self.problems.setObjectName("historyProblems")
        self.problems.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.streak)
        layout.addWidget(QLabel(f"Minutes per area, last {AREA_WINDOW_DAYS // 7} weeks:"))
        layout.addWidget(self.areas)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        self.refresh()

    def refresh(self) -> None:
        records = self._history.load()
        now = self._now()
        days = streak_days(records, now.astimezone().date())
        total = sum(record.seconds for record in records)
        self.streak.setText(
            f"Streak: {days} day{'s' if days != 1 else ''}   ·   "
            f"{len(records)} session{'s' if len(records) != 1 else ''}, "
            f"{format_duration(total)} in all"
        )
        self.model.set_records(records)
        self.areas.set_minutes(minutes_per_area(records, now))
        self.problems.setText("\n".join(self._history.problems))
        self.problems.setVisible(bool(self._history.problems))
