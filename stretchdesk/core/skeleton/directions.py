"""Absolute bone directions from a figure's relative joint angles (see body's docstring).

Shared by solve (kinematics.py) and by posing (aiming.py), which turns joints one
after another in a dict of angles and asks where each parent bone points.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from stretchdesk.core.skeleton import body

if TYPE_CHECKING:
    from stretchdesk.core.skeleton.figure import Figure

_LIMB_BONES = ("upper_arm", "forearm", "hand", "thigh", "shin", "foot")
BONES = {side: tuple(f"{side}_{bone}" for bone in _LIMB_BONES) for side in body.DEPTHS}


def absolute_directions(figure: Figure) -> dict[str, float]:
    """Absolute direction of every bone, from the root outward (see body's docstring)."""
    return _directions(
        figure.view, figure.pelvis, figure.waist, figure.neck, figure.head,
        (figure.near_shoulder, figure.near_elbow, figure.near_wrist,
         figure.near_hip, figure.near_knee, figure.near_ankle),
        (figure.far_shoulder, figure.far_elbow, figure.far_wrist,
         figure.far_hip, figure.far_knee, figure.far_ankle),
    )


def direction_of(view: body.View, angles: Mapping[str, float], bone: str) -> float:
    """absolute_directions(...)[bone] of joint angles held in a mapping (a figure being
    posed): the same steps as _directions, from the root out to that one bone only."""
    value = pelvis = angles["pelvis"]
    if bone != "pelvis":
        value = chest = pelvis - angles["waist"]
        if bone in ("neck", "head"):
            value = chest - angles["neck"]
            if bone == "head":
                value = value - angles["head"]
        elif bone != "chest":
            side, part = bone.split("_", 1)
            sign = -1.0 if view == "front" and side == "far" else 1.0
            if part in ("upper_arm", "forearm", "hand"):
                value = chest - 180.0 + sign * angles[f"{side}_shoulder"]
                if part != "upper_arm":
                    value = value + sign * angles[f"{side}_elbow"]
                if part == "hand":
                    value = value + sign * angles[f"{side}_wrist"]
            else:
                value = pelvis - 180.0 + sign * angles[f"{side}_hip"]
                if part != "thigh":
                    value = value - sign * angles[f"{side}_knee"]
                if part == "foot":
                    value = value + sign * (90.0 + angles[f"{side}_ankle"])
    return (value + 180.0) % 360.0 - 180.0  # body.wrap


def _directions(
    view: body.View, pelvis: float, waist: float, neck_joint: float, head: float,
    near: tuple[float, ...], far: tuple[float, ...],
) -> dict[str, float]:
    chest = pelvis - waist
    neck = chest - neck_joint
    dirs = {"pelvis": pelvis, "chest": chest, "neck": neck, "head": neck - head}
    far_sign = -1.0 if view == "front" else 1.0
    for (upper_arm, forearm, hand, thigh_bone, shin_bone, foot), sign, joints in (
        (BONES["near"], 1.0, near),
        (BONES["far"], far_sign, far),
    ):
        shoulder, elbow, wrist, hip, knee, ankle = joints
        upper = chest - 180.0 + sign * shoulder
        lower = upper + sign * elbow
        thigh = pelvis - 180.0 + sign * hip
        shin = thigh - sign * knee
        dirs[upper_arm] = upper
        dirs[forearm] = lower
        dirs[hand] = lower + sign * wrist
        dirs[thigh_bone] = thigh
        dirs[shin_bone] = shin
        dirs[foot] = shin + sign * (90.0 + ankle)
    return {name: (value + 180.0) % 360.0 - 180.0 for name, value in dirs.items()}  # body.wrap
