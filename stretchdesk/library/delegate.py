"""Paints a pose as a card: figure on a light tile, name, hold and target tags."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from stretchdesk.core.models import Pose
from stretchdesk.library.model import PoseRole
from stretchdesk.pose_images import TILE_COLOR, PoseImages

CARD_SIZE = QSize(156, 204)
FIGURE_HEIGHT = 104
PAD = 8
# the card inset by 3 a side, the padding, then 4 around the figure: shipped pre-rendered
CARD_FIGURE_SIZE = QSize(CARD_SIZE.width() - 6 - 2 * PAD - 8, FIGURE_HEIGHT - 8)


def area_label(value: str) -> str:
    return value.replace("-", " ")


def vocabulary_label(value: str) -> str:
    """A filter or checkbox label for an area, prop or position: 'it-band' -> 'IT band'."""
    special = {"it-band": "IT band", "chest-shoulders": "Chest and shoulders"}
    return special.get(value) or value.replace("-", " ").capitalize()


def show_as_cards(view: QListView, images: PoseImages) -> None:
    """Lay a list view out as the library's grid of pose cards (any PoseRole model)."""
    view.setItemDelegate(PoseCardDelegate(images, view))
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Static)
    view.setUniformItemSizes(True)
    view.setSpacing(4)


class PoseCardDelegate(QStyledItemDelegate):
    def __init__(self, images: PoseImages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return CARD_SIZE

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        pose = index.data(PoseRole.POSE)
        if not isinstance(pose, Pose):
            return
        palette = option.palette
        card = QRectF(option.rect).adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = palette.color(QPalette.ColorRole.Highlight) if selected else palette.color(
            QPalette.ColorRole.Mid
        )
        painter.setPen(QPen(border, 2.0 if selected else 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, 10, 10)
        if focused:
            ring = QPen(palette.color(QPalette.ColorRole.Highlight).darker(140), 3.0)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(-1.5, -1.5, 1.5, 1.5), 11, 11)

        tile = QRectF(card.left() + PAD, card.top() + PAD, card.width() - 2 * PAD, FIGURE_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TILE_COLOR)
        painter.drawRoundedRect(tile, 7, 7)
        figure_rect = tile.adjusted(4, 4, -4, -4).toRect()
        ratio = painter.device().devicePixelRatioF()
        pixmap = self._images.pixmap(pose.id, figure_rect.size(), ratio)
        painter.drawPixmap(figure_rect.topLeft(), pixmap)
        if pose.custom:
            _badge(painter, tile, "custom", QColor("#7a4fb5"))
        if pose.per_side:
            _badge(painter, tile, "L / R", QColor("#4a6d8c"), right=True)

        text_color = palette.color(QPalette.ColorRole.Text)
        left = int(card.left() + PAD)
        width = int(card.width() - 2 * PAD)
        top = int(tile.bottom() + 6)
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(text_color)
        metrics = QFontMetrics(name_font)
        name_rect = QRect(left, top, width, metrics.height() * 2)
        painter.drawText(
            name_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            _elide_two_lines(pose.name, metrics, width),
        )
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        painter.setFont(small)
        small_metrics = QFontMetrics(small)
        hold_top = top + metrics.height() * 2 + 2
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        hold_text = pose.hold.label() + (" each side" if pose.per_side else "")
        painter.drawText(QRect(left, hold_top, width, small_metrics.height()),
                         int(Qt.AlignmentFlag.AlignLeft), hold_text)
        _tags(painter, small_metrics, left, hold_top + small_metrics.height() + 4, width,
              [area_label(a.value) for a in pose.targets], palette)
        painter.restore()


def _elide_two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    if metrics.horizontalAdvance(text) <= width * 2 - metrics.averageCharWidth() * 2:
        return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width * 2 - 12)


def _badge(painter: QPainter, tile: QRectF, text: str, color: QColor, right: bool = False) -> None:
    font = QFont(painter.font())
    font.setPixelSize(10)
    font.setBold(True)
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(text) + 10
    x = tile.right() - width - 4 if right else tile.left() + 4
    rect = QRectF(x, tile.top() + 4, width, metrics.height() + 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(rect, 6, 6)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)


def _tags(
    painter: QPainter, metrics: QFontMetrics, left: int, top: int, width: int,
    tags: list[str], palette: QPalette,
) -> None:
    x = left
    height = metrics.height() + 2
    fill = palette.color(QPalette.ColorRole.AlternateBase)
    for tag in tags:
        tag_width = metrics.horizontalAdvance(tag) + 10
        if x + tag_width > left + width:
            break
        rect = QRectF(x, top, tag_width, height)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), tag)
        x += int(tag_width) + 4
