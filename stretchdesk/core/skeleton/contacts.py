"""Declared contacts: which body parts rest on which support, and the check that they do.

A pose says what it rests on (`Figure.rests("floor", "far_shin", "far_foot")`); the
tests then measure the drawn geometry, so a knee that should be down can't hover.
A part is a solved point ("near_knee", "hips", "mid_back", "head", see kinematics)
or a bone ("near_shin", "far_forearm", "near_foot"): a bone rests along the
surface when both of its ends touch it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from stretchdesk.core.skeleton.kinematics import Skeleton, Vec
from stretchdesk.core.skeleton.props import Ball, Band, Chair, FoamRoller, StairStep, Strap, Towel, Wall, YogaBlock

if TYPE_CHECKING:
    from stretchdesk.core.skeleton.figure import Figure

Surface = Literal["floor", "wall", "block", "towel", "chair", "ball", "roller", "strap", "body", "step"]
SURFACES: tuple[Surface, ...] = (
    "floor", "wall", "block", "towel", "chair", "ball", "roller", "strap", "body", "step",
)
# Supports that carry weight: every pose rests on at least one of them.
SUPPORTS: frozenset[Surface] = frozenset(("floor", "wall", "block", "towel", "chair", "ball", "roller", "step"))
CONTACT_TOLERANCE = 0.015  # m: about the outline's width, a gap no one sees at any size
LIMB_BONES = ("upper_arm", "forearm", "hand", "thigh", "shin", "foot", "instep")
FOOT_POINTS = ("sole", "ball", "toe", "heel", "ankle", "foot", "instep")
EDGE_REACH = 0.04  # m: a ball of the foot "on the edge" of a step lies within this of it


@dataclass(frozen=True, slots=True)
class Contact:
    """`part` rests on `surface`; for surface "body", `on` names the bone or point held."""

    part: str
    surface: Surface
    on: str = ""

    def __str__(self) -> str:
        target = f"{self.surface} ({self.on})" if self.on else self.surface
        return f"{self.part} on {target}"


def circles(skeleton: Skeleton, part: str) -> list[tuple[Vec, float]]:
    """The circles that stand for a part: one for a point, the two ends of a bone;
    "seat" is the lowest point of the trunk (what a seated or lying body sits on)."""
    if part == "seat":
        trunk = [(c.a, c.ra) for c in skeleton.capsules if c.part == "torso"]
        trunk += [(c.b, c.rb) for c in skeleton.capsules if c.part == "torso"]
        return [min(trunk, key=lambda circle: circle[0][1] - circle[1])]
    if part in skeleton.points:
        if part == "head":
            return [(skeleton.head, skeleton.head_radius)]
        return [(skeleton.points[part], skeleton.radii[part])]
    side, _, bone = part.partition("_")
    found = [c for c in skeleton.capsules if c.part.startswith(side) and c.bone == bone]
    if side not in ("near", "far") or bone not in LIMB_BONES or not found:
        raise KeyError(f"unknown body part {part!r}")
    capsule = found[0]
    return [(capsule.a, capsule.ra), (capsule.b, capsule.rb)]


def _segment_gap(point: Vec, radius: float, a: Vec, ra: float, b: Vec, rb: float) -> float:
    """Distance between a circle and a capsule's outline (negative = overlapping)."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((point[0] - ax) * dx + (point[1] - ay) * dy) / length2))
    closest = (ax + dx * t, ay + dy * t)
    return math.dist(point, closest) - radius - (ra + (rb - ra) * t)


def _top_gaps(figure: Figure, surface: Surface, centre: Vec, radius: float) -> Iterator[float]:
    """Gaps between a circle and the top of every prop of that kind under it."""
    x, y = centre
    for prop in figure.props:
        if (surface == "block" and isinstance(prop, YogaBlock)) or (surface == "towel" and isinstance(prop, Towel)):
            span, top = (prop.x - prop.width / 2, prop.x + prop.width / 2), prop.y + prop.height
        elif surface == "chair" and isinstance(prop, Chair):
            span, top = (prop.x - prop.depth / 2, prop.x + prop.depth / 2), prop.seat
        else:
            continue
        if span[0] - radius <= x <= span[1] + radius:
            yield y - radius - top


def _gap(figure: Figure, skeleton: Skeleton, contact: Contact, centre: Vec, radius: float) -> float:
    """How far one circle of a part is from its support (m); inf when there is none."""
    surface = contact.surface
    if surface == "floor" and not figure.mat:
        return _off_plan_mat(figure, centre, radius)
    if surface == "floor":
        return centre[1] - radius
    if surface == "wall":
        walls = [p for p in figure.props if isinstance(p, Wall)]
        gaps = [
            (w.x - centre[0] - radius) if w.side == "right" else (centre[0] - radius - w.x)
            for w in walls
        ]
        return min(gaps, key=abs, default=math.inf)
    if surface in ("block", "towel", "chair"):
        return min(_top_gaps(figure, surface, centre, radius), key=abs, default=math.inf)
    if surface in ("ball", "roller"):
        # a bone rests on a ball or roller anywhere along its length
        kind = Ball if surface == "ball" else FoamRoller
        ends = circles(skeleton, contact.part)
        (a, ra), (b, rb) = ends[0], ends[-1]
        gaps = []
        for prop in figure.props:
            if isinstance(prop, kind):
                shape = prop.shapes(skeleton.points)[0]
                gaps.append(_segment_gap(shape.centre, shape.radius, a, ra, b, rb))  # type: ignore[union-attr]
        return min(gaps, key=abs, default=math.inf)
    if surface == "step":
        return min((_box_gap(step, centre, radius) for step in _steps(figure)), key=abs, default=math.inf)
    if surface == "body":
        return min(
            (_segment_gap(centre, radius, a, ra, b, rb) for (a, ra), (b, rb) in _pairs(skeleton, contact.on)),
            default=math.inf,
        )
    raise ValueError(f"unknown surface {surface!r}")


