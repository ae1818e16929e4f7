"""Plays a routine through the real player on the real clock, with real sound and
the speechd voice, and prints one JSON line per cue (with its due time).

    python -m tests.player.audio_run DATA_DIR PLAN_JSON

PLAN: {"steps": [[pose, seconds, sides], ...], "prepare": s, "switch": s, "transition": s,
"volumes": [[segment index, volume 0-1], ...], "engine": "speechd"}. A volume is set
0.6 s before its segment starts. The speech helper's output goes to the `voice` sink.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QProcessEnvironment, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

import stretchdesk.player.voice as voice_module
from stretchdesk.core.models import Hold, Routine, Step
from stretchdesk.core.player_view import cue_sound
from stretchdesk.core.session_state import Event
from stretchdesk.core.vocabulary import Sides
from stretchdesk.core.workspace import Workspace
from stretchdesk.player.audio import QtSound
from stretchdesk.player.launcher import PlayerLauncher

_plain_environment = voice_module._helper_environment


def _voice_sink_environment() -> QProcessEnvironment:
    env = _plain_environment()
    env.insert("PULSE_SINK", "voice")
    return env


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


class Stall:
    """The longest the GUI thread went without running a 10 ms timer, once the session plays."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._last: float | None = None
        self._timer = QTimer(interval=10)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        now = time.monotonic()
        if self._last is not None:
            self.worst = max(self.worst, now - self._last - 0.010)
        self._last = now


def main(data_dir: str, plan: dict[str, Any]) -> int:
    voice_module._helper_environment = _voice_sink_environment
    app = QApplication(sys.argv[:1])
    workspace = Workspace.open(Path(data_dir))
    routine = Routine(
        name="Audible", prepare_seconds=plan.get("prepare", 5), switch_seconds=plan.get("switch", 4),
        transition_seconds=plan.get("transition", 4),
        items=[Step(pose=pose, hold=Hold(seconds=seconds), sides=Sides(sides))
               for pose, seconds, sides in plan["steps"]],
    )
    workspace.save(routine)
    settings = QSettings(str(Path(data_dir) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("player/voice_engine", plan.get("engine", "speechd"))
    settings.setValue("player/volume", 100)
    launcher = PlayerLauncher(workspace, settings)
    controller = launcher.play(routine.id)
    sound, voice = controller.parts.sound, controller.parts.voice
    assert isinstance(sound, QtSound) and voice is not None

    def on_events(events: list[Event]) -> None:
        for event in events:
            segment = controller.session.segments[event.index]
            emit({"event": event.kind.value, "index": event.index, "count": event.count, "due": event.due,
                  "segment": segment.kind.value, "sound": cue_sound(event, controller.session),
                  "words": controller.presenter.speech(event), "at": time.monotonic()})

    stall = Stall()

    def finish() -> None:
        emit({"voice": voice.status, "spoken": list(voice.spoken), "stall_ms": round(stall.worst * 1000),
              "messages": list(controller.controls.messages), "sound_on": sound.available()})
        launcher.shut_down()
        app.quit()

    def on_finished_event(events: list[Event]) -> None:
        if controller.session.finished:
            QTimer.singleShot(2500, finish)  # the done chime and the last words

    def begin() -> None:
        if not (sound.loaded() and (voice.available or voice.failed)):
            QTimer.singleShot(50, begin)
            return
        QTimer.singleShot(500, start)  # let the voice's "on" settle

    def start() -> None:
        controller.driver.events_ready.connect(on_events)
        controller.driver.events_ready.connect(on_finished_event)
        controller.start()
        began = controller.session.started_at
        assert began is not None
        emit({"started": began, "voice": voice.status})
        stall.start()
        for index, volume in plan.get("volumes", []):
            wait = began + controller.session.segments[index].start - 0.6 - time.monotonic()
            QTimer.singleShot(max(0, round(wait * 1000)),
                              lambda v=volume: controller.controls.volume.setValue(round(v * 100)))

    QTimer.singleShot(0, begin)
    QTimer.singleShot(round(plan.get("timeout", 100) * 1000), finish)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], json.loads(sys.argv[2])))
