"""A body capsule (the hull of two circles) as QPainterPaths: outline and fill.

A figure has some forty of these paths; on a thumbnail the Python around each Qt
call costs more than Qt's own work, so the two paths of a capsule share their
trigonometry and are built in one reused scratch path (see capsule_paths).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QTransform

from stretchdesk.core.skeleton import Capsule


def capsule_paths(
    capsule: Capsule, grow: float, to: QTransform, scratch: QPainterPath
) -> tuple[QPainterPath, QPainterPath]:
    """The capsule's outline (radii widened by `grow`) and its fill, mapped to pixels.

    Growing both radii by the same amount keeps the tangent lines' directions, so
    the two hulls share their trigonometry (half the cost of computing each alone).
    Both are built in metres in one scratch path, cleared rather than allocated
    afresh: on a thumbnail the Python around each Qt call is most of the cost.
    """
    (ax, ay), (bx, by) = capsule.a, capsule.b
    distance = math.hypot(bx - ax, by - ay)
    if distance <= abs(capsule.ra - capsule.rb) + 1e-9:
        return to.map(capsule_path(capsule, grow)), to.map(capsule_path(capsule))
    along = math.atan2(by - ay, bx - ax)
    spread = math.acos((capsule.ra - capsule.rb) / distance)
    turn = (math.cos(along + spread), math.sin(along + spread),
            math.cos(along - spread), math.sin(along - spread),
            math.degrees(along + spread), math.degrees(spread))
    return (to.map(_hull(scratch, ax, ay, bx, by, capsule.ra + grow, capsule.rb + grow, turn)),
            to.map(_hull(scratch, ax, ay, bx, by, capsule.ra, capsule.rb, turn)))


def _hull(
    path: QPainterPath, ax: float, ay: float, bx: float, by: float, ra: float, rb: float,
    turn: tuple[float, float, float, float, float, float],
) -> QPainterPath:
    """`path` cleared and drawn as the hull: two tangent lines and two arcs."""
    cos_up, sin_up, cos_down, sin_down, start, sweep = turn
    path.clear()
    # QPainterPath angles run the other way round in our y-up world, hence the minus signs.
    path.moveTo(ax + ra * cos_up, ay + ra * sin_up)
    path.lineTo(bx + rb * cos_up, by + rb * sin_up)
    path.arcTo(bx - rb, by - rb, 2 * rb, 2 * rb, -start, 2 * sweep)
    path.lineTo(ax + ra * cos_down, ay + ra * sin_down)
    path.arcTo(ax - ra, ay - ra, 2 * ra, 2 * ra, -(start - 2 * sweep), 360 - 2 * sweep)
    path.closeSubpath()
    return path


def capsule_path(capsule: Capsule, grow: float = 0.0) -> QPainterPath:
    """The hull of two circles (radii widened by `grow`), from two arcs and two tangent lines."""
    (ax, ay), (bx, by) = capsule.a, capsule.b
    ra, rb = capsule.ra + grow, capsule.rb + grow
    distance = math.hypot(bx - ax, by - ay)
    if distance <= abs(ra - rb) + 1e-9:
        path = QPainterPath()
        (cx, cy), r = ((ax, ay), ra) if ra >= rb else ((bx, by), rb)
        path.addEllipse(QPointF(cx, cy), r, r)
        return path
    along = math.atan2(by - ay, bx - ax)
    spread = math.acos((ra - rb) / distance)
    return _hull(QPainterPath(), ax, ay, bx, by, ra, rb, (
        math.cos(along + spread), math.sin(along + spread),
        math.cos(along - spread), math.sin(along - spread),
        math.degrees(along + spread), math.degrees(spread)))
