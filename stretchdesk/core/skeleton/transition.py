"""Morphs between two poses that stay on the ground and pass through real postures.

Blending joint angles alone lets a body leave the floor and pass through shapes no
one takes (a crouch hanging over the mat on the way from sitting to down dog). A
transition instead goes the way a person does: from standing down to kneeling, or
crouching with the hands down on the way to all fours (a standing fold folds on
down that way to child's pose); from kneeling it sits back beside the heels before
the legs swing out to sitting, and lies down from there; prone and supine swap by
rolling onto the side; a body on a stair step steps back down off it (one foot to
the floor behind the step, then the other) before anything else, and climbs on the
same way; a body lying along a bench sits up on its edge, then stands. Each leg of
the way is a grounded blend. Props never move during a morph: each frame shows the
first pose's props, then the next pose's, and a step or bench stays until the body
is off it (`prop_hold`).
"""

from __future__ import annotations

import functools
from collections import deque
from dataclasses import replace
from typing import Literal

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.balance import BALANCE_MARGIN, centre_of_mass, settle, support_span
from stretchdesk.core.skeleton.contacts import CONTACT_TOLERANCE, contact_problems, stands_on_step
from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.interpolate import GROUNDED, LIMB_ENDS, interpolate
from stretchdesk.core.skeleton.kinematics import Vec, solve
from stretchdesk.core.skeleton.limits import joint_problems
from stretchdesk.core.skeleton.props import Wall
from stretchdesk.core.skeleton.raised import bench_of, bench_sit_on, carried, step_down_from, step_of
from stretchdesk.core.skeleton.resting import SHIN_TAPER

Posture = Literal[
    "standing", "squat", "kneeling", "all_fours", "side_sit", "seated", "supine", "prone", "side",
    "on_step", "step_down", "on_bench", "bench_sit",
]

# Who can move straight to whom; everything else goes through the postures between
# (the first listed wins where two ways are as short).
NEXT: dict[Posture, tuple[Posture, ...]] = {
    "on_step": ("step_down",),
    "step_down": ("on_step", "standing"),
    "on_bench": ("bench_sit",),
    "bench_sit": ("on_bench", "standing"),
    "standing": ("squat", "kneeling", "step_down", "bench_sit"),
    "squat": ("standing", "all_fours"),
    "kneeling": ("standing", "all_fours", "side_sit"),
    "all_fours": ("kneeling", "squat", "prone"),
    "side_sit": ("kneeling", "seated"),
    "seated": ("side_sit", "supine"),
    "supine": ("seated", "side"),
    "side": ("supine", "prone"),
    "prone": ("all_fours", "side"),
}


def posture(figure: Figure) -> Posture:
    """Which family of support a figure is in, read from what touches the floor."""
    if not figure.mat:
        return "supine"  # the figures seen from above all lie on their backs
    if stands_on_step(figure):
        return "on_step"
    if bench_of(figure) is not None:
        return "on_bench"
    skeleton = solve(figure)
    touching = {
        c.part for c in skeleton.capsules
        if min(c.a[1] - c.ra, c.b[1] - c.rb) <= CONTACT_TOLERANCE
    }
    hips_y = skeleton.points["hips"][1]
    trunk_down = "torso" in touching or skeleton.head[1] - skeleton.head_radius <= CONTACT_TOLERANCE
    lying_along = abs(abs(figure.pelvis % 360.0 - 180.0) - 90.0) > 45.0  # trunk roughly level
    if figure.view == "front" and lying_along and hips_y < 0.3:
        return "side"
    knees_down = any(
        skeleton.points[f"{s}_knee"][1] - skeleton.radii[f"{s}_knee"] <= CONTACT_TOLERANCE
        for s in ("near", "far")
    )
    if trunk_down and knees_down and figure.view == "side" and skeleton.head[1] < hips_y:
        return "all_fours"  # folded forward over the knees (child's pose): reached from all fours
    if trunk_down:
        if 30.0 < figure.pelvis % 360.0 < 150.0:
            return "seated"
        return "supine" if 90.0 < figure.pelvis % 360.0 < 270.0 else "prone"
    hands_down = "near_arm" in touching or "far_arm" in touching
    if hips_y > 0.6:
        return "all_fours" if hands_down else "standing"
    if knees_down:
        return "all_fours" if hands_down else "kneeling"
    return "all_fours" if hands_down else "standing"


