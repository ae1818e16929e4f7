"""Player fixtures: a launcher with a fake clock, silent sound and a scripted voice."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from stretchdesk.core.session import FakeClock
from stretchdesk.core.vocabulary import Side
from stretchdesk.core.workspace import Workspace
from stretchdesk.player.audio import SilentSound
from stretchdesk.player.controller import PlayerController
from stretchdesk.player.launcher import PlayerLauncher
from stretchdesk.player.speech_helper import Engine, SpeechServer
from stretchdesk.player.voice import LineHandler, LinkFactory

SEED_FLOW = "builtin-after-a-long-run"


class ScriptedEngine:
    """Stands in for QTextToSpeech in the speech server: records what it was told to say."""

    name = "scripted"

    def __init__(self) -> None:
        self.said: list[str] = []
        self.volume = 1.0
        self.chosen = "Anne"

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def voices(self) -> list[tuple[str, str]]:
        return [("Anne", "en_GB"), ("Klaus", "de_DE")]

    def set_voice(self, name: str) -> str:
        self.chosen = name
        return name

    def voice(self) -> str:
        return self.chosen


class LocalLink:
    """The speech server in this process, answering at once: the rig's voice without a helper."""

    def __init__(self, make_engine: Callable[[], Engine]) -> None:
        self._make_engine = make_engine
        self._server: SpeechServer | None = None
        self._on_line: LineHandler | None = None

    def start(self, on_line: LineHandler) -> None:
        self._on_line = on_line
        try:
            engine = self._make_engine()
        except Exception as error:
            on_line(f"error {error}")
            return
        self._server = SpeechServer(engine, self._reply)
        self._server.start(None, "en_US")

    def _reply(self, line: str) -> None:
        if self._on_line is not None:
            self._on_line(line)

    def send(self, line: str) -> None:
        if self._server is not None and not self._server.handle(line):
            self._server = None

    def close(self, wait: float) -> bool:
        self._server = None
        self._on_line = None
        return True


class CountingInhibitor:
    def __init__(self) -> None:
        self.active = 0
        self.calls: list[str] = []

    def inhibit(self) -> str | None:
        self.active += 1
        self.calls.append("inhibit")
        return None

    def release(self) -> None:
        if self.active:
            self.active -= 1
            self.calls.append("release")


def free_deleted() -> None:
    """Let deleteLater and WA_DeleteOnClose do their work, then collect."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    gc.collect()


class Rig:
    def __init__(self, launcher: PlayerLauncher, clock: FakeClock, sound: SilentSound) -> None:
        self.launcher = launcher
        self.clock = clock
        self.sound = sound
        self.engine = ScriptedEngine()
        self.inhibitor: CountingInhibitor = launcher._inhibitor  # type: ignore[assignment]
        self.confirm_answer = True
        self.questions: list[str] = []
        self.tighter_answer = Side.RIGHT
        self.tighter_defaults: list[Side] = []

    def use_engine(self, make_engine: Callable[[], Any]) -> None:
        """The next voice the launcher makes talks to this engine."""
        self.launcher._voice_link = lambda _parent: LocalLink(make_engine)

    def play(self, routine_id: str = SEED_FLOW) -> PlayerController:
        return self.launcher.play(routine_id)

    def play_and_stop(self, times: int, *, ready_first: bool = False) -> None:
        """Play and stop the seed flow `times` times, three seconds in, freeing what each
        player leaves behind (`ready_first`: with a player prepared ahead of each Play)."""
        for _ in range(times):
            if ready_first:
                self.launcher.prepare(SEED_FLOW)
            player = self.play()
            player.start()
            self.at(player, 3.0)
            player.close()
            del player
            free_deleted()

    def at(self, controller: PlayerController, seconds: float) -> None:
        """Move the fake clock to `seconds` into the routine and let the driver catch up."""
        assert controller.session.started_at is not None
        self.clock.now = controller.session.started_at + seconds
        controller.driver.kick()
        controller.refresh()


@pytest.fixture
def rig(qtbot: Any, data_dir: Path, tmp_path: Path) -> Iterator[Rig]:
    clock = FakeClock()
    sound = SilentSound()
    holder: dict[str, Rig] = {}

    def engine() -> ScriptedEngine:
        return holder["rig"].engine

    link: LinkFactory = lambda _parent: LocalLink(engine)  # noqa: E731

    def confirm(_window: object, question: str) -> bool:
        holder["rig"].questions.append(question)
        return holder["rig"].confirm_answer

    def choose_side(_window: object, remembered: Side) -> Side:
        holder["rig"].tighter_defaults.append(remembered)
        return holder["rig"].tighter_answer

    launcher = PlayerLauncher(
        Workspace.open(data_dir),
        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        clock=clock,
        sound=sound,
        voice_link=link,
        inhibitor=CountingInhibitor(),
        confirm=confirm,
        choose_side=choose_side,
    )
    holder["rig"] = Rig(launcher, clock, sound)
    yield holder["rig"]
    assert launcher.shut_down(5.0), "the speech or figure helper did not end"


def wait_for_voice(qtbot: Any, controller: PlayerController) -> None:
    voice = controller.parts.voice
    assert voice is not None
    qtbot.waitUntil(lambda: voice.available or voice.failed, timeout=5000)

