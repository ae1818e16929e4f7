"""Figures for poses lying on the back (see the authoring guide in library/__init__.py)."""

from __future__ import annotations

from stretchdesk.core.figure import bases
from stretchdesk.core.figure.figure import Figure, PoseFigure, hold, moving
from stretchdesk.core.figure.kinematics import lerp_point
from stretchdesk.core.figure.props import Strap


def savasana() -> Figure:
    """Flat on the back, feet falling open, arms a little away from the body."""
    f = bases.supine().aim(foot=40.0)
    return f.plant_hand("both", f.arm_floor_x(bend=0.99), direction=-10.0)


def supported_fish() -> Figure:
    """Seat down, one block under the mid-back and one under the head, chest open."""
    f = bases.supine().replace(pelvis=150.0).set(waist=-24.0, neck=-8.0, head=-4.0)
    f = f.aim(thigh=0.0, shin=0.0, foot=75.0, upper_arm=0.0).ground()
    f = f.plant_hand("both", f.arm_floor_x(bend=0.99))
    return f.block_under("mid_back").block_under("head")


def _bridge_feet(f: Figure, feet_x: float) -> Figure:
    return f.plant_foot("both", feet_x).plant_hand("both", f.arm_floor_x(bend=0.99))


def bridge_down() -> Figure:
    """Knees bent, feet planted hip-width, arms by the sides."""
    f = bases.supine()
    return _bridge_feet(f, f.point("hips")[0] + 0.5)


def bridge_up() -> Figure:
    """Hips lifted until knees, hips and shoulders make one line."""
    down = bridge_down()
    feet_x = down.point("near_ankle")[0]
    f = down.replace(pelvis=212.0).aim(neck=180.0, head=182.0, upper_arm=0.0, thigh=10.0)
    return _bridge_feet(f.ground(), feet_x)


def strap_leg_up() -> Figure:
    """Right leg straight up, strap from both hands round the right sole, left leg long."""
    f = bases.supine().aim(near_thigh=88.0, near_shin=88.0, near_foot=178.0)
    shoulder, sole = f.point("near_shoulder"), f.point("near_sole")
    grip = lerp_point(shoulder, sole, 0.56)
    f = f.reach("near_arm", grip).reach("far_arm", grip).aim(hand=60.0)
    return f.with_props(Strap(hands=("near_hand", "far_hand"))).accented("near_leg")


FIGURES: dict[str, PoseFigure] = {
    "savasana": hold(savasana()),
    "supported-fish": hold(supported_fish()),
    "glute-bridge": moving(bridge_down(), bridge_up(), still=1),
    "strap-leg-up-stretch": hold(strap_leg_up()),
}
