"""Figures for poses lying on the back (see the authoring guide in library/__init__.py)."""

from __future__ import annotations

import math
from collections.abc import Callable

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.body import Depth, Limb, wrap
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, hold, moving
from stretchdesk.core.skeleton.kinematics import Vec, add, direction, lerp_point
from stretchdesk.core.skeleton.library.supine_above import ABOVE, from_above, on_mat, toward
from stretchdesk.core.skeleton.props import Strap
from stretchdesk.core.skeleton.resting import rest_on

BACK = ("hips", "head")  # lying on the back: the seat and the back of the head rest
HEELS = ("near_heel", "far_heel")


def savasana() -> Figure:
    """Flat on the back, feet falling open, arms a little away from the body."""
    f = bases.supine().aim(foot=40.0)
    f = f.plant_hand("both", f.arm_floor_x(bend=0.99), direction=-10.0)
    return f.rests("floor", *BACK, *HEELS, "near_fingertips", "far_fingertips")


def supported_fish() -> Figure:
    """Seat down, one block under the mid-back and one under the head, chest open."""
    f = bases.supine().replace(pelvis=158.0).set(waist=-16.0, neck=-18.0, head=-6.0)
    f = f.aim(thigh=0.0, shin=0.0, foot=75.0, upper_arm=0.0).ground()
    f = rest_on(f, "torso")
    for side in ("near", "far"):
        f = f.touch(f"{side}_heel", f"{side}_hip", 30.0, -30.0)
    f = f.plant_hand("both", f.arm_floor_x(bend=0.99))
    f = f.block_under("mid_back", width=0.15).block_under("head", width=0.2)
    return f.rests("floor", "hips", *HEELS, "near_hand", "far_hand").rests("block", "mid_back", "head")


def _bridge_feet(f: Figure, feet_x: float) -> Figure:
    f = f.plant_foot("both", feet_x).plant_hand("both", f.arm_floor_x(bend=0.99))
    return f.rests("floor", "head", "near_foot", "far_foot", "near_hand", "far_hand")


def bridge_down() -> Figure:
    """Knees bent, feet planted hip-width, arms by the sides."""
    f = bases.supine()
    return _bridge_feet(f, f.point("hips")[0] + 0.5)


def bridge_up() -> Figure:
    """Hips lifted until knees, hips and shoulders make one line."""
    down = bridge_down()
    feet_x = down.point("near_ankle")[0]
    f = down.replace(pelvis=212.0).set(waist=10.0).aim(neck=180.0, head=182.0, upper_arm=0.0, thigh=10.0)
    return _bridge_feet(f.shift(dy=-f.solve().underside("head")[1]), feet_x)


def strap_leg_up() -> Figure:
    """Right leg straight up, strap from both hands round the right sole, left leg long."""
    f = bases.supine().aim(near_thigh=88.0, near_shin=88.0, near_foot=178.0)
    shoulder, sole = f.point("near_shoulder"), f.point("near_sole")
    grip = lerp_point(shoulder, sole, 0.56)
    f = f.reach("near_arm", grip).reach("far_arm", grip).aim(hand=60.0)
    f = f.with_props(Strap(hands=("near_hand", "far_hand"))).rests("strap", "near_sole", "near_hand")
    return f.rests("floor", *BACK, "far_heel").accented("near_leg")


# -- helpers ---------------------------------------------------------------------


def _beside(f: Figure, start: str, end: str, t: float, offset: float, side: float) -> Vec:
    """A point t of the way from one body point to another, `offset` m to one side.

    side +1 is to the left of the start->end direction, -1 to the right: a grip on
    the front or back of a thigh, an ankle resting on top of the other thigh.
    """
    a, b = f.point(start), f.point(end)
    normal = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) + 90.0 * side
    return add(lerp_point(a, b, t), direction(normal), offset)


def _arms_down(f: Figure) -> Figure:
    """Arms long by the sides, palms on the mat."""
    return f.plant_hand("both", f.arm_floor_x(bend=0.99))


def _left_foot_planted(f: Figure) -> Figure:
    """Left knee bent, left sole on the mat: the resting leg of one-leg work."""
    return f.plant_foot("far", f.point("hips")[0] + 0.46)


# -- side view: knee hugs and folded legs -------------------------------------------


