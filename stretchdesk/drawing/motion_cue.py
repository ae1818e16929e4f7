"""Draw a moving pose's motion cue (core/skeleton/motion.py) under and over the body.

Quiet on purpose: the ghost is the far-limb tone, half transparent and without an
outline, so it reads as "where the limb goes" and never as a second person; the
arrow is a thin line in the outline colour with small open heads.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from stretchdesk.core.skeleton import CueMarks

GHOST_ALPHA = 185
ARROW_ALPHA = 210
ARROW_WIDTH = 0.016  # m
HEAD_LENGTH = 0.07  # m
MIN_ARROW_PX = 1.3  # a card is drawn about 50 px to the metre: keep the line visible
HEAD_SPREAD = 0.6  # head side length across, as a fraction of its length


def framed(
    bounds: tuple[float, float, float, float], marks: CueMarks | None
) -> tuple[float, float, float, float]:
    """The world box (left, bottom, right, top) grown to hold the cue's arrow."""
    if marks is None:
        return bounds
    left, bottom, right, top = bounds
    for x, y in marks.arrow:
        left, right = min(left, x - HEAD_LENGTH), max(right, x + HEAD_LENGTH)
        bottom, top = min(bottom, y - HEAD_LENGTH), max(top, y + HEAD_LENGTH)
    return left, bottom, right, top


def paint_ghost(painter: QPainter, marks: CueMarks | None, fill: str) -> None:
    """The moving parts at the other end of the movement, faint, behind the body."""
    if marks is None or not (marks.ghost or marks.ghost_head):
        return
    painter.save()
    colour = QColor(fill)
    colour.setAlpha(GHOST_ALPHA)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for capsule in marks.ghost:
        path.addPath(_capsule_outline(capsule.a, capsule.b, capsule.ra, capsule.rb))
    if marks.ghost_head is not None:
        (x, y), r = marks.ghost_head
        path.addEllipse(QPointF(x, y), r, r)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(path.simplified())  # one fill, so overlapping capsules don't darken
    painter.restore()


def paint_arrow(painter: QPainter, marks: CueMarks | None, ink: str) -> None:
    """A thin arrow along the movement's path, over the body."""
    if marks is None or len(marks.arrow) < 2:
        return
    painter.save()
    colour = QColor(ink)
    colour.setAlpha(ARROW_ALPHA)
    pixels_per_metre = abs(painter.worldTransform().m11()) or 1.0
    width = max(ARROW_WIDTH, MIN_ARROW_PX / pixels_per_metre)
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline([QPointF(x, y) for x, y in marks.arrow])
    length = sum(math.dist(a, b) for a, b in itertools.pairwise(marks.arrow))
    head = min(HEAD_LENGTH, length / 3)  # a short arrow keeps a visible shaft
    for (tx, ty), (dx, dy) in marks.heads:
        back_x, back_y = tx - dx * head, ty - dy * head
        side_x, side_y = -dy * head * HEAD_SPREAD, dx * head * HEAD_SPREAD
        painter.drawPolyline([QPointF(back_x + side_x, back_y + side_y), QPointF(tx, ty),
                              QPointF(back_x - side_x, back_y - side_y)])
    painter.restore()


def _capsule_outline(a: tuple[float, float], b: tuple[float, float], ra: float, rb: float) -> QPainterPath:
    """A capsule as two circles and the quad between them (a ghost needs no exact hull)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    path.addEllipse(QPointF(*a), ra, ra)
    path.addEllipse(QPointF(*b), rb, rb)
    (ax, ay), (bx, by) = a, b
    length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 or 1.0
    nx, ny = -(by - ay) / length, (bx - ax) / length
    path.moveTo(ax + nx * ra, ay + ny * ra)
    path.lineTo(bx + nx * rb, by + ny * rb)
    path.lineTo(bx - nx * rb, by - ny * rb)
    path.lineTo(ax - nx * ra, ay - ny * ra)
    path.closeSubpath()
    return path
