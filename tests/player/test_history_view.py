"""The History view over the session log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from stretchdesk.core.history import History, SessionRecord
from stretchdesk.core.vocabulary import Area
from stretchdesk.player.history_view import HistoryView, RecordRole

NOW = datetime(2025, 5, 20, 12, 0, tzinfo=UTC)


def test_history_view_shows_sessions_streak_and_areas(
    qtbot: Any, qtmodeltester: Any, tmp_path: Path
) -> None:
    history = History(tmp_path)
    for days, areas in ((0, {"hips": 300.0}), (1, {"hips": 120.0, "calves": 60.0}), (40, {"quads": 600.0})):
        history.add(
            SessionRecord("r-1", f"Run {days}", NOW - timedelta(days=days), 420.0, 6, 7, days != 1, areas)
        )
    view = HistoryView(history, now=lambda: NOW)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 3
    assert view.model.data(view.model.index(0, 1)) == "Run 0"
    assert view.model.data(view.model.index(1, 3)) == "6 of 7 (stopped)"
    assert view.model.data(view.model.index(1, 4)) == "—"
    assert view.model.index(2, 0).data(RecordRole).routine_name == "Run 40"
    assert view.streak.text().startswith("Streak: 2 days")
    assert view.areas.minutes() == {Area.HIPS: 7.0, Area.CALVES: 1.0}
    view.resize(700, 500)
    view.grab().save(str(tmp_path / "history.png"))
    assert view.model.headerData(2, Qt.Orientation.Horizontal) == "Time"


def test_unreadable_history_lines_are_reported(qtbot: Any, tmp_path: Path) -> None:
    history = History(tmp_path)
    history.path.write_text("not json\n", encoding="utf-8")
    view = HistoryView(history, now=lambda: NOW)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0
    assert "line 1: skipped" in view.problems.text()


def test_a_skipped_through_session_shows_poses_reached_and_seconds_held(
    qtbot: Any, qtmodeltester: Any, tmp_path: Path
) -> None:
    history = History(tmp_path)
    history.add(SessionRecord("r-2", "Skipped through", NOW, 130.0, 0, 7, False, {"hips": 40.0},
                              held_seconds=75.0, poses_reached=5))
    view = HistoryView(history, now=lambda: NOW)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.model.data(view.model.index(0, 3)) == "5 of 7 (stopped)"
    assert view.model.data(view.model.index(0, 4)) == "1:15"
    assert view.model.headerData(4, Qt.Orientation.Horizontal) == "Held"
