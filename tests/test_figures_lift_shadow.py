"""A limb held just off the mat, seen from above, shows it by its shadow (LiftShadow):
the shadow leaves the limb where the lift begins, lies beside it at the lifted end,
and is painted soft (half transparent), so it never reads as a second limb or a strap."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QTransform

from stretchdesk.core.skeleton import Line, pose_figure, solve
from stretchdesk.core.skeleton.props import LiftShadow
from stretchdesk.drawing.render import CARD_PALETTE
from stretchdesk.drawing.shapes import paint_shape


def _shadows(pose_id: str) -> list[LiftShadow]:
    return [p for p in pose_figure(pose_id).figure.props if isinstance(p, LiftShadow)]


def test_the_lifted_leg_of_the_twist_casts_a_shadow_that_starts_at_the_hip() -> None:
    figure = pose_figure("supine-twist-with-lift").figure
    (shadow,) = _shadows("supine-twist-with-lift")
    points = solve(figure).points
    (line,) = shadow.shapes(points)
    assert isinstance(line, Line) and line.style == "shadow"
    assert line.points[0] == points["far_hip"]  # still on the mat where the lift begins
    toe_gap = math.dist(line.points[-1], points["far_toe"])
    assert math.isclose(toe_gap, math.hypot(*shadow.offset)) and toe_gap > 0.05  # clear of the foot


def test_legs_resting_on_the_mat_cast_no_shadow() -> None:
    assert _shadows("lying-spinal-twist") == []
    assert _shadows("savasana") == []


def test_a_shadow_is_painted_half_transparent(qapp: object) -> None:
    image = QImage(40, 40, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    shape = Line(((0.0, 0.5), (1.0, 0.5)), 0.3, "shadow")
    paint_shape(painter, shape, CARD_PALETTE, QTransform().scale(40, 40), 0.01)
    painter.end()
    assert 0 < image.pixelColor(20, 20).alpha() < 255
    assert image.pixelColor(20, 2).alpha() == 0  # only where the line runs
