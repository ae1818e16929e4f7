"""Keys the player understands, as intents: one table for the TV and the desk.

Wireless presenter clickers send PageDown / PageUp / B or . / F5 / Esc; media
keyboards and remotes send the media keys. What an intent does depends on the
moment (before the start, while asking to stop): the controller decides that.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt


class Intent(StrEnum):
    GO = "go"  # start, or pause/resume; answers "keep going" while asking to stop
    NEXT = "next"  # start, or skip to the next step
    PREVIOUS = "previous"
    PAUSE = "pause"  # pause or resume (a clicker's "blank screen" key)
    START = "start"  # start, or resume when paused
    STOP = "stop"  # ask to stop; confirms while asking
    EXTEND = "extend"


KEY_INTENTS: dict[Qt.Key, Intent] = {
    Qt.Key.Key_Space: Intent.GO,
    Qt.Key.Key_Return: Intent.GO,
    Qt.Key.Key_Enter: Intent.GO,
    Qt.Key.Key_MediaPlay: Intent.GO,
    Qt.Key.Key_MediaTogglePlayPause: Intent.GO,
    Qt.Key.Key_PageDown: Intent.NEXT,
    Qt.Key.Key_Right: Intent.NEXT,
    Qt.Key.Key_MediaNext: Intent.NEXT,
    Qt.Key.Key_PageUp: Intent.PREVIOUS,
    Qt.Key.Key_Left: Intent.PREVIOUS,
    Qt.Key.Key_MediaPrevious: Intent.PREVIOUS,
    Qt.Key.Key_B: Intent.PAUSE,
    Qt.Key.Key_Period: Intent.PAUSE,
    Qt.Key.Key_MediaPause: Intent.PAUSE,
    Qt.Key.Key_F5: Intent.START,
    Qt.Key.Key_Escape: Intent.STOP,
    Qt.Key.Key_MediaStop: Intent.STOP,
    Qt.Key.Key_Up: Intent.EXTEND,
}


def intent_for(key: int) -> Intent | None:
    """The intent of a key press (modifiers ignored: Shift+F5 is F5 too), or None."""
    try:
        return KEY_INTENTS.get(Qt.Key(key))
    except ValueError:
        return None
