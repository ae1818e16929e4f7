"""The player's figures are built in a helper process, only for the routine's poses."""

from __future__ import annotations

import time
from typing import Any

import pytest

from stretchdesk.core.figure_scene import FigureScene
from stretchdesk.core.skeleton.solved import Drawing
from stretchdesk.player.figure_helper import frame, plan, read_frames
from stretchdesk.player.figure_motion import FigureMotion
from tests.player.conftest import Rig


def test_figures_arrive_from_the_helper_while_pictures_show(qtbot: Any) -> None:
    live = FigureMotion()
    live.prepare(["pigeon", "butterfly", "pigeon"])
    assert live.pending()
    asked = time.monotonic()
    assert live.figure("butterfly") is None  # answered at once: the helper is still on it
    assert time.monotonic() - asked < 0.5
    assert live.wait(60)
    assert set(live._cache) == {"pigeon", "butterfly"}
    assert live.figure("butterfly").keyframes and live._process is None


def test_figures_are_taken_in_as_they_arrive_not_all_at_play(qtbot: Any) -> None:
    live = FigureMotion()
    live.prepare(["pigeon", "butterfly"])
    qtbot.waitUntil(lambda: "pigeon" in live._cache and "butterfly" in live._cache, timeout=60_000)
    assert not live._received  # nothing left waiting for the first frame to unpickle
    live.close()


def test_closing_stops_a_helper_in_the_middle_of_a_long_solve(qtbot: Any) -> None:
    live = FigureMotion()
    live.prepare(["hip-foam-rolling", "pigeon"])
    process = live._process
    assert process is not None and process.waitForStarted(5000)
    assert live.close(5)
    assert live._process is None and not live.pending()
    assert live.figure("pigeon") is not None  # built on demand afterwards


def test_play_builds_only_the_routines_figures(qtbot: Any, rig: Rig) -> None:
    player = rig.play("builtin-post-run-hips-quickie")
    live = rig.launcher._figure_motion()
    assert live.wait(60)
    poses = {s.pose for s in player.session.segments if s.pose}
    assert set(live._cache) == poses
    player.start()
    qtbot.waitUntil(player.audience.figure.is_live)


def test_frames_survive_arriving_in_pieces() -> None:
    data = bytearray(frame("pigeon", {"keys": [1, 2]}) + frame("butterfly", None))
    buffer = bytearray()
    got: list[tuple[str, object]] = []
    for start in range(0, len(data), 7):
        buffer += data[start : start + 7]
        got += read_frames(buffer)
    assert got == [("pigeon", {"keys": [1, 2]}), ("butterfly", None)] and not buffer


def test_the_helper_plans_figures_first_then_tracks_in_play_order() -> None:
    keys = plan(["pigeon", "pigeon", "butterfly", "pigeon"])
    assert keys[:2] == ["pigeon", "butterfly"]  # every figure before any track
    assert keys[2:] == ["rep:pigeon", "morph:pigeon>butterfly", "rep:butterfly", "morph:butterfly>pigeon"]


def test_a_track_arrives_for_each_morph_and_moving_pose(qtbot: Any) -> None:
    live = FigureMotion()
    live.prepare(["cat-cow", "childs-pose"])
    assert live.wait(120)
    assert live._tracks["rep:cat-cow"] is not None and live._tracks["morph:cat-cow>childs-pose"] is not None
    assert live._tracks["rep:childs-pose"] is None  # a held pose has no rep cycle


def _apart(a: Drawing, b: Drawing) -> float:
    """The largest distance (m) between matching capsule ends of two drawings."""
    return max(max(abs(p - q) for p, q in zip(c.a + c.b, d.a + d.b, strict=True))
               for c, d in zip(a.capsules, b.capsules, strict=True))


@pytest.mark.parametrize("tracks", [True, False], ids=["helper-tracks", "solved-here"])
def test_a_rep_hold_hands_over_to_the_morphs_without_a_jump(qtbot: Any, tracks: bool) -> None:
    """cat-cow's card shows its second keyframe: the morph in ends there, eight reps start
    and end there, and the morph out starts there (they used to start from the last one)."""
    live = FigureMotion()
    if tracks:
        live.prepare(["childs-pose", "cat-cow", "childs-pose"])
        assert live.wait(120) and live._tracks["rep:cat-cow"] is not None
    just_before, rep = 1e-6, 2.5
    frames = [
        FigureScene("cat-cow", from_pose_id="childs-pose", blend=1.0 - just_before),
        FigureScene("cat-cow", elapsed=0.0, rep_seconds=rep),
        FigureScene("cat-cow", elapsed=8 * rep - just_before, rep_seconds=rep),
        FigureScene("childs-pose", from_pose_id="cat-cow", blend=0.0),
    ]
    drawn = [live.frame(scene) for scene in frames]
    assert all(found is not None for found in drawn)
    pictures = [found[0] for found in drawn if found is not None]
    assert _apart(pictures[0], pictures[1]) < 0.005
    assert _apart(pictures[2], pictures[3]) < 0.005
    half_rep = live.frame(FigureScene("cat-cow", elapsed=rep / 2, rep_seconds=rep))
    assert half_rep is not None and _apart(pictures[1], half_rep[0]) > 0.05  # the rep does move
    live.close()
