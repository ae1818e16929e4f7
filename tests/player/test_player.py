"""The player driven by a fake clock: what the audience sees and hears, controls, history."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from stretchdesk.core.history import History
from stretchdesk.core.player_view import done_poses
from stretchdesk.core.session_state import Phase
from stretchdesk.core.timeline import SegmentKind
from stretchdesk.player.controller import PlayerController
from tests.player.conftest import Rig, wait_for_voice


def label(controller: PlayerController, name: str) -> QLabel:
    found = controller.audience.findChild(QLabel, name)
    assert found is not None, name
    return found


def first(controller: PlayerController, kind: SegmentKind, side: str | None = None) -> int:
    for index, segment in enumerate(controller.session.segments):
        if segment.kind is kind and (side is None or (segment.side and segment.side.value == side)):
            return index
    raise AssertionError(f"no {kind} {side}")


def test_countdown_side_badge_and_next_up_follow_the_clock(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    audience = player.audience
    assert audience.objectName() == "playerWindow"
    assert audience.findChild(QLabel, "playerPoseName") is not None
    player.start()
    assert audience.countdown.objectName() == "playerCountdown"
    assert audience.countdown.text() == "10"
    assert label(player, "playerPoseName").text() == "Child's Pose"
    assert label(player, "playerSide").isHidden()
    assert label(player, "playerNextUp").text() == "Next: Cat-Cow Pose"
    assert audience.phase() is Phase.PREPARE
    rig.at(player, 10.0 + 25 - 4.2)
    assert audience.countdown.text() == "5"
    assert audience.phase() is Phase.HOLD
    right = first(player, SegmentKind.HOLD, "right")
    segment = player.session.segments[right]
    rig.at(player, segment.start + 0.5)
    assert label(player, "playerSide").text() == "RIGHT"
    assert not label(player, "playerSide").isHidden()
    assert not audience.figure.scene().mirrored
    assert audience.countdown.text() == str(round(segment.seconds))
    left = first(player, SegmentKind.HOLD, "left")
    rig.at(player, player.session.segments[left].start + 1.0)
    assert label(player, "playerSide").text() == "LEFT"
    assert audience.figure.scene().mirrored
    following = player.session.next_hold(left)
    assert following is not None
    assert label(player, "playerNextUp").text().startswith("Next: ")
    assert player.presenter.pose_name(following.pose) in label(player, "playerNextUp").text()
    instructions = label(player, "playerInstructions").text()
    assert instructions and instructions.startswith("•")


def test_countdown_digits_are_a_fifth_of_a_1080p_screen(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    player.audience.showNormal()
    player.audience.resize(1920, 1080)
    qtbot.waitUntil(lambda: player.audience.height() == 1080)
    player.start()
    for seconds in (1.0, 10 + 25 - 0.5, 40 + 10):
        rig.at(player, seconds)
        assert player.audience.countdown.digit_height() >= 1080 / 5


def test_cues_sound_and_voice_at_each_change(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    wait_for_voice(qtbot, player)
    player.start()
    assert rig.sound.played == ["next"]
    rig.at(player, 10.0)
    assert rig.sound.played == ["next", "tick", "tick", "tick", "chime"]
    cat_cow = player.session.segments[3]
    rig.at(player, cat_cow.start + cat_cow.seconds / 2)
    qtbot.waitUntil(lambda: "Halfway" in rig.engine.said)
    said = rig.engine.said
    assert said[:5] == ["Get ready: Child's Pose", "three", "two", "one", "Child's Pose, twenty-five seconds"]
    assert "Next: Cat-Cow" in said
    assert "Cat-Cow, ten reps" in said


def test_pause_extend_skip_previous_from_the_controls(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    controls = player.controls
    assert controls.objectName() == "playerControls"
    assert not controls.pause_button.isEnabled()
    qtbot.mouseClick(controls.start_button, Qt.MouseButton.LeftButton)
    assert rig.inhibitor.active == 1
    rig.at(player, 3.0)
    qtbot.mouseClick(controls.pause_button, Qt.MouseButton.LeftButton)
    assert controls.pause_button.text() == "Resume"
    rig.at(player, 300.0)
    assert player.audience.countdown.text() == "7"
    qtbot.mouseClick(controls.pause_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(controls.extend_button, Qt.MouseButton.LeftButton)
    assert player.audience.countdown.text() == "22"
    qtbot.mouseClick(controls.next_button, Qt.MouseButton.LeftButton)
    assert player.audience.phase() is Phase.HOLD
    assert player.audience.countdown.text() == "25"
    qtbot.mouseClick(controls.previous_button, Qt.MouseButton.LeftButton)
    assert player.audience.phase() is Phase.PREPARE
    rig.clock.advance(4)
    qtbot.mouseClick(controls.restart_button, Qt.MouseButton.LeftButton)
    player.refresh()
    assert player.audience.countdown.text() == "25"


def test_keyboard_works_in_the_audience_window(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    player.start()
    player.audience.activateWindow()
    qtbot.waitUntil(player.audience.isActiveWindow)
    qtbot.keyClick(player.audience, Qt.Key.Key_Space)
    assert player.session.paused
    qtbot.keyClick(player.audience, Qt.Key.Key_Space)
    qtbot.keyClick(player.audience, Qt.Key.Key_Right)
    assert player.session.current_index() == 1
    qtbot.keyClick(player.audience, Qt.Key.Key_Up)
    assert player.session.segment_length(1) == 25 + 15
    qtbot.keyClick(player.audience, Qt.Key.Key_Left)
    assert player.session.current_index() == 0
    assert player.audience.isFullScreen()
    qtbot.keyClick(player.audience, Qt.Key.Key_Escape)
    assert player.asking_stop and player.session.paused and player.audience.isFullScreen()
    qtbot.keyClick(player.audience, Qt.Key.Key_Space)
    assert not player.asking_stop and not player.session.paused
    assert not rig.questions and not player.session.finished  # asked on the TV, not the desk


def test_finishing_shows_the_done_screen_and_logs_history(qtbot: Any, rig: Rig, data_dir: Any) -> None:
    player = rig.play("builtin-post-run-hips-quickie")
    logged: list[object] = []
    player.logged.connect(logged.append)
    player.start()
    rig.at(player, player.session.total + 0.01)
    assert player.audience.phase() is Phase.DONE
    assert rig.sound.played[-1] == "done"
    assert rig.inhibitor.calls == ["inhibit", "release"]
    holds = player.presenter.hold_count
    stats = player.audience.done_view.stats.text()
    assert f"{holds} of {holds} poses" in stats
    assert player.audience.done_view.saved.text().startswith("Saved to your history: 4:10 held over ")
    records = History(data_dir).load()
    assert len(records) == 1 and logged == records
    assert records[0].finished and records[0].steps_completed == holds
    assert records[0].routine_id == "builtin-post-run-hips-quickie"


def test_stopping_logs_only_after_a_completed_hold(qtbot: Any, rig: Rig, data_dir: Any) -> None:
    player = rig.play()
    player.start()
    rig.at(player, 5.0)
    rig.confirm_answer = False
    player.request_stop()
    assert not player.session.finished
    rig.confirm_answer = True
    player.request_stop()
    assert History(data_dir).load() == []
    assert rig.launcher.current is None
    again = rig.play()
    again.start()
    rig.at(again, 36.0)
    again.request_stop()
    records = History(data_dir).load()
    assert len(records) == 1
    assert (records[0].steps_completed, records[0].finished) == (1, False)
    assert records[0].areas["hips"] == 25


def test_done_list_counts_repeated_poses() -> None:
    names = ["Low Lunge", "Pigeon", "Low Lunge", "Low Lunge"]
    assert done_poses(names) == ["Low Lunge ×3", "Pigeon"]


def test_left_side_instructions_name_the_left_leg(qtbot: Any, rig: Rig) -> None:
    """Instructions are written for the right side; the left side must not repeat the right leg."""
    player = rig.play("builtin-post-run-stretches")
    player.start()
    segments = player.session.segments
    right = first(player, SegmentKind.HOLD, "right")
    left = next(
        index for index, segment in enumerate(segments)
        if segment.kind is SegmentKind.HOLD and segment.side and segment.side.value == "left"
        and segment.pose == segments[right].pose
    )
    rig.at(player, segments[right].start + 1)
    right_text = label(player, "playerInstructions").text()
    rig.at(player, segments[left].start + 1)
    left_text = label(player, "playerInstructions").text()
    assert re.search(r"\bleft (hip|knee|foot)", right_text)
    assert left_text == right_text.replace("right", "\0").replace("left", "right").replace("\0", "left")


def test_every_screen_of_a_routine_fits_at_1080p(qtbot: Any, rig: Rig) -> None:
    """Digits stay whole inside the countdown, above its bar, below the pose name, and every step's
    text shows whole, on every segment."""
    player = rig.play("builtin-post-run-stretches")
    player.audience.showNormal()
    player.audience.resize(1920, 1080)
    qtbot.waitUntil(lambda: player.audience.height() == 1080)
    player.start()
    countdown = player.audience.countdown
    name = label(player, "playerPoseName")
    for segment in player.session.segments:
        rig.at(player, segment.start + segment.seconds * 0.3)
        QApplication.processEvents()
        box = countdown.digit_box()
        assert countdown.digit_height() >= 1080 / 5, segment
        assert countdown.rect().toRectF().contains(box), (segment, box, countdown.rect())
        assert name.geometry().bottom() <= countdown.geometry().top(), segment
        assert name.heightForWidth(name.width()) <= name.height() + 1, segment
        steps = player.audience.instructions
        assert steps.heightForWidth(steps.width()) <= steps.height(), (segment, steps.text())
        assert steps.font().pixelSize() >= round(1080 * 0.03), segment


@pytest.mark.parametrize("size", [(800, 800), (1080, 1920)], ids=["square", "portrait"])
def test_a_square_or_portrait_screen_cuts_nothing_off(qtbot: Any, rig: Rig, size: tuple[int, int]) -> None:
    """Type sized by height alone ran off the sides of a screen squarer than 5:4: the clock,
    the three-digit countdown and a long pose name's last word were cut."""
    player = rig.play("builtin-precision-hip-drills")
    player.audience.showNormal()
    player.audience.resize(*size)
    qtbot.waitUntil(lambda: player.audience.size().toTuple() == size)
    player.start()
    countdown, overall = player.audience.countdown, label(player, "playerOverall")
    name, badge = label(player, "playerPoseName"), label(player, "playerSide")
    for segment in player.session.segments:
        if segment.kind is not SegmentKind.HOLD:
            continue
        rig.at(player, segment.start + 1)
        QApplication.processEvents()
        assert countdown.rect().toRectF().contains(countdown.digit_box()), (segment, countdown.text())
        assert overall.fontMetrics().horizontalAdvance(overall.text()) <= overall.width(), overall.text()
        longest = max(name.fontMetrics().horizontalAdvance(word) for word in name.text().split())
        assert longest <= name.width(), name.text()
        assert name.heightForWidth(name.width()) <= name.height() + 1, name.text()
        if badge.isVisible():
            assert name.geometry().right() < badge.geometry().left(), name.text()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform says this for any dialog
def test_stop_question_has_verbs_and_escape_keeps_going(qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

    from stretchdesk.player.controller import ask

    parent = QWidget()
    qtbot.addWidget(parent)

    def answer(click: str | None) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        names = sorted(button.text() for button in box.findChildren(QPushButton))
        assert names == ["Keep going", "Stop"]
        if click is None:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:
            next(b for b in box.findChildren(QPushButton) if b.text() == click).click()

    QTimer.singleShot(50, lambda: answer("Stop"))
    assert ask(parent, "Stop now?") is True
    QTimer.singleShot(50, lambda: answer(None))
    assert ask(parent, "Stop now?") is False


def test_rest_previews_the_next_pose(qtbot: Any, rig: Rig) -> None:
    player = rig.play("builtin-glute-stretches")
    player.start()
    rest = first(player, SegmentKind.REST)
    segment = player.session.segments[rest]
    rig.at(player, segment.start + 1)
    assert player.audience.phase() is Phase.REST
    upcoming = player.session.next_hold(rest)
    assert upcoming is not None
    assert player.audience.figure.scene().pose_id == upcoming.pose
    assert label(player, "playerPoseName").text() == "Rest"
