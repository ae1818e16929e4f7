"""Painted pieces of the audience window: the countdown and the progress bars.

They paint themselves (rather than styling stock widgets) so sizes follow the
window height and stay readable from a mat across the room.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.core.player_view import Breath
from stretchdesk.player.tv_style import type_height

TRACK = QColor(255, 255, 255, 46)
DIGIT_SHARE = 0.27
MIN_DIGIT_SHARE = 0.2


def digit_font(glyph_height: float, family_font: QFont | None = None) -> QFont:
    """A bold font whose digits are `glyph_height` pixels tall (measured, not guessed)."""
    font = QFont(family_font) if family_font else QFont()
    font.setBold(True)
    font.setPixelSize(100)
    measured = QFontMetricsF(font).tightBoundingRect("0123456789").height() or 72.0
    font.setPixelSize(max(8, round(100 * glyph_height / measured)))
    return font


class Countdown(QWidget):
    """Huge digits over a thick bar that empties as the step runs out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._text = ""
        self._fraction = 0.0
        self._accent = QColor("#5ef2a6")
        self._paused = False
        self._glyph_height = 216.0
        self._breath: Breath | None = None

    def text(self) -> str:
        return self._text

    def set_state(self, text: str, fraction: float, accent: QColor, paused: bool) -> None:
        changed = (text, paused, accent) != (self._text, self._paused, self._accent)
        moved = abs(fraction - self._fraction) * self.width() >= 1
        self._text, self._fraction, self._accent, self._paused = text, fraction, accent, paused
        self.setAccessibleName(f"{text} seconds left" if text else "")
        if changed or moved:
            self.update()

    def set_breath(self, breath: Breath | None) -> None:
        """A ring around the digits that grows as you breathe in and shrinks as you breathe out."""
        if breath != self._breath:
            self._breath = breath
            self.update()

    def breath(self) -> Breath | None:
        return self._breath

    def breath_ring(self) -> QRectF:
        """Where the breathing ring is drawn now (empty without one)."""
        if self._breath is None:
            return QRectF()
        area = self._digit_area()
        smallest = min(area.height(), area.width()) * 0.7
        largest = min(area.height(), area.width()) * 1.0
        diameter = smallest + (largest - smallest) * self._breath.size
        ring = QRectF(0, 0, diameter, diameter)
        ring.moveCenter(area.center())
        return ring

    def _paint_breath(self, painter: QPainter) -> None:
        if self._breath is None:
            return
        ring = self.breath_ring()
        glow = QColor(self._accent)
        glow.setAlpha(40)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(glow)
        painter.drawEllipse(ring)
        edge = QColor(self._accent)
        edge.setAlpha(200)
        painter.setPen(QPen(edge, max(4.0, self._glyph_height * 0.04)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(ring)
        label = QFont(self.font())
        label.setBold(True)
        label.setPixelSize(max(14, round(self._glyph_height * 0.16)))
        painter.setFont(label)
        painter.setPen(edge)
        digits = self.digit_box()  # the words go beside the digits, never under them
        left = min(ring.left(), digits.left())
        words = QRectF(0, ring.top(), max(0.0, left - self._glyph_height * 0.1), ring.height())
        painter.drawText(words, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"breathe\n{self._breath.word}")

    def set_glyph_height(self, pixels: float) -> None:
        self._glyph_height = pixels
        self.update()

    def digit_height(self) -> float:
        """The drawn height of the digits in pixels (what a runner sees)."""
        return QFontMetricsF(self._fitted_font()).tightBoundingRect("0123456789").height()

    def digit_box(self) -> QRectF:
        """Where the digits' ink lands inside the widget, as painted (for layout checks)."""
        return self._digit_placement(self._fitted_font())[1]

    def _digit_placement(self, font: QFont) -> tuple[QPointF, QRectF]:
        """The baseline origin that centres the digits' ink (not their line box) in the area.

        Centring the line box would leave the empty descender space below the
        digits and push their tops out of a tight widget.
        """
        metrics = QFontMetricsF(font)
        text = self._text or "0"
        ink = metrics.tightBoundingRect(text)
        area = self._digit_area()
        origin = QPointF(area.center().x() - metrics.horizontalAdvance(text) / 2, area.center().y() - ink.center().y())
        return origin, ink.translated(origin)

    def sizeHint(self) -> QSize:
        return QSize(600, int(self._glyph_height * 1.6))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, int(self._glyph_height * 1.15 + self._bar_height() * 1.5))

    def _bar_height(self) -> float:
        return max(12.0, self._glyph_height * 0.1)

    def _digit_area(self) -> QRectF:
        return QRectF(0, 0, self.width(), self.height() - self._bar_height() * 1.5)

    def _fitted_font(self) -> QFont:
        """Digits as tall as asked, shrunk only if the widget is too narrow or too short.

        Never below MIN_DIGIT_SHARE of the window: readable from the mat beats tidy.
        """
        glyph = self._glyph_height
        font = digit_font(glyph, self.font())
        width = QFontMetricsF(font).horizontalAdvance(self._text or "0")
        if width > self.width() * 0.96 > 0:
            glyph = glyph * self.width() * 0.96 / width
        glyph = min(glyph, self._digit_area().height() / 1.08)
        window = self.window()
        floor = type_height(window.width(), window.height()) * MIN_DIGIT_SHARE if window else 0.0
        glyph = max(glyph, floor)
        return font if glyph == self._glyph_height else digit_font(glyph, self.font())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar_height = self._bar_height()
        bar = QRectF(0, self.height() - bar_height, self.width(), bar_height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(bar, bar_height / 2, bar_height / 2)
        left = max(0.0, 1.0 - self._fraction)
        if left > 0:
            filled = QRectF(bar.left(), bar.top(), max(bar_height, bar.width() * left), bar_height)
            painter.setBrush(self._accent if not self._paused else QColor(255, 255, 255, 110))
            painter.drawRoundedRect(filled, bar_height / 2, bar_height / 2)
        self._paint_breath(painter)
        font = self._fitted_font()
        painter.setFont(font)
        painter.setPen(QColor("white") if not self._paused else QColor(255, 255, 255, 150))
        digits = self._digit_area()
        painter.drawText(self._digit_placement(font)[0], self._text)
        if self._paused:
            label = QFont(self.font())
            label.setBold(True)
            label.setPixelSize(max(12, round(self._glyph_height * 0.3)))
            painter.setFont(label)
            metrics = QFontMetricsF(label)
            box = metrics.boundingRect("PAUSED").adjusted(-30, -12, 30, 12)
            box.moveCenter(digits.center())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 200))
            painter.drawRoundedRect(box, box.height() / 4, box.height() / 4)
            painter.setPen(self._accent)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "PAUSED")
        painter.end()


class ProgressStrip(QWidget):
    """The whole routine's progress: a thin bar across the top of the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._accent = QColor("white")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(14)

    def fraction(self) -> float:
        return self._fraction

    def set_state(self, fraction: float, accent: QColor) -> None:
        if abs(fraction - self._fraction) * self.width() >= 1 or accent != self._accent:
            self._fraction, self._accent = fraction, accent
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = self.height() / 2
        painter.setBrush(TRACK)
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        if self._fraction > 0:
            done = QRectF(0, 0, max(self.height(), self.width() * self._fraction), self.height())
            painter.setBrush(self._accent)
            painter.drawRoundedRect(done, radius, radius)
        painter.end()
