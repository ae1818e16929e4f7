"""The speech helper process: `python -m stretchdesk.player.speech_helper [ENGINE]`.

Owns the QTextToSpeech engine so that an engine which blocks (speech-dispatcher
with no sound server blocks its constructor forever, holding the GIL) can only
ever block this process; the app kills it when it stops answering.

Talks in lines of UTF-8. In, from the app: `say TEXT`, `stop`, `volume 0.8`,
`voice NAME`, `voices`, `ping`, `quit`. Out, to the app: `ready ENGINE<TAB>VOICE`
or `error WHY` once at start, then `said TEXT`, `voices JSON`, `voice NAME`,
`pong`. `STRETCHDESK_SPEECH_HANG` set to `start` or `say` makes the helper hang
there (tests prove the app never waits on it).
"""

from __future__ import annotations

import json
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol, TextIO

HANG_VARIABLE = "STRETCHDESK_SPEECH_HANG"
_POLL_MS = 15


class Engine(Protocol):
    name: str

    def say(self, text: str) -> None: ...
    def stop(self) -> None: ...
    def set_volume(self, volume: float) -> None: ...
    def voices(self) -> list[tuple[str, str]]: ...
    def set_voice(self, name: str) -> str: ...
    def voice(self) -> str: ...


def language_of(locale: str) -> str:
    """"en" for "en_GB"; English for the C locale of a machine with no language set."""
    language = locale.split("_")[0]
    return "en" if language in ("", "C", "POSIX") else language


_TERRITORY_WORDS = {"US": ("America", "United States"), "GB": ("Great Britain", "United Kingdom", "England")}
"""How voice names spell a country: espeak-ng calls every English voice en_US or en_GB
and lists "English (Caribbean)" before "English (America)"."""


def pick_voice(voices: list[tuple[str, str]], locale: str) -> str | None:
    """The voice for a locale such as "en_GB": the same locale (one named after its
    country first), else the same language, else English, else the first (voices
    are (name, locale) pairs)."""
    language = language_of(locale)
    if language_of(locale) != locale.split("_")[0]:
        locale = "en_US"  # the C locale: American English
    territory = locale.partition("_")[2].partition(".")[0]

    def named_for(name: str, place: str) -> bool:
        return any(word in name for word in _TERRITORY_WORDS.get(place, ()))

    # the country's own voice first, then the main ones (American, British), then regional ones
    named = sorted(voices, key=lambda voice: (not named_for(voice[0], territory),
                                              not (named_for(voice[0], "US") or named_for(voice[0], "GB"))))
    for wanted, whole in ((locale.partition(".")[0], True), (language, False), ("en", False)):
        for name, voice_locale in named:
            if (voice_locale if whole else voice_locale.split("_")[0]) == wanted:
                return name
    return voices[0][0] if voices else None


class QtEngine:
    """QTextToSpeech behind the small interface the server needs."""

    def __init__(self, name: str | None) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        engines = QTextToSpeech.availableEngines()
        if not engines:
            raise RuntimeError("no speech engine is installed")
        if name and name not in engines:
            raise RuntimeError(f"speech engine {name!r} is not installed")
        self._engine = QTextToSpeech(name) if name else QTextToSpeech()  # Qt's choice by priority
        self.name = str(self._engine.engine())
        self._voices: dict[str, Any] | None = None
        if self._engine.state() == QTextToSpeech.State.Error:
            raise RuntimeError(self._engine.errorString() or "the speech engine failed to start")

    def say(self, text: str) -> None:
        self._engine.say(text)

    def stop(self) -> None:
        self._engine.stop()

    def set_volume(self, volume: float) -> None:
        self._engine.setVolume(volume)

    def _all_voices(self) -> dict[str, Any]:
        """The voices in the user's language and in English, by name; espeak-ng's
        "+variant" timbres are left out (each locale has dozens)."""
        from PySide6.QtCore import QLocale

        if self._voices is None:
            wanted = {language_of(QLocale().name()), "en"}
            self._voices = {}
            for locale in self._engine.availableLocales():
                if language_of(locale.name()) in wanted:
                    for voice in self._engine.allVoices(locale):
                        if "+" not in voice.name():
                            self._voices.setdefault(voice.name(), voice)
            if not self._voices:  # an engine without per-locale lists
                self._voices = {voice.name(): voice for voice in self._engine.availableVoices()}
        return self._voices

    def voices(self) -> list[tuple[str, str]]:
        return [(name, voice.locale().name()) for name, voice in self._all_voices().items()]

    def set_voice(self, name: str) -> str:
        voice = self._all_voices().get(name)
        if voice is not None:
            self._engine.setLocale(voice.locale())
            self._engine.setVoice(voice)
        return self.voice()

    def voice(self) -> str:
        return str(self._engine.voice().name())


class SpeechServer:
    """Turns command lines into engine calls and answers in lines."""

    def __init__(self, engine: Engine, reply: Callable[[str], None]) -> None:
        self.engine = engine
        self._reply = reply

    def start(self, voice: str | None, locale: str) -> None:
        chosen = voice if voice and voice in dict(self.engine.voices()) else pick_voice(
            self.engine.voices(), locale)
        if chosen:
            self.engine.set_voice(chosen)
        self._reply(f"ready {self.engine.name}\t{self.engine.voice()}")

    def handle(self, line: str) -> bool:
        """Carry out one command; False when the app asked the helper to quit."""
        command, _, argument = line.rstrip("\n").partition(" ")
        if command == "say":
            self.engine.say(argument)
            self._reply(f"said {argument}")
        elif command == "stop":
            self.engine.stop()
        elif command == "volume":
            self.engine.set_volume(max(0.0, min(1.0, float(argument))))
        elif command == "voice":
            self._reply(f"voice {self.engine.set_voice(argument)}")
        elif command == "voices":
            self._reply("voices " + json.dumps(self.engine.voices()))
        elif command == "ping":
            self._reply("pong")
        elif command == "quit":
            self.engine.stop()
            return False
        return True


def _hang_if_asked(where: str) -> None:
    if os.environ.get(HANG_VARIABLE) == where:
        time.sleep(3600)


def main(arguments: list[str], out: TextIO) -> int:
    from PySide6.QtCore import QCoreApplication, QLocale, QTimer

    app = QCoreApplication(sys.argv[:1])
    engine_name = arguments[0] if arguments and arguments[0] != "-" else None
    wanted_voice = arguments[1] if len(arguments) > 1 else None

    def reply(text: str) -> None:
        out.write(text.replace("\n", " ") + "\n")
        out.flush()

    _hang_if_asked("start")
    try:
        engine = QtEngine(engine_name)
    except Exception as error:  # any engine failure means "no voice", said in one line
        reply(f"error {error or type(error).__name__}")
        return 1
    server = SpeechServer(engine, reply)
    server.start(wanted_voice, QLocale().name())
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:  # a plain thread: stdin has no portable Qt notifier
        for line in sys.stdin:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()

    def drain() -> None:
        while not lines.empty():
            line = lines.get()
            if line is not None and line.startswith("say "):
                _hang_if_asked("say")
            if line is None or not server.handle(line):
                app.quit()
                return

    pump: Any = QTimer(app)
    pump.timeout.connect(drain)
    pump.start(_POLL_MS)
    return app.exec()


if __name__ == "__main__":
    stdout = sys.stdout
    sys.stdout = sys.stderr  # a stray print must never corrupt the replies
    sys.exit(main(sys.argv[1:], stdout))
