"""Cold start to the first painted main window, and peak memory, against a bare PySide6 window.

Each sample is a fresh process, timed from just before it is spawned until the first paint
of the watched viewport has been handled (the library cards drawn for StretchDesk, a 60-row
list for the baseline). Run: .venv/bin/python -m benchmarks.bench_startup
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.goals import goal

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5

WATCH = """
import json, resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    # reports once the first paint of the watched viewport has been handled (the cards drawn)
    done = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"painted": time.time(), "rss_mb": rss}), flush=True)
        app.quit()
"""

BASELINE = WATCH + """
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QApplication, QListView, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
view = QListView()
view.setModel(QStringListModel([f"Row {n}" for n in range(60)]))
window.setCentralWidget(view)
watcher = FirstPaint()
view.viewport().installEventFilter(watcher)
window.resize(1440, 900)
window.show()
app.exec()
"""

STRETCHDESK = WATCH + """
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QListView
app = QApplication(sys.argv[:1])
from stretchdesk.app import build_main_window
from pathlib import Path
folder = Path(sys.argv[1])
window = build_main_window(folder / "data", QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
view = window.findChild(QListView, "libraryView")
watcher = FirstPaint()
view.viewport().installEventFilter(watcher)
window.resize(1440, 900)
window.show()
app.exec()
"""


def sample(script: str) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as folder:
        start = time.time()
        result = subprocess.run([sys.executable, "-c", script, folder], capture_output=True, text=True,
                                env=env, timeout=120, check=True, cwd=folder)
    report = json.loads(result.stdout.strip().splitlines()[0])
    return report["painted"] - start, report["rss_mb"]


def main() -> dict[str, float]:
    # pip compiles bytecode when it installs a package; an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 never would, and would time the compiler instead
    compileall.compile_dir(str(ROOT / "stretchdesk"), quiet=1)
    sample(BASELINE), sample(STRETCHDESK)  # warm the OS file cache for both
    base, ours = [], []
    for _ in range(RUNS):
        base.append(sample(BASELINE))
        ours.append(sample(STRETCHDESK))
    base_time = statistics.median(t for t, _ in base)
    our_time = statistics.median(t for t, _ in ours)
    base_rss = statistics.median(r for _, r in base)
    our_rss = statistics.median(r for _, r in ours)
    print(f"cold start to first paint (median of {RUNS}): StretchDesk {our_time * 1000:.0f} ms, "
          f"bare QMainWindow + 60-row list {base_time * 1000:.0f} ms, "
          f"ratio {our_time / base_time:.2f}x (goal <= 1.25x)")
    print(f"peak RSS at first paint: StretchDesk {our_rss:.0f} MB, baseline {base_rss:.0f} MB, "
          f"difference {our_rss - base_rss:+.0f} MB (goal <= +40 MB)")
    goal("cold start to first paint, ratio", our_time / base_time, 1.25, "x",
         f"bare window {base_time * 1000:.0f} ms, ours {our_time * 1000:.0f} ms")
    goal("peak RSS at first paint, extra", our_rss - base_rss, 40, "MB", f"bare window {base_rss:.0f} MB")
    return {"startup_ratio": our_time / base_time, "rss_delta_mb": our_rss - base_rss}


if __name__ == "__main__":
    main()
