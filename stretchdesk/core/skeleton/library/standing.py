"""Figures for standing poses (see the authoring guide in library/__init__.py)."""

from __future__ import annotations

import math
from collections.abc import Callable

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.balance import balance_on
from stretchdesk.core.skeleton.body import Depth, Limb
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, hold
from stretchdesk.core.skeleton.props import Chair, Wall, YogaBlock


def standing_quad_stretch() -> Figure:
    """Balance on the left leg, right heel drawn to the buttock, right hand on the ankle."""
    f = bases.standing().aim(near_thigh=-102.0, near_shin=100.0, near_foot=150.0)
    f = f.aim(far_upper_arm=-70.0, far_forearm=-40.0).ground()
    f = f.reach("near_arm", f.point("near_ankle")).rests("body", "near_hand", on="near_ankle")
    return f.rests("floor", "far_foot").accented("near_leg")


# -- helpers ------------------------------------------------------------------


def hand_on_hip(f: Figure, side: Depth) -> Figure:
    """Side view: one hand on the front of the hip, elbow pointing back."""
    waist = f.point("waist")
    arm: Limb = "near_arm" if side == "near" else "far_arm"
    return f.reach(arm, (waist[0] + 0.02, waist[1] - 0.06)).aim(**{f"{side}_hand": -60.0})


def stand_on(f: Figure, side: Depth, x: float, direction: float) -> Figure:
    """Raise or lower the figure until that leg, almost straight, plants its foot at x."""
    ankle_y = f.shift(dy=-0.3).plant_foot(side, x, direction).point(f"{side}_ankle")[1]
    hip = f.point(f"{side}_hip")
    reach = (body.THIGH + body.SHIN) * 0.99
    height = math.sqrt(max(reach**2 - (hip[0] - x) ** 2, 0.0))
    return f.shift(dy=ankle_y + height - hip[1]).plant_foot(side, x, direction)


# -- held stretches -------------------------------------------------------------


def deep_squat() -> Figure:
    """Seen from the front: feet wide and turned out, hips sunk low, elbows inside the knees."""
    f = bases.standing("front").aim(thigh=22.0, shin=-85.0, foot=-35.0).ground()
    f = f.plant_foot("both", 0.42, direction=-30.0)
    hips = f.point("hips")
    f = f.reach("near_arm", (hips[0] + 0.03, hips[1] + 0.1), flip=True)
    f = f.reach("far_arm", (hips[0] - 0.03, hips[1] + 0.1), flip=True).aim(hand=-90.0)
    return f.rests("floor", "near_toe", "far_toe")


def standing_figure_four() -> Figure:
    """Seen from the front: on the bent left leg, the right ankle crossed over the left
    knee and the right knee dropped open to the side, so the legs draw a 4; hips sent
    back (the thighs and chest slant away, so they show short), hands together at the
    chest. From the side the crossed shin points at the viewer and the pose reads as a
    knee lifted in a single-leg squat."""
    f = Figure(view="front").foreshortened(far_thigh=0.8, chest=0.85, near_thigh=0.75)
    f = f.aim(far_thigh=-92.0, far_shin=-90.0, far_foot=180.0).shift(dy=-0.14)
    knee = f.point("far_knee")
    f = f.reach("near_leg", (knee[0] + 0.07, knee[1] + 0.08)).aim(near_foot=200.0)
    chest = f.point("chest")
    hands = (chest[0], chest[1] - 0.02)
    f = f.reach("near_arm", hands, flip=True).reach("far_arm", hands, flip=True).aim(near_hand=100.0, far_hand=80.0)
    f = balance_on(f, "far", 180.0)
    f = f.shift(dy=-min(c.lowest() for c in f.solve().capsules if c.part == "far_leg"))
    knee = f.point("far_knee")  # the standing knee moved as the foot found the balance
    f = f.reach("near_leg", (knee[0] + 0.07, knee[1] + 0.08)).aim(near_foot=200.0)
    return f.rests("floor", "far_foot").rests("body", "near_ankle", on="far_thigh").accented("near_leg")


