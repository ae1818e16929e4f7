"""A printable sheet of a routine: title, total time, then each step with its
figure, hold, side and key instructions. Block headers are one compact line;
a step is never split across pages, and a block header never ends a page."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from stretchdesk.core.atomic import atomic_write_bytes
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Block, BlockMode, Pose, Rest, Routine, Step, format_duration
from stretchdesk.core.timeline import expand
from stretchdesk.editor.labels import hold_text, sides_text
from stretchdesk.pose_images import TILE_COLOR, PoseImages

RESOLUTION = 144
KEY_INSTRUCTIONS = 3
FIGURE_SIZE = 132
INDENT = 36
NUMBER_WIDTH = 90
PAD = 10


def _font(size: int, bold: bool = False) -> QFont:
    """Fonts are made when a sheet is drawn: QFont needs the running application."""
    return QFont("Sans Serif", size, QFont.Weight.Bold if bold else QFont.Weight.Normal)

BLOCK_COLOR = QColor("#b0701c")


@dataclass(frozen=True)
class SheetLine:
    number: str
    title: str
    detail: str
    hold: str
    pose_id: str | None
    depth: int
    kind: str = "step"
    instructions: tuple[str, ...] = ()


def sheet_lines(routine: Routine, catalog: Mapping[str, Pose]) -> list[SheetLine]:
    """Steps in order, blocks as a heading line followed by their (indented) steps."""
    lines: list[SheetLine] = []

    def walk(items: list[Step | Rest | Block], prefix: str, depth: int) -> None:
        for number, item in enumerate(items, start=1):
            label = f"{prefix}{number}"
            if isinstance(item, Step):
                pose = catalog.get(item.pose)
                detail = " · ".join(p for p in (sides_text(item, pose), item.note) if p)
                key = tuple(pose.instructions[:KEY_INSTRUCTIONS]) if pose else ()
                lines.append(SheetLine(label, pose.name if pose else item.pose, detail,
                                       hold_text(item, catalog), item.pose, depth, "step", key))
            elif isinstance(item, Rest):
                lines.append(SheetLine(label, "Rest", item.note, hold_text(item, catalog), None,
                                       depth, "rest"))
            else:
                how = "each side" if item.mode is BlockMode.EACH_SIDE else f"{item.rounds} rounds"
                lines.append(SheetLine(label, f"Block · {how}", item.note, "", None, depth,
                                       "block"))
                walk(item.items, f"{label}.", depth + 1)

    walk(routine.items, "", 0)
    return lines


def plan_pages(lines: Sequence[SheetLine], height_of: Callable[[SheetLine], int],
               first_page: int, other_pages: int) -> list[list[SheetLine]]:
    """Fill pages in order without splitting a line; a block header moves to the next
    page with its first step rather than end a page. A line taller than a page gets a
    page of its own."""
    pages: list[list[SheetLine]] = [[]]
    room = first_page
    for index, line in enumerate(lines):
        needed = height_of(line)
        if line.kind == "block" and index + 1 < len(lines):
            needed += height_of(lines[index + 1])
        if pages[-1] and needed > room:
            pages.append([])
            room = other_pages
        pages[-1].append(line)
        room -= height_of(line)
    return pages


class _Measure:
    """Heights of sheet lines for one page width, in the PDF's device pixels."""

    def __init__(self, width: int, device: QPdfWriter) -> None:
        self.width = width
        self.title = QFontMetrics(_font(13, True), device)
        self.block = QFontMetrics(_font(11, True), device)
        self.text = QFontMetrics(_font(10), device)

    def text_width(self, line: SheetLine) -> int:
        left = line.depth * INDENT + NUMBER_WIDTH + (FIGURE_SIZE + 20 if line.pose_id else 0)
        return self.width - left

    def wrapped(self, text: str, width: int) -> int:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.text.boundingRect(QRect(0, 0, width, 100000), flags, text).height()

    def __call__(self, line: SheetLine) -> int:
        if line.kind == "block":
            return self.block.height() + PAD
        width = self.text_width(line)
        detail = _detail(line)
        height = self.title.height() + (self.wrapped(detail, width) if detail else 0) + 2 * PAD
        height += sum(self.wrapped(f"• {text}", width) for text in line.instructions)
        if line.pose_id is not None:
            height = max(height, FIGURE_SIZE + 2 * PAD)
        return height


