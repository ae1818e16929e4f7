"""Props as the painter draws them: boxes, discs and lines (straps, bands), in world
metres mapped to pixels before they are drawn (see render.paint_drawing)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform

from stretchdesk.core.skeleton import Box, Disc, Line, Shape

if TYPE_CHECKING:
    from stretchdesk.drawing.render import Palette

World = tuple[float, float, float, float]  # left, bottom, right, top (m)
MIN_LINE_PX = 3.0  # px: bands and straps stay visible on small renders (cards, sheets)
SHADOW_ALPHA = 150


def shape_bounds(shape: Shape) -> World:
    """(left, bottom, right, top) of a prop's shape, in metres."""
    if isinstance(shape, Disc):
        (x, y), r = shape.centre, shape.radius
        return (x - r, y - r, x + r, y + r)
    if isinstance(shape, Line):
        xs = [p[0] for p in shape.points]
        ys = [p[1] for p in shape.points]
        w = shape.width / 2
        return (min(xs) - w, min(ys) - w, max(xs) + w, max(ys) + w)
    corners = box_corners(shape)
    return (
        min(c[0] for c in corners),
        min(c[1] for c in corners),
        max(c[0] for c in corners),
        max(c[1] for c in corners),
    )


def box_corners(box: Box) -> list[tuple[float, float]]:
    cos, sin = math.cos(math.radians(box.angle)), math.sin(math.radians(box.angle))
    bx, by = box.base
    local = [(-box.width / 2, 0.0), (box.width / 2, 0.0),
             (box.width / 2, box.height), (-box.width / 2, box.height)]
    return [(bx + x * cos - y * sin, by + x * sin + y * cos) for x, y in local]


def paint_shape(painter: QPainter, shape: Shape, palette: Palette, to: QTransform, outline_width: float) -> None:
    """Paint a prop's shape through the world-to-pixels transform `to`."""
    outline = QColor(palette.prop_outline)
    scale = abs(to.m22())
    if isinstance(shape, Line):
        colour = QColor(palette.band if shape.style == "band" else palette.strap)
        if shape.style == "prop":
            colour = outline
        if shape.style == "shadow":  # a lifted limb's shadow on the mat: soft, no outline
            colour = QColor(palette.prop_outline)
            colour.setAlpha(SHADOW_ALPHA)
        pen = QPen(colour, max(shape.width * scale, MIN_LINE_PX), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline([to.map(QPointF(x, y)) for x, y in shape.points])
        return
    fill = QColor(palette.wall if shape.style == "wall" else palette.prop)
    painter.setPen(QPen(outline, outline_width * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(QBrush(fill))
    if isinstance(shape, Disc):
        (x, y), r = shape.centre, shape.radius
        centre = to.map(QPointF(x, y))
        painter.drawEllipse(centre, r * scale, r * scale)
        if shape.ring:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, shape.ring * scale, shape.ring * scale)
        return
    path = QPainterPath()
    corners = box_corners(shape)
    if shape.corner > 0 and shape.angle == 0:
        bx, by = shape.base
        path.addRoundedRect(QRectF(bx - shape.width / 2, by, shape.width, shape.height),
                            shape.corner, shape.corner)
    else:
        path.addPolygon([QPointF(x, y) for x, y in corners])
        path.closeSubpath()
    painter.drawPath(to.map(path))
