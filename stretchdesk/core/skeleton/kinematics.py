"""Forward kinematics: joint angles in, solved 2D points and capsules out.

The renderer draws the capsules; tests check joint limits and floor contact on
the same solved geometry, so what is tested is what is drawn. partial.py places a
single limb or joint with the same steps (trunk, limb_points, limb_capsules).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from stretchdesk.core.skeleton import body
from stretchdesk.core.skeleton.directions import BONES, absolute_directions

if TYPE_CHECKING:
    from stretchdesk.core.skeleton.figure import Figure

Vec = tuple[float, float]
Part = Literal["torso", "near_arm", "far_arm", "near_leg", "far_leg"]


def direction(degrees: float) -> Vec:
    radians = math.radians(degrees)
    return (math.cos(radians), math.sin(radians))


def add(a: Vec, b: Vec, scale: float = 1.0) -> Vec:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale)


def lerp_point(a: Vec, b: Vec, t: float) -> Vec:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


class Capsule(NamedTuple):
    """A rounded limb segment: the hull of two circles.

    A named tuple rather than a frozen dataclass: a cold thumbnail solves every keyframe
    of its pose, some 2 700 capsules, and a tuple is built three times as fast.
    """

    part: Part
    bone: str
    a: Vec
    b: Vec
    ra: float
    rb: float

    def lowest(self) -> float:
        return min(self.a[1] - self.ra, self.b[1] - self.rb)


# Capsule(...) without the generated __new__'s Python frame: solve builds 21 per figure
_new = tuple.__new__


@dataclass(frozen=True, slots=True)
class Skeleton:
    """A solved figure: named points (joint centres), their thickness and capsules."""

    view: body.View
    points: Mapping[str, Vec]
    radii: Mapping[str, float]
    directions: Mapping[str, float]
    capsules: tuple[Capsule, ...]
    head: Vec
    head_radius: float
    face: float  # absolute direction the face points (side view)

    def lowest(self) -> float:
        """Height of the lowest body surface; 0 means resting on the floor. (Capsule.lowest
        written out: a blended frame asks this of every frame it grounds.)"""
        capsules = min([min(a[1] - ra, b[1] - rb) for _, _, a, b, ra, rb in self.capsules])
        return min(capsules, self.head[1] - self.head_radius)

    def lowest_by_part(self) -> dict[str, float]:
        """Height of each part's lowest surface (the torso's without the head), written
        out like lowest: the blend's floor check asks it of every frame."""
        lows: dict[str, float] = {}
        for part, _, (_, ya), (_, yb), ra, rb in self.capsules:
            low = min(ya - ra, yb - rb)
            if low < lows.get(part, math.inf):
                lows[part] = low
        return lows

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the body's outline."""
        return outline_bounds(self.capsules, self.head, self.head_radius)

    def underside(self, name: str) -> Vec:
        """The surface point straight below a named point (where a prop would touch)."""
        x, y = self.points[name]
        return (x, y - self.radii[name])


def outline_bounds(
    capsules: tuple[Capsule, ...], head: Vec, head_radius: float
) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of capsules and a head: one pass, no lists (a
    thumbnail asks for this once per keyframe; it was a tenth of drawing one)."""
    (hx, hy), r = head, head_radius
    left, bottom, right, top = hx - r, hy - r, hx + r, hy + r
    for c in capsules:
        for (x, y), radius in ((c.a, c.ra), (c.b, c.rb)):
            if x - radius < left:
                left = x - radius
            if x + radius > right:
                right = x + radius
            if y - radius < bottom:
                bottom = y - radius
            if y + radius > top:
                top = y + radius
    return (left, bottom, right, top)


def foot_points(ankle: Vec, foot_dir: float, sign: float, view: body.View) -> tuple[Vec, Vec]:
    """Heel and toe capsule centres for a foot pointing along foot_dir."""
    along = math.radians(foot_dir)
    along_x, along_y = math.cos(along), math.sin(along)
    sole = math.radians(foot_dir - 90.0 * sign)
    heel_r = (body.RADII_FRONT if view == "front" else body.RADII)["foot"][0]
    back = -body.HEEL_BACK if view == "side" else -0.0
    lift = body.ANKLE_HEIGHT - heel_r
    heel_x = ankle[0] + along_x * back + math.cos(sole) * lift
    heel_y = ankle[1] + along_y * back + math.sin(sole) * lift
    length = body.FOOT if view == "side" else body.FOOT_FRONT
    return (heel_x, heel_y), (heel_x + along_x * length, heel_y + along_y * length)


SPINE_PIECES = 6
_SPINE_T = tuple(i / SPINE_PIECES for i in range(SPINE_PIECES + 1))
# each piece's Bezier weights (u*u, 2*u*t, t*t), worked out once: they depend on t alone
_SPINE_WEIGHTS = tuple((u * u, 2 * u * t, t * t) for t, u in ((t, 1.0 - t) for t in _SPINE_T))


def _spine_radii(radii: Mapping[str, tuple[float, float]]) -> tuple[float, ...]:
    """Each spine piece's radius: hip to waist over the first 30 %, then waist to chest top."""
    r_hip, r_waist = radii["pelvis"]
    r_top = radii["chest"][1]
    return tuple(r_hip + (r_waist - r_hip) * t / 0.3 if t < 0.3 else r_waist + (r_top - r_waist) * (t - 0.3) / 0.7
                 for t in _SPINE_T)


