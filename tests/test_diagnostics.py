"""Diagnostics: a rotating log under the user log dir (tmp_path here), exception hooks that
write there, one line to the user, and Help > Open log folder."""

from __future__ import annotations

import faulthandler
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from stretchdesk.app import build_main_window
from stretchdesk.diagnostics import LOG_FILE, Diagnostics


class Faulty(QObject):
    poked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.poked.connect(self._on_poked)

    def _on_poked(self) -> None:
        raise ValueError("the routine file has no name")


@pytest.fixture
def diagnostics(tmp_path: Path) -> Iterator[Diagnostics]:
    installed = Diagnostics(tmp_path / "logs")
    assert installed.install() is None
    yield installed
    installed.uninstall()
    assert sys.excepthook != installed._on_exception


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown_in_one_line(
    qtbot: Any, data_dir: Path, tmp_path: Path, diagnostics: Diagnostics
) -> None:
    window = build_main_window(data_dir, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                               diagnostics=diagnostics)
    qtbot.addWidget(window)
    window.show()
    lines: list[str] = []
    diagnostics.error_reported.connect(lines.append)
    faulty = Faulty()
    faulty.poked.emit()
    log = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "ValueError: the routine file has no name" in log and "Traceback" in log
    assert lines == [f"Something went wrong (the routine file has no name); the details are in "
                     f"{tmp_path / 'logs' / LOG_FILE}"]
    assert window.statusBar().currentMessage() == lines[0]
    assert "\n" not in lines[0]


def test_a_thread_exception_is_logged(tmp_path: Path, diagnostics: Diagnostics) -> None:
    def fail() -> None:
        raise RuntimeError("voice engine exploded")

    worker = threading.Thread(target=fail, name="worker")
    worker.start()
    worker.join()
    log = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "Unexpected error in thread worker" in log and "voice engine exploded" in log
    assert faulthandler.is_enabled()


def test_a_log_folder_that_cannot_be_made_is_one_line_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    broken = Diagnostics(blocker / "logs")
    problem = broken.install()
    assert problem is not None and str(blocker / "logs") in problem and "\n" not in problem
    broken.uninstall()


def test_help_has_open_log_folder(qtbot: Any, data_dir: Path, tmp_path: Path) -> None:
    diagnostics = Diagnostics(tmp_path / "logs")
    window = build_main_window(data_dir, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                               diagnostics=diagnostics)
    qtbot.addWidget(window)
    action = window.findChild(QAction, "openLogFolderAction")
    assert action is not None and action in window.help_menu.actions()
    assert str(tmp_path / "logs") in action.statusTip()
    assert QApplication.instance() is not None
