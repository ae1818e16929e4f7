"""Figures for poses lying face down or on one side (see library/__init__.py)."""

from __future__ import annotations

from stretchdesk.core.figure import bases
from stretchdesk.core.figure.figure import Figure, PoseFigure, hold


def sphinx() -> Figure:
    """Face down, elbows under the shoulders, forearms on the mat, chest lifted."""
    f = bases.prone().set(neck=-40.0, head=-25.0)
    forearms = {"upper_arm": -90.0, "forearm": 0.0, "hand": 0.0}
    return f.touch("near_elbow", "waist", -60.0, 0.0, aim=forearms)


FIGURES: dict[str, PoseFigure] = {
    "sphinx-with-pelvic-tilt": hold(sphinx()),
}
