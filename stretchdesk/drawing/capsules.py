"""A body capsule (the hull of two circles) as QPainterPaths: outline and fill.

A figure has some forty of these paths; on a thumbnail the Python around each Qt
call costs more than Qt's own work, so the two paths of a capsule share their
trigonometry and are built in one reused scratch path (see capsule_builder).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QTransform

from stretchdesk.core.skeleton import Capsule

CapsulePaths = Callable[[Capsule], tuple[QPainterPath, QPainterPath]]


def capsule_builder(grow: float, to: QTransform) -> CapsulePaths:
    """A function giving a capsule's outline (radii widened by `grow`) and its fill, mapped
    to pixels by `to`.

    Growing both radii by the same amount keeps the tangent lines' directions, so the
    two hulls share their trigonometry. Both are built in metres in one scratch path,
    cleared rather than allocated afresh, then mapped (built in pixels, the arcs would
    be split into curves a hair differently and the SVGs would change). The path's and
    the transform's methods are looked up once: a thumbnail makes some 30 000 of these
    calls, and each lookup on a Qt object cost half as much as a call.
    """
    scratch = QPainterPath()
    clear, move, line, arc, close = (scratch.clear, scratch.moveTo, scratch.lineTo,
                                     scratch.arcTo, scratch.closeSubpath)
    to_pixels = to.map
    hypot, atan2, acos, cos, sin, degrees = math.hypot, math.atan2, math.acos, math.cos, math.sin, math.degrees

    def hull(
        ax: float, ay: float, bx: float, by: float, ra: float, rb: float,
        cos_up: float, sin_up: float, cos_down: float, sin_down: float, start: float, sweep: float,
    ) -> QPainterPath:
        """Two tangent lines and two arcs; QPainterPath angles run the other way round in
        our y-up world, hence the minus signs."""
        clear()
        move(ax + ra * cos_up, ay + ra * sin_up)
        line(bx + rb * cos_up, by + rb * sin_up)
        arc(bx - rb, by - rb, 2 * rb, 2 * rb, -start, sweep)
        line(ax + ra * cos_down, ay + ra * sin_down)
        arc(ax - ra, ay - ra, 2 * ra, 2 * ra, -(start - sweep), 360 - sweep)
        close()
        return to_pixels(scratch)

    def paths(capsule: Capsule) -> tuple[QPainterPath, QPainterPath]:
        (ax, ay), (bx, by) = capsule.a, capsule.b
        ra, rb = capsule.ra, capsule.rb
        distance = hypot(bx - ax, by - ay)
        if distance <= abs(ra - rb) + 1e-9:
            return to_pixels(capsule_path(capsule, grow)), to_pixels(capsule_path(capsule))
        along = atan2(by - ay, bx - ax)
        spread = acos((ra - rb) / distance)
        up, down = along + spread, along - spread
        turn = (cos(up), sin(up), cos(down), sin(down), degrees(up), 2 * degrees(spread))
        return hull(ax, ay, bx, by, ra + grow, rb + grow, *turn), hull(ax, ay, bx, by, ra, rb, *turn)

    return paths


def capsule_path(capsule: Capsule, grow: float = 0.0) -> QPainterPath:
    """The hull of two circles (radii widened by `grow`), in metres, from two arcs and two
    tangent lines; a circle when one circle holds the other."""
    (ax, ay), (bx, by) = capsule.a, capsule.b
    ra, rb = capsule.ra + grow, capsule.rb + grow
    distance = math.hypot(bx - ax, by - ay)
    path = QPainterPath()
    if distance <= abs(ra - rb) + 1e-9:
        (cx, cy), r = ((ax, ay), ra) if ra >= rb else ((bx, by), rb)
        path.addEllipse(QPointF(cx, cy), r, r)
        return path
    along = math.atan2(by - ay, bx - ax)
    spread = math.acos((ra - rb) / distance)
    up, down = along + spread, along - spread
    start, sweep = math.degrees(up), math.degrees(spread)
    path.moveTo(ax + ra * math.cos(up), ay + ra * math.sin(up))
    path.lineTo(bx + rb * math.cos(up), by + rb * math.sin(up))
    path.arcTo(bx - rb, by - rb, 2 * rb, 2 * rb, -start, 2 * sweep)
    path.lineTo(ax + ra * math.cos(down), ay + ra * math.sin(down))
    path.arcTo(ax - ra, ay - ra, 2 * ra, 2 * ra, -(start - 2 * sweep), 360 - 2 * sweep)
    path.closeSubpath()
    return path
