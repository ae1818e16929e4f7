"""One playing session: connects the engine to the windows, the cues and the log."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.history import History, SessionRecord, record_session
from stretchdesk.core.models import Routine, Side, format_duration
from stretchdesk.core.session import Clock, Event, EventKind, Phase, Session, SessionState
from stretchdesk.core.timeline import Segment, SegmentKind
from stretchdesk.core.workspace import Workspace
from stretchdesk.player.audience import AudienceWindow
from stretchdesk.player.audio import SoundBackend
from stretchdesk.player.controls import VOICE_KEY, VOLUME_KEY, ControlsPanel
from stretchdesk.player.done_view import Summary
from stretchdesk.player.driver import SessionDriver
from stretchdesk.player.figure_view import FigureScene
from stretchdesk.player.inhibit import Inhibitor
from stretchdesk.player.presenter import Presenter, cue_sound
from stretchdesk.player.screens import choose_screen, find_screen, place_full_screen
from stretchdesk.player.voice import Voice

FRAME_MS = 40
Confirm = Callable[[QWidget, str], bool]


def done_poses(names: Iterable[str]) -> list[str]:
    """Pose names in first-done order, repeats (sides, rounds) counted: 'Low Lunge ×6'."""
    counts = Counter(names)
    return [name if count == 1 else f"{name} ×{count}" for name, count in counts.items()]


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


class PlayerController(QObject):
    finished = Signal()
    logged = Signal(object)

    def __init__(self, routine: Routine, parts: PlayerParts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.routine = routine
        self.parts = parts
        self.audience = parts.audience
        self.controls = parts.controls
        self.session = Session(parts.workspace.timeline(routine), parts.clock)
        self.presenter = Presenter(routine, parts.workspace.catalog, self.session)
        self.driver = SessionDriver(self.session, parts.clock, self)
        self.screen_name: str | None = None
        self.record: SessionRecord | None = None
        self._started_wall = datetime.now(UTC)
        self._closed = False
        self._frame = QTimer(self, interval=FRAME_MS)
        self._shortcuts: list[QShortcut] = []
        self.audience.set_routine_name(routine.name)
        self.controls.title.setText(routine.name)
        self._connect_signals()
        self._apply_volume(self.controls.volume.value())
        self.refresh()

    def _connect_signals(self) -> None:
        self.driver.events_ready.connect(self._on_driver_events_ready)
        self._frame.timeout.connect(self.refresh)
        c = self.controls
        c.start_button.clicked.connect(self.start)
        c.pause_button.clicked.connect(self.toggle_pause)
        c.previous_button.clicked.connect(self.previous)
        c.next_button.clicked.connect(self.skip)
        c.extend_button.clicked.connect(self.extend)
        c.restart_button.clicked.connect(self.restart_step)
        c.stop_button.clicked.connect(self.request_stop)
        c.fullscreen_button.clicked.connect(self._on_controls_fullscreen_clicked)
        c.screen_picker.screen_chosen.connect(self.move_to_screen)
        c.volume.valueChanged.connect(self._on_controls_volume_changed)
        c.voice.toggled.connect(self._on_controls_voice_toggled)
        self.audience.close_requested.connect(self._on_audience_close_requested)
        if self.parts.voice is not None:
            self.parts.voice.status_changed.connect(self.controls.add_message)
            self.parts.voice.enabled = c.voice.isChecked()
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenRemoved.connect(self._on_app_screen_removed)
        keys: list[tuple[object, Callable[[], None]]] = [
            (Qt.Key.Key_Space, self.toggle_pause),
            (Qt.Key.Key_MediaTogglePlayPause, self.toggle_pause),
            (Qt.Key.Key_MediaPlay, self.toggle_pause),
            (Qt.Key.Key_MediaPause, self.toggle_pause),
            (Qt.Key.Key_Right, self.skip),
            (Qt.Key.Key_MediaNext, self.skip),
            (Qt.Key.Key_Left, self.previous),
            (Qt.Key.Key_MediaPrevious, self.previous),
            (Qt.Key.Key_Up, self.extend),
            (Qt.Key.Key_MediaStop, self.request_stop),
        ]
        for window in (self.audience, self.controls):
            for key, slot in keys:
                self._shortcut(window, QKeySequence(key), slot)
        self._shortcut(self.audience, QKeySequence(Qt.Key.Key_Escape), self._on_audience_escape)
        self._shortcut(self.controls, QKeySequence(Qt.Key.Key_Escape), self.request_stop)

    def _shortcut(self, window: QWidget, keys: QKeySequence, slot: Callable[[], None]) -> None:
        shortcut = QShortcut(keys, window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)

    # -- showing ---------------------------------------------------------------

    def show(self, screen_name: str | None = None) -> None:
        """Audience full screen on the chosen screen, controls on another one when possible.

        The controls are shown first so that, on a single screen, the audience window
        opens on top of them.
        """
        screen, message = choose_screen(screen_name)
        desk = QGuiApplication.primaryScreen()
        if desk is screen:
            desk = next((s for s in QGuiApplication.screens() if s is not screen), desk)
        self.controls.setScreen(desk)
        self.controls.move(desk.availableGeometry().topLeft())
        self.controls.show()
        self._place(screen, message)

    def _place(self, screen: QScreen, message: str | None) -> None:
        self.screen_name = screen.name()
        place_full_screen(self.audience, screen)
        if message:
            self.controls.add_message(message)

    def move_to_screen(self, name: str) -> None:
        screen = find_screen(name)
        if screen is None:
            primary = QGuiApplication.primaryScreen()
            self._place(primary, f"Screen {name!r} is not connected; playing on {primary.name()!r}.")
        else:
            self._place(screen, None)

    def _on_app_screen_removed(self, screen: QScreen) -> None:
        if self._closed or screen.name() != self.screen_name:
            return
        primary = QGuiApplication.primaryScreen()
        if primary is screen:
            primary = next((s for s in QGuiApplication.screens() if s is not screen), primary)
        self._place(primary, f"Screen {screen.name()!r} was disconnected; moved to {primary.name()!r}.")

    def _on_controls_fullscreen_clicked(self) -> None:
        self.move_to_screen(self.screen_name or "")

    def _on_audience_escape(self) -> None:
        if self.audience.isFullScreen():
            self.audience.showNormal()
        else:
            self.request_stop()

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

    def request_stop(self) -> None:
        done = self.session.finished
        if not done and self.session.started:
            window = self.audience if self.audience.isActiveWindow() else self.controls
            if not self.parts.confirm(window, "Stop now? What you did so far is kept."):
                return
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.session.started and not self.session.finished:
            self.session.stop()
        self._log()
        self._frame.stop()
        self.driver.stop()
        self.parts.inhibitor.release()
        if self.parts.voice is not None:
            self.parts.voice.close()
        self.audience.close()
        self.controls.close()
        self.finished.emit()

    def _on_audience_close_requested(self) -> None:
        if not self._closed:
            self.close()

    # -- cues and frames -------------------------------------------------------

    def _on_driver_events_ready(self, events: list[Event]) -> None:
        for event in events:
            sound = cue_sound(event, self.session)
            if sound is not None:
                self.parts.sound.play(sound)
            words = self.presenter.speech(event)
            if words and self.parts.voice is not None:
                self.parts.voice.say(words)
            if event.kind is EventKind.FINISHED:
                self._on_session_finished()
        self.refresh()

    def _on_session_finished(self) -> None:
        self._frame.stop()
        self.parts.inhibitor.release()
        self._log()
        done = len(self.session.completed)
        saved = "Saved to your history." if self.record else "Not logged: no pose was completed."
        names = done_poses(
            self.presenter.pose_name(s.pose)
            for i, s in enumerate(self.session.segments)
            if i in self.session.completed
        )
        self.audience.show_summary(
            Summary(
                self.routine.name,
                format_duration(self.session.played_seconds),
                done,
                self.presenter.hold_count,
                tuple(names),
                saved,
            )
        )

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
        screen = self.presenter.screen(state)
        if state.phase is not Phase.DONE:
            self.audience.show_screen(screen, self._scene(state))
        self.controls.show_screen(screen, self.session.started)

    def _scene(self, state: SessionState) -> FigureScene:
        segment = state.segment
        if segment is None:
            return FigureScene(None)
        mirrored = segment.side is Side.LEFT
        if segment.kind is SegmentKind.REST:
            upcoming = state.next_hold  # a still preview of what comes after the rest
            if upcoming is None:
                return FigureScene(None)
            return FigureScene(pose_id=upcoming.pose, mirrored=upcoming.side is Side.LEFT)
        rep_seconds = None
        if segment.kind is SegmentKind.HOLD:
            hold = self.presenter.hold_of(segment)
            rep_seconds = hold.seconds_per_rep if hold else None
        before = self._previous_hold(state.index)
        morph = segment.kind in (SegmentKind.TRANSITION, SegmentKind.SWITCH) and before is not None
        return FigureScene(
            pose_id=segment.pose,
            mirrored=mirrored,
            from_pose_id=before.pose if morph and before else None,
            from_mirrored=bool(before and before.side is Side.LEFT),
            blend=state.fraction if morph else 1.0,
            elapsed=state.segment_elapsed,
            rep_seconds=rep_seconds,
        )

    def _previous_hold(self, index: int) -> Segment | None:
        for earlier in reversed(self.session.segments[:index]):
            if earlier.kind is SegmentKind.HOLD:
                return earlier
        return None

    def _on_controls_volume_changed(self, value: int) -> None:
        self.parts.settings.setValue(VOLUME_KEY, value)
        self._apply_volume(value)

    def _apply_volume(self, value: int) -> None:
        self.parts.sound.set_volume(value / 100)
        if self.parts.voice is not None:
            self.parts.voice.set_volume(value / 100)

    def _on_controls_voice_toggled(self, on: bool) -> None:
        self.parts.settings.setValue(VOICE_KEY, "true" if on else "false")
        if self.parts.voice is not None:
            self.parts.voice.enabled = on
