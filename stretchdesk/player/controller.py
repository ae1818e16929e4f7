"""One playing session: wires the engine to the windows, the cues and the log.

What the TV shows is decided by the presenter (stretchdesk/core/player_view.py);
the windows say what the user asked for (intents); where the windows go is up to
the placement (placement.py) and what the session sounds like to its cues
(cues.py). This class only connects them, decides what an intent means at this
moment, and frees everything it built when it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.history import History, SessionRecord, record_session
from stretchdesk.core.models import Routine
from stretchdesk.core.player_view import Presenter
from stretchdesk.core.session import Clock, Session
from stretchdesk.core.session_state import Event, EventKind, Phase
from stretchdesk.core.vocabulary import Side
from stretchdesk.core.workspace import Workspace
from stretchdesk.player.audience import AudienceWindow
from stretchdesk.player.audio import SoundBackend
from stretchdesk.player.controls import ControlsPanel
from stretchdesk.player.cues import SessionCues
from stretchdesk.player.driver import SessionDriver
from stretchdesk.player.inhibit import Inhibitor
from stretchdesk.player.keys import Intent
from stretchdesk.player.placement import Placement
from stretchdesk.player.voice import Voice

FRAME_MS = 40
Confirm = Callable[[QWidget, str], bool]
__all__ = ["Confirm", "PlayerController", "PlayerParts", "ask"]


def ask(parent: QWidget, question: str) -> bool:
    """Stop or keep going, with verbs on the buttons; Esc and Enter both keep going."""
    box = QMessageBox(QMessageBox.Icon.Question, "Stop the routine?", question, parent=parent)
    stop = box.addButton("Stop", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is stop


@dataclass
class PlayerParts:
    """What a controller is built from; the launcher makes the real ones, tests fakes."""

    workspace: Workspace
    settings: QSettings
    audience: AudienceWindow
    controls: ControlsPanel
    sound: SoundBackend
    voice: Voice | None
    inhibitor: Inhibitor
    history: History
    clock: Clock
    confirm: Confirm = ask
    tighter_side: Side = Side.RIGHT


class PlayerController(QObject):
    finished = Signal()
    logged = Signal(object)

    def __init__(self, routine: Routine, parts: PlayerParts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.routine = routine
        self.parts = parts
        self.audience = parts.audience
        self.controls = parts.controls
        self.session = Session(parts.workspace.timeline(routine, tighter_side=parts.tighter_side), parts.clock)
        self.presenter = Presenter(routine, parts.workspace.catalog, self.session)
        self.driver = SessionDriver(self.session, parts.clock, self)
        self.placement = Placement(self.audience, self.controls, self)
        self.cues = SessionCues(self.session, self.presenter, self.controls, parts.sound, parts.voice, self)
        self.record: SessionRecord | None = None
        self.asking_stop = False
        self._resume_after_asking = False
        self._started_wall = datetime.now(UTC)
        self._closed = False
        self._frame = QTimer(self, interval=FRAME_MS)
        self.audience.set_routine_name(routine.name)
        self.controls.title.setText(routine.name)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.driver.events_ready.connect(self._on_driver_events_ready)
        self._frame.timeout.connect(self.refresh)
        c = self.controls
        c.start_requested.connect(self.start)
        c.pause_requested.connect(self.toggle_pause)
        c.previous_requested.connect(self.previous)
        c.skip_requested.connect(self.skip)
        c.extend_requested.connect(self.extend)
        c.restart_requested.connect(self.restart_step)
        c.stop_requested.connect(self.request_stop)
        c.intent_triggered.connect(self._on_controls_intent_triggered)
        c.close_requested.connect(self._on_controls_close_requested)
        self.audience.close_requested.connect(self._on_audience_close_requested)
        self.audience.intent_triggered.connect(self._on_audience_intent_triggered)
        self.audience.clicked.connect(self._on_audience_clicked)

    def show(self, screen_name: str | None = None) -> None:
        """Audience full screen on the chosen screen; the controls on a screen it does not cover."""
        self.placement.show(screen_name)

    # -- intents ---------------------------------------------------------------

    def _on_audience_intent_triggered(self, name: str) -> None:
        self._act(Intent(name), on_tv=True)

    def _on_controls_intent_triggered(self, name: str) -> None:
        self._act(Intent(name), on_tv=False)

    def _on_audience_clicked(self) -> None:
        if self.asking_stop:
            self.keep_going()
        elif not self.session.started:
            self.start()

    def _act(self, intent: Intent, on_tv: bool) -> None:
        """What a key means now: before the start most keys start; while asking to stop
        Esc stops and the go keys keep going."""
        if self.asking_stop:
            if intent is Intent.STOP:
                self.close()
            elif intent in (Intent.GO, Intent.NEXT, Intent.START, Intent.PAUSE):
                self.keep_going()
            return
        if intent is Intent.STOP and on_tv:
            self.ask_stop_on_tv()
        elif intent is Intent.STOP:
            self.request_stop()
        elif not self.session.started:
            if intent in (Intent.GO, Intent.NEXT, Intent.START):
                self.start()
        elif intent is Intent.START:
            if self.session.paused:
                self.toggle_pause()
        else:
            {
                Intent.GO: self.toggle_pause,
                Intent.PAUSE: self.toggle_pause,
                Intent.NEXT: self.skip,
                Intent.PREVIOUS: self.previous,
                Intent.EXTEND: self.extend,
            }[intent]()

    # -- transport -------------------------------------------------------------

    def start(self) -> None:
        if self.session.started:
            return
        message = self.parts.inhibitor.inhibit()
        if message:
            self.controls.add_message(message)
        self._started_wall = datetime.now(UTC)
        self.session.start()
        self._frame.start()
        self.driver.kick()
        self.refresh()

    def toggle_pause(self) -> None:
        self.session.toggle_pause()
        self.driver.kick()
        self.refresh()

    def skip(self) -> None:
        self._navigate(self.session.skip)

    def previous(self) -> None:
        self._navigate(self.session.previous)

    def extend(self) -> None:
        self._navigate(self.session.extend)

    def restart_step(self) -> None:
        self._navigate(self.session.restart_step)

    def _navigate(self, action: Callable[[], None]) -> None:
        action()
        self.driver.kick()
        self.refresh()

    # -- stopping ----------------------------------------------------------------

    def _playing(self) -> bool:
        return self.session.started and not self.session.finished

    def _pause_to_ask(self) -> None:
        self._resume_after_asking = not self.session.paused
        self.session.pause()
        self.driver.kick()

    def ask_stop_on_tv(self) -> None:
        """Esc on the TV: the session pauses and the TV asks, in large type."""
        if not self._playing():
            self.close()
            return
        self._pause_to_ask()
        self.asking_stop = True
        self.refresh()

    def keep_going(self) -> None:
        self.asking_stop = False
        if self._resume_after_asking and self.session.paused:
            self.session.resume()
            self.driver.kick()
        self.refresh()

    def request_stop(self) -> None:
        """Stop from the desk: a dialog there (the TV asks too), the session paused meanwhile."""
        if self._playing():
            self._pause_to_ask()
            self.asking_stop = True
            self.refresh()
            window = self.audience if self.audience.isActiveWindow() else self.controls
            question = f"Stop now? {self.presenter.stop_consequence()}"
            stop = self.parts.confirm(window, question)
            if self._closed:
                return
            if not stop:
                self.keep_going()
                return
        self.close()

    def close(self) -> None:
        """End the session, log it, and free both windows and this controller."""
        if self._closed:
            return
        self._closed = True
        if self.session.started and not self.session.finished:
            self.session.stop()
        self._log()
        self._frame.stop()
        self.driver.stop()
        self.parts.inhibitor.release()
        self.placement.release()  # the app and the shared voice outlive this session
        self.cues.release()
        self.audience.close_requested.disconnect(self._on_audience_close_requested)
        self.audience.close()  # WA_DeleteOnClose
        self.controls.finish()
        self.finished.emit()
        self.deleteLater()

    def _on_audience_close_requested(self) -> None:
        if not self._closed:
            self.close()

    def _on_controls_close_requested(self) -> None:
        if not self._closed:
            self.close()

    # -- cues and frames -------------------------------------------------------

    def _on_driver_events_ready(self, events: list[Event]) -> None:
        for event in events:
            self.cues.play(event)
            if event.kind is EventKind.FINISHED:
                self._on_session_finished()
        self.refresh()

    def _on_session_finished(self) -> None:
        self._frame.stop()
        self.parts.inhibitor.release()
        self.asking_stop = False
        self._log()
        self.audience.show_summary(self.presenter.summary(self.record is not None))

    def _log(self) -> None:
        if self.record is not None:
            return
        self.record = record_session(
            self.session, self.routine.id, self.routine.name,
            self.parts.workspace.catalog, self._started_wall,
        )
        if self.record is None:
            return
        try:
            self.parts.history.add(self.record)
        except StretchDeskError as error:
            self.controls.add_message(str(error))
            return
        self.logged.emit(self.record)

    def refresh(self) -> None:
        state = self.session.state()
        content = self.presenter.tv_content(state, self.asking_stop)
        if state.phase is not Phase.DONE:
            self.audience.show_content(content)
        self.controls.show_content(content, self.session.started)
        self.cues.pace_breath(content.breath)
