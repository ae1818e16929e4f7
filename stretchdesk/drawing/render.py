"""Draw a Figure with QPainter: rounded limbs with an outline, props, floor.

Everything is drawn in world units (metres, y up) under one painter transform,
so the same code paints a 200 px card, a 4K screen and an SVG file.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

from stretchdesk.core.skeleton import (
    Box,
    Capsule,
    Disc,
    Figure,
    Line,
    PoseFigure,
    Shape,
    Skeleton,
    cue_marks,
    solve,
)
from stretchdesk.core.skeleton.targets import glow_spots
from stretchdesk.drawing.motion_cue import framed, paint_arrow, paint_ghost

World = tuple[float, float, float, float]  # left, bottom, right, top (m)
MIN_WIDTH = 2.0  # m: small poses are not blown up, so every figure has a similar size
MIN_HEIGHT = 1.45
MARGIN = 0.06  # fraction of the rect left free on each side
OUTLINE = 0.014  # m
MAT_MARGIN = 0.14
MAT_THICKNESS = 0.03
MIN_LINE_PX = 3.0  # px: bands and straps stay visible on small renders (cards, sheets)


@dataclass(frozen=True)
class Palette:
    """Colours as #rrggbb strings; background None leaves the image transparent."""

    body: str = "#4577a8"
    outline: str = "#1d3550"
    far: str = "#a8c3dc"
    accent: str = "#ec8a2c"
    accent_far: str = "#f5c595"
    prop: str = "#d9d0c1"
    prop_outline: str = "#857a6b"
    wall: str = "#ebe6dd"
    strap: str = "#6f6356"
    band: str = "#9b8f7f"
    mat: str = "#b9cdb3"
    floor: str = "#b3aa9c"
    glow: str = "#ffb547"  # "feel it here": warms the working muscles, see paint_figure
    background: str | None = None


CARD_PALETTE = Palette(background="#f7f4ee")


def figure_of(figure: Figure | PoseFigure) -> Figure:
    return figure.figure if isinstance(figure, PoseFigure) else figure


def world_bounds(figure: Figure | PoseFigure) -> World:
    """The box a figure (every keyframe of a pose) and its props occupy."""
    frames = figure.keyframes if isinstance(figure, PoseFigure) else (figure,)
    boxes = []
    for frame in frames:
        skeleton = solve(frame)
        boxes.append(skeleton.bounds())
        boxes += [_shape_bounds(s) for s in _prop_shapes(frame, skeleton)]
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    top = max(b[3] for b in boxes)
    return (left - MAT_MARGIN, -MAT_THICKNESS, right + MAT_MARGIN, top)


def _shape_bounds(shape: Shape) -> World:
    if isinstance(shape, Disc):
        (x, y), r = shape.centre, shape.radius
        return (x - r, y - r, x + r, y + r)
    if isinstance(shape, Line):
        xs = [p[0] for p in shape.points]
        ys = [p[1] for p in shape.points]
        w = shape.width / 2
        return (min(xs) - w, min(ys) - w, max(xs) + w, max(ys) + w)
    corners = _box_corners(shape)
    return (
        min(c[0] for c in corners),
        min(c[1] for c in corners),
        max(c[0] for c in corners),
        max(c[1] for c in corners),
    )


def _box_corners(box: Box) -> list[tuple[float, float]]:
    cos, sin = math.cos(math.radians(box.angle)), math.sin(math.radians(box.angle))
    bx, by = box.base
    local = [(-box.width / 2, 0.0), (box.width / 2, 0.0),
             (box.width / 2, box.height), (-box.width / 2, box.height)]
    return [(bx + x * cos - y * sin, by + x * sin + y * cos) for x, y in local]


def _prop_shapes(figure: Figure, skeleton: Skeleton, layer: str | None = None) -> list[Shape]:
    shapes: list[Shape] = []
    for prop in figure.props:
        if layer is None or prop.layer == layer:
            shapes += prop.shapes(skeleton.points)
    return shapes


