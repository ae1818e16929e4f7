"""The player from the mat: hands-free start, presenter clickers, stopping on the TV,
an honest log, and nothing left behind after a session."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from PySide6.QtCore import SIGNAL, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton

from stretchdesk.core.history import History
from stretchdesk.core.timeline import SegmentKind
from stretchdesk.player.audience import AudienceWindow
from stretchdesk.player.controller import PlayerController
from stretchdesk.player.controls import ControlsPanel
from stretchdesk.player.voice import Voice
from tests.player.conftest import Rig, free_deleted


def press(window: AudienceWindow, key: Qt.Key) -> None:
    """A key press as a remote or clicker sends it (QTest can't type media keys)."""
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier))


def alive(kind: type) -> int:
    return sum(1 for thing in gc.get_objects() if isinstance(thing, kind))


@pytest.mark.parametrize(
    "key",
    [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_MediaPlay,
     Qt.Key.Key_MediaTogglePlayPause, Qt.Key.Key_PageDown, Qt.Key.Key_F5],
)
def test_a_key_on_the_tv_starts_the_session(qtbot: Any, rig: Rig, key: Qt.Key) -> None:
    player = rig.play()
    press(player.audience, key)
    assert player.session.started and not player.session.paused
    assert player.session.current_index() == 0  # started, not skipped past the first step


