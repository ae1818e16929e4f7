"""Morphs between poses, as the player draws them: the way a person moves (no
tumbling), never off the floor, and props that stay where they are. Core only: no
QApplication."""

from __future__ import annotations

from dataclasses import replace

import pytest

from stretchdesk.core.skeleton import (
    Figure,
    Skeleton,
    body,
    figure_ids,
    floor_problems,
    pose_figure,
    solve,
    transition,
)
from stretchdesk.core.skeleton.interpolate import GROUNDED
from stretchdesk.core.skeleton.props import Box, StairStep, YogaBlock
from stretchdesk.core.skeleton.solved import (
    Drawing,
    drawing,
    morph_drawing,
    morph_props,
    morph_track,
    rep_cycle,
    rep_track,
)
from stretchdesk.core.skeleton.transition import path, posture, prop_hold, route

FRAMES = 40


def _ends(a: str, b: str) -> tuple[Figure, Figure]:
    return pose_figure(a).figure, pose_figure(b).figure


def _lowest(picture: Drawing) -> float:
    (_, hy), r = picture.head, picture.head_radius
    return min(min(min(c.a[1] - c.ra, c.b[1] - c.rb) for c in picture.capsules), hy - r)


def test_a_standing_fold_crouches_to_the_hands_on_its_way_to_childs_pose() -> None:
    start, end = _ends("hip-hinge-with-tke", "childs-pose")
    assert posture(end) == "all_fours"  # folded over the knees: reached from the hands
    assert route(posture(start), posture(end)) == ["squat"]
    crouch = solve(path(start, end)[1])
    assert crouch.points["hips"][1] > crouch.points["near_knee"][1] - 0.15  # low, not lying
    assert max(crouch.points["near_wrist"][1], crouch.points["far_wrist"][1]) < 0.06  # hands down


def test_kneeling_sits_down_beside_the_heels_before_the_legs_come_forward() -> None:
    start, end = _ends("low-lunge", "seated-spinal-twist")
    assert route(posture(start), posture(end)) == ["side_sit"]
    sit = solve(path(start, end)[1])
    for side in ("near", "far"):  # the shins still on the mat
        knee, ankle = sit.points[f"{side}_knee"], sit.points[f"{side}_ankle"]
        assert max(knee[1] - sit.radii[f"{side}_knee"], ankle[1] - sit.radii[f"{side}_ankle"]) < 0.03


@pytest.mark.parametrize(("a", "b"), [
    ("hip-hinge-with-tke", "childs-pose"), ("low-lunge", "seated-spinal-twist"),
    ("toe-squat", "butterfly"), ("dcr-rec-fem-stretch", "pigeon"), ("standing-quad-stretch", "childs-pose"),
])
def test_no_frame_of_these_morphs_floats_or_sinks(a: str, b: str) -> None:
    start, end = _ends(a, b)
    for step in range(FRAMES + 1):
        t = step / FRAMES
        frame = transition(start, end, t)
        assert abs(solve(frame).lowest()) <= GROUNDED + 0.005, f"t={t:.3f} floats or sinks"
        assert floor_problems(frame) == [], f"t={t:.3f}: {floor_problems(frame)}"
        assert abs(_lowest(morph_drawing(start, end, t))) <= GROUNDED + 0.005


def _props_moved(a: Figure, b: Figure) -> list[str]:
    """Props of any morph frame that are in neither end's place."""
    rest = {p.shape for p in drawing(a).props} | {p.shape for p in drawing(b).props}
    moved = []
    for step in range(FRAMES + 1):
        for prop in morph_props(a, b, step / FRAMES):
            if prop.shape not in rest:
                moved.append(f"t={step / FRAMES:.3f}: {prop.shape}")
    return moved


@pytest.mark.parametrize("before", ["lying-spinal-twist", "legs-up-the-wall", "knees-to-chest",
                                    "wall-strap-hamstring-stretch", "strap-leg-up-stretch", "savasana"])
