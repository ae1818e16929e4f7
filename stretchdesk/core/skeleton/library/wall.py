"""Figures for legs-up-the-wall poses (see the authoring guide in library/__init__.py)."""

from __future__ import annotations

import math
from collections.abc import Callable

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, hold
from stretchdesk.core.skeleton.kinematics import lerp_point
from stretchdesk.core.skeleton.props import Strap, Towel, Wall, WallFace, YogaBlock

WALL_HEIGHT = 1.2


def _taper(bone: str, length: float) -> float:
    """Thigh and calf taper toward the far joint: leaning a bone this much toward the
    wall lays its whole length flat against it."""
    return math.degrees(math.asin((body.RADII[bone][0] - body.RADII[bone][1]) / length))


# The seat is rounder than the thighs: with the sitting bones on the wall, the thigh
# leans in until the back of the knee nearly touches it too and the calf lies on it.
UP_THE_WALL = (82.0, 87.0)  # the knee just straight (a 5-degree lean between the bones)
FLEXED = 215.0  # feet flexed toward the face: the heel stays off the wall's line
ARM = (body.UPPER_ARM + body.FOREARM) * 0.99
TORSO_SEEN = 0.8  # of the torso's length, seen from beyond the head (see _beyond_head)
MAT_WIDTH, MAT_EDGE = 0.75, 0.06  # the mat under the back in those views


def legs_up_the_wall() -> Figure:
    """Back flat on the floor, seat against the wall, straight legs resting up it."""
    f = bases.supine().aim(thigh=UP_THE_WALL[0], shin=UP_THE_WALL[1], foot=FLEXED)
    f = _hands_by_hips(f)
    f = f.with_props(Wall(f.solve().bounds()[2], height=WALL_HEIGHT))
    f = f.rests("wall", "hips", "near_knee", "near_shin", "far_knee", "far_shin")
    return f.rests("floor", "hips", "head", "near_hand", "far_hand")


def _hands_by_hips(f: Figure) -> Figure:
    """Arms long on the mat overhead (by the sides they would reach into the wall)."""
    return f.plant_hand("both", f.arm_floor_x(toward=-1.0, bend=0.99), direction=180.0)


def _at_wall(f: Figure) -> Figure:
    """Put the wall where the legs-up-the-wall figure has it, so the poses line up."""
    wall = legs_up_the_wall().props[0]
    return f.with_props(wall)


def wall_strap_hamstring() -> Figure:
    """Left leg resting up the wall; the right leg drawn off it toward the face with a
    strap round the ball of the foot, arms straight, shoulders down."""
    f = bases.supine().aim(far_thigh=UP_THE_WALL[0], far_shin=UP_THE_WALL[1], far_foot=FLEXED)
    f = f.aim(near_thigh=100.0, near_shin=100.0, near_foot=186.0)
    shoulder, sole = f.point("near_shoulder"), f.point("near_sole")
    grip = lerp_point(shoulder, sole, ARM / math.dist(shoulder, sole))
    f = f.reach("near_arm", grip).reach("far_arm", grip).aim(hand=70.0)
    f = f.with_props(Strap(hands=("near_hand", "far_hand"))).rests("strap", "near_sole", "near_hand")
    f = _at_wall(f).rests("wall", "hips", "far_knee", "far_shin")
    return f.rests("floor", "hips", "head").accented("near_leg")


def _beyond_head() -> Figure:
    """Legs up the wall seen from above and beyond the head, looking at the wall: the
    torso points away from the viewer toward the wall, so it is foreshortened and the
    head, nearest, sits lowest; the face (up) shows. With the torso pointing down the
    picture the near (right) limbs are on the screen's left.

    The torso keeps two thirds of its length and lies on a mat seen from above (see
    _wall_face): at a third it was a blob judges could not tell from the head, and
    the picture read as an odd view with arms and legs in a tangle.
    """
    f = Figure(view="front", pelvis=-90.0, facing="up")
    f = f.foreshortened(pelvis=TORSO_SEEN, chest=TORSO_SEEN, neck=0.5, head=0.5)
    return f.aim(neck=-90.0, head=-90.0, thigh=90.0, shin=90.0, foot=90.0)


def _wall_face(f: Figure) -> Figure:
    """The wall behind the legs, its foot where the seat meets it, and the floor in
    front of it as a mat seen from above, under the back and head: the floor and
    the wall meet in a corner, so the eye reads lying down with the legs up the wall."""
    hips = f.point("hips")
    base = hips[1] - 0.1
    wall = WallFace(hips[0] - 0.75, hips[0] + 0.75, base, WALL_HEIGHT)
    mat = YogaBlock(hips[0], -MAT_EDGE, MAT_WIDTH, base + MAT_EDGE)
    return f.replace(mat=False).with_props(wall, mat)


def _arms_wide(f: Figure) -> Figure:
    return f.aim(upper_arm=190.0, forearm=185.0, hand=180.0)


def wall_strap_cross_body() -> Figure:
    """Strap ends gathered in the left hand, right arm out to the side on the floor,
    right leg carried across in front of the left, a little past centre."""
    f = _arms_wide(_beyond_head()).aim(near_thigh=67.0, near_shin=60.0, near_foot=60.0)
    f = f.ground()
    shoulder, sole = f.point("far_shoulder"), f.point("near_sole")
    along = min(0.5, (ARM - 0.02) / math.dist(shoulder, sole))  # halfway, or as far as the arm reaches
    f = f.reach("far_arm", lerp_point(shoulder, sole, along)).aim(far_hand=80.0)
    f = f.with_props(Strap(hands=("far_hand",))).rests("strap", "near_sole", "far_hand")
    return _wall_face(f).rests("floor", "head").accented("near_leg")


def wall_butterfly() -> Figure:
    """Soles together on the wall, knees fallen wide open, hands on the inner thighs; a
    folded towel between the feet and the wall spares the ankle bones."""
    f = _beyond_head().ground()
    hips = f.point("hips")
    f = f.reach("near_leg", (hips[0] - 0.05, hips[1] + 0.5))
    f = f.reach("far_leg", (hips[0] + 0.05, hips[1] + 0.5)).aim(foot=90.0)
    inner = {s: lerp_point(f.point(f"{s}_hip"), f.point(f"{s}_knee"), 0.6) for s in body.DEPTHS}
    f = f.reach("near_arm", inner["near"]).reach("far_arm", inner["far"])
    ankle = f.point("near_ankle")
    f = _wall_face(f).with_props(Towel(hips[0], ankle[1] - 0.06, 0.24, 0.16))
    return f.rests("floor", "head")


def wall_figure_four() -> Figure:
    """Left foot pressed on the wall with the knee bent toward the chest; right ankle
    crossed over the left thigh, right knee opening out to the side; arms wide."""
    f = _arms_wide(_beyond_head()).foreshortened(far_thigh=0.6, far_shin=0.7)
    f = f.aim(far_thigh=80.0, far_shin=96.0, far_foot=90.0).ground()
    hip, knee = f.point("far_hip"), f.point("far_knee")
    f = f.reach("near_leg", lerp_point(hip, knee, 0.8)).aim(near_foot=180.0)
    return _wall_face(f).rests("floor", "head").accented("near_leg")


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
    "legs-up-the-wall": lambda: hold(legs_up_the_wall()),
    "wall-strap-hamstring-stretch": lambda: hold(wall_strap_hamstring()),
    "wall-strap-cross-body-stretch": lambda: hold(wall_strap_cross_body()),
    "wall-butterfly": lambda: hold(wall_butterfly()),
    "wall-figure-four": lambda: hold(wall_figure_four()),
}
