"""Asking which side is tighter, for routines with "tighter side" steps.

Asked at the desk when Play is pressed (the runner is still there), with last
time's answer as the default, so a routine that repeats the tighter side plays
it where this runner needs it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from stretchdesk.core.vocabulary import Side

ChooseSide = Callable[[QWidget | None, Side], Side]


def ask_tighter_side(parent: QWidget | None, remembered: Side) -> Side:
    """Left or Right; Enter takes last time's side, Esc keeps it too."""
    box = QMessageBox(
        QMessageBox.Icon.Question, "Which side is tighter?",
        "This routine repeats some stretches on your tighter side. Which side is it today?",
        parent=parent,
    )
    left = box.addButton("Left", QMessageBox.ButtonRole.AcceptRole)
    right = box.addButton("Right", QMessageBox.ButtonRole.AcceptRole)
    default = left if remembered is Side.LEFT else right
    box.setDefaultButton(default)
    box.setEscapeButton(default)
    box.exec()
    return Side.LEFT if box.clickedButton() is left else Side.RIGHT
