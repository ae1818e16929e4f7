"""Paints routine rows (steps, rests, block headers) and edits holds in place."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from stretchdesk.core.models import Block, Pose, Rest, Step
from stretchdesk.editor.labels import hold_text, item_title, sides_text
from stretchdesk.editor.model import ItemRole
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.pose_images import TILE_COLOR, PoseImages

ROW_HEIGHT = 50
STEP_THUMB = 44
STEP_FIGURE_SIZE = STEP_THUMB - 4  # the thumbnail tile less 2 a side: shipped pre-rendered
NUMBER_WIDTH = 34
HOLD_WIDTH = 96
BRACKET_COLOR = QColor("#d08a2c")

AnyIndex = QModelIndex | QPersistentModelIndex


def hold_rect(option_rect: QRect) -> QRect:
    height = 26
    top = option_rect.top() + option_rect.height() // 2 - height // 2
    return QRect(option_rect.right() - HOLD_WIDTH - 8, top, HOLD_WIDTH, height)


class RoutineRowDelegate(QStyledItemDelegate):
    """One row per step, rest or block header; the tree view indents a block's steps."""

    def __init__(self, images: PoseImages, catalog: PoseCatalog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._poses = catalog

    @property
    def catalog(self) -> Mapping[str, Pose]:
        return self._poses.current

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """One height for every row, so the view lays out 500 rows without asking each."""
        return QSize(320, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        item = index.data(ItemRole.ITEM)
        if item is None:
            return
        palette = option.palette
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = palette.color(QPalette.ColorRole.Highlight) if selected else (
            palette.color(QPalette.ColorRole.Base))
        painter.fillRect(rect, background)
        if index.parent().isValid():
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), BRACKET_COLOR)
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = QColor(text_color)
        dim.setAlphaF(0.65)
        painter.setPen(dim)
        number = ".".join(str(row + 1) for row in index.data(ItemRole.PATH))
        painter.drawText(QRect(rect.left() + 4, rect.top(), NUMBER_WIDTH, rect.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), number)
        left = rect.left() + NUMBER_WIDTH + 4
        ratio = painter.device().devicePixelRatioF()
        if isinstance(item, Block):
            self._paint_block(painter, option, item, left, text_color)
        else:
            self._paint_row(painter, option, item, left, text_color, dim, ratio)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight).darker(130), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -2, -2), 4, 4)
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def _paint_row(self, painter: QPainter, option: QStyleOptionViewItem, item: Step | Rest,
                   left: int, text_color: QColor, dim: QColor, ratio: float) -> None:
        rect = option.rect
        thumb = STEP_THUMB if isinstance(item, Step) else 24
        top = rect.top() + (rect.height() - thumb) // 2
        thumb_rect = QRect(left, top, thumb, thumb)
        if isinstance(item, Step):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TILE_COLOR)
            painter.drawRoundedRect(thumb_rect, 6, 6)
            painter.drawPixmap(thumb_rect.adjusted(2, 2, -2, -2).topLeft(),
                               self._images.pixmap(item.pose, STEP_FIGURE_SIZE, ratio))
        else:
            painter.setPen(QPen(dim, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(thumb_rect.adjusted(3, 3, -3, -3))
            painter.drawLine(thumb_rect.center().x() - 3, thumb_rect.top() + 9,
                             thumb_rect.center().x() - 3, thumb_rect.bottom() - 9)
            painter.drawLine(thumb_rect.center().x() + 3, thumb_rect.top() + 9,
                             thumb_rect.center().x() + 3, thumb_rect.bottom() - 9)
        text_left = left + thumb + 12
        hold_box = hold_rect(rect)
        width = hold_box.left() - text_left - 8
        font = QFont(option.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        title = item_title(item, self.catalog)
        detail_parts = []
        if isinstance(item, Step):
            detail_parts.append(sides_text(item, self.catalog.get(item.pose)))
        detail_parts.append(item.note)
        detail = " · ".join(part for part in detail_parts if part)
        line_top = rect.top() + (rect.height() - metrics.height() * (2 if detail else 1)) // 2
        painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(QRect(text_left, line_top, width, metrics.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, width))
        if detail:
            painter.setFont(option.font)
            painter.setPen(dim)
            plain = QFontMetrics(option.font)
            painter.drawText(QRect(text_left, line_top + metrics.height(), width, plain.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             plain.elidedText(detail, Qt.TextElideMode.ElideRight, width))
        painter.setFont(option.font)
        custom_hold = isinstance(item, Rest) or (isinstance(item, Step) and item.hold is not None)
        painter.setPen(QPen(dim, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(hold_box, 13, 13)
        hold_font = QFont(option.font)
        hold_font.setBold(custom_hold)
        painter.setFont(hold_font)
        painter.setPen(text_color)
        painter.drawText(hold_box, int(Qt.AlignmentFlag.AlignCenter), hold_text(item, self.catalog))

    def _paint_block(self, painter: QPainter, option: QStyleOptionViewItem, block: Block,
                     left: int, text_color: QColor) -> None:
        rect = option.rect
        pen = QPen(BRACKET_COLOR, 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        bracket_x = left + 2
        painter.drawLine(bracket_x, rect.center().y(), bracket_x, rect.bottom())
        painter.drawLine(bracket_x, rect.center().y(), bracket_x + 8, rect.center().y())
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(text_color if selected else BRACKET_COLOR)
        label = item_title(block, self.catalog) + (f" · {block.note}" if block.note else "")
        text_rect = QRect(bracket_x + 14, rect.top(), rect.right() - bracket_x - 20, rect.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         QFontMetrics(font).elidedText(label, Qt.TextElideMode.ElideRight,
                                                       text_rect.width()))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName("Hold")
        editor.setToolTip("Seconds (30), minutes (1:30), breaths (5 breaths) or reps (10x3s); "
                          "empty uses the pose's own hold")
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        if editor.text() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: AnyIndex) -> None:
        editor.setGeometry(hold_rect(option.rect))
