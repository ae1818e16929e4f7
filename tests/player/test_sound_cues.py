"""QtSound's contract with Qt Multimedia, with a stand-in for QSoundEffect: a cue is
never left to end on its own (it loops and is stopped inside its silent tail, see
audio.py for the Qt 6.11 freeze this avoids), volume 0 plays nothing, and a sound
server that dies is said once, after which the cues stay quiet."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QObject, QUrl

import stretchdesk.player.audio as audio
from stretchdesk.player.audio import NO_SERVER, SERVER_LOST, STOP_AFTER_S, QtSound
from stretchdesk.player.sounds import CUES, TAIL_SECONDS, audible_seconds

pytestmark = pytest.mark.gui


class FakeEffect:
    """Records what QtSound asks of a QSoundEffect."""

    class Loop(Enum):
        Infinite = -2

    class Status(Enum):
        Ready = 2
        Error = 3

    made: ClassVar[list[FakeEffect]] = []

    def __init__(self, parent: QObject) -> None:
        self.loops = 1
        self.source = ""
        self.volume = 1.0
        self.log: list[str] = []
        self.made.append(self)

    def setLoopCount(self, loops: int) -> None:
        self.loops = loops

    def setSource(self, url: QUrl) -> None:
        self.source = Path(url.toLocalFile()).stem

    def setVolume(self, volume: float) -> None:
        self.volume = volume

    def play(self) -> None:
        self.log.append("play")

    def stop(self) -> None:
        self.log.append("stop")

    def status(self) -> FakeEffect.Status:
        return FakeEffect.Status.Ready


@pytest.fixture
def sound(qtbot: Any, tmp_path: Path) -> Iterator[QtSound]:
    """Cues with fake effects and a sound server's socket that answers."""
    path = tmp_path / "native"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(8)
        FakeEffect.made = []
        reports: list[str] = []
        made = QtSound(reports.append, server=path, effect_type=FakeEffect)
        made.reports = reports  # type: ignore[attr-defined]
        qtbot.waitUntil(made.loaded)
        yield made
        assert reports == []


def effect(name: str) -> FakeEffect:
    return next(e for e in FakeEffect.made if e.source == name)


def test_every_cue_loops_and_is_stopped_in_its_silent_tail(qtbot: Any, sound: QtSound) -> None:
    assert sorted(e.source for e in FakeEffect.made) == sorted(CUES)
    assert {e.loops for e in FakeEffect.made} == {FakeEffect.Loop.Infinite.value}  # never ends on the audio thread
    sound.play("tick")
    assert effect("tick").log == ["play"] and sound.playing() == ["tick"]
    qtbot.waitUntil(lambda: effect("tick").log == ["play", "stop"], timeout=2000)
    assert sound.playing() == []
    assert audible_seconds("tick") + STOP_AFTER_S < audible_seconds("tick") + TAIL_SECONDS


def test_a_cue_played_again_while_sounding_starts_over(sound: QtSound) -> None:
    sound.play("switch")
    sound.play("switch")
    assert effect("switch").log == ["play", "stop", "play"]
    sound.stop_all()
    assert effect("switch").log[-1] == "stop" and sound.playing() == []


def test_volume_reaches_the_effect_and_zero_plays_nothing(sound: QtSound) -> None:
    sound.set_volume(0.4)
    sound.play("chime")
    assert effect("chime").volume == pytest.approx(0.4)
    sound.stop_all()
    sound.set_volume(0.0)
    sound.play("done")
    assert effect("done").log == []


def test_a_sound_server_that_dies_is_said_once_and_the_cues_go_quiet(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audio, "SERVER_CHECK_MS", 20)
    path = tmp_path / "native"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(8)
    FakeEffect.made = []
    reports: list[str] = []
    sound = QtSound(reports.append, server=path, effect_type=FakeEffect)
    qtbot.waitUntil(sound.loaded)
    qtbot.wait(100)
    assert reports == [] and sound.available()
    server.close()  # the server dies: its socket refuses connections
    qtbot.waitUntil(lambda: reports == [SERVER_LOST], timeout=2000)
    sound.play("chime")
    qtbot.wait(100)
    assert reports == [SERVER_LOST] and not sound.available()
    assert effect("chime").log == []


def test_no_sound_server_at_start_is_said_once_and_nothing_plays(qtbot: Any, tmp_path: Path) -> None:
    FakeEffect.made = []
    reports: list[str] = []
    sound = QtSound(reports.append, server=tmp_path / "native", effect_type=FakeEffect)  # no server there
    qtbot.waitUntil(sound.loaded)
    qtbot.waitUntil(lambda: reports == [NO_SERVER], timeout=2000)
    sound.play("chime")
    qtbot.wait(50)
    assert reports == [NO_SERVER] and not sound.available()
    assert effect("chime").log == []
