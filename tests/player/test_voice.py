"""Spoken cues: the mock engine speaks; a missing or stuck engine falls back to sounds."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

import pytest

from stretchdesk.player.voice import Voice, qt_engine
from tests.player.conftest import Rig, wait_for_voice

# Loading Qt's speech plugins may probe for PipeWire, which these machines lack.
PIPEWIRE = pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) pipewire")


def watch(qtbot: Any, voice: Voice) -> list[str]:
    messages: list[str] = []
    voice.status_changed.connect(messages.append)
    voice.start()
    qtbot.waitUntil(lambda: voice.available or voice.failed, timeout=5000)
    return messages


@PIPEWIRE
def test_the_mock_engine_speaks_cues(qtbot: Any) -> None:
    voice = Voice(qt_engine("mock"))
    messages = watch(qtbot, voice)
    assert voice.available and messages == ["Voice is on."]
    voice.say("Pigeon Pose, right side, 30 seconds")
    qtbot.waitUntil(lambda: list(voice.spoken) == ["Pigeon Pose, right side, 30 seconds"])
    voice.enabled = False
    voice.say("Switch sides")
    assert voice.close(wait=5)
    assert "Switch sides" not in voice.spoken


@PIPEWIRE
def test_a_missing_engine_turns_the_voice_off_with_one_message(qtbot: Any) -> None:
    voice = Voice(qt_engine("no-such-engine"))
    messages = watch(qtbot, voice)
    assert voice.failed and not voice.available
    assert messages == [
        "Voice is off: speech engine 'no-such-engine' is not installed. Sound cues still play."
    ]
    voice.say("Switch sides")
    assert list(voice.spoken) == []
    assert messages == messages[:1]


def test_no_speech_module_at_all_falls_back(qtbot: Any) -> None:
    def unavailable() -> object:
        raise ImportError("libpulse.so.0: cannot open shared object file")

    voice = Voice(unavailable)
    messages = watch(qtbot, voice)
    assert voice.failed
    assert messages == ["Voice is off: libpulse.so.0: cannot open shared object file. Sound cues still play."]


def test_an_engine_that_never_starts_times_out(qtbot: Any) -> None:
    release = threading.Event()

    def stuck() -> object:
        release.wait(10)
        raise RuntimeError("released")

    voice = Voice(stuck, start_timeout=0.3)
    messages = watch(qtbot, voice)
    release.set()
    assert voice.failed
    assert messages == ["Voice is off: the speech engine did not start in time. Sound cues still play."]


def test_the_player_keeps_its_sounds_when_the_voice_fails(qtbot: Any, rig: Rig) -> None:
    def unavailable() -> object:
        raise RuntimeError("no speech engine is installed")

    rig.launcher._voice_engine = unavailable
    player = rig.play()
    wait_for_voice(qtbot, player)
    assert "Voice is off: no speech engine is installed" in player.controls.message.text()
    player.start()
    rig.at(player, 10.0)
    assert rig.sound.played[-1] == "chime"
    voice = player.parts.voice
    assert voice is not None and voice.failed and not voice.available
    assert list(voice.spoken) == []


class _Cycle:
    """An object that only the cycle collector can free."""

    def __init__(self) -> None:
        self.me = self


@PIPEWIRE
def test_cycles_are_collected_on_the_gui_thread_while_the_voice_runs(qtbot: Any) -> None:
    """A collection on the voice thread could delete GUI-thread QObjects and crash Qt."""
    qtbot.waitUntil(gc.isenabled, timeout=5000)  # voice threads of earlier tests have ended
    voice = Voice(qt_engine("mock"))
    watch(qtbot, voice)
    assert voice.available and not gc.isenabled()
    freed_on: list[str] = []
    cycle = _Cycle()
    weakref.finalize(cycle, lambda: freed_on.append(threading.current_thread().name))
    del cycle
    kept = [[] for _ in range(2 * gc.get_threshold()[0])]  # live objects push the count past the threshold
    for _ in range(20):
        voice.say("Halfway")
    qtbot.waitUntil(lambda: freed_on != [], timeout=3000)
    del kept
    assert freed_on == [threading.main_thread().name]
    assert voice.close(wait=5)
    qtbot.waitUntil(gc.isenabled, timeout=3000)
