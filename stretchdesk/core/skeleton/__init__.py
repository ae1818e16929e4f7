"""The pose figures: a Qt-free 2D articulated body, its props and the pose library.

Public API (the renderer and the player code against these names):
  Figure, PoseFigure, pose_figure(pose_id), figure_ids(), interpolate(a, b, t) (within
  a pose), transition(a, b, t) (between poses, stays grounded), solve(figure) ->
  Skeleton (points, radii, capsules), problems(figure) (joints, floor, contacts).
Conventions (units, angle directions, near = working side) are in body.py;
how to author a pose is in library/__init__.py.
"""

from __future__ import annotations

import itertools

from stretchdesk.core.skeleton import bases
from stretchdesk.core.skeleton.body import Depth, Limb, View
from stretchdesk.core.skeleton.contacts import Contact, contact_problems
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, hold, moving
from stretchdesk.core.skeleton.interpolate import interpolate
from stretchdesk.core.skeleton.kinematics import Capsule, Skeleton, Vec, solve
from stretchdesk.core.skeleton.limits import floor_problems, joint_problems, problems
from stretchdesk.core.skeleton.motion import CueMarks, MotionCue, cue_marks
from stretchdesk.core.skeleton.props import (
    Ball,
    Band,
    Box,
    Chair,
    Disc,
    FoamRoller,
    Line,
    Prop,
    Shape,
    Sliders,
    Strap,
    Towel,
    Wall,
    YogaBlock,
)
from stretchdesk.core.skeleton.transition import transition


def pose_figure(pose_id: str) -> PoseFigure:
    """The figure of a built-in pose, built on first use; KeyError if it has none (yet)."""
    from stretchdesk.core.skeleton.library import figure

    return figure(pose_id)


def figure_ids() -> list[str]:
    """Ids of every pose that has a figure, sorted."""
    from stretchdesk.core.skeleton.library import BUILDERS

    return sorted(BUILDERS)


def frames(pose: PoseFigure, per_step: int = 4) -> list[Figure]:
    """A movement's keyframes with `per_step - 1` blended frames between each pair."""
    keys = pose.keyframes
    out: list[Figure] = []
    for a, b in itertools.pairwise(keys):
        out += [interpolate(a, b, i / per_step) for i in range(per_step)]
    out.append(keys[-1])
    return out


__all__ = [
    "Ball",
    "Band",
    "Box",
    "Capsule",
    "Chair",
    "Contact",
    "CueMarks",
    "Depth",
    "Disc",
    "Figure",
    "FoamRoller",
    "Limb",
    "Line",
    "MotionCue",
    "PoseFigure",
    "Prop",
    "Shape",
    "Skeleton",
    "Sliders",
    "Strap",
    "Towel",
    "Vec",
    "View",
    "Wall",
    "YogaBlock",
    "bases",
    "contact_problems",
    "cue_marks",
    "figure_ids",
    "floor_problems",
    "frames",
    "hold",
    "interpolate",
    "joint_problems",
    "moving",
    "pose_figure",
    "problems",
    "solve",
    "transition",
]
