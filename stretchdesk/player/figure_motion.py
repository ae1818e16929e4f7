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

The helper also samples every rep cycle and every morph of the routine into
tracks of solved drawings, so a frame costs the GUI a blend of two samples and
the painting, never a body solve (measured: 2-40 ms per morph frame). Until a
track arrives, its frames are solved here, as before.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, QProcessEnvironment, QRectF, QTimer
from PySide6.QtGui import QPainter

from stretchdesk.player.figure_helper import morph_key, plan, read_frames, rep_key

World = tuple[float, float, float, float]
JOIN_TIMEOUT_S = 2.0

if TYPE_CHECKING:
    from stretchdesk.core.figure_scene import FigureScene
    from stretchdesk.core.skeleton import Figure, PoseFigure
    from stretchdesk.core.skeleton.motion import CueMarks
    from stretchdesk.core.skeleton.solved import Drawing, Track


def _helper_environment() -> QProcessEnvironment:
    """The helper imports stretchdesk from wherever this copy of it lives."""
    env = QProcessEnvironment.systemEnvironment()
    root = str(Path(__file__).resolve().parents[2])
    paths = [root, *[p for p in env.value("PYTHONPATH", "").split(os.pathsep) if p]]
    env.insert("PYTHONPATH", os.pathsep.join(paths))
    return env


