"""Packaged figures ship pre-rendered at the card and row sizes: a cold library paints without
parsing an SVG, and a raster is never shown for an SVG it wasn't rendered from."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer

from stretchdesk import pose_images
from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.models import Pose
from stretchdesk.core.skeleton import figure_ids
from stretchdesk.drawing.sheet import images_dir, write_all_rasters
from stretchdesk.editor.delegate import STEP_FIGURE_SIZE
from stretchdesk.figure_rasters import (
    RASTER_FOLDER,
    SHIPPED_RATIOS,
    SOURCE_KEY,
    physical_size,
    raster_path,
    render_svg,
    shipped_raster,
    source_digest,
)
from stretchdesk.library.delegate import CARD_FIGURE_SIZE
from stretchdesk.mainwindow import MainWindow
from stretchdesk.pose_images import PoseImages
from tests.safety_helpers import pose_dict

pytestmark = pytest.mark.gui

SIZES = [physical_size(logical, ratio) for logical in (CARD_FIGURE_SIZE, QSize(STEP_FIGURE_SIZE, STEP_FIGURE_SIZE))
         for ratio in SHIPPED_RATIOS]


def _render(svg: Path, size: QSize) -> QImage:
    renderer = QSvgRenderer(svg.read_bytes())
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    return render_svg(renderer, size.width(), size.height())


@pytest.mark.usefixtures("qapp")
def test_every_packaged_figure_has_a_current_raster_at_every_shipped_size_and_nothing_else() -> None:
    folder = images_dir()
    for pose_id in figure_ids():
        svg = folder / f"{pose_id}.svg"
        data = svg.read_bytes()
        for size in SIZES:
            assert shipped_raster(svg, data, size) is not None, f"{pose_id} {size}: run `stretchdesk figures --write`"
    expected = {raster_path(folder / f"{pose_id}.svg", size).name for pose_id in figure_ids() for size in SIZES}
    assert {path.name for path in (folder / RASTER_FOLDER).iterdir()} == expected


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("pose_id", ["pigeon", "cat-cow", "legs-up-the-wall"])
def test_a_raster_is_the_same_picture_as_its_svg_rendered_at_that_size(pose_id: str) -> None:
    svg = images_dir() / f"{pose_id}.svg"
    for size in SIZES:
        shipped = shipped_raster(svg, svg.read_bytes(), size)
        assert shipped is not None
        assert _largest_difference(shipped, _render(svg, size)) <= 2, (pose_id, size)


def _largest_difference(a: QImage, b: QImage) -> int:
    """The largest channel difference: 0 here; a machine whose CPU takes another of Qt's
    blending paths may differ by a step or two on anti-aliased edges."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    b = b.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    assert a.size() == b.size()
    return max(abs(x - y) for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True))


def _builtin_copy(tmp_path: Path, pose_id: str) -> Path:
    folder = tmp_path / "builtin"
    (folder / RASTER_FOLDER).mkdir(parents=True)
    shutil.copy(images_dir() / f"{pose_id}.svg", folder)
    return folder


def _red_raster(folder: Path, pose_id: str, size: QSize, source: bytes) -> Path:
    """A raster that is plainly not the figure, so a test can tell which one was drawn."""
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ff0000"))
    image.setText(SOURCE_KEY, source_digest(source))
    path = raster_path(folder / f"{pose_id}.svg", size)
    assert image.save(str(path))
    return path


def _top_left(images: PoseImages, pose_id: str, ratio: float = 1.0) -> QColor:
    return images.pixmap(pose_id, CARD_FIGURE_SIZE, ratio).toImage().pixelColor(0, 0)


