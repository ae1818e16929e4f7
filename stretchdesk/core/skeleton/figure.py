"""Figure (one keyframe of a posed body) and PoseFigure (a pose's keyframes).

A Figure is immutable: every authoring method returns a new Figure, so a pose
reads as a short chain of steps. See body.py for units and angle conventions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Literal

from stretchdesk.core.skeleton import body
from stretchdesk.core.skeleton.aiming import aimed, reach_angles, set_angles, touching, with_angles, with_fields
from stretchdesk.core.skeleton.body import Depth, Limb, View
from stretchdesk.core.skeleton.contacts import SURFACES, Contact, Surface
from stretchdesk.core.skeleton.kinematics import (
    Skeleton,
    Vec,
    foot_points,
    solve,
)
from stretchdesk.core.skeleton.motion import MotionCue
from stretchdesk.core.skeleton.props import Prop, Towel, YogaBlock

SideOrBoth = Depth | Literal["both"]
Facing = Literal["", "up", "down", "side", "us"]
FORESHORTEN_LIMB: tuple[str, ...] = ("upper_arm", "forearm", "thigh", "shin")
FORESHORTEN_BONES: frozenset[str] = frozenset(
    ("pelvis", "chest", "neck", "head", *(f"{s}_{b}" for s in body.DEPTHS for b in FORESHORTEN_LIMB))
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One posed body: root, pelvis direction, relative joint angles, view and props."""

    x: float = 0.0
    y: float = body.STANDING_HIP_HEIGHT
    pelvis: float = 90.0
    waist: float = 0.0
    neck: float = 0.0
    head: float = 0.0
    near_shoulder: float = 0.0
    near_elbow: float = 0.0
    near_wrist: float = 0.0
    near_hip: float = 0.0
    near_knee: float = 0.0
    near_ankle: float = 0.0
    far_shoulder: float = 0.0
    far_elbow: float = 0.0
    far_wrist: float = 0.0
    far_hip: float = 0.0
    far_knee: float = 0.0
    far_ankle: float = 0.0
    view: View = "side"
    props: tuple[Prop, ...] = ()
    accent: tuple[Limb, ...] = ()
    in_front: tuple[Limb, ...] = ()  # limbs drawn straight after the torso, see drawn_in_front()
    mat: bool = True
    foreshorten: tuple[tuple[str, float], ...] = ()  # (bone, fraction seen), see foreshortened()
    contacts: tuple[Contact, ...] = ()  # what the body rests on, see rests()
    turn: float = 0.0  # degrees the chest is twisted toward the near side, see twisted()
    # seen from above only: "up" = face to the ceiling (lying on the back), "down" = the
    # back of the head and the back to the ceiling (prone, hands and knees, sitting up),
    # "side" = lying on the side, a side-view figure laid flat on a plan mat;
    # "us" = a body seen at floor level from its front (lying on the side, or on hands
    # and knees from the head end): the face looks at us
    facing: Facing = ""
    behind: tuple[Limb, ...] = ()  # near limbs drawn under the torso, see drawn_behind()
    looks_back: bool = False  # side view: the head turned round to look behind, see looking_back()

    # -- reading -------------------------------------------------------------
    def solve(self) -> Skeleton:
        return solve(self)

    def point(self, name: str) -> Vec:
        """A solved body point, e.g. "near_knee", "head", "far_sole" (see kinematics)."""
        return solve(self).points[name]

    def angles(self) -> dict[str, float]:
        return {name: float(getattr(self, name)) for name in body.ANGLE_FIELDS}

    # -- authoring -----------------------------------------------------------
    def set(self, **angles: float) -> Figure:
        """Set relative joint angles; an unprefixed limb joint ("knee") sets both sides."""
        changes: dict[str, float] = {}
        set_angles(changes, angles)
        return replace(self, **changes)  # type: ignore[arg-type]

    def aim(self, **bones: float) -> Figure:
        """Point bones in absolute directions, parent first; children keep their bends.

        Names: pelvis, chest, neck, head, and near_/far_ + upper_arm, forearm, hand,
        thigh, shin, foot (unprefixed = both sides).
        """
        return aimed(self, bones)

    def reach(self, limb: Limb, target: Vec, *, flip: bool = False) -> Figure:
        """Two-bone IK: put the wrist (arm) or ankle (leg) at target.

        The elbow or knee bends the anatomical way unless flip=True (front-view
        tricks only). Raises ValueError when the target is out of reach, so a pose
        can't silently leave a hand hovering.
        """
        return with_angles(self, reach_angles(self, limb, target, flip=flip))

    def plant_hand(self, side: SideOrBoth, x: float, direction: float = 0.0) -> Figure:
        """Lay a hand flat on the floor along `direction`, wrist at x (IK for the arm)."""
        r_wrist, r_tip = body.RADII["hand"]
        wrist_y = -min(-r_wrist, body.HAND * math.sin(math.radians(direction)) - r_tip)
        return self._plant_hand_at(side, x, wrist_y, direction)

    def plant_foot(self, side: SideOrBoth, x: float, direction: float = 0.0) -> Figure:
        """Set a foot on the floor pointing along `direction`, ankle at x (IK for the leg).

        direction 0 = flat, toes forward; 180 = laces on the mat behind you. In front
        view with side="both", the far foot mirrors about the figure's centre line.
        """
        figure = self
        for s in body.DEPTHS if side == "both" else (side,):
            sx, angle = self._mirror(side, s, x, direction)
            sign = -1.0 if self.view == "front" and s == "far" else 1.0
            heel, toe = foot_points((0.0, 0.0), angle, sign, self.view)
            r_heel, r_toe = (body.RADII_FRONT if self.view == "front" else body.RADII)["foot"]
            low = min(heel[1] - r_heel, toe[1] - r_toe, -body.RADII["shin"][1])
            limb: Limb = f"{s}_leg"  # type: ignore[assignment]
            figure = figure.reach(limb, (sx, -low)).aim(**{f"{s}_foot": angle})
        return figure

    def _plant_hand_at(self, side: SideOrBoth, x: float, y: float, angle: float) -> Figure:
        figure = self
        for s in body.DEPTHS if side == "both" else (side,):
            sx, sangle = self._mirror(side, s, x, angle)
            limb: Limb = f"{s}_arm"  # type: ignore[assignment]
            figure = figure.reach(limb, (sx, y)).aim(**{f"{s}_hand": sangle})
        return figure

    def _mirror(self, asked: SideOrBoth, side: Depth, x: float, angle: float) -> tuple[float, float]:
        if self.view == "front" and side == "far" and asked == "both":
            return 2 * self.x - x, 180.0 - angle
        return x, angle

    def touch(
        self,
        point: str,
        joint: str,
        low: float,
        high: float,
        y: float = 0.0,
        *,
        aim: Mapping[str, float] | None = None,
    ) -> Figure:
        """Turn one joint between low and high until the underside of point is at height y.

        E.g. `f.touch("head", "waist", 20, 60)` rounds the back until the forehead
        rests on the floor. `joint` is any name set() accepts, including "pelvis".
        `aim` re-points bones after every try, e.g. aim={"upper_arm": -90, "forearm":
        -90} keeps straight vertical arms while the spine moves.
        """

        return touching(self, point, joint, low, high, y, aim)

    def arm_floor_x(self, side: Depth = "near", toward: float = 1.0, bend: float = 0.995) -> float:
        """The x where a nearly straight arm (length * bend) meets the floor, ahead
        (toward=1) or behind (toward=-1) the shoulder: use with plant_hand."""
        shoulder = self.point(f"{side}_shoulder")
        drop = shoulder[1] - body.RADII["hand"][0]
        upper, fore = self._seen(f"{side}_upper_arm"), self._seen(f"{side}_forearm")
        reach = (body.UPPER_ARM * upper + body.FOREARM * fore) * bend
        if drop > reach:
            raise ValueError(f"{side} shoulder is {drop - reach:.3f} m too high to reach the floor")
        return shoulder[0] + toward * math.sqrt(reach**2 - drop**2)

    def move(self, point: str = "hips", x: float | None = None, y: float | None = None) -> Figure:
        """Translate the whole figure so a named point lands at (x, y); None keeps that axis."""
        px, py = self.point(point)
        return self.shift(0.0 if x is None else x - px, 0.0 if y is None else y - py)

    def shift(self, dx: float = 0.0, dy: float = 0.0) -> Figure:
        return with_fields(self, {"x": self.x + dx, "y": self.y + dy})

    def ground(self) -> Figure:
        """Drop (or lift) the figure so its lowest surface rests on the floor (y = 0)."""
        return self.shift(dy=-solve(self).lowest())

    def foreshortened(self, **bones: float) -> Figure:
        """Draw bones at a fraction of their length: a bone pointing at or away from the
        viewer, e.g. the torso of a figure on all fours seen from behind (front view).

        Names: pelvis, chest, neck, head, and near_/far_ + upper_arm, forearm, thigh,
        shin (unprefixed = both sides). reach/plant_* use the drawn lengths.
        """
        seen = dict(self.foreshorten)
        for key, value in bones.items():
            names = [f"{s}_{key}" for s in body.DEPTHS] if key in FORESHORTEN_LIMB else [key]
            for name in names:
                if name not in FORESHORTEN_BONES or not 0.0 < value <= 1.0:
                    raise ValueError(f"can't foreshorten {name!r} to {value}")
                seen[name] = value
        return replace(self, foreshorten=tuple(sorted(seen.items())))

    def _seen(self, bone: str) -> float:
        return dict(self.foreshorten).get(bone, 1.0)

    def with_props(self, *props: Prop) -> Figure:
        return replace(self, props=self.props + props)

    def block_under(self, point: str, width: float = 0.23) -> Figure:
        """Add a block on the floor that exactly fills the gap under a body point."""
        x, y = solve(self).underside(point)
        return self.with_props(YogaBlock(x, 0.0, width, y))

    def towel_under(self, point: str, width: float = 0.30) -> Figure:
        """Add a folded towel that exactly fills the gap under a body point."""
        x, y = solve(self).underside(point)
        return self.with_props(Towel(x, 0.0, width, y))

    def rests(self, surface: Surface, *parts: str, on: str = "") -> Figure:
        """Declare that these parts rest on a surface (checked by contacts.contact_problems).

        Parts are solved points ("near_knee", "hips", "mid_back") or bones
        ("far_shin", "near_foot"); surface "body" with on="near_thigh" is a hand holding
        a body part. Declare what the pose's instructions say, then make it true.
        """
        if surface not in SURFACES:
            raise ValueError(f"unknown surface {surface!r}")
        added = tuple(Contact(part, surface, on) for part in parts)
        return replace(self, contacts=self.contacts + tuple(c for c in added if c not in self.contacts))

    def twisted(self, degrees: float) -> Figure:
        """Turn the chest about the spine (a twist): positive opens it toward the near
        side. The shoulder line then shows: in the side view the near shoulder moves
        back and the far one forward (a three-quarter chest); in the front view the
        shoulders narrow as one turns away."""
        return replace(self, turn=degrees)

    def accented(self, *limbs: Limb) -> Figure:
        """Draw these limbs in the accent colour (the working side's limb)."""
        return replace(self, accent=limbs)

    def drawn_in_front(self, *limbs: Limb) -> Figure:
        """Paint these limbs straight after the torso, under the near limbs: a far limb
        that comes toward us, such as a bottom knee drawn up in front of a side-lying
        chest, would otherwise hide behind the body it lies in front of; a near arm
        that reaches between the legs goes under the near leg."""
        return replace(self, in_front=limbs)

    def drawn_behind(self, *limbs: Limb) -> Figure:
        """Paint these near limbs under the torso (still over the far limbs): a limb
        the body hides from us, such as the thighs of a figure on hands and knees
        seen from its head end, whose chest is nearer to us than its hips."""
        return replace(self, behind=limbs)

    def looking_back(self) -> Figure:
        """Turn the head round to look back over the shoulder (side view): its profile is
        drawn facing the other way, toward the feet. The joints only tip the head up or
        down, and a face tipped up to the ceiling reads as looking up, not back."""
        return replace(self, looks_back=True)

    def replace(self, **changes: object) -> Figure:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class PoseFigure:
    """The figure of one pose: one keyframe for a held pose, two or more for a movement.

    `still` picks the keyframe shown on cards and in the SVG; `cue` (motion.py)
    shows on that still picture where the movement goes.
    """

    keyframes: tuple[Figure, ...]
    still: int = 0
    cue: MotionCue | None = None

    def __post_init__(self) -> None:
        if not self.keyframes:
            raise ValueError("a PoseFigure needs at least one keyframe")
        if not 0 <= self.still < len(self.keyframes):
            raise ValueError(f"still={self.still} is not a keyframe index")
        if self.cue is not None and not 0 <= self.cue.ghost < len(self.keyframes):
            raise ValueError(f"motion cue ghost={self.cue.ghost} is not a keyframe index")

    @property
    def figure(self) -> Figure:
        return self.keyframes[self.still]

    @property
    def accent(self) -> tuple[Limb, ...]:
        return self.figure.accent

    @property
    def moving(self) -> bool:
        return len(self.keyframes) > 1


def hold(figure: Figure) -> PoseFigure:
    """A held (static) pose."""
    return PoseFigure((figure,))


def moving(*keyframes: Figure, still: int = 0, cue: MotionCue | None = None) -> PoseFigure:
    """A movement that cycles through the keyframes (and back to the first); `cue`
    declares how its still picture shows the movement (see motion.MotionCue)."""
    if len(keyframes) < 2:
        raise ValueError("a moving pose needs two or more keyframes")
    return PoseFigure(tuple(keyframes), still, cue)


FIGURE_FIELDS = tuple(f.name for f in fields(Figure))
