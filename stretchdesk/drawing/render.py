"""Draw a Figure with QPainter: rounded limbs with an outline, props, floor.

Figures are posed in world units (metres, y up); one world-to-pixels transform
(framing.py) fits them into any rect, so the same code paints a 200 px card, a 4K
screen and an SVG file.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

from stretchdesk.core.skeleton import (
    Figure,
    Line,
    PoseFigure,
    Skeleton,
    cue_marks,
)
from stretchdesk.core.skeleton.motion import CueMarks
from stretchdesk.core.skeleton.solved import Drawing, drawing
from stretchdesk.drawing.capsules import capsule_builder
from stretchdesk.drawing.facing import FacingColours, paint_facing, seen_from_above
from stretchdesk.drawing.framing import MAT_MARGIN, MAT_THICKNESS, World, to_device, world_bounds
from stretchdesk.drawing.glow import paint_glow
from stretchdesk.drawing.motion_cue import HEAD_LENGTH, framed, paint_arrow, paint_ghost
from stretchdesk.drawing.shapes import paint_shape, shape_bounds

OUTLINE = 0.014  # m
_PARTS = ("far_leg", "far_arm", "torso", "near_leg", "near_arm")  # back to front
_NO_PEN = QPen(Qt.PenStyle.NoPen)


@functools.lru_cache(maxsize=64)
def _colour(name: str) -> QColor:
    """A palette colour parsed once (a figure sets a dozen; painters copy what they are given)."""
    return QColor(name)


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
    hair: str = "#4a3426"  # the head of a figure seen from above, see drawing/facing.py
    face: str = "#f0d2b4"


CARD_PALETTE = Palette(background="#f7f4ee")


def figure_of(figure: Figure | PoseFigure) -> Figure:
    return figure.figure if isinstance(figure, PoseFigure) else figure


def paint_figure(
    painter: QPainter,
    figure: Figure | PoseFigure,
    rect: QRectF,
    *,
    mirrored: bool = False,
    palette: Palette | None = None,
    frame: World | None = None,
    glow: Sequence[str] = (),
    fast: bool = False,
    motion: PoseFigure | None = None,
) -> None:
    """Paint a figure fitted into rect; mirrored draws the left-side version.

    Pass `frame=world_bounds(pose)` while animating so the camera stays still.
    `glow` takes the pose's target areas (poses.json "targets", e.g. ("hamstrings",
    "calves")) and lights them softly on the body: "feel it here".
    A PoseFigure's still shows its motion cue (ghost and arrow); a live frame of a
    movement passes its pose as `motion` and shows only the arrow.
    """
    pose = figure if isinstance(figure, PoseFigure) else motion
    marks = cue_marks(pose, ghost=pose is figure) if pose is not None else None
    body = figure_of(figure)
    camera = frame or framed(world_bounds(pose if pose is not None and marks else body), marks)
    paint_drawing(painter, drawing(body), rect, mirrored=mirrored, palette=palette,
                  frame=camera, glow=glow, fast=fast, marks=marks)


def paint_drawing(
    painter: QPainter,
    picture: Drawing,
    rect: QRectF,
    *,
    frame: World,
    mirrored: bool = False,
    palette: Palette | None = None,
    glow: Sequence[str] = (),
    fast: bool = False,
    marks: CueMarks | None = None,
) -> None:
    """Paint a solved Drawing into rect, the camera on `frame`, with a motion cue's marks.

    Shapes are mapped to pixels before they are filled (filling a path under a large
    scale cost Qt twice as much). `fast` fills without anti-aliasing: a moving figure
    on a large screen, where a pixel is a sliver of the outline and anti-aliasing made
    a 4K frame cost 10-20 times more.
    """
    palette = palette or Palette()
    transform = to_device(rect, frame, mirrored)
    if transform is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, not fast)
    if palette.background:
        painter.fillRect(rect, _colour(palette.background))
    half_w = rect.width() / 2 / transform.m11() if transform.m11() else 0.0
    middle = (frame[0] + frame[2]) / 2
    span = (middle - abs(half_w), middle + abs(half_w))

    def ghost() -> None:
        _paint_in_world(painter, transform, lambda: paint_ghost(painter, marks, palette.far))

    if marks is not None and picture.mat:
        ghost()
    # a mat seen from above is the floor the ghost lies on, so the ghost goes over it
    _paint_world(painter, picture, palette, span, transform,
                 on_plan_mat=ghost if marks is not None and not picture.mat else None)
    if marks is not None:
        _paint_in_world(painter, transform, lambda: paint_arrow(painter, marks, palette.outline))
    spots = picture.glow(tuple(glow)) if glow else []
    if spots:
        paint_glow(painter, spots, palette.glow, transform)
    painter.restore()


def _paint_in_world(painter: QPainter, transform: QTransform, paint: Callable[[], None]) -> None:
    """Thin cue marks are drawn in metres under the world transform (cheap: a few lines)."""
    painter.save()
    painter.setTransform(transform, True)
    paint()
    painter.restore()


def drawing_rect(
    picture: Drawing, rect: QRectF, frame: World, mirrored: bool = False, glow: Sequence[str] = (),
    marks: CueMarks | None = None,
) -> QRectF:
    """The pixels a drawing covers in rect (body, props, glow, cue and floor line, outline included)."""
    to = to_device(rect, frame, mirrored)
    if to is None:
        return QRectF()
    left, bottom, right, top = picture.body_bounds()
    boxes = [(left - MAT_MARGIN, min(bottom, -MAT_THICKNESS), right + MAT_MARGIN, top)]
    boxes += [shape_bounds(p.shape) for p in picture.props]
    boxes += [shape_bounds(Line((spot.a, spot.b), 2 * spot.radius)) for spot in picture.glow(glow)]
    if marks is not None:
        boxes += [(x - HEAD_LENGTH, y - HEAD_LENGTH, x + HEAD_LENGTH, y + HEAD_LENGTH) for x, y in marks.arrow]
    world = QRectF(QPointF(min(b[0] for b in boxes), min(b[1] for b in boxes)),
                   QPointF(max(b[2] for b in boxes), max(b[3] for b in boxes)))
    grow = OUTLINE * abs(to.m22()) + 2
    return to.mapRect(world.normalized()).adjusted(-grow, -grow, grow, grow)


def _paint_world(
    painter: QPainter, picture: Drawing, palette: Palette, span: tuple[float, float], to: QTransform,
    on_plan_mat: Callable[[], None] | None = None,
) -> None:
    body_left, _, body_right, _ = picture.body_bounds()
    painter.setPen(QPen(_colour(palette.floor), max(1.0, OUTLINE * 0.8 * abs(to.m22()))))
    painter.drawLine(to.map(QPointF(span[0], 0.0)), to.map(QPointF(span[1], 0.0)))
    if picture.mat:
        painter.setPen(_NO_PEN)
        painter.setBrush(_colour(palette.mat))
        mat = QPainterPath()
        mat.addRoundedRect(QRectF(body_left - MAT_MARGIN, -MAT_THICKNESS,
                                  body_right - body_left + 2 * MAT_MARGIN, MAT_THICKNESS),
                           MAT_THICKNESS / 2, MAT_THICKNESS / 2)
        painter.drawPath(to.map(mat))
    _paint_props(painter, picture, "back", palette, to)
    if on_plan_mat is not None:
        on_plan_mat()
    side_view = picture.view == "side"
    order = sorted(_PARTS, key=lambda part: _layer(picture, part))
    layers: dict[str, tuple[list[QPainterPath], list[QPainterPath]]] = {part: ([], []) for part in order}
    capsule_paths = capsule_builder(OUTLINE, to)
    for capsule in picture.capsules:
        outlines, fills = layers[capsule.part]
        outline, fill = capsule_paths(capsule)
        outlines.append(outline)
        fills.append(fill)
    for part, (outlines, fills) in layers.items():
        if part == "torso":
            outlines.append(to.map(_head_path(picture, OUTLINE)))
            fills.append(to.map(_head_path(picture)))
        accent = part in picture.accent
        far = part.startswith("far") and side_view
        tones = (palette.accent_far, palette.accent) if accent else (palette.far, palette.body)
        _fill_paths(painter, outlines, _colour(palette.outline))
        _fill_paths(painter, fills, _colour(tones[0] if far else tones[1]))
        if part == "torso" and seen_from_above(picture):
            paint_facing(painter, picture, FacingColours(palette.hair, palette.face, palette.outline, OUTLINE), to)
    _paint_props(painter, picture, "front", palette, to)


def _layer(picture: Drawing, part: str) -> float:
    """Where a part is painted: a part drawn in front comes straight after the torso,
    under the near limbs; one drawn behind straight before it, over the far limbs."""
    if part in picture.in_front:
        return 2.5
    if part in picture.behind:
        return 1.5
    return float(_PARTS.index(part))


def _paint_props(painter: QPainter, picture: Drawing, layer: str, palette: Palette, to: QTransform) -> None:
    for prop in picture.props:
        if prop.layer == layer:
            painter.setOpacity(prop.opacity)
            paint_shape(painter, prop.shape, palette, to, OUTLINE)
    painter.setOpacity(1.0)


def _fill_paths(painter: QPainter, paths: list[QPainterPath], colour: QColor) -> None:
    """Fill without stroking.

    The outline of a part is its shapes grown by the outline width (a capsule
    widened by w is exactly that capsule stroked with a 2w round pen), so
    every layer is a plain fill; stroking was most of the cost of a figure.
    """
    painter.setPen(_NO_PEN)
    painter.setBrush(colour)
    draw = painter.drawPath  # looked up once: some 45 paths a figure
    for path in paths:
        draw(path)


def _head_path(skeleton: Skeleton | Drawing, grow: float = 0.0) -> QPainterPath:
    (x, y), r = skeleton.head, skeleton.head_radius
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    path.addEllipse(QPointF(x, y), r + grow, r + grow)
    if skeleton.view == "side":
        face = math.radians(skeleton.face)
        nose = QPointF(x + r * 0.93 * math.cos(face), y + r * 0.93 * math.sin(face))
        path.addEllipse(nose, r * 0.2 + grow, r * 0.2 + grow)
    return path


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
