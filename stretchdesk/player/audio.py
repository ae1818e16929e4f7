"""Sound cues through QSoundEffect, loaded lazily.

Qt Multimedia fails to import on machines without libpulse; the player then
plays in silence and says so once, instead of refusing to start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QUrl

from stretchdesk.player.sounds import CUES, sound_path


class SoundBackend(Protocol):
    def play(self, name: str) -> None: ...

    def set_volume(self, volume: float) -> None: ...


class SilentSound:
    """Plays nothing; remembers what it was asked, which is what tests need."""

    def __init__(self) -> None:
        self.played: list[str] = []
        self.volume = 1.0

    def play(self, name: str) -> None:
        self.played.append(name)

    def set_volume(self, volume: float) -> None:
        self.volume = volume


class QtSound(QObject):
    """One preloaded QSoundEffect per cue, so a cue starts without decoding delay."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QSoundEffect

        self._effects: dict[str, Any] = {}
        for name in CUES:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(sound_path(name))))
            self._effects[name] = effect
        self._volume = 1.0

    def play(self, name: str) -> None:
        effect = self._effects.get(name)
        if effect is not None:
            effect.setVolume(self._volume)
            effect.play()

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))


def make_sound(report: Callable[[str], None], parent: QObject | None = None) -> SoundBackend:
    """QtSound where Qt Multimedia loads; otherwise silence and one message."""
    try:
        return QtSound(parent)
    except ImportError as error:
        report(f"Sound cues are off: Qt Multimedia could not load ({error}).")
        return SilentSound()
