"""The shortcuts posing takes for speed give exactly what the full solve gives.

aim/touch/reach change joint angles in a dict and ask for single directions and
single points (core/skeleton/aiming.py); these must agree with absolute_directions
and solve to the last bit, or authored figures and blended frames would drift.
"""

from __future__ import annotations

import dataclasses

import pytest

from stretchdesk.core.skeleton import body, figure_ids, interpolate, pose_figure, solve
from stretchdesk.core.skeleton.aiming import angles_of, reach_angles, with_angles, with_fields
from stretchdesk.core.skeleton.contacts import circles
from stretchdesk.core.skeleton.directions import absolute_directions, direction_of
from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.limits import CHECKED_NAMES, angle_problems, angles_in_range, joint_problems
from stretchdesk.core.skeleton.partial import limb_circles, limb_root, underside

LIMB_POINTS = ("shoulder", "elbow", "wrist", "hand", "fingertips", "hip", "knee", "ankle",
               "heel", "toe", "ball", "sole")


def _figures() -> list[Figure]:
    """Every keyframe, plus a blended frame between each moving pose's first two."""
    out: list[Figure] = []
    for pose_id in figure_ids():
        keys = pose_figure(pose_id).keyframes
        out += keys
        if len(keys) > 1:
            out.append(interpolate(keys[0], keys[1], 0.37))
    return out


FIGURES = _figures()


def test_there_are_front_view_twisted_and_foreshortened_figures_to_check() -> None:
    assert any(f.view == "front" for f in FIGURES)
    assert any(f.turn for f in FIGURES)
    assert any(f.foreshorten for f in FIGURES)


@pytest.mark.parametrize("index", range(0, len(FIGURES)))
def test_one_direction_one_point_and_a_rebuilt_figure_match_the_full_solve(index: int) -> None:
    figure = FIGURES[index]
    angles = angles_of(figure)
    every = absolute_directions(figure)
    for bone, value in every.items():
        assert direction_of(figure.view, angles, bone) == value, bone
    skeleton = solve(figure)
    for side in body.DEPTHS:
        assert limb_root(figure, side, arm=True) == skeleton.points[f"{side}_shoulder"]
        assert limb_root(figure, side, arm=False) == skeleton.points[f"{side}_hip"]
        for point in LIMB_POINTS:
            name = f"{side}_{point}"
            assert underside(figure, name) == skeleton.underside(name), name
    assert underside(figure, "head") == skeleton.underside("head")
    assert with_angles(figure, angles) == figure


def test_with_angles_builds_what_dataclasses_replace_builds() -> None:
    figure = FIGURES[0]
    angles = angles_of(figure) | {"near_knee": 33.0, "pelvis": 12}
    assert with_angles(figure, angles) == dataclasses.replace(figure, near_knee=33.0, pelvis=12)
    assert with_angles(figure, angles).pelvis == 12 and isinstance(with_angles(figure, angles).pelvis, int)


def test_joint_problems_still_names_each_joint_out_of_range() -> None:
    side = Figure().set(near_knee=-30.0, waist=80.0)
    assert joint_problems(side) == ["waist is 80°, outside -45..75", "near_knee is -30°, outside -5..170"]
    front = Figure(view="front").set(far_hip=179.0)
    assert joint_problems(front) == ["far_hip is 179°, outside -172..172"]


def test_with_fields_builds_what_dataclasses_replace_builds() -> None:
    figure = FIGURES[0]
    changes = {"x": 0.25, "near_knee": 40, "turn": 10.0, "contacts": ()}
    assert with_fields(figure, changes) == dataclasses.replace(figure, **changes)  # type: ignore[arg-type]
    assert figure.shift(0.1, -0.02) == dataclasses.replace(figure, x=figure.x + 0.1, y=figure.y - 0.02)


def test_angles_in_range_answers_what_angle_problems_answers() -> None:
    bent = [Figure().set(near_knee=-30.0), Figure().set(waist=80.0), Figure(view="front").set(far_hip=179.0)]
    assert all(joint_problems(f) for f in bent)
    for figure in FIGURES + bent:
        values = [getattr(figure, name) for name in CHECKED_NAMES]
        assert angles_in_range(figure.view, values) == (not angle_problems(figure.view, values))


