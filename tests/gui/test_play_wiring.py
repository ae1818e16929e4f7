"""The builder window's Play button and Play > Session history, wired by the composition root."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QListView, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk.app import build_main_window
from stretchdesk.core.session import FakeClock
from stretchdesk.core.workspace import Workspace
from stretchdesk.mainwindow import MainWindow
from stretchdesk.play_feature import PlayerFeature
from stretchdesk.player.audio import SilentSound
from stretchdesk.player.launcher import PlayerLauncher
from stretchdesk.routines.model import RoutineRole
from tests.player.conftest import CountingInhibitor, LocalLink, ScriptedEngine

ROUTINE = "builtin-post-run-hips-quickie"


def select_routine(window: MainWindow, routine_id: str) -> None:
    routines = window.findChild(QListView, "routineList")
    assert routines is not None
    model = routines.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(RoutineRole.ROUTINE_ID) == routine_id:
            routines.setCurrentIndex(index)
            return
    raise AssertionError(f"{routine_id} not listed")


# the offscreen platform cannot raise windows or pass size hints to a window manager
@pytest.mark.qt_log_ignore("does not support (raise|propagateSizeHints)")
def test_play_button_plays_the_selected_routine_and_history_shows_it(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    clock = FakeClock()
    made: list[PlayerLauncher] = []

    def make_launcher(workspace: Workspace, settings: QSettings, parent: QWidget) -> PlayerLauncher:
        launcher = PlayerLauncher(workspace, settings, parent, clock=clock, sound=SilentSound(),
                                  voice_link=lambda _parent: LocalLink(ScriptedEngine), inhibitor=CountingInhibitor(),
                                  confirm=lambda *_: True)
        made.append(launcher)
        return launcher

    window = build_main_window(data_dir, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                               make_launcher)
    qtbot.addWidget(window)
    window.show()
    feature = window.findChild(PlayerFeature, "playerFeature")
    assert feature is not None
    assert not made, "the player is built on the first Play, not at start-up"
    select_routine(window, ROUTINE)
    play = window.findChild(QPushButton, "playButton")
    assert play is not None and play.isEnabled()
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert len(made) == 1
    controller = made[0].current
    assert controller is not None
    assert controller.routine.id == ROUTINE
    controller.start()
    assert controller.session.started_at is not None
    clock.now = controller.session.started_at + controller.session.total + 0.01
    controller.driver.kick()
    controller.refresh()
    history_action = next(a for a in window.play_menu.actions() if "history" in a.text().lower())
    history_action.trigger()
    view = feature.history_view()
    assert view.isVisible()
    table = view.findChild(QTableView, "historyTable")
    assert table is not None and table.model().rowCount() == 1
    controller.close()
    assert made[0].shut_down(5.0), "the launcher's voice thread did not end"


def test_start_up_does_not_load_the_player(tmp_path: Path) -> None:
    """QtMultimedia, speech and the player modules wait for the first Play."""
    deferred = ("stretchdesk.player", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech",
                "stretchdesk.routines.pdf", "stretchdesk.library.posedialog")
    script = "\n".join([
        "import sys",
        "from PySide6.QtCore import QSettings",
        "from PySide6.QtWidgets import QApplication",
        "app = QApplication([])",
        "from stretchdesk.app import build_main_window",
        f"settings = QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)",
        f"window = build_main_window({str(tmp_path / 'data')!r}, settings)",
        "window.show(); app.processEvents()",
        f"print(sorted(m for m in sys.modules if m.startswith({deferred!r})))",
    ])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            timeout=120, check=True)
    assert result.stdout.strip() == "[]", result.stdout


def test_the_window_is_freed_without_the_cycle_collector(qapp: object, data_dir: Path, tmp_path: Path) -> None:
    """No child keeps its window alive: a window left to the GC is destroyed at a random moment,
    possibly mid-paint or from another thread, which is how Qt apps crash."""
    window = build_main_window(data_dir, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    feature = window.findChild(PlayerFeature, "playerFeature")
    assert feature is not None
    feature.launcher()
    feature.history_view()
    del feature
    freed = weakref.ref(window)
    enabled = gc.isenabled()
    gc.disable()
    try:
        window.close()
        del window
        assert freed() is None
    finally:
        if enabled:
            gc.enable()