def knee_to_chest(hugged: Depth = "near") -> Figure:
    """Right knee hugged in to the chest, both forearms wrapped over the shin just below
    the knee, left leg long on the mat (hugged="far": the left knee in and the right
    leg long, the Thomas test's hug, which keeps its own, earlier shape).

    The shin lies level and the hands sit just below the knee: a shin angled up with
    the hands near the foot read as the hamstring hold or the knee-and-ankle stretch.
    The knee stands a little up off the chest so the arms rise to it and the hug
    shows, instead of lying hidden along the trunk.
    """
    if hugged == "far":
        return _hug("far", thigh=132.0, shin=18.0, foot=100.0, along=0.45, hand=-20.0)
    return _hug("near", thigh=132.0, shin=-14.0, foot=56.0, along=0.18, hand=10.0)


def _hug(hugged: Depth, *, thigh: float, shin: float, foot: float, along: float, hand: float) -> Figure:
    """One knee hugged in, both hands `along` the way down its shin, the other leg long."""
    long = "far" if hugged == "near" else "near"
    f = bases.supine().aim(**{f"{hugged}_thigh": thigh, f"{hugged}_shin": shin, f"{hugged}_foot": foot})
    grip = _beside(f, f"{hugged}_knee", f"{hugged}_ankle", along, 0.05, 1.0)
    f = f.reach("near_arm", grip).reach("far_arm", grip).aim(hand=hand)
    f = f.rests("body", "near_hand", "far_hand", on=f"{hugged}_shin")
    return f.rests("floor", *BACK, f"{long}_heel").accented("near_leg" if hugged == "near" else "far_leg")


def knees_to_chest() -> Figure:
    """Both knees hugged into the chest, forearms over the shins below the knees, shins
    level: a small ball (Happy Baby holds the feet, shins upright)."""
    f = bases.supine().aim(thigh=144.0, shin=-12.0, foot=50.0)
    f = f.aim(far_thigh=138.0, far_shin=-4.0, far_foot=58.0)
    grip = _beside(f, "near_knee", "near_ankle", 0.35, 0.05, 1.0)
    f = f.reach("near_arm", grip).reach("far_arm", grip).aim(hand=5.0).ground()
    return f.rests("floor", *BACK).rests("body", "near_hand", on="near_shin")


def knee_ankle_glute() -> Figure:
    """Right knee drawn toward the left shoulder with the shin running across the chest,
    right hand over the knee, left hand holding the ankle.

    Seen from above: the shin then lies across the body like a bar held at both ends,
    which no side view can show (there it points at the viewer and the pose reads as
    the single knee-to-chest hug). The thigh points up at the ceiling, so it is short.
    The right elbow bends out beside the body so the hand comes down onto the knee
    instead of the forearm lying over the shin (the tangle of arms that hid the bar).
    """
    f = from_above().foreshortened(near_thigh=0.55)
    f = f.aim(near_thigh=172.0, near_shin=-96.0, near_foot=-170.0)
    knee, ankle = f.point("near_knee"), f.point("near_ankle")
    f = f.reach("near_arm", (knee[0], knee[1] + 0.05), flip=True)
    # The elbow bent out is a fold the other way, which the front view stores as a
    # negative angle (set() would wrap it and the morph would swing the forearm round).
    f = f.replace(near_elbow=wrap(f.near_elbow))
    f = f.reach("far_arm", (ankle[0], ankle[1] - 0.05)).aim(near_hand=-10.0, far_hand=10.0)
    f = f.rests("body", "near_hand", "far_hand", on="near_shin")
    return on_mat(f).rests("floor", *ABOVE).accented("near_leg")


def figure_four() -> Figure:
    """Left foot lifted, the left thigh drawn up toward the chest, the right ankle across
    it just below the knee, both hands threaded through to hold the back of the left
    thigh: the legs draw a 4, the upright left thigh its stem and the right shin its bar.

    The right knee opens toward us, so its thigh shows a little short; it slopes up past
    the left thigh toward the head (a shin folds only the anatomical way in a side view),
    so the bar runs from the right knee toward the feet and the flexed foot shows just
    past the stem. The right arm threads between the legs, under the right leg: drawn
    over it, the arms hid the 4 and read as a knee hug."""
    f = bases.supine().aim(far_thigh=95.0, far_shin=20.0, far_foot=100.0)
    ankle = _beside(f, "far_hip", "far_knee", 0.8, 0.05, -1.0)
    f = f.foreshortened(near_thigh=0.85).aim(near_thigh=125.0)
    knee = f.point("near_knee")
    f = f.foreshortened(near_shin=math.dist(knee, ankle) / body.SHIN)
    f = f.aim(near_shin=math.degrees(math.atan2(ankle[1] - knee[1], ankle[0] - knee[0])), near_foot=95.0)
    grip = _beside(f, "far_hip", "far_knee", 0.4, 0.055, -1.0)
    f = f.reach("near_arm", grip).reach("far_arm", grip).aim(hand=95.0)
    f = f.rests("body", "near_hand", "far_hand", on="far_thigh").rests("body", "near_ankle", on="far_thigh")
    return f.rests("floor", *BACK).accented("near_leg").drawn_in_front("near_arm")


