"""Sound cues through QSoundEffect, loaded lazily.

Qt Multimedia fails to import on machines without libpulse; the player then
plays in silence and says so once, instead of refusing to start. Loading is
spread over event-loop turns (the import, then one effect per turn) so the
first Play paints the TV at once instead of waiting for the sound system.

No cue is ever left to end on its own. In Qt 6.11 a QSoundEffect voice that
plays to its end can be destroyed on the audio thread (QRtAudioEngine's
callback drops the last reference when the GUI thread has already let go); its
socket notifier then dies on the wrong thread and the GUI's event loop spins on
the closed descriptor forever: the player froze in about a quarter of sessions
under PulseAudio. So every cue loops, and the GUI thread stops it inside the
silent tail its WAV ends with; a stop goes through Qt's command queue and the
voice is released on the GUI thread.

Qt does not notice when the sound server dies (the effects stay Ready and play
into nothing), so on Linux the server's socket is probed every few seconds: when
it stops answering, or was never there, the player says so once and goes on silently.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl

from stretchdesk.player.sounds import CUES, TAIL_SECONDS, audible_seconds, sound_path

LOAD_STEP_MS = 150
STOP_AFTER_S = 0.15
"""A cue is stopped this long after its sound ends, well inside its silent tail."""
assert STOP_AFTER_S < TAIL_SECONDS / 2
SERVER_CHECK_MS = 2000
SERVER_LOST = "Sound is off: the sound server stopped, so chimes and voice are silent. The routine goes on."
NO_SERVER = "Sound is off: no sound server is running, so chimes and voice are silent. The routine goes on."


def pulse_socket() -> Path | None:
    """The PulseAudio (or PipeWire-pulse) socket Qt's sound goes to; None off Linux
    or when the server is not a local socket."""
    if not sys.platform.startswith("linux"):
        return None
    server = os.environ.get("PULSE_SERVER", "").split()
    if server:
        return Path(server[0][len("unix:"):]) if server[0].startswith("unix:") else None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return Path(runtime, "pulse", "native") if runtime else None


def server_answers(path: Path) -> bool:
    """A non-blocking connect to the server's socket: refused or missing means it is gone."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.setblocking(False)
        return probe.connect_ex(str(path)) in (0, errno.EAGAIN, errno.EINPROGRESS)


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

    def __init__(self, report: Callable[[str], None], parent: QObject | None = None,
                 server: Path | None = None, effect_type: Any = None) -> None:
        """`server`: the sound server's socket to watch (default: PulseAudio's);
        `effect_type`: stands in for QSoundEffect in tests."""
        super().__init__(parent)
        self._report = report
        self._server = server if server is not None else pulse_socket()
        self._server_lost = False
        self._server_watch = QTimer(self, interval=SERVER_CHECK_MS)
        self._server_watch.timeout.connect(self._on_server_watch_timeout)
        self._effect_type: Any = effect_type
        self._effects: dict[str, Any] = {}
        self._stops: dict[str, QTimer] = {}
        self._to_load = list(CUES)
        self._failed = False
        self._volume = 1.0
        self._loader = QTimer(self, interval=LOAD_STEP_MS)
        self._loader.timeout.connect(self._on_loader_timeout)
        self._loader.start()  # the first step after the player's first frame is up
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_all)

    def loaded(self) -> bool:
        return self._failed or not self._to_load

    def available(self) -> bool:
        """True while cues can be heard: loaded, and no effect lost its output."""
        return not self._failed and not self._server_lost and bool(self._effects) and all(
            effect.status() != self._effect_type.Status.Error for effect in self._effects.values())

    def _on_loader_timeout(self) -> None:
        if self._effect_type is None and not self._import():
            self._loader.stop()
            return
        if self._to_load:
            self._effect(self._to_load[0])
        if not self._to_load:
            self._loader.stop()
            if self._server is None:
                return  # not a local PulseAudio socket: nothing to watch
            if server_answers(self._server):
                self._server_watch.start()
            else:  # Qt plays into nothing without a word
                self._server_lost = True
                self._report(NO_SERVER)

    def _import(self) -> bool:
        try:
            from PySide6.QtMultimedia import QSoundEffect

            self._effect_type = QSoundEffect
        except ImportError as error:
            self._failed = True
            self._to_load.clear()
            self._report(f"Sound cues are off: Qt Multimedia could not load ({error}).")
            return False
        return True

    def _on_server_watch_timeout(self) -> None:
        if self._server is not None and not server_answers(self._server):
            self._server_watch.stop()
            self._server_lost = True
            self.stop_all()
            self._report(SERVER_LOST)

    def _effect(self, name: str) -> Any:
        if name not in self._effects and not self._failed:
            if self._effect_type is None and not self._import():
                return None
            effect = self._effect_type(self)
            effect.setLoopCount(self._effect_type.Loop.Infinite.value)  # stopped by us, never on its own
            effect.setSource(QUrl.fromLocalFile(str(sound_path(name))))
            self._effects[name] = effect
            stop = QTimer(self, singleShot=True, interval=round((audible_seconds(name) + STOP_AFTER_S) * 1000))
            stop.timeout.connect(partial(self._on_stop_timeout, name))
            self._stops[name] = stop
            if name in self._to_load:
                self._to_load.remove(name)
        return self._effects.get(name)

    def play(self, name: str) -> None:
        """Start a cue (at volume 0 nothing plays); the same cue still sounding is cut."""
        effect = self._effect(name)
        if effect is None or self._volume == 0 or self._server_lost:
            return
        stop = self._stops[name]
        if stop.isActive():
            effect.stop()
        effect.setVolume(self._volume)
        effect.play()
        stop.start()

    def _on_stop_timeout(self, name: str) -> None:
        self._effects[name].stop()

    def playing(self) -> list[str]:
        """The cues whose stop is still to come."""
        return [name for name, stop in self._stops.items() if stop.isActive()]

    def stop_all(self) -> None:
        """Stop every sounding cue now (on quit: nothing is left to end on the audio thread)."""
        for name, stop in self._stops.items():
            if stop.isActive():
                stop.stop()
                self._effects[name].stop()

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))


def make_sound(report: Callable[[str], None], parent: QObject | None = None) -> SoundBackend:
    """QtSound, loading in the background; where Qt Multimedia can't load it stays
    silent and reports why once."""
    return QtSound(report, parent)
