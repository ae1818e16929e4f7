"""The WAV cues and the words the player says."""

from __future__ import annotations

import wave
from pathlib import Path

from stretchdesk.core.catalog import builtin_poses, builtin_routines
from stretchdesk.core.player_view import Presenter, cue_sound
from stretchdesk.core.session import FakeClock, Session
from stretchdesk.core.session_state import Event, EventKind
from stretchdesk.core.timeline import expand
from stretchdesk.player.sounds import CUES, TAIL_SECONDS, audible_seconds, main, sound_path


def test_shipped_wavs_are_what_the_generator_makes(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    for name in CUES:
        shipped = sound_path(name)
        assert shipped.read_bytes() == (tmp_path / f"{name}.wav").read_bytes(), name
        with wave.open(str(shipped)) as cue:
            assert (cue.getnchannels(), cue.getsampwidth(), cue.getframerate()) == (1, 2, 44_100)
            assert audible_seconds(name) < 2.0
            assert abs(cue.getnframes() / 44_100 - (audible_seconds(name) + TAIL_SECONDS)) < 0.01
    assert audible_seconds("tick") < 0.1


def test_every_cue_ends_in_a_silent_tail_long_enough_to_stop_it_in() -> None:
    """The player loops each cue and stops it after its sound (audio.py): the tail must be silence."""
    for name in CUES:
        with wave.open(str(sound_path(name))) as cue:
            frames = cue.readframes(cue.getnframes())
        sound_end = round(audible_seconds(name) * 44_100) * 2
        assert set(frames[sound_end:]) == {0}, name
        assert len(frames) - sound_end >= TAIL_SECONDS * 44_100 * 2 - 2
        assert any(frames[sound_end - 2000 : sound_end]), name  # the sound reaches the tail's start


def test_words_and_sounds_for_each_kind_of_change() -> None:
    routine = builtin_routines()["builtin-after-a-long-run"]
    catalog = builtin_poses()
    session = Session(expand(routine, catalog), FakeClock())
    presenter = Presenter(routine, catalog, session)
    kinds = [s.kind.value for s in session.segments]
    spoken = {
        kind: presenter.speech(Event(EventKind.STARTED, kinds.index(kind), 0.0))
        for kind in ("prepare", "hold", "transition", "switch")
    }
    assert spoken["prepare"] == "Get ready: Child's Pose"
    assert spoken["hold"] == "Child's Pose, twenty-five seconds"
    assert spoken["transition"] == "Next: Cat-Cow"
    assert spoken["switch"] == "Switch sides"
    sided = [i for i, s in enumerate(session.segments) if s.kind.value == "hold" and s.side]
    said = [presenter.speech(Event(EventKind.STARTED, i, 0.0)) for i in sided]
    assert said[0] == "Three-Legged Dog, right leg, five seconds"
    assert {"Pigeon, right leg, twenty-five seconds", "Pigeon, left leg, twenty-five seconds",
            "Seated Spinal Twist, right side, fifteen seconds"} <= set(said)
    assert presenter.speech(Event(EventKind.TICK, 1, 0.0, 3)) == "three"
    assert presenter.speech(Event(EventKind.TICK, 2, 0.0, 3)) is None
    assert cue_sound(Event(EventKind.STARTED, 1, 0.0), session) == "chime"
    assert cue_sound(Event(EventKind.STARTED, kinds.index("switch"), 0.0), session) == "switch"
    assert cue_sound(Event(EventKind.HALFWAY, 1, 0.0), session) is None
    assert cue_sound(Event(EventKind.FINISHED, 1, 0.0), session) == "done"


def test_play_command_names_a_screen_that_does_not_exist(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STRETCHDESK_DATA_DIR": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "stretchdesk", "play", "builtin-lower-back-love", "--screen", "7"],
        cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert run.returncode == 1
    assert run.stderr.strip().splitlines()[-1] == (
        "stretchdesk: error: no screen 7: this computer has 1 (use 0 to 0)"
    )
