"""Spoken cues with QTextToSpeech, kept off the GUI thread.

The speech-dispatcher engine can block its constructor forever when no sound
server runs, and `say()` can then hang too. So the engine lives in a daemon
thread with its own event loop; the GUI only puts text in a queue, waits for
the engine with a timeout, and watches a heartbeat. Whenever speech fails the
player keeps its sound cues and says why, once.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

from stretchdesk.player.gcguard import VOICE_THREAD, collect_on_gui_thread

START_TIMEOUT_S = 4.0
HEARTBEAT_TIMEOUT_S = 2.0
_POLL_MS = 30
_STOP = object()

EngineFactory = Callable[[], Any]


def qt_engine(name: str | None) -> EngineFactory:
    """A factory making QTextToSpeech with `name` (None: Qt's default engine)."""

    def make() -> Any:
        from PySide6.QtTextToSpeech import QTextToSpeech

        engines = QTextToSpeech.availableEngines()
        if not engines:
            raise RuntimeError("no speech engine is installed")
        if name is not None and name not in engines:
            raise RuntimeError(f"speech engine {name!r} is not installed")
        engine = QTextToSpeech(name) if name else QTextToSpeech()
        if engine.state() == QTextToSpeech.State.Error:
            raise RuntimeError(engine.errorString() or "the speech engine failed to start")
        return engine

    return make


class Voice(QObject):
    """Says short cues. `available` turns true once the engine answered in time."""

    status_changed = Signal(str)

    def __init__(
        self,
        factory: EngineFactory,
        parent: QObject | None = None,
        start_timeout: float = START_TIMEOUT_S,
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._start_timeout = start_timeout
        self._channel = _Channel()
        self._started_at = 0.0
        self._thread: threading.Thread | None = None
        self.available = False
        self.failed = False
        self.enabled = True
        self.status = ""
        """The last thing said about the voice ("Voice is on." or why it is off)."""
        self.status_changed.connect(self._on_status_changed)
        self._watch = QTimer(self, interval=50)
        self._watch.timeout.connect(self._on_watch_timeout)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._started_at = time.monotonic()
        collect_on_gui_thread()
        self._thread = threading.Thread(target=self._run, name=VOICE_THREAD, daemon=True)
        self._thread.start()
        self._watch.start()

    @property
    def spoken(self) -> deque[str]:
        """The last things handed to the engine (newest last)."""
        return self._channel.spoken

    def say(self, text: str) -> None:
        if not (self.enabled and self.available):
            return
        if time.monotonic() - self._channel.heartbeat > HEARTBEAT_TIMEOUT_S:
            self._fail("the voice stopped responding")
            return
        self._channel.queue.put(text)

    def set_volume(self, volume: float) -> None:
        self._channel.volume = max(0.0, min(1.0, volume))
        self._channel.queue.put(("volume", self._channel.volume))

    def _on_status_changed(self, text: str) -> None:
        self.status = text

    def close(self, wait: float = 0.0) -> bool:
        """Ask the engine thread to end (waiting up to `wait` s); True once it has.

        Called with a wait on quit, so the engine is gone before the QApplication;
        a thread stuck inside the engine is a daemon and dies with the process.
        """
        self._watch.stop()
        self._channel.closing.set()  # cues still queued are dropped, not spoken first
        self._channel.queue.put(_STOP)
        if self._thread is None:
            return True
        self._thread.join(wait)
        return not self._thread.is_alive()

    def _fail(self, reason: str) -> None:
        self.available = False
        if not self.failed:
            self.failed = True
            self.status_changed.emit(f"Voice is off: {reason}. Sound cues still play.")

    def _on_watch_timeout(self) -> None:
        if self._channel.ready.is_set():
            self._watch.stop()
            if self._channel.failure is not None:
                self._fail(self._channel.failure)
            else:
                self.available = True
                self.status_changed.emit("Voice is on.")
        elif time.monotonic() - self._started_at > self._start_timeout:
            self._watch.stop()
            self._fail("the speech engine did not start in time")

    # -- engine thread ---------------------------------------------------------

    def _run(self) -> None:
        _serve(self._factory, self._channel)


class _Channel:
    """What the GUI and the engine thread share; plain Python, so the thread never
    touches a QObject that lives (and may be deleted) on the GUI thread."""

    def __init__(self) -> None:
        self.queue: queue.Queue[object] = queue.Queue()
        self.ready = threading.Event()
        self.failure: str | None = None
        self.heartbeat = 0.0
        self.volume = 1.0
        self.spoken: deque[str] = deque(maxlen=50)
        self.closing = threading.Event()


def _serve(factory: EngineFactory, channel: _Channel) -> None:
    try:
        engine = factory()
    except Exception as error:  # any engine failure means "no voice", never a crash
        channel.failure = str(error) or type(error).__name__
        channel.ready.set()
        return
    loop = QEventLoop()
    pump = QTimer()
    pump.setInterval(_POLL_MS)

    def drain() -> None:
        channel.heartbeat = time.monotonic()
        while True:
            try:
                item = channel.queue.get_nowait()
            except queue.Empty:
                return
            if item is _STOP or channel.closing.is_set():
                pump.stop()
                loop.quit()
                return
            if isinstance(item, tuple):
                engine.setVolume(item[1])
                continue
            text = str(item)
            channel.spoken.append(text)
            engine.say(text)

    pump.timeout.connect(drain)
    pump.start()
    channel.heartbeat = time.monotonic()
    engine.setVolume(channel.volume)
    channel.ready.set()
    loop.exec()
    pump.stop()
    stop = getattr(engine, "stop", None)
    if callable(stop):
        stop()  # cut off a cue still being spoken: the app is closing
    # Delete the Qt objects here, in their own thread, before the thread ends. `drain`
    # closes over them, so left to Python they would die in a reference cycle, collected
    # later on whatever thread the GC happens to run: a crash waiting for its moment.
    for thing in (pump, loop, engine):
        if isinstance(thing, QObject) and shiboken6.isValid(thing):
            shiboken6.delete(thing)
