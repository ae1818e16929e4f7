"""A hold counted in breaths paces the breathing: "in" / "out" spoken at the breath
rate, and a ring around the countdown that grows and shrinks with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stretchdesk.core.models import SECONDS_PER_BREATH, Hold, Routine, Step
from stretchdesk.core.player_view import breath_at
from stretchdesk.core.vocabulary import Sides
from tests.player.conftest import Rig, wait_for_voice

PREPARE = 5.0
HALF = SECONDS_PER_BREATH / 2


def test_the_pace_is_in_then_out_at_the_breath_rate() -> None:
    assert breath_at(0.0).word == "in" and breath_at(0.0).size == pytest.approx(0.0)
    assert breath_at(HALF / 2).size == pytest.approx(0.5)
    assert breath_at(HALF - 0.01).word == "in" and breath_at(HALF).word == "out"
    assert breath_at(HALF).size == pytest.approx(1.0)
    assert breath_at(SECONDS_PER_BREATH).word == "in" and breath_at(SECONDS_PER_BREATH).size == pytest.approx(0.0)
    assert [breath_at(t).half for t in (0.1, HALF + 0.1, 2 * HALF + 0.1)] == [0, 1, 2]


def breathing_routine(rig: Rig) -> str:
    routine = Routine(name="Breathe", prepare_seconds=PREPARE, items=[
        Step(pose="childs-pose", hold=Hold(breaths=3), sides=Sides.NONE),
        Step(pose="pigeon", hold=Hold(seconds=20), sides=Sides.NONE),
    ])
    rig.launcher.workspace.save(routine)
    return routine.id


def test_a_breath_hold_says_in_and_out_and_shows_a_breathing_ring(qtbot: Any, rig: Rig, tmp_path: Path) -> None:
    player = rig.play(breathing_routine(rig))
    wait_for_voice(qtbot, player)
    player.start()
    countdown = player.audience.countdown
    rig.at(player, 1.0)
    assert countdown.breath() is None  # getting ready: no pace yet
    rig.at(player, PREPARE + 0.05)
    qtbot.waitUntil(lambda: "Child's Pose, three breaths" in rig.engine.said)
    breath = countdown.breath()
    assert breath is not None and breath.word == "in"
    small = countdown.breath_ring().width()
    rig.at(player, PREPARE + HALF - 0.05)
    big = countdown.breath_ring().width()
    assert big > 1.3 * small
    assert rig.engine.said.count("in") == 0  # the announcement stands for the first breath in
    rig.at(player, PREPARE + HALF + 0.05)
    breath = countdown.breath()
    assert breath is not None and breath.word == "out"
    assert rig.engine.said[-1] == "out"
    rig.at(player, PREPARE + 2 * HALF - 0.05)
    assert countdown.breath_ring().width() < big
    rig.at(player, PREPARE + 2 * HALF + 0.05)
    assert rig.engine.said[-1] == "in"
    player.audience.grab().save(str(tmp_path / "breathing.png"))
    words = [w for w in rig.engine.said if w in ("in", "out")]
    assert words == ["out", "in"]
    rig.at(player, PREPARE + 3 * SECONDS_PER_BREATH + 5 + 1)  # the next hold is counted in seconds
    assert countdown.breath() is None
    assert countdown.breath_ring().isEmpty()


def test_a_paused_breath_hold_stays_quiet(qtbot: Any, rig: Rig) -> None:
    player = rig.play(breathing_routine(rig))
    wait_for_voice(qtbot, player)
    player.start()
    rig.at(player, PREPARE + 0.05)
    player.toggle_pause()
    rig.clock.advance(3 * HALF)
    player.refresh()
    assert "out" not in rig.engine.said
