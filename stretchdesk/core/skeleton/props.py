"""Props as data: each one turns itself into simple shapes given the solved body.

Props that touch the body name body points (e.g. "near_hand", "near_sole", see
kinematics.solve) instead of coordinates, so a strap or band follows the limbs
through an animation and can never float. Props that stand on the floor take a
world x (and sit on y = 0 unless told otherwise).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from stretchdesk.core.skeleton.kinematics import Vec, add, direction

Style = Literal["prop", "wall", "strap", "band", "ball", "shadow"]
Layer = Literal["back", "front"]
Anchor = str | Vec


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle standing on its bottom edge's centre, rotated about that point."""

    base: Vec
    width: float
    height: float
    style: Style = "prop"
    angle: float = 0.0
    corner: float = 0.012


@dataclass(frozen=True, slots=True)
class Disc:
    centre: Vec
    radius: float
    style: Style = "prop"
    ring: float = 0.0  # radius of an inner ring line (foam roller end), 0 = none


@dataclass(frozen=True, slots=True)
class Line:
    points: tuple[Vec, ...]
    width: float
    style: Style = "strap"


Shape = Box | Disc | Line


def _at(anchor: Anchor, points: Mapping[str, Vec]) -> Vec:
    return points[anchor] if isinstance(anchor, str) else anchor


@dataclass(frozen=True, slots=True)
class Wall:
    """A wall whose face is the vertical line x; the masonry is on `side` of it."""

    x: float
    side: Literal["left", "right"] = "right"
    height: float = 1.3
    layer: Layer = "back"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        thick = 0.1
        centre = self.x + thick / 2 if self.side == "right" else self.x - thick / 2
        return (Box((centre, -0.02), thick, self.height + 0.02, "wall", corner=0.0),)


@dataclass(frozen=True, slots=True)
class WallFace:
    """A wall seen face-on behind a front-view figure (legs-up-the-wall poses seen from
    beyond the head). It spans left..right and rises `height` from `bottom`: raise the
    bottom to where the seat meets the wall when the nearer body sits lower in the picture."""

    left: float
    right: float
    bottom: float = 0.0
    height: float = 1.3
    layer: Layer = "back"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        base = ((self.left + self.right) / 2, self.bottom)
        return (Box(base, self.right - self.left, self.height, "wall", corner=0.0),)


@dataclass(frozen=True, slots=True)
class YogaBlock:
    """A yoga block (or a stack of books) standing on the floor or on a body part."""

    x: float
    y: float = 0.0
    width: float = 0.23
    height: float = 0.10
    angle: float = 0.0
    layer: Layer = "back"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        return (Box((self.x, self.y), self.width, self.height, angle=self.angle),)


@dataclass(frozen=True, slots=True)
class Towel:
    """A folded or rolled towel, drawn as a soft pad."""

    x: float
    y: float = 0.0
    width: float = 0.30
    height: float = 0.06
    layer: Layer = "back"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        return (Box((self.x, self.y), self.width, self.height, corner=self.height / 2),)


@dataclass(frozen=True, slots=True)
class Chair:
    """A kitchen chair seen from the side; `facing` +1 puts the backrest on the left."""

    x: float
    facing: Literal[1, -1] = 1
    seat: float = 0.46
    depth: float = 0.42
    back: float = 0.42
    layer: Layer = "back"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        half = self.depth / 2
        rear = self.x - self.facing * half
        front = self.x + self.facing * half
        seat = Box((self.x, self.seat - 0.04), self.depth + 0.04, 0.04)
        legs = (
            Line(((front, 0.0), (front, self.seat - 0.04)), 0.03, "prop"),
            Line(((rear, 0.0), (rear, self.seat + self.back)), 0.035, "prop"),
        )
        return (*legs, seat)


@dataclass(frozen=True, slots=True)
class Strap:
    """A yoga strap (or towel/belt) from the hands around the ball of a foot."""

    hands: tuple[str, ...] = ("near_hand",)
    foot: str = "near"
    layer: Layer = "front"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        heel, toe = points[f"{self.foot}_heel"], points[f"{self.foot}_toe"]
        sole = points[f"{self.foot}_sole"]
        along = math.degrees(math.atan2(toe[1] - heel[1], toe[0] - heel[0]))
        loop_a = add(sole, direction(along), 0.045)
        loop_b = add(sole, direction(along), -0.02)
        lines = [Line((loop_a, loop_b), 0.03)]
        for hand in self.hands:
            lines.append(Line((points[hand], loop_a), 0.022))
            lines.append(Line((points[hand], loop_b), 0.022))
        return tuple(lines)


@dataclass(frozen=True, slots=True)
class Band:
    """A resistance band between two body points, or a body point and a fixed anchor."""

    a: Anchor
    b: Anchor
    layer: Layer = "front"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        a, b = _at(self.a, points), _at(self.b, points)
        knob = (Disc(b, 0.03, "band"),) if isinstance(self.b, tuple) else ()
        return (Line((a, b), 0.022, "band"), *knob)


@dataclass(frozen=True, slots=True)
class LiftShadow:
    """The shadow a limb held just off the mat casts on it, seen from above: the one
    cue a top view has that the limb is lifted. `points` run from where the limb
    still rests to its lifted end; `drop` says how far (0..1) each is shifted by
    `offset`, so the shadow leaves the limb where the lift begins."""

    points: tuple[str, ...]
    drop: tuple[float, ...]
    offset: Vec = (0.05, -0.1)
    width: float = 0.09
    layer: Layer = "back"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        dx, dy = self.offset
        pairs = zip(self.points, self.drop, strict=True)
        line = tuple((points[p][0] + dx * t, points[p][1] + dy * t) for p, t in pairs)
        return (Line(line, self.width, "shadow"),)


@dataclass(frozen=True, slots=True)
class Ball:
    """A stability ball resting on the floor at x (or with its centre at y)."""

    x: float
    y: float | None = None
    radius: float = 0.33
    layer: Layer = "back"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        centre = (self.x, self.radius if self.y is None else self.y)
        return (Disc(centre, self.radius, "ball", ring=self.radius * 0.62),)


@dataclass(frozen=True, slots=True)
class FoamRoller:
    """A foam roller lying across the mat, seen end-on."""

    x: float
    radius: float = 0.075
    layer: Layer = "back"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        return (Disc((self.x, self.radius), self.radius, ring=self.radius * 0.45),)


@dataclass(frozen=True, slots=True)
class Sliders:
    """Gliding discs under body points (usually "near_toe", "far_toe")."""

    under: tuple[str, ...] = ("near_toe", "far_toe")
    layer: Layer = "back"

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        return tuple(
            Box((points[name][0], -0.008), 0.13, 0.016, corner=0.008) for name in self.under
        )


@dataclass(frozen=True, slots=True)
class StairStep:
    """A stair step or low box seen from the side. Its `edge` is the x of the face a
    heel hangs over; the tread runs `depth` from there toward the figure's front
    (+x), `height` above the floor. See contacts.py for resting on its edge."""

    edge: float
    height: float = 0.17
    depth: float = 0.30
    layer: Layer = "back"

    @property
    def span(self) -> tuple[float, float]:
        return (self.edge, self.edge + self.depth)

    def shapes(self, points: Mapping[str, Vec]) -> tuple[Shape, ...]:
        centre = self.edge + self.depth / 2
        return (Box((centre, 0.0), self.depth, self.height, corner=0.006),)


Prop = (
    Wall | WallFace | YogaBlock | Towel | Chair | Strap | Band | Ball | FoamRoller | Sliders | StairStep | LiftShadow
)
