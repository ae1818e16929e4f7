"""A full disk while the app is open: each action says so in one line and loses nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk.mainwindow import MainWindow
from tests.safety_helpers import snapshot

pytestmark = pytest.mark.gui


def test_a_full_disk_is_one_message_per_action(window: MainWindow, qtbot: QtBot, data_dir: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    kept = window.controller.new_routine("Kept")
    assert kept is not None
    before = snapshot(data_dir)
    messages: list[str] = []
    window.controller.message_posted.connect(messages.append)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    assert window.controller.new_routine("Another") is None
    assert window.controller.duplicate(kept.id) is None
    monkeypatch.undo()
    assert [m.split(":")[0] for m in messages] == ["Not created", "Not duplicated"]
    assert all("\n" not in m and "No space left on device" in m for m in messages)
    assert snapshot(data_dir) == before
