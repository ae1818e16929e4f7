"""Figures for seated poses (see the authoring guide in library/__init__.py)."""

from __future__ import annotations

from stretchdesk.core.figure.figure import Figure, PoseFigure, hold


def pigeon() -> Figure:
    """Right shin folded in front, left leg long behind, chest lifted, fingertips down."""
    f = Figure(pelvis=40.0).set(waist=-38.0, neck=-5.0).aim(upper_arm=0.0)
    f = f.aim(near_thigh=-6.0, near_shin=-170.0, near_foot=-172.0)
    f = f.aim(far_thigh=180.0, far_shin=180.0, far_foot=178.0).ground()
    f = f.touch("far_knee", "far_hip", -45.0, 20.0, aim={"far_shin": 180.0, "far_foot": 178.0})
    f = f.plant_hand("both", f.arm_floor_x(bend=0.97))
    return f.accented("near_leg")


def butterfly() -> Figure:
    """Seen from the front: soles together, knees open to the sides, hands on the feet."""
    f = Figure(view="front").aim(thigh=12.0, shin=-152.0, foot=-90.0, upper_arm=-45.0).ground()
    (nx, ny), (fx, fy) = f.point("near_ankle"), f.point("far_ankle")
    return f.reach("near_arm", (nx, ny + 0.08)).reach("far_arm", (fx, fy + 0.08))


FIGURES: dict[str, PoseFigure] = {
    "pigeon": hold(pigeon()),
    "butterfly": hold(butterfly()),
}