def _spine(root: Vec, waist: Vec, top: Vec, radii: tuple[float, ...]) -> list[Capsule]:
    """The trunk as a smooth curve (a quadratic Bezier with the waist as control
    point), so a rounded or arched back reads as a curve rather than a kink."""
    (rx, ry), (wx, wy), (tx, ty) = root, waist, top
    centres = [(a * rx + b * wx + c * tx, a * ry + b * wy + c * ty) for a, b, c in _SPINE_WEIGHTS]
    return [
        _new(Capsule, ("torso", name, centres[i], centres[i + 1], radii[i], radii[i + 1]))
        for i, name in enumerate(_SPINE_BONES)
    ]


_SPINE_BONES = tuple(f"spine{i}" for i in range(SPINE_PIECES))
# a limb's named points and the capsule end whose radius each takes ("sole" is a surface point)
_LIMB_POINTS = (("shoulder", "upper_arm", 0), ("elbow", "upper_arm", 1), ("wrist", "forearm", 1),
                ("hand", "hand", 0), ("fingertips", "hand", 1), ("hip", "thigh", 0),
                ("knee", "thigh", 1), ("ankle", "shin", 1), ("heel", "foot", 0), ("toe", "foot", 1),
                ("ball", "foot", 1), ("sole", "", 0))
SIDE_PARTS: tuple[tuple[body.Depth, Part, Part], ...] = (
    ("near", "near_arm", "near_leg"), ("far", "far_arm", "far_leg"))
POINT_NAMES = {side: tuple(f"{side}_{name}" for name, _, _ in _LIMB_POINTS) for side in body.DEPTHS}


def _radii(table: Mapping[str, tuple[float, float]]) -> dict[str, float]:
    """Every named point's radius: they depend on the view only, so solve copies these."""
    radii = {
        "hips": table["pelvis"][0],
        "waist": table["pelvis"][1],
        "mid_back": sum(table["chest"]) / 2,
        "chest": table["chest"][1],
        "neck": table["neck"][0],
        "head": body.HEAD_RADIUS,
    }
    for side in body.DEPTHS:
        for name, (_, kind, end) in zip(POINT_NAMES[side], _LIMB_POINTS, strict=True):
            radii[name] = table[kind][end] if kind else 0.0
    return radii


POINT_RADII = {"side": _radii(body.RADII), "front": _radii(body.RADII_FRONT)}
_SPINE_RADII = {"side": _spine_radii(body.RADII), "front": _spine_radii(body.RADII_FRONT)}


def _step(start: Vec, degrees: float, distance: float) -> Vec:
    """`start` moved `distance` along the direction `degrees`."""
    radians = math.radians(degrees)
    return (start[0] + math.cos(radians) * distance, start[1] + math.sin(radians) * distance)


def trunk(root: Vec, dirs: Mapping[str, float], seen: Callable[[str, float], float]) -> tuple[Vec, Vec, Vec]:
    """The waist, the base of the neck and the midpoint between the shoulders."""
    waist = _step(root, dirs["pelvis"], body.PELVIS * seen("pelvis", 1.0))
    neck_base = _step(waist, dirs["chest"], body.CHEST * seen("chest", 1.0))
    return waist, neck_base, _step(neck_base, dirs["chest"], -(body.SHOULDER_DROP * seen("chest", 1.0)))


def limb_roots(
    root: Vec, shoulder_mid: Vec, dirs: Mapping[str, float], twist: float, front: bool, side: str
) -> tuple[Vec, Vec]:
    """One side's hip and shoulder joints."""
    sign = -1.0 if front and side == "far" else 1.0
    hip = _step(root, dirs["pelvis"] - 90.0, sign * body.HIP_HALF_FRONT) if front else root
    if front:
        half = body.SHOULDER_HALF_FRONT * math.cos(twist)
        return hip, _step(shoulder_mid, dirs["chest"] - 90.0, sign * half)
    # a twisted chest shows its shoulder line: near back, far forward
    toward = -1.0 if side == "near" else 1.0
    return hip, _step(shoulder_mid, dirs["chest"] - 90.0, toward * body.SHOULDER_HALF_FRONT * math.sin(twist))


