"""`stretchdesk play`: one routine in the player, with no builder window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from stretchdesk import APP_NAME
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.workspace import Workspace
from stretchdesk.diagnostics import Diagnostics
from stretchdesk.player.controller import PlayerController
from stretchdesk.player.launcher import PlayerLauncher


def run_player(
    data_dir: str | None, routine_query: str, screen_index: int | None = None,
    on_ready: Callable[[PlayerController], None] | None = None,
) -> int:
    """`stretchdesk play`: the player alone; the app quits when the player closes."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    workspace = Workspace.open(Path(data_dir) if data_dir else None)
    routine = workspace.find(routine_query)
    screens = QGuiApplication.screens()
    screen_name = None
    if screen_index is not None:
        if not 0 <= screen_index < len(screens):
            raise StretchDeskError(
                f"no screen {screen_index}: this computer has {len(screens)} "
                f"(use 0 to {len(screens) - 1})"
            )
        screen_name = screens[screen_index].name()
    diagnostics = Diagnostics(parent=app)
    problem = diagnostics.install()
    launcher = PlayerLauncher(workspace, QSettings(APP_NAME, APP_NAME))
    controller = launcher.play(routine.id, screen_name)
    controller.finished.connect(app.quit)
    diagnostics.error_reported.connect(controller.controls.add_message)
    if problem:
        controller.controls.add_message(problem)
    if on_ready is not None:
        on_ready(controller)
    try:
        return app.exec()
    finally:
        diagnostics.uninstall()
