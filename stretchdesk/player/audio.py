"""Sound cues through QSoundEffect, loaded lazily.

Qt Multimedia fails to import on machines without libpulse; the player then
plays in silence and says so once, instead of refusing to start. Loading is
spread over event-loop turns (the import, then one effect per turn) so the
first Play paints the TV at once instead of waiting for the sound system.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, QUrl

from stretchdesk.player.sounds import CUES, sound_path

LOAD_STEP_MS = 150


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

    def __init__(self, report: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self._effect_type: Any = None
        self._effects: dict[str, Any] = {}
        self._to_load = list(CUES)
        self._failed = False
        self._volume = 1.0
        self._loader = QTimer(self, interval=LOAD_STEP_MS)
        self._loader.timeout.connect(self._on_loader_timeout)
        self._loader.start()  # the first step after the player's first frame is up

    def loaded(self) -> bool:
        return self._failed or not self._to_load

    def _on_loader_timeout(self) -> None:
        if self._effect_type is None and not self._import():
            self._loader.stop()
            return
        if self._to_load:
            self._effect(self._to_load[0])
        if not self._to_load:
            self._loader.stop()

    def _import(self) -> bool:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as error:
            self._failed = True
            self._to_load.clear()
            self._report(f"Sound cues are off: Qt Multimedia could not load ({error}).")
            return False
        self._effect_type = QSoundEffect
        return True

    def _effect(self, name: str) -> Any:
        if name not in self._effects and not self._failed:
            if self._effect_type is None and not self._import():
                return None
            effect = self._effect_type(self)
            effect.setSource(QUrl.fromLocalFile(str(sound_path(name))))
            self._effects[name] = effect
            if name in self._to_load:
                self._to_load.remove(name)
        return self._effects.get(name)

    def play(self, name: str) -> None:
        effect = self._effect(name)
        if effect is not None:
            effect.setVolume(self._volume)
            effect.play()

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))


def make_sound(report: Callable[[str], None], parent: QObject | None = None) -> SoundBackend:
    """QtSound, loading in the background; where Qt Multimedia can't load it stays
    silent and reports why once."""
    return QtSound(report, parent)
