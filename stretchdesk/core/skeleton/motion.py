"""A moving pose's motion cue: how a still picture shows where the body goes.

One frame of a drill (a leg swing, hip circles, a band walk) looks like a held
stretch. A pose can declare a MotionCue; the renderer then draws the moving
parts faintly where they are at the other end of the movement (a ghost) and a
thin arrow along the path a body point travels. Both come from the pose's own
keyframes, so the cue can never disagree with the animation. This module turns
the declaration into plain geometry (capsules and polylines); drawing is
stretchdesk/drawing/motion_cue.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from stretchdesk.core.skeleton.kinematics import Capsule, Vec, solve

if TYPE_CHECKING:
    from stretchdesk.core.skeleton.figure import Figure, PoseFigure

CuePart = Literal["torso", "near_arm", "far_arm", "near_leg", "far_leg"]
Path = Literal["travel", "swing", "circle", "heading", "glide"]
PATH_STEPS = 12
LOOP_SWEEP = 300.0  # degrees of a circle arrow: the gap shows where it starts and ends
TRIM = 0.15  # share of a swing or travel path left off at each end


@dataclass(frozen=True, slots=True)
class MotionCue:
    """What to draw so a still frame reads as a movement.

    `parts` are drawn faintly as they are in keyframe `ghost` (the other end of
    the movement). The arrow follows body point `track` between the still and
    the ghost keyframe ("swing": heads at both ends, back and forth; "travel":
    from the ghost to the still, one head, the body moved on), goes round it
    ("circle", radius `size`, drawn `flatten`ed as a circle on the floor plane is
    seen from the side) or points from it toward `heading` degrees, `size` long
    ("heading": where the body walks next; "glide": centred on it, heads at both
    ends, a short back-and-forth). `offset` moves the arrow beside the path in
    metres (+ = to its left; for a circle, + = up); `ahead` moves a "heading" or
    "glide" arrow along its heading, e.g. to centre it on a thigh from the knee.
    """

    parts: tuple[CuePart, ...]
    track: str
    ghost: int = 1
    path: Path = "swing"
    offset: float = 0.0
    size: float = 0.1
    flatten: float = 0.4
    heading: float = 0.0
    ahead: float = 0.0


@dataclass(frozen=True, slots=True)
class CueMarks:
    """The cue as geometry in world units: ghost capsules, ghost head, an arrow and its heads."""

    ghost: tuple[Capsule, ...]
    ghost_head: tuple[Vec, float] | None
    arrow: tuple[Vec, ...]
    heads: tuple[tuple[Vec, Vec], ...]  # (tip, unit direction the head points)


_MARKS: dict[tuple[int, bool], tuple[PoseFigure, CueMarks]] = {}
_MARKS_KEPT = 256


def cue_marks(pose: PoseFigure, *, ghost: bool = True) -> CueMarks | None:
    """The marks of the pose's motion cue, or None when it declares none.

    Kept per pose object: the player asks for them on every frame it paints. The
    still (with the ghost) and the live frame (arrow only) share one arrow.
    """
    if pose.cue is None:
        return None
    kept = _kept(pose, ghost)
    if kept is not None:
        return kept
    other = _kept(pose, not ghost)
    arrow, heads = (other.arrow, other.heads) if other is not None else _arrow(pose, pose.cue)
    capsules, head = _ghost(pose, pose.cue) if ghost else ((), None)
    if len(_MARKS) >= _MARKS_KEPT:
        _MARKS.clear()
    marks = CueMarks(capsules, head, arrow, heads)
    _MARKS[(id(pose), ghost)] = (pose, marks)
    return marks


def forget_cue_marks() -> None:
    """Drop every kept cue, so the next draw of a drill works its cue out afresh (a cold start)."""
    _MARKS.clear()


def _kept(pose: PoseFigure, ghost: bool) -> CueMarks | None:
    kept = _MARKS.get((id(pose), ghost))
    return kept[1] if kept is not None and kept[0] is pose else None


def _ghost(pose: PoseFigure, cue: MotionCue) -> tuple[tuple[Capsule, ...], tuple[Vec, float] | None]:
    """The moving parts (and the head, with the torso) as they are in the ghost keyframe."""
    skeleton = solve(pose.keyframes[cue.ghost % len(pose.keyframes)])
    capsules = tuple(c for c in skeleton.capsules if c.part in cue.parts)
    return capsules, (skeleton.head, skeleton.head_radius) if "torso" in cue.parts else None


def _arrow(pose: PoseFigure, cue: MotionCue) -> tuple[tuple[Vec, ...], tuple[tuple[Vec, Vec], ...]]:
    """The arrow's line and its heads."""
    if cue.path == "glide":
        arrow = _heading(pose, cue, centred=True)
        return arrow, (_head(arrow, end=False), _head(arrow, end=True))
    if cue.path in ("circle", "heading"):
        arrow = _circle(pose, cue) if cue.path == "circle" else _heading(pose, cue)
        return arrow, (_head(arrow, end=True),)
    still, other = pose.keyframes[pose.still], pose.keyframes[cue.ghost % len(pose.keyframes)]
    start, end = (other, still) if cue.path == "travel" else (still, other)
    arrow = _path(start, end, cue)
    if cue.path == "travel":  # the body moved on: one head, where it arrives
        return arrow, (_head(arrow, end=True),)
    return arrow, (_head(arrow, end=False), _head(arrow, end=True))


