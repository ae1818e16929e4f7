"""Both ways out of a session end the process cleanly, 20 runs each, with the speech
helper answering or hung inside its engine (a speech engine that needs time to stop):
`stretchdesk play` (quits when the player closes) and the builder (quit while playing,
close the player then the window, quit with a ready player never played, play the
ready player then quit).

Each run is a fresh process; six run side by side, a new one starting as soon as one
ends. A run costs about 1.5 s of CPU (Python, Qt, the speech and figure helpers), so on
two busy cores the 40 runs take about three times as long as 10 did one by one; on
more cores, about as long. The issue measured a crash at exit in half of 20 runs before
the voice was joined.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

from stretchdesk.player.speech_helper import HANG_VARIABLE

RUNS = 20
CONCURRENT = 6
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
    from stretchdesk.player.play_command import run_player

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
    from stretchdesk.app import build_main_window
    from stretchdesk.play_feature import PlayerFeature
    settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
    window = build_main_window(sys.argv[1], settings)
    window.show()
    window.play_requested.emit(sys.argv[2])
    launcher = window.findChild(PlayerFeature, "playerFeature").launcher()
    controller = launcher.current
    if sys.argv[4] in ("ready-never-played", "play-a-ready-player"):
        controller.close()  # done: the next Play is got ready, as the idle builder does
        launcher.prepare(sys.argv[2])
        assert launcher.ready is not None
    if sys.argv[4] == "ready-never-played":
        QTimer.singleShot(300, app.quit)
    elif sys.argv[4] == "play-a-ready-player":
        ready = launcher.ready
        window.play_requested.emit(sys.argv[2])
        controller = launcher.current
        assert controller.audience is ready.audience
        controller.start()
        QTimer.singleShot(300, controller.skip)
        QTimer.singleShot(600, window.close)  # the session goes on; the app quits after it
        QTimer.singleShot(900, controller.controls.close)  # ends the session, no question
    elif sys.argv[4] == "quit-while-playing":
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


@dataclass
class Run:
    """One process: what it does, and once it ended, how."""

    label: str
    folder: Path
    script: str
    args: tuple[str, ...]
    hang: str
    process: subprocess.Popen[str] | None = None
    stderr: str = ""

    def start(self) -> None:
        home = self.folder / "home"
        home.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "PYTHONFAULTHANDLER": "1",
            HANG_VARIABLE: self.hang,
        }
        command = [sys.executable, "-c", self.script, str(self.folder / "data"), ROUTINE, *self.args]
        with (self.folder / "stderr.txt").open("w") as stderr:  # a file: a full pipe would stall the run
            self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, text=True, env=env)

    def ended(self) -> bool:
        assert self.process is not None
        if self.process.poll() is None:
            return False
        self.stderr = (self.folder / "stderr.txt").read_text(errors="replace")
        return True

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait()
        self.stderr = "killed: still running after two minutes"


def run_all(runs: list[Run]) -> None:
    """Run them CONCURRENT at a time (each mostly waits on timers and on a hung helper being
    killed), then check every one exited with 0 and left no speech helper behind."""
    waiting, going = list(runs), list[Run]()
    deadline = time.monotonic() + 120 * len(runs) / CONCURRENT
    while waiting or going:
        while waiting and len(going) < CONCURRENT:
            going.append(waiting.pop(0))
            going[-1].start()
        going = [run for run in going if not run.ended()]
        if time.monotonic() > deadline:
            for run in going:
                run.kill()
            break
        time.sleep(0.05)
    failed = [f"{run.label}: exit {run.process.returncode if run.process else None}\n{run.stderr[-1500:]}"
              for run in runs if run.process is None or run.process.returncode != 0]
    assert not failed, "\n\n".join(failed)
    left = {run.label: helpers_left(run.folder) for run in runs}
    assert not any(left.values()), left


def helpers_left(folder: Path) -> list[str]:
    """Speech helpers still running from this run (each run has a HOME of its own)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes()
            environment = (proc / "environ").read_bytes()
        except OSError:
            continue
        if b"speech_helper" in command and f"HOME={folder}/home\0".encode() in environment:
            found.append(proc.name)
    return found


def speech(hang: str) -> str:
    return "speech hung in say" if hang else "speech answering"


def test_stretchdesk_play_exits_cleanly_20_times(tmp_path: Path) -> None:
    runs = []
    for attempt in range(RUNS):
        hang = "say" if attempt % 2 else ""
        runs.append(Run(f"stretchdesk play, run {attempt}, {speech(hang)}", tmp_path / f"run-{attempt}",
                        PLAY_PATH, (), hang))
    run_all(runs)


BUILDER_WAYS = ("close-then-quit", "quit-while-playing", "ready-never-played", "play-a-ready-player")


def test_the_builder_exits_cleanly_20_times(tmp_path: Path) -> None:
    runs = []
    for attempt in range(RUNS):
        how = BUILDER_WAYS[attempt % len(BUILDER_WAYS)]
        hang = "say" if (attempt // len(BUILDER_WAYS)) % 2 else ""
        folder = tmp_path / f"run-{attempt}"
        runs.append(Run(f"builder, {how}, run {attempt}, {speech(hang)}", folder, BUILDER_PATH,
                        (str(folder / "s.ini"), how), hang))
    run_all(runs)
