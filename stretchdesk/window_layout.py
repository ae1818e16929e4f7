"""The builder window's size and pane widths: most of the screen the first time it
opens, then as the runner left them."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

FIRST_SIZE_SHARE = 0.85


def first_size(available: QSize, minimum: QSize) -> QSize:
    """The window's size the first time it opens: most of the screen, never below the
    minimum the three panes need (nor above the screen when the screen is smaller)."""
    width = max(minimum.width(), round(available.width() * FIRST_SIZE_SHARE))
    height = max(minimum.height(), round(available.height() * FIRST_SIZE_SHARE))
    return QSize(min(width, max(available.width(), minimum.width())),
                 min(height, max(available.height(), minimum.height())))


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    """The saved geometry and pane widths, or the first size centred on the window's screen."""
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        screen = window.screen().availableGeometry()
        window.resize(first_size(screen.size(), window.minimumSize()))
        frame = window.frameGeometry()
        frame.moveCenter(screen.center())
        window.move(frame.topLeft())
    state = settings.value("window/splitter")
    if isinstance(state, QByteArray) and not state.isEmpty():
        splitter.restoreState(state)


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
    settings.sync()
