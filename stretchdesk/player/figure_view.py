"""The big figure: the live figure model where a pose has one, else its picture.

During a transition the figure morphs from the pose just held into the next
one; a moving pose (reps) cycles through its keyframes once per rep. Without
a live figure, a transition cross-fades the two pictures instead.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.core.player_view import FigureScene
from stretchdesk.player.figure_motion import FigureMotion
from stretchdesk.pose_images import PoseImages

CARD = QColor("#f3f1ec")
RETRY_MS = 100


class FigureView(QWidget):
    def __init__(
        self, images: PoseImages, live: FigureMotion, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playerFigure")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._images = images
        self._live = live
        self._scene = FigureScene(None)
        # while figures are built in the background the picture shows; look again soon
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.update)
        images.images_changed.connect(self.update)

    def scene(self) -> FigureScene:
        return self._scene

    def set_scene(self, scene: FigureScene) -> None:
        if scene != self._scene:
            self._scene = scene
            self.update()

    def is_live(self) -> bool:
        """True when the current pose is drawn from the figure model, not a picture."""
        return self._scene.pose_id is not None and self._live.has(self._scene.pose_id)

    def sizeHint(self) -> QSize:
        return QSize(800, 700)

    def paintEvent(self, event: QPaintEvent) -> None:
        scene = self._scene
        if scene.pose_id is None:
            return
        painter = QPainter(self)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        card = QRectF(self.rect())
        radius = min(card.width(), card.height()) * 0.05
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CARD)
        painter.drawRoundedRect(card, radius, radius)
        pad = min(card.width(), card.height()) * 0.06
        rect = card.adjusted(pad, pad, -pad, -pad)
        if self._live.paint(painter, rect, scene):
            painter.end()
            return
        morphing = scene.from_pose_id is not None and scene.blend < 1.0
        if morphing and scene.from_pose_id is not None:
            painter.setOpacity(1.0 - scene.blend)
            self._draw_picture(painter, rect, scene.from_pose_id, scene.from_mirrored)
            painter.setOpacity(scene.blend)
        self._draw_picture(painter, rect, scene.pose_id, scene.mirrored)
        painter.end()
        if self._live.pending():
            self._retry.start()

    def _draw_picture(self, painter: QPainter, rect: QRectF, pose_id: str, mirrored: bool) -> None:
        size = QSize(round(rect.width()), round(rect.height()))
        pixmap = self._images.pixmap(pose_id, size, self.devicePixelRatioF(), mirrored)
        painter.drawPixmap(rect.topLeft(), pixmap)


def thumbnail_rect(widget: QWidget) -> QRectF:
    side = min(widget.width(), widget.height())
    return QRectF(0, 0, side, side).translated(
        (widget.width() - side) / 2, (widget.height() - side) / 2
    )


class Thumbnail(QWidget):
    """The next pose's picture, small."""

    def __init__(self, images: PoseImages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._pose_id: str | None = None
        self._mirrored = False
        images.images_changed.connect(self.update)

    def set_pose(self, pose_id: str | None, mirrored: bool) -> None:
        if (pose_id, mirrored) != (self._pose_id, self._mirrored):
            self._pose_id, self._mirrored = pose_id, mirrored
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pose_id is None:
            return
        painter = QPainter(self)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        rect = thumbnail_rect(self)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CARD)
        painter.drawRoundedRect(rect, rect.width() * 0.08, rect.width() * 0.08)
        rect = rect.adjusted(6, 6, -6, -6)
        size = QSize(round(rect.width()), round(rect.height()))
        pixmap = self._images.pixmap(self._pose_id, size, self.devicePixelRatioF(), self._mirrored)
        painter.drawPixmap(rect.topLeft(), pixmap)
        painter.end()


