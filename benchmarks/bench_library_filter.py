"""Filtering 5,000 poses as the runner types (goal: <= 8 ms per keystroke).

Baseline, measured in the same run: Qt's own C++ fixed-string filter on a
QStringListModel of the same names, for the same keystrokes.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_library_filter.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtWidgets import QApplication, QListView

from benchmarks.goals import goal
from stretchdesk.core.catalog import builtin_poses
from stretchdesk.library.model import PoseListModel
from stretchdesk.library.proxy import PoseFilter, PoseFilterProxy

COUNT = 5000
QUERIES = ["hamstring stretch", "hip open", "lower back twist"]


def many_poses() -> list:
    base = list(builtin_poses().values())
    return [
        base[i % len(base)].model_copy(
            update={"id": f"{base[i % len(base)].id}-{i}", "name": f"{base[i % len(base)].name} {i}"}
        )
        for i in range(COUNT)
    ]


def keystrokes() -> list[str]:
    typed: list[str] = []
    for query in QUERIES:
        typed += [query[:n] for n in range(1, len(query) + 1)]
        typed += [query[:n] for n in range(len(query) - 1, -1, -1)]
    return typed


def time_ours(poses: list, app: QApplication) -> list[float]:
    proxy = PoseFilterProxy(PoseListModel(poses))
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(proxy)
    times = []
    for text in keystrokes():
        start = time.perf_counter()
        proxy.set_filter(PoseFilter(text=text))
        app.processEvents()
        times.append(time.perf_counter() - start)
    return times


def time_baseline(poses: list, app: QApplication) -> list[float]:
    source = QStringListModel([pose.searchable_text() for pose in poses])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(proxy)
    times = []
    for text in keystrokes():
        start = time.perf_counter()
        proxy.setFilterFixedString(text)
        app.processEvents()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    poses = many_poses()
    ours = time_ours(poses, app)
    baseline = time_baseline(poses, app)
    mean_ours, mean_base = statistics.mean(ours) * 1000, statistics.mean(baseline) * 1000
    print(f"{COUNT} poses, {len(ours)} keystrokes")
    print(f"ours (multi-word AND + facets): mean {mean_ours:.2f} ms, "
          f"p95 {sorted(ours)[int(len(ours) * 0.95)] * 1000:.2f} ms, max {max(ours) * 1000:.2f} ms"
          f" (goal <= 8 ms)")
    print(f"baseline (Qt C++ fixed-string filter): mean {mean_base:.2f} ms")
    print(f"ratio ours/baseline: {mean_ours / mean_base:.2f}")
    goal(f"filter {COUNT} poses, mean per keystroke", mean_ours, 8, "ms", f"Qt C++ filter {mean_base:.2f} ms")
    goal(f"filter {COUNT} poses, worst keystroke", max(ours) * 1000, 8, "ms", "")


if __name__ == "__main__":
    main()
