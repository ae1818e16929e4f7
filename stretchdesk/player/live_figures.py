"""Adapter to the figure model (stretchdesk.core.figure) and its painter
(stretchdesk.figures.render), so the player can animate poses that have one.

Poses without a figure (custom poses, or before the model covers a pose) fall
back to their picture; the player never depends on the model being complete.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

World = tuple[float, float, float, float]

if TYPE_CHECKING:
    from stretchdesk.player.figure_view import FigureScene


class LiveFigures:
    def __init__(self, enabled: bool = True) -> None:
        self._pose_figure: Callable[[str], Any] | None = None
        self._interpolate: Callable[[Any, Any, float], Any] | None = None
        self._paint: Callable[..., Any] | None = None
        self._bounds: Callable[[Any], World] | None = None
        self._cache: dict[str, Any] = {}
        self._worlds: dict[str, World] = {}
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

    def figure(self, pose_id: str) -> Any:
        """The pose's PoseFigure, or None when it has none."""
        if self._pose_figure is None:
            return None
        if pose_id not in self._cache:
            try:
                self._cache[pose_id] = self._pose_figure(pose_id)
            except (KeyError, LookupError, ValueError):
                self._cache[pose_id] = None
        return self._cache[pose_id]

    def has(self, pose_id: str) -> bool:
        return self.figure(pose_id) is not None

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
