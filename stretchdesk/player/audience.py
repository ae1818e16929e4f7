"""The audience window: what the runner sees from the mat, full screen on the TV.

Every size is a share of the window height (tv_style.py). Keys, clicks and taps
become intents (see keys.py); the controller decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.core.player_view import Prompt, Summary, TvContent
from stretchdesk.core.session import Phase
from stretchdesk.player.done_view import DoneView
from stretchdesk.player.figure_motion import FigureMotion
from stretchdesk.player.figure_view import FigureView, Thumbnail
from stretchdesk.player.keys import intent_for
from stretchdesk.player.prompt_view import PromptView
from stretchdesk.player.tv_style import (
    BACKGROUNDS,
    CAUTION_COLOUR,
    CAUTION_SHARE,
    MIN_CAUTION_RATIO,
    MIN_NAME_SHARE,
    MIN_STEPS_SHARE,
    NAME_SHARE,
    SIDE_COLOURS,
    SMALLEST_PX,
    STEPS_SHARE,
    fit_to_height,
    phase_colours,
    share_font,
    shrunk_to_fit,
    type_height,
)
from stretchdesk.player.widgets import DIGIT_SHARE, Countdown, ProgressStrip
from stretchdesk.pose_images import PoseImages


def _label(name: str, parent: QWidget, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class AudienceWindow(QWidget):
    close_requested = Signal()
    intent_triggered = Signal(str)
    clicked = Signal()
    first_frame_painted = Signal()

    def __init__(
        self, images: PoseImages, live: FigureMotion, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("playerWindow")
        self.setWindowTitle("StretchDesk player")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._phase = Phase.PREPARE
        self._routine_name = ""
        self._accent = QColor(BACKGROUNDS[Phase.PREPARE][1])
        self._scaled_for = QSize()
        self._painted = False
        self._build(images, live)
        self._apply_phase(Phase.PREPARE)
        self.countdown.installEventFilter(self)  # the start hint follows the countdown's box

    def _build(self, images: PoseImages, live: FigureMotion) -> None:
        self.phase_pill = _label("playerPhase", self)
        self.routine_label = _label("playerRoutine", self)
        self.routine_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.routine_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.overall_label = _label("playerOverall", self)
        self.overall_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress = ProgressStrip(self)
        self.figure = FigureView(images, live, self)
        self.pose_name = _label("playerPoseName", self, wrap=True)
        self.pose_name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.side_badge = _label("playerSide", self)
        self.side_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = Countdown(self)
        self.countdown.setObjectName("playerCountdown")
        self.instructions = _label("playerInstructions", self, wrap=True)
        self.instructions.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caution = _label("playerCaution", self)
        self.caution.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.page = _label("playerPage", self)
        self.page.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.thumbnail = Thumbnail(images, self)
        self.next_up = _label("playerNextUp", self, wrap=True)
        self.done_view = DoneView(self)
        self.prompt = PromptView(self)

        top = QHBoxLayout()
        top.addWidget(self.phase_pill, 0)
        top.addWidget(self.routine_label, 1)
        top.addWidget(self.overall_label, 0)

        # name and side share one row so the countdown keeps the rest of the column
        title_row = QHBoxLayout()
        title_row.addWidget(self.pose_name, 1)
        title_row.addWidget(self.side_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        right = QVBoxLayout()
        right.addLayout(title_row)
        right.addWidget(self.countdown, 1)

        middle = QHBoxLayout()
        middle.addWidget(self.figure, 46)
        middle.addLayout(right, 54)

        next_box = QHBoxLayout()
        next_box.addWidget(self.thumbnail)
        next_box.addWidget(self.next_up, 1)
        bottom = QGridLayout()
        bottom.addWidget(self.instructions, 0, 0)
        bottom.addWidget(self.page, 1, 0)
        bottom.addLayout(next_box, 0, 1, 2, 1)
        bottom.setColumnStretch(0, 60)
        bottom.setColumnStretch(1, 40)

        playing = QWidget(self)
        column = QVBoxLayout(playing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.progress)
        column.addLayout(middle, 1)
        column.addLayout(bottom)
        column.addWidget(self.caution)
        self._column = column
        self._stack = QStackedLayout(self)
        # the window takes its screen's size; never let content resize it
        self._stack.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._stack.addWidget(playing)
        self._stack.addWidget(self.done_view)

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
        """One line across the screen: a long caution shrinks (to a floor) before it wraps."""
        self.caution.setVisible(bool(text))
        self.caution.setToolTip(text)
        if not text:
            self.caution.setText("")
            return
        shown = f"⚠  {text}"
        h = self._type_height()
        full = max(SMALLEST_PX, round(h * CAUTION_SHARE))
        room = max(40, self.width() - 2 * round(h * 0.03))
        font = shrunk_to_fit(self.caution.font(), shown, full, round(full * MIN_CAUTION_RATIO), room)
        self.caution.setFont(font)
        # still too long at the smallest size: a second line rather than a lost word
        self.caution.setWordWrap(QFontMetrics(font).horizontalAdvance(shown) > room)
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

    def set_routine_name(self, name: str) -> None:
        self._routine_name = name
        self._elide_routine_name()

    def _elide_routine_name(self) -> None:
        # measured from the neighbours' hints: the label's own width lags a pill change by a layout pass
        metrics = QFontMetrics(self.routine_label.font())
        margins = self._column.contentsMargins()
        neighbours = self.phase_pill.sizeHint().width() + self.overall_label.sizeHint().width()
        spacing = 2 * max(0, self._column.spacing()) + metrics.averageCharWidth() * 2
        width = max(40, self.width() - margins.left() - margins.right() - neighbours - spacing)
        self.routine_label.setText(
            metrics.elidedText(self._routine_name, Qt.TextElideMode.ElideRight, width)
        )

    def _fit_pose_name(self) -> None:
        """One line when it can: shrink a long name (to a floor) before letting it wrap."""
        h = self._type_height()
        # the name shares the right column (54 of 100 parts) with the side badge;
        # measured from the window, before the layout settles
        badge = self.side_badge.sizeHint().width() if self.side_badge.text() else 0
        margins = self._column.contentsMargins()
        spacing = max(0, self._column.spacing())
        column = (self.width() - margins.left() - margins.right() - spacing) * 54 // 100
        self.pose_name.setFont(shrunk_to_fit(
            self.pose_name.font(), self.pose_name.text(), max(SMALLEST_PX, round(h * NAME_SHARE)),
            round(h * MIN_NAME_SHARE), column - badge - 2 * spacing))

    def _fit_instructions(self) -> None:
        """Every step shows whole: shrink the type a little (never below a size that still
        reads from the mat) when a page of long steps would overflow its box."""
        h = self._type_height()
        fit_to_height(self.instructions, max(SMALLEST_PX, round(h * STEPS_SHARE)),
                      max(SMALLEST_PX, round(h * MIN_STEPS_SHARE)))

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

    def _style_side(self, side: str) -> None:
        colour = SIDE_COLOURS.get(side, "#ffffff")
        radius = max(8, self._type_height() // 60)
        self.side_badge.setStyleSheet(
            f"background: {colour}; color: #10141a; border-radius: {radius}px;"
            f" padding: 0 {radius * 2}px;"
        )

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

    # -- painting and sizing ---------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), phase_colours(self._phase)[0])
        painter.end()
        if not self._painted:
            self._painted = True
            self.first_frame_painted.emit()

    def prepare_for(self, screen: QScreen) -> None:
        """Take `screen`'s size while still hidden: polish, scale the type and lay out now,
        so that showing full screen there later only paints."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.ensurePolished()
        self._scale_fonts()
        self._stack.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size() != self._scaled_for:  # prepared at this size already: nothing to redo
            self._scale_fonts()

    def _type_height(self) -> int:
        return type_height(self.width(), self.height())

    def _scale_fonts(self) -> None:
        self._scaled_for = self.size()
        h = self._type_height()

        def font(share: float, bold: bool = False) -> QFont:
            return share_font(self.font(), h, share, bold)

        margin = round(h * 0.03)
        self._column.setContentsMargins(margin, margin, margin, margin)
        self._column.setSpacing(round(h * 0.018))
        self.phase_pill.setFont(font(0.05, bold=True))
        self.routine_label.setFont(font(0.035))
        self.overall_label.setFont(font(0.042, bold=True))
        self.progress.setFixedHeight(max(6, round(h * 0.014)))
        self.pose_name.setFont(font(NAME_SHARE, bold=True))
        self.side_badge.setFont(font(0.06, bold=True))
        self.side_badge.setMinimumHeight(round(h * 0.09))
        self.countdown.set_glyph_height(h * DIGIT_SHARE)
        self.instructions.setFont(font(STEPS_SHARE))
        self.caution.setFont(font(CAUTION_SHARE, bold=True))
        self.page.setFont(font(0.03))
        self.prompt.scale(h, round(h * NAME_SHARE))
        self.next_up.setFont(font(0.048, bold=True))
        thumb = round(h * 0.17)
        self.thumbnail.setFixedSize(thumb, thumb)
        self.instructions.setMinimumHeight(round(h * 0.17))
        self.done_view.scale(h)
        if self.side_badge.text():
            self._style_side(self.side_badge.text())  # first: the name is fitted beside the badge
        self._elide_routine_name()
        self._fit_pose_name()
        self._fit_instructions()
        self._apply_phase(self._phase)
        self._place_prompt()

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
