"""What one session sounds like: its cue sounds, its spoken words and the breath pace.

The runner lies on the mat and follows by ear, so this is a responsibility of its
own: the controller hands each session event over and the audible side decides
what plays and what is said. It also wires the desk's volume and voice settings
to the sound and the voice. Both of those belong to the launcher and outlive the
session, so `release()` lets go of the voice when the session closes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from stretchdesk.core.player_view import Breath, Presenter, cue_sound
from stretchdesk.core.session import Session
from stretchdesk.core.session_state import Event
from stretchdesk.player.audio import SoundBackend
from stretchdesk.player.controls import ControlsPanel
from stretchdesk.player.voice import Voice


class SessionCues(QObject):
    def __init__(
        self,
        session: Session,
        presenter: Presenter,
        controls: ControlsPanel,
        sound: SoundBackend,
        voice: Voice | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.presenter = presenter
        self.controls = controls
        self.sound = sound
        self.voice = voice
        self._breath_half = -1
        self._connect_signals()
        self._on_controls_volume_changed(controls.volume.value())
        if voice is not None and voice.status:  # it started before this session (a failed one stays failed)
            self._on_voice_status_changed(voice.status)

    def _connect_signals(self) -> None:
        c = self.controls
        c.volume_changed.connect(self._on_controls_volume_changed)
        c.voice_toggled.connect(self._on_controls_voice_toggled)
        c.voice_chosen.connect(self._on_controls_voice_chosen)
        if self.voice is not None:
            self.voice.status_changed.connect(self._on_voice_status_changed)
            self.voice.voices_listed.connect(self._on_voice_voices_listed)
            self.voice.enabled = c.voice.isChecked()

    def release(self) -> None:
        """The voice outlives this session: it lets go of it."""
        if self.voice is not None:
            self.voice.status_changed.disconnect(self._on_voice_status_changed)
            self.voice.voices_listed.disconnect(self._on_voice_voices_listed)

    def play(self, event: Event) -> None:
        """The event's cue sound, then its words."""
        sound = cue_sound(event, self.session)
        if sound is not None:
            self.sound.play(sound)
        words = self.presenter.speech(event)
        if words and self.voice is not None:
            self.voice.say(words)

    def pace_breath(self, breath: Breath | None) -> None:
        """Say "in" / "out" as a breath-counted hold's pace turns (the hold's own
        announcement stands for its first "in")."""
        word, half = (breath.word, breath.half) if breath else ("", -1)
        if half != self._breath_half and half > 0 and not self.session.paused and self.voice is not None:
            self.voice.say(word)
        self._breath_half = half

    def _on_controls_volume_changed(self, value: int) -> None:
        self.sound.set_volume(value / 100)
        if self.voice is not None:
            self.voice.set_volume(value / 100)

    def _on_voice_status_changed(self, text: str) -> None:
        """The voice line of the controls says which voice speaks; only a voice that is off
        is news for the messages too."""
        self.controls.show_voice_status(text)
        voice = self.voice
        if voice is not None and voice.failed:
            self.controls.add_message(text)
        if voice is not None and voice.available:
            if voice.voices:
                self.controls.show_voices(voice.voices, voice.voice_name)
            else:
                voice.list_voices()

    def _on_voice_voices_listed(self, voices: list[tuple[str, str]]) -> None:
        if self.voice is not None:
            self.controls.show_voices(voices, self.voice.voice_name)

    def _on_controls_voice_chosen(self, name: str) -> None:
        if self.voice is not None:
            self.voice.set_voice(name)

    def _on_controls_voice_toggled(self, on: bool) -> None:
        if self.voice is not None:
            self.voice.enabled = on
