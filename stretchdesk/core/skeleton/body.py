"""Fixed human proportions and joint conventions of the stick-and-capsule body.

Conventions (read these before authoring a pose):

* Units are metres; the figure is about 1.73 m tall. The floor is the line y = 0 and
  y grows upward. Angles are degrees, counter-clockwise positive, 0 = pointing to +x.
* Side view: the figure faces +x (to the right). We look at its RIGHT side, so the
  "near" limbs are the right arm and leg; "far" limbs are the left ones, drawn
  lighter behind the body. Instructions in poses.json describe the right side, so
  near = the working side. The left side is the same figure drawn mirrored.
* A figure stores the root (the hip joint centre), the absolute direction of the
  pelvis bone (hip joint -> waist; 90 = upright) and RELATIVE joint angles.
  Positive relative angles are the anatomical bend: waist/neck/head + = flex
  forward (round, chin down); shoulder + = raise the arm forward/up; elbow + =
  bend; wrist + = bend the hand up (palm flat on the floor under a vertical
  forearm is wrist 90); hip + = bring the thigh forward/up; knee + = bend; ankle
  + = toes toward the shin, - = pointed (laces on the mat is about -90).
* Front view: the figure faces the viewer, near limbs are on the screen's right,
  angles act in the picture plane and the far limbs mirror the near ones, so
  equal numbers give a symmetric pose (hip + = thigh out to the side).
* Bone lengths never change: only angles and the root move. Supine figures lie with
  the head to the left (pelvis 180), prone figures with the head to the right
  (pelvis 0).
"""

from __future__ import annotations

from typing import Final, Literal

View = Literal["side", "front"]
Depth = Literal["near", "far"]
Limb = Literal["near_arm", "far_arm", "near_leg", "far_leg"]

DEPTHS: Final[tuple[Depth, ...]] = ("near", "far")
LIMBS: Final[tuple[Limb, ...]] = ("near_arm", "far_arm", "near_leg", "far_leg")

# Segment lengths (m). Standing hip height = THIGH + SHIN + ANKLE_HEIGHT.
PELVIS: Final = 0.17  # hip joint -> waist
CHEST: Final = 0.36  # waist -> base of the neck
SHOULDER_DROP: Final = 0.05  # shoulder joint sits this far below the base of the neck
NECK: Final = 0.08
HEAD_OFFSET: Final = 0.10  # top of the neck -> centre of the head
HEAD_RADIUS: Final = 0.115
UPPER_ARM: Final = 0.30
FOREARM: Final = 0.26
HAND: Final = 0.15  # wrist -> fingertip capsule centre
THIGH: Final = 0.42
SHIN: Final = 0.41
ANKLE_HEIGHT: Final = 0.075  # ankle joint above the sole
HEEL_BACK: Final = 0.045  # heel sits this far behind the ankle
FOOT: Final = 0.20  # heel centre -> toe centre (side view)
FOOT_FRONT: Final = 0.07  # the same seen from the front (foreshortened)
HIP_HALF_FRONT: Final = 0.09  # half the distance between the hip joints, front view
SHOULDER_HALF_FRONT: Final = 0.17
STANDING_HIP_HEIGHT: Final = THIGH + SHIN + ANKLE_HEIGHT

# Half-thicknesses (m) of the capsules at (start, end), side and front view.
RADII: Final[dict[str, tuple[float, float]]] = {
    "pelvis": (0.125, 0.112),
    "chest": (0.112, 0.105),
    "neck": (0.045, 0.045),
    "upper_arm": (0.048, 0.040),
    "forearm": (0.040, 0.031),
    "hand": (0.031, 0.024),
    "thigh": (0.076, 0.054),
    "shin": (0.052, 0.038),
    "foot": (0.032, 0.022),
}
RADII_FRONT: Final[dict[str, tuple[float, float]]] = {
    **RADII,
    "pelvis": (0.15, 0.12),
    "chest": (0.12, 0.14),
    "neck": (0.045, 0.045),
    "foot": (0.035, 0.035),
}

# Relative joint angles a figure stores, with anatomical limits (side view).
# Values are normalised into a 360-degree window centred on each range, so an
# interpolation between two in-range figures stays in range.
JOINT_LIMITS: Final[dict[str, tuple[float, float]]] = {
    "waist": (-45.0, 75.0),
    "neck": (-60.0, 70.0),
    "head": (-40.0, 45.0),
    "shoulder": (-80.0, 200.0),
    "elbow": (-5.0, 160.0),
    "wrist": (-95.0, 95.0),
    "hip": (-50.0, 160.0),
    "knee": (-5.0, 170.0),  # a shin folded flat under its thigh (pigeon, seated twists)
    "ankle": (-95.0, 50.0),
}
# Front view: angles are projections, so only a bone folding onto itself is wrong.
FRONT_LIMIT: Final = 172.0

SPINE_JOINTS: Final = ("waist", "neck", "head")
ARM_JOINTS: Final = ("shoulder", "elbow", "wrist")
LEG_JOINTS: Final = ("hip", "knee", "ankle")
LIMB_JOINTS: Final = ARM_JOINTS + LEG_JOINTS
ANGLE_FIELDS: Final[tuple[str, ...]] = (
    "pelvis",
    *SPINE_JOINTS,
    *(f"{side}_{joint}" for side in DEPTHS for joint in LIMB_JOINTS),
)


def joint_of(field: str) -> str:
    """'near_knee' -> 'knee'; spine joints are their own joint."""
    return field.split("_", 1)[1] if field.startswith(("near_", "far_")) else field


def normalise(field: str, degrees: float) -> float:
    """Bring a relative angle into the 360-degree window centred on its joint's range."""
    low, high = JOINT_LIMITS[joint_of(field)]
    middle = (low + high) / 2
    return (degrees - middle + 180.0) % 360.0 - 180.0 + middle


def wrap(degrees: float) -> float:
    """An absolute direction in [-180, 180)."""
    return (degrees + 180.0) % 360.0 - 180.0
