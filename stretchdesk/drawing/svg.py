"""Figures as SVG files, byte-for-byte reproducible so a test can spot stale ones."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator

from stretchdesk.core.atomic import atomic_write_bytes
from stretchdesk.core.skeleton import Figure, PoseFigure
from stretchdesk.drawing.render import Palette, paint_figure

SVG_SIZE = QSize(480, 360)  # 4:3, the shape of a pose card's picture


def svg_bytes(
    figure: Figure | PoseFigure,
    *,
    title: str = "StretchDesk figure",
    description: str = "",
    mirrored: bool = False,
    palette: Palette | None = None,
    glow: Sequence[str] = (),
) -> bytes:
    """The figure as an SVG document (transparent background); `glow` lights those target
    areas ("feel it here")."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(SVG_SIZE)
    generator.setViewBox(QRectF(0, 0, SVG_SIZE.width(), SVG_SIZE.height()))
    generator.setResolution(96)
    generator.setTitle(title)
    generator.setDescription(description or title)
    painter = QPainter(generator)
    paint_figure(painter, figure, QRectF(0, 0, SVG_SIZE.width(), SVG_SIZE.height()),
                 mirrored=mirrored, palette=palette, glow=glow)
    painter.end()
    buffer.close()
    return bytes(data.data())


def write_svg(
    figure: Figure | PoseFigure,
    path: Path,
    *,
    title: str = "StretchDesk figure",
    description: str = "",
) -> None:
    """Write the figure's SVG atomically."""
    atomic_write_bytes(Path(path), svg_bytes(figure, title=title, description=description))
