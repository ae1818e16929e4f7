"""Figures for poses on hands and knees (see library/__init__.py)."""

from __future__ import annotations

from stretchdesk.core.figure import bases
from stretchdesk.core.figure.figure import Figure, PoseFigure, hold, moving


def _spine(pelvis: float, neck: float, head: float) -> Figure:
    """All fours with the pelvis tilted; the waist bends until straight arms reach the floor."""
    table = bases.all_fours().replace(pelvis=pelvis).set(neck=neck, head=head)
    straight = {"thigh": -90.0, "upper_arm": -90.0, "forearm": -88.0, "hand": 0.0}
    return table.touch("near_wrist", "waist", -60.0, 70.0, aim=straight)


def cat() -> Figure:
    """Exhale: tailbone tucked, back rounded up, chin toward the chest."""
    return _spine(pelvis=40.0, neck=50.0, head=25.0)


def cow() -> Figure:
    """Inhale: belly sinks, tailbone and gaze lift."""
    return _spine(pelvis=-12.0, neck=-30.0, head=-15.0)


def downward_dog() -> Figure:
    """An upside-down V: straight arms in line with the back, heels reaching down."""
    f = Figure(pelvis=-50.0).aim(chest=-52.0, neck=-60.0, head=-62.0)
    f = f.aim(upper_arm=-52.0, forearm=-52.0, hand=0.0, thigh=-116.0, shin=-116.0, foot=0.0)
    f = f.ground()
    f = f.plant_hand("both", f.point("near_wrist")[0])
    return f.plant_foot("both", f.point("near_ankle")[0] + 0.06)


FIGURES: dict[str, PoseFigure] = {
    "cat-cow": moving(cow(), cat(), still=1),
    "downward-facing-dog": hold(downward_dog()),
}