def limb_points(
    figure: Figure, dirs: Mapping[str, float], seen: Callable[[str, float], float], root: Vec,
    shoulder_mid: Vec, side: body.Depth,
) -> tuple[Vec, ...]:
    """One side's named points, in POINT_NAMES order."""
    front = figure.view == "front"
    sign = -1.0 if front and side == "far" else 1.0
    upper_arm, forearm, hand, thigh, shin, foot = BONES[side]
    hip, shoulder = limb_roots(root, shoulder_mid, dirs, math.radians(figure.turn), front, side)
    elbow = _step(shoulder, dirs[upper_arm], body.UPPER_ARM * seen(upper_arm, 1.0))
    wrist = _step(elbow, dirs[forearm], body.FOREARM * seen(forearm, 1.0))
    fingers = _step(wrist, dirs[hand], body.HAND)
    knee = _step(hip, dirs[thigh], body.THIGH * seen(thigh, 1.0))
    ankle = _step(knee, dirs[shin], body.SHIN * seen(shin, 1.0))
    heel, toe = foot_points(ankle, dirs[foot], sign, figure.view)
    ball = (heel[0] + (toe[0] - heel[0]) * 0.7, heel[1] + (toe[1] - heel[1]) * 0.7)
    hand_mid = (wrist[0] + (fingers[0] - wrist[0]) * 0.45, wrist[1] + (fingers[1] - wrist[1]) * 0.45)
    r_ball = (body.RADII_FRONT if front else body.RADII)["foot"][1]
    sole = _step(ball, dirs[foot] - 90.0 * sign, r_ball)
    return (shoulder, elbow, wrist, hand_mid, fingers, hip, knee, ankle, heel, toe, ball, sole)


def limb_capsules(
    arm: Part, leg: Part, limb: tuple[Vec, ...], table: Mapping[str, tuple[float, float]]
) -> tuple[Capsule, ...]:
    """One side's seven limb capsules from its limb_points, in the order solve draws them."""
    shoulder, elbow, wrist, _, fingers, hip, knee, ankle, heel, toe, ball, _ = limb
    return (
        _new(Capsule, (leg, "thigh", hip, knee, *table["thigh"])),
        _new(Capsule, (leg, "shin", knee, ankle, *table["shin"])),
        _new(Capsule, (leg, "foot", heel, toe, *table["foot"])),
        _new(Capsule, (leg, "instep", ankle, ball, table["shin"][1], 0.024)),
        _new(Capsule, (arm, "upper_arm", shoulder, elbow, *table["upper_arm"])),
        _new(Capsule, (arm, "forearm", elbow, wrist, *table["forearm"])),
        _new(Capsule, (arm, "hand", wrist, fingers, *table["hand"])),
    )


@functools.lru_cache(maxsize=512)
def solve(figure: Figure) -> Skeleton:
    """Place every joint of a figure in 2D.

    Cached because one paint asks for the same skeleton several times (camera
    bounds, props, limbs); figures are frozen, so a hit is always right. A cold
    thumbnail solves every keyframe of its pose, so this is written for speed:
    plain arithmetic, names built once at import.
    """
    dirs = absolute_directions(figure)
    seen = dict(figure.foreshorten).get
    front = figure.view == "front"
    table = body.RADII_FRONT if front else body.RADII
    root: Vec = (figure.x, figure.y)
    waist, neck_base, shoulder_mid = trunk(root, dirs, seen)
    head_base = _step(neck_base, dirs["neck"], body.NECK * seen("neck", 1.0))
    head = _step(head_base, dirs["head"], body.HEAD_OFFSET * seen("head", 1.0))
    (wx, wy), (nx, ny) = waist, neck_base
    points: dict[str, Vec] = {
        "hips": root,
        "waist": waist,
        "mid_back": (wx + (nx - wx) * 0.5, wy + (ny - wy) * 0.5),
        "chest": (wx + (nx - wx) * 0.7, wy + (ny - wy) * 0.7),
        "neck": neck_base,
        "head": head,
    }
    capsules: list[Capsule] = []
    for side, arm, leg in SIDE_PARTS:
        limb = limb_points(figure, dirs, seen, root, shoulder_mid, side)
        points.update(zip(POINT_NAMES[side], limb, strict=True))
        capsules += limb_capsules(arm, leg, limb, table)
    capsules += _spine(root, waist, shoulder_mid if front else neck_base, _SPINE_RADII[figure.view])
    if figure.turn and not front:  # the turned shoulder girdle, drawn with the chest
        r_top = table["chest"][1] * 0.8
        capsules.append(_new(Capsule, ("torso", "shoulders", points["near_shoulder"],
                                       points["far_shoulder"], r_top, r_top)))
    capsules.append(_new(Capsule, ("torso", "neck", neck_base, head_base, *table["neck"])))
    return Skeleton(
        view=figure.view,
        points=points,
        radii=dict(POINT_RADII[figure.view]),
        directions=dirs,
        capsules=tuple(capsules),
        head=head,
        head_radius=body.HEAD_RADIUS,
        face=dirs["head"] - 90.0,
    )
