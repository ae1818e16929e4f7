"""Absolute bone directions from a figure's relative joint angles (see body's docstring).

Shared by solve (kinematics.py) and by posing (aiming.py), which turns joints one
after another in a dict of angles and asks where each parent bone points.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING

from stretchdesk.core.skeleton import body

if TYPE_CHECKING:
    from stretchdesk.core.skeleton.figure import Figure

_LIMB_BONES = ("upper_arm", "forearm", "hand", "thigh", "shin", "foot")
BONES = {side: tuple(f"{side}_{bone}" for bone in _LIMB_BONES) for side in body.DEPTHS}
_NEAR_JOINTS = operator.itemgetter(*(f"near_{joint}" for joint in body.LIMB_JOINTS))
_FAR_JOINTS = operator.itemgetter(*(f"far_{joint}" for joint in body.LIMB_JOINTS))


def absolute_directions(figure: Figure) -> dict[str, float]:
    """Absolute direction of every bone, from the root outward (see body's docstring)."""
    return _directions(
        figure.view, figure.pelvis, figure.waist, figure.neck, figure.head,
        (figure.near_shoulder, figure.near_elbow, figure.near_wrist,
         figure.near_hip, figure.near_knee, figure.near_ankle),
        (figure.far_shoulder, figure.far_elbow, figure.far_wrist,
         figure.far_hip, figure.far_knee, figure.far_ankle),
    )


def directions_from(view: body.View, angles: Mapping[str, float]) -> dict[str, float]:
    """absolute_directions of joint angles held in a mapping (a figure being posed)."""
    return _directions(
        view, angles["pelvis"], angles["waist"], angles["neck"], angles["head"],
        _NEAR_JOINTS(angles), _FAR_JOINTS(angles),
    )


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
