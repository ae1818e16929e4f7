"""Blend two figures through their joint angles, so no limb ever stretches."""

from __future__ import annotations

import functools
import operator
from dataclasses import fields, replace
from typing import Any

from stretchdesk.core.skeleton import body
from stretchdesk.core.skeleton.aiming import aim_angles, reach_angles, with_angles, with_fields
from stretchdesk.core.skeleton.body import Limb
from stretchdesk.core.skeleton.contacts import Contact, circles
from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.kinematics import Skeleton, Vec, lerp_point, solve
from stretchdesk.core.skeleton.limits import CHECKED_NAMES, angles_in_range
from stretchdesk.core.skeleton.partial import limb_circles
from stretchdesk.core.skeleton.props import Prop

# Contact parts that are pinned by putting the limb's end (wrist or ankle) in place.
LIMB_ENDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "arm": ("wrist", "hand", ("wrist", "hand", "fingertips")),
    "leg": ("ankle", "foot", ("ankle", "heel", "toe", "ball", "sole", "foot", "instep", "shin")),
}
ROOTS = {"arm": "shoulder", "leg": "hip"}  # the joint a limb hangs from
GROUNDED = 0.01  # a figure whose lowest surface is within this of y = 0 rests on the floor
_ANGLES = operator.attrgetter(*body.ANGLE_FIELDS)


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
    changes: dict[str, Any] = {  # _mix, written out: a blend mixes every angle
        name: va + (vb - va) * t
        for name, va, vb in zip(body.ANGLE_FIELDS, _ANGLES(a), _ANGLES(b), strict=True)
    }
    changes["pelvis"] = a.pelvis + body.wrap(b.pelvis - a.pelvis) * t
    changes.update(x=_mix(a.x, b.x, t), y=_mix(a.y, b.y, t), props=_mix_props(a, b, t))
    changes["contacts"] = tuple(c for c in a.contacts if c in b.contacts)
    changes["turn"] = _mix(a.turn, b.turn, t)
    seen_a, seen_b = dict(a.foreshorten), dict(b.foreshorten)
    changes["foreshorten"] = tuple(
        (bone, _mix(seen_a.get(bone, 1.0), seen_b.get(bone, 1.0), t))
        for bone in sorted(set(seen_a) | set(seen_b))
    )
    figure = with_fields(a if t < 0.5 else b, changes)
    if t in (0.0, 1.0):
        return figure
    solved_a, solved_b = solve(a), solve(b)
    pinned = _pin(figure, solved_a, solved_b, t)
    if pinned is not None:
        figure = _above_floor(_keep_planted(pinned, a, b, t, solved_a, solved_b))
        return figure.shift(dy=max(0.0, -solve(figure).lowest() - 0.004))
    low_a, low_b = solved_a.lowest(), solved_b.lowest()
    if abs(low_a) <= GROUNDED and abs(low_b) <= GROUNDED:
        figure = figure.shift(dy=_mix(low_a, low_b, t) - solve(figure).lowest())
    return _above_floor(_keep_planted(figure, a, b, t, solved_a, solved_b))


def _above_floor(figure: Figure) -> Figure:
    """A swinging arm or leg that would pass through the floor slides along it instead:
    its wrist or ankle is raised by the depth it sank (the limb bends to fit)."""
    if figure.mat is False:
        return figure  # seen from above: the picture plane is the floor
    skeleton = solve(figure)
    lows = skeleton.lowest_by_part()
    # Moving one limb leaves every other limb's points where they were, so the one
    # skeleton serves all four checks; the caller solves the result.
    for side in body.DEPTHS:
        for kind, (end, last, _) in LIMB_ENDS.items():
            part = f"{side}_{kind}"
            low = lows[part]
            if low >= 0.0:
                continue
            x, y = skeleton.points[f"{side}_{end}"]
            bone = f"{side}_{last}"
            root = skeleton.points[f"{side}_{ROOTS[kind]}"]  # no limb's move moves a shoulder or hip
            figure = _moved_limb(figure, part, (x, y - low), bone, skeleton.directions[bone], root)  # type: ignore[arg-type]
    return figure