def _squat() -> Figure:
    """Crouched low on both feet, chest over the knees, both hands down on the mat."""
    figure = Figure(pelvis=40.0).aim(chest=22.0, neck=20.0, head=10.0, thigh=12.0, shin=-112.0, foot=0.0)
    figure = figure.ground()
    figure = figure.plant_foot("both", figure.point("near_ankle")[0])
    return figure.plant_hand("both", figure.point("near_toe")[0] + 0.02)


def _side_sit() -> Figure:
    """Sitting down beside the heels, shins still on the mat, hands on the thighs:
    the way from kneeling to sitting without falling onto the seat."""
    figure = Figure(pelvis=100.0).aim(
        thigh=-14.0, shin=180.0 + SHIN_TAPER, foot=178.0, chest=98.0, neck=94.0, head=88.0
    )
    hip, knee = figure.point("near_hip"), figure.point("near_knee")
    rest = ((hip[0] + knee[0]) / 2 + 0.04, max(hip[1], knee[1]) + 0.07)
    return figure.reach("near_arm", rest).reach("far_arm", rest).aim(hand=-15.0).ground()


@functools.cache
def _waypoint(kind: Posture) -> Figure:
    """A plain figure of each posture, in the side view."""
    if kind == "standing":
        return bases.standing()
    if kind == "squat":
        return _squat()
    if kind == "side_sit":
        return _side_sit()
    if kind == "kneeling":
        return bases.kneeling()
    if kind == "all_fours":
        return bases.all_fours()
    if kind == "seated":
        return bases.seated()
    if kind == "supine":
        return bases.supine()
    if kind == "prone":
        return bases.prone()
    return bases.side_lying()


def route(a: Posture, b: Posture) -> list[Posture]:
    """The postures passed on the way from a to b (not counting a and b)."""
    seen: dict[Posture, Posture | None] = {a: None}
    queue: deque[Posture] = deque([a])
    while queue:
        here = queue.popleft()
        if here == b:
            break
        for there in NEXT[here]:
            if there not in seen:
                seen[there] = here
                queue.append(there)
    path: list[Posture] = []
    step = seen.get(b)
    while step is not None and step != a:
        path.append(step)
        step = seen[step]
    return path[::-1]


LIMB_TOUCHES = ("hand", "knee", "shin", "foot", "toe", "heel", "elbow")
TOUCH_PARTS = (
    *(f"{side}_{part}" for side in ("near", "far") for part in LIMB_TOUCHES),
    "hips",
    "head",
    "seat",
)


def _placed(waypoint: Figure, a: Figure, b: Figure, share: float) -> Figure:
    """A waypoint moved to lie between the two ends on the mat, declaring what it rests
    on so the blends to and from it keep those parts planted."""
    ax, bx = solve(a).points["hips"][0], solve(b).points["hips"][0]
    placed = _clear_of_walls(waypoint.move("hips", x=ax + (bx - ax) * share), a, b)
    resting = [part for part in TOUCH_PARTS if not contact_problems(placed.rests("floor", part))]
    return placed.rests("floor", *resting)


def _clear_of_walls(figure: Figure, *ends: Figure) -> Figure:
    """Slide a waypoint out of any wall the two ends stand by."""
    left, _, right, _ = solve(figure).bounds()
    for end in ends:
        for prop in end.props:
            if isinstance(prop, Wall) and prop.side == "right" and right > prop.x:
                figure, left, right = figure.shift(dx=prop.x - right), left + prop.x - right, prop.x
            elif isinstance(prop, Wall) and prop.side == "left" and left < prop.x:
                figure, left, right = figure.shift(dx=prop.x - left), prop.x, right + prop.x - left
    return figure


