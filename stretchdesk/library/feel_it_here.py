"""View › Show where you feel it: the builder's figures with the muscles each pose works lit.

The player's figure always glows over the hold's target areas; in the builder the same glow
is an option, off by default so the library stays quiet, and remembered between sessions.
It lights the packaged figures on the library's cards, in the pose detail and in the
routine's rows; a user's own pictures are shown as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from stretchdesk.pose_images import PoseImages

SETTING = "view/feel_it_here"


class FeelItHereOption(QObject):
    """Owns the View menu's checkable action and keeps PoseImages and the settings in step."""

    def __init__(self, window: QMainWindow, before: QAction, images: PoseImages, settings: QSettings) -> None:
        super().__init__(window)
        self._images = images
        self._settings = settings
        self.action = QAction("Show where you &feel it", window)
        self.action.setObjectName("feelItHereAction")
        self.action.setCheckable(True)
        tip = "Light the muscles each pose works on its figure, as the player does"
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.menu = QMenu("&View", window)
        self.menu.setObjectName("viewMenu")
        self.menu.addAction(self.action)
        window.menuBar().insertMenu(before, self.menu)
        self.action.setChecked(bool(settings.value(SETTING, False, type=bool)))
        images.set_glow(self.action.isChecked())
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.action.toggled.connect(self._on_action_toggled)

    def _on_action_toggled(self, on: bool) -> None:
        self._images.set_glow(on)
        self._settings.setValue(SETTING, on)
