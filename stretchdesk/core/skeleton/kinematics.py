"""Forward kinematics: joint angles in, solved 2D points and capsules out.

The renderer draws the capsules; tests check joint limits and floor contact on
the same solved geometry, so what is tested is what is drawn.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from stretchdesk.core.skeleton import body

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


@dataclass(frozen=True, slots=True)
class Capsule:
    """A rounded limb segment: the hull of two circles."""

    part: Part
    bone: str
    a: Vec
    b: Vec
    ra: float
    rb: float

    def lowest(self) -> float:
        return min(self.a[1] - self.ra, self.b[1] - self.rb)


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
        """Height of the lowest body surface; 0 means resting on the floor."""
        return min(min(c.lowest() for c in self.capsules), self.head[1] - self.head_radius)

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


def absolute_directions(figure: Figure) -> dict[str, float]:
    """Absolute direction of every bone, from the root outward (see body's docstring)."""
    pelvis = figure.pelvis
    chest = pelvis - figure.waist
    neck = chest - figure.neck
    dirs = {"pelvis": pelvis, "chest": chest, "neck": neck, "head": neck - figure.head}
    for side in body.DEPTHS:
        sign = -1.0 if figure.view == "front" and side == "far" else 1.0
        shoulder, elbow, wrist, hip, knee, ankle = (
            getattr(figure, f"{side}_{joint}") for joint in body.LIMB_JOINTS
        )
        upper = chest - 180.0 + sign * shoulder
        forearm = upper + sign * elbow
        thigh = pelvis - 180.0 + sign * hip
        shin = thigh - sign * knee
        dirs[f"{side}_upper_arm"] = upper
        dirs[f"{side}_forearm"] = forearm
        dirs[f"{side}_hand"] = forearm + sign * wrist
        dirs[f"{side}_thigh"] = thigh
        dirs[f"{side}_shin"] = shin
        dirs[f"{side}_foot"] = shin + sign * (90.0 + ankle)
    return {name: body.wrap(value) for name, value in dirs.items()}


def foot_points(ankle: Vec, foot_dir: float, sign: float, view: body.View) -> tuple[Vec, Vec]:
    """Heel and toe capsule centres for a foot pointing along foot_dir."""
    along = direction(foot_dir)
    sole = direction(foot_dir - 90.0 * sign)
    heel_r, _ = (body.RADII_FRONT if view == "front" else body.RADII)["foot"]
    back = body.HEEL_BACK if view == "side" else 0.0
    heel = add(add(ankle, along, -back), sole, body.ANKLE_HEIGHT - heel_r)
    toe = add(heel, along, body.FOOT if view == "side" else body.FOOT_FRONT)
    return heel, toe


SPINE_PIECES = 6


def _spine(
    root: Vec, waist: Vec, top: Vec, radii: Mapping[str, tuple[float, float]]
) -> list[Capsule]:
    """The trunk as a smooth curve (a quadratic Bezier with the waist as control
    point), so a rounded or arched back reads as a curve rather than a kink."""
    r_hip, r_waist = radii["pelvis"]
    _, r_top = radii["chest"]

    def at(t: float) -> tuple[Vec, float]:
        u = 1.0 - t
        x = u * u * root[0] + 2 * u * t * waist[0] + t * t * top[0]
        y = u * u * root[1] + 2 * u * t * waist[1] + t * t * top[1]
        radius = r_hip + (r_waist - r_hip) * t / 0.3 if t < 0.3 else (
            r_waist + (r_top - r_waist) * (t - 0.3) / 0.7
        )
        return (x, y), radius

    pieces = [at(i / SPINE_PIECES) for i in range(SPINE_PIECES + 1)]
    return [
        Capsule("torso", f"spine{i}", a, b, ra, rb)
        for i, ((a, ra), (b, rb)) in enumerate(itertools.pairwise(pieces))
    ]


@functools.lru_cache(maxsize=512)
def solve(figure: Figure) -> Skeleton:
    """Place every joint of a figure in 2D.

    Cached because one paint asks for the same skeleton several times (camera
    bounds, props, limbs); figures are frozen, so a hit is always right.
    """
    dirs = absolute_directions(figure)
    seen = dict(figure.foreshorten)

    def length(bone: str, full: float) -> float:
        return full * seen.get(bone, 1.0)

    radii_table = body.RADII_FRONT if figure.view == "front" else body.RADII
    front = figure.view == "front"
    root: Vec = (figure.x, figure.y)
    waist = add(root, direction(dirs["pelvis"]), length("pelvis", body.PELVIS))
    neck_base = add(waist, direction(dirs["chest"]), length("chest", body.CHEST))
    head_base = add(neck_base, direction(dirs["neck"]), length("neck", body.NECK))
    head = add(head_base, direction(dirs["head"]), length("head", body.HEAD_OFFSET))
    shoulder_mid = add(neck_base, direction(dirs["chest"]), -length("chest", body.SHOULDER_DROP))
    points: dict[str, Vec] = {
        "hips": root,
        "waist": waist,
        "mid_back": lerp_point(waist, neck_base, 0.5),
        "chest": lerp_point(waist, neck_base, 0.7),
        "neck": neck_base,
        "head": head,
    }
    radii: dict[str, float] = {
        "hips": radii_table["pelvis"][0],
        "waist": radii_table["pelvis"][1],
        "mid_back": sum(radii_table["chest"]) / 2,
        "chest": radii_table["chest"][1],
        "neck": radii_table["neck"][0],
        "head": body.HEAD_RADIUS,
    }
    capsules: list[Capsule] = []

    def capsule(part: Part, bone: str, a: Vec, b: Vec, kind: str) -> None:
        ra, rb = radii_table[kind]
        capsules.append(Capsule(part, bone, a, b, ra, rb))

    twist = math.radians(figure.turn)
    for side in body.DEPTHS:
        sign = -1.0 if front and side == "far" else 1.0
        across_hips = direction(dirs["pelvis"] - 90.0)
        across_chest = direction(dirs["chest"] - 90.0)
        hip = add(root, across_hips, sign * body.HIP_HALF_FRONT) if front else root
        if front:
            half = body.SHOULDER_HALF_FRONT * math.cos(twist)
            shoulder = add(shoulder_mid, across_chest, sign * half)
        else:  # a twisted chest shows its shoulder line: near back, far forward
            toward = -1.0 if side == "near" else 1.0
            shoulder = add(shoulder_mid, across_chest,
                           toward * body.SHOULDER_HALF_FRONT * math.sin(twist))
        elbow = add(shoulder, direction(dirs[f"{side}_upper_arm"]),
                    length(f"{side}_upper_arm", body.UPPER_ARM))
        wrist = add(elbow, direction(dirs[f"{side}_forearm"]),
                    length(f"{side}_forearm", body.FOREARM))
        fingers = add(wrist, direction(dirs[f"{side}_hand"]), body.HAND)
        knee = add(hip, direction(dirs[f"{side}_thigh"]), length(f"{side}_thigh", body.THIGH))
        ankle = add(knee, direction(dirs[f"{side}_shin"]), length(f"{side}_shin", body.SHIN))
        heel, toe = foot_points(ankle, dirs[f"{side}_foot"], sign, figure.view)
        sole_dir = direction(dirs[f"{side}_foot"] - 90.0 * sign)
        ball = lerp_point(heel, toe, 0.7)
        named: dict[str, tuple[Vec, float]] = {
            "shoulder": (shoulder, radii_table["upper_arm"][0]),
            "elbow": (elbow, radii_table["upper_arm"][1]),
            "wrist": (wrist, radii_table["forearm"][1]),
            "hand": (lerp_point(wrist, fingers, 0.45), radii_table["hand"][0]),
            "fingertips": (fingers, radii_table["hand"][1]),
            "hip": (hip, radii_table["thigh"][0]),
            "knee": (knee, radii_table["thigh"][1]),
            "ankle": (ankle, radii_table["shin"][1]),
            "heel": (heel, radii_table["foot"][0]),
            "toe": (toe, radii_table["foot"][1]),
            "ball": (ball, radii_table["foot"][1]),
            "sole": (add(ball, sole_dir, radii_table["foot"][1]), 0.0),
        }
        for name, (point, radius) in named.items():
            points[f"{side}_{name}"] = point
            radii[f"{side}_{name}"] = radius
        arm: Part = "near_arm" if side == "near" else "far_arm"
        leg: Part = "near_leg" if side == "near" else "far_leg"
        capsule(leg, "thigh", hip, knee, "thigh")
        capsule(leg, "shin", knee, ankle, "shin")
        capsule(leg, "foot", heel, toe, "foot")
        capsules.append(Capsule(leg, "instep", ankle, ball, radii_table["shin"][1], 0.024))
        capsule(arm, "upper_arm", shoulder, elbow, "upper_arm")
        capsule(arm, "forearm", elbow, wrist, "forearm")
        capsule(arm, "hand", wrist, fingers, "hand")
    capsules += _spine(root, waist, shoulder_mid if front else neck_base, radii_table)
    if figure.turn and not front:  # the turned shoulder girdle, drawn with the chest
        r_top = radii_table["chest"][1] * 0.8
        capsules.append(Capsule("torso", "shoulders", points["near_shoulder"],
                                points["far_shoulder"], r_top, r_top))
    capsule("torso", "neck", neck_base, head_base, "neck")
    return Skeleton(
        view=figure.view,
        points=points,
        radii=radii,
        directions=dirs,
        capsules=tuple(capsules),
        head=head,
        head_radius=body.HEAD_RADIUS,
        face=dirs["head"] - 90.0,
    )
