"""Spoken cues through the speech helper process: the mock engine speaks; a missing,
stuck or hung engine never blocks the GUI and falls back to sounds after one message."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from stretchdesk.player.audio import NO_SERVER, SERVER_LOST
from stretchdesk.player.speech_helper import HANG_VARIABLE, pick_voice
from stretchdesk.player.voice import ProcessLink, Voice, helper_link
from tests.player.conftest import Rig, wait_for_voice

NEVER_WAITS_S = 1.0
"""Far below the hang (an hour) and any timeout: a call this quick did not wait on the helper.
(A bound on correctness, not on speed: the real stall is measured in benchmarks.)"""


def watch(qtbot: Any, voice: Voice, timeout: int = 15000) -> list[str]:
    messages: list[str] = []
    voice.status_changed.connect(messages.append)
    voice.start()
    qtbot.waitUntil(lambda: voice.available or voice.failed, timeout=timeout)
    return messages


@pytest.fixture
def hang(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    def where(place: str) -> None:
        monkeypatch.setenv(HANG_VARIABLE, place)

    yield where


def timed(call: Any) -> float:
    began = time.monotonic()
    call()
    return time.monotonic() - began


def test_the_helper_speaks_with_the_mock_engine_in_an_english_voice(qtbot: Any) -> None:
    voice = Voice(helper_link("mock"))
    messages = watch(qtbot, voice)
    assert voice.available and voice.engine_name == "mock"
    assert messages == [f"Voice is on: mock engine, voice {voice.voice_name}."]
    voice.list_voices()
    qtbot.waitUntil(lambda: voice.voices != [])
    assert dict(voice.voices)[voice.voice_name].startswith("en")
    voice.say("Pigeon, right leg, thirty seconds")
    qtbot.waitUntil(lambda: list(voice.spoken) == ["Pigeon, right leg, thirty seconds"])
    voice.enabled = False
    voice.say("Switch sides")
    assert voice.close(wait=5)
    assert "Switch sides" not in voice.spoken


def test_a_chosen_voice_is_used_and_said(qtbot: Any) -> None:
    probe = Voice(helper_link("mock"))
    watch(qtbot, probe)
    probe.list_voices()
    qtbot.waitUntil(lambda: probe.voices != [])
    other = next(name for name, _ in probe.voices if name != probe.voice_name)
    assert probe.close(wait=5)
    voice = Voice(helper_link("mock", other))
    watch(qtbot, voice)
    assert voice.voice_name == other
    voice.set_voice(probe.voice_name)
    qtbot.waitUntil(lambda: voice.voice_name == probe.voice_name)
    assert voice.status == f"Voice is on: mock engine, voice {probe.voice_name}."
    assert voice.close(wait=5)


def test_the_voice_follows_the_users_language() -> None:
    voices = [("Alvar", "af_ZA"), ("Anna", "de_DE"), ("Bob", "en_GB"), ("Cara", "en_US")]
    assert pick_voice(voices, "en_US") == "Cara"
    assert pick_voice(voices, "en_AU") == "Bob"
    assert pick_voice(voices, "de_AT") == "Anna"
    assert pick_voice(voices, "fi_FI") == "Bob"  # no Finnish voice: English, not the first one
    assert pick_voice(voices, "C") == "Cara"  # no language set: American English
    assert pick_voice([], "en_US") is None
    espeak = [("English (Caribbean)", "en_US"), ("English (America)", "en_US"), ("English (Scotland)", "en_GB"),
              ("English (Great Britain)", "en_GB"), ("German", "de_DE")]
    assert pick_voice(espeak, "C") == "English (America)"  # not the first en_US one
    assert pick_voice(espeak, "en_GB.UTF-8") == "English (Great Britain)"
    assert pick_voice(espeak, "en_IE") == "English (America)"
    assert pick_voice(espeak, "de_CH") == "German"


def test_a_missing_engine_turns_the_voice_off_with_one_message(qtbot: Any) -> None:
    voice = Voice(helper_link("no-such-engine"))
    messages = watch(qtbot, voice)
    assert voice.failed and not voice.available
    assert messages == [
        "Voice is off: speech engine 'no-such-engine' is not installed. Sound cues still play."
    ]
    voice.say("Switch sides")
    assert list(voice.spoken) == []
    assert len(messages) == 1


def test_a_helper_that_never_starts_is_killed_and_never_waited_on(qtbot: Any, hang: Any) -> None:
    hang("start")
    voice = Voice(helper_link("mock"), start_timeout=0.5)
    assert timed(lambda: watch(qtbot, voice)) < 5
    assert voice.failed
    assert voice.status == "Voice is off: the speech engine did not start in time. Sound cues still play."
    assert timed(lambda: voice.close(wait=5)) < NEVER_WAITS_S


def test_a_helper_that_hangs_mid_session_is_killed_after_one_message(qtbot: Any, hang: Any) -> None:
    hang("say")
    voice = Voice(helper_link("mock"), reply_timeout=0.3)
    messages = watch(qtbot, voice)
    assert voice.available
    assert timed(lambda: voice.say("Halfway")) < NEVER_WAITS_S
    qtbot.waitUntil(lambda: voice.failed, timeout=5000)
    assert messages[-1] == "Voice is off: the speech engine stopped responding. Sound cues still play."
    voice.say("Switch sides")
    assert len(messages) == 2
    assert timed(lambda: voice.close(wait=5)) < NEVER_WAITS_S


def test_closing_a_hung_helper_does_not_stall_the_gui(qtbot: Any, hang: Any) -> None:
    hang("say")
    voice = Voice(helper_link("mock"))
    watch(qtbot, voice)
    voice.say("Halfway")  # the helper is now stuck and nobody has noticed yet
    qtbot.wait(100)
    link = voice._link
    assert isinstance(link, ProcessLink)
    assert timed(lambda: voice.close(wait=5)) < NEVER_WAITS_S  # the grace, then a kill
    assert link._process.state().name == "NotRunning"


def test_the_player_keeps_its_sounds_when_the_voice_fails(qtbot: Any, rig: Rig) -> None:
    def unavailable() -> object:
        raise RuntimeError("no speech engine is installed")

    rig.use_engine(unavailable)
    player = rig.play()
    wait_for_voice(qtbot, player)
    assert "Voice is off: no speech engine is installed" in player.controls.message.text()
    player.start()
    rig.at(player, 10.0)
    assert rig.sound.played[-1] == "chime"
    voice = player.parts.voice
    assert voice is not None and voice.failed and not voice.available
    assert list(voice.spoken) == []


def test_play_stop_and_quit_never_wait_on_a_hung_helper(qtbot: Any, rig: Rig, hang: Any) -> None:
    hang("start")
    rig.launcher._voice_link = helper_link("mock")
    began = time.monotonic()
    player = rig.play()
    player.start()
    rig.at(player, 10.0)
    assert time.monotonic() - began < 3  # (building the windows, not waiting on speech)
    assert rig.sound.played[-1] == "chime"
    assert timed(player.close) < NEVER_WAITS_S
    assert timed(lambda: rig.launcher.shut_down(5.0)) < NEVER_WAITS_S



def test_the_controls_say_which_engine_and_voice_and_let_you_choose(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    wait_for_voice(qtbot, player)
    controls = player.controls
    assert controls.voice_status.text() == "Voice is on: scripted engine, voice Anne."
    choice = controls.voice_choice
    qtbot.waitUntil(lambda: choice.count() == 2)
    assert choice.isEnabled() and choice.currentData() == "Anne"
    assert choice.itemText(0) == "Anne (en_GB)"  # the user's language (English here) first
    choice.setCurrentIndex(1)
    choice.activated.emit(1)
    qtbot.waitUntil(lambda: rig.engine.chosen == "Klaus")
    assert controls.voice_status.text() == "Voice is on: scripted engine, voice Klaus."
    assert rig.launcher.settings.value("player/voice_name") == "Klaus"
    player.start()
    qtbot.waitUntil(lambda: rig.engine.said != [])


def test_the_remembered_voice_is_passed_to_the_helper(qtbot: Any, rig: Rig) -> None:
    rig.launcher.settings.setValue("player/voice_engine", "mock")
    rig.launcher._voice_link = None
    probe = Voice(helper_link("mock"))
    watch(qtbot, probe)
    probe.list_voices()
    qtbot.waitUntil(lambda: probe.voices != [])
    other = next(name for name, _ in probe.voices if name != probe.voice_name)
    assert probe.close(wait=5)
    rig.launcher.settings.setValue("player/voice_name", other)
    player = rig.play()
    wait_for_voice(qtbot, player)
    assert player.parts.voice is not None and player.parts.voice.voice_name == other


def test_a_voice_that_is_off_says_why_in_the_controls(qtbot: Any, rig: Rig) -> None:
    def unavailable() -> object:
        raise RuntimeError("no speech engine is installed")

    rig.use_engine(unavailable)
    player = rig.play()
    wait_for_voice(qtbot, player)
    text = player.controls.voice_status.text()
    assert text == "Voice is off: no speech engine is installed. Sound cues still play."
    assert "\n" not in text and not player.controls.voice_choice.isEnabled()


def test_a_sound_server_that_stops_mid_session_turns_the_voice_line_silent(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    wait_for_voice(qtbot, player)
    assert player.controls.voice_status.text().startswith("Voice is on")
    rig.launcher._on_sound_reported(SERVER_LOST)  # what the sound backend reports when its server dies
    assert player.controls.voice_status.text() == "Voice is silent: the sound server stopped."
    assert SERVER_LOST in player.controls.message.text()


def test_no_sound_server_at_start_keeps_the_voice_line_silent_in_the_next_player(
    qtbot: Any, rig: Rig
) -> None:
    rig.launcher._on_sound_reported(NO_SERVER)  # reported while the builder was idle
    player = rig.play()
    assert player.controls.voice_status.text() == "Voice is silent: no sound server is running."
    assert NO_SERVER in player.controls.message.text()
