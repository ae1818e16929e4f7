"""The player's figures are built off the GUI thread, only for the routine's poses."""

from __future__ import annotations

import threading
from typing import Any

from stretchdesk.player.live_figures import LiveFigures
from tests.player.conftest import Rig


def test_a_pose_being_built_shows_its_picture_instead_of_waiting() -> None:
    release = threading.Event()
    built: list[str] = []
    live = LiveFigures()

    def slow_figure(pose_id: str) -> object:
        release.wait(5)
        built.append(pose_id)
        return f"figure of {pose_id}"

    live._pose_figure = slow_figure
    live.prepare(["pigeon", "butterfly", "pigeon"])
    assert live.pending()
    assert live.figure("pigeon") is None  # answered at once: the worker is still on it
    release.set()
    assert live.wait(5)
    assert built == ["pigeon", "butterfly"]
    assert live.figure("butterfly") == "figure of butterfly" and not live.pending()


def test_closing_drops_what_is_not_built_and_joins_the_worker() -> None:
    release = threading.Event()
    live = LiveFigures()
    built: list[str] = []

    def slow_figure(pose_id: str) -> object:
        release.wait(5)
        built.append(pose_id)
        return pose_id

    live._pose_figure = slow_figure
    live.prepare(["a", "b", "c"])
    release.set()
    assert live.close(5)
    assert len(built) <= 1 and not live.pending()


def test_play_builds_only_the_routines_figures(qtbot: Any, rig: Rig) -> None:
    player = rig.play("builtin-post-run-hips-quickie")
    live = rig.launcher._live_figures()
    assert live.wait(60)
    poses = {s.pose for s in player.session.segments if s.pose}
    assert set(live._cache) == poses
    player.start()
    qtbot.waitUntil(player.audience.figure.is_live)