def _detail(line: SheetLine) -> str:
    return " · ".join(p for p in (line.hold, line.detail) if p)


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
    measure = _Measure(page.width(), writer)
    first_top = _header(painter, page, routine, total, 1, 0, dry_run=True)
    other_top = _header(painter, page, routine, total, 2, 0, dry_run=True)
    pages = plan_pages(lines, measure, page.bottom() - first_top, page.bottom() - other_top)
    for number, chunk in enumerate(pages):
        if number:
            writer.newPage()
        top = _header(painter, page, routine, total, number + 1, len(pages))
        for line in chunk:
            height = measure(line)
            _line(painter, QRect(page.left(), top, page.width(), height), line, images, measure)
            top += height
        if not lines:
            painter.setFont(_font(10))
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
            count: int, dry_run: bool = False) -> int:
    """Draws the page header (or only measures it); returns where the lines start."""
    title_font = QFont("Sans Serif", 20)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(QColor("#222222"))
    height = painter.fontMetrics().height()
    painter.setFont(_font(10))
    line = painter.fontMetrics().height()
    top = page.top() + height + line + 8
    described = bool(routine.description) and number == 1
    wrap = int(Qt.TextFlag.TextWordWrap)
    about = 0
    if described:
        measured = painter.fontMetrics().boundingRect(QRect(0, 0, page.width(), 100000), wrap,
                                                       routine.description).height()
        about = min(measured, line * 10)
        top += about + 4
    if dry_run:
        return top + 12
    painter.setFont(title_font)
    painter.drawText(QRect(page.left(), page.top(), page.width(), height),
                     int(Qt.AlignmentFlag.AlignLeft), routine.name)
    painter.setFont(_font(10))
    info = f"Total {format_duration(total)} · page {number} of {count}"
    painter.drawText(QRect(page.left(), page.top() + height, page.width(), line),
                     int(Qt.AlignmentFlag.AlignLeft), info)
    if described:
        description = QRect(page.left(), page.top() + height + line + 8, page.width(), about)
        painter.drawText(description, wrap, routine.description)
    painter.setPen(QPen(QColor("#999999"), 2))
    painter.drawLine(page.left(), top, page.right(), top)
    return top + 12


def _line(painter: QPainter, rect: QRect, line: SheetLine, images: PoseImages,
          measure: _Measure) -> None:
    left = rect.left() + line.depth * INDENT
    if line.kind == "block":
        painter.setFont(_font(11, True))
        painter.setPen(BLOCK_COLOR)
        text = f"{line.number}  {line.title}" + (f" · {line.detail}" if line.detail else "")
        painter.drawText(QRect(left, rect.top(), rect.right() - left, rect.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.setPen(QPen(BLOCK_COLOR, 2))
        painter.drawLine(left, rect.bottom() - 2, rect.right(), rect.bottom() - 2)
        return
    painter.setFont(_font(13, True))
    painter.setPen(QColor("#555555"))
    painter.drawText(QRect(left, rect.top() + PAD, NUMBER_WIDTH, measure.title.height()),
                     int(Qt.AlignmentFlag.AlignLeft), line.number)
    text_left = left + NUMBER_WIDTH
    if line.pose_id is not None:
        figure = QRect(text_left, rect.top() + PAD, FIGURE_SIZE, FIGURE_SIZE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TILE_COLOR)
        painter.drawRoundedRect(figure, 12, 12)
        painter.drawPixmap(figure, images.pixmap(line.pose_id, FIGURE_SIZE, 1.0))
        text_left = figure.right() + 20
    width = measure.text_width(line)  # the width the line was measured at, so nothing overflows
    top = rect.top() + PAD
    painter.setPen(QColor("#222222"))
    painter.drawText(QRect(text_left, top, width, measure.title.height()),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), line.title)
    top += measure.title.height()
    painter.setFont(_font(10))
    wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    for text, color in ((_detail(line), "#444444"),
                        *((f"• {step}", "#222222") for step in line.instructions)):
        if not text:
            continue
        height = measure.wrapped(text, width)
        painter.setPen(QColor(color))
        painter.drawText(QRect(text_left, top, width, height), wrap, text)
        top += height
    painter.setPen(QPen(QColor("#dddddd"), 1))
    painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
