"""Composition root: builds the objects of the GUI and wires them together."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from stretchdesk import APP_NAME
from stretchdesk.core.paths import default_data_dir, resource
from stretchdesk.core.workspace import Workspace
from stretchdesk.imagecache import PoseImages
from stretchdesk.mainwindow import MainWindow
from stretchdesk.singleinstance import SingleInstance


def build_main_window(data_dir: Path | None = None, settings: QSettings | None = None) -> MainWindow:
    """The ready-to-show builder window for a data dir; starts no event loop.

    `settings` defaults to the user's StretchDesk settings; tests pass their own file.
    """
    app = QApplication.instance()
    if app is not None:
        app.setOrganizationName(APP_NAME)
        app.setApplicationName(APP_NAME)
    workspace = Workspace.open(data_dir)
    images = PoseImages(workspace.catalog, workspace.store.images_dir)
    window = MainWindow(workspace, settings or QSettings(APP_NAME, APP_NAME), images)
    images.setParent(window)
    for problem in workspace.problems:
        window.show_message(problem)
    return window


def run_gui(data_dir: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("stretchdesk")
    app.setWindowIcon(QIcon(str(resource("icons", "stretchdesk.svg"))))
    app.setStyle("Fusion")
    folder = default_data_dir(data_dir)
    instance = SingleInstance(folder)
    if not instance.acquire():
        print(f"StretchDesk is already open for {folder}; brought it to the front.")
        return 0
    window = build_main_window(folder)
    instance.raise_requested.connect(lambda: _bring_forward(window))
    window.show()
    try:
        return app.exec()
    finally:
        instance.release()


def _bring_forward(window: MainWindow) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
