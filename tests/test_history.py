"""The session log: what gets recorded, how it is stored, streaks and minutes per area."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.history import (
    History,
    SessionRecord,
    minutes_per_area,
    record_session,
    streak_days,
)
from stretchdesk.core.models import Hold, Routine, Step
from stretchdesk.core.session import FakeClock, Session
from stretchdesk.core.timeline import expand
from stretchdesk.core.vocabulary import Area

NOW = datetime(2025, 5, 20, 18, 0, tzinfo=UTC)


def record(started: datetime, areas: dict[str, float] | None = None) -> SessionRecord:
    return SessionRecord("r-1", "Evening", started, 300.0, 5, 5, True, areas or {"hips": 120.0})


def test_a_played_session_records_holds_and_seconds_per_area() -> None:
    routine = Routine(
        name="Two",
        items=[Step(pose="butterfly", hold=Hold(seconds=60)), Step(pose="childs-pose")],
    )
    catalog = builtin_poses()
    clock = FakeClock()
    session = Session(expand(routine, catalog), clock)
    session.start()
    assert record_session(session, routine.id, routine.name, catalog, NOW) is None
    clock.advance(10 + 60 + 5 + 12)
    session.poll()
    session.stop()
    entry = record_session(session, routine.id, routine.name, catalog, NOW)
    assert entry is not None
    assert (entry.steps_completed, entry.steps_total, entry.finished) == (1, 2, False)
    assert entry.seconds == 87
    assert entry.areas["adductors"] == 60
    assert entry.areas["hips"] == 72
    assert (entry.held_seconds, entry.poses_reached) == (72, 2)


def test_skipping_through_holds_is_still_logged_with_the_seconds_held() -> None:
    routine = Routine(
        name="Skipper",
        items=[Step(pose="butterfly", hold=Hold(seconds=60)), Step(pose="childs-pose"), Step(pose="pigeon")],
    )
    catalog = builtin_poses()
    clock = FakeClock()
    session = Session(expand(routine, catalog), clock)
    session.start()
    session.skip()  # past the preparation
    clock.advance(3)
    session.poll()
    assert record_session(session, routine.id, routine.name, catalog, NOW) is None  # 3 s: too little
    clock.advance(4)
    session.skip()
    session.skip()  # the transition
    clock.advance(6)
    session.stop()
    entry = record_session(session, routine.id, routine.name, catalog, NOW)
    assert entry is not None
    assert (entry.steps_completed, entry.poses_reached, entry.held_seconds) == (0, 2, 13)
    assert SessionRecord.from_json(entry.as_json()) == entry


def test_lines_written_before_held_seconds_still_load() -> None:
    line = {"routine_id": "r", "routine_name": "R", "started": "2025-05-01T18:00:00+00:00",
            "seconds": 60, "steps_completed": 2, "steps_total": 3, "finished": False, "areas": {}}
    record = SessionRecord.from_json(line)
    assert (record.held_seconds, record.poses_reached) == (0.0, 2)


def test_history_round_trips_atomically_and_skips_bad_lines(tmp_path: Path) -> None:
    history = History(tmp_path / "data")
    assert history.load() == []
    first, second = record(NOW - timedelta(days=1)), record(NOW)
    history.add(second)
    history.add(first)
    assert history.load() == [first, second]
    assert sorted(p.name for p in history.path.parent.iterdir()) == [".lock", "history.jsonl"]  # no temp left
    with history.path.open("a", encoding="utf-8") as handle:
        handle.write('{"routine_id": "broken"\n')
    assert history.load() == [first, second]
    assert len(history.problems) == 1 and "line 3" in history.problems[0]


def test_streak_counts_consecutive_days_ending_today_or_yesterday() -> None:
    today = date(2025, 5, 20)

    def at(day: date) -> SessionRecord:
        return record(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).astimezone())

    days = [today - timedelta(days=n) for n in (1, 2, 3, 5)]
    assert streak_days([at(d) for d in days], today) == 3
    assert streak_days([at(d) for d in [today, *days]], today) == 4
    assert streak_days([at(today - timedelta(days=2))], today) == 0
    assert streak_days([], today) == 0


def test_minutes_per_area_covers_the_last_four_weeks_only() -> None:
    records = [
        record(NOW - timedelta(days=2), {"hips": 600.0, "quads": 60.0}),
        record(NOW - timedelta(days=27), {"hips": 60.0}),
        record(NOW - timedelta(days=29), {"calves": 6000.0}),
        record(NOW - timedelta(days=3), {"not-an-area": 60.0}),
    ]
    assert minutes_per_area(records, NOW) == {Area.HIPS: 11.0, Area.QUADS: 1.0}