def paint_figure(
    painter: QPainter,
    figure: Figure | PoseFigure,
    rect: QRectF,
    *,
    mirrored: bool = False,
    palette: Palette | None = None,
    frame: World | None = None,
    glow: Sequence[str] = (),
    motion: PoseFigure | None = None,
) -> None:
    """Paint a figure fitted into rect; mirrored draws the left-side version.

    Pass `frame=world_bounds(pose)` while animating so the camera stays still.
    `glow` takes the pose's target areas (poses.json "targets", e.g. ("hamstrings",
    "calves")) and lights them softly on the body: "feel it here".
    A PoseFigure's still shows its motion cue (ghost and arrow); a live frame of a
    movement passes its pose as `motion` and shows only the arrow.
    """
    palette = palette or Palette()
    pose = figure if isinstance(figure, PoseFigure) else motion
    marks = cue_marks(pose, ghost=pose is figure) if pose is not None else None
    figure = figure_of(figure)
    left, bottom, right, top = frame or framed(world_bounds(pose if pose and marks else figure), marks)
    width = max(right - left, MIN_WIDTH)
    height = max(top - bottom, MIN_HEIGHT)
    usable_w, usable_h = rect.width() * (1 - 2 * MARGIN), rect.height() * (1 - 2 * MARGIN)
    if usable_w <= 0 or usable_h <= 0:
        return
    scale = min(usable_w / width, usable_h / height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if palette.background:
        painter.fillRect(rect, QColor(palette.background))
    painter.translate(rect.center())
    painter.scale(-scale if mirrored else scale, -scale)
    painter.translate(-(left + right) / 2, -(bottom + top) / 2)
    half_w = rect.width() / 2 / scale
    paint_ghost(painter, marks, palette.far)
    _paint_world(painter, figure, palette, ((left + right) / 2 - half_w, (left + right) / 2 + half_w))
    paint_arrow(painter, marks, palette.outline)
    if glow:
        _paint_glow(painter, figure, glow, palette)
    painter.restore()


def _paint_glow(painter: QPainter, figure: Figure, areas: Sequence[str], palette: Palette) -> None:
    """Warm the working muscles: each spot is a capsule whose colour fades to nothing
    at its edges (a gradient across the limb), so it reads as warmth inside the figure
    rather than a label or a chart on top of it, and needs no clipping to the body."""
    spots = glow_spots(figure, tuple(areas))
    if not spots:
        return
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    core, edge = QColor(palette.glow), QColor(palette.glow)
    core.setAlpha(185)
    edge.setAlpha(0)
    for spot in spots:
        (ax, ay), (bx, by) = spot.a, spot.b
        length = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / length, (bx - ax) / length  # across the limb
        cx, cy, r = (ax + bx) / 2, (ay + by) / 2, spot.radius
        across = QLinearGradient(QPointF(cx - nx * r, cy - ny * r), QPointF(cx + nx * r, cy + ny * r))
        across.setColorAt(0.0, edge)
        across.setColorAt(0.5, core)
        across.setColorAt(1.0, edge)
        painter.setBrush(QBrush(across))
        painter.drawPath(_capsule_path(Capsule("torso", "glow", spot.a, spot.b, r, r)))
    painter.restore()


def _paint_world(
    painter: QPainter, figure: Figure, palette: Palette, span: tuple[float, float]
) -> None:
    skeleton = solve(figure)
    body_left, _, body_right, _ = skeleton.bounds()
    painter.setPen(QPen(QColor(palette.floor), OUTLINE * 0.8))
    painter.drawLine(QPointF(span[0], 0.0), QPointF(span[1], 0.0))
    if figure.mat:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.mat))
        mat = QRectF(body_left - MAT_MARGIN, -MAT_THICKNESS,
                     body_right - body_left + 2 * MAT_MARGIN, MAT_THICKNESS)
        painter.drawRoundedRect(mat, MAT_THICKNESS / 2, MAT_THICKNESS / 2)
    for shape in _prop_shapes(figure, skeleton, "back"):
        _paint_shape(painter, shape, palette)
    side_view = skeleton.view == "side"
    for part in ("far_leg", "far_arm", "torso", "near_leg", "near_arm"):
        capsules = [c for c in skeleton.capsules if c.part == part]
        outlines = [_capsule_path(c, OUTLINE) for c in capsules]
        fills = [_capsule_path(c) for c in capsules]
        if part == "torso":
            outlines.append(_head_path(skeleton, OUTLINE))
            fills.append(_head_path(skeleton))
        accent = part in figure.accent
        far = part.startswith("far") and side_view
        tones = (palette.accent_far, palette.accent) if accent else (palette.far, palette.body)
        fill = tones[0] if far else tones[1]
        _fill_paths(painter, outlines, QColor(palette.outline))
        _fill_paths(painter, fills, QColor(fill))
    for shape in _prop_shapes(figure, skeleton, "front"):
        _paint_shape(painter, shape, palette)


