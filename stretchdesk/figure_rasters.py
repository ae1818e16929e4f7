"""The packaged figures pre-rendered at the sizes the library and the routine editor draw them.

A cold library used to parse one SVG per card (about two thirds of a card's cost) before the
first paint. `stretchdesk figures --write` renders each packaged SVG once more into
resources/images/rasters/<pose-id>@<width>x<height>.png, at the card and row sizes, for
ordinary and high-density screens, with the same renderer the app uses. Each PNG carries the
SHA-256 of the SVG it was rendered from, and the app uses it only while that SVG is unchanged,
so an edited figure is never shown stale: it falls back to rendering the SVG.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

from stretchdesk.core.atomic import atomic_write_bytes

RASTER_FOLDER = "rasters"
GLOW_FOLDER = "glow"
SOURCE_KEY = "stretchdesk-source-sha256"
SHIPPED_RATIOS = (1.0, 2.0)


def physical_size(logical: QSize, ratio: float) -> QSize:
    """The pixel size PoseImages renders a logical size at for a screen's pixel ratio."""
    return QSize(max(1, round(logical.width() * ratio)), max(1, round(logical.height() * ratio)))


def glow_variant(svg_path: Path) -> Path:
    """The same figure with its "feel it here" glow: gzip-compressed (the gradients make the
    SVG about three times larger), which QSvgRenderer reads as it is."""
    return svg_path.parent / GLOW_FOLDER / f"{svg_path.stem}.svgz"


def raster_path(svg_path: Path, size: QSize) -> Path:
    return svg_path.parent / RASTER_FOLDER / f"{svg_path.stem}@{size.width()}x{size.height()}.png"


def source_digest(svg_data: bytes) -> str:
    return hashlib.sha256(svg_data).hexdigest()


def render_svg(renderer: QSvgRenderer, width: int, height: int) -> QImage:
    """The SVG fitted into width x height, centred, on a transparent image."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    box = renderer.viewBoxF()
    natural = box.size() if not box.isEmpty() else QSize(1, 1).toSizeF()
    renderer.render(painter, fit(natural.width(), natural.height(), width, height))
    painter.end()
    return image


def fit(natural_w: float, natural_h: float, width: int, height: int) -> QRectF:
    scale = min(width / max(natural_w, 1e-6), height / max(natural_h, 1e-6))
    w, h = natural_w * scale, natural_h * scale
    return QRectF((width - w) / 2, (height - h) / 2, w, h)


def shipped_raster(svg_path: Path, svg_data: bytes, size: QSize) -> QImage | None:
    """The pre-rendered figure for this exact SVG and pixel size, or None (missing, broken,
    the wrong size, or rendered from another version of the SVG)."""
    path = raster_path(svg_path, size)
    if not path.is_file():
        return None
    image = QImage(str(path))
    if image.isNull() or image.size() != size or image.text(SOURCE_KEY) != source_digest(svg_data):
        return None
    return image


def write_rasters(svg_paths: Iterable[Path], logical_sizes: Iterable[QSize]) -> list[Path]:
    """Render each SVG at every logical size and shipped ratio; write only the PNGs that are
    missing or were rendered from another version of their SVG. Returns the paths written."""
    sizes = [physical_size(logical, ratio) for logical in logical_sizes for ratio in SHIPPED_RATIOS]
    written = []
    for svg_path in svg_paths:
        data = svg_path.read_bytes()
        renderer: QSvgRenderer | None = None
        for size in sizes:
            if shipped_raster(svg_path, data, size) is not None:
                continue
            if renderer is None:
                renderer = QSvgRenderer(data)
                renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            image = render_svg(renderer, size.width(), size.height())
            image.setText(SOURCE_KEY, source_digest(data))
            path = raster_path(svg_path, size)
            path.parent.mkdir(exist_ok=True)
            atomic_write_bytes(path, _png_bytes(image))
            written.append(path)
    return written


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"PNG")).write(image)
    buffer.close()
    return bytes(data.data())
