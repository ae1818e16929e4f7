"""The Qt-free figure model: every authored figure is anatomically plausible,
rests on the floor, and stays so through every blended frame."""

from __future__ import annotations

import itertools
import math
import subprocess
import sys

import pytest

from stretchdesk.core.catalog import builtin_poses, builtin_routines
from stretchdesk.core.skeleton import (
    Figure,
    PoseFigure,
    bases,
    figure_ids,
    interpolate,
    joint_problems,
    pose_figure,
    problems,
    solve,
    transition,
)
from stretchdesk.core.skeleton.kinematics import Capsule
from stretchdesk.core.timeline import expand

IDS = figure_ids()
BLEND_STEPS = (0.25, 0.5, 0.75)


def _length(capsule: Capsule) -> float:
    return math.dist(capsule.a, capsule.b)


@pytest.mark.parametrize("pose_id", IDS)
def test_figure_belongs_to_a_real_pose(pose_id: str) -> None:
    assert pose_id in builtin_poses()
    assert isinstance(pose_figure(pose_id), PoseFigure)


@pytest.mark.parametrize("pose_id", IDS)
def test_every_keyframe_and_blend_is_plausible(pose_id: str) -> None:
    keys = pose_figure(pose_id).keyframes
    for index, key in enumerate(keys):
        assert problems(key) == [], f"keyframe {index}"
    for index, (a, b) in enumerate(zip(keys, keys[1:] + keys[:1], strict=True)):
        if a is b:
            continue
        for t in BLEND_STEPS:
            assert problems(interpolate(a, b, t)) == [], f"keyframes {index}->next at t={t}"


def test_moving_poses_have_several_keyframes() -> None:
    for pose_id in ("cat-cow", "glute-bridge"):
        assert len(pose_figure(pose_id).keyframes) >= 2


def test_unknown_pose_raises_key_error() -> None:
    with pytest.raises(KeyError):
        pose_figure("no-such-pose")


def _transitions() -> list[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    catalog = builtin_poses()
    for routine in builtin_routines().values():
        holds = [s.pose for s in expand(routine, catalog).holds() if s.pose]
        pairs.update((a, b) for a, b in itertools.pairwise(holds) if a != b)
    have = set(IDS)
    return sorted((a, b) for a, b in pairs if a in have and b in have)


@pytest.mark.parametrize(("a", "b"), _transitions())
def test_transitions_between_routine_neighbours_stay_plausible(a: str, b: str) -> None:
    start, end = pose_figure(a).figure, pose_figure(b).figure
    for t in BLEND_STEPS:
        frame = transition(start, end, t)
        assert joint_problems(frame) == [], f"t={t}"
        assert abs(solve(frame).lowest()) < 0.01, f"t={t} leaves the floor"


def test_interpolation_never_changes_a_bone_length() -> None:
    a, b = bases.standing(), pose_figure("childs-pose").figure
    lengths = [_length(c) for c in solve(a).capsules]
    for t in (0.1, 0.33, 0.5, 0.9):
        blended = [_length(c) for c in solve(interpolate(a, b, t)).capsules]
        limb = [(x, y) for x, y, c in zip(lengths, blended, solve(a).capsules, strict=True)
                if c.part != "torso"]
        assert all(math.isclose(x, y, abs_tol=1e-9) for x, y in limb)


def test_interpolation_ends_are_the_keyframes_and_the_pelvis_turns_the_short_way() -> None:
    a = bases.supine().replace(pelvis=170.0)
    b = a.replace(pelvis=-170.0)
    assert interpolate(a, b, 0.0).pelvis == pytest.approx(170.0)
    assert interpolate(a, b, 0.5).pelvis % 360 == pytest.approx(180.0)
    assert interpolate(a, b, 1.0).angles() == pytest.approx({**b.angles(), "pelvis": 190.0})


def test_blending_front_and_side_views_switches_halfway() -> None:
    side, front = bases.standing(), bases.standing("front")
    assert interpolate(side, front, 0.4) is side
    assert interpolate(side, front, 0.6) is front


def test_a_backward_knee_is_reported() -> None:
    assert any("near_knee" in p for p in joint_problems(Figure().set(near_knee=-30.0)))


def test_a_hand_through_the_floor_is_reported() -> None:
    assert any("below the floor" in p for p in problems(bases.standing().shift(dy=-0.05)))


def test_reach_refuses_a_target_out_of_reach() -> None:
    with pytest.raises(ValueError, match="short"):
        bases.standing().reach("near_arm", (3.0, 0.0))


def test_reach_bends_the_knee_the_anatomical_way() -> None:
    figure = bases.standing().reach("near_leg", (0.25, 0.3))
    assert figure.near_knee > 0
    assert math.dist(figure.point("near_ankle"), (0.25, 0.3)) < 1e-6


def test_strap_is_tied_to_the_hands_and_foot() -> None:
    figure = pose_figure("strap-leg-up-stretch").figure
    points = solve(figure).points
    strap_lines = [s for p in figure.props for s in p.shapes(points)]
    ends = {pt for line in strap_lines for pt in getattr(line, "points", ())}
    assert points["near_hand"] in ends and points["far_hand"] in ends


def test_core_figure_package_does_not_import_qt() -> None:
    code = "import sys, stretchdesk.core.skeleton as f; f.figure_ids(); print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