def leg_under_abductor() -> Figure:
    """Face-on: left hand on a chair back, right leg crossed behind the left and slid out to the
    left, left knee bent, hips pushed right so the whole right side lengthens.

    The chair stands beside the figure rather than in front of it: in front it would hide the legs.
    It stands an arm's length off, the trunk leaning to it, so the crossed feet stay clear of it."""
    f = bases.standing("front").replace(pelvis=100.0).shift(dx=0.1).set(waist=-20.0)
    # the right foot slides well past the left one, so the straight right leg and the
    # bent left one draw a clear X (a side bend or figure-four never crosses the legs)
    f = stand_on(f, "near", -0.4, direction=-160.0).plant_foot("far", -0.05, direction=-160.0)
    f = f.touch("near_toe", "near_ankle", f.near_ankle - 40.0, f.near_ankle + 40.0)
    chair = Chair(f.point("far_shoulder")[0] - 0.55, facing=-1)
    f = f.reach("far_arm", (chair.x + chair.depth / 2, chair.seat + chair.back))
    waist = f.point("waist")
    f = f.reach("near_arm", (waist[0] + 0.15, waist[1] - 0.11), flip=True)
    f = f.aim(far_hand=-100.0, near_hand=-120.0).with_props(chair)
    return f.rests("floor", "near_toe", "far_toe").accented("near_leg")


def wide_legged_split() -> Figure:
    """Seen from the front: feet wide apart and parallel, legs straight, folded forward
    from the hips so the trunk hangs toward us and the head drops between the legs,
    hands on a block under the shoulders."""
    block = 0.14
    f = bases.standing("front").foreshortened(pelvis=0.3, chest=0.4, neck=0.5, head=0.5)
    f = f.aim(pelvis=-90.0, chest=-90.0, neck=-90.0, head=-90.0)
    f = f.aim(thigh=-118.0, shin=-118.0, foot=0.0).ground()
    hips = f.point("hips")
    grip = body.RADII["hand"][0] + block
    # hanging upside down, the right shoulder is on the screen's left
    f = f.reach("near_arm", (hips[0] - 0.1, grip)).reach("far_arm", (hips[0] + 0.1, grip))
    f = f.aim(near_hand=-100.0, far_hand=-80.0)
    f = f.with_props(YogaBlock(hips[0], 0.0, 0.36, block))
    return f.rests("floor", "near_foot", "far_foot")


def wall_calf_stretch(lean: float = 66.0, hips: float = 0.84, back: float = 0.3, reach: float = 0.55) -> Figure:
    """Palms on the wall, right leg stepped back straight with the heel down, left knee bent.
    A shorter step with the hips lower bends the back knee too (the bent-knee soleus stretch)."""
    f = bases.standing().replace(y=hips).aim(pelvis=lean, chest=lean, neck=lean + 6.0, head=lean + 12.0)
    x = f.point("hips")[0]
    f = f.plant_foot("near", x - back).plant_foot("far", x + 0.2)
    shoulder = f.point("near_shoulder")
    wall = shoulder[0] + reach
    f = f.reach("near_arm", (wall - 0.035, shoulder[1] + 0.02)).reach("far_arm", (wall - 0.035, shoulder[1]))
    f = f.aim(hand=90.0).with_props(Wall(wall, height=1.6)).rests("wall", "near_hand", "far_hand")
    return f.rests("floor", "near_foot", "far_foot").accented("near_leg")


def wall_psoas_hold() -> Figure:
    """Tall on the left leg, right thigh held level with the hip, left hand back on the wall."""
    f = bases.standing().aim(near_thigh=0.0, near_shin=-90.0, near_foot=-20.0).ground()
    shoulder = f.point("far_shoulder")
    wall = Wall(shoulder[0] - 0.3, side="left", height=1.6)
    f = f.reach("far_arm", (wall.x + 0.035, shoulder[1] - 0.47)).aim(far_hand=-90.0)
    f = hand_on_hip(f, "near").with_props(wall).rests("wall", "far_hand")
    return f.rests("floor", "far_foot").accented("near_leg")


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
    "standing-quad-stretch": lambda: hold(standing_quad_stretch()),
    "deep-squat": lambda: hold(deep_squat()),
    "standing-figure-four": lambda: hold(standing_figure_four()),
    "standing-leg-under-abductor-stretch": lambda: hold(leg_under_abductor()),
    "standing-wide-legged-split": lambda: hold(wide_legged_split()),
    "wall-calf-stretch": lambda: hold(wall_calf_stretch()),
    "wall-psoas-hold": lambda: hold(wall_psoas_hold()),
}

