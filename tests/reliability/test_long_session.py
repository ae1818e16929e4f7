"""Long session shows no memory growth.

Part one drives the Qt-free engine through three simulated hours, doing per tick
what the player's driver and controller do, and measures with tracemalloc. Part two
plays a fast routine through the real player on the real clock and watches RSS.
LONG_SESSION_SECONDS=600 makes part two the full ten-minute run.
"""

from __future__ import annotations

import gc
import math
import os
import random
import resource
import time
import tracemalloc
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from stretchdesk.core.catalog import builtin_poses, builtin_routines
from stretchdesk.core.history import record_session
from stretchdesk.core.models import Block, BlockMode, Hold, Rest, Routine, Step
from stretchdesk.core.player_view import Presenter, TvContent, cue_sound
from stretchdesk.core.session import FakeClock, Session
from stretchdesk.core.session_state import EventKind, Phase
from stretchdesk.core.timeline import SegmentKind, Timeline, expand
from stretchdesk.core.workspace import Workspace
from stretchdesk.player.audio import SilentSound
from stretchdesk.player.inhibit import NoInhibitor
from stretchdesk.player.launcher import PlayerLauncher
from stretchdesk.player.voice import helper_link

pytestmark = pytest.mark.reliability

SIMULATED_SECONDS = 3 * 60 * 60
SIMULATED_WARM_UP = 600.0
TRACEMALLOC_LIMIT_BYTES = 1024 * 1024
REAL_SECONDS = float(os.environ.get("LONG_SESSION_SECONDS", "45"))
RSS_LIMIT_MB = 15.0
PAUSE_SECONDS = 45.0
TICK_RANGE = (0.1, 0.25)  # simulated seconds between wake-ups; coarser than 40 ms frames so tracing stays quick


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


def three_hour_routine() -> tuple[Routine, Timeline]:
    """The shipped routines played back to back until they last three hours."""
    catalog = builtin_poses()
    shipped = list(builtin_routines().values())
    items: list[Step | Rest | Block] = []
    for number in range(10 * len(shipped)):
        items += shipped[number % len(shipped)].items
        routine = Routine(id="three-hours", name="Three hours", items=items)
        timeline = expand(routine, catalog)
        if timeline.total_seconds >= SIMULATED_SECONDS:
            return routine, timeline
    raise AssertionError("the shipped routines could not fill three hours")


class Runner:
    """Does at each wake-up what SessionDriver.kick and PlayerController do: poll, re-arm,
    turn events into a sound and words, then build the frame the windows show."""

    def __init__(self, routine: Routine, timeline: Timeline) -> None:
        self.clock = FakeClock()
        self.session = Session(timeline, self.clock)
        self.presenter = Presenter(routine, builtin_poses(), self.session)
        self.events: Counter[EventKind] = Counter()
        self.late_deadlines = 0

    def tick(self) -> TvContent:
        session = self.session
        for event in session.poll():
            self.events[event.kind] += 1
            cue_sound(event, session)
            self.presenter.speech(event)
        deadline = session.deadline()
        if deadline is not None and deadline < self.clock.now - 1e-6:
            self.late_deadlines += 1
        state = session.state()
        if state.segment is not None and state.segment.kind is SegmentKind.HOLD:
            self.presenter.hold_of(state.segment)
        return self.presenter.tv_content(state)

    def act(self, number: int) -> None:
        """What a runner does now and then: pause for a drink, +15 s, skip and come back."""
        session, choice = self.session, number % 4
        if choice == 0:
            session.pause()
            self.tick()
            self.clock.advance(PAUSE_SECONDS)
            assert self.tick().paused
            session.resume()
        elif choice == 1:
            session.extend()
        elif choice == 2:
            session.skip()
            self.tick()
            session.previous()
        else:
            session.restart_step()


