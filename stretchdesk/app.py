"""Composition root: builds the objects of the GUI and wires them together."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow

from stretchdesk import APP_NAME
from stretchdesk.core.workspace import Workspace


def build_main_window(data_dir: Path | None = None) -> QMainWindow:
    workspace = Workspace.open(data_dir)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    routines = QListWidget()
    routines.setObjectName("routineList")
    routines.addItems([entry.routine.name for entry in workspace.entries()])
    window.setCentralWidget(routines)
    window.resize(1280, 800)
    return window


def run_gui(data_dir: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    window = build_main_window(Path(data_dir) if data_dir else None)
    window.show()
    return app.exec()
