"""The pose detail dialog: what a runner reads before adding a pose."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton, QTextBrowser
from pytestqt.qtbot import QtBot

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.library.detail import PoseDetailDialog, pose_html
from stretchdesk.pose_images import PoseImages


def test_sided_steps_say_they_are_for_the_right_side() -> None:
    poses = builtin_poses()
    assert "Steps (right side; the left mirrors them)" in pose_html(poses["pigeon"])
    childs = pose_html(poses["childs-pose"])
    assert "<h3>Steps</h3>" in childs and "right side" not in childs


def test_dialog_shows_figure_text_and_add_button(qtbot: QtBot, tmp_path: Path) -> None:
    poses = builtin_poses()
    images = PoseImages(poses, tmp_path)
    added: list[str] = []
    dialog = PoseDetailDialog(poses["low-lunge"], images, True)
    qtbot.addWidget(dialog)
    dialog.add_requested.connect(added.append)
    text = dialog.findChild(QTextBrowser, "poseDetailText")
    assert text is not None
    plain = text.toPlainText()
    assert "Low Lunge" in plain and "Hold:" in plain and "on each side" in plain
    dialog.show()
    qtbot.waitExposed(dialog)
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add to routine")
    assert add.isEnabled()
    add.click()
    assert added == ["low-lunge"]
    assert not dialog.isVisible()
