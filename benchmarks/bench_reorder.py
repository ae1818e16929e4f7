"""Reordering a 500-step routine in the real editor tree model, view and delegate
(goal: <= 16 ms per move, undo entry included).

Baseline, measured in the same run: QStringListModel's C++ moveRows on 500
strings, with the same view attached and the same moves.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_reorder.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex, QStringListModel
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QListView

from benchmarks.goals import goal
from stretchdesk.core.catalog import Catalog, builtin_poses
from stretchdesk.core.models import Routine, Step
from stretchdesk.editor.delegate import RoutineRowDelegate
from stretchdesk.editor.model import RoutineTreeModel
from stretchdesk.editor.view import RoutineView
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.pose_images import PoseImages

STEPS = 500
MOVES = 200


def moves() -> list[tuple[int, int]]:
    rng = random.Random(5)
    pairs = []
    while len(pairs) < MOVES:
        source, dest = rng.randrange(STEPS), rng.randrange(STEPS + 1)
        if dest not in (source, source + 1):
            pairs.append((source, dest))
    return pairs


def time_ours(app: QApplication) -> list[float]:
    catalog = Catalog(builtin_poses())
    ids = list(catalog)
    stack = QUndoStack()
    model = RoutineTreeModel(PoseCatalog(catalog), stack)
    model.load(Routine(name="Long", items=[Step(pose=ids[i % len(ids)]) for i in range(STEPS)]),
               read_only=False)
    images = PoseImages(catalog, Path("/nonexistent-user-images"))
    view = RoutineView(stack)
    view.setItemDelegate(RoutineRowDelegate(images, PoseCatalog(catalog), view))
    view.setModel(model)
    view.resize(600, 800)
    view.show()
    app.processEvents()
    times = []
    for source, dest in moves():
        start = time.perf_counter()
        assert model.moveRows(QModelIndex(), source, 1, QModelIndex(), dest)
        app.processEvents()
        times.append(time.perf_counter() - start)
    view.close()
    return times


def time_baseline(app: QApplication) -> list[float]:
    model = QStringListModel([f"step {i}" for i in range(STEPS)])
    view = QListView()
    view.setModel(model)
    view.resize(600, 800)
    view.show()
    app.processEvents()
    times = []
    for source, dest in moves():
        start = time.perf_counter()
        assert model.moveRows(QModelIndex(), source, 1, QModelIndex(), dest)
        app.processEvents()
        times.append(time.perf_counter() - start)
    view.close()
    return times


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    ours, baseline = time_ours(app), time_baseline(app)
    mean_ours, mean_base = statistics.mean(ours) * 1000, statistics.mean(baseline) * 1000
    print(f"{STEPS}-step routine, {MOVES} single-row moves through the undo stack")
    print(f"ours: mean {mean_ours:.3f} ms, max {max(ours) * 1000:.3f} ms (goal <= 16 ms)")
    print(f"baseline (QStringListModel C++ moveRows): mean {mean_base:.3f} ms")
    print(f"ratio ours/baseline: {mean_ours / mean_base:.2f}")
    goal(f"reorder {STEPS}-step routine, mean move", mean_ours, 16, "ms", f"QStringListModel {mean_base:.2f} ms")
    goal(f"reorder {STEPS}-step routine, worst move", max(ours) * 1000, 16, "ms", "")


if __name__ == "__main__":
    main()
