"""A builder started from the desktop menu says why it can't open in a window, not only on
standard error, which nobody reads there."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from stretchdesk import app as app_module
from stretchdesk.core.errors import StretchDeskError


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.usefixtures("qapp")
def test_a_data_dir_that_is_a_file_is_said_in_a_window_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "StretchDesk"
    not_a_folder.write_text("my notes")
    shown: list[str] = []
    monkeypatch.setattr(app_module, "_started_without_a_terminal", lambda: True)
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    with pytest.raises(StretchDeskError, match="is a file") as raised:
        app_module.open_data_dir(str(not_a_folder))
    assert len(shown) == 1 and str(raised.value) in shown[0]
    assert not_a_folder.read_text() == "my notes"


@pytest.mark.usefixtures("qapp")
def test_a_good_data_dir_opens_without_a_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "_started_without_a_terminal", lambda: True)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_args: pytest.fail("no error to show"))
    assert app_module.open_data_dir(str(tmp_path / "data")) == tmp_path / "data"
    assert (tmp_path / "data").is_dir()


@pytest.mark.parametrize(("platform", "tty", "window"), [
    ("xcb", False, True),  # the desktop menu
    ("wayland", True, False),  # a terminal reads the line
    ("offscreen", False, False),  # tests and screenshots: nobody could close a window
])
def test_the_window_is_only_for_a_desktop_start(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, platform: str, tty: bool, window: bool
) -> None:
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: platform))
    monkeypatch.setattr(sys, "stderr", _Stream(tty))
    assert app_module._started_without_a_terminal() is window
