"""Posing a figure: Figure.aim (point bones), reach (two-bone IK) and touch (turn a
joint until a point touches).

Posing is iterative (touch tries a joint angle some fifty times, reach aims two
bones for each of its two answers), so the angles are changed in a plain dict and
the immutable Figure is built once per result rather than once per joint; a parent
bone's direction (direction_of), a shoulder or hip (limb_root) and a touched point
(underside) are worked out alone. The arithmetic is the one set, absolute_directions
and solve do, so the figures are the same to the last bit
(tests/test_figures_posing_shortcuts.py, benchmarks/figure_fingerprint.py).
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from stretchdesk.core.skeleton import body
from stretchdesk.core.skeleton.body import Limb
from stretchdesk.core.skeleton.directions import direction_of
from stretchdesk.core.skeleton.kinematics import Vec, direction
from stretchdesk.core.skeleton.partial import limb_root, underside

if TYPE_CHECKING:
    from stretchdesk.core.skeleton.figure import Figure

LIMB_BONES: tuple[str, ...] = ("upper_arm", "forearm", "hand", "thigh", "shin", "foot")
SPINE_BONES: tuple[str, ...] = ("pelvis", "chest", "neck", "head")
AIM_ORDER: tuple[str, ...] = (*SPINE_BONES, *(f"{s}_{b}" for s in body.DEPTHS for b in LIMB_BONES))
REACH_TOLERANCE = 0.005  # m a reach may fall short and still count (the limb is drawn straight)
_SPINE_PARENTS = {"chest": ("waist", "pelvis"), "neck": ("neck", "chest"), "head": ("head", "neck")}


_ANGLES_OF = operator.attrgetter(*body.ANGLE_FIELDS)


def angles_of(figure: Figure) -> dict[str, float]:
    """The figure's joint angles as stored (not converted: an authored int stays an int)."""
    return dict(zip(body.ANGLE_FIELDS, _ANGLES_OF(figure), strict=True))


@functools.cache
def _layout() -> tuple[
    Callable[[Iterable[object]], Figure], Callable[[Figure], tuple[object, ...]], tuple[int, ...], dict[str, int]
]:
    """A builder of a Figure from all its field values in order, a getter of them, where
    the joint angles are among them and where each field is."""
    from stretchdesk.core.skeleton.figure import FIGURE_FIELDS, Figure

    setters = tuple(getattr(Figure, name).__set__ for name in FIGURE_FIELDS)

    def build(values: Iterable[object]) -> Figure:
        """Figure(*values) with each field's slot set directly: a frozen dataclass's
        __init__ sets every field through object.__setattr__, two thirds of building one.
        Figure has no __post_init__ to skip (tests/test_figures_posing_shortcuts.py)."""
        figure = object.__new__(Figure)
        for set_field, value in zip(setters, values, strict=True):
            set_field(figure, value)
        return figure

    where = {name: i for i, name in enumerate(FIGURE_FIELDS)}
    return build, operator.attrgetter(*FIGURE_FIELDS), tuple(where[name] for name in body.ANGLE_FIELDS), where


def with_angles(figure: Figure, angles: Mapping[str, float]) -> Figure:
    """The figure with every joint angle taken from `angles` (already normalised): the
    same as dataclasses.replace, built positionally (a fifth of posing was replace)."""
    build, values_of, where, _ = _layout()
    values = list(values_of(figure))
    for index, name in zip(where, body.ANGLE_FIELDS, strict=True):
        values[index] = angles[name]
    return build(values)


def with_fields(figure: Figure, changes: Mapping[str, object]) -> Figure:
    """dataclasses.replace(figure, **changes), built positionally like with_angles: a
    blended frame builds three Figures and replace was a tenth of blending one."""
    build, values_of, _, where = _layout()
    values = list(values_of(figure))
    for name, value in changes.items():
        values[where[name]] = value
    return build(values)


def set_angles(angles: dict[str, float], changes: Mapping[str, float]) -> None:
    """Figure.set on a dict: an unprefixed limb joint ("knee") sets both sides."""
    for key, value in changes.items():
        names = [f"{s}_{key}" for s in body.DEPTHS] if key in body.LIMB_JOINTS else [key]
        for name in names:
            if name not in body.ANGLE_FIELDS:
                raise TypeError(f"unknown joint {key!r}")
            angles[name] = value if name == "pelvis" else body.normalise(name, value)


def wanted_bones(view: body.View, bones: Mapping[str, float]) -> dict[str, float]:
    """Figure.aim's arguments per bone: unprefixed limb bones aim both sides (mirrored in front view)."""
    wanted: dict[str, float] = {}
    for key, value in bones.items():
        if key in LIMB_BONES:
            # Front view: the far side mirrors, so aim(thigh=10) spreads both legs.
            far = 180.0 - value if view == "front" else value
            wanted.update({f"near_{key}": value, f"far_{key}": far})
        else:
            wanted[key] = value
    unknown = set(wanted) - set(AIM_ORDER)
    if unknown:
        raise TypeError(f"unknown bone(s): {', '.join(sorted(unknown))}")
    return wanted


