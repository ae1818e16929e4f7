"""The step prop and its edge rule: the step heel drop rests the ball of the foot on the
step's edge and lets the heel sink below the top beside the step, never into it; a
figure standing on a step may hang above the floor, one standing on nothing may not."""

from __future__ import annotations

import pytest

from stretchdesk.core.skeleton import bases, contact_problems, floor_problems, pose_figure, problems, solve
from stretchdesk.core.skeleton.balance import centre_of_mass
from stretchdesk.core.skeleton.contacts import CONTACT_TOLERANCE, EDGE_REACH
from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.library.runner_extras import step_heel_drop
from stretchdesk.core.skeleton.props import StairStep


def _step(f: Figure) -> StairStep:
    return next(p for p in f.props if isinstance(p, StairStep))


def _with_step(f: Figure, **changes: float) -> Figure:
    step = _step(f)
    moved = StairStep(**{"edge": step.edge, "height": step.height, "depth": step.depth, **changes})
    return f.replace(props=tuple(moved if p is step else p for p in f.props))


def test_the_heel_drop_declares_the_edge_and_the_standing_foot() -> None:
    f = pose_figure("step-heel-drop").figure
    declared = {(c.part, c.surface, c.on) for c in f.contacts}
    assert declared == {("near_ball", "step", "edge"), ("far_foot", "step", "")}
    assert problems(f) == []


def test_the_drawing_is_what_the_rule_says() -> None:
    f = pose_figure("step-heel-drop").figure
    step, skeleton = _step(f), solve(f)
    ball, heel = skeleton.points["near_ball"], skeleton.points["near_heel"]
    assert abs(ball[0] - step.edge) <= EDGE_REACH
    assert heel[0] < step.edge and heel[1] + skeleton.radii["near_heel"] < step.height  # hangs, dropped
    far_heel, far_toe = skeleton.points["far_heel"], skeleton.points["far_toe"]
    assert step.edge < far_heel[0] < far_toe[0] < step.edge + step.depth  # the other foot on the tread
    # the weight is over what stands on the step: from the edge to the front foot's toes
    x, _ = centre_of_mass(skeleton)
    assert step.edge - 0.02 <= x <= far_toe[0]


@pytest.mark.parametrize("tilt", [14.0, 22.0, 28.0])
def test_the_rule_holds_for_a_small_and_a_deep_drop(tilt: float) -> None:
    assert problems(step_heel_drop(tilt)) == []


def test_a_foot_lifted_off_the_edge_is_reported() -> None:
    lifted = pose_figure("step-heel-drop").figure.shift(dy=0.03)
    assert any("near_ball on step (edge)" in p and "above" in p for p in contact_problems(lifted))


def test_a_heel_level_with_the_step_is_not_a_heel_drop() -> None:
    assert any("heel is not below" in p for p in contact_problems(step_heel_drop(tilt=0.0)))


def test_a_foot_sunk_into_the_step_is_reported() -> None:
    f = pose_figure("step-heel-drop").figure
    # the step slid back under the heel: the heel and foot now cut into it
    under = _with_step(f, edge=_step(f).edge - 0.12, depth=_step(f).depth + 0.12)
    found = contact_problems(under)
    assert any("near_ball on step (edge)" in p for p in found), found
    lowered = f.shift(dy=-2 * CONTACT_TOLERANCE)
    assert any("near_ball on step (edge)" in p and "into" in p for p in contact_problems(lowered))


def test_a_ball_in_the_middle_of_the_tread_is_not_on_the_edge() -> None:
    standing = bases.standing()
    ball = standing.point("near_ball")
    on_top = standing.shift(dy=0.17).with_props(StairStep(edge=ball[0] - 0.15, height=0.17, depth=0.6))
    assert contact_problems(on_top.rests("step", "near_ball")) == []  # resting on the tread
    found = contact_problems(on_top.rests("step", "near_ball", on="edge"))
    assert len(found) == 1 and "15.0 cm from the edge" in found[0]


def test_only_a_ball_rests_on_an_edge() -> None:
    f = pose_figure("step-heel-drop").figure.rests("step", "near_heel", on="edge")
    assert any("only the ball" in p for p in contact_problems(f))


def test_no_step_no_edge() -> None:
    f = bases.standing().rests("step", "near_ball", on="edge")
    assert any("no step" in p for p in contact_problems(f))


def test_standing_on_nothing_still_hovers() -> None:
    """The floor rule lets go only for a body that declares it rests on a step."""
    lifted = bases.standing().shift(dy=0.17).with_props(StairStep(edge=0.3))
    assert any("hovers" in p for p in floor_problems(lifted))
    assert not any("hovers" in p for p in floor_problems(pose_figure("step-heel-drop").figure))
