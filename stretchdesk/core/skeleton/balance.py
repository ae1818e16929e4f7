"""Is a body held up by what it touches? Its centre of mass must lie over the span
of the parts resting on the floor, or a prop must carry it.

A blend of joint angles can leave the lowest part on the floor while the body
hangs beside it (a crouched shape balanced on one toe); this catches that.
"""

from __future__ import annotations

import math

from stretchdesk.core.skeleton.contacts import CONTACT_TOLERANCE
from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.kinematics import Skeleton, solve
from stretchdesk.core.skeleton.props import Ball, Chair, FoamRoller, StairStep, Towel, Wall, WallFace, YogaBlock

BALANCE_MARGIN = 0.05  # m the centre of mass may lie beyond the outermost support
CARRYING_PROPS = (Wall, WallFace, Chair, Ball, YogaBlock, FoamRoller, Towel, StairStep)


def centre_of_mass(skeleton: Skeleton) -> tuple[float, float]:
    """Capsules weighted by their area in the picture, the head as a disc."""
    total, mx, my = 0.0, 0.0, 0.0
    for c in skeleton.capsules:
        length = math.dist(c.a, c.b)
        weight = length * (c.ra + c.rb) + math.pi * ((c.ra + c.rb) / 2) ** 2
        total += weight
        mx += weight * (c.a[0] + c.b[0]) / 2
        my += weight * (c.a[1] + c.b[1]) / 2
    head = math.pi * skeleton.head_radius**2
    total += head
    mx += head * skeleton.head[0]
    my += head * skeleton.head[1]
    return mx / total, my / total


def support_span(skeleton: Skeleton) -> tuple[float, float] | None:
    """Leftmost and rightmost x where the body touches the floor (None: it doesn't)."""
    xs: list[float] = []
    for c in skeleton.capsules:
        for (x, y), r in ((c.a, c.ra), (c.b, c.rb)):
            if y - r <= CONTACT_TOLERANCE:
                xs += [x - r, x + r]
    (hx, hy), hr = skeleton.head, skeleton.head_radius
    if hy - hr <= CONTACT_TOLERANCE:
        xs += [hx - hr * 0.5, hx + hr * 0.5]
    return (min(xs), max(xs)) if xs else None


def balance_problems(figure: Figure) -> list[str]:
    """The body tips over: its centre of mass is outside what holds it up."""
    if not figure.mat or any(isinstance(p, CARRYING_PROPS) for p in figure.props):
        return []  # seen from above, or a prop takes weight: nothing to tip over
    skeleton = solve(figure)
    span = support_span(skeleton)
    if span is None:
        return ["nothing touches the floor"]
    x, _ = centre_of_mass(skeleton)
    if x < span[0] - BALANCE_MARGIN or x > span[1] + BALANCE_MARGIN:
        side = span[0] - x if x < span[0] else x - span[1]
        return [f"centre of mass {side * 100:.0f} cm beyond what rests on the floor"]
    return []


def balance_on(f: Figure, side: str, direction: float = 0.0) -> Figure:
    """Re-plant a standing foot (IK) under the body's centre of mass, so a one-legged
    pose stands over its foot instead of leaning on air."""
    ball_ahead = 0.07 if f.view == "side" else 0.0  # weight over the middle of the foot
    for _ in range(4):
        x, _ = centre_of_mass(solve(f))
        f = f.plant_foot(side, x - ball_ahead, direction)  # type: ignore[arg-type]
    return f


def _tipped(figure: Figure, pivot: tuple[float, float], degrees: float) -> Figure:
    """The whole body turned rigidly about a point on the floor."""
    turn = math.radians(degrees)
    dx, dy = figure.x - pivot[0], figure.y - pivot[1]
    x = pivot[0] + dx * math.cos(turn) - dy * math.sin(turn)
    y = pivot[1] + dx * math.sin(turn) + dy * math.cos(turn)
    return figure.replace(x=x, y=y, pelvis=figure.pelvis + degrees)


def _overhang(skeleton: Skeleton) -> float:
    span = support_span(skeleton)
    if span is None:
        return math.inf
    x, _ = centre_of_mass(skeleton)
    return max(span[0] - x, x - span[1], 0.0)


def settle(figure: Figure, step: float = 2.0, limit: int = 90) -> Figure:
    """Let a body that would tip over roll onto its next support, as a rigid body does:
    it turns about the edge it overhangs, one way only, until its weight is over what
    touches the floor (or, failing that, the steadiest attitude on the way)."""
    figure = figure.ground()
    if not figure.mat or any(isinstance(p, CARRYING_PROPS) for p in figure.props):
        return figure
    best, best_overhang = figure, _overhang(solve(figure))
    if best_overhang <= BALANCE_MARGIN / 2:
        return figure
    span = support_span(solve(figure))
    x, _ = centre_of_mass(solve(figure))
    right = span is not None and x > span[1]
    for _ in range(limit):
        span = support_span(solve(figure))
        if span is None:
            break
        pivot = (span[1], 0.0) if right else (span[0], 0.0)
        figure = _tipped(figure, pivot, -step if right else step).ground()
        overhang = _overhang(solve(figure))
        if overhang < best_overhang:
            best, best_overhang = figure, overhang
        if overhang <= BALANCE_MARGIN / 2:
            break
    return best
