"""Where the camera looks: the box of the world (metres, y up) a figure, its props and
its mat take, and the transform that fits such a box into a rect of pixels."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTransform

from stretchdesk.core.skeleton import Figure, PoseFigure, Shape, Skeleton, solve
from stretchdesk.drawing.shapes import shape_bounds

World = tuple[float, float, float, float]  # left, bottom, right, top (m)
MIN_WIDTH = 2.0  # m: small poses are not blown up, so every figure has a similar size
MIN_HEIGHT = 1.45
MARGIN = 0.06  # fraction of the rect left free on each side
MAT_MARGIN = 0.14
MAT_THICKNESS = 0.03


def world_bounds(figure: Figure | PoseFigure) -> World:
    """The box a figure (every keyframe of a pose) and its props occupy."""
    frames = figure.keyframes if isinstance(figure, PoseFigure) else (figure,)
    boxes = []
    for frame in frames:
        skeleton = solve(frame)
        boxes.append(skeleton.bounds())
        boxes += [shape_bounds(s) for s in _prop_shapes(frame, skeleton)]
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    top = max(b[3] for b in boxes)
    return (left - MAT_MARGIN, -MAT_THICKNESS, right + MAT_MARGIN, top)


def _prop_shapes(figure: Figure, skeleton: Skeleton, layer: str | None = None) -> list[Shape]:
    shapes: list[Shape] = []
    for prop in figure.props:
        if layer is None or prop.layer == layer:
            shapes += prop.shapes(skeleton.points)
    return shapes


def to_device(rect: QRectF, frame: World, mirrored: bool = False) -> QTransform | None:
    """The world-to-pixels transform that fits `frame` (metres) into rect; None if rect is empty."""
    left, bottom, right, top = frame
    width = max(right - left, MIN_WIDTH)
    height = max(top - bottom, MIN_HEIGHT)
    usable_w, usable_h = rect.width() * (1 - 2 * MARGIN), rect.height() * (1 - 2 * MARGIN)
    if usable_w <= 0 or usable_h <= 0:
        return None
    scale = min(usable_w / width, usable_h / height)
    transform = QTransform()
    transform.translate(rect.center().x(), rect.center().y())
    transform.scale(-scale if mirrored else scale, -scale)
    transform.translate(-(left + right) / 2, -(bottom + top) / 2)
    return transform
