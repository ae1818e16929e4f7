"""Authoring helpers that lay a body part on the floor, so declared contacts come true.

Each returns a new Figure and declares the contact it makes (Figure.rests), so a
pose built with them can't claim a contact it doesn't draw.
"""

from __future__ import annotations

import math

from stretchdesk.core.skeleton import body
from stretchdesk.core.skeleton.body import Depth
from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.props import YogaBlock

# The shin tapers from knee to ankle; tipping it this much lays both ends on the floor.
SHIN_TAPER = math.degrees(math.asin((body.RADII["shin"][0] - body.RADII["shin"][1]) / body.SHIN))


def rest_part_on_floor(f: Figure, part: str) -> Figure:
    """Lift or drop the whole figure until this part's underside is on the floor."""
    return f.shift(dy=-f.solve().underside(part)[1])


def shin_on_floor(f: Figure, side: Depth, pointing: float = 180.0) -> Figure:
    """Lay a shin flat on the floor behind (pointing=180) or in front (0) of its knee,
    laces down with the toes on the mat: the back leg of a low lunge or pigeon.

    Only the figure's height changes; the thigh keeps its direction.
    """
    sign = 1.0 if pointing == 180.0 else -1.0
    f = f.aim(**{f"{side}_shin": pointing + sign * SHIN_TAPER})
    shin = next(c for c in f.solve().capsules if c.part == f"{side}_leg" and c.bone == "shin")
    f = f.shift(dy=-shin.lowest())
    f = f.touch(f"{side}_toe", f"{side}_ankle", -95.0, 10.0)
    return f.rests("floor", f"{side}_knee", f"{side}_shin", f"{side}_toe")


def rest_on(f: Figure, *parts: str) -> Figure:
    """Lift or drop the figure until the lowest of these parts ("near_leg", "torso" ...)
    rests on the floor, whatever the other limbs do (they are posed afterwards)."""
    low = min(c.lowest() for c in f.solve().capsules if c.part in parts)
    return f.shift(dy=-low)


def on_plan_mat(f: Figure, margin: float = 0.12, bottom: float | None = None) -> Figure:
    """Ground a figure seen from above and lay it on a mat seen from above too.

    The mat (a flat block behind the body, in place of the side-on mat strip) is
    what tells the eye "seen from the ceiling"; a "floor" contact of such a figure
    means "on the mat" (contacts.py). `bottom` extends the mat below the body.
    """
    f = f.ground()
    left, low, right, top = f.solve().bounds()
    low = min(low, bottom) if bottom is not None else low
    mat = YogaBlock((left + right) / 2, low - margin, right - left + 2 * margin, top - low + 2 * margin)
    return f.replace(mat=False).with_props(mat)