def test_a_click_or_tap_on_the_tv_starts_and_says_which_key_before(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    prompt = player.audience.prompt
    assert prompt.isVisible()
    assert prompt.title.text() == "Press Space to start"
    assert "Enter" in prompt.keys.text() and "click" in prompt.keys.text()
    assert prompt.title.font().pixelSize() >= player.audience.height() * 0.05
    qtbot.keyClick(player.audience, Qt.Key.Key_B)  # pause/blank before the start: nothing
    assert not player.session.started
    qtbot.mouseClick(player.audience, Qt.MouseButton.LeftButton)
    assert player.session.started
    assert not prompt.isVisible()
    qtbot.mouseClick(player.audience, Qt.MouseButton.LeftButton)  # a stray tap later does nothing
    assert not player.session.paused


def test_a_presenter_clicker_drives_the_whole_session(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    tv = player.audience
    qtbot.keyClick(tv, Qt.Key.Key_PageDown)
    assert player.session.started and player.session.current_index() == 0
    qtbot.keyClick(tv, Qt.Key.Key_PageDown)
    assert player.session.current_index() == 1
    qtbot.keyClick(tv, Qt.Key.Key_PageUp)
    assert player.session.current_index() == 0
    qtbot.keyClick(tv, Qt.Key.Key_B)
    assert player.session.paused
    qtbot.keyClick(tv, Qt.Key.Key_Period)
    assert not player.session.paused
    qtbot.keyClick(tv, Qt.Key.Key_Period)
    qtbot.keyClick(tv, Qt.Key.Key_F5)  # F5 while paused resumes, never restarts
    assert not player.session.paused and player.session.current_index() == 0
    qtbot.keyClick(tv, Qt.Key.Key_Escape)
    assert player.asking_stop
    qtbot.keyClick(tv, Qt.Key.Key_Escape)
    assert rig.launcher.current is None and player.session.finished


def test_esc_asks_on_the_tv_in_large_type_and_pauses_while_it_asks(qtbot: Any, rig: Rig, data_dir: Any) -> None:
    player = rig.play()
    player.start()
    rig.at(player, 3.0)
    tv = player.audience
    qtbot.keyClick(tv, Qt.Key.Key_Escape)
    prompt = tv.prompt
    assert prompt.isVisible() and prompt.title.text() == "Stop the routine?"
    assert prompt.title.font().pixelSize() >= tv.pose_name.font().pixelSize()
    assert "Esc: stop" in prompt.keys.text() and "Space: keep going" in prompt.keys.text()
    assert prompt.detail.text().startswith("Nothing is saved yet")
    assert player.session.paused
    position = player.session.position()
    rig.clock.advance(30)
    player.driver.kick()
    assert player.session.position() == position  # the countdown waits for the answer
    qtbot.keyClick(tv, Qt.Key.Key_Space)
    assert not prompt.isVisible() and not player.session.paused
    hold = next(i for i, s in enumerate(player.session.segments) if s.kind is SegmentKind.HOLD)
    rig.at(player, player.session.segment_start(hold) + 12.0 + 30)  # 30 s were spent asking
    qtbot.keyClick(tv, Qt.Key.Key_Escape)
    assert prompt.detail.text() == "12 s held over 1 pose will be saved to your history."
    qtbot.keyClick(tv, Qt.Key.Key_Escape)
    records = History(data_dir).load()
    assert len(records) == 1
    assert records[0].held_seconds == pytest.approx(12.0) and records[0].poses_reached == 1


def test_the_desk_stop_button_pauses_while_its_dialog_asks(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    player.start()
    rig.at(player, 2.0)
    seen: list[bool] = []

    def answer(_window: object, question: str) -> bool:
        seen.append(player.session.paused and player.audience.prompt.isVisible())
        rig.questions.append(question)
        return False

    player.parts.confirm = answer
    player.controls.stop_button.click()
    assert seen == [True] and rig.questions[0].startswith("Stop now? Nothing is saved yet")
    assert not player.session.paused and not player.audience.prompt.isVisible()


def test_skipping_through_holds_is_logged_honestly(qtbot: Any, rig: Rig, data_dir: Any) -> None:
    player = rig.play()
    player.start()
    seconds = 0.0
    for _ in range(6):  # six steps of a few seconds each, none held to its end
        player.skip()
        assert player.session.started_at is not None
        rig.clock.advance(4.0)
        player.driver.kick()
        seconds += 4.0
    held = sum(p for s, p in zip(player.session.segments, player.session.played, strict=True)
               if s.kind is SegmentKind.HOLD)
    assert held >= 8 and not player.session.completed
    player.close()
    records = History(data_dir).load()
    assert len(records) == 1
    assert records[0].held_seconds == pytest.approx(held) and records[0].steps_completed == 0


def test_play_and_stop_five_times_leaves_one_player_and_one_voice(qtbot: Any, rig: Rig) -> None:
    app = QApplication.instance()
    assert app is not None
    added, removed = SIGNAL("screenAdded(QScreen*)"), SIGNAL("screenRemoved(QScreen*)")
    before = (app.receivers(added), app.receivers(removed))
    rig.play_and_stop(5)
    last = rig.play()
    free_deleted()
    assert alive(PlayerController) <= 1 and alive(AudienceWindow) <= 1 and alive(ControlsPanel) <= 1
    names = [w.objectName() for w in QApplication.topLevelWidgets()]
    assert names.count("playerWindow") == 1 and names.count("playerControls") == 1
    assert alive(Voice) == 1 and last.parts.voice is rig.launcher.voice
    assert (app.receivers(added), app.receivers(removed)) == (before[0] + 2, before[1] + 2)
    last.close()
    del last
    free_deleted()
    assert (app.receivers(added), app.receivers(removed)) == before
    assert alive(PlayerController) == 0


def test_with_one_screen_the_controls_are_a_strip_on_top_of_the_player(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    controls = player.controls
    assert QApplication.screens() == [player.audience.screen()]
    assert controls.is_compact() and controls.isVisible()
    assert controls.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    area = player.audience.screen().availableGeometry()
    assert area.contains(controls.geometry())
    assert controls.geometry().bottom() > area.center().y()  # along the bottom edge
    assert controls.height() < area.height() / 4
    for name in ("playerStart", "playerPause", "playerNext", "playerStop"):
        button = controls.findChild(QPushButton, name)
        assert button is not None and button.isVisibleTo(controls), name
    controls.stop_button.click()  # nothing started: Stop closes at once
    assert rig.launcher.current is None


def test_a_failed_voice_engine_is_remembered_for_the_next_play(qtbot: Any, rig: Rig) -> None:
    made: list[int] = []

    def broken() -> object:
        made.append(1)
        raise RuntimeError("no speech engine is installed")

    rig.use_engine(broken)
    first = rig.play()
    voice = first.parts.voice
    assert voice is not None
    qtbot.waitUntil(lambda: voice.failed, timeout=5000)
    first.close()
    second = rig.play()
    assert second.parts.voice is voice and voice.failed
    assert "Voice is off: no speech engine is installed" in second.controls.message.text()
    assert made == [1]  # the engine was not tried again


def test_closing_the_controls_window_ends_the_session_and_logs_it(qtbot: Any, rig: Rig, data_dir: Any) -> None:
    player = rig.play()
    player.start()
    hold = next(i for i, s in enumerate(player.session.segments) if s.kind is SegmentKind.HOLD)
    rig.at(player, player.session.segment_start(hold) + 8.0)
    player.controls.close()
    assert player.session.finished and rig.launcher.current is None
    assert not rig.questions  # no modal question: Qt also closes windows when the app quits
    assert History(data_dir).load()[0].held_seconds == pytest.approx(8.0)


def test_the_strip_shows_the_newest_message_where_the_panel_would_be_hidden(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    controls = player.controls
    assert controls.is_compact() and not controls.message.isVisible()
    before = controls.height()
    controls.add_message("Sound is off: the sound server stopped.")
    controls.add_message("Voice is off: the speech helper stopped answering.")
    assert controls.message.isVisible() and controls.height() > before
    assert controls.message.text() == "Voice is off: the speech helper stopped answering."
    assert controls.messages == ("Sound is off: the sound server stopped.",
                                 "Voice is off: the speech helper stopped answering.")
    area = controls.screen().availableGeometry()
    assert area.contains(controls.geometry()) and controls.height() < area.height() / 4
