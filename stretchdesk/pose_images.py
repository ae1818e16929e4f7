"""Pose figures rendered to pixmaps once and reused by every view.

`PoseImages.pixmap(pose_id, size, device_pixel_ratio, mirrored)` is the whole
API: it finds the pose's image (a packaged SVG in resources/images, or a custom
pose's PNG/JPG/SVG in the data dir's images folder), renders it crisp for the
screen's pixel ratio, caches the result, and falls back to a neutral
placeholder while a figure is missing. Figures that appear or change on disk
are picked up on the fly; `images_changed` tells views to repaint.
"""

from __future__ import annotations

import gzip
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPixmap, QTransform
from PySide6.QtSvg import QSvgRenderer

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.imagecheck import MAX_IMAGE_BYTES, image_problem
from stretchdesk.core.models import Pose
from stretchdesk.core.paths import resource
from stretchdesk.core.safeio import read_regular_file
from stretchdesk.figure_rasters import fit, glow_variant, physical_size, render_svg, shipped_raster

CACHE_LIMIT = 1500
TILE_COLOR = QColor("#f3f1ec")
FIGURE_COLOR = QColor("#b9b4aa")

_CacheKey = tuple[str, int, int, float, bool, bool]


class PoseImages(QObject):
    """Shared, cached pose figures; one instance per window (or per app)."""

    images_changed = Signal()

    def __init__(
        self,
        catalog: Mapping[str, Pose],
        user_images_dir: Path,
        builtin_images_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._user_dir = user_images_dir
        self._builtin_dir = builtin_images_dir or resource("images")
        self._pixmaps: OrderedDict[_CacheKey, QPixmap] = OrderedDict()
        self._glow = False
        self._watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self._watcher.directoryChanged.connect(self._debounce.start)
        self._watcher.fileChanged.connect(self._debounce.start)
        self._watch()

    def set_catalog(self, catalog: Mapping[str, Pose]) -> None:
        """Use a new catalog (custom poses added or reloaded) and drop stale figures."""
        self._catalog = catalog
        self.refresh()

    def glow(self) -> bool:
        return self._glow

    def set_glow(self, on: bool) -> None:
        """Show the packaged figures with their "feel it here" glow over the muscles each
        pose works (a user's own pictures have none and stay as they are)."""
        if on != self._glow:
            self._glow = on
            self.refresh()

    def refresh(self) -> None:
        """Forget every rendered figure so the next paint reads the files again."""
        self._pixmaps.clear()
        self._watch()
        self.images_changed.emit()

    def image_path(self, pose_id: str) -> Path | None:
        """The file a pose's figure comes from, or None when it doesn't exist (yet)."""
        pose = self._catalog.get(pose_id)
        if pose is None or not pose.image:
            return None
        folder = self._user_dir if pose.custom else self._builtin_dir
        path = folder / pose.image
        return path if path.is_file() else None

    def pixmap(
        self,
        pose_id: str,
        size: QSize | int,
        device_pixel_ratio: float = 1.0,
        mirrored: bool = False,
        glow: bool | None = None,
    ) -> QPixmap:
        """The pose's figure fitted into `size` (logical pixels), crisp at the given ratio.

        `mirrored` flips it horizontally, for showing the left side of a one-sided pose;
        `glow` overrides the view-wide set_glow for this picture (the player lights a hold).
        """
        logical = size if isinstance(size, QSize) else QSize(size, size)
        lit = self._glow if glow is None else glow
        key = (pose_id, logical.width(), logical.height(), device_pixel_ratio, mirrored, lit)
        cached = self._pixmaps.get(key)
        if cached is not None:
            self._pixmaps.move_to_end(key)
            return cached
        image = self._render(pose_id, logical, device_pixel_ratio, lit)
        if mirrored:
            image = image.transformed(QTransform().scale(-1, 1))
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(device_pixel_ratio)
        self._pixmaps[key] = pixmap
        if len(self._pixmaps) > CACHE_LIMIT:
            self._pixmaps.popitem(last=False)
        return pixmap

    def _render(self, pose_id: str, logical: QSize, ratio: float, glow: bool) -> QImage:
        size = physical_size(logical, ratio)
        source = self._source(pose_id, size, glow)
        if isinstance(source, QSvgRenderer):
            return render_svg(source, size.width(), size.height())
        if isinstance(source, QImage) and source.size() == size:
            return source.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        if isinstance(source, QImage):
            painter.drawImage(fit(source.width(), source.height(), size.width(), size.height()), source)
        else:
            pose = self._catalog.get(pose_id)
            draw_placeholder(painter, QRectF(0, 0, size.width(), size.height()), pose.name if pose else "?")
        painter.end()
        return image

    def _is_builtin(self, pose_id: str) -> bool:
        pose = self._catalog.get(pose_id)
        return pose is not None and not pose.custom

    def _source(self, pose_id: str, size: QSize, glow: bool) -> QSvgRenderer | QImage | None:
        """Parsed afresh each time: only the pixmaps are cached, since a parsed SVG
        costs far more memory than re-reading it (a few MB across a library's worth).
        A packaged figure pre-rendered at exactly this size skips the parse."""
        path = self.image_path(pose_id)
        if path is None:
            return None
        builtin = self._is_builtin(pose_id)
        if glow and builtin and path.suffix.lower() == ".svg":
            lit = _load(glow_variant(path), untrusted=False, size=size)
            if lit is not None:  # a missing or broken variant shows the plain figure
                return lit
        return _load(path, untrusted=not builtin, size=size)

    def _watch(self) -> None:
        wanted = [str(p) for p in (self._builtin_dir, self._user_dir) if p.is_dir()]
        for folder in (self._builtin_dir, self._user_dir):
            if folder.is_dir():
                wanted += [str(p) for p in folder.iterdir() if p.suffix.lower() in _SUFFIXES]
        known = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [path for path in wanted if path not in known]
        if missing:
            self._watcher.addPaths(missing)


_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}


