"""Hold ranges on poses and steps played on the runner's tighter side."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.models import HoldRange, Routine, Step
from stretchdesk.core.tighter_side import (
    DEFAULT_TIGHTER_SIDE,
    needs_tighter_side,
    tighter_side_from_setting,
    tighter_side_setting,
)
from stretchdesk.core.timeline import SegmentKind, expand, uses_tighter_side
from stretchdesk.core.vocabulary import Side, Sides
from stretchdesk.core.workspace import Workspace


def test_every_shipped_pose_declares_a_range_around_its_own_hold() -> None:
    for pose in builtin_poses().values():
        assert pose.hold_range is not None, pose.id
        assert pose.hold.total_seconds() in pose.hold_range, pose.id


def test_a_range_must_not_run_backwards() -> None:
    with pytest.raises(ValidationError, match="min_seconds must not be above max_seconds"):
        HoldRange(min_seconds=60, max_seconds=30)


def test_a_pose_without_a_range_recommends_its_own_hold() -> None:
    pose = builtin_poses()["savasana"].model_copy(update={"hold_range": None})
    span = pose.recommended_range()
    assert span.min_seconds == span.max_seconds == pose.hold.total_seconds()


def routine_with_tighter_step() -> Routine:
    return Routine(
        name="Wall",
        items=[
            Step(pose="wall-figure-four"),
            Step(pose="wall-figure-four", sides=Sides.TIGHTER),
        ],
    )


@pytest.mark.parametrize("tighter", [Side.LEFT, Side.RIGHT])
def test_tighter_side_steps_play_on_the_side_given(tighter: Side) -> None:
    timeline = expand(routine_with_tighter_step(), builtin_poses(), tighter_side=tighter)
    holds = [segment.side for segment in timeline.holds()]
    assert holds == [Side.RIGHT, Side.LEFT, tighter]
    kinds = [segment.kind for segment in timeline.segments]
    # Right, left, then the tighter side: a switch unless the tighter side is the left again.
    expected_glue = SegmentKind.TRANSITION if tighter is Side.LEFT else SegmentKind.SWITCH
    assert kinds[-2] is expected_glue


def test_the_default_tighter_side_is_the_right() -> None:
    timeline = expand(routine_with_tighter_step(), builtin_poses())
    assert [segment.side for segment in timeline.holds()][-1] is Side.RIGHT


def test_routines_say_whether_they_need_to_ask() -> None:
    assert uses_tighter_side(routine_with_tighter_step())
    assert not uses_tighter_side(Routine(name="Plain", items=[Step(pose="wall-figure-four")]))


def test_the_tighter_side_setting_round_trips_and_survives_junk() -> None:
    for side in Side:
        assert tighter_side_from_setting(tighter_side_setting(side)) is side
    assert tighter_side_from_setting(" Left ") is Side.LEFT
    for junk in (None, "", "middle", 3, b"left"):
        assert tighter_side_from_setting(junk) is DEFAULT_TIGHTER_SIDE


def test_the_workspace_timeline_takes_the_tighter_side(data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    wall = workspace.find("builtin-wall-inversions")
    assert needs_tighter_side(wall)
    left = workspace.timeline(wall, tighter_side=Side.LEFT)
    right = workspace.timeline(wall)
    assert left.total_seconds == right.total_seconds
    assert [s.side for s in left.holds()][-2] is Side.LEFT
    assert [s.side for s in right.holds()][-2] is Side.RIGHT
