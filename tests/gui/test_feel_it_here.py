"""View › Show where you feel it: the builder's packaged figures with their target areas lit,
off by default, remembered, never applied to a user's own picture."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QImage
from pytestqt.qtbot import QtBot

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.models import Pose
from stretchdesk.drawing import sheet
from stretchdesk.figure_rasters import GLOW_FOLDER, glow_variant
from stretchdesk.library.delegate import CARD_FIGURE_SIZE
from stretchdesk.library.detail import FIGURE_SIZE
from stretchdesk.pose_images import PoseImages
from tests.gui.conftest import WindowFactory
from tests.helpers import warm_pixels
from tests.safety_helpers import pose_dict

pytestmark = pytest.mark.gui


def _card(images: PoseImages, pose_id: str) -> QImage:
    return images.pixmap(pose_id, CARD_FIGURE_SIZE).toImage()


@pytest.mark.usefixtures("qapp")
def test_glow_lights_a_packaged_figure_and_off_again_restores_it(tmp_path: Path, qtbot: QtBot) -> None:
    images = PoseImages(builtin_poses(), tmp_path)
    plain = _card(images, "butterfly")
    with qtbot.waitSignal(images.images_changed):
        images.set_glow(True)
    lit = _card(images, "butterfly")
    assert lit != plain
    assert warm_pixels(lit) > warm_pixels(plain) + 20
    detail = images.pixmap("butterfly", QSize(FIGURE_SIZE, FIGURE_SIZE)).toImage()
    assert warm_pixels(detail) > 100
    images.set_glow(False)
    assert _card(images, "butterfly") == plain


@pytest.mark.usefixtures("qapp")
def test_a_users_own_picture_is_never_lit(tmp_path: Path) -> None:
    user = tmp_path / "images"
    (user / GLOW_FOLDER).mkdir(parents=True)
    shutil.copy(sheet.images_dir() / "butterfly.svg", user / "mine.svg")
    shutil.copy(glow_variant(sheet.images_dir() / "butterfly.svg"), glow_variant(user / "mine.svg"))
    pose = Pose.model_validate(pose_dict("mine", image="mine.svg", custom=True))
    images = PoseImages({**builtin_poses(), "mine": pose}, user)
    plain = _card(images, "mine")
    images.set_glow(True)
    assert _card(images, "mine") == plain


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("damage", ["missing", "not-gzip", "truncated"])
def test_a_missing_or_broken_glow_variant_shows_the_plain_figure(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "builtin"
    (folder / GLOW_FOLDER).mkdir(parents=True)
    shutil.copy(sheet.images_dir() / "butterfly.svg", folder)
    variant = glow_variant(folder / "butterfly.svg")
    if damage == "not-gzip":
        variant.write_bytes(b"<svg>not compressed</svg>")
    elif damage == "truncated":
        variant.write_bytes(glow_variant(sheet.images_dir() / "butterfly.svg").read_bytes()[:200])
    plain = _card(PoseImages(builtin_poses(), tmp_path, folder), "butterfly")
    images = PoseImages(builtin_poses(), tmp_path, folder)
    images.set_glow(True)
    assert _card(images, "butterfly") == plain


@pytest.mark.usefixtures("qapp")
def test_writing_rewrites_a_variant_only_when_its_drawing_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet, "figure_ids", lambda: ("butterfly", "cat-cow"))
    assert len(sheet.write_all_svgs(tmp_path)) == 4
    variant = glow_variant(tmp_path / "butterfly.svg")
    content = gzip.decompress(variant.read_bytes())
    variant.write_bytes(gzip.compress(content, compresslevel=1))  # another zlib's bytes, same drawing
    assert sheet.write_all_svgs(tmp_path) == []
    variant.write_bytes(b"garbage")
    assert sheet.write_all_svgs(tmp_path) == [variant]
    assert gzip.decompress(variant.read_bytes()) == content


def test_the_view_menu_option_is_off_by_default_and_remembered(make_window: WindowFactory) -> None:
    window = make_window()
    action = window.findChild(QAction, "feelItHereAction")
    assert action is not None and action.isCheckable() and not action.isChecked()
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&Routine", "&View", "&Play", "&Help"]
    plain = _card(window.images, "cat-cow")
    action.trigger()
    assert window.images.glow()
    assert warm_pixels(_card(window.images, "cat-cow")) > warm_pixels(plain) + 20
    window.close()
    again = make_window()
    restored = again.findChild(QAction, "feelItHereAction")
    assert restored is not None and restored.isChecked() and again.images.glow()
    restored.trigger()
    assert not again.images.glow()
    assert _card(again.images, "cat-cow") == plain
