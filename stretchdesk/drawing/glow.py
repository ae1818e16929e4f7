"""Paint "feel it here": the pose's working muscles warmed by a soft glow.

Each spot is a capsule of colour that fades to nothing at its whole rim: a band
with a gradient across the limb and two half-discs with a radial gradient at its
ends. Because the colour is already transparent at every edge, the shapes need no
anti-aliasing and no clipping to the body, so the glow stays cheap on a 4K screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPolygonF, QRadialGradient, QTransform

from stretchdesk.core.skeleton.targets import Spot

CORE_ALPHA = 185
CAP_POINTS = 10  # points on each half-disc's rim; the rim is transparent, so few do


def _colours(colour: str) -> tuple[QColor, QColor]:
    core, edge = QColor(colour), QColor(colour)
    core.setAlpha(CORE_ALPHA)
    edge.setAlpha(0)
    return core, edge


def _half_disc(centre: QPointF, radius: float, away: float) -> QPolygonF:
    """The half of a circle facing direction `away` (radians, device coordinates)."""
    rim = [
        QPointF(centre.x() + radius * math.cos(away + math.pi * (i / CAP_POINTS - 0.5)),
                centre.y() + radius * math.sin(away + math.pi * (i / CAP_POINTS - 0.5)))
        for i in range(CAP_POINTS + 1)
    ]
    return QPolygonF(rim)


def paint_glow(painter: QPainter, spots: Sequence[Spot], colour: str, to: QTransform) -> None:
    """Paint the spots (world metres) through the world-to-pixels transform `to`."""
    core, edge = _colours(colour)
    scale = abs(to.m22())
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for spot in spots:
        a, b, r = to.map(QPointF(*spot.a)), to.map(QPointF(*spot.b)), spot.radius * scale
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(dx, dy)
        along = math.atan2(dy, dx) if length > 1e-6 else 0.0
        nx, ny = -math.sin(along) * r, math.cos(along) * r  # across the limb
        if length > 1e-6:
            across = QLinearGradient(QPointF(a.x() - nx, a.y() - ny), QPointF(a.x() + nx, a.y() + ny))
            across.setColorAt(0.0, edge)
            across.setColorAt(0.5, core)
            across.setColorAt(1.0, edge)
            painter.setBrush(QBrush(across))
            painter.drawPolygon(QPolygonF([
                QPointF(a.x() + nx, a.y() + ny), QPointF(b.x() + nx, b.y() + ny),
                QPointF(b.x() - nx, b.y() - ny), QPointF(a.x() - nx, a.y() - ny),
            ]))
        for centre, away in ((a, along + math.pi), (b, along)):
            round_end = QRadialGradient(centre, r)
            round_end.setColorAt(0.0, core)
            round_end.setColorAt(1.0, edge)
            painter.setBrush(QBrush(round_end))
            painter.drawPolygon(_half_disc(centre, r, away))
    painter.restore()
