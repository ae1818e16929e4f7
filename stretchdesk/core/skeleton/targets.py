"""Where a pose is felt: the target areas of poses.json placed on the solved body.

`glow_spots(figure, targets)` turns area names ("hamstrings", "hip-flexors", ...)
into soft capsules (two end points and a radius, in world metres) that the
renderer paints as a quiet glow over the working muscles. The working side is
the accented leg when the figure has one (near = the side being stretched), both
legs otherwise.
"""

from __future__ import annotations

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
            for side in sides:
                a, b = _point(points, start, side), _point(points, end, side)
                spots.append(Spot(area, lerp_point(a, b, t0), lerp_point(a, b, t1), radius))
    return spots


def glow_spots(figure: Figure, targets: tuple[str, ...] | list[str]) -> list[Spot]:
    """The glow capsules of these target areas on a figure."""
    return spots_at(solve(figure).points, figure.accent, targets)