def _moved_limb(
    figure: Figure, limb: Limb, target: Vec, bone: str, angle: float, root: Vec | None = None
) -> Figure:
    """figure.reach(limb, target).aim(bone=angle) when that keeps every joint in range,
    else the figure as it was; posed on the angles, so a refused move builds nothing.
    `root`: the limb's shoulder or hip, when the caller has it solved."""
    try:
        angles = reach_angles(figure, limb, target, root=root)
    except ValueError:
        return figure  # out of reach
    aim_angles(angles, figure.view, {bone: angle})
    if not angles_in_range(figure.view, (angles[name] for name in CHECKED_NAMES)):
        return figure
    return with_angles(figure, angles)


def _pin(figure: Figure, a: Skeleton, b: Skeleton, t: float) -> Figure | None:
    """Slide the blended body so the parts resting on a support at both ends stay on
    it: the body moves with its contacts (knees stay put while the hips rock back).

    Contacts on the trunk, knees and shins steer; hands and feet steer only when
    nothing else rests (IK then puts each one in place). None when no contact is
    shared (the caller grounds the body instead).
    """
    steering = _steering(figure.contacts)
    if not steering:
        return None
    parts = tuple(contact.part for contact in steering)
    # mostly hands, feet and knees: only their limbs are placed, not the whole body
    placed = limb_circles(figure, parts)
    if placed is None:
        now = solve(figure)
        placed = [circles(now, part) for part in parts]
    offsets = []
    for part, here in zip(parts, placed, strict=True):
        for (pa, _), (pb, _), (pn, _) in zip(circles(a, part), circles(b, part), here, strict=True):
            target = lerp_point(pa, pb, t)
            offsets.append((target[0] - pn[0], target[1] - pn[1]))
    dx = sum(o[0] for o in offsets) / len(offsets)
    dy = sum(o[1] for o in offsets) / len(offsets)
    return figure.shift(dx, dy)


def _mix_direction(a: float, b: float, t: float) -> float:
    return a + body.wrap(b - a) * t


def _keep_planted(
    figure: Figure, start: Figure, finish: Figure, t: float, a: Skeleton, b: Skeleton
) -> Figure:
    """A hand or foot that rests on a support at both ends (the toes at one, the whole
    foot at the other, say) stays down: the wrist or ankle moves on the straight line
    between its two places and the limb follows by IK, instead of swinging through
    the air with the blended angles."""
    for side, kind in _planted(start.contacts, finish.contacts):
        end, last, _ = LIMB_ENDS[kind]
        limb: Limb = f"{side}_{kind}"  # type: ignore[assignment]
        target = lerp_point(a.points[f"{side}_{end}"], b.points[f"{side}_{end}"], t)
        bone = f"{side}_{last}"
        angle = _mix_direction(a.directions[bone], b.directions[bone], t)
        # out of reach mid-way or out of range: keep the blended limb
        figure = _moved_limb(figure, limb, target, bone, angle)
    return figure


# A blend asks the next two questions of the same two keyframes' contacts on every
# frame; the answers depend on the contacts alone, so each pair is worked out once.
@functools.lru_cache(maxsize=256)
def _steering(contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
    """The contacts _pin steers by: those on the trunk, knees and shins, else every resting one."""
    resting = tuple(c for c in contacts if c.surface not in ("strap", "body"))
    trunk = tuple(c for c in resting if not any(_on_limb_end(c, s, p) for s in body.DEPTHS
                                                for _, _, p in LIMB_ENDS.values()))
    return trunk or resting


@functools.lru_cache(maxsize=256)
def _planted(start: tuple[Contact, ...], finish: tuple[Contact, ...]) -> tuple[tuple[str, str], ...]:
    """(side, "arm" or "leg") of each hand or foot resting on a support at both ends."""
    return tuple(
        (side, kind)
        for side in body.DEPTHS
        for kind, (_, _, parts) in LIMB_ENDS.items()
        if all(any(_on_limb_end(c, side, parts) for c in ends) for ends in (start, finish))
    )


def _on_limb_end(contact: Contact, side: str, parts: tuple[str, ...]) -> bool:
    if contact.surface == "body":
        return False
    owner, _, part = contact.part.partition("_")
    return owner == side and part in parts
