"""Morphs between two poses that stay on the ground.

Blending joint angles alone lets a body leave the floor and pass through postures
no one takes. A transition keeps the lowest part on the support in every frame.
"""

from __future__ import annotations

from stretchdesk.core.figure.figure import Figure
from stretchdesk.core.figure.interpolate import GROUNDED, interpolate
from stretchdesk.core.figure.kinematics import solve


def _grounded(figure: Figure) -> bool:
    return abs(solve(figure).lowest()) <= GROUNDED


def transition(a: Figure, b: Figure, t: float) -> Figure:
    """The figure a fraction t of the way from pose a's end to pose b's start."""
    frame = interpolate(a, b, t)
    if _grounded(a) and _grounded(b):
        frame = frame.ground()
    return frame
