from __future__ import annotations

import pytest

from stretchdesk.core.catalog import builtin_poses, builtin_routines
from stretchdesk.core.models import Routine
from stretchdesk.core.timeline import SegmentKind, expand
from stretchdesk.core.vocabulary import Area, Side
from tests.helpers import make_pose

CATALOG = {
    "a": make_pose("a", seconds=20),
    "b": make_pose("b", per_side=True, seconds=30, targets=["hamstrings", "calves"]),
    "c": make_pose("c", per_side=True, seconds=10),
}


def routine(items: list[dict[str, object]], **settings: object) -> Routine:
    return Routine.model_validate({"name": "t", "items": items, **settings})


def step(pose: str, **extra: object) -> dict[str, object]:
    return {"type": "step", "pose": pose, **extra}


def shape(r: Routine) -> list[tuple[str, str | None, str | None, float]]:
    return [
        (s.kind.value, s.pose, s.side.value if s.side else None, s.seconds)
        for s in expand(r, CATALOG).segments
    ]


def test_per_side_step_plays_first_side_then_switch_then_other() -> None:
    r = routine([step("a"), step("b")], prepare_seconds=10, transition_seconds=5, switch_seconds=7)
    assert shape(r) == [
        ("prepare", "a", None, 10),
        ("hold", "a", None, 20),
        ("transition", "b", "right", 5),
        ("hold", "b", "right", 30),
        ("switch", "b", "left", 7),
        ("hold", "b", "left", 30),
    ]


def test_first_side_and_single_side_steps_are_honoured() -> None:
    r = routine([step("b"), step("c", sides="left"), step("b", sides="none")], first_side="left",
                prepare_seconds=0, transition_seconds=0, switch_seconds=0)
    assert shape(r) == [
        ("hold", "b", "left", 30), ("hold", "b", "right", 30),
        ("hold", "c", "left", 10), ("hold", "b", None, 30),
    ]


def test_each_side_block_runs_all_items_per_side_with_one_switch() -> None:
    block = {"type": "block", "mode": "each-side", "items": [step("a"), step("b"), step("c")]}
    r = routine([block], prepare_seconds=0, transition_seconds=2, switch_seconds=4)
    assert shape(r) == [
        ("hold", "a", None, 20), ("transition", "b", "right", 2), ("hold", "b", "right", 30),
        ("transition", "c", "right", 2), ("hold", "c", "right", 10),
        ("switch", "a", None, 4),
        ("hold", "a", None, 20), ("transition", "b", "left", 2), ("hold", "b", "left", 30),
        ("transition", "c", "left", 2), ("hold", "c", "left", 10),
    ]


def test_rounds_block_repeats_and_inherits_the_side_of_its_each_side_parent() -> None:
    pair = {"type": "block", "mode": "rounds", "rounds": 3, "items": [step("b"), step("c")]}
    r = routine([{"type": "block", "mode": "each-side", "items": [pair]}],
                prepare_seconds=0, transition_seconds=0, switch_seconds=0)
    sides = [(s[1], s[2]) for s in shape(r)]
    assert sides == [("b", "right"), ("c", "right")] * 3 + [("b", "left"), ("c", "left")] * 3


def test_rests_replace_transitions_and_hold_overrides_win() -> None:
    r = routine([step("a", hold={"breaths": 4}), {"type": "rest", "seconds": 15}, step("a")],
                prepare_seconds=5, transition_seconds=5)
    assert shape(r) == [
        ("prepare", "a", None, 5), ("hold", "a", None, 20), ("rest", None, None, 15), ("hold", "a", None, 20),
    ]


def test_totals_starts_and_minutes_per_area_add_up() -> None:
    r = routine([step("a"), step("b")], prepare_seconds=10, transition_seconds=5, switch_seconds=5)
    timeline = expand(r, CATALOG)
    assert timeline.total_seconds == 10 + 20 + 5 + 30 + 5 + 30
    assert timeline.hold_seconds == 80
    assert [s.start for s in timeline.segments] == [0, 10, 30, 35, 65, 70]
    assert timeline.seconds_per_area == {Area.HIPS: 20, Area.HAMSTRINGS: 60, Area.CALVES: 60}
    assert timeline.index_at(0) == 0 and timeline.index_at(34.9) == 2 and timeline.index_at(100) == 6


def test_unknown_poses_are_reported_and_skipped_not_fatal() -> None:
    r = routine([step("a"), {"type": "block", "mode": "rounds", "rounds": 1, "items": [step("ghost")]}])
    timeline = expand(r, CATALOG)
    assert timeline.problems == ("step 2.1: unknown pose 'ghost' (skipped)",)
    assert [s.pose for s in timeline.holds()] == ["a"]


def test_empty_routine_has_an_empty_timeline() -> None:
    timeline = expand(routine([]), CATALOG)
    assert timeline.segments == () and timeline.total_seconds == 0


R, L = Side.RIGHT, Side.LEFT
LEG_BLOCK = ["three-legged-dog", "twisting-lizard"] + ["low-lunge", "lifted-head-to-knee"] * 3 + [
    "open-lizard", "pigeon", "seated-spinal-twist"]
SECTION_1_ORDER = (
    [("childs-pose", None), ("cat-cow", None), ("downward-facing-dog", None)]
    + [(pose, R) for pose in LEG_BLOCK]
    + [("downward-facing-dog", None)]
    + [(pose, L) for pose in LEG_BLOCK]
    + [("happy-baby", None), ("knees-to-chest", None),
       ("knee-to-chest", R), ("lying-spinal-twist", R), ("knee-to-chest", L), ("lying-spinal-twist", L),
       ("supported-fish", None), ("plow", None), ("savasana", None)]
)


def test_seed_flow_section_1_expands_in_the_order_actually_performed() -> None:
    flow = builtin_routines()["builtin-after-a-long-run"]
    timeline = expand(flow, builtin_poses())
    assert timeline.problems == ()
    assert [(s.pose, s.side) for s in timeline.holds()] == SECTION_1_ORDER
    switches = [s for s in timeline.segments if s.kind is SegmentKind.SWITCH]
    assert [(s.pose, s.side) for s in switches] == [("downward-facing-dog", None), ("knee-to-chest", L)]


def test_seed_flow_section_1_uses_the_articles_hold_times() -> None:
    flow = builtin_routines()["builtin-after-a-long-run"]
    holds = {(s.pose): s.seconds for s in expand(flow, builtin_poses()).holds()}
    for pose in ("childs-pose", "downward-facing-dog", "open-lizard", "pigeon"):
        assert 20 <= holds[pose] <= 30, pose
    for pose in ("low-lunge", "lifted-head-to-knee", "seated-spinal-twist", "happy-baby", "knees-to-chest",
                 "knee-to-chest"):
        assert 10 <= holds[pose] <= 20, pose
    assert holds["cat-cow"] == pytest.approx(60)  # ten slow breath-paced rounds
    assert holds["supported-fish"] == 25 and holds["plow"] == 10
    assert 300 <= holds["savasana"] <= 600
