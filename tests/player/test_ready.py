"""A player made ready ahead of Play: built hidden while the builder is idle, used by the
next Play, rebuilt only once that session is over, and freed when nobody plays it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import SIGNAL, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from stretchdesk.app import build_main_window
from stretchdesk.core.workspace import Workspace
from stretchdesk.play_feature import PlayerFeature
from stretchdesk.player.audience import AudienceWindow
from stretchdesk.player.audio import SilentSound
from stretchdesk.player.controller import PlayerController
from stretchdesk.player.controls import ControlsPanel
from stretchdesk.player.launcher import PlayerLauncher
from stretchdesk.player.tv_style import NAME_SHARE, type_height
from tests.player.conftest import SEED_FLOW, CountingInhibitor, LocalLink, Rig, ScriptedEngine, free_deleted
from tests.player.test_mat import alive


def app_receivers() -> tuple[int, int, int]:
    free_deleted()  # what earlier tests left is gone before counting
    app = QApplication.instance()
    assert app is not None
    return tuple(  # type: ignore[return-value]
        app.receivers(SIGNAL(s)) for s in ("screenAdded(QScreen*)", "screenRemoved(QScreen*)", "aboutToQuit()")
    )


def test_a_ready_player_is_laid_out_hidden_and_the_next_play_shows_it(qtbot: Any, rig: Rig) -> None:
    before = app_receivers()
    rig.launcher.prepare(SEED_FLOW)
    ready = rig.launcher.ready
    assert ready is not None
    screen = QGuiApplication.primaryScreen()
    assert not ready.audience.isVisible() and not ready.controls.isVisible()
    assert ready.audience.geometry() == screen.geometry()
    size = screen.geometry().size()
    assert ready.audience.pose_name.font().pixelSize() == round(type_height(size.width(), size.height()) * NAME_SHARE)
    assert ready.controls.is_compact()  # one screen: the strip, already placed
    assert app_receivers() == before, "a ready player listens to nothing of the application"
    assert rig.launcher.voice is not None, "the voice starts while the builder is idle"
    rig.launcher.prepare(SEED_FLOW)
    assert rig.launcher.ready is ready, "prepared once, not again"

    player = rig.play()
    assert player.audience is ready.audience and player.controls is ready.controls
    assert rig.launcher.ready is None
    assert player.audience.isVisible() and player.controls.isVisible()
    assert player.audience.windowHandle().screen() is screen
    rig.launcher.prepare(SEED_FLOW)
    assert rig.launcher.ready is None, "nothing is built while a session plays"
    player.start()
    rig.at(player, 3.0)
    assert player.audience.countdown.text() != ""
    player.close()


def test_play_and_stop_with_a_ready_player_each_time_leaves_at_most_one_of_each(
    qtbot: Any, rig: Rig
) -> None:
    before = app_receivers()
    rig.play_and_stop(5, ready_first=True)
    rig.launcher.prepare(SEED_FLOW)
    free_deleted()
    assert alive(PlayerController) == 0
    assert alive(AudienceWindow) == 1 and alive(ControlsPanel) == 1  # the ready one
    names = [w.objectName() for w in QApplication.topLevelWidgets()]
    assert names.count("playerWindow") == 1 and names.count("playerControls") == 1
    assert app_receivers() == before


def test_a_ready_player_never_played_is_freed_at_shut_down(qtbot: Any, rig: Rig) -> None:
    rig.launcher.prepare(SEED_FLOW)
    assert rig.launcher.ready is not None
    assert rig.launcher.shut_down(5.0)
    free_deleted()
    assert rig.launcher.ready is None
    assert alive(AudienceWindow) == 0 and alive(ControlsPanel) == 0
    names = [w.objectName() for w in QApplication.topLevelWidgets()]
    assert "playerWindow" not in names and "playerControls" not in names
    rig.launcher.prepare(SEED_FLOW)
    assert rig.launcher.ready is None, "nothing is made ready after shut-down"


def launcher_factory(made: list[PlayerLauncher]) -> Any:
    def make(workspace: Workspace, settings: QSettings, parent: QWidget) -> PlayerLauncher:
        launcher = PlayerLauncher(workspace, settings, parent, sound=SilentSound(),
                                  voice_link=lambda _parent: LocalLink(ScriptedEngine),
                                  inhibitor=CountingInhibitor(), confirm=lambda *_: True)
        made.append(launcher)
        return launcher

    return make


def test_the_builder_gets_the_next_play_ready_and_frees_it_when_closed(
    qtbot: Any, data_dir: Path, tmp_path: Path
) -> None:
    made: list[PlayerLauncher] = []
    window = build_main_window(data_dir, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                               launcher_factory(made))
    window.show()
    feature = window.findChild(PlayerFeature, "playerFeature")
    assert feature is not None
    with qtbot.waitSignal(feature.warmed_up, timeout=20000):
        pass  # a few idle seconds after start-up
    launcher = made[0]
    ready = launcher.ready
    assert ready is not None and not ready.audience.isVisible()
    routine_id = window.document.routine_id
    assert routine_id is not None
    window.play_requested.emit(routine_id)
    player = launcher.current
    assert player is not None and player.audience is ready.audience
    player.close()
    qtbot.waitUntil(lambda: launcher.ready is not None, timeout=10000)  # again, once idle
    again = launcher.ready
    assert again is not None and again.audience is not ready.audience
    del player, ready, again
    window.close()
    free_deleted()
    assert launcher.ready is None and alive(AudienceWindow) == 0 and alive(ControlsPanel) == 0
    assert launcher.voice is None, "with no session playing, closing the builder ends the helpers"
    window.deleteLater()
    free_deleted()
