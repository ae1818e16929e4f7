"""How a figure seen from above faces: a lying body's outline alone does not tell its
back from its front, so the head (a face, or hair) and a back's spine say it."""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from stretchdesk.core.skeleton.solved import Drawing


class FacingColours(NamedTuple):
    """The palette's colours for the marks, and the outline's width in metres."""

    hair: str
    face: str
    outline: str
    width: float


def _fill(painter: QPainter, paths: list[QPainterPath], colour: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    for path in paths:
        painter.drawPath(path)


def seen_from_above(picture: Drawing) -> bool:
    """A top view that says how the body faces (a morph's side-view frame keeps the
    facing of the figure it came from, and must not show it)."""
    if picture.facing == "us":  # a side-lying body at floor level: no plan mat needed
        return picture.view == "front"
    wanted = "side" if picture.facing == "side" else "front"
    return bool(picture.facing) and picture.view == wanted and not picture.mat


def paint_facing(painter: QPainter, picture: Drawing, colours: FacingColours, to: QTransform) -> None:
    """From above a lying body is a flat shape: face up or back up is told by the head
    (a face with hair only at the crown, or the back of the head all hair) and by the
    spine drawn down a back turned to the ceiling."""
    (x, y), r = picture.head, picture.head_radius
    neck = next((c for c in picture.capsules if c.bone == "neck"), None)
    crown = math.atan2(y - neck.a[1], x - neck.a[0]) if neck else math.radians(picture.face + 90.0)
    hair = QColor(colours.hair)
    if picture.facing == "down":
        spine = QPainterPath()
        bones = [c for c in picture.capsules if c.bone.startswith("spine")]
        if bones:
            spine.moveTo(QPointF(*bones[0].a))
            for bone in bones:
                spine.lineTo(QPointF(*bone.b))
            if neck:
                spine.lineTo(QPointF(*neck.a))
            pen = QPen(QColor(colours.outline), max(1.0, 0.35 * colours.width * abs(to.m22())))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(to.map(spine))
        head = QPainterPath()
        head.addEllipse(QPointF(x, y), r, r)
        _fill(painter, [to.map(head)], hair)
        return
    cap = QPainterPath()
    cap.addEllipse(QPointF(x, y), r, r)
    if picture.facing == "side":  # lying on the side: the profile's nose one way, hair the other
        face_dir = math.radians(picture.face)
        front = QPainterPath()
        front.addEllipse(QPointF(x + 0.75 * r * math.cos(face_dir), y + 0.75 * r * math.sin(face_dir)), r, r)
        _fill(painter, [to.map(cap.subtracted(front))], hair)
        return
    _fill(painter, [to.map(cap)], hair)
    face = QPainterPath()
    shift = 0.26 * r
    face.addEllipse(QPointF(x - shift * math.cos(crown), y - shift * math.sin(crown)), 0.7 * r, 0.7 * r)
    _fill(painter, [to.map(face)], QColor(colours.face))
    nose = QPainterPath()
    nose.addEllipse(QPointF(x - 0.35 * r * math.cos(crown), y - 0.35 * r * math.sin(crown)), 0.17 * r, 0.17 * r)
    _fill(painter, [to.map(nose)], QColor(colours.outline))
