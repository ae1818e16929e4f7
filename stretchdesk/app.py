"""Composition root: builds the objects of the GUI and wires them together."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from stretchdesk import APP_NAME
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.paths import default_data_dir, resource
from stretchdesk.core.workspace import Workspace
from stretchdesk.imagecache import PoseImages
from stretchdesk.mainwindow import MainWindow
from stretchdesk.player.history_view import HistoryView
from stretchdesk.player.launcher import PlayerLauncher
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
    settings = settings or QSettings(APP_NAME, APP_NAME)
    window = MainWindow(workspace, settings, images)
    images.setParent(window)
    _add_player(window, workspace, settings)
    for problem in workspace.problems:
        window.show_message(problem)
    return window


def _add_player(window: MainWindow, workspace: Workspace, settings: QSettings) -> None:
    """The Play button opens the player; Play > Session history shows the log it keeps."""
    launcher = PlayerLauncher(workspace, settings, parent=window)
    history = HistoryView(launcher.history, window)
    history.setWindowFlag(Qt.WindowType.Window)
    history.setWindowTitle(f"{APP_NAME} — session history")
    history.resize(720, 520)

    def play(routine_id: str) -> None:
        try:
            controller = launcher.play(routine_id)
        except StretchDeskError as error:
            window.show_message(str(error))
            return
        controller.logged.connect(history.refresh)

    def show_history() -> None:
        history.refresh()
        history.show()
        history.raise_()

    window.play_requested.connect(play)
    history_action = window.play_menu.addAction("Session &history…")
    history_action.setStatusTip("Sessions you played, your streak and minutes per area")
    history_action.triggered.connect(show_history)


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