def _load(path: Path, untrusted: bool, size: QSize) -> QSvgRenderer | QImage | None:
    """Read a figure; a half-written or broken file counts as missing, quietly.

    A user's image (it may have been dropped into the data dir by hand) is read only
    if it is a regular file within the size limit, and decoded only if it passes the
    bomb checks, so one hostile picture can't freeze or exhaust the app. A packaged SVG
    comes back as its shipped raster when one matches it at `size`."""
    try:
        data = read_regular_file(path, MAX_IMAGE_BYTES) if untrusted else path.read_bytes()
    except (OSError, StretchDeskError):
        return None
    if untrusted and image_problem(data, path.name) is not None:
        return None
    suffix = path.suffix.lower()
    if suffix == ".svgz" and not untrusted:  # a packaged figure's glowing variant
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return None
    if suffix in {".svg", ".svgz"}:
        shipped = None if untrusted else shipped_raster(path, data, size)
        if shipped is not None:
            return shipped
        if b"<svg" not in data[:4096] or b"</svg>" not in data[-512:]:
            return None
        renderer = QSvgRenderer(data)
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        return renderer if renderer.isValid() else None
    image = QImage.fromData(data)
    return None if image.isNull() else image


def draw_placeholder(painter: QPainter, rect: QRectF, name: str) -> None:
    """A calm stand-in figure: a tile, a simple silhouette and the pose's initials."""
    side = min(rect.width(), rect.height())
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TILE_COLOR)
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), side * 0.08, side * 0.08)
    cx, top = rect.center().x(), rect.top() + rect.height() * 0.16
    unit = side * 0.11
    pen = QPen(FIGURE_COLOR, max(1.5, unit * 0.45))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(cx, top + unit * 0.6), unit * 0.6, unit * 0.6)
    body = QPainterPath(QPointF(cx, top + unit * 1.4))
    body.lineTo(cx, top + unit * 3.6)
    body.moveTo(cx - unit * 1.4, top + unit * 2.0)
    body.lineTo(cx, top + unit * 1.9)
    body.lineTo(cx + unit * 1.4, top + unit * 2.0)
    body.moveTo(cx - unit * 1.0, top + unit * 5.4)
    body.lineTo(cx, top + unit * 3.6)
    body.lineTo(cx + unit * 1.0, top + unit * 5.4)
    painter.drawPath(body)
    initials = "".join(word[0] for word in name.split()[:3] if word[:1].isalnum()).upper()
    if initials and side >= 48:
        font = QFont()
        font.setPixelSize(max(8, round(side * 0.1)))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            rect.adjusted(0, 0, 0, -side * 0.04),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            initials,
        )
    painter.restore()