def _grounded(figure: Figure) -> bool:
    return abs(solve(figure).lowest()) <= GROUNDED


@functools.lru_cache(maxsize=64)
def path(a: Figure, b: Figure) -> tuple[Figure, ...]:
    """Every figure the morph passes through, ends included."""
    between = route(posture(a), posture(b))
    count = len(between) + 1
    return (a, *(_stop(kind, a, b, (i + 1) / count) for i, kind in enumerate(between)), b)


def _stop(kind: Posture, a: Figure, b: Figure, share: float) -> Figure:
    """The waypoint of a posture on the way from a to b; getting off (or onto) a step
    or a bench is built where that end's prop stands."""
    if kind == "step_down":
        return step_down_from(step_of(a, b))
    if kind == "bench_sit":
        bench = bench_of(a) or bench_of(b)
        assert bench is not None, "bench_sit is only on the way to or from a bench"
        return bench_sit_on(bench)
    return _placed(_waypoint(kind), a, b, share)


def prop_hold(a: Figure, b: Figure) -> tuple[float, float]:
    """(until when the first pose's props must stay, from when the next pose's must be
    there) as shares of the morph: a step or bench stays until the body's last part
    leaves it (then fades as the body comes off it), and is there before the body gets
    onto it; other props may go at once and come at the end."""
    legs = len(path(a, b)) - 1
    leave = 1 / legs if carried(a) else 0.0
    arrive = 1.0 - 1 / legs if carried(b) else 1.0
    return leave, arrive


def _standing_ends(frame: Figure) -> dict[str, tuple[Vec, float]]:
    """The hands and feet on the floor: wrist or ankle point and end-bone direction."""
    skeleton = solve(frame)
    ends: dict[str, tuple[Vec, float]] = {}
    for side in body.DEPTHS:
        for kind, (end, last, _) in LIMB_ENDS.items():
            part = f"{side}_{kind}"
            low = min(c.lowest() for c in skeleton.capsules if c.part == part and c.bone in (last, "instep"))
            if low <= CONTACT_TOLERANCE:
                ends[part] = (skeleton.points[f"{side}_{end}"], skeleton.directions[f"{side}_{last}"])
    return ends


def _shift_weight(frame: Figure) -> Figure:
    """Bring the weight back over what touches the floor the way a person does: the
    hips move over the support while the hands and feet on the floor stay where they
    are (a blended frame often leans off its feet; settle() would let it fall)."""
    planted = _standing_ends(frame)
    for _ in range(6):
        skeleton = solve(frame)
        span = support_span(skeleton)
        if span is None or not planted:
            return frame
        x, _ = centre_of_mass(skeleton)
        if span[0] - BALANCE_MARGIN / 2 <= x <= span[1] + BALANCE_MARGIN / 2:
            return frame
        moved = frame.shift(dx=((span[0] + span[1]) / 2 - x) * 0.7)
        for limb, (point, angle) in planted.items():
            bone = limb.replace("arm", "hand").replace("leg", "foot")
            try:
                moved = moved.reach(limb, point).aim(**{bone: angle})  # type: ignore[arg-type]
            except ValueError:
                return frame  # out of reach: the hips can't go there
        if joint_problems(moved):
            return frame
        frame = moved
    return frame


def transition(a: Figure, b: Figure, t: float) -> Figure:
    """The figure a fraction t of the way from pose a's end to pose b's start."""
    t = min(1.0, max(0.0, t))
    stops = path(a, b)
    legs = len(stops) - 1
    leg = min(int(t * legs), legs - 1)
    start, end = stops[leg], stops[leg + 1]
    frame = interpolate(start, end, t * legs - leg)  # a step or bench carries a body settle would tip
    if _grounded(start) and _grounded(end) and not (carried(start) or carried(end)):
        frame = settle(_shift_weight(frame))
    leave, arrive = prop_hold(a, b)
    switch = min(max(0.5, leave), arrive) if leave or arrive < 1.0 else 0.5
    frame = replace(frame, props=a.props if t < switch else b.props)  # never a prop in between
    return _clear_of_walls(frame, frame)