class FigureMotion:
    def __init__(self, enabled: bool = True) -> None:
        self._pose_figure: Callable[[str], PoseFigure] | None = None
        self._interpolate: Callable[[Figure, Figure, float], Figure] | None = None
        self._rep_cycle: Callable[[PoseFigure, float, float], float] | None = None
        self._drawing: Callable[[Figure], Drawing] | None = None
        self._morph: Callable[[Figure, Figure, float], Drawing] | None = None
        self._paint: Callable[..., None] | None = None
        self._bounds: Callable[[Figure | PoseFigure], World] | None = None
        self._cue_marks: Callable[..., CueMarks | None] | None = None
        self._framed: Callable[[World, CueMarks | None], World] | None = None
        self._cache: dict[str, PoseFigure | None] = {}
        self._tracks: dict[str, Track | None] = {}
        self._stills: dict[str, Drawing] = {}
        self._last: tuple[FigureScene, tuple[Drawing, World] | None] | None = None
        self._last_bounds: tuple[tuple[object, ...], QRectF] | None = None
        self._worlds: dict[str, World] = {}
        self._pending: list[str] = []
        self._process: QProcess | None = None
        self._received = bytearray()
        self._enabled = enabled
        self._loaded = False

    def _load(self) -> None:
        """Import the figure model and painter on the first frame that needs them, not at
        start-up (disabled: the player shows pictures only)."""
        if self._loaded or not self._enabled:
            return
        self._loaded = True
        from stretchdesk.core.skeleton import cue_marks, interpolate, pose_figure
        from stretchdesk.core.skeleton.solved import drawing, morph_drawing, rep_cycle
        from stretchdesk.drawing.framing import world_bounds
        from stretchdesk.drawing.motion_cue import framed
        from stretchdesk.drawing.render import paint_drawing

        self._pose_figure, self._interpolate, self._rep_cycle = pose_figure, interpolate, rep_cycle
        self._drawing, self._morph = drawing, morph_drawing
        self._paint, self._bounds = paint_drawing, world_bounds
        self._cue_marks, self._framed = cue_marks, framed

    @property
    def available(self) -> bool:
        return self._paint is not None

    # -- building --------------------------------------------------------------

    def prepare(self, pose_ids: Iterable[str]) -> None:
        """Build these poses' figures, then their rep and morph tracks, in a helper
        process; `pose_ids` in play order, first ones first."""
        if not self._enabled:
            return
        self._collect()
        order = list(pose_ids)
        wanted = [k for k in plan(order) if k not in self._cache and k not in self._tracks]
        if not wanted or wanted == self._pending:
            return
        self._stop_process()
        self._pending = wanted
        process = QProcess()
        process.setProcessEnvironment(_helper_environment())
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._on_helper_ready_read)
        process.start(sys.executable, ["-m", "stretchdesk.player.figure_helper", *order])
        self._process = process

    def _on_helper_ready_read(self) -> None:
        """Unpickle what the helper sent as it arrives, a little at a time while the app is
        idle, so Play never unpickles a whole routine's tracks at once (measured: 42 ms).
        Deferred: collecting may end the process, which must not happen inside its signal."""
        QTimer.singleShot(0, self._collect)

    def _collect(self) -> None:
        """Take in the figures the helper has sent so far (a few small pickles)."""
        process = self._process
        if process is None:
            return
        self._received += process.readAllStandardOutput().data()
        for key, built in read_frames(self._received):
            self._last = self._last_bounds = None
            if ":" in key:
                self._tracks[key] = built  # type: ignore[assignment]
            else:
                self._cache[key] = built  # type: ignore[assignment]
            if key in self._pending:
                self._pending.remove(key)
        if not self._pending:
            self._stop_process()
        elif process.state() is QProcess.ProcessState.NotRunning and not process.bytesAvailable():
            self._pending.clear()  # the helper ended or died: build the rest on demand
            self._stop_process()

    def pending(self) -> bool:
        """True while the helper still has figures (or tracks) to build."""
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

    def _build(self, pose_id: str) -> PoseFigure | None:
        self._load()
        if self._pose_figure is None:
            return None
        try:
            return self._pose_figure(pose_id)
        except (KeyError, LookupError, ValueError):
            return None

    def figure(self, pose_id: str) -> PoseFigure | None:
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
        """The camera box of a pose: its figure's bounds, grown to hold its motion cue's arrow."""
        pose = self.figure(pose_id)
        if pose_id not in self._worlds and self._bounds is not None and pose is not None:
            bounds = self._bounds(pose)
            self._worlds[pose_id] = self._framed(bounds, self._arrow(pose)) if self._framed else bounds
        return self._worlds[pose_id]

    def _arrow(self, pose: PoseFigure | None) -> CueMarks | None:
        """A moving pose's cue arrow (the live figure moves, so no ghost)."""
        if pose is None or not pose.moving or self._cue_marks is None:
            return None
        return self._cue_marks(pose, ghost=False)

    def _marks(self, scene: FigureScene) -> CueMarks | None:
        if scene.pose_id is None or self._morphing(scene):
            return None
        return self._arrow(self.figure(scene.pose_id))

    def _track(self, key: str) -> Track | None:
        return self._tracks.get(key)

    def _still(self, pose_id: str, pose: PoseFigure) -> Drawing:
        if pose_id not in self._stills and self._drawing is not None:
            self._stills[pose_id] = self._drawing(pose.figure)
        return self._stills[pose_id]

    def moving(self, scene: FigureScene) -> bool:
        """True when this scene's frame changes with time (a rep or a morph)."""
        if scene.pose_id is None:
            return False
        pose = self.figure(scene.pose_id)
        if pose is None:
            return False
        return bool(scene.rep_seconds and pose.moving) or self._morphing(scene)

    def _morphing(self, scene: FigureScene) -> bool:
        """A change of pose morphs; switching sides doesn't: both sides rest on the still keyframe."""
        return bool(scene.from_pose_id and scene.blend < 1.0 and scene.from_pose_id != scene.pose_id
                    and self.has(scene.from_pose_id))

    def frame(self, scene: FigureScene) -> tuple[Drawing, World] | None:
        """The drawing to paint now and the camera box: a keyframe blend at the rep pace,
        morphed from the previous pose while a transition runs."""
        if self._last is not None and self._last[0] == scene:
            return self._last[1]
        found = self._frame(scene)
        self._last = (scene, found)
        return found

    def _frame(self, scene: FigureScene) -> tuple[Drawing, World] | None:
        if scene.pose_id is None:
            return None
        pose = self.figure(scene.pose_id)  # loads the painter on first use
        if pose is None or self._drawing is None or self._interpolate is None:
            return None
        world = self._world(scene.pose_id)
        if self._morphing(scene) and scene.from_pose_id and self._morph is not None:
            a = self._world(scene.from_pose_id)
            world = (min(a[0], world[0]), min(a[1], world[1]), max(a[2], world[2]), max(a[3], world[3]))
            track = self._track(morph_key(scene.from_pose_id, scene.pose_id))
            if track is not None:
                return track.at(scene.blend), world
            before = self.figure(scene.from_pose_id)
            if before is not None:
                return self._morph(before.figure, pose.figure, scene.blend), world
        if scene.rep_seconds and pose.moving and self._rep_cycle is not None:
            cycle = self._rep_cycle(pose, scene.elapsed, scene.rep_seconds)
            track = self._track(rep_key(scene.pose_id))
            if track is not None:
                return track.at(cycle), world
            keys = list(pose.keyframes)
            where = cycle * len(keys)
            step = int(where) % len(keys)
            body = self._interpolate(keys[step], keys[(step + 1) % len(keys)], where - int(where))
            return self._drawing(body), world
        return self._still(scene.pose_id, pose), world

    def paint(self, painter: QPainter, rect: QRectF, scene: FigureScene, *, fast: bool = False) -> bool:
        """Draw the live figure; False when this pose has none (draw its picture instead).
        `fast` skips anti-aliasing (see render.paint_drawing)."""
        if self._paint is None:
            return False
        found = self.frame(scene)
        if found is None:
            return False
        picture, world = found
        self._paint(painter, picture, rect, mirrored=scene.mirrored, frame=world, glow=scene.glow, fast=fast,
                    marks=self._marks(scene))
        return True

    def device_bounds(self, scene: FigureScene, rect: QRectF) -> QRectF | None:
        """Where this scene's figure lands in rect (pixels), for repainting only that."""
        key = (scene, rect.x(), rect.y(), rect.width(), rect.height())
        if self._last_bounds is not None and self._last_bounds[0] == key:
            return self._last_bounds[1]
        found = self.frame(scene) if self._paint is not None else None
        if found is None:
            return None
        from stretchdesk.drawing.render import drawing_rect

        picture, world = found
        bounds = drawing_rect(picture, rect, world, scene.mirrored, scene.glow, self._marks(scene))
        self._last_bounds = (key, bounds)
        return bounds