def _off_plan_mat(figure: Figure, centre: Vec, radius: float) -> float:
    """A figure seen from above lies on a mat drawn as a block behind it: a part rests
    on the floor when it lies on that mat (0), else how far it hangs off it."""
    x, y = centre
    best = math.inf
    for prop in figure.props:
        if isinstance(prop, YogaBlock):
            left, right = prop.x - prop.width / 2, prop.x + prop.width / 2
            off = max(left - (x - radius), (x + radius) - right, prop.y - (y - radius),
                      (y + radius) - (prop.y + prop.height), 0.0)
            best = min(best, off)
    return best


def _pairs(skeleton: Skeleton, part: str) -> list[tuple[tuple[Vec, float], tuple[Vec, float]]]:
    ends = circles(skeleton, part)
    return [(ends[0], ends[-1])]


def _strapped(figure: Figure, part: str) -> bool:
    side, _, point = part.partition("_")
    for prop in figure.props:
        if isinstance(prop, Strap) and (part in prop.hands or (prop.foot == side and point in FOOT_POINTS)):
            return True
        if isinstance(prop, Band) and part in (prop.a, prop.b):
            return True
    return False


def contact_problems(figure: Figure) -> list[str]:
    """Every declared contact of a figure that the drawing doesn't honour."""
    skeleton = figure.solve()
    problems: list[str] = []
    for contact in figure.contacts:
        if contact.surface == "step" and contact.on == "edge":
            problems += _edge_problems(figure, skeleton, contact)
            continue
        if contact.surface == "strap":
            if not _strapped(figure, contact.part):
                problems.append(f"{contact}: no strap or band is tied to it")
            continue
        for centre, radius in circles(skeleton, contact.part):
            gap = _gap(figure, skeleton, contact, centre, radius)
            # a hand holding a limb overlaps it in the picture: only a gap is wrong
            sink = -math.inf if contact.surface == "body" else -CONTACT_TOLERANCE
            if math.isinf(gap):
                problems.append(f"{contact}: there is no {contact.surface} there")
                break
            if not sink <= gap <= CONTACT_TOLERANCE:
                where = "above" if gap > 0 else "into"
                problems.append(f"{contact}: {abs(gap) * 100:.1f} cm {where} it")
                break
    return problems


# -- standing on a step ------------------------------------------------------------
# f.rests("step", "far_foot") puts a part on the tread like any support;
# f.rests("step", "near_ball", on="edge") is the heel drop: the ball of the foot rests
# on the step's edge while that heel sinks below the top, beside the step, not into it.


def _steps(figure: Figure) -> list[StairStep]:
    return [prop for prop in figure.props if isinstance(prop, StairStep)]


def stands_on_step(figure: Figure) -> bool:
    """True when the body rests on a step: its lowest part may then hang above the floor."""
    return any(contact.surface == "step" for contact in figure.contacts) and bool(_steps(figure))


def _box_gap(step: StairStep, centre: Vec, radius: float) -> float:
    """Signed distance from a circle to the step's block (negative = overlapping it)."""
    (left, right), top = step.span, step.height
    dx = max(left - centre[0], 0.0, centre[0] - right)
    dy = max(0.0 - centre[1], 0.0, centre[1] - top)
    if dx == 0.0 and dy == 0.0:  # the centre is inside: how deep, to the nearest face
        return -min(centre[0] - left, right - centre[0], centre[1], top - centre[1]) - radius
    return math.hypot(dx, dy) - radius


def _capsule_gap(step: StairStep, a: Vec, ra: float, b: Vec, rb: float, samples: int = 12) -> float:
    """The least signed distance from a capsule to the step, sampled along its length."""
    return min(
        _box_gap(step, (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), ra + (rb - ra) * t)
        for t in (i / samples for i in range(samples + 1))
    )


def _edge_problems(figure: Figure, skeleton: Skeleton, contact: Contact) -> list[str]:
    """The ball of the foot on the step's edge, its heel dropped below the top beside it."""
    side, _, point = contact.part.partition("_")
    if point != "ball" or side not in ("near", "far"):
        return [f"{contact}: only the ball of a foot rests on a step's edge"]
    ball, r_ball = skeleton.points[contact.part], skeleton.radii[contact.part]
    steps = _steps(figure)
    if not steps:
        return [f"{contact}: there is no step there"]
    step = min(steps, key=lambda s: abs(ball[0] - s.edge))
    gap = _box_gap(step, ball, r_ball)
    if abs(gap) > CONTACT_TOLERANCE:
        return [f"{contact}: {abs(gap) * 100:.1f} cm {'above' if gap > 0 else 'into'} it"]
    if abs(ball[0] - step.edge) > EDGE_REACH:
        return [f"{contact}: {abs(ball[0] - step.edge) * 100:.1f} cm from the edge"]
    heel, r_heel = skeleton.points[f"{side}_heel"], skeleton.radii[f"{side}_heel"]
    problems = []
    if heel[1] - r_heel > step.height - CONTACT_TOLERANCE:
        problems.append(f"{contact}: the heel is not below the step's top")
    for capsule in skeleton.capsules:
        if capsule.part == f"{side}_leg" and capsule.bone in ("foot", "instep", "shin"):
            sunk = -_capsule_gap(step, capsule.a, capsule.ra, capsule.b, capsule.rb)
            if sunk > CONTACT_TOLERANCE:
                problems.append(f"{contact}: the {capsule.bone} is {sunk * 100:.1f} cm into the step")
    return problems