def test_three_simulated_hours_keep_traced_memory_flat(record_property: Any) -> None:
    routine, timeline = three_hour_routine()
    runner = Runner(routine, timeline)
    session, clock = runner.session, runner.clock
    rng = random.Random(20250520)
    session.start()
    already_tracing = tracemalloc.is_tracing()
    if not already_tracing:
        tracemalloc.start()
    try:
        while session.position() < SIMULATED_WARM_UP:
            clock.advance(rng.uniform(*TICK_RANGE))
            runner.tick()
        gc.collect()
        traced_warm, rss_warm = tracemalloc.get_traced_memory()[0], rss_mb()
        actions, next_action, ticks = 0, SIMULATED_WARM_UP + 300, 0
        screen = runner.tick()
        while not session.finished:
            clock.advance(rng.uniform(*TICK_RANGE))
            screen = runner.tick()
            ticks += 1
            if session.position() >= next_action and not session.finished:
                runner.act(actions)
                actions += 1
                next_action += 900
        gc.collect()
        traced_end, rss_end = tracemalloc.get_traced_memory()[0], rss_mb()
    finally:
        if not already_tracing:
            tracemalloc.stop()

    growth = traced_end - traced_warm
    figures = (
        f"tracemalloc after warm-up {traced_warm / 1024:.0f} KiB, at the end {traced_end / 1024:.0f} KiB "
        f"(growth {growth / 1024:+.1f} KiB over {ticks} ticks, {actions} actions); "
        f"RSS {rss_warm:.1f} MB -> {rss_end:.1f} MB"
    )
    print(f"\nthree simulated hours: {figures}")
    record_property("simulated_session_memory", figures)
    assert growth < TRACEMALLOC_LIMIT_BYTES, figures

    extends = (actions + 2) // 4
    assert session.total == pytest.approx(timeline.total_seconds + 15 * extends)
    assert session.position() == session.total
    assert len(session.completed) == sum(1 for _ in timeline.holds())
    assert runner.events[EventKind.FINISHED] == 1
    assert runner.late_deadlines == 0
    assert screen.phase is Phase.DONE and screen.time_left == "0 s"
    record = record_session(session, routine.id, routine.name, builtin_poses(), datetime.now(UTC))
    assert record is not None and record.finished and record.steps_completed == record.steps_total


def fast_routine(at_least_seconds: float) -> Routine:
    """Segments of one to four seconds: a minute brings as many screen changes, cues and
    figure morphs as ten minutes of a normal routine."""
    cycle: list[Step | Rest | Block] = [
        Step(pose="childs-pose", hold=Hold(seconds=2)),
        Step(pose="pigeon", hold=Hold(seconds=2)),
        Step(pose="cat-cow", hold=Hold(reps=2, seconds_per_rep=1.5)),
        Step(pose="low-lunge", hold=Hold(seconds=4)),
        Rest(seconds=1),
    ]
    timing = {"prepare_seconds": 1, "transition_seconds": 1, "switch_seconds": 1}
    one_cycle = expand(Routine(name="one", items=cycle, **timing), builtin_poses()).total_seconds
    rounds = math.ceil((at_least_seconds + 60) / one_cycle)
    assert rounds <= 50, f"LONG_SESSION_SECONDS={at_least_seconds:g} is longer than this routine can play"
    return Routine(name="Fast pace", items=[Block(mode=BlockMode.ROUNDS, rounds=rounds, items=cycle)], **timing)


@pytest.mark.gui
def test_real_clock_fast_session_keeps_rss_flat(qtbot: QtBot, tmp_path: Path, record_property: Any) -> None:
    workspace = Workspace(tmp_path / "data")
    routine = fast_routine(REAL_SECONDS)
    workspace.save(routine)
    sound = SilentSound()
    launcher = PlayerLauncher(
        workspace,
        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        sound=sound,
        voice_link=helper_link("mock"),  # the real speech helper process, with the silent mock engine
        inhibitor=NoInhibitor(),
        confirm=lambda _window, _question: True,
    )
    player = launcher.play(routine.id)
    voice = player.parts.voice
    assert voice is not None
    qtbot.waitUntil(lambda: voice.available or voice.failed, timeout=5000)
    assert voice.available
    player.start()
    warm_up = min(15.0, REAL_SECONDS / 3)
    started = time.monotonic()
    qtbot.wait(round(warm_up * 1000))
    gc.collect()
    rss_warm = rss_mb()
    samples = [rss_warm]
    every = max(5.0, REAL_SECONDS / 12)
    while time.monotonic() - started < REAL_SECONDS:
        qtbot.wait(round(min(every, REAL_SECONDS - (time.monotonic() - started)) * 1000) + 1)
        samples.append(rss_mb())
    gc.collect()
    rss_end = rss_mb()
    position = player.session.position()
    holds_done = len(player.session.completed)
    player.close()
    assert launcher.shut_down(5.0), "the speech helper did not end"

    growth = rss_end - rss_warm
    figures = (
        f"RSS after {warm_up:.0f} s warm-up {rss_warm:.1f} MB, after {REAL_SECONDS:.0f} s {rss_end:.1f} MB "
        f"(growth {growth:+.1f} MB, {holds_done} holds, {len(sound.played)} cues); "
        f"samples {[round(sample, 1) for sample in samples]}"
    )
    print(f"\nreal-clock fast session: {figures}")
    record_property("real_session_memory", figures)
    assert growth < RSS_LIMIT_MB, figures

    assert position >= REAL_SECONDS, "the session stalled"
    assert {"chime", "switch", "next", "tick"} <= set(sound.played)
    assert holds_done == sum(
        1 for index, segment in enumerate(player.session.segments)
        if segment.kind is SegmentKind.HOLD
        and player.session.segment_start(index) + player.session.segment_length(index) <= position
    )
    assert voice.spoken and voice.spoken[-1]
    logged = launcher.history.load()
    assert len(logged) == 1 and logged[0].steps_completed == holds_done
