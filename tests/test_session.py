"""The session engine against a fake clock: order, boundaries, controls and drift."""

from __future__ import annotations

import random

import pytest

from stretchdesk.core.catalog import builtin_poses, builtin_routines
from stretchdesk.core.models import Block, BlockMode, Hold, Routine, Step
from stretchdesk.core.session import FakeClock, Session
from stretchdesk.core.session_state import Event, EventKind, Phase
from stretchdesk.core.timeline import SegmentKind, Timeline, expand

T0 = 1000.0
SEED_FLOW = "builtin-after-a-long-run"


def seed_timeline() -> Timeline:
    return expand(builtin_routines()[SEED_FLOW], builtin_poses())


def small_timeline() -> Timeline:
    routine = Routine(
        name="Small",
        prepare_seconds=10,
        transition_seconds=5,
        switch_seconds=5,
        items=[
            Step(pose="childs-pose", hold=Hold(seconds=30)),
            Step(pose="pigeon", hold=Hold(seconds=20)),
            Step(pose="butterfly", hold=Hold(seconds=40)),
        ],
    )
    return expand(routine, builtin_poses())


def started(clock: FakeClock, timeline: Timeline) -> Session:
    session = Session(timeline, clock)
    session.start()
    return session


def run(session: Session, clock: FakeClock, until: float, step: float = 0.25) -> list[Event]:
    events: list[Event] = []
    while clock.now < until - 1e-9:
        clock.advance(min(step, until - clock.now))
        events.extend(session.poll())
    return events


def test_seed_flow_plays_every_segment_in_order_at_its_exact_start() -> None:
    timeline = seed_timeline()
    layout = [(s.kind.value, s.pose, s.side and s.side.value, s.start) for s in timeline.segments]
    assert layout[:8] == [
        ("prepare", "childs-pose", None, 0.0),
        ("hold", "childs-pose", None, 10.0),
        ("transition", "cat-cow", None, 35.0),
        ("hold", "cat-cow", None, 40.0),
        ("transition", "downward-facing-dog", None, 100.0),
        ("hold", "downward-facing-dog", None, 105.0),
        ("transition", "three-legged-dog", "right", 130.0),
        ("hold", "three-legged-dog", "right", 135.0),
    ]
    sides = [s.side.value for s in timeline.holds() if s.side]
    first_left = sides.index("left")
    assert set(sides[:first_left]) == {"right"}
    clock = FakeClock(T0)
    session = started(clock, timeline)
    events = session.poll() + run(session, clock, T0 + timeline.total_seconds + 1, step=0.5)
    starts = [e for e in events if e.kind is EventKind.STARTED]
    assert [e.index for e in starts] == list(range(len(timeline.segments)))
    assert [e.due for e in starts] == [T0 + s.start for s in timeline.segments]
    assert events[-1].kind is EventKind.FINISHED
    assert events[-1].due == T0 + timeline.total_seconds
    assert session.finished
    assert session.completed == {i for i, s in enumerate(timeline.segments) if s.kind is SegmentKind.HOLD}


def test_state_switches_exactly_at_each_boundary() -> None:
    timeline = small_timeline()
    clock = FakeClock(T0)
    session = started(clock, timeline)
    for index, segment in enumerate(timeline.segments):
        clock.now = T0 + segment.start
        state = session.state()
        assert (state.index, state.phase.value) == (index, segment.kind.value)
        assert state.countdown == round(segment.seconds)
        clock.now = T0 + segment.end - 0.001
        assert session.state().index == index
        assert session.state().countdown == 1
    clock.now = T0 + timeline.total_seconds
    assert session.state().phase is Phase.DONE


def test_ticks_halfway_and_deadlines() -> None:
    timeline = small_timeline()
    clock = FakeClock(T0)
    session = started(clock, timeline)
    session.poll()
    hold = timeline.segments[1]
    assert hold.kind is SegmentKind.HOLD and hold.seconds == 30
    run(session, clock, T0 + hold.start)
    dues = []
    while clock.now < T0 + hold.end:
        deadline = session.deadline()
        assert deadline is not None
        clock.now = deadline
        dues.extend((e.kind, e.count, e.due - T0) for e in session.poll())
    assert dues == [
        (EventKind.HALFWAY, 0, 25.0),
        (EventKind.TICK, 3, 37.0),
        (EventKind.TICK, 2, 38.0),
        (EventKind.TICK, 1, 39.0),
        (EventKind.STARTED, 0, 40.0),
    ]


