"""Figures for legs-up-the-wall poses (see the authoring guide in library/__init__.py)."""

from __future__ import annotations

from stretchdesk.core.figure import bases
from stretchdesk.core.figure.figure import Figure, PoseFigure, hold
from stretchdesk.core.figure.props import Wall


def legs_up_the_wall() -> Figure:
    """Back flat on the floor, seat against the wall, straight legs resting up it."""
    f = bases.supine().aim(thigh=86.0, shin=86.0, foot=160.0)
    right = f.solve().bounds()[2]
    return f.with_props(Wall(right, height=1.2))


FIGURES: dict[str, PoseFigure] = {
    "legs-up-the-wall": hold(legs_up_the_wall()),
}
