"""Figures for the pre-run dynamic set of issue 16: leg swings, high knees, butt kicks,
hip and ankle circles, walking lunges (see the authoring guide in library/__init__.py
and docs/figures.md). Right side drawn, contacts declared, as in every library module.
"""

from __future__ import annotations

from collections.abc import Callable

from stretchdesk.core.skeleton import bases
from stretchdesk.core.skeleton.balance import balance_on
from stretchdesk.core.skeleton.body import Depth
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, moving
from stretchdesk.core.skeleton.library.stances import hands_on_hips, on_one_leg, other_side
from stretchdesk.core.skeleton.library.standing_drills import lunge_down
from stretchdesk.core.skeleton.motion import MotionCue


def leg_swing(thigh: float, foot: float) -> Figure:
    """Tall on the left leg, hands on the hips, right leg swinging straight from the hip."""
    f = bases.standing().aim(near_thigh=thigh, near_shin=thigh, near_foot=foot)
    f = hands_on_hips(f)
    return on_one_leg(f, "far").accented("near_leg")


def leg_swing_across(out: float) -> Figure:
    """Seen from the front: both hands on a wall ahead, right leg swinging out and across."""
    f = bases.standing("front").set(near_hip=out, near_knee=2.0, near_ankle=0.0)
    f = f.shift(dy=-0.03).aim(upper_arm=-60.0, forearm=-75.0)
    f = f.plant_foot("far", f.point("far_hip")[0])
    f = balance_on(f, "far", 180.0)
    return f.rests("floor", "far_foot").accented("near_leg")


def high_knee(lifted: Depth) -> Figure:
    """Running on the spot: one knee driven up to hip height, the opposite arm forward."""
    standing = other_side(lifted)
    f = bases.standing().aim(**{f"{lifted}_thigh": 0.0, f"{lifted}_shin": -95.0, f"{lifted}_foot": -30.0})
    f = f.aim(**{f"{standing}_upper_arm": -40.0, f"{standing}_forearm": 40.0})
    f = f.aim(**{f"{lifted}_upper_arm": -130.0, f"{lifted}_forearm": -80.0})
    f = f.aim(**{f"{standing}_foot": -20.0})
    return on_one_leg(f, standing).accented("near_leg" if lifted == "near" else "far_leg")


def _jog_stance() -> Figure:
    """Between strides: both feet down, arms bent at the sides."""
    f = bases.standing().aim(upper_arm=-90.0, forearm=0.0)
    x = f.point("hips")[0]
    f = f.plant_foot("near", x + 0.03).plant_foot("far", x - 0.03)
    return f.rests("floor", "near_foot", "far_foot")


def butt_kick(lifted: Depth) -> Figure:
    """Jogging on the spot: one heel flicked up to the buttock, the thigh pointing down,
    the arms pumping as in a run: the kicking side's fist up in front, the other elbow
    drawn back with that fist at the waist. No hand goes behind the body, where the
    heel is: a hand at the foot is the standing quad stretch."""
    standing = other_side(lifted)
    f = bases.standing().aim(**{f"{lifted}_thigh": -100.0, f"{lifted}_shin": 95.0, f"{lifted}_foot": 150.0})
    f = f.aim(**{f"{lifted}_upper_arm": -40.0, f"{lifted}_forearm": 40.0})
    f = f.aim(**{f"{standing}_upper_arm": -120.0, f"{standing}_forearm": -20.0})
    return on_one_leg(f, standing).accented("near_leg" if lifted == "near" else "far_leg")


def hip_circle(lean: float) -> Figure:
    """Feet hip-width, hands on the hips, the hips drawing a slow circle."""
    f = bases.standing().aim(pelvis=90.0 + lean, chest=90.0 - lean * 0.6, neck=90.0, head=90.0)
    x = f.point("hips")[0]
    f = f.plant_foot("near", x + 0.02 - lean * 0.004).plant_foot("far", x - 0.02 - lean * 0.004)
    return hands_on_hips(f).rests("floor", "near_foot", "far_foot")


def ankle_circle(foot: float) -> Figure:
    """On the left leg, hand on the hip, right foot just off the floor drawing circles with the toes."""
    f = bases.standing().aim(near_thigh=-40.0, near_shin=-95.0, near_foot=foot)
    f = hands_on_hips(f)
    return on_one_leg(f, "far").accented("near_leg")


def walking_lunge_down() -> Figure:
    """A long stride forward, back knee just off the floor, arms swinging like a runner's."""
    f = lunge_down().replace(contacts=())
    f = f.aim(near_upper_arm=-140.0, near_forearm=-60.0, far_upper_arm=-40.0, far_forearm=40.0)
    return f.rests("floor", "near_foot", "near_heel", "far_toe").accented("near_leg")


def walking_lunge_up() -> Figure:
    """Risen through the front foot, the back leg passing forward to start the next stride."""
    f = bases.standing().aim(far_thigh=-52.0, far_shin=-100.0, far_foot=-25.0)
    f = f.aim(near_upper_arm=-50.0, near_forearm=30.0, far_upper_arm=-130.0, far_forearm=-70.0)
    return on_one_leg(f, "near").accented("near_leg")


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
    "leg-swings-front-back": lambda: moving(
        leg_swing(-55.0, 25.0), leg_swing(-112.0, -10.0), still=0,
        cue=MotionCue(("near_leg",), "near_ankle", offset=-0.12),
    ),
    "leg-swings-side-to-side": lambda: moving(
        leg_swing_across(30.0), leg_swing_across(-20.0), still=0,
        cue=MotionCue(("near_leg",), "near_ankle", offset=-0.12),
    ),
    "high-knees": lambda: moving(
        _jog_stance(), high_knee("near"), _jog_stance(), high_knee("far"), still=1,
        cue=MotionCue(("near_leg",), "near_ankle", ghost=0, offset=0.15),
    ),
    "butt-kicks": lambda: moving(
        _jog_stance(), butt_kick("near"), _jog_stance(), butt_kick("far"), still=1,
        cue=MotionCue(("near_leg",), "near_ankle", ghost=0, offset=0.1),
    ),
    "hip-circles": lambda: moving(
        hip_circle(16.0), hip_circle(-16.0), still=0,
        cue=MotionCue(("torso",), "hips", path="circle", size=0.27, flatten=0.35),
    ),
    "ankle-circles": lambda: moving(
        ankle_circle(-45.0), ankle_circle(15.0), still=0,
        cue=MotionCue((), "near_toe", path="circle", size=0.12, flatten=0.75),
    ),
    "walking-lunges": lambda: moving(
        walking_lunge_up(), walking_lunge_down(), still=1,
        cue=MotionCue((), "head", path="heading", size=0.45, offset=0.25),
    ),
}
