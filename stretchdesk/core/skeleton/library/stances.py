"""Stances the runner essentials share: hands on the hips, the weight on one leg."""

from __future__ import annotations

from stretchdesk.core.skeleton.balance import balance_on
from stretchdesk.core.skeleton.body import Depth
from stretchdesk.core.skeleton.figure import Figure


def other_side(side: Depth) -> Depth:
    return "far" if side == "near" else "near"


def hands_on_hips(f: Figure) -> Figure:
    """Side view: both hands on the front of the hips, elbows back."""
    waist = f.point("waist")
    f = f.reach("near_arm", (waist[0] + 0.02, waist[1] - 0.06))
    f = f.reach("far_arm", (waist[0] + 0.02, waist[1] - 0.06))
    return f.aim(hand=-60.0)


def on_one_leg(f: Figure, standing: Depth) -> Figure:
    """Standing knee a little soft, the foot planted under the body's weight."""
    f = balance_on(f.shift(dy=-0.03), standing)
    return f.rests("floor", f"{standing}_foot")