@pytest.mark.usefixtures("qapp")
def test_the_raster_is_drawn_only_while_its_svg_is_unchanged(tmp_path: Path) -> None:
    folder = _builtin_copy(tmp_path, "pigeon")
    svg = folder / "pigeon.svg"
    _red_raster(folder, "pigeon", CARD_FIGURE_SIZE, svg.read_bytes())
    assert _top_left(PoseImages(builtin_poses(), tmp_path, folder), "pigeon") == QColor("#ff0000")
    svg.write_bytes(svg.read_bytes().replace(b"</svg>", b"<!-- edited -->\n</svg>"))
    assert _top_left(PoseImages(builtin_poses(), tmp_path, folder), "pigeon").alpha() == 0
    # at another pixel ratio the card's raster doesn't fit either: the SVG is rendered
    assert _top_left(PoseImages(builtin_poses(), tmp_path, folder), "pigeon", 1.5).alpha() == 0


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong-size", "no-digest", "folder"])
def test_a_broken_raster_falls_back_to_the_svg(tmp_path: Path, damage: str) -> None:
    folder = _builtin_copy(tmp_path, "pigeon")
    svg = folder / "pigeon.svg"
    path = _red_raster(folder, "pigeon", CARD_FIGURE_SIZE, svg.read_bytes())
    if damage == "garbage":
        path.write_bytes(b"not a png at all")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:60])
    elif damage == "wrong-size":
        path.unlink()
        _red_raster(folder, "pigeon", QSize(10, 10), svg.read_bytes()).rename(path)
    elif damage == "no-digest":
        pixels = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        pixels.setText(SOURCE_KEY, "")
        assert pixels.save(str(path)) and QImage(str(path)).text(SOURCE_KEY) == ""
    else:
        path.unlink()
        path.mkdir()
    drawn = PoseImages(builtin_poses(), tmp_path, folder).pixmap("pigeon", CARD_FIGURE_SIZE).toImage()
    assert _largest_difference(drawn, _render(svg, CARD_FIGURE_SIZE)) == 0


@pytest.mark.usefixtures("qapp")
def test_a_custom_pose_never_uses_a_raster_beside_its_svg(tmp_path: Path) -> None:
    user = tmp_path / "images"
    (user / RASTER_FOLDER).mkdir(parents=True)
    shutil.copy(images_dir() / "pigeon.svg", user / "mine.svg")
    _red_raster(user, "mine", CARD_FIGURE_SIZE, (user / "mine.svg").read_bytes())
    pose = Pose.model_validate(pose_dict("mine", image="mine.svg", custom=True))
    images = PoseImages({**builtin_poses(), "mine": pose}, user)
    assert _top_left(images, "mine").alpha() == 0
    assert images.pixmap("mine", CARD_FIGURE_SIZE).toImage() == _render(user / "mine.svg", CARD_FIGURE_SIZE)


@pytest.mark.usefixtures("qapp")
def test_writing_the_rasters_writes_only_what_is_missing_or_stale(tmp_path: Path) -> None:
    folder = tmp_path / "images"
    folder.mkdir()
    for pose_id in figure_ids():
        shutil.copy(images_dir() / f"{pose_id}.svg", folder)
    first = write_all_rasters(folder)
    assert len(first) == len(figure_ids()) * len(SIZES)
    for written in first[:8]:
        shipped = QImage(str(images_dir() / RASTER_FOLDER / written.name))
        assert QImage(str(written)).text(SOURCE_KEY) == shipped.text(SOURCE_KEY)
        assert _largest_difference(QImage(str(written)), shipped) <= 2
    assert write_all_rasters(folder) == []
    (folder / "pigeon.svg").write_bytes((folder / "pigeon.svg").read_bytes() + b"\n")
    rewritten = write_all_rasters(folder)
    assert sorted(path.name for path in rewritten) == sorted(f"pigeon@{s.width()}x{s.height()}.png" for s in SIZES)


def test_a_cold_builder_paints_its_library_cards_and_routine_rows_without_parsing_an_svg(
    window: MainWindow,
) -> None:
    """The window renders every packaged figure it shows from its shipped raster."""
    window.images.refresh()
    requested: list[tuple[str, int, int]] = []
    pixmap = PoseImages.pixmap

    def recording(self: PoseImages, pose_id: str, size: QSize | int, ratio: float = 1.0,
                  mirrored: bool = False) -> object:
        logical = size if isinstance(size, QSize) else QSize(size, size)
        requested.append((pose_id, logical.width(), logical.height()))
        return pixmap(self, pose_id, size, ratio, mirrored)

    with mock.patch.object(pose_images, "render_svg", side_effect=AssertionError("parsed an SVG")), \
            mock.patch.object(PoseImages, "pixmap", recording):
        window.grab()
    sizes = {(w, h) for _, w, h in requested}
    assert (CARD_FIGURE_SIZE.width(), CARD_FIGURE_SIZE.height()) in sizes
    assert (STEP_FIGURE_SIZE, STEP_FIGURE_SIZE) in sizes, "no routine rows painted"
    assert len({pose_id for pose_id, _, _ in requested}) >= 10