def happy_baby() -> Figure:
    """Knees drawn toward the armpits, shins upright, soles to the ceiling, hands on the feet."""
    f = bases.supine().aim(thigh=152.0, shin=82.0, foot=176.0)
    f = f.aim(far_thigh=140.0, far_shin=104.0, far_foot=192.0)
    arms: tuple[Limb, Limb] = ("near_arm", "far_arm")
    for arm in arms:
        side = arm.removesuffix("_arm")
        shoulder, ankle = f.point(f"{side}_shoulder"), f.point(f"{side}_ankle")
        grip = toward(shoulder, ankle, 0.555)  # as far up the shin as the arm reaches
        f = f.reach(arm, grip).aim(**{f"{side}_hand": 90.0})
    f = f.rests("body", "near_hand", on="near_shin").rests("body", "far_hand", on="far_shin")
    return f.ground().rests("floor", *BACK)


def plow() -> Figure:
    """Hips lifted over the shoulders, straight legs overhead, toes on the floor.

    The back leans a little toward the arms: palms flat behind a fully upright back
    would take the shoulders past their checked range.
    """
    f = bases.supine().replace(pelvis=-122.0).aim(chest=-119.0)
    f = f.set(neck=70.0, head=40.0).aim(thigh=-150.0, shin=-150.0, foot=-80.0).ground()
    f = f.touch("head", "neck", 70.0, 0.0)
    f = f.touch("near_toe", "hip", 90.0, 165.0, aim={"shin": -150.0, "foot": -80.0})
    f = f.plant_hand("both", f.arm_floor_x(toward=1.0, bend=1.0))
    return f.rests("floor", "head", "near_toe", "far_toe", "near_hand", "far_hand")


# -- side view: one leg raised (moving) --------------------------------------------


def _hamstring(thigh: float) -> Figure:
    f = bases.supine().aim(near_thigh=thigh, near_shin=thigh - 12.0, near_foot=thigh + 60.0)
    f = _left_foot_planted(f)
    grip = _beside(f, "near_hip", "near_knee", 0.7, 0.03, -1.0)
    f = f.reach("near_arm", grip).reach("far_arm", grip).aim(hand=thigh - 80.0)
    f = f.rests("body", "near_hand", "far_hand", on="near_thigh")
    return f.rests("floor", *BACK, "far_foot").accented("near_leg")


def hamstring_hands() -> PoseFigure:
    """Left foot planted, hands laced behind the raised right knee: ease it in, let it drift."""
    return moving(_hamstring(104.0), _hamstring(116.0), still=1)


def _leg_raise(thigh: float) -> Figure:
    f = bases.supine().aim(near_thigh=thigh, near_shin=thigh, near_foot=thigh + 90.0)
    f = _arms_down(_left_foot_planted(f))
    return f.rests("floor", *BACK, "far_foot", "near_hand", "far_hand").accented("near_leg")


def straight_leg_raises() -> PoseFigure:
    """Left knee bent, right leg straight with toes up: lift it to about 45 degrees, lower."""
    return moving(_leg_raise(2.0), _leg_raise(45.0), still=1)


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
    "savasana": lambda: hold(savasana()),
    "supported-fish": lambda: hold(supported_fish()),
    "glute-bridge": lambda: moving(bridge_down(), bridge_up(), still=1),
    "strap-leg-up-stretch": lambda: hold(strap_leg_up()),
    "knee-to-chest": lambda: hold(knee_to_chest()),
    "knees-to-chest": lambda: hold(knees_to_chest()),
    "supine-knee-ankle-glute-stretch": lambda: hold(knee_ankle_glute()),
    "supine-figure-four": lambda: hold(figure_four()),
    "happy-baby": lambda: hold(happy_baby()),
    "plow": lambda: hold(plow()),
    "supine-hamstring-stretch-hands": lambda: hamstring_hands(),
    "straight-leg-raises": lambda: straight_leg_raises(),
}
