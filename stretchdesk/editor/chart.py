"""Minutes per target area as small horizontal bars, so imbalance shows at a glance."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.core.vocabulary import Area

BAR_COLOR = QColor("#3f8f7a")
ROW_HEIGHT = 15
MAX_ROWS = 6


class AreaChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("areaChart")
        self.setAccessibleName("Minutes per target area")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._rows: list[tuple[str, float]] = []

    def set_areas(self, seconds_per_area: Mapping[Area, float]) -> None:
        ranked = sorted(seconds_per_area.items(), key=lambda pair: -pair[1])
        self._rows = [(area.value.replace("-", " "), seconds) for area, seconds in ranked]
        shown = self._rows[:MAX_ROWS]
        summary = ", ".join(f"{name} {seconds / 60:.1f} min" for name, seconds in shown)
        self.setToolTip(summary or "No stretches yet")
        self.setAccessibleDescription(summary)
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str, float]]:
        return list(self._rows)

    def sizeHint(self) -> QSize:
        return QSize(260, ROW_HEIGHT * MAX_ROWS + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = QFontMetrics(self.font())
        if not self._rows:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter),
                             "Add poses to see minutes per area")
            return
        label_width = max(metrics.horizontalAdvance(name) for name, _ in self._rows[:MAX_ROWS]) + 8
        value_width = metrics.horizontalAdvance("00.0 min") + 6
        biggest = self._rows[0][1] or 1.0
        bar_space = max(10, self.width() - label_width - value_width)
        for number, (name, seconds) in enumerate(self._rows[:MAX_ROWS]):
            top = 2 + number * ROW_HEIGHT
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(0, top, label_width - 6, ROW_HEIGHT),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), name)
            width = max(2.0, bar_space * seconds / biggest)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR_COLOR)
            painter.drawRoundedRect(QRectF(label_width, top + 3, width, ROW_HEIGHT - 6), 3, 3)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(label_width + width + 4, top, value_width, ROW_HEIGHT),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             f"{seconds / 60:.1f} min")