def _fill_paths(painter: QPainter, paths: list[QPainterPath], colour: QColor) -> None:
    """Fill without stroking.

    The outline of a part is its shapes grown by the outline width (a capsule
    widened by w is exactly that capsule stroked with a 2w round pen), so
    every layer is a plain fill; stroking was most of the cost of a figure.
    """
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    for path in paths:
        painter.drawPath(path)


def _capsule_path(capsule: Capsule, grow: float = 0.0) -> QPainterPath:
    """The hull of two circles (radii widened by `grow`), from two arcs and two tangent lines."""
    (ax, ay), (bx, by) = capsule.a, capsule.b
    ra, rb = capsule.ra + grow, capsule.rb + grow
    path = QPainterPath()
    distance = math.hypot(bx - ax, by - ay)
    if distance <= abs(ra - rb) + 1e-9:
        (cx, cy), r = ((ax, ay), ra) if ra >= rb else ((bx, by), rb)
        path.addEllipse(QPointF(cx, cy), r, r)
        return path
    along = math.atan2(by - ay, bx - ax)
    spread = math.acos((ra - rb) / distance)
    cos_up, sin_up = math.cos(along + spread), math.sin(along + spread)
    cos_down, sin_down = math.cos(along - spread), math.sin(along - spread)
    start, sweep = math.degrees(along + spread), math.degrees(spread)
    # QPainterPath angles run the other way round in our y-up world, hence the minus signs.
    path.moveTo(ax + ra * cos_up, ay + ra * sin_up)
    path.lineTo(bx + rb * cos_up, by + rb * sin_up)
    path.arcTo(bx - rb, by - rb, 2 * rb, 2 * rb, -start, 2 * sweep)
    path.lineTo(ax + ra * cos_down, ay + ra * sin_down)
    path.arcTo(ax - ra, ay - ra, 2 * ra, 2 * ra, -(start - 2 * sweep), 360 - 2 * sweep)
    path.closeSubpath()
    return path


def _head_path(skeleton: Skeleton, grow: float = 0.0) -> QPainterPath:
    (x, y), r = skeleton.head, skeleton.head_radius
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    path.addEllipse(QPointF(x, y), r + grow, r + grow)
    if skeleton.view == "side":
        face = math.radians(skeleton.face)
        nose = QPointF(x + r * 0.93 * math.cos(face), y + r * 0.93 * math.sin(face))
        path.addEllipse(nose, r * 0.2 + grow, r * 0.2 + grow)
    return path


def _paint_shape(painter: QPainter, shape: Shape, palette: Palette) -> None:
    outline = QColor(palette.prop_outline)
    if isinstance(shape, Line):
        colour = QColor(palette.band if shape.style == "band" else palette.strap)
        if shape.style == "prop":
            colour = outline
        width = max(shape.width, MIN_LINE_PX / (abs(painter.worldTransform().m11()) or 1.0))
        pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        points = [QPointF(x, y) for x, y in shape.points]
        painter.drawPolyline(points)
        return
    fill = QColor(palette.wall if shape.style == "wall" else palette.prop)
    painter.setPen(QPen(outline, OUTLINE, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(QBrush(fill))
    if isinstance(shape, Disc):
        (x, y), r = shape.centre, shape.radius
        painter.drawEllipse(QPointF(x, y), r, r)
        if shape.ring:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x, y), shape.ring, shape.ring)
        return
    path = QPainterPath()
    corners = _box_corners(shape)
    if shape.corner > 0 and shape.angle == 0:
        bx, by = shape.base
        path.addRoundedRect(QRectF(bx - shape.width / 2, by, shape.width, shape.height),
                            shape.corner, shape.corner)
    else:
        path.addPolygon([QPointF(x, y) for x, y in corners])
        path.closeSubpath()
    painter.drawPath(path)


def render_image(
    figure: Figure | PoseFigure,
    width: int,
    height: int,
    *,
    mirrored: bool = False,
    palette: Palette | None = None,
    glow: Sequence[str] = (),
) -> QImage:
    """The figure as a transparent (or palette-background) ARGB image."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint_figure(painter, figure, QRectF(0, 0, width, height), mirrored=mirrored,
                 palette=palette, glow=glow)
    painter.end()
    return image
