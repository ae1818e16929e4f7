"""Regenerate resources/images/<pose-id>.svg and draw a contact sheet of every figure."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QImageWriter, QPainter

from stretchdesk.core.atomic import atomic_write_bytes
from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.paths import resource
from stretchdesk.core.skeleton import figure_ids, pose_figure
from stretchdesk.drawing.render import CARD_PALETTE, paint_figure
from stretchdesk.drawing.svg import svg_bytes
from stretchdesk.figure_rasters import glow_variant, write_rasters


def images_dir() -> Path:
    return resource("images")


def pose_svg(pose_id: str, glow: bool = False) -> bytes:
    """The SVG a pose's figure should have on disk, titled with the pose's name; `glow`
    lights the pose's target areas, as the player does."""
    pose = builtin_poses().get(pose_id)
    name = pose.name if pose else pose_id
    lit = ", with the areas it works lit" if glow else ""
    return svg_bytes(
        pose_figure(pose_id),
        title=name,
        description=f"StretchDesk figure of {name}{lit}, generated from stretchdesk.core.skeleton",
        glow=tuple(pose.targets) if glow and pose else (),
    )


def write_all_svgs(folder: Path | None = None) -> list[Path]:
    """Write every figure's SVG, and its glowing variant, whose content changed; returns
    the paths written. A variant is compared uncompressed, so another zlib rewrites nothing."""
    folder = folder or images_dir()
    written = []
    for pose_id in figure_ids():
        path = folder / f"{pose_id}.svg"
        if _read(path, compressed=False) != (data := pose_svg(pose_id)):
            atomic_write_bytes(path, data)
            written.append(path)
        variant = glow_variant(path)
        if _read(variant, compressed=True) != (data := pose_svg(pose_id, glow=True)):
            variant.parent.mkdir(exist_ok=True)
            atomic_write_bytes(variant, gzip.compress(data, compresslevel=9, mtime=0))
            written.append(variant)
    return written


def _read(path: Path, compressed: bool) -> bytes:
    try:
        data = path.read_bytes()
        return gzip.decompress(data) if compressed else data
    except (FileNotFoundError, gzip.BadGzipFile, EOFError):
        return b""


def write_all_rasters(folder: Path | None = None) -> list[Path]:
    """Pre-render every figure's SVG at the library card's and the routine row's sizes."""
    from stretchdesk.editor.delegate import STEP_FIGURE_SIZE
    from stretchdesk.library.delegate import CARD_FIGURE_SIZE

    folder = folder or images_dir()
    sizes = [CARD_FIGURE_SIZE, QSize(STEP_FIGURE_SIZE, STEP_FIGURE_SIZE)]
    return write_rasters([folder / f"{pose_id}.svg" for pose_id in figure_ids()], sizes)


def contact_sheet(
    columns: int = 8, cell_width: int = 240, cell_height: int = 180, *, glow: bool = False
) -> QImage:
    """Every figure on a card with its pose name under it; glow lights each pose's
    target areas ("feel it here")."""
    ids = figure_ids()
    poses = builtin_poses()
    names = {pose_id: pose.name for pose_id, pose in poses.items()}
    label_height = 28
    rows = max(1, math.ceil(len(ids) / columns))
    image = QImage(columns * cell_width, rows * (cell_height + label_height),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(13)
    painter.setFont(font)
    for index, pose_id in enumerate(ids):
        x = (index % columns) * cell_width
        y = (index // columns) * (cell_height + label_height)
        card = QRectF(x + 3, y + 3, cell_width - 6, cell_height - 6)
        targets = tuple(poses[pose_id].targets) if glow and pose_id in poses else ()
        paint_figure(painter, pose_figure(pose_id), card, palette=CARD_PALETTE, glow=targets)
        painter.setPen(QColor("#333333"))
        label = QRectF(x, y + cell_height - 2, cell_width, label_height)
        name = painter.fontMetrics().elidedText(
            names.get(pose_id, pose_id), Qt.TextElideMode.ElideRight, cell_width - 8
        )
        painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)
    painter.end()
    return image


def write_contact_sheet(path: Path) -> int:
    """Save the contact sheet as PNG; returns the number of figures on it."""
    image = contact_sheet()
    if not QImageWriter(str(path), QByteArray(b"PNG")).write(image):
        raise StretchDeskError(f"{path}: can't write the contact sheet (is the folder there?)")
    return len(figure_ids())
