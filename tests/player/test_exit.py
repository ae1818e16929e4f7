"""Both ways out of a session end the process cleanly, with a speech engine that
takes its time to stop: `stretchdesk play` (quits when the player closes) and the
builder (quit while playing, or close the player then the window).

Each run is a fresh process; 5 runs per path keep CI time modest (about 3 s each).
The issue measured a crash at exit in half of 20 runs before the voice was joined.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

RUNS = 5
ROUTINE = "builtin-post-run-hips-quickie"

SLOW_ENGINE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QObject, QTimer
    import stretchdesk.player.launcher as launcher_module

    class SlowToStop(QObject):
        '''Made on the voice thread, with a timer of its own there, like a real engine.'''
        def __init__(self):
            super().__init__()
            self.timer = QTimer(self)
            self.timer.start(20)
        def say(self, text):
            time.sleep(0.3)  # speaking takes a while
        def setVolume(self, volume):
            pass
        def stop(self):
            time.sleep(0.3)  # and so does stopping

    launcher_module.qt_engine = lambda name: SlowToStop

    def run_to_the_end(controller):
        controller.start()
        while not controller.session.finished:
            controller.skip()
    """
)

PLAY_PATH = SLOW_ENGINE + textwrap.dedent(
    """
    from stretchdesk.player.launcher import run_player

    def on_ready(controller):
        def finish():
            run_to_the_end(controller)
            QTimer.singleShot(100, controller.request_stop)  # the done screen's Close
        QTimer.singleShot(400, finish)

    sys.exit(run_player(sys.argv[1], sys.argv[2], None, on_ready))
    """
)

BUILDER_PATH = SLOW_ENGINE + textwrap.dedent(
    """
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from stretchdesk.app import PlayerFeature, build_main_window
    settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
    window = build_main_window(sys.argv[1], settings)
    window.show()
    window.play_requested.emit(sys.argv[2])
    controller = window.findChild(PlayerFeature, "playerFeature").launcher().current
    if sys.argv[4] == "quit-while-playing":
        controller.start()
        QTimer.singleShot(300, controller.skip)
        QTimer.singleShot(600, app.quit)
    else:
        def finish():
            run_to_the_end(controller)
            controller.request_stop()
            window.close()
        QTimer.singleShot(400, finish)
    sys.exit(app.exec())
    """
)


def run(script: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PYTHONFAULTHANDLER": "1",
    }
    data = str(tmp_path / "data")
    return subprocess.run([sys.executable, "-c", script, data, ROUTINE, *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize("attempt", range(RUNS))
def test_stretchdesk_play_exits_cleanly(tmp_path: Path, attempt: int) -> None:
    result = run(PLAY_PATH, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("attempt", range(RUNS))
def test_the_builder_exits_cleanly(tmp_path: Path, attempt: int) -> None:
    how = "quit-while-playing" if attempt % 2 else "close-then-quit"
    result = run(BUILDER_PATH, tmp_path, str(tmp_path / "s.ini"), how)
    assert result.returncode == 0, (how, result.stderr[-2000:])
