"""Plausibility checks shared by the tests and the preview tool."""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator

from stretchdesk.core.skeleton import body
from stretchdesk.core.skeleton.balance import balance_problems
from stretchdesk.core.skeleton.contacts import contact_problems, stands_on_step
from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.kinematics import solve
from stretchdesk.core.skeleton.props import Wall

FLOOR_TOLERANCE = 0.005  # m a surface may sink into the floor (anti-aliasing, rounding)
FLOAT_TOLERANCE = 0.01  # m above the floor before a figure counts as hovering
WALL_TOLERANCE = 0.01


def joint_problems(figure: Figure) -> list[str]:
    """Joints bent past their anatomical range (a knee bending backwards, ...)."""
    return angle_problems(figure.view, _CHECKED_ANGLES(figure))


def angle_problems(view: body.View, values: Iterable[float]) -> list[str]:
    """joint_problems of joint angles given in _CHECKED order (a figure being posed)."""
    return [f"{name} is {value:.0f}°, outside {low:.0f}..{high:.0f}"
            for name, value, low, high in _out_of_range(view, values)]


def angles_in_range(view: body.View, values: Iterable[float]) -> bool:
    """not angle_problems(...), stopping at the first problem and wording none: a blend
    asks this of every limb it moves, on every frame."""
    return next(_out_of_range(view, values), None) is None


def _out_of_range(view: body.View, values: Iterable[float]) -> Iterator[tuple[str, float, float, float]]:
    for name, (low, high, folded), value in zip(CHECKED_NAMES, _RANGES[view], values, strict=True):
        value = body.wrap(float(value)) if folded else float(value)
        if not low <= value <= high:
            yield name, value, low, high


# every joint angle but the pelvis (a direction, not a bend), with its joint and range
_CHECKED = tuple(
    (name, body.joint_of(name), *body.JOINT_LIMITS[body.joint_of(name)])
    for name in body.ANGLE_FIELDS if name != "pelvis"
)
CHECKED_NAMES = tuple(name for name, _, _, _ in _CHECKED)
# (low, high, wrapped first?) per checked angle, for each view, looked up once: a projected
# (front-view) limb angle has no anatomical side, so 190 degrees is -170 folded the other way
_RANGES: dict[body.View, tuple[tuple[float, float, bool], ...]] = {
    "side": tuple((low, high, False) for _, _, low, high in _CHECKED),
    "front": tuple((-body.FRONT_LIMIT, body.FRONT_LIMIT, True) if joint in body.LIMB_JOINTS else (low, high, False)
                   for _, joint, low, high in _CHECKED),
}
_CHECKED_ANGLES = operator.attrgetter(*CHECKED_NAMES)


def floor_problems(figure: Figure) -> list[str]:
    """Body below the floor, hovering above it, or through a wall."""
    skeleton = solve(figure)
    problems = []
    lowest = skeleton.lowest()
    if lowest < -FLOOR_TOLERANCE:
        problems.append(f"body is {-lowest * 100:.1f} cm below the floor")
    if lowest > FLOAT_TOLERANCE and not stands_on_step(figure):  # a step's contacts say where it rests
        problems.append(f"body hovers {lowest * 100:.1f} cm above the floor")
    left, _, right, _ = skeleton.bounds()
    for prop in figure.props:
        if isinstance(prop, Wall):
            inside = right - prop.x if prop.side == "right" else prop.x - left
            if inside > WALL_TOLERANCE:
                problems.append(f"body is {inside * 100:.1f} cm inside the wall")
    return problems


def problems(figure: Figure) -> list[str]:
    return (
        joint_problems(figure)
        + floor_problems(figure)
        + contact_problems(figure)
        + balance_problems(figure)
    )
