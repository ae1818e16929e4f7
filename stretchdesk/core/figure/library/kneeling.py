"""Figures for kneeling poses (see the authoring guide in library/__init__.py)."""

from __future__ import annotations

from stretchdesk.core.figure import bases
from stretchdesk.core.figure.figure import Figure, PoseFigure, hold


def childs_pose() -> Figure:
    """Seat on the heels, back rounded over the thighs, forehead down, arms long."""
    f = bases.kneeling().aim(pelvis=38.0, thigh=-19.0, shin=180.0, foot=178.0)
    f = f.set(waist=55.0, neck=10.0, head=15.0).ground()
    f = f.touch("head", "waist", 30.0, 75.0)
    return f.plant_hand("both", f.arm_floor_x())


def low_lunge() -> Figure:
    """Right foot forward, left knee and laces down, torso tall, arms overhead."""
    f = bases.kneeling().aim(pelvis=84.0, chest=92.0, far_thigh=-118.0, far_shin=180.0)
    f = f.aim(far_foot=178.0, upper_arm=104.0, forearm=106.0, hand=104.0).ground()
    f = f.plant_foot("near", f.point("hips")[0] + 0.46)
    return f.accented("near_leg")


FIGURES: dict[str, PoseFigure] = {
    "childs-pose": hold(childs_pose()),
    "low-lunge": hold(low_lunge()),
}
