"""Figures seen from above say which way the body faces: a face (light, with a nose)
for a body on its back, the back of the head (all hair) for one with its back up.
A side-lying body seen at floor level from its front shows its face too ("us")."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from stretchdesk.core.skeleton import figure_ids, pose_figure
from stretchdesk.core.skeleton.solved import drawing
from stretchdesk.drawing.framing import to_device, world_bounds
from stretchdesk.drawing.render import Palette, paint_drawing

pytestmark = pytest.mark.gui


def _top_views() -> list[str]:
    return [
        pose_id for pose_id in figure_ids()
        if any(k.view == "front" and not k.mat for k in pose_figure(pose_id).keyframes)
    ]


@pytest.mark.parametrize("pose_id", _top_views())
def test_every_front_figure_on_a_plan_mat_declares_its_facing(pose_id: str) -> None:
    for key in pose_figure(pose_id).keyframes:
        assert key.facing in ("up", "down"), f"{pose_id}: say facing='up' or 'down'"


@pytest.mark.parametrize(("pose_id", "facing"), [
    ("lying-spinal-twist", "up"), ("frog-hip-stretch", "down"), ("origami-stretch", "us"),
    ("side-lying-quad-stretch", "us"), ("foam-roll-it-band", "us"),
])
def test_the_head_shows_a_face_or_hair(qapp: object, pose_id: str, facing: str) -> None:
    figure = pose_figure(pose_id).keyframes[pose_figure(pose_id).still]
    assert figure.facing == facing
    picture = drawing(figure)
    palette = Palette()
    image = QImage(480, 360, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    rect = QRectF(0, 0, 480, 360)
    frame = world_bounds(pose_figure(pose_id))
    paint_drawing(painter, picture, rect, frame=frame, palette=palette)
    painter.end()
    to = to_device(rect, frame)
    assert to is not None
    (x, y), r = picture.head, picture.head_radius
    if facing == "side":  # the back of the head, away from the profile's nose
        back = math.radians(picture.face + 180.0)
        spot = to.map(QPointF(x + 0.7 * r * math.cos(back), y + 0.7 * r * math.sin(back)))
    else:  # between the nose and the chin side of the head: face there, or hair
        neck = next(c for c in picture.capsules if c.bone == "neck")
        toward_neck = QPointF(neck.a[0] - x, neck.a[1] - y)
        length = (toward_neck.x() ** 2 + toward_neck.y() ** 2) ** 0.5
        spot = to.map(QPointF(x + toward_neck.x() / length * 0.6 * r, y + toward_neck.y() / length * 0.6 * r))
    seen = image.pixelColor(int(spot.x()), int(spot.y())).name()
    assert seen == (palette.face if facing in ("up", "us") else palette.hair)