LIMBS = (("arm", "shoulder", "wrist", ("upper_arm", "forearm", "hand")),
         ("leg", "hip", "ankle", ("thigh", "shin", "foot")))


@pytest.mark.parametrize("index", range(0, len(FIGURES), 3))
def test_a_limb_moved_by_ik_leaves_every_other_part_where_it_was(index: int) -> None:
    """What a blend relies on when it checks all four limbs against the floor on one
    solve and reaches with the shoulder or hip that solve gave: reaching with one limb
    moves no point, bone direction or capsule of the body's other parts."""
    figure = FIGURES[index]
    before = solve(figure)
    for side in body.DEPTHS:
        for kind, root_name, end, bones in LIMBS:
            limb = f"{side}_{kind}"
            x, y = before.points[f"{side}_{end}"]
            try:
                angles = reach_angles(figure, limb, (x + 0.03, y + 0.02))  # type: ignore[arg-type]
            except ValueError:
                continue
            root = before.points[f"{side}_{root_name}"]
            assert reach_angles(figure, limb, (x + 0.03, y + 0.02), root=root) == angles  # type: ignore[arg-type]
            moved = solve(with_angles(figure, angles))
            assert moved.points[f"{side}_{end}"] != (x, y)  # the limb did move
            assert [c for c in moved.capsules if c.part != limb] == [c for c in before.capsules if c.part != limb]
            assert moved.points[f"{side}_{root_name}"] == root
            still = [name for name in before.directions if name not in {f"{side}_{b}" for b in bones}]
            assert [moved.directions[n] for n in still] == [before.directions[n] for n in still], limb


LIMB_BONES = ("upper_arm", "forearm", "hand", "thigh", "shin", "foot", "instep")


@pytest.mark.parametrize("index", range(0, len(FIGURES)))
def test_a_limbs_circles_placed_alone_match_the_full_solve(index: int) -> None:
    """A blended frame is pinned by the circles of the parts it rests on, placed one
    limb at a time (partial.limb_circles): they must be the full solve's circles."""
    figure = FIGURES[index]
    skeleton = solve(figure)
    parts = [f"{side}_{name}" for side in body.DEPTHS for name in (*LIMB_POINTS, *LIMB_BONES)]
    for part in parts:
        assert limb_circles(figure, [part]) == [circles(skeleton, part)], part
    assert limb_circles(figure, parts) == [circles(skeleton, part) for part in parts]


def test_a_part_on_the_trunk_or_head_asks_for_the_full_solve() -> None:
    figure = FIGURES[0]
    for part in ("seat", "hips", "mid_back", "head"):
        assert limb_circles(figure, ["near_knee", part]) is None, part
    assert limb_circles(figure, ["near_elbow_pad"]) is None  # not a part: the full solve says so
    with pytest.raises(KeyError):
        circles(solve(figure), "near_elbow_pad")


def test_lowest_is_the_lowest_capsule_or_head_surface() -> None:
    for figure in FIGURES:
        skeleton = solve(figure)
        expected = min(min(c.lowest() for c in skeleton.capsules), skeleton.head[1] - skeleton.head_radius)
        assert skeleton.lowest() == expected


def test_lowest_by_part_is_each_parts_lowest_capsule_surface() -> None:
    for figure in FIGURES:
        skeleton = solve(figure)
        parts = {c.part for c in skeleton.capsules}
        expected = {part: min(c.lowest() for c in skeleton.capsules if c.part == part) for part in parts}
        assert skeleton.lowest_by_part() == expected


def test_figures_built_slot_by_slot_are_the_figures_init_builds() -> None:
    """with_angles/with_fields set each field's slot directly instead of calling the
    generated __init__; that skips nothing only while Figure validates nothing there."""
    assert not hasattr(Figure, "__post_init__")
    for figure in FIGURES[::7]:
        rebuilt = with_fields(figure, {"x": figure.x})
        assert rebuilt == figure and hash(rebuilt) == hash(figure)
        assert [type(getattr(rebuilt, f.name)) for f in dataclasses.fields(Figure)] == [
            type(getattr(figure, f.name)) for f in dataclasses.fields(Figure)]
