"""The last screen: what was done and how long it took."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from stretchdesk.core.player_view import Summary


class DoneView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerDone")
        self.title = QLabel("Well done!", self)
        self.routine = QLabel(self)
        self.stats = QLabel(self)
        self.stats.setObjectName("playerDoneStats")
        self.poses = QLabel(self)
        self.poses.setWordWrap(True)
        self.saved = QLabel(self)
        self.saved.setObjectName("playerDoneSaved")
        self.saved.setWordWrap(True)
        for label in (self.title, self.routine, self.stats, self.poses, self.saved):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("color: #ffe08a;")
        self.routine.setStyleSheet("color: white;")
        self.stats.setStyleSheet("color: white;")
        self.poses.setStyleSheet("color: rgba(255, 255, 255, 215);")
        self.saved.setStyleSheet("color: rgba(255, 255, 255, 225);")
        self._layout = layout = QVBoxLayout(self)
        layout.addStretch(2)
        for label in (self.title, self.routine, self.stats):
            layout.addWidget(label)
        layout.addSpacing(24)
        layout.addWidget(self.poses)
        layout.addStretch(3)
        layout.addWidget(self.saved)

    def show_summary(self, summary: Summary) -> None:
        self.routine.setText(summary.routine_name)
        self.stats.setText(
            f"{summary.total_time}   ·   {summary.holds_done} of {summary.holds_total} poses"
        )
        self.poses.setText("   ·   ".join(summary.poses))
        self.saved.setText(summary.saved)

    def scale(self, height: int) -> None:
        def font(share: float, bold: bool = False) -> QFont:
            chosen = QFont(self.font())
            chosen.setPixelSize(max(9, round(height * share)))
            chosen.setBold(bold)
            return chosen

        self.title.setFont(font(0.16, bold=True))
        self.routine.setFont(font(0.05))
        self.stats.setFont(font(0.08, bold=True))
        self.poses.setFont(font(0.036))
        self.saved.setFont(font(0.045, bold=True))
        margin = round(height * 0.05)
        self._layout.setContentsMargins(margin, margin, margin, margin)
