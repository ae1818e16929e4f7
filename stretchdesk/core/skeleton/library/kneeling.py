"""Figures for kneeling poses (see the authoring guide in library/__init__.py)."""

from __future__ import annotations

from collections.abc import Callable

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, hold, moving
from stretchdesk.core.skeleton.kinematics import add, direction
from stretchdesk.core.skeleton.motion import MotionCue
from stretchdesk.core.skeleton.props import Wall
from stretchdesk.core.skeleton.resting import SHIN_TAPER, rest_on, rest_part_on_floor, shin_on_floor


def childs_pose() -> Figure:
    """Seat on the heels, back rounded over the thighs, forehead down, arms long."""
    f = bases.kneeling().aim(pelvis=38.0, thigh=-19.0, shin=180.0 + SHIN_TAPER, foot=178.0)
    f = rest_on(f.set(waist=55.0, neck=10.0, head=15.0), "near_leg", "far_leg")
    f = f.touch("head", "waist", 30.0, 75.0)
    f = f.plant_hand("both", f.arm_floor_x())
    return f.rests("floor", "head", "near_shin", "far_shin", "near_hand", "far_hand")


def low_lunge() -> Figure:
    """Right foot forward, left knee and laces down, torso tall, arms overhead. The
    back (left) leg is accented: the front of its hip is what stretches."""
    f = bases.kneeling().aim(pelvis=84.0, chest=92.0, far_thigh=-118.0)
    f = shin_on_floor(f.aim(upper_arm=104.0, forearm=106.0, hand=104.0), "far")
    f = f.plant_foot("near", f.point("hips")[0] + 0.46)
    return f.rests("floor", "near_foot").accented("far_leg")


def lifted_head_to_knee() -> Figure:
    """Hips back over the left knee, left toes tucked, right leg straight with the toes
    flexed up, chest folded over the right leg, fingertips down beside its shin. The
    chest stays just above the leg's line so the head shows, down at the right knee."""
    f = bases.kneeling().replace(pelvis=30.0).aim(chest=-5.0, neck=-30.0, head=-60.0)
    f = f.aim(upper_arm=-60.0, far_thigh=-94.0, far_shin=168.0, far_foot=-100.0)
    f = f.aim(near_thigh=-30.0, near_shin=-30.0).set(near_ankle=12.0).ground()
    f = f.touch("near_heel", "near_hip", 100.0, 160.0)
    f = rest_part_on_floor(f.aim(far_thigh=-90.0, far_shin=168.0, far_foot=-100.0), "far_knee")
    f = f.touch("far_toe", "far_ankle", 40.0, -60.0)
    f = f.touch("near_heel", "near_hip", 90.0, 160.0)
    f = f.plant_hand("both", f.point("near_knee")[0] + 0.28)
    return f.rests("floor", "near_heel", "far_knee", "far_toe", "near_hand", "far_hand").accented("near_leg")


def open_lizard() -> Figure:
    """Low lunge with the left knee down, both hands planted inside the right foot on
    straight arms, the right knee rolled open so the foot rests on its outer edge."""
    back = {"far_shin": 180.0 + SHIN_TAPER, "far_foot": 178.0}
    f = bases.kneeling().aim(far_thigh=-150.0, **back)
    f = f.replace(pelvis=36.0).aim(chest=14.0, neck=24.0, head=14.0).ground()
    f = f.touch("far_knee", "far_hip", -60.0, 60.0, aim=back)
    f = f.foreshortened(near_thigh=0.6, near_shin=0.8)
    f = f.plant_foot("near", f.x + 0.5)
    arms = {"upper_arm": -80.0, "forearm": -78.0, "hand": 0.0}
    f = f.touch("near_wrist", "waist", -30.0, 60.0, aim=arms)
    return f.rests("floor", "far_knee", "far_shin", "near_foot", "near_hand", "far_hand").accented("near_leg")


def _half_kneel(hip_lean: float, shin: float) -> Figure:
    """Right knee down with the shin reaching back and up, left foot forward, torso tall."""
    f = bases.kneeling().replace(pelvis=88.0).aim(chest=92.0, neck=92.0, head=90.0)
    f = f.aim(near_thigh=-90.0 - hip_lean, near_shin=shin).set(near_ankle=-75.0).ground()
    f = f.plant_foot("far", f.x + 0.5)
    thigh = f.point("far_knee")
    rest = add(thigh, direction(180.0 + f.solve().directions["far_thigh"]), body.THIGH * 0.55)
    return f.reach("near_arm", (rest[0], rest[1] + 0.06)).reach("far_arm", (rest[0], rest[1] + 0.06))


def _wall_behind(f: Figure) -> Wall:
    """A wall whose face touches the back of the right shin and foot."""
    leg = [c for c in f.solve().capsules if c.part == "near_leg" and c.bone != "thigh"]
    return Wall(min(min(c.a[0] - c.ra, c.b[0] - c.rb) for c in leg), side="left")


def rec_fem_on_wall() -> Figure:
    """Kick / relax: right knee down close to a wall, the shin reaching up it and the
    laces pressed against it behind (the couch stretch), torso tall."""
    f = _half_kneel(hip_lean=10.0, shin=116.0)
    return f.with_props(_wall_behind(f)).rests("floor", "near_knee", "far_foot").rests(
        "wall", "near_toe").accented("near_leg")


def rec_fem_curl() -> Figure:
    """Curl: hips shifted a little forward, right heel drawn toward the seat, the foot
    lifting off the wall."""
    wall = rec_fem_on_wall()
    f = _half_kneel(hip_lean=0.0, shin=100.0).replace(props=wall.props)
    return f.rests("floor", "near_knee", "far_foot").accented("near_leg")


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
    "childs-pose": lambda: hold(childs_pose()),
    "low-lunge": lambda: hold(low_lunge()),
    "lifted-head-to-knee": lambda: hold(lifted_head_to_knee()),
    "open-lizard": lambda: hold(open_lizard()),
    "dcr-rec-fem-stretch": lambda: moving(
        rec_fem_on_wall(), rec_fem_curl(),
        cue=MotionCue(("near_leg",), "near_ankle", offset=0.1),
    ),
}
