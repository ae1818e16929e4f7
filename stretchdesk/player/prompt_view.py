"""A question or hint across the TV: which key starts, or "Stop the routine?".

The title is as large as the pose name, so it reads from the mat at 3 m; the
keys that answer sit right under it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from stretchdesk.core.player_view import Prompt

QUESTION_BACKGROUND = QColor(12, 16, 24, 245)
HINT_BACKGROUND = QColor(12, 16, 24)


class PromptView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerPrompt")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._prompt: Prompt | None = None
        self._underlay: QColor | None = None
        self.title = self._label("playerPromptTitle", "white")
        self.keys = self._label("playerPromptKeys", "#ffd166")
        self.detail = self._label("playerPromptDetail", "rgba(255, 255, 255, 215)")
        self._layout = QVBoxLayout(self)
        self._layout.addStretch(1)
        for label in (self.title, self.keys, self.detail):
            self._layout.addWidget(label)
        self._layout.addStretch(1)
        self.hide()

    def _label(self, name: str, colour: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setStyleSheet(f"color: {colour};")
        return label

    def prompt(self) -> Prompt | None:
        return self._prompt

    def is_question(self) -> bool:
        return self._prompt is not None and self._prompt.question

    def show_prompt(self, prompt: Prompt | None) -> None:
        if prompt == self._prompt:
            return
        self._prompt = prompt
        if prompt is None:
            self.hide()
            return
        self.title.setText(prompt.title)
        self.keys.setText(prompt.keys)
        self.detail.setText(prompt.detail)
        self.detail.setVisible(bool(prompt.detail))
        self.show()
        self.raise_()
        self.update()

    def set_underlay(self, colour: QColor) -> None:
        """The screen's background, shown at the hint's rounded corners instead of the
        countdown the hint covers."""
        self._underlay = colour
        self.update()

    def scale(self, height: int, title_pixels: int) -> None:
        def font(pixels: int, bold: bool = False) -> QFont:
            chosen = QFont(self.font())
            chosen.setPixelSize(max(9, pixels))
            chosen.setBold(bold)
            return chosen

        self.title.setFont(font(title_pixels, bold=True))
        self.keys.setFont(font(round(height * 0.05), bold=True))
        self.detail.setFont(font(round(height * 0.038)))
        margin = round(height * 0.025)
        self._layout.setContentsMargins(margin, margin, margin, margin)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        question = self.is_question()
        if not question and self._underlay is not None:
            painter.fillRect(self.rect(), self._underlay)
        painter.setBrush(QUESTION_BACKGROUND if question else HINT_BACKGROUND)
        radius = self.height() * (0.06 if question else 0.04)
        painter.drawRoundedRect(self.rect(), radius, radius)
        painter.end()
