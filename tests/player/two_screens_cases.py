"""Cases that need two virtual screens ("laptop" primary, "tv" second).

Not collected by the main run (the name does not start with test_): the
platform's screens are fixed when the QApplication is created, so
test_two_screens.py runs this file in its own pytest process with
QT_QPA_PLATFORM=offscreen:configfile=... and reports each case.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication

from stretchdesk.player.screens import SETTINGS_KEY
from tests.player.conftest import Rig


def screen_names() -> list[str]:
    return [s.name() for s in QGuiApplication.screens()]


def test_audience_goes_full_screen_on_the_second_screen(qtbot: Any, rig: Rig) -> None:
    assert screen_names() == ["laptop", "tv"]
    player = rig.play()
    tv = QGuiApplication.screens()[1]
    qtbot.waitUntil(player.audience.isFullScreen)
    assert player.audience.screen().name() == "tv"
    assert player.audience.geometry() == tv.geometry()
    assert player.controls.screen().name() == "laptop"
    player.start()
    assert player.audience.countdown.digit_height() >= tv.geometry().height() / 5


def test_remembered_screen_is_used_and_a_missing_one_falls_back(qtbot: Any, rig: Rig) -> None:
    rig.launcher.settings.setValue(SETTINGS_KEY, "laptop")
    player = rig.play()
    assert player.audience.screen().name() == "laptop"
    assert player.controls.screen().name() == "tv"  # never under the player
    assert not player.controls.is_compact()
    picker = player.controls.screen_picker
    assert [picker.itemData(i) for i in range(picker.count())] == ["laptop", "tv"]
    assert picker.currentData() == "laptop"
    rig.launcher.settings.setValue(SETTINGS_KEY, "projector")
    again = rig.play()
    assert again.audience.screen().name() == "laptop"
    assert "'projector' is not connected" in again.controls.message.text()


def test_picking_a_screen_moves_the_player_and_is_remembered(qtbot: Any, rig: Rig) -> None:
    rig.launcher.settings.setValue(SETTINGS_KEY, "laptop")
    player = rig.play()
    picker = player.controls.screen_picker
    assert player.controls.screen().name() == "tv"
    picker.setCurrentIndex(picker.findData("tv"))
    assert player.audience.screen().name() == "tv"
    assert player.audience.isFullScreen()
    assert rig.launcher.settings.value(SETTINGS_KEY) == "tv"
    assert player.controls.screen().name() == "laptop"
    picker.setCurrentIndex(picker.findData("laptop"))  # the picker chooses the desk itself
    assert player.audience.screen().name() == "laptop"
    assert player.controls.screen().name() == "tv"
    assert player.controls.isVisible() and not player.controls.is_compact()
    tv = QGuiApplication.screens()[1].geometry()
    assert tv.contains(player.controls.geometry())


def test_removing_the_screen_moves_the_player_to_the_primary(qtbot: Any, rig: Rig) -> None:
    player = rig.play()
    player.start()
    rig.at(player, 12.0)
    tv = QGuiApplication.screens()[1]
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.screenRemoved.emit(tv)
    laptop = QGuiApplication.primaryScreen()
    assert player.audience.screen().name() == "laptop"
    assert player.audience.geometry() == laptop.geometry()
    assert player.audience.isFullScreen()
    assert "'tv' was disconnected" in player.controls.message.text()
    # one screen left: the controls become a strip on top of the player, not under it
    assert player.controls.is_compact() and player.controls.isVisible()
    assert laptop.geometry().contains(player.controls.geometry())
    picker = player.controls.screen_picker
    assert [picker.itemData(i) for i in range(picker.count())] == ["laptop"]
    assert not player.session.paused and player.session.current_index() == 1


def test_the_controls_screen_going_away_keeps_them_reachable(qtbot: Any, rig: Rig) -> None:
    rig.launcher.settings.setValue(SETTINGS_KEY, "laptop")
    player = rig.play()
    assert player.controls.screen().name() == "tv"
    tv = QGuiApplication.screens()[1]
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.screenRemoved.emit(tv)
    assert player.audience.screen().name() == "laptop"
    assert player.controls.is_compact()
    assert QGuiApplication.screens()[0].geometry().contains(player.controls.geometry())


def test_a_ready_player_is_laid_out_for_the_tv_and_follows_the_picker(qtbot: Any, rig: Rig) -> None:
    tv = QGuiApplication.screens()[1]
    rig.launcher.prepare()
    ready = rig.launcher.ready
    assert ready is not None and not ready.audience.isVisible()
    assert ready.audience.geometry() == tv.geometry()
    assert ready.controls.screen().name() == "laptop" and not ready.controls.is_compact()
    player = rig.play()
    assert player.audience is ready.audience
    qtbot.waitUntil(player.audience.isFullScreen)
    assert player.audience.screen().name() == "tv" and player.controls.screen().name() == "laptop"
    player.close()
    rig.launcher.prepare()
    rig.launcher.settings.setValue(SETTINGS_KEY, "laptop")  # chosen after the next player was made ready
    again = rig.play()
    assert again.audience.screen().name() == "laptop"
    assert again.audience.geometry() == QGuiApplication.screens()[0].geometry()
    assert again.controls.screen().name() == "tv"  # never under the player
    assert again.controls.screen_picker.currentData() == "laptop"