def test_pause_freezes_and_resume_shifts_every_later_deadline_exactly() -> None:
    timeline = small_timeline()
    clock = FakeClock(T0)
    session = started(clock, timeline)
    run(session, clock, T0 + 22.3)
    before = session.state()
    session.pause()
    assert session.deadline() is None
    clock.advance(100)
    assert session.poll() == []
    assert session.state().segment_elapsed == pytest.approx(before.segment_elapsed)
    assert session.state().paused
    session.resume()
    events = run(session, clock, T0 + 100 + timeline.total_seconds + 1)
    starts = {e.index: e.due for e in events if e.kind is EventKind.STARTED}
    for index in range(2, len(timeline.segments)):
        assert starts[index] == pytest.approx(T0 + 100 + timeline.segments[index].start, abs=1e-9)


def test_extend_adds_fifteen_seconds_to_the_running_hold_only() -> None:
    timeline = small_timeline()
    clock = FakeClock(T0)
    session = started(clock, timeline)
    run(session, clock, T0 + 20)
    left = session.state().remaining
    session.extend()
    assert session.state().remaining == pytest.approx(left + 15)
    assert session.total == pytest.approx(timeline.total_seconds + 15)
    events = run(session, clock, T0 + timeline.total_seconds + 20)
    starts = {e.index: e.due for e in events if e.kind is EventKind.STARTED}
    assert starts[2] == pytest.approx(T0 + timeline.segments[2].start + 15)
    assert starts[5] == pytest.approx(T0 + timeline.segments[5].start + 15)


def test_skip_previous_and_restart_jump_to_segment_starts() -> None:
    timeline = small_timeline()
    clock = FakeClock(T0)
    session = started(clock, timeline)
    run(session, clock, T0 + 12)
    session.skip()
    assert session.state().index == 2
    assert [(e.kind, e.index, e.due) for e in session.poll()] == [
        (EventKind.STARTED, 2, T0 + 12)
    ]
    assert 1 not in session.completed
    clock.advance(2)
    session.previous()
    assert (session.state().index, session.state().segment_elapsed) == (1, 0.0)
    clock.advance(7)
    session.restart_step()
    assert (session.state().index, session.state().countdown) == (1, 30)
    events = run(session, clock, clock.now + 30)
    assert [(e.kind, e.index, e.due) for e in events][-1] == (EventKind.STARTED, 2, clock.now)
    assert 1 in session.completed


def test_skip_past_the_last_segment_finishes() -> None:
    clock = FakeClock(T0)
    session = started(clock, small_timeline())
    for _ in range(len(session.segments)):
        session.skip()
    assert session.finished
    assert session.poll()[-1].kind is EventKind.FINISHED
    assert session.state().phase is Phase.DONE
    assert session.completed == set()


def test_next_hold_is_the_pose_after_the_one_being_prepared_or_held() -> None:
    timeline = small_timeline()
    session = Session(timeline, FakeClock())
    poses = [h.pose if (h := session.next_hold(i)) else None for i in range(len(timeline.segments))]
    assert [s.kind.value for s in timeline.segments][3:6] == ["hold", "switch", "hold"]
    assert poses == ["pigeon"] * 4 + ["butterfly", "butterfly", None, None]


def test_zero_drift_after_ten_thousand_simulated_seconds_with_pauses() -> None:
    routine = Routine(
        name="Long",
        items=[
            Block(
                mode=BlockMode.ROUNDS,
                rounds=50,
                items=[
                    Step(pose="pigeon", hold=Hold(seconds=47.3)),
                    Step(pose="cat-cow", hold=Hold(reps=10, seconds_per_rep=6.1)),
                    Step(pose="butterfly", hold=Hold(seconds=33.7)),
                ],
            )
        ],
    )
    timeline = expand(routine, builtin_poses())
    assert timeline.total_seconds > 10_000
    rng = random.Random(6)
    clock = FakeClock(T0)
    session = started(clock, timeline)
    events = session.poll()
    paused_for = 0.0
    while not session.finished:
        clock.advance(rng.uniform(0.001, 1.7))
        if rng.random() < 0.01:
            session.pause()
            pause = rng.uniform(0.5, 30)
            clock.advance(pause)
            paused_for += pause
            session.resume()
        for event in session.poll():
            assert event.due <= clock.now
            events.append(event)
    starts = [e for e in events if e.kind is EventKind.STARTED]
    assert [e.index for e in starts] == list(range(len(timeline.segments)))
    finish = events[-1]
    assert finish.kind is EventKind.FINISHED
    assert finish.due - (T0 + paused_for + timeline.total_seconds) == pytest.approx(0, abs=1e-6)
    assert session.played_seconds == pytest.approx(timeline.total_seconds, abs=1e-6)
