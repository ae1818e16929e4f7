"""Where a pose is felt: the target areas of poses.json placed on the solved body.

`glow_spots(figure, targets)` turns area names ("hamstrings", "hip-flexors", ...)
into soft capsules (two end points and a radius, in world metres) that the
renderer paints as a quiet glow over the working muscles. The working side is
the accented leg when the figure has one (near = the side being stretched), both
legs otherwise, except for the hip flexors: in a side view where the thighs split,
one knee well ahead of the hip and one well behind (a lunge, pigeon), the back
thigh's hip is the one being stretched, whichever leg is accented.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.kinematics import Skeleton, Vec, lerp_point, solve

# area -> (from point, to point, where along it starts, where it ends, radius m); a
# "leg:" point is taken on each working leg, the others are on the trunk.
AREAS: dict[str, tuple[tuple[str, str, float, float, float], ...]] = {
    "hamstrings": (("leg:hip", "leg:knee", 0.2, 0.95, 0.07),),
    "quads": (("leg:hip", "leg:knee", 0.15, 0.9, 0.075),),
    "adductors": (("leg:hip", "leg:knee", 0.05, 0.6, 0.065),),
    "it-band": (("leg:hip", "leg:knee", 0.1, 1.0, 0.055),),
    "hip-flexors": (("leg:hip", "leg:knee", 0.0, 0.3, 0.075), ("hips", "waist", 0.0, 0.5, 0.08)),
    "hips": (("leg:hip", "leg:hip", 0.0, 0.0, 0.12),),
    "glutes": (("hips", "leg:hip", 0.0, 1.0, 0.12),),
    "calves": (("leg:knee", "leg:ankle", 0.1, 0.75, 0.055),),
    "lower-back": (("hips", "waist", 0.3, 1.0, 0.1), ("waist", "mid_back", 0.0, 0.4, 0.1)),
    "spine": (("waist", "neck", 0.0, 0.9, 0.09),),
    "core": (("waist", "chest", 0.0, 0.6, 0.1),),
    "chest-shoulders": (("chest", "neck", 0.0, 1.0, 0.1), ("arm:shoulder", "arm:elbow", 0.0, 0.4, 0.06)),
}

GLOW_POINTS: tuple[str, ...] = tuple(sorted({
    f"{side}_{joint}" if kind in ("leg", "arm") else kind
    for parts in AREAS.values()
    for start, end, *_ in parts
    for name in (start, end)
    for kind, _, joint in [name.partition(":")]
    for side in ("near", "far")
}))


@dataclass(frozen=True, slots=True)
class Spot:
    """One glowing capsule: from a to b, this thick."""

    area: str
    a: Vec
    b: Vec
    radius: float


def _sides(accent: Iterable[str], limb: str) -> tuple[str, ...]:
    accented = [part.split("_")[0] for part in accent if part.endswith(limb)]
    return tuple(accented) or ("near", "far")


# Thighs split this far apart (degrees), the knees this far either side of the hip
# (metres): a lunge-like split, whose back thigh's hip flexors stretch.
LEG_SPREAD: float = 60.0
KNEE_REACH: float = 0.06


def _hip_angle(points: Mapping[str, Vec], side: str) -> float:
    """Hip flexion seen from the side (+ = thigh forward of the trunk, - = behind it).

    Every side-view figure turns a flexing thigh counter-clockwise away from the line
    waist -> hips, whichever way it lies, so the signed angle between them is the
    flexion (a drawing's points are never mirrored; the renderer mirrors).
    """
    hips, waist = points["hips"], points["waist"]
    hip, knee = points[f"{side}_hip"], points[f"{side}_knee"]
    down = math.atan2(hips[1] - waist[1], hips[0] - waist[0])
    thigh = math.atan2(knee[1] - hip[1], knee[0] - hip[0])
    return (math.degrees(thigh - down) + 180.0) % 360.0 - 180.0


def _stretched_hip(points: Mapping[str, Vec]) -> tuple[str, ...]:
    """The leg whose hip is clearly extended, in a side view; () if none or a front view."""
    near, far = points["near_hip"], points["far_hip"]
    if math.dist(near, far) > 0.01:  # the hips stand apart only in a front or top view
        return ()
    angles = {side: _hip_angle(points, side) for side in ("near", "far")}
    back = min(angles, key=lambda side: angles[side])
    other = "far" if back == "near" else "near"
    ahead = [points[f"{side}_knee"][0] - near[0] for side in (back, other)]
    split = ahead[0] * ahead[1] < 0 and min(abs(a) for a in ahead) > KNEE_REACH
    return (back,) if split and angles[other] - angles[back] > LEG_SPREAD else ()


def _point(points: Mapping[str, Vec], name: str, side: str) -> Vec:
    kind, _, joint = name.partition(":")
    return points[f"{side}_{joint}"] if joint else points[kind]


def glow_points(skeleton: Skeleton) -> dict[str, Vec]:
    """The body points the glow areas are placed on (all a Drawing keeps of the skeleton)."""
    return {name: skeleton.points[name] for name in GLOW_POINTS}


def spots_at(points: Mapping[str, Vec], accent: Iterable[str], targets: Iterable[str]) -> list[Spot]:
    """The capsules to glow for these target areas; unknown area names are skipped."""
    accent = tuple(accent)
    spots: list[Spot] = []
    for area in targets:
        for start, end, t0, t1, radius in AREAS.get(area, ()):
            uses = start.split(":")[0] if ":" in start else end.split(":")[0] if ":" in end else ""
            sides = _sides(accent, uses) if uses else ("near",)
            if area == "hip-flexors" and uses == "leg":
                sides = _stretched_hip(points) or sides
            for side in sides:
                a, b = _point(points, start, side), _point(points, end, side)
                spots.append(Spot(area, lerp_point(a, b, t0), lerp_point(a, b, t1), radius))
    return spots


def glow_spots(figure: Figure, targets: tuple[str, ...] | list[str]) -> list[Spot]:
    """The glow capsules of these target areas on a figure."""
    return spots_at(solve(figure).points, figure.accent, targets)
