"""Partial solves: one limb (or one joint) placed with solve's own arithmetic.

Posing and blending ask for a few points many times: IK wants a shoulder or hip on
every reach, touch one point some fifty times a search, a blended frame's pin the
circles of the hands, feet or knees it rests on. Placing only that limb instead of
the whole body makes them cheap, and because the steps are solve's own
(kinematics.trunk, limb_points, limb_capsules) the answers are the same to the last
bit (tests/test_figures_posing_shortcuts.py, benchmarks/figure_fingerprint.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from stretchdesk.core.skeleton import body
from stretchdesk.core.skeleton.directions import absolute_directions, direction_of
from stretchdesk.core.skeleton.kinematics import (
    POINT_NAMES,
    POINT_RADII,
    SIDE_PARTS,
    Vec,
    limb_capsules,
    limb_points,
    limb_roots,
    solve,
    trunk,
)

if TYPE_CHECKING:
    from stretchdesk.core.skeleton.figure import Figure

Circle = tuple[Vec, float]


def limb_root(figure: Figure, side: str, *, arm: bool) -> Vec:
    """Where solve puts a side's shoulder (arm) or hip joint, without solving the rest:
    IK asks for it on every try, and a limb's own angles never move it. Only the pelvis
    and chest directions place it, so only those two are worked out."""
    angles = {"pelvis": figure.pelvis, "waist": figure.waist}
    dirs = {bone: direction_of(figure.view, angles, bone) for bone in ("pelvis", "chest")}
    root = (figure.x, figure.y)
    _, _, shoulder_mid = trunk(root, dirs, dict(figure.foreshorten).get)
    hip, shoulder = limb_roots(root, shoulder_mid, dirs, math.radians(figure.turn), figure.view == "front", side)
    return shoulder if arm else hip


def _side_of(name: str) -> body.Depth | None:
    return next((depth for depth in body.DEPTHS if name.startswith(f"{depth}_")), None)


def _limbs(figure: Figure) -> Callable[[body.Depth], tuple[Vec, ...]]:
    """A side's limb_points, each side placed at most once and only when asked for."""
    dirs = absolute_directions(figure)
    seen = dict(figure.foreshorten).get
    root = (figure.x, figure.y)
    _, _, shoulder_mid = trunk(root, dirs, seen)
    placed: dict[str, tuple[Vec, ...]] = {}

    def limb(side: body.Depth) -> tuple[Vec, ...]:
        if side not in placed:
            placed[side] = limb_points(figure, dirs, seen, root, shoulder_mid, side)
        return placed[side]

    return limb


def underside(figure: Figure, name: str) -> Vec:
    """solve(figure).underside(name), placing only the limb a near_/far_ point is on:
    touch asks for one point some fifty times a search."""
    side = _side_of(name)
    if side is None:
        return solve(figure).underside(name)
    x, y = dict(zip(POINT_NAMES[side], _limbs(figure)(side), strict=True))[name]
    return (x, y - POINT_RADII[figure.view][name])


def limb_circles(figure: Figure, parts: Iterable[str]) -> list[list[Circle]] | None:
    """contacts.circles(solve(figure), part) for each part, when every part is a point or
    bone of an arm or leg ("near_knee", "far_foot"): a blended frame is pinned by the
    parts it rests on, mostly hands, feet and knees. None when a part is on the trunk
    or head (or unknown): the caller solves the whole figure then."""
    limb = _limbs(figure)
    table = body.RADII_FRONT if figure.view == "front" else body.RADII
    radii = POINT_RADII[figure.view]
    found: list[list[Circle]] = []
    for part in parts:
        side = _side_of(part)
        if side is None:
            return None
        points = limb(side)
        names = POINT_NAMES[side]
        if part in names:
            found.append([(points[names.index(part)], radii[part])])
            continue
        bone = part.partition("_")[2]
        _, arm, leg = next(entry for entry in SIDE_PARTS if entry[0] == side)
        capsule = next((c for c in limb_capsules(arm, leg, points, table) if c.bone == bone), None)
        if capsule is None:
            return None
        found.append([(capsule.a, capsule.ra), (capsule.b, capsule.rb)])
    return found
