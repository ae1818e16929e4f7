"""Declared contacts: every pose says what it rests on, and the drawing honours it in
every keyframe and in every frame of its animation; morphs between poses stay on
the ground."""

from __future__ import annotations

import itertools

import pytest

from stretchdesk.core.catalog import builtin_poses, builtin_routines
from stretchdesk.core.skeleton import (
    Figure,
    bases,
    contact_problems,
    figure_ids,
    floor_problems,
    interpolate,
    joint_problems,
    pose_figure,
    problems,
    solve,
    transition,
)
from stretchdesk.core.skeleton.balance import balance_problems
from stretchdesk.core.skeleton.contacts import CONTACT_TOLERANCE, SUPPORTS
from stretchdesk.core.skeleton.props import Wall
from stretchdesk.core.skeleton.transition import path, posture, route
from stretchdesk.core.timeline import expand

IDS = figure_ids()
STEPS = 8  # frames sampled between two keyframes (a 60 fps morph shows many more)

# The cases issue 15 found floating: each must now declare (and so be checked on) these.
REQUIRED = {
    "low-lunge": [("far_knee", "floor"), ("far_shin", "floor"), ("far_toe", "floor")],
    "ninety-ninety-hip-stretch": [("far_knee", "floor"), ("far_shin", "floor")],
    "bjj-quad": [("far_knee", "floor")],
    "legs-up-the-wall": [("near_shin", "wall"), ("far_shin", "wall"), ("hips", "wall")],
    "wall-strap-hamstring-stretch": [("far_shin", "wall")],
    "butterfly": [("near_ankle", "floor"), ("far_ankle", "floor"), ("seat", "floor")],
    "supported-fish": [("mid_back", "block"), ("head", "block"), ("hips", "floor")],
    "supine-figure-four": [("near_hand", "body"), ("far_hand", "body")],
}


def _declared(pose_id: str, index: int = 0) -> set[tuple[str, str]]:
    return {(c.part, c.surface) for c in pose_figure(pose_id).keyframes[index].contacts}


@pytest.mark.parametrize("pose_id", IDS)
def test_every_keyframe_declares_what_it_rests_on(pose_id: str) -> None:
    for index, key in enumerate(pose_figure(pose_id).keyframes):
        supports = {c.surface for c in key.contacts} & SUPPORTS
        assert supports, f"keyframe {index} declares no support (floor, wall, block, ...)"


@pytest.mark.parametrize("pose_id", IDS)
def test_declared_contacts_hold_in_every_keyframe_and_animation_frame(pose_id: str) -> None:
    keys = pose_figure(pose_id).keyframes
    for index, key in enumerate(keys):
        assert problems(key) == [], f"keyframe {index}"
    if len(keys) == 1:
        return
    for index, (a, b) in enumerate(zip(keys, keys[1:] + keys[:1], strict=True)):
        for step in range(1, STEPS):
            frame = interpolate(a, b, step / STEPS)
            assert problems(frame) == [], f"keyframe {index}->next at t={step / STEPS}"


@pytest.mark.parametrize(("pose_id", "contacts"), sorted(REQUIRED.items()))
def test_the_floating_cases_from_issue_15_declare_their_contacts(
    pose_id: str, contacts: list[tuple[str, str]]
) -> None:
    declared = set().union(*(_declared(pose_id, i) for i in range(len(pose_figure(pose_id).keyframes))))
    assert set(contacts) <= declared


def test_a_lifted_knee_breaks_its_declared_contact() -> None:
    kneeling = bases.kneeling().rests("floor", "near_knee")
    assert contact_problems(kneeling) == []
    lifted = kneeling.shift(dy=0.03)
    assert any("near_knee on floor" in p and "above" in p for p in contact_problems(lifted))


def test_a_gap_between_legs_and_wall_is_reported() -> None:
    f = pose_figure("legs-up-the-wall").figure
    wall = next(p for p in f.props if isinstance(p, Wall))
    moved = f.replace(props=tuple(Wall(wall.x + 0.04, height=wall.height) if p is wall else p
                                  for p in f.props))
    assert any("on wall" in p for p in contact_problems(moved))


def test_a_hand_that_lets_go_of_a_thigh_is_reported() -> None:
    f = pose_figure("supine-figure-four").figure
    let_go = f.reach("near_arm", (f.point("near_shoulder")[0] + 0.2, 0.3))
    assert any("near_hand on body" in p for p in contact_problems(let_go))


def test_a_block_that_isnt_there_is_reported() -> None:
    f = bases.supine().rests("block", "mid_back")
    assert any("no block" in p for p in contact_problems(f))


def test_shared_contacts_stay_put_while_a_pose_moves() -> None:
    """Rocking back on hands and knees: the hands and knees neither slide nor lift."""
    forward, back = pose_figure("rocking-hip-to-heel").keyframes
    for step in range(1, STEPS):
        frame = interpolate(forward, back, step / STEPS)
        for point in ("near_wrist", "far_knee"):
            now, start = solve(frame).points[point], solve(forward).points[point]
            assert abs(now[0] - start[0]) < CONTACT_TOLERANCE, f"{point} slides"
        assert contact_problems(frame) == []


def _pairs() -> list[tuple[str, str]]:
    """Consecutive poses of the built-in routines, plus representative position changes."""
    pairs: set[tuple[str, str]] = set()
    catalog = builtin_poses()
    for routine in builtin_routines().values():
        holds = [s.pose for s in expand(routine, catalog).holds() if s.pose]
        pairs.update((a, b) for a, b in itertools.pairwise(holds) if a != b)
    pairs.update({
        ("forward-lunge", "savasana"), ("savasana", "forward-lunge"),
        ("sphinx-with-pelvic-tilt", "knee-to-chest"), ("knee-to-chest", "sphinx-with-pelvic-tilt"),
        ("seated-spinal-twist", "downward-facing-dog"), ("hip-hinge-with-tke", "childs-pose"),
        ("cat-cow", "standing-quad-stretch"), ("pigeon", "savasana"),
        ("step-heel-drop", "toe-squat"), ("bent-knee-soleus-stretch", "step-heel-drop"),
        ("thomas-test-hip-flexor-check", "savasana"), ("wall-calf-stretch", "thomas-test-hip-flexor-check"),
    })
    return sorted((a, b) for a, b in pairs if a in IDS and b in IDS)


def _supported(frame: Figure) -> bool:
    """Resting on the floor and balanced over what touches it (or held by a prop)."""
    return floor_problems(frame) + joint_problems(frame) + balance_problems(frame) == []


def test_standing_to_lying_passes_through_kneeling_and_sitting() -> None:
    start, end = pose_figure("forward-lunge").figure, pose_figure("savasana").figure
    assert route(posture(start), posture(end)) == ["kneeling", "side_sit", "seated"]
    assert len(path(start, end)) == 5


def test_prone_to_supine_rolls_onto_the_side() -> None:
    stops = [posture(f) for f in path(pose_figure("sphinx-with-pelvic-tilt").figure,
                                        pose_figure("knee-to-chest").figure)]
    assert stops == ["prone", "side", "supine"]


@pytest.mark.parametrize(("a", "b"), _pairs())
def test_morphs_between_poses_stay_on_the_ground(a: str, b: str) -> None:
    start, end = pose_figure(a).figure, pose_figure(b).figure
    for step in range(1, 4 * STEPS):
        frame = transition(start, end, step / (4 * STEPS))
        assert _supported(frame), f"t={step / (4 * STEPS):.3f}: {problems(frame)}"