def test_props_fade_in_place_and_never_fly(before: str) -> None:
    start, end = _ends(before, "supported-fish")
    assert not _props_moved(start, end)
    blocks = [p for p in morph_props(start, end, 0.5) if isinstance(p.shape, YogaBlock)]
    assert not blocks  # half-way, neither pose's props show
    at_end = morph_props(start, end, 1.0)
    assert {p.shape for p in at_end} == {p.shape for p in drawing(end).props}
    assert all(p.opacity == 1.0 for p in at_end)
    fading = morph_props(start, end, 0.85)
    assert fading and all(0.0 < p.opacity < 1.0 for p in fading)


def test_the_core_morph_never_puts_a_prop_between_two_places() -> None:
    """A block in one pose and blocks in the next: transition() shows one pose's props
    or the other's, never a blend of the two (the box that flew into Supported Fish)."""
    end = pose_figure("supported-fish").figure
    blocks = [p for p in end.props if isinstance(p, YogaBlock)]
    start = pose_figure("savasana").figure.with_props(*(replace(b, x=b.x + 0.6) for b in blocks))
    assert blocks and start.props != end.props and len(start.props) == len(end.props)
    for step in range(FRAMES + 1):
        t = step / FRAMES
        assert transition(start, end, t).props in (start.props, end.props)
    assert not _props_moved(start, end)


def test_tracks_blend_between_their_samples_and_loop() -> None:
    pose = pose_figure("cat-cow")
    track = rep_track(pose, per_step=6)
    assert len(track.samples) == 12 and track.loop
    assert track.at(0.0) == track.samples[0] and track.at(1.0) == track.samples[0]
    half = track.at(0.5 / 12)
    first, second = track.samples[0].capsules[0], track.samples[1].capsules[0]
    assert half.capsules[0].a[0] == pytest.approx((first.a[0] + second.a[0]) / 2)
    morph = morph_track(*_ends("cat-cow", "childs-pose"), samples=8)
    assert not morph.loop and morph.at(1.0) == morph.samples[-1] and morph.at(0.0) == morph.samples[0]


def test_a_drawing_places_the_glow_on_its_own_points() -> None:
    pose = pose_figure("low-lunge")
    picture = drawing(pose.figure)
    spots = picture.glow(("hip-flexors", "no-such-area"))
    assert spots and {s.area for s in spots} == {"hip-flexors"}
    hips = dict(picture.points)["hips"]
    assert any(s.a == pytest.approx(hips) for s in spots)


@pytest.mark.parametrize(("a", "b"), [
    ("step-heel-drop", "toe-squat"), ("bent-knee-soleus-stretch", "step-heel-drop"),
    ("step-heel-drop", "wall-calf-stretch"),
])
def test_a_step_is_stepped_off_and_on_never_floated_over(a: str, b: str) -> None:
    """On or off Step Heel Drop the body steps down foot by foot (one foot to the floor
    behind the step, then the other) and the step stays while a foot is on it."""
    start, end = _ends(a, b)
    assert "step_down" in route(posture(start), posture(end))
    leave, arrive = prop_hold(start, end)
    for step in range(FRAMES + 1):
        t = step / FRAMES
        frame = transition(start, end, t)
        skeleton = solve(frame)
        on_floor = abs(skeleton.lowest()) <= GROUNDED + 0.005
        steps = [p for p in morph_props(start, end, t) if isinstance(p.shape, Box) and p.opacity == 1.0]
        tread = StairStep(edge=0.0).height + body.ANKLE_HEIGHT  # an ankle over a foot flat on the step
        on_step = any(abs(skeleton.points[f"{side}_ankle"][1] - tread) <= 0.02 for side in ("near", "far"))
        assert on_floor or (on_step and steps), f"t={t:.3f} floats: neither on the floor nor on a shown step"
        assert floor_problems(frame) == [] or not on_floor, f"t={t:.3f}: {floor_problems(frame)}"
    held = morph_props(start, end, leave) if leave else morph_props(start, end, arrive)
    assert any(isinstance(p.shape, Box) and p.opacity == 1.0 for p in held)


