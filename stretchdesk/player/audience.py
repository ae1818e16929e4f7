"""The audience window: what the runner sees from the mat, full screen on the TV.

What it shows and how it answers; where each piece sits and how big its type is
lives in tv_layout.py. Keys, clicks and taps become intents (see keys.py); the
controller decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QWidget

from stretchdesk.core.player_view import Prompt, Summary, TvContent
from stretchdesk.core.session_state import Phase
from stretchdesk.player.figure_motion import FigureMotion
from stretchdesk.player.keys import intent_for
from stretchdesk.player.tv_layout import TvLayout
from stretchdesk.player.tv_style import BACKGROUNDS, CAUTION_COLOUR, phase_colours
from stretchdesk.pose_images import PoseImages


class AudienceWindow(TvLayout):
    close_requested = Signal()
    intent_triggered = Signal(str)
    clicked = Signal()
    first_frame_painted = Signal()

    def __init__(
        self, images: PoseImages, live: FigureMotion, parent: QWidget | None = None
    ) -> None:
        super().__init__(images, live, parent)
        self.setObjectName("playerWindow")
        self.setWindowTitle("StretchDesk player")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._phase = Phase.PREPARE
        self._accent = QColor(BACKGROUNDS[Phase.PREPARE][1])
        self._painted = False
        self._apply_phase(Phase.PREPARE)
        self.countdown.installEventFilter(self)  # the start hint follows the countdown's box

    # -- updates ---------------------------------------------------------------

    def show_content(self, content: TvContent) -> None:
        if content.phase is not self._phase:
            self._apply_phase(content.phase)
        if content.phase is Phase.DONE:
            return
        self._show_prompt(content.prompt)
        self.phase_pill.setText(f"  {content.phase_title}  " if not content.paused else "  PAUSED  ")
        self.overall_label.setText(f"{content.step_text}   ·   {content.time_left}")
        self._elide_routine_name()
        self.progress.set_state(content.overall, self._accent)
        self._set_side(content.side)
        if content.pose_name != self.pose_name.text():
            self.pose_name.setText(content.pose_name)
            self._fit_pose_name()
        self.countdown.set_state(content.countdown, content.fraction, self._accent, content.paused)
        self.countdown.set_breath(content.breath)
        steps = "\n".join(f"•  {line}" for line in content.lines)
        if steps != self.instructions.text():
            self.instructions.setText(steps)
            self._fit_instructions()
        self._set_caution(content.caution)
        self.page.setText(f"page {content.page.replace('/', ' of ')}, turning by itself" if content.page else "")
        self.next_up.setText(content.next_up)
        self.thumbnail.setVisible(content.next_pose_id is not None)
        self.thumbnail.set_pose(
            content.next_pose_id, content.next_side is not None and content.next_side.value == "left"
        )
        self.figure.set_scene(content.scene)

    def _set_caution(self, text: str) -> None:
        self.caution.setVisible(bool(text))
        self.caution.setToolTip(text)
        if not text:
            self.caution.setText("")
            return
        shown = f"⚠  {text}"
        self._fit_caution(shown)
        self.caution.setText(shown)

    def _show_prompt(self, prompt: Prompt | None) -> None:
        self.prompt.show_prompt(prompt)
        self._place_prompt()

    def _place_prompt(self) -> None:
        """A question covers the middle of the screen."""
        h, w = self.height(), self.width()
        if self.prompt.is_question():
            self.prompt.setGeometry(round(w * 0.08), round(h * 0.2), round(w * 0.84), round(h * 0.6))
        else:  # the start hint takes the countdown's place; pose, figure and steps stay in view
            self.prompt.setGeometry(QRect(self.countdown.mapTo(self, QPoint(0, 0)), self.countdown.size()))
        self.prompt.raise_()

    def show_summary(self, summary: Summary) -> None:
        self._apply_phase(Phase.DONE)
        self.prompt.show_prompt(None)
        self.done_view.show_summary(summary)

    def phase(self) -> Phase:
        return self._phase

    def _set_side(self, side: str) -> None:
        self.side_badge.setVisible(bool(side))
        if side and side != self.side_badge.text():
            self.side_badge.setText(side)
            self._style_side(side)
            self._fit_pose_name()

    def _apply_phase(self, phase: Phase) -> None:
        self._phase = phase
        background, accent = phase_colours(phase)
        self._accent = accent
        self.prompt.set_underlay(background)
        self._stack.setCurrentIndex(1 if phase is Phase.DONE else 0)
        radius = max(8, self._type_height() // 54)
        self.phase_pill.setStyleSheet(
            f"background: {accent.name()}; color: {background.name()}; border-radius: {radius}px;"
        )
        text = "color: white;"
        for label in (self.pose_name, self.routine_label, self.next_up):
            label.setStyleSheet(text)
        self.instructions.setStyleSheet("color: rgba(255, 255, 255, 225);")
        self.caution.setStyleSheet(f"color: {CAUTION_COLOUR};")
        self.page.setStyleSheet("color: rgba(255, 255, 255, 170);")
        self.overall_label.setStyleSheet("color: rgba(255, 255, 255, 200);")
        self.update()

    def _scale_fonts(self) -> None:
        """The pill's corners and the prompt's box follow the type to a new size too."""
        super()._scale_fonts()
        self._apply_phase(self._phase)
        self._place_prompt()

    # -- painting and input ----------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), phase_colours(self._phase)[0])
        painter.end()
        if not self._painted:
            self._painted = True
            self.first_frame_painted.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.countdown and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place_prompt()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        intent = intent_for(event.key())
        if intent is None or event.isAutoRepeat():
            super().keyPressEvent(event)
            return
        event.accept()
        self.intent_triggered.emit(intent.value)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click or a tap on the TV (touch arrives as a synthesized mouse press)."""
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.clicked.emit()
            return
        super().mousePressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_requested.emit()
        super().closeEvent(event)
