"""How the TV reads from the mat: a colour per phase, and type sized as a share of the
window height, so the same layout reads from 3 m on a 1080p TV and still fits a small
window while testing. Long text shrinks, down to a floor that still reads, before it wraps."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QLabel

from stretchdesk.core.session_state import Phase

BACKGROUNDS = {
    Phase.PREPARE: ("#17324f", "#ffd166"),
    Phase.HOLD: ("#0d3b2c", "#5ef2a6"),
    Phase.SWITCH: ("#45195a", "#f5a3ff"),
    Phase.TRANSITION: ("#1b2547", "#7cc6ff"),
    Phase.REST: ("#2a2f37", "#d5dde8"),
    Phase.DONE: ("#123f26", "#ffe08a"),
}
SIDE_COLOURS = {"LEFT": "#ff9f43", "RIGHT": "#4cc9f0"}
CAUTION_COLOUR = "#ffb347"

NAME_SHARE = 0.08
MIN_NAME_SHARE = 0.05
STEPS_SHARE = 0.04
MIN_STEPS_SHARE = 0.03
CAUTION_SHARE = 0.036
MIN_CAUTION_RATIO = 0.7
SMALLEST_PX = 9
NARROWEST_ASPECT = 1.25  # the layout reads right from 16:9 down to 5:4 (width / height)


def phase_colours(phase: Phase) -> tuple[QColor, QColor]:
    background, accent = BACKGROUNDS[phase]
    return QColor(background), QColor(accent)


def sized(font: QFont, pixels: int) -> QFont:
    resized = QFont(font)
    resized.setPixelSize(pixels)
    return resized


def type_height(width: int, height: int) -> int:
    """The height the TV sizes its type and spacing from: the window's own, or on a screen
    squarer than 5:4 (a portrait monitor, a square window) that of a 5:4 screen as wide,
    so a long name, the clock or the countdown never runs off the sides."""
    return max(200, min(height, round(width / NARROWEST_ASPECT)))


def share_font(base: QFont, height: int, share: float, bold: bool = False) -> QFont:
    """`base` at `share` of a window `height` pixels high (never below a readable minimum)."""
    chosen = sized(base, max(SMALLEST_PX, round(height * share)))
    chosen.setBold(bold)
    return chosen


def shrunk_to_fit(font: QFont, text: str, full: int, floor: int, room: int) -> QFont:
    """`font` at `full` pixels when `text` fits in `room` pixels on one line; otherwise
    shrunk in proportion, but not below `floor` (the caller lets the rest wrap), and
    always small enough that its longest word fits: a cut-off word reads worse than a
    smaller one."""
    wanted = QFontMetrics(sized(font, full)).horizontalAdvance(text)
    if room <= 0 or wanted <= room:
        return sized(font, full)
    size = max(floor, int(full * room / wanted))
    metrics = QFontMetrics(sized(font, size))
    longest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
    if longest > room:
        size = max(SMALLEST_PX, int(size * room / longest))
    return sized(font, size)


def fit_to_height(label: QLabel, size: int, floor: int) -> None:
    """Set the largest pixel size from `size` down to `floor` at which the label's wrapped
    text fits its height."""
    font = QFont(label.font())
    while True:
        font.setPixelSize(size)
        label.setFont(font)
        if size <= floor or label.width() <= 0 or label.heightForWidth(label.width()) <= label.height():
            return
        size -= 1
