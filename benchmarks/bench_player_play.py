"""First Play in a fresh builder window: time to the first painted player frame, and
the largest GUI stall while the session plays, beside a bare full-screen window.

A 5 ms timer ticks on the GUI thread from just before Play; the largest gap between
two ticks is the longest the GUI could not paint or take a key. The baseline runs the
same ticker over a bare full-screen QWidget in its own process, for the same time.
Routine 14 holds the foam roller pose, whose figure takes seconds to build.
Play is pressed 4.5 s after the builder shows, once the idle warm-up (app.py,
PLAYER_MODULES) has imported the player; the warm-up's own stalls are printed too.
Run: .venv/bin/python -m benchmarks.bench_player_play
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.goals import goal

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
WATCH_S = 4.0
ROUTINES = ("builtin-after-a-long-run", "builtin-hip-flexor-tightness")

TICKER = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
class Ticker(QObject):
    def __init__(self):
        super().__init__()
        self.last = None
        self.gaps = []
        self.timer = QTimer(self, interval=5)
        self.timer.timeout.connect(self.tick)
    def start(self):
        self.last = time.perf_counter()
        self.timer.start()
    def tick(self):
        now = time.perf_counter()
        self.gaps.append((self.last, now - self.last))
        self.last = now
    def worst(self, after=0.0, before=float("inf")):
        return max((gap for at, gap in self.gaps if after <= at < before), default=0.0)
class FirstPaint(QObject):
    def __init__(self):
        super().__init__()
        self.at = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False
"""

BASELINE = TICKER + """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
ticker = Ticker()
window = QWidget()
painted = FirstPaint()
window.installEventFilter(painted)
ticker.start()
began = time.perf_counter()
window.resize(1920, 1080)
window.showFullScreen()
def report():
    print(json.dumps({"first_paint": painted.at - began, "play_stall": ticker.worst(),
                      "stall": ticker.worst(), "warm_up_stall": 0.0}), flush=True)
    app.quit()
QTimer.singleShot(int(float(sys.argv[2]) * 1000), report)
app.exec()
"""

PLAYER = TICKER + """
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
app = QApplication(sys.argv[:1])
from stretchdesk.app import build_main_window
folder = Path(sys.argv[1])
window = build_main_window(folder / "data", QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
window.resize(1440, 900)
window.show()
shown = time.perf_counter()
routine = sys.argv[3]
painted = FirstPaint()
def find_figure():
    for top in QApplication.topLevelWidgets():
        if top.objectName() == "playerWindow" and top.isVisible():
            return top.findChild(QWidget, "playerFigure")
    return None
def play():
    global began
    began = time.perf_counter()
    window.play_requested.emit(routine)
    figure = find_figure()
    figure.installEventFilter(painted)
    start = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "playerControls"
                 and w.isVisible()).findChild(QPushButton, "playerStart")
    QTimer.singleShot(0, start.click)
def report():
    for top in QApplication.topLevelWidgets():
        if top.objectName() == "playerWindow" and top.isVisible():
            top.close()
    print(json.dumps({"first_paint": painted.at - began, "play_stall": ticker.worst(after=began),
                      "stall": ticker.worst(after=painted.at),
                      "warm_up_stall": ticker.worst(after=shown + 1.0, before=began)}), flush=True)
    app.quit()
ticker = Ticker()
ticker.start()
PLAY_AT_MS = 4500
QTimer.singleShot(PLAY_AT_MS, play)  # the builder is up, idle, and has warmed the player
QTimer.singleShot(PLAY_AT_MS + int(float(sys.argv[2]) * 1000), report)
app.exec()
"""


def sample(script: str, routine: str = "") -> tuple[float, float, float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as folder:
        settings = Path(folder) / "s.ini"
        settings.write_text("[player]\nvoice_engine=mock\n")
        result = subprocess.run([sys.executable, "-c", script, folder, str(WATCH_S), routine],
                                capture_output=True, text=True, env=env, timeout=120, check=True, cwd=folder)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return report["first_paint"], report["play_stall"], report["stall"], report["warm_up_stall"]


def main() -> dict[str, float]:
    # pip compiles bytecode on install; an editable checkout would time the compiler instead
    compileall.compile_dir(str(ROOT / "stretchdesk"), quiet=1)
    base = [sample(BASELINE) for _ in range(RUNS)]
    base_paint = statistics.median(p for p, _, _, _ in base)
    base_stall = statistics.median(s for _, _, s, _ in base)
    print(f"bare full-screen window: first paint {base_paint * 1000:.0f} ms, "
          f"largest stall over {WATCH_S:g} s {base_stall * 1000:.0f} ms (median of {RUNS})")
    results: dict[str, float] = {}
    worst_paint = worst_play = worst_session = 0.0
    for routine in ROUTINES:
        runs = [sample(PLAYER, routine) for _ in range(RUNS)]
        paint = statistics.median(p for p, _, _, _ in runs)
        play = statistics.median(p for _, p, _, _ in runs)
        session = statistics.median(s for _, _, s, _ in runs)
        warm = statistics.median(w for _, _, _, w in runs)
        worst_paint, worst_play = max(worst_paint, paint), max(worst_play, play)
        worst_session = max(worst_session, session)
        print(f"{routine} (medians of {RUNS} runs): Play to first painted player frame {paint * 1000:.0f} ms "
              f"(runs {[round(p * 1000) for p, _, _, _ in runs]}); largest GUI stall from Play on "
              f"{play * 1000:.0f} ms, after the first frame {session * 1000:.0f} ms "
              f"(runs {[round(s * 1000) for _, _, s, _ in runs]}); largest stall in the builder while "
              f"the player warms up {warm * 1000:.0f} ms")
        results[routine] = session
    goal("first Play to first painted player frame", worst_paint * 1000, 150, "ms",
         f"bare full-screen window {base_paint * 1000:.0f} ms")
    goal("largest GUI stall in a session, after its first frame", worst_session * 1000, 50, "ms",
         f"bare window {base_stall * 1000:.0f} ms")
    goal("largest GUI stall from first Play on (Play itself included)", worst_play * 1000, 50, "ms",
         f"bare window {base_stall * 1000:.0f} ms")
    return results


if __name__ == "__main__":
    main()
