"""GUI fixtures: a builder window on a fresh data dir with its own settings file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from stretchdesk.app import build_main_window
from stretchdesk.mainwindow import MainWindow

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path, settings_path: Path) -> WindowFactory:
    """Builds (and shows) a window on `data_dir`; call again to simulate a restart."""

    def make() -> MainWindow:
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = build_main_window(data_dir, settings)
        qtbot.addWidget(window)
        window.resize(1440, 900)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()
