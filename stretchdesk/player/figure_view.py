"""The big figure: the live figure model where a pose has one, else its picture.

During a transition the figure morphs from the pose just held into the next
one; a moving pose (reps) cycles through its keyframes once per rep. Without
a live figure, a transition cross-fades the two pictures instead.

Painting a full-screen frame on a 4K TV is costly, so the view paints as little
as it can: a held pose is drawn once (anti-aliased) into a pixmap the size of the
widget and only copied afterwards; while the figure moves, each frame repaints
only the pixels the figure covered before and covers now, and on large screens
it fills those shapes without anti-aliasing (a pixel there is a sliver of the
outline; anti-aliasing made a 4K frame cost 10-20 times more).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.core.figure_scene import FigureScene
from stretchdesk.player.figure_motion import FigureMotion
from stretchdesk.pose_images import PoseImages

CARD = QColor("#f3f1ec")
RETRY_MS = 100
FAST_FROM_HEIGHT = 1400  # device pixels: from 1440p-class screens up, moving frames skip anti-aliasing


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
        self._still: tuple[tuple[object, ...], QPixmap] | None = None
        self._drawn: tuple[tuple[object, ...], QRectF] | None = None  # last moving frame: camera, pixels
        self._full_pending = False
        # while figures are built in the background the picture shows; look again soon
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._update_all)
        images.images_changed.connect(self._update_all)

    def scene(self) -> FigureScene:
        return self._scene

    def set_scene(self, scene: FigureScene) -> None:
        if scene == self._scene:
            return
        before, self._scene = self._scene, scene
        key = self._picture_key(scene)
        if key is not None and key == self._picture_key(before):
            return  # a held pose whose clock moved on: the same picture
        drawn = self._drawn
        if key is None and drawn is not None and drawn[0] == self._camera(scene) and not self._full_pending:
            now = self._live.device_bounds(scene, self._figure_rect())
            if now is not None:
                # the patch is filled opaque by paintEvent: Qt need not paint what is behind it
                self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
                self.update(drawn[1].united(now).toAlignedRect())
                return
        self._update_all()

    def _update_all(self) -> None:
        """Repaint everything, rounded corners (and what shows through them) included."""
        self._full_pending = True
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.update()

    def _picture_key(self, scene: FigureScene) -> tuple[object, ...] | None:
        """What a still picture depends on; None while the figure moves with time."""
        if scene.pose_id is None:
            return ("none",)
        if self._live.moving(scene):
            return None
        crossfade = (scene.from_pose_id, scene.from_mirrored, scene.blend) if (
            scene.from_pose_id and scene.blend < 1.0) else None
        return (scene.pose_id, scene.mirrored, scene.glow, crossfade)

    def _camera(self, scene: FigureScene) -> tuple[object, ...]:
        morph = scene.from_pose_id if scene.from_pose_id and scene.blend < 1.0 else None
        return (scene.pose_id, morph, scene.mirrored, scene.glow, self.size(), self.devicePixelRatioF())

    def _figure_rect(self) -> QRectF:
        card = QRectF(self.rect())
        pad = min(card.width(), card.height()) * 0.06
        return card.adjusted(pad, pad, -pad, -pad)

    def is_live(self) -> bool:
        """True when the current pose is drawn from the figure model, not a picture."""
        return self._scene.pose_id is not None and self._live.has(self._scene.pose_id)

    def sizeHint(self) -> QSize:
        return QSize(800, 700)

    def paintEvent(self, event: QPaintEvent) -> None:
        # opaque only for the patch set_scene asked for; any other repaint shows the corners
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        scene = self._scene
        self._drawn = None
        self._full_pending = False
        if scene.pose_id is None:
            return
        painter = QPainter(self)
        key = self._picture_key(scene)
        if key is not None and key[3] is None and self._live.has(scene.pose_id):
            painter.drawPixmap(0, 0, self._still_pixmap(key))
            painter.end()
            return
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        card = QRectF(self.rect())
        radius = min(card.width(), card.height()) * 0.05
        if card.adjusted(radius, radius, -radius, -radius).contains(QRectF(event.rect())):
            painter.fillRect(event.rect(), CARD)  # a moving frame's patch, clear of the corners
        else:
            self._paint_card(painter)
        rect = self._figure_rect()
        fast = rect.height() * self.devicePixelRatioF() >= FAST_FROM_HEIGHT
        if self._live.paint(painter, rect, scene, fast=fast):
            painter.end()
            bounds = self._live.device_bounds(scene, rect)
            if bounds is not None:
                self._drawn = (self._camera(scene), bounds)
            return
        morphing = scene.from_pose_id is not None and scene.blend < 1.0
        if morphing and scene.from_pose_id is not None:
            painter.setOpacity(1.0 - scene.blend)
            self._draw_picture(painter, rect, scene.from_pose_id, scene.from_mirrored)
            painter.setOpacity(scene.blend)
        self._draw_picture(painter, rect, scene.pose_id, scene.mirrored, glow=bool(scene.glow))
        painter.end()
        if self._live.pending():
            self._retry.start()

    def _paint_card(self, painter: QPainter) -> None:
        card = QRectF(self.rect())
        radius = min(card.width(), card.height()) * 0.05
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CARD)
        painter.drawRoundedRect(card, radius, radius)

    def _still_pixmap(self, key: tuple[object, ...]) -> QPixmap:
        """A held pose drawn once, anti-aliased, at the widget's size."""
        full = (key, self.size(), self.devicePixelRatioF())
        if self._still is None or self._still[0] != full:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_card(painter)
            self._live.paint(painter, self._figure_rect(), self._scene)
            painter.end()
            self._still = (full, pixmap)
        return self._still[1]

    def _draw_picture(self, painter: QPainter, rect: QRectF, pose_id: str, mirrored: bool,
                      glow: bool = False) -> None:
        """The pose's packaged picture while its live figure isn't ready: lit as the live
        figure would be, so the glow doesn't pop in when the live figure takes over."""
        size = QSize(round(rect.width()), round(rect.height()))
        pixmap = self._images.pixmap(pose_id, size, self.devicePixelRatioF(), mirrored, glow=glow)
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


