"""Blend two figures through their joint angles, so no limb ever stretches."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from stretchdesk.core.figure import body
from stretchdesk.core.figure.figure import Figure
from stretchdesk.core.figure.kinematics import solve
from stretchdesk.core.figure.props import Prop

GROUNDED = 0.01  # a figure whose lowest surface is within this of y = 0 rests on the floor


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _mix_prop(a: Prop, b: Prop, t: float) -> Prop:
    changes: dict[str, object] = {}
    for field in fields(a):
        va, vb = getattr(a, field.name), getattr(b, field.name)
        if isinstance(va, float) and isinstance(vb, float):
            changes[field.name] = _mix(va, vb, t)
        elif (
            isinstance(va, tuple)
            and isinstance(vb, tuple)
            and len(va) == len(vb) == 2
            and all(isinstance(v, float) for v in (*va, *vb))
        ):
            changes[field.name] = (_mix(va[0], vb[0], t), _mix(va[1], vb[1], t))
        else:
            changes[field.name] = va if t < 0.5 else vb
    return replace(a, **changes)  # type: ignore[arg-type]


def _mix_props(a: Figure, b: Figure, t: float) -> tuple[Prop, ...]:
    same = len(a.props) == len(b.props) and all(
        type(pa) is type(pb) for pa, pb in zip(a.props, b.props, strict=True)
    )
    if not same:
        return a.props if t < 0.5 else b.props
    return tuple(_mix_prop(pa, pb, t) for pa, pb in zip(a.props, b.props, strict=True))


def interpolate(a: Figure, b: Figure, t: float) -> Figure:
    """The figure a fraction t of the way from a to b.

    Relative joint angles blend linearly (they are stored inside each joint's
    range window, so in-range ends give in-range frames); the pelvis turns the
    short way round; the root slides. When both ends rest on the floor, every
    frame is lifted or lowered to rest on it too. Figures in different views
    can't be blended: the result switches at t = 0.5.
    """
    t = min(1.0, max(0.0, t))
    if a.view != b.view:
        return a if t < 0.5 else b
    changes: dict[str, Any] = {
        name: _mix(getattr(a, name), getattr(b, name), t) for name in body.ANGLE_FIELDS
    }
    changes["pelvis"] = a.pelvis + body.wrap(b.pelvis - a.pelvis) * t
    changes.update(x=_mix(a.x, b.x, t), y=_mix(a.y, b.y, t), props=_mix_props(a, b, t))
    figure = replace(a if t < 0.5 else b, **changes)
    low_a, low_b = solve(a).lowest(), solve(b).lowest()
    if abs(low_a) <= GROUNDED and abs(low_b) <= GROUNDED:
        figure = figure.shift(dy=_mix(low_a, low_b, t) - solve(figure).lowest())
    return figure
