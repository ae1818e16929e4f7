"""Adapter to the figure model (stretchdesk.core.figure) and its painter
(stretchdesk.figures.render), so the player can animate poses that have one.

Poses without a figure (custom poses, or before the model covers a pose) fall
back to their picture; the player never depends on the model being complete.

Figures are built per pose on first use, and some take seconds (the foam roller
searches thousands of shapes). So `prepare()` builds a routine's figures on a
worker thread, in the order they play, while the player shows each pose's
picture until its figure is ready: the GUI thread never waits for a solve.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from stretchdesk.player.gcguard import FIGURES_THREAD, collect_on_gui_thread

World = tuple[float, float, float, float]
JOIN_TIMEOUT_S = 2.0

if TYPE_CHECKING:
    from stretchdesk.core.player_view import FigureScene


class LiveFigures:
    def __init__(self, enabled: bool = True) -> None:
        self._pose_figure: Callable[[str], Any] | None = None
        self._interpolate: Callable[[Any, Any, float], Any] | None = None
        self._paint: Callable[..., Any] | None = None
        self._bounds: Callable[[Any], World] | None = None
        self._cache: dict[str, Any] = {}
        self._worlds: dict[str, World] = {}
        self._pending: list[str] = []
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._worker: threading.Thread | None = None
        if enabled:
            self._load()

    def _load(self) -> None:
        try:
            from stretchdesk.core.figure import interpolate, pose_figure
            from stretchdesk.figures.render import paint_figure, world_bounds
        except ImportError:
            return
        self._pose_figure, self._interpolate = pose_figure, interpolate
        self._paint, self._bounds = paint_figure, world_bounds

    @property
    def available(self) -> bool:
        return self._paint is not None

    # -- building --------------------------------------------------------------

    def prepare(self, pose_ids: Iterable[str]) -> None:
        """Build these poses' figures in the background, first ones first."""
        if self._pose_figure is None:
            return
        with self._lock:
            wanted = [p for p in dict.fromkeys(pose_ids) if p not in self._cache]
            self._pending = wanted + [p for p in self._pending if p not in wanted]
            if not self._pending or (self._worker is not None and self._worker.is_alive()):
                return
            self._cancel.clear()
            collect_on_gui_thread()
            self._worker = threading.Thread(target=self._build_pending, name=FIGURES_THREAD, daemon=True)
            self._worker.start()

    def pending(self) -> bool:
        """True while the worker still has figures to build."""
        with self._lock:
            return bool(self._pending)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker (tests and quit); True once it has ended."""
        worker = self._worker
        if worker is None:
            return True
        worker.join(timeout)
        return not worker.is_alive()

    def close(self, timeout: float = JOIN_TIMEOUT_S) -> bool:
        """Drop what is not built yet and join the worker (it ends after the pose it is on)."""
        self._cancel.set()
        with self._lock:
            self._pending.clear()
        return self.wait(timeout)

    def _build_pending(self) -> None:
        while not self._cancel.is_set():
            with self._lock:
                if not self._pending:
                    return
                pose_id = self._pending[0]
            figure = self._build(pose_id)
            with self._lock:
                self._cache[pose_id] = figure
                if pose_id in self._pending:
                    self._pending.remove(pose_id)

    def _build(self, pose_id: str) -> Any:
        assert self._pose_figure is not None
        try:
            return self._pose_figure(pose_id)
        except (KeyError, LookupError, ValueError):
            return None

    def figure(self, pose_id: str) -> Any:
        """The pose's PoseFigure; None when it has none or the worker has not built it yet."""
        if self._pose_figure is None:
            return None
        with self._lock:
            if pose_id in self._cache:
                return self._cache[pose_id]
            if pose_id in self._pending:
                return None  # being built in the background: the picture shows meanwhile
        figure = self._build(pose_id)
        with self._lock:
            self._cache[pose_id] = figure
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
        if before is not None and scene.from_pose_id and scene.blend < 1.0:
            body = self._interpolate(before.figure, body, scene.blend)
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
        self._paint(painter, body, rect, mirrored=scene.mirrored, frame=world)
        return True
