"""The TV's layout: which widget sits where, and type sized to the window it fills.

Kept apart from audience.py, which says what the TV shows and how it answers the runner:
this part changes when the TV must read on another shape of screen (every size is a
share of the height from tv_style.py; long text shrinks to a floor before it wraps),
that one when the player learns something new.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QScreen
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

from stretchdesk.player.done_view import DoneView
from stretchdesk.player.figure_motion import FigureMotion
from stretchdesk.player.figure_view import FigureView, Thumbnail
from stretchdesk.player.prompt_view import PromptView
from stretchdesk.player.tv_style import (
    CAUTION_SHARE,
    MIN_CAUTION_RATIO,
    MIN_NAME_SHARE,
    MIN_STEPS_SHARE,
    NAME_SHARE,
    SIDE_COLOURS,
    SMALLEST_PX,
    STEPS_SHARE,
    fit_to_height,
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


class TvLayout(QWidget):
    """A top-level window holding the TV's widgets, laid out, with type that follows its size."""

    def __init__(
        self, images: PoseImages, live: FigureMotion, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._routine_name = ""
        self._scaled_for = QSize()
        self._build(images, live)

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

    def _style_side(self, side: str) -> None:
        colour = SIDE_COLOURS.get(side, "#ffffff")
        radius = max(8, self._type_height() // 60)
        self.side_badge.setStyleSheet(
            f"background: {colour}; color: #10141a; border-radius: {radius}px;"
            f" padding: 0 {radius * 2}px;"
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

    def _fit_caution(self, shown: str) -> None:
        """One line across the screen: a long caution shrinks (to a floor) before it wraps."""
        h = self._type_height()
        full = max(SMALLEST_PX, round(h * CAUTION_SHARE))
        room = max(40, self.width() - 2 * round(h * 0.03))
        font = shrunk_to_fit(self.caution.font(), shown, full, round(full * MIN_CAUTION_RATIO), room)
        self.caution.setFont(font)
        # still too long at the smallest size: a second line rather than a lost word
        self.caution.setWordWrap(QFontMetrics(font).horizontalAdvance(shown) > room)
