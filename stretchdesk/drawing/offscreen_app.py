"""A QGuiApplication for drawing from the command line, offscreen when there is no display."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None  # keeps the application alive as long as the process


def ensure_gui_app() -> QCoreApplication:
    """The running Qt application, or a new one (offscreen if no display is set)."""
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform == "linux" and no_display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(sys.argv[:1])
    return _app
