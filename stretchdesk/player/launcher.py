"""Builds a player for a routine: the composition root for the player feature.

The main window owns one `PlayerLauncher` and calls `play(routine_id)`;
`stretchdesk play` does the same without a main window (`play_command.py`).
The launcher owns what outlives one session: one voice for the application (an
engine that failed stays failed) and the figure builder: two helper processes,
both ended on quit. In the builder it also keeps the next player's windows
ready (`prepare()`, while the app is idle), so Play only fills them in and
shows them; a ready player that is never played is freed on quit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QWidget

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.history import History
from stretchdesk.core.models import Routine
from stretchdesk.core.session import Clock
from stretchdesk.core.tighter_side import (
    TIGHTER_SIDE_SETTING,
    needs_tighter_side,
    tighter_side_from_setting,
    tighter_side_setting,
)
from stretchdesk.core.vocabulary import Side
from stretchdesk.core.workspace import Workspace
from stretchdesk.player.audience import AudienceWindow
from stretchdesk.player.audio import NO_SERVER, SERVER_LOST, SoundBackend, make_sound
from stretchdesk.player.controller import Confirm, PlayerController, PlayerParts, ask
from stretchdesk.player.controls import VOICE_NAME_KEY, ControlsPanel
from stretchdesk.player.figure_motion import FigureMotion
from stretchdesk.player.inhibit import Inhibitor, platform_inhibitor
from stretchdesk.player.screens import choose_screen, desk_screen
from stretchdesk.player.tighter import ChooseSide, ask_tighter_side
from stretchdesk.player.voice import LinkFactory, Voice, helper_link
from stretchdesk.pose_images import PoseImages

ENGINE_KEY = "player/voice_engine"
VOICE_SILENCED = {  # the voice speaks into the same server as the chimes
    SERVER_LOST: "Voice is silent: the sound server stopped.",
    NO_SERVER: "Voice is silent: no sound server is running.",
}
QUIT_JOIN_S = 3.0
"""How long quitting waits for the speech and figure helpers to end once killed."""
BUILDER_REPAINT_LATEST_MS = 400
"""The builder's lists repaint again at the latest this long after Play, painted TV or not."""


@dataclass
class PlayerWindows:
    """One player's two windows, built together: for the session now, or ready for the next."""

    audience: AudienceWindow
    controls: ControlsPanel

    def free(self) -> None:
        """Close both for good; each deletes itself (WA_DeleteOnClose)."""
        self.controls.finish()
        self.audience.close()