def _path(start: Figure, end: Figure, cue: MotionCue) -> tuple[Vec, ...]:
    """The tracked point along the blend from start to end, moved beside it by the
    offset and trimmed at both ends.

    Each sample is a full blend (IK, pinning, floor), the cost of a drill's first
    draw, so only the samples the arrow keeps are solved: the two ends only to
    place the offset, and the trimmed ones next to them not at all.
    """
    from stretchdesk.core.skeleton.interpolate import interpolate

    def at(i: int) -> Vec:
        return solve(interpolate(start, end, i / PATH_STEPS)).points[cue.track]

    cut = _trim_count(PATH_STEPS + 1)
    kept = [at(i) for i in range(cut, PATH_STEPS + 1 - cut)]
    if not cue.offset:
        return tuple(kept)
    ends = (at(0) if cut else kept[0], at(PATH_STEPS) if cut else kept[-1])
    return tuple(_offset(kept, cue.offset, ends))


def _circle(pose: PoseFigure, cue: MotionCue) -> tuple[Vec, ...]:
    """A flattened circle round the tracked point's mean position, open at the front."""
    xs = [solve(k).points[cue.track][0] for k in pose.keyframes]
    ys = [solve(k).points[cue.track][1] for k in pose.keyframes]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys) + cue.offset
    rx = max(cue.size, (max(xs) - min(xs)) / 2)
    ry = rx * cue.flatten
    start = 90.0 - (360.0 - LOOP_SWEEP) / 2
    steps = 36
    return tuple(
        (cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a)))
        for a in (start - LOOP_SWEEP * i / steps for i in range(steps + 1))
    )


def _heading(pose: PoseFigure, cue: MotionCue, *, centred: bool = False) -> tuple[Vec, ...]:
    x, y = solve(pose.figure).points[cue.track]
    dx, dy = math.cos(math.radians(cue.heading)), math.sin(math.radians(cue.heading))
    back = cue.size / 2 if centred else 0.0
    x, y = x - dy * cue.offset + dx * cue.ahead, y + dx * cue.offset + dy * cue.ahead  # beside, ahead
    start = (x - dx * back, y - dy * back)
    return (start, (start[0] + dx * cue.size, start[1] + dy * cue.size))


def _offset(points: list[Vec], distance: float, ends: tuple[Vec, Vec]) -> list[Vec]:
    """The points moved `distance` to the left of the line from the path's first end to its last."""
    (ax, ay), (bx, by) = ends
    length = math.hypot(bx - ax, by - ay) or 1.0
    nx, ny = -(by - ay) / length, (bx - ax) / length
    return [(x + nx * distance, y + ny * distance) for x, y in points]


def _trim_count(count: int) -> int:
    """How many of a path's `count` points to drop at each end, so the heads sit clear of the limbs."""
    return max(1, round(count * TRIM)) if count > 4 else 0


def _head(points: tuple[Vec, ...], *, end: bool) -> tuple[Vec, Vec]:
    tip, before = (points[-1], points[-2]) if end else (points[0], points[1])
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = math.hypot(dx, dy) or 1.0
    return tip, (dx / length, dy / length)
