"""Figures for standing poses (see the authoring guide in library/__init__.py)."""

from __future__ import annotations

from stretchdesk.core.figure import bases
from stretchdesk.core.figure.figure import Figure, PoseFigure, hold


def standing_quad_stretch() -> Figure:
    """Balance on the left leg, right heel drawn to the buttock, right hand on the ankle."""
    f = bases.standing().aim(near_thigh=-102.0, near_shin=100.0, near_foot=150.0)
    f = f.aim(far_upper_arm=-70.0, far_forearm=-40.0).ground()
    return f.reach("near_arm", f.point("near_ankle")).accented("near_leg")


FIGURES: dict[str, PoseFigure] = {
    "standing-quad-stretch": hold(standing_quad_stretch()),
}
