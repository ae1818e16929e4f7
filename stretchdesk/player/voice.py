"""Spoken cues, said by a speech helper process (speech_helper.py).

A speech engine can block inside its own C++ code while holding the GIL (the
speech-dispatcher engine with no sound server never returns from its
constructor), so no thread of ours can save the GUI from it. The engine lives
in a small helper process instead; the GUI only writes lines to its pipe and
reads the answers when they come. When the helper does not start or stops
answering in time it is killed, and the player keeps its sound cues after one
message.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

START_TIMEOUT_S = 15.0
"""Starting speech-dispatcher takes ~3 s on an idle 2-core machine and measured over 6 s
under load; the GUI never waits on it, so a generous limit only delays the message
when the engine really hangs, while a slow start still gets its voice."""
REPLY_TIMEOUT_S = 2.0
QUIT_GRACE_MS = 15
"""How long closing lets a healthy helper quit on its own before it is killed."""
_WATCH_MS = 100

LineHandler = Callable[[str], None]


class SpeechLink(Protocol):
    """A pipe of lines to a speech server (the helper process, or a fake in tests)."""

    def start(self, on_line: LineHandler) -> None: ...
    def send(self, line: str) -> None: ...
    def close(self, wait: float) -> bool: ...


LinkFactory = Callable[[QObject], SpeechLink]


def _helper_environment() -> QProcessEnvironment:
    """The helper imports stretchdesk from wherever this copy of it lives."""
    env = QProcessEnvironment.systemEnvironment()
    root = str(Path(__file__).resolve().parents[2])
    paths = [root, *[p for p in env.value("PYTHONPATH", "").split(os.pathsep) if p]]
    env.insert("PYTHONPATH", os.pathsep.join(paths))
    if not env.contains("QT_LOGGING_RULES"):
        env.insert("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")  # the PipeWire probe
    return env


class ProcessLink:
    """Runs `python -m stretchdesk.player.speech_helper ENGINE [VOICE]` under QProcess."""

    def __init__(self, parent: QObject, engine: str | None = None, voice: str | None = None) -> None:
        self._process = QProcess(parent)
        self._arguments = ["-m", "stretchdesk.player.speech_helper", engine or "-", *([voice] if voice else [])]
        self._received = bytearray()
        self._on_line: LineHandler | None = None

    def start(self, on_line: LineHandler) -> None:
        self._on_line = on_line
        process = self._process
        process.setProcessEnvironment(_helper_environment())
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._on_process_ready_read)
        process.start(sys.executable, self._arguments)

    def _on_process_ready_read(self) -> None:
        self._received += self._process.readAllStandardOutput().data()
        while b"\n" in self._received:
            line, _, rest = bytes(self._received).partition(b"\n")
            self._received[:] = rest
            if self._on_line is not None:
                self._on_line(line.decode("utf-8", "replace"))

    def send(self, line: str) -> None:
        if self._process.state() is QProcess.ProcessState.Running:
            self._process.write((line.replace("\n", " ") + "\n").encode())

    def close(self, wait: float) -> bool:
        process = self._process
        self._on_line = None
        if process.state() is not QProcess.ProcessState.NotRunning:
            self.send("quit")
            if not process.waitForFinished(min(QUIT_GRACE_MS, round(wait * 1000))):
                process.kill()  # a helper stuck in its engine: never wait on it
                process.waitForFinished(round(wait * 1000))
        return process.state() is QProcess.ProcessState.NotRunning


def helper_link(engine: str | None, voice: str | None = None) -> LinkFactory:
    """A factory for the real helper with an engine (None: Qt's default) and a voice name."""
    return lambda parent: ProcessLink(parent, engine, voice)


class Voice(QObject):
    """Says short cues. `available` turns true once the helper said it is ready."""

    status_changed = Signal(str)
    voices_listed = Signal(list)
    """[(name, locale), ...] the engine offers, after `list_voices()`."""

    def __init__(
        self,
        link: LinkFactory,
        parent: QObject | None = None,
        start_timeout: float = START_TIMEOUT_S,
        reply_timeout: float = REPLY_TIMEOUT_S,
    ) -> None:
        super().__init__(parent)
        self._link = link(self)
        self._start_timeout = start_timeout
        self._reply_timeout = reply_timeout
        self._started_at: float | None = None
        self._awaiting: deque[float] = deque()
        self.available = False
        self.failed = False
        self.enabled = True
        self.engine_name = ""
        self.voice_name = ""
        self.voices: list[tuple[str, str]] = []
        self.status = ""
        """The last thing said about the voice ("Voice is on: ..." or why it is off)."""
        self.spoken: deque[str] = deque(maxlen=50)
        """The last things the engine took (newest last)."""
        self._volume = 1.0
        self._watch = QTimer(self, interval=_WATCH_MS)
        self._watch.timeout.connect(self._on_watch_timeout)

    def start(self) -> None:
        if self._started_at is not None:
            return
        self._started_at = time.monotonic()
        self._watch.start()
        self._link.start(self._on_link_line)

    def say(self, text: str) -> None:
        if self.enabled and self.available and self._volume > 0:  # at volume 0 the voice is muted too
            self._send(f"say {text}", answered=True)

    def stop_speaking(self) -> None:
        if self.available:
            self._send("stop")

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        if self.available:
            self._send(f"volume {self._volume:.3f}")

    def set_voice(self, name: str) -> None:
        if self.available:
            self._send(f"voice {name}", answered=True)

    def list_voices(self) -> None:
        if self.available:
            self._send("voices", answered=True)

    def describe(self) -> str:
        return f"Voice is on: {self.engine_name} engine, voice {self.voice_name or 'default'}."

    def _send(self, line: str, answered: bool = False) -> None:
        if answered:
            self._awaiting.append(time.monotonic())
            self._watch.start()
        self._link.send(line)

    def _on_link_line(self, line: str) -> None:
        kind, _, rest = line.partition(" ")
        if kind == "ready" and not self.failed:
            self.engine_name, _, self.voice_name = rest.partition("\t")
            self.available = True
            self.set_volume(self._volume)
            self._announce(self.describe())
            return
        if kind == "error":
            self._fail(rest or "the speech engine failed to start")
            return
        if self._awaiting:
            self._awaiting.popleft()
        if kind == "said":
            self.spoken.append(rest)
        elif kind == "voice":
            self.voice_name = rest
            self._announce(self.describe())
        elif kind == "voices":
            self.voices = [(str(n), str(loc)) for n, loc in json.loads(rest)]
            self.voices_listed.emit(self.voices)

    def _on_watch_timeout(self) -> None:
        now = time.monotonic()
        if not self.available and not self.failed and self._started_at is not None:
            if now - self._started_at > self._start_timeout:
                self._fail("the speech engine did not start in time")
        elif self._awaiting and now - self._awaiting[0] > self._reply_timeout:
            self._fail("the speech engine stopped responding")
        elif self.available and not self._awaiting:
            self._watch.stop()

    def _announce(self, text: str) -> None:
        self.status = text
        self.status_changed.emit(text)

    def _fail(self, reason: str) -> None:
        """Off for good: kill the helper and say why, once."""
        self.available = False
        self._watch.stop()
        self._awaiting.clear()
        self._link.close(0.5)
        if not self.failed:
            self.failed = True
            self._announce(f"Voice is off: {reason}. Sound cues still play.")

    def close(self, wait: float = 0.0) -> bool:
        """End the helper (killed if it does not quit at once); True once it is gone.
        Called on quit, so the helper never outlives the app."""
        self._watch.stop()
        self.available = False
        return self._link.close(wait)