def _into_box(skeleton: Skeleton, box: YogaBlock) -> float:
    """How deep any body circle reaches into a box standing on the floor (m)."""
    left, right, top = box.x - box.width / 2, box.x + box.width / 2, box.y + box.height
    deepest = 0.0
    for capsule in skeleton.capsules:
        for (x, y), r in ((capsule.a, capsule.ra), (capsule.b, capsule.rb)):
            if left + r < x < right - r and y < top + r:
                deepest = max(deepest, top - (y - r))
    return deepest


@pytest.mark.parametrize(("a", "b"), [
    ("thomas-test-hip-flexor-check", "savasana"), ("wall-calf-stretch", "thomas-test-hip-flexor-check"),
])
def test_a_bench_is_sat_up_on_and_stood_up_from_never_sunk_into(a: str, b: str) -> None:
    """Off the Thomas test's bench the body sits up on its edge and then stands (and
    the other way round), the bench drawn in full while the body is on it, and no
    frame passes through it."""
    start, end = _ends(a, b)
    assert "bench_sit" in route(posture(start), posture(end))
    bench = next(p for p in (*start.props, *end.props) if isinstance(p, YogaBlock))
    leave, arrive = prop_hold(start, end)
    for step in range(FRAMES + 1):
        t = step / FRAMES
        frame = transition(start, end, t)
        shown = [p for p in morph_props(start, end, t) if p.opacity == 1.0]
        on_bench = (leave > 0.0 and t <= leave) or (arrive < 1.0 and t >= arrive)
        if on_bench:
            assert shown, f"t={t:.3f}: the body is on the bench but it isn't drawn"
            assert _into_box(solve(frame), bench) <= 0.02, f"t={t:.3f}: the body sinks into the bench"
        assert abs(solve(frame).lowest()) <= GROUNDED + 0.005, f"t={t:.3f} floats or sinks"


@pytest.mark.parametrize(("a", "b"), [
    ("standing-quad-stretch", "toe-squat"), ("wall-psoas-hold", "low-lunge"),
    ("thomas-test-hip-flexor-check", "savasana"),
])
def test_an_upright_body_kneels_down_without_falling_over(a: str, b: str) -> None:
    """Between upright postures (standing, kneeling, sitting up) the body shifts its
    weight over its feet instead of toppling flat to stay balanced."""
    start, end = _ends(a, b)
    stops = path(start, end)
    for step in range(FRAMES + 1):
        t = step / FRAMES
        legs = len(stops) - 1
        leg = min(int(t * legs), legs - 1)
        ends = (solve(stops[leg]), solve(stops[leg + 1]))
        if not all(s.head[1] - s.points["hips"][1] > 0.3 for s in ends):
            continue  # a leg of the way that lies down
        frame = solve(transition(start, end, t))
        assert frame.head[1] - frame.points["hips"][1] > 0.3, f"t={t:.3f}: the body falls over"


def test_every_rep_hold_enters_and_leaves_on_the_still_keyframe() -> None:
    """The morphs into and out of a pose meet its still keyframe, so a hold of whole reps
    must start and end there, whichever keyframe the card shows."""
    moving = [pose_figure(pose_id) for pose_id in figure_ids() if pose_figure(pose_id).moving]
    assert any(pose.still for pose in moving)  # some cards show a later keyframe
    for pose in moving:
        track, still = rep_track(pose), drawing(pose.figure)
        for elapsed in (0.0, 6 * 2.5, 6 * 2.5 - 1e-9):
            frame = track.at(rep_cycle(pose, elapsed, 2.5))
            assert all(abs(p - q) < 1e-3 for c, d in zip(frame.capsules, still.capsules, strict=True)
                       for p, q in zip(c.a + c.b, d.a + d.b, strict=True)), (pose, elapsed)