def aim_angles(angles: dict[str, float], view: body.View, wanted: Mapping[str, float]) -> None:
    """Turn the joints in `angles` (in place) so each wanted bone points its way, parent first."""
    for bone in AIM_ORDER:
        if bone not in wanted:
            continue
        target = wanted[bone]
        if bone == "pelvis":
            angles["pelvis"] = target
            continue
        if bone in _SPINE_PARENTS:
            joint, parent = _SPINE_PARENTS[bone]
            angles[joint] = body.normalise(joint, direction_of(view, angles, parent) - target)
            continue
        side, part = bone.split("_", 1)
        sign = -1.0 if view == "front" and side == "far" else 1.0
        if part == "upper_arm":
            joint, value = "shoulder", target - (direction_of(view, angles, "chest") - 180.0)
        elif part == "forearm":
            joint, value = "elbow", target - direction_of(view, angles, f"{side}_upper_arm")
        elif part == "hand":
            joint, value = "wrist", target - direction_of(view, angles, f"{side}_forearm")
        elif part == "thigh":
            joint, value = "hip", target - (direction_of(view, angles, "pelvis") - 180.0)
        elif part == "shin":
            joint, value = "knee", direction_of(view, angles, f"{side}_thigh") - target
        else:
            joint, value = "ankle", target - direction_of(view, angles, f"{side}_shin") - 90.0 * sign
        name = f"{side}_{joint}"
        angles[name] = body.normalise(name, sign * value)


def aimed(figure: Figure, bones: Mapping[str, float]) -> Figure:
    """Figure.aim: the figure with these bones pointed, children keeping their bends."""
    angles = angles_of(figure)
    aim_angles(angles, figure.view, wanted_bones(figure.view, bones))
    return with_angles(figure, angles)


def reach_angles(
    figure: Figure, limb: Limb, target: Vec, *, flip: bool = False, root: Vec | None = None
) -> dict[str, float]:
    """Figure.reach's joint angles: two-bone IK putting the wrist or ankle at target.
    `root` is the limb's shoulder or hip when the caller has it from a solve."""
    side, kind = limb.split("_")
    is_arm = kind == "arm"
    joint = limb_root(figure, side, arm=is_arm) if root is None else root
    names = ("upper_arm", "forearm") if is_arm else ("thigh", "shin")
    seen = dict(figure.foreshorten)
    first = (body.UPPER_ARM if is_arm else body.THIGH) * seen.get(f"{side}_{names[0]}", 1.0)
    second = (body.FOREARM if is_arm else body.SHIN) * seen.get(f"{side}_{names[1]}", 1.0)
    dx, dy = target[0] - joint[0], target[1] - joint[1]
    distance = math.hypot(dx, dy)
    if distance > first + second + REACH_TOLERANCE:
        short = distance - first - second
        raise ValueError(f"{limb} can't reach {target}: {short * 100:.1f} cm short")
    if distance < abs(first - second) + 1e-6:
        raise ValueError(f"{limb} can't fold small enough to reach {target}")
    distance = min(distance, first + second)
    base = math.degrees(math.atan2(dy, dx))
    cos_a = (first**2 + distance**2 - second**2) / (2 * first * distance)
    spread = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    sign = -1.0 if figure.view == "front" and side == "far" else 1.0
    candidates: list[tuple[float, float, float]] = []
    for upper in (base + spread, base - spread):
        middle = direction(upper)
        mx, my = joint[0] + middle[0] * first, joint[1] + middle[1] * first
        lower = math.degrees(math.atan2(target[1] - my, target[0] - mx))
        bend = body.wrap((lower - upper) if is_arm else (upper - lower)) * sign
        candidates.append((bend, upper, lower))
    candidates.sort(key=lambda candidate: candidate[0], reverse=not flip)
    _, upper, lower = candidates[0]
    angles = angles_of(figure)  # only the chosen answer is aimed: a blend reaches a few limbs a frame
    aim_angles(angles, figure.view, {f"{side}_{names[0]}": upper, f"{side}_{names[1]}": lower})
    return angles


def touching(
    figure: Figure, point: str, joint: str, low: float, high: float, y: float,
    aim: Mapping[str, float] | None,
) -> Figure:
    """Figure.touch: bisect `joint` between low and high until the underside of point is at y."""
    start = angles_of(figure)
    wanted = wanted_bones(figure.view, aim) if aim else None

    def build(value: float) -> Figure:
        angles = dict(start)
        set_angles(angles, {joint: value})
        if wanted is not None:
            aim_angles(angles, figure.view, wanted)
        return with_angles(figure, angles)

    def gap(value: float) -> float:
        return underside(build(value), point)[1] - y

    g_low, g_high = gap(low), gap(high)
    if g_low * g_high > 0:
        raise ValueError(
            f"turning {joint} from {low} to {high} never brings {point} to y={y} "
            f"(gap {g_low:.3f}..{g_high:.3f} m)"
        )
    for _ in range(48):
        middle = (low + high) / 2
        g_mid = gap(middle)
        if (g_mid > 0) == (g_low > 0):
            low, g_low = middle, g_mid
        else:
            high = middle
    return build((low + high) / 2)
