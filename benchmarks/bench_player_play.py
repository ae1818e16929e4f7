"""First Play in a fresh builder window: time to the first painted player frame, and
the largest GUI stall while the session plays, beside a bare full-screen window.

A 5 ms timer ticks on the GUI thread from just before Play; the largest gap between
two ticks is the longest the GUI could not paint or take a key. The baseline runs the
same ticker over a bare full-screen QWidget in its own process, for the same time.
Routine 14 holds the foam roller pose, whose figure takes seconds to build.
The routine is selected in the builder at start-up and its Play button is pressed
1 s after the builder's idle warm-up is done (app.py: the player imported, its
windows built ahead of Play, the sound cues loading, the voice starting, the
routine's figures building); the warm-up's own stalls are printed too.
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
        self.last, self.last_cpu = time.perf_counter(), time.thread_time()
        self.timer.start()
    def tick(self):
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append((self.last, now - self.last, cpu - self.last_cpu))
        self.last, self.last_cpu = now, cpu
    def worst(self, after=0.0, before=float("inf"), starting_from=0.0):
        # the longest gap ending in (after, before] (the gap Play falls in counts as Play's)
        return max(((gap, cpu) for at, gap, cpu in self.gaps
                    if after < at + gap <= before and at >= starting_from), default=(0.0, 0.0))
class FirstPaint(QObject):
    def __init__(self):
        super().__init__()
        self.at = self.cpu = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at, self.cpu = time.perf_counter(), time.thread_time()
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
began, began_cpu = time.perf_counter(), time.thread_time()
window.resize(1920, 1080)
window.showFullScreen()
def report():
    print(json.dumps({"first_paint": (painted.at - began, painted.cpu - began_cpu), "play_stall": ticker.worst(),
                      "stall": ticker.worst(), "warm_up_stall": (0.0, 0.0)}), flush=True)
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
window.routines.select(routine)  # the runner picks the routine, looks at it, then presses Play
assert window.document.routine_id == routine
painted = FirstPaint()
def find_figure():
    for top in QApplication.topLevelWidgets():
        if top.objectName() == "playerWindow" and top.isVisible():
            return top.findChild(QWidget, "playerFigure")
    return None
def play():
    global began, began_cpu
    began, began_cpu = time.perf_counter(), time.thread_time()
    window.findChild(QPushButton, "playButton").click()
    figure = find_figure()
    figure.installEventFilter(painted)
    start = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "playerControls"
                 and w.isVisible()).findChild(QPushButton, "playerStart")
    QTimer.singleShot(0, start.click)
def report():
    for top in QApplication.topLevelWidgets():
        if top.objectName() == "playerWindow" and top.isVisible():
            top.close()
    print(json.dumps({"first_paint": (painted.at - began, painted.cpu - began_cpu),
                      "play_stall": ticker.worst(after=began), "stall": ticker.worst(starting_from=painted.at),
                      "warm_up_stall": ticker.worst(after=shown + 1.0, before=began)}), flush=True)
    app.quit()
ticker = Ticker()
ticker.start()
def warmed():  # the builder is up, idle, and has warmed the player
    QTimer.singleShot(1000, play)
    QTimer.singleShot(1000 + int(float(sys.argv[2]) * 1000), report)
from stretchdesk.play_feature import PlayerFeature
window.findChild(PlayerFeature, "playerFeature").warmed_up.connect(warmed)
app.exec()
"""


Sample = dict[str, tuple[float, float]]
"""Per measure: (wall seconds, GUI-thread CPU seconds within it)."""
MEASURES = ("first_paint", "play_stall", "stall", "warm_up_stall")


def sample(script: str, routine: str = "") -> Sample:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as folder:
        settings = Path(folder) / "s.ini"
        settings.write_text("[player]\nvoice_engine=mock\n")
        result = subprocess.run([sys.executable, "-c", script, folder, str(WATCH_S), routine],
                                capture_output=True, text=True, env=env, timeout=120, check=True, cwd=folder)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return {name: (report[name][0], report[name][1]) for name in MEASURES}


def medians(runs: list[Sample]) -> Sample:
    return {name: (statistics.median(r[name][0] for r in runs), statistics.median(r[name][1] for r in runs))
            for name in MEASURES}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> dict[str, float]:
    # pip compiles bytecode on install; an editable checkout would time the compiler instead
    compileall.compile_dir(str(ROOT / "stretchdesk"), quiet=1)
    base = medians([sample(BASELINE) for _ in range(RUNS)])
    print(f"bare full-screen window: first paint {ms(base['first_paint'][0])}, largest stall over "
          f"{WATCH_S:g} s {ms(base['stall'][0])} (median of {RUNS})")
    results: dict[str, float] = {}
    worst: Sample = {name: (0.0, 0.0) for name in MEASURES}
    for routine in ROUTINES:
        runs = [sample(PLAYER, routine) for _ in range(RUNS)]
        got = medians(runs)
        worst = {name: max(worst[name], got[name]) for name in MEASURES}

        def listed(name: str, runs: list[Sample] = runs) -> list[int]:
            return [round(r[name][0] * 1000) for r in runs]

        print(f"{routine} (medians of {RUNS} runs; GUI-thread CPU in brackets, what load cannot inflate): "
              f"Play to first painted player frame {ms(got['first_paint'][0])} [{ms(got['first_paint'][1])}] "
              f"(runs {listed('first_paint')}); largest GUI stall from Play on {ms(got['play_stall'][0])} "
              f"[{ms(got['play_stall'][1])}] (runs {listed('play_stall')}), after the first frame "
              f"{ms(got['stall'][0])} [{ms(got['stall'][1])}] (runs {listed('stall')}); largest stall in the "
              f"builder while the player warms up {ms(got['warm_up_stall'][0])} [{ms(got['warm_up_stall'][1])}]")
        results[routine] = got["stall"][0]
    goal("first Play to first painted player frame", worst["first_paint"][0] * 1000, 150, "ms",
         f"bare full-screen window {ms(base['first_paint'][0])}")
    goal("largest GUI stall in a session, after its first frame", worst["stall"][0] * 1000, 50, "ms",
         f"bare window {ms(base['stall'][0])}")
    goal("largest GUI stall from first Play on (Play itself included)", worst["play_stall"][0] * 1000, 50, "ms",
         f"bare window {ms(base['stall'][0])}")
    return results


if __name__ == "__main__":
    main()
