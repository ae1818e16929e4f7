"""The big figure repaints only what changes: nothing while a held pose's clock runs,
the figure's patch while it moves; and what it leaves on screen is what a full
repaint draws (no trails)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.figure_scene import FigureScene
from stretchdesk.player.figure_motion import FigureMotion
from stretchdesk.player.figure_view import FigureView
from stretchdesk.pose_images import PoseImages
from tests.helpers import warm_pixels


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())  # type: ignore[attr-defined]
        return False


def _view(qtbot: Any, tmp_path: Path, width: int, height: int, play: tuple[str, ...] = ()) -> tuple[FigureView, Paints]:
    """The view, its figures (and their rep and morph tracks) built by the helper for `play`."""
    live = FigureMotion(enabled=True)
    if play:
        live.prepare(play)
        assert live.wait(120)
    view = FigureView(PoseImages(builtin_poses(), tmp_path), live)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    paints = Paints()
    view.installEventFilter(paints)
    return view, paints


def _settle() -> None:
    QApplication.processEvents()


def test_a_held_pose_is_painted_once_while_its_clock_runs(qtbot: Any, tmp_path: Path) -> None:
    view, paints = _view(qtbot, tmp_path, 640, 480)
    view.set_scene(FigureScene("pigeon", elapsed=0.0, glow=("hips",)))
    _settle()
    assert view.is_live() and len(paints.rects) == 1
    for second in range(1, 6):
        view.set_scene(FigureScene("pigeon", elapsed=float(second), glow=("hips",)))
        _settle()
    assert len(paints.rects) == 1


MORPH = [FigureScene("childs-pose", from_pose_id="cat-cow", blend=step / 24) for step in range(12)]
REPS = [FigureScene("glute-bridge", elapsed=step * 0.4, rep_seconds=4.0, glow=("glutes", "hip-flexors"))
        for step in range(12)]


@pytest.mark.parametrize("scenes", [MORPH, REPS], ids=["morph", "reps-with-glow"])
def test_a_moving_figure_repaints_its_patch_and_leaves_no_trail(
    qtbot: Any, tmp_path: Path, scenes: list[FigureScene]
) -> None:
    play = (scenes[0].from_pose_id or scenes[0].pose_id or "", scenes[0].pose_id or "")
    view, paints = _view(qtbot, tmp_path, 1700, 1600, play)  # big enough for the fast (no AA) fill
    view.set_scene(scenes[0])
    _settle()
    paints.rects.clear()
    for scene in scenes[1:]:
        view.set_scene(scene)
        _settle()
    assert len(paints.rects) == 11
    full = view.rect()
    assert all(r != full and r.width() * r.height() < full.width() * full.height() * 0.7 for r in paints.rects)
    on_screen = view.screen().grabWindow(view.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)
    repainted = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert on_screen.size() == repainted.size()
    inside = view.rect().adjusted(100, 100, -100, -100)  # clear of the rounded corners
    assert on_screen.copy(inside) == repainted.copy(inside)


def test_the_picture_shown_before_the_live_figure_is_ready_glows_on_a_hold(qtbot: Any, tmp_path: Path) -> None:
    """The live figure lights a hold's target areas; the packaged picture standing in for
    it until the helper has built it is lit too, so the glow doesn't pop in."""
    live = FigureMotion(enabled=False)  # never ready: the picture is all there is
    view = FigureView(PoseImages(builtin_poses(), tmp_path), live)
    qtbot.addWidget(view)
    view.resize(480, 360)
    view.show()
    qtbot.waitExposed(view)
    view.set_scene(FigureScene("butterfly"))
    _settle()
    assert not view.is_live()
    plain = warm_pixels(view.grab().toImage())
    view.set_scene(FigureScene("butterfly", glow=("adductors", "hips")))
    _settle()
    assert warm_pixels(view.grab().toImage()) > plain + 100
