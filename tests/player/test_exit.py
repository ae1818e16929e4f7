"""Both ways out of a session end the process cleanly, with the speech helper
answering or hung inside its engine (odd runs): `stretchdesk play` (quits when the player closes) and the
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

from stretchdesk.player.speech_helper import HANG_VARIABLE

RUNS = 5
ROUTINE = "builtin-post-run-hips-quickie"

MOCK_VOICE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    import stretchdesk.player.launcher as launcher_module
    from stretchdesk.player.voice import helper_link

    launcher_module.helper_link = lambda engine, voice: helper_link("mock")

    def run_to_the_end(controller):
        controller.start()
        while not controller.session.finished:
            controller.skip()
    """
)

PLAY_PATH = MOCK_VOICE + textwrap.dedent(
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

BUILDER_PATH = MOCK_VOICE + textwrap.dedent(
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


def run(script: str, tmp_path: Path, *args: str, hang: str = "") -> subprocess.CompletedProcess[str]:
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
        HANG_VARIABLE: hang,
    }
    data = str(tmp_path / "data")
    return subprocess.run([sys.executable, "-c", script, data, ROUTINE, *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def helpers_left(tmp_path: Path) -> list[str]:
    """Speech helpers still running from this test's runs (they share its HOME)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes()
            environment = (proc / "environ").read_bytes()
        except OSError:
            continue
        if b"speech_helper" in command and f"HOME={tmp_path}/home".encode() in environment:
            found.append(proc.name)
    return found


@pytest.mark.parametrize("attempt", range(RUNS))
def test_stretchdesk_play_exits_cleanly(tmp_path: Path, attempt: int) -> None:
    result = run(PLAY_PATH, tmp_path, hang="say" if attempt % 2 else "")
    assert result.returncode == 0, result.stderr[-2000:]
    assert helpers_left(tmp_path) == []


@pytest.mark.parametrize("attempt", range(RUNS))
def test_the_builder_exits_cleanly(tmp_path: Path, attempt: int) -> None:
    how = "quit-while-playing" if attempt % 2 else "close-then-quit"
    result = run(BUILDER_PATH, tmp_path, str(tmp_path / "s.ini"), how, hang="say" if attempt in (1, 2) else "")
    assert result.returncode == 0, (how, result.stderr[-2000:])
    assert helpers_left(tmp_path) == []
