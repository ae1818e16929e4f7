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
from stretchdesk.core.skeleton.props import Ball, Band, Chair, FoamRoller, Strap, Towel, Wall, YogaBlock

if TYPE_CHECKING:
    from stretchdesk.core.skeleton.figure import Figure

Surface = Literal["floor", "wall", "block", "towel", "chair", "ball", "roller", "strap", "body"]
SURFACES: tuple[Surface, ...] = (
    "floor", "wall", "block", "towel", "chair", "ball", "roller", "strap", "body",
)
# Supports that carry weight: every pose rests on at least one of them.
SUPPORTS: frozenset[Surface] = frozenset(("floor", "wall", "block", "towel", "chair", "ball", "roller"))
CONTACT_TOLERANCE = 0.015  # m: about the outline's width, a gap no one sees at any size
LIMB_BONES = ("upper_arm", "forearm", "hand", "thigh", "shin", "foot", "instep")
FOOT_POINTS = ("sole", "ball", "toe", "heel", "ankle", "foot", "instep")


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
