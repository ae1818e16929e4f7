"""The builder's side of the player: Play and Play › Session history, and the player
got ready while the builder is idle, so Play paints at once."""

from __future__ import annotations

import contextlib
import gc
import importlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal

from stretchdesk import APP_NAME
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.history import History
from stretchdesk.core.workspace import Workspace
from stretchdesk.mainwindow import MainWindow

if TYPE_CHECKING:
    from stretchdesk.player.history_view import HistoryView
    from stretchdesk.player.launcher import PlayerLauncher

LauncherFactory = Callable[[Workspace, QSettings, MainWindow], "PlayerLauncher"]
WARM_UP_AFTER_MS = 3000
WARM_UP_STEP_MS = 60
PREPARE_AGAIN_MS = 1500
"""After a session closes, how long the builder waits before getting the next Play ready."""
ROUTINE_SETTLED_MS = 800
"""How long a routine stays on show before its figures start building for Play."""
PLAYER_MODULES = (
    "stretchdesk.core.player_view",
    "stretchdesk.core.skeleton",
    "stretchdesk.drawing.render",
    "stretchdesk.player.widgets",
    "stretchdesk.player.figure_view",
    "stretchdesk.player.prompt_view",
    "stretchdesk.player.audience",
    "stretchdesk.player.controls",
    "stretchdesk.player.voice",
    "stretchdesk.player.controller",
    "stretchdesk.player.launcher",
    "PySide6.QtDBus",  # the screen-saver inhibitor's, on Start
)
"""Imported one per step a few seconds after start-up, so the first Play paints at once.
Then the next player's windows are built (and the sound cues start loading) and the
garbage collector is settled, each in a step of its own."""


class PlayerFeature(QObject):
    """The Play button and Play > Session history, with the player built on first use.

    The player pulls in QtMultimedia, speech and the live figures; a runner who
    opens StretchDesk to edit a routine should not wait for them at start-up, and
    should not wait for them on Play either: once the window has been up and idle
    for a few seconds they are imported a module at a time, then the next Play is
    got ready (`PlayerLauncher.prepare`: windows, sound, voice, the figures of the
    routine on show); `warmed_up` says when all that is done. The routine on show
    gets its figures built when it changes, and the next Play is got ready again
    after each session. Closing the builder frees a player that was never played.
    """

    warmed_up = Signal()

    def __init__(
        self,
        window: MainWindow,
        workspace: Workspace,
        settings: QSettings,
        make_launcher: LauncherFactory | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("playerFeature")
        self._workspace = workspace
        self._settings = settings
        self._make_launcher = make_launcher
        self._launcher: PlayerLauncher | None = None
        self._history_view: HistoryView | None = None
        self._to_warm: list[Callable[[], object]] = [
            *(partial(_import_quietly, name) for name in PLAYER_MODULES),
            self._prepare_player,
            _settle_garbage,
        ]
        self._warm_up = QTimer(self, interval=WARM_UP_STEP_MS)
        self._idle = QTimer(self, singleShot=True, interval=WARM_UP_AFTER_MS)
        self._routine_shown = QTimer(self, singleShot=True, interval=ROUTINE_SETTLED_MS)
        self._window_closed = False
        self._connect_signals()
        self._idle.start()

    @property
    def _window(self) -> MainWindow:
        """The parent, looked up rather than stored: a stored reference from a child
        back to its window is a cycle only the GC can break, at a moment of its choosing."""
        window = self.parent()
        assert isinstance(window, MainWindow)
        return window

    def _connect_signals(self) -> None:
        self._warm_up.timeout.connect(self._on_warm_up_timeout)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._routine_shown.timeout.connect(self._on_routine_shown_timeout)
        self._window.document.changed.connect(self._routine_shown.start)
        self._window.closed.connect(self._on_window_closed)
        self._window.play_requested.connect(self._on_window_play_requested)
        history_action = self._window.play_menu.addAction("Session &history…")
        history_action.setStatusTip("Sessions you played, your streak and minutes per area")
        history_action.triggered.connect(self._on_history_action_triggered)

    def _playing(self) -> bool:
        return self._launcher is not None and self._launcher.current is not None

    def _on_idle_timeout(self) -> None:
        """The builder has been idle a while: warm up, or get the next Play ready."""
        if self._window_closed or self._playing():
            return
        if self._to_warm:
            self._warm_up.start()
        else:
            self._prepare_player()

    def _on_warm_up_timeout(self) -> None:
        if self._playing():  # Play came first: the rest waits until the session is over
            self._warm_up.stop()
            return
        self._to_warm.pop(0)()
        if not self._to_warm:
            self._warm_up.stop()
            self.warmed_up.emit()

    def _prepare_player(self) -> None:
        with contextlib.suppress(ImportError):  # Play says what is missing, in its own words
            self.launcher().prepare(self._window.document.routine_id)

    def _on_routine_shown_timeout(self) -> None:
        if self._launcher is not None and not self._to_warm and not self._window_closed:
            self._launcher.prepare(self._window.document.routine_id)

    def _on_window_closed(self) -> None:
        self._window_closed = True
        for timer in (self._idle, self._warm_up, self._routine_shown):
            timer.stop()
        if self._launcher is not None:
            self._launcher.release_ready()

    def launcher(self) -> PlayerLauncher:
        if self._launcher is None:
            if self._make_launcher is not None:
                self._launcher = self._make_launcher(self._workspace, self._settings, self._window)
            else:
                from stretchdesk.player.launcher import PlayerLauncher

                self._launcher = PlayerLauncher(self._workspace, self._settings, parent=self._window)
        return self._launcher

    def history_view(self) -> HistoryView:
        if self._history_view is None:
            from stretchdesk.player.history_view import HistoryView

            view = HistoryView(History(self._workspace.data_dir), self._window)
            view.setWindowFlag(Qt.WindowType.Window)
            view.setWindowTitle(f"{APP_NAME} — session history")
            view.resize(720, 520)
            self._history_view = view
        return self._history_view

    def _on_window_play_requested(self, routine_id: str) -> None:
        try:
            controller = self.launcher().play(routine_id)
        except StretchDeskError as error:
            self._window.show_message(str(error))
            return
        controller.logged.connect(self._on_controller_logged)
        controller.finished.connect(self._on_controller_finished)

    def _on_controller_finished(self) -> None:
        if not self._window_closed:
            self._idle.start(PREPARE_AGAIN_MS)

    def _on_controller_logged(self) -> None:
        if self._history_view is not None:
            self._history_view.refresh()

    def _on_history_action_triggered(self) -> None:
        view = self.history_view()
        view.refresh()
        view.show()
        view.raise_()


def _import_quietly(name: str) -> None:
    with contextlib.suppress(ImportError):  # Play says what is missing, in its own words
        importlib.import_module(name)


def _settle_garbage() -> None:
    """Set everything alive now (the builder, the imported player, the ready player windows)
    aside from automatic collection: a full collection walking them all stalled the first
    Play by 100-200 ms. Objects made later are collected as usual; a full collection here
    would itself stall the idle builder that long, so none is forced."""
    gc.freeze()
