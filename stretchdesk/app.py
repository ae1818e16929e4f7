"""Composition root: builds the objects of the GUI and wires them together."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from stretchdesk import APP_NAME
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.paths import default_data_dir, resource
from stretchdesk.core.storage import Store
from stretchdesk.core.workspace import Workspace
from stretchdesk.diagnostics import Diagnostics, default_log_dir
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.library.feel_it_here import FeelItHereOption
from stretchdesk.mainwindow import MainWindow
from stretchdesk.play_feature import LauncherFactory, PlayerFeature
from stretchdesk.pose_images import PoseImages
from stretchdesk.singleinstance import SingleInstance


def build_main_window(
    data_dir: Path | None = None,
    settings: QSettings | None = None,
    make_launcher: LauncherFactory | None = None,
    diagnostics: Diagnostics | None = None,
) -> MainWindow:
    """The ready-to-show builder window for a data dir; starts no event loop.

    `settings` defaults to the user's StretchDesk settings; tests pass their own
    file, and `make_launcher` to play with a fake clock and silent sound.
    """
    app = QApplication.instance()
    if app is not None:
        app.setOrganizationName(APP_NAME)
        app.setApplicationName(APP_NAME)
    workspace = Workspace.open(data_dir)
    images = PoseImages(workspace.catalog, workspace.store.images_dir)
    catalog = PoseCatalog(workspace.catalog)
    catalog.changed.connect(lambda: images.set_catalog(catalog.current))  # first: views repaint next
    settings = settings or QSettings(APP_NAME, APP_NAME)
    window = MainWindow(workspace, settings, images, catalog)
    images.setParent(window)
    catalog.setParent(window)
    PlayerFeature(window, workspace, settings, make_launcher)
    FeelItHereOption(window, window.play_menu.menuAction(), images, settings)
    LogFolder(window, diagnostics.log_dir if diagnostics else default_log_dir())
    if diagnostics is not None:
        diagnostics.error_reported.connect(window.show_message)
    window.report_problems(workspace.problems)
    return window


class LogFolder(QObject):
    """Help > Open log folder: where the log and crash reports are, for a bug report."""

    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.folder = folder
        self.action = QAction("Open &log folder", window)
        self.action.setObjectName("openLogFolderAction")
        self.action.setStatusTip(f"Open {folder}: what went wrong is written there")
        window.help_menu.addAction(self.action)
        self.action.triggered.connect(self._on_action_triggered)

    def _on_action_triggered(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


def run_gui(data_dir: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("stretchdesk")
    app.setWindowIcon(QIcon(str(resource("icons", "stretchdesk.svg"))))
    app.setStyle("Fusion")
    folder = open_data_dir(data_dir)
    instance = SingleInstance(folder)
    if not instance.acquire():
        print(f"StretchDesk is already open for {folder}; brought it to the front.")
        return 0
    diagnostics = Diagnostics(parent=app)
    problem = diagnostics.install()
    window = build_main_window(folder, diagnostics=diagnostics)
    instance.raise_requested.connect(lambda: _bring_forward(window))
    window.show()
    if problem:
        window.show_message(problem)
    try:
        return app.exec()
    finally:
        instance.release()
        diagnostics.uninstall()


def open_data_dir(data_dir: str | None) -> Path:
    """The data folder, made ready before the single-instance lock is taken; a data dir that
    can't be used (a file, a broken link) stops here with one line, also in a window when
    nobody reads standard error."""
    folder = default_data_dir(data_dir)
    try:
        Store(folder).ensure()
    except StretchDeskError as error:
        if _started_without_a_terminal():
            QMessageBox.critical(None, APP_NAME, f"StretchDesk can't open its data folder.\n\n{error}")
        raise
    return folder


def _started_without_a_terminal() -> bool:
    """Started from the desktop menu, nobody reads standard error: an error that stops the
    app must also be said in a window. Offscreen (tests, screenshots) nobody could close it."""
    offscreen = QGuiApplication.platformName() in ("offscreen", "minimal")
    return not offscreen and not (sys.stderr is not None and sys.stderr.isatty())


def _bring_forward(window: MainWindow) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
