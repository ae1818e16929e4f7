"""A custom image dropped into the data dir by hand can't freeze or exhaust the app:
bombs and odd files are drawn as the placeholder, and the window still opens."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from stretchdesk.core.catalog import Catalog, builtin_poses
from stretchdesk.core.models import Pose
from stretchdesk.pose_images import PoseImages
from tests.safety_helpers import fan_out_svg, png, png_header_only, pose_dict

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("kind", ["svg-fan-out", "png-gigapixels", "fifo", "device", "real"])
def test_a_hostile_custom_image_paints_as_the_placeholder(qtbot: QtBot, tmp_path: Path, kind: str) -> None:
    user = tmp_path / "images"
    user.mkdir()
    name = "bomb.svg" if kind == "svg-fan-out" else "bomb.png"
    path = user / name
    if kind == "svg-fan-out":
        path.write_bytes(fan_out_svg())
    elif kind == "png-gigapixels":
        path.write_bytes(png_header_only(60_000, 60_000))
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 5))
    else:
        path.write_bytes(png(8, 8, shade=0))
    pose = Pose.model_validate(pose_dict("bomb", image=name, custom=True))
    images = PoseImages(Catalog(builtin_poses(), {"bomb": pose}), user)
    placeholder = PoseImages(Catalog(builtin_poses(), {"bomb": pose.model_copy(update={"image": None})}), user)
    drawn = images.pixmap("bomb", QSize(64, 64)).toImage()
    expected = placeholder.pixmap("bomb", QSize(64, 64)).toImage()
    assert (drawn == expected) is (kind != "real")