class PlayerLauncher(QObject):
    """Opens the player; at most one session plays at a time."""

    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        clock: Clock = time.monotonic,
        sound: SoundBackend | None = None,
        voice_link: LinkFactory | None = None,
        inhibitor: Inhibitor | None = None,
        confirm: Confirm = ask,
        figure_motion: FigureMotion | None = None,
        choose_side: ChooseSide = ask_tighter_side,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self._clock = clock
        self._sound = sound
        self._voice_link = voice_link
        self._inhibitor = inhibitor
        self._confirm = confirm
        self._choose_side = choose_side
        self._live = figure_motion
        self._images: PoseImages | None = None
        self._images_catalog: object = None
        self._ready: PlayerWindows | None = None
        self._next_routine: str | None = None
        self._shut = False
        self.history = History(workspace.data_dir)
        self.current: PlayerController | None = None
        self.voice: Voice | None = None
        self._sound_message = ""
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.aboutToQuit.connect(self._on_app_about_to_quit)

    def _figure_motion(self) -> FigureMotion:
        """Built on the first play: it solves every pose's skeleton, which start-up never needs."""
        if self._live is None:
            self._live = FigureMotion()
        return self._live

    @property
    def ready(self) -> PlayerWindows | None:
        """The next player's windows when they are built ahead of Play, else None."""
        return self._ready

    def prepare(self, routine_id: str | None = None) -> None:
        """Get the next Play ready while the builder is idle: the player's windows built,
        hidden and laid out for the screens they will take, the sound cues loading, the
        voice starting, and the figures of `routine_id` (the routine on show) building.
        Play then only fills the windows in and shows them. Nothing happens while a player
        is open or after shut-down."""
        if self._shut or self.current is not None:
            return
        if routine_id is not None:
            self._next_routine = routine_id
        if self._ready is None:
            windows = self._windows()
            screen, _ = choose_screen(windows.controls.screen_picker.chosen_name())
            windows.audience.prepare_for(screen)
            desk = desk_screen(screen)
            windows.controls.place_on(desk, compact=desk is screen)
            self._ready = windows
        self._the_voice()
        if self._next_routine is not None:
            self._prepare_figures(self._next_routine)

    def _prepare_figures(self, routine_id: str) -> None:
        """Start building a routine's figures in the order they play (the helper process
        keeps what it already built when Play then asks for the same ones)."""
        try:
            routine = self.workspace.get(routine_id)
        except StretchDeskError:
            return  # deleted meanwhile: Play says so
        segments = self.workspace.timeline(routine).segments
        self._figure_motion().prepare(s.pose for s in segments if s.pose)

    def release_ready(self) -> None:
        """The builder closed: free the ready player and prepare no more; with no session
        playing, end the helpers too (a session still playing keeps them until it ends)."""
        if self._ready is not None:
            self._ready.free()
            self._ready = None
        if self.current is None:
            self.shut_down()

    def _windows(self) -> PlayerWindows:
        """The ready windows when there are some, else new ones (with the sound and the
        pose pictures they need, made once)."""
        self._the_sound()
        if self._images is None:
            self._images = PoseImages(self.workspace.catalog, self.workspace.store.images_dir, parent=self)
            self._images_catalog = self.workspace.catalog
        ready, self._ready = self._ready, None
        if ready is not None:
            ready.controls.screen_picker.refresh()  # screens may have come or gone meanwhile
            return ready
        window = self.parent()  # not stored: a child holding its parent is a reference cycle
        controls = ControlsPanel(self.settings, window if isinstance(window, QWidget) else None)
        return PlayerWindows(AudienceWindow(self._images, self._figure_motion()), controls)

    def play(self, routine_id: str, screen_name: str | None = None) -> PlayerController:
        """Open the player for a routine, full screen on `screen_name` (or the remembered one)."""
        routine = self.workspace.get(routine_id)
        if self.current is not None:
            self.current.close()
        window = self.parent()  # not stored: a child holding its parent is a reference cycle
        tighter = self._tighter_side(routine, window if isinstance(window, QWidget) else None)
        windows = self._windows()
        if self._images is not None and self._images_catalog is not self.workspace.catalog:
            self._images_catalog = self.workspace.catalog  # poses were added or changed: new pictures
            self._images.set_catalog(self._images_catalog)
        voice = self._the_voice()
        controls = windows.controls
        parts = PlayerParts(
            workspace=self.workspace,
            settings=self.settings,
            audience=windows.audience,
            controls=controls,
            sound=self._the_sound(),
            voice=voice,
            inhibitor=self._inhibitor or platform_inhibitor(),
            history=self.history,
            clock=self._clock,
            confirm=self._confirm,
            tighter_side=tighter,
        )
        controller = PlayerController(routine, parts, self)
        if isinstance(window, QWidget) and window.isVisible():
            self._hold_builder_repaint(window, windows.audience)
        self._figure_motion().prepare(s.pose for s in controller.session.segments if s.pose)
        controller.finished.connect(self._on_controller_finished)
        if self._sound_message:
            controls.add_message(self._sound_message)
            self._silence_voice_line(controls, self._sound_message)
        controller.show(screen_name or controls.screen_picker.chosen_name())
        self.current = controller
        return controller

    def _hold_builder_repaint(self, builder: QWidget, audience: AudienceWindow) -> None:
        """The player taking the focus makes the builder's lists repaint (their selection turns
        inactive), which costs about as much as the TV's first frame: they wait until that
        frame is up, so the two never add up to one long stall."""
        for view in builder.findChildren(QAbstractItemView):
            view.viewport().setUpdatesEnabled(False)
        audience.first_frame_painted.connect(self._on_audience_first_frame_painted)
        QTimer.singleShot(BUILDER_REPAINT_LATEST_MS, self, self._resume_builder_repaint)

    def _on_audience_first_frame_painted(self) -> None:
        QTimer.singleShot(1, self, self._resume_builder_repaint)  # a timer: after this frame's paints

    def _resume_builder_repaint(self) -> None:
        builder = self.parent()
        if isinstance(builder, QWidget):
            for view in builder.findChildren(QAbstractItemView):
                if not view.viewport().updatesEnabled():
                    view.viewport().setUpdatesEnabled(True)  # and repaints

    def _the_sound(self) -> SoundBackend:
        """Made with the first player's windows: the cues load a step at a time from then on."""
        if self._sound is None:
            self._sound = make_sound(self._on_sound_reported, self)
        return self._sound

    def _tighter_side(self, routine: Routine, window: QWidget | None) -> Side:
        """Ask (with last time's answer as the default) only when the routine needs it."""
        remembered = tighter_side_from_setting(self.settings.value(TIGHTER_SIDE_SETTING))
        if not needs_tighter_side(routine):
            return remembered
        side = self._choose_side(window, remembered)
        self.settings.setValue(TIGHTER_SIDE_SETTING, tighter_side_setting(side))
        return side

    def _the_voice(self) -> Voice:
        """One voice for the application, started on the first play."""
        if self.voice is None:
            link = self._voice_link or helper_link(
                _setting(self.settings, ENGINE_KEY), _setting(self.settings, VOICE_NAME_KEY))
            self.voice = Voice(link, self)
            self.voice.start()
        return self.voice

    def _on_sound_reported(self, text: str) -> None:
        self._sound_message = text
        if self.current is not None:
            self.current.controls.add_message(text)
            self._silence_voice_line(self.current.controls, text)

    @staticmethod
    def _silence_voice_line(controls: ControlsPanel, sound_message: str) -> None:
        silent = VOICE_SILENCED.get(sound_message)
        if silent:
            controls.show_voice_status(silent)

    def _on_controller_finished(self) -> None:
        if self.sender() is self.current:
            self.current = None

    def _on_app_about_to_quit(self) -> None:
        self.shut_down()

    def shut_down(self, wait: float = QUIT_JOIN_S) -> bool:
        """Close the player and end the speech and figure helpers (up to `wait` s each);
        True when both ended. Runs on aboutToQuit, before the QApplication goes."""
        self._shut = True  # and prepare no more
        if self.current is not None:
            self.current.close()
        if self._ready is not None:
            self._ready.free()
            self._ready = None
        voice_ended = True
        if self.voice is not None:
            voice_ended = self.voice.close(wait)
            self.voice.deleteLater()
            self.voice = None
        figures_ended = self._live.close(wait) if self._live is not None else True
        return voice_ended and figures_ended


def _setting(settings: QSettings, key: str) -> str | None:
    value = settings.value(key)
    return str(value) if value else None
