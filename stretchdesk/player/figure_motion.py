"""Adapter to the figure model (stretchdesk.core.skeleton) and its painter
(stretchdesk.drawing.render), so the player can animate poses that have one.

Poses without a figure (custom poses, or before the model covers a pose) fall
back to their picture; the player never depends on the model being complete.

Figures are built per pose on first use, and some take seconds (the foam roller
searches thousands of shapes). So `prepare()` builds a routine's figures in a
helper process (figure_helper.py, run with QProcess), in the order they play,
while the player shows each pose's picture until its figure is ready. A
process, not a thread: a thread solving in pure Python holds the GIL and made
every paint on the GUI thread wait (measured: 60-300 ms stalls).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QProcess, QProcessEnvironment, QRectF
from PySide6.QtGui import QPainter

from stretchdesk.player.figure_helper import read_frames

World = tuple[float, float, float, float]
JOIN_TIMEOUT_S = 2.0

if TYPE_CHECKING:
    from stretchdesk.core.player_view import FigureScene


def _helper_environment() -> QProcessEnvironment:
    """The helper imports stretchdesk from wherever this copy of it lives."""
    env = QProcessEnvironment.systemEnvironment()
    root = str(Path(__file__).resolve().parents[2])
    paths = [root, *[p for p in env.value("PYTHONPATH", "").split(os.pathsep) if p]]
    env.insert("PYTHONPATH", os.pathsep.join(paths))
    return env


class FigureMotion:
    def __init__(self, enabled: bool = True) -> None:
        self._pose_figure: Callable[[str], Any] | None = None
        self._interpolate: Callable[[Any, Any, float], Any] | None = None
        self._transition: Callable[[Any, Any, float], Any] | None = None
        self._paint: Callable[..., Any] | None = None
        self._bounds: Callable[[Any], World] | None = None
        self._cache: dict[str, Any] = {}
        self._worlds: dict[str, World] = {}
        self._pending: list[str] = []
        self._process: QProcess | None = None
        self._received = bytearray()
        self._enabled = enabled
        self._loaded = False

    def _load(self) -> None:
        """Import the figure model and painter, on the first frame that needs them."""
        if self._loaded or not self._enabled:
            return
        self._loaded = True
        try:
            from stretchdesk.core.skeleton import interpolate, pose_figure, transition
            from stretchdesk.drawing.render import paint_figure, world_bounds
        except ImportError:
            return
        self._pose_figure, self._interpolate, self._transition = pose_figure, interpolate, transition
        self._paint, self._bounds = paint_figure, world_bounds

    @property
    def available(self) -> bool:
        return self._paint is not None

    # -- building --------------------------------------------------------------

    def prepare(self, pose_ids: Iterable[str]) -> None:
        """Build these poses' figures in a helper process, first ones first."""
        if not self._enabled:
            return
        self._collect()
        wanted = [p for p in dict.fromkeys(pose_ids) if p not in self._cache]
        if not wanted or wanted == self._pending:
            return
        self._stop_process()
        self._pending = wanted
        process = QProcess()
        process.setProcessEnvironment(_helper_environment())
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.start(sys.executable, ["-m", "stretchdesk.player.figure_helper", *wanted])
        self._process = process

    def _collect(self) -> None:
        """Take in the figures the helper has sent so far (a few small pickles)."""
        process = self._process
        if process is None:
            return
        self._received += process.readAllStandardOutput().data()
        for pose_id, figure in read_frames(self._received):
            self._cache[pose_id] = figure
            if pose_id in self._pending:
                self._pending.remove(pose_id)
        if not self._pending:
            self._stop_process()
        elif process.state() is QProcess.ProcessState.NotRunning and not process.bytesAvailable():
            self._pending.clear()  # the helper ended or died: build the rest on demand
            self._stop_process()

    def pending(self) -> bool:
        """True while the helper still has figures to build."""
        self._collect()
        return bool(self._pending)

    def wait(self, timeout: float = JOIN_TIMEOUT_S) -> bool:
        """Wait until every prepared figure arrived (tests); True when none is pending."""
        deadline = time.monotonic() + timeout
        while self.pending():
            process, remaining = self._process, deadline - time.monotonic()
            if process is None or remaining <= 0:
                break
            process.waitForReadyRead(max(1, round(remaining * 1000)))
        return not self.pending()

    def close(self, timeout: float = JOIN_TIMEOUT_S) -> bool:
        """Stop the helper (whatever it is building) and reap it; True once it is gone."""
        self._pending.clear()
        return self._stop_process(timeout)

    def _stop_process(self, timeout: float = JOIN_TIMEOUT_S) -> bool:
        process, self._process = self._process, None
        self._received.clear()
        if process is None:
            return True
        if process.state() is not QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(round(timeout * 1000))
        ended = process.state() is QProcess.ProcessState.NotRunning
        process.deleteLater()
        return ended

    def _build(self, pose_id: str) -> Any:
        self._load()
        if self._pose_figure is None:
            return None
        try:
            return self._pose_figure(pose_id)
        except (KeyError, LookupError, ValueError):
            return None

    def figure(self, pose_id: str) -> Any:
        """The pose's PoseFigure; None when it has none or the helper has not sent it yet."""
        self._collect()
        if pose_id in self._cache:
            self._load()
            return self._cache[pose_id]
        if pose_id in self._pending:
            return None  # being built by the helper: the picture shows meanwhile
        figure = self._cache[pose_id] = self._build(pose_id)
        return figure

    def has(self, pose_id: str) -> bool:
        return self.figure(pose_id) is not None

    # -- drawing ---------------------------------------------------------------

    def _world(self, pose_id: str) -> World:
        if pose_id not in self._worlds and self._bounds is not None:
            self._worlds[pose_id] = self._bounds(self.figure(pose_id))
        return self._worlds[pose_id]

    def frame(self, scene: FigureScene) -> tuple[Any, World | None] | None:
        """The body to draw now and the camera box: a keyframe blend at the rep pace,
        morphed from the previous pose while a transition runs."""
        if scene.pose_id is None or self._interpolate is None:
            return None
        pose = self.figure(scene.pose_id)
        if pose is None:
            return None
        keys = list(pose.keyframes)
        body = pose.figure
        world: World | None = None
        if scene.rep_seconds and len(keys) > 1:
            cycle = (scene.elapsed % scene.rep_seconds) / scene.rep_seconds * len(keys)
            step = int(cycle) % len(keys)
            body = self._interpolate(keys[step], keys[(step + 1) % len(keys)], cycle - int(cycle))
            world = self._world(scene.pose_id)
        before = self.figure(scene.from_pose_id) if scene.from_pose_id else None
        if before is not None and scene.from_pose_id and scene.blend < 1.0 and self._transition is not None:
            body = self._transition(before.keyframes[-1], body, scene.blend)
            a, b = self._world(scene.from_pose_id), self._world(scene.pose_id)
            world = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
        return body, world

    def paint(self, painter: QPainter, rect: QRectF, scene: FigureScene) -> bool:
        """Draw the live figure; False when this pose has none (draw its picture instead)."""
        if self._paint is None:
            return False
        found = self.frame(scene)
        if found is None:
            return False
        body, world = found
        pose = self.figure(scene.pose_id) if scene.pose_id and not scene.from_pose_id else None
        moving = pose if pose is not None and pose.moving else None  # its motion cue's arrow
        self._paint(painter, body, rect, mirrored=scene.mirrored, frame=world, glow=scene.glow, motion=moving)
        return True
