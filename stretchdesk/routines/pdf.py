"""A printable sheet of a routine: title, total time, then each step with its
figure, hold and side, six steps to a page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from stretchdesk.core.atomic import atomic_write_bytes
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Block, BlockMode, Pose, Rest, Routine, Step, format_duration
from stretchdesk.core.timeline import expand
from stretchdesk.editor.labels import hold_text, sides_text
from stretchdesk.imagecache import TILE_COLOR, PoseImages

STEPS_PER_PAGE = 6
RESOLUTION = 144


@dataclass(frozen=True)
class SheetLine:
    number: str
    title: str
    detail: str
    hold: str
    pose_id: str | None
    depth: int


def sheet_lines(routine: Routine, catalog: Mapping[str, Pose]) -> list[SheetLine]:
    """Steps in order, blocks as a heading line followed by their (indented) steps."""
    lines: list[SheetLine] = []

    def walk(items: list[Step | Rest | Block], prefix: str, depth: int) -> None:
        for number, item in enumerate(items, start=1):
            label = f"{prefix}{number}"
            if isinstance(item, Step):
                pose = catalog.get(item.pose)
                detail = " · ".join(p for p in (sides_text(item, pose), item.note) if p)
                lines.append(SheetLine(label, pose.name if pose else item.pose, detail,
                                       hold_text(item, catalog), item.pose, depth))
            elif isinstance(item, Rest):
                lines.append(SheetLine(label, "Rest", item.note, hold_text(item, catalog), None,
                                       depth))
            else:
                how = "each side" if item.mode is BlockMode.EACH_SIDE else f"{item.rounds} rounds"
                lines.append(SheetLine(label, f"Block: {how}", item.note, "", None, depth))
                walk(item.items, f"{label}.", depth + 1)

    walk(routine.items, "", 0)
    return lines


def export_pdf(routine: Routine, catalog: Mapping[str, Pose], images: PoseImages,
               target: Path) -> int:
    """Write the sheet atomically; returns the number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(routine.name)
    writer.setCreator("StretchDesk")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    lines = sheet_lines(routine, catalog)
    total = expand(routine, catalog).total_seconds
    painter = QPainter(writer)
    page = painter.viewport() if painter.isActive() else QRect(0, 0, 1000, 1400)
    pages = [lines[i:i + STEPS_PER_PAGE] for i in range(0, len(lines), STEPS_PER_PAGE)] or [[]]
    for number, chunk in enumerate(pages):
        if number:
            writer.newPage()
        top = _header(painter, page, routine, total, number + 1, len(pages))
        row_height = (page.bottom() - top) // STEPS_PER_PAGE
        for line in chunk:
            _line(painter, QRect(page.left(), top, page.width(), row_height), line, images)
            top += row_height
        if not lines:
            painter.drawText(QRect(page.left(), top, page.width(), 80),
                             int(Qt.AlignmentFlag.AlignLeft), "No steps yet.")
    painter.end()
    buffer.close()
    try:
        atomic_write_bytes(target, bytes(buffer.data().data()))
    except OSError as error:
        raise StretchDeskError(f"{target}: can't write ({error.strerror})") from None
    return len(pages)


def _header(painter: QPainter, page: QRect, routine: Routine, total: float, number: int,
            count: int) -> int:
    title_font = QFont("Sans Serif", 20)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(QColor("#222222"))
    height = painter.fontMetrics().height()
    painter.drawText(QRect(page.left(), page.top(), page.width(), height),
                     int(Qt.AlignmentFlag.AlignLeft), routine.name)
    small = QFont("Sans Serif", 10)
    painter.setFont(small)
    line = painter.fontMetrics().height()
    info = f"Total {format_duration(total)} · page {number} of {count}"
    painter.drawText(QRect(page.left(), page.top() + height, page.width(), line),
                     int(Qt.AlignmentFlag.AlignLeft), info)
    top = page.top() + height + line + 8
    if routine.description and number == 1:
        description = QRect(page.left(), top, page.width(), line * 2)
        painter.drawText(description, int(Qt.TextFlag.TextWordWrap), routine.description)
        top += line * 2 + 4
    painter.setPen(QPen(QColor("#999999"), 2))
    painter.drawLine(page.left(), top, page.right(), top)
    return top + 12


def _line(painter: QPainter, rect: QRect, line: SheetLine, images: PoseImages) -> None:
    indent = line.depth * 40
    figure_size = rect.height() - 24
    figure = QRect(rect.left() + indent + 60, rect.top() + 8, figure_size, figure_size)
    painter.setFont(QFont("Sans Serif", 14, QFont.Weight.Bold))
    painter.setPen(QColor("#555555"))
    painter.drawText(QRect(rect.left() + indent, rect.top(), 56, 60), int(Qt.AlignmentFlag.AlignLeft),
                     line.number)
    text_left = figure.left()
    if line.pose_id is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TILE_COLOR)
        painter.drawRoundedRect(figure, 12, 12)
        painter.drawPixmap(figure, images.pixmap(line.pose_id, figure_size, 1.0))
        text_left = figure.right() + 24
    text = QRect(text_left, rect.top() + 12, rect.right() - text_left, rect.height() - 24)
    painter.setPen(QColor("#222222"))
    painter.setFont(QFont("Sans Serif", 14, QFont.Weight.Bold))
    painter.drawText(text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), line.title)
    painter.setFont(QFont("Sans Serif", 11))
    step = painter.fontMetrics().height()
    detail = " · ".join(p for p in (line.hold, line.detail) if p)
    painter.drawText(text.adjusted(0, step * 2, 0, 0),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                     detail)
    painter.setPen(QPen(QColor("#dddddd"), 1))
    painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
