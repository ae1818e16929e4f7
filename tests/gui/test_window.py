"""Window behaviour: read-only built-ins, delete and restore, keyboard, settings,
custom poses, changes made on disk, one instance per data dir, and figures."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from stretchdesk.core.catalog import Catalog, builtin_poses
from stretchdesk.core.models import Hold, Pose, Routine, Step, format_duration
from stretchdesk.core.vocabulary import Difficulty, Kind, Position
from stretchdesk.core.workspace import Workspace
from stretchdesk.library.model import PoseRole
from stretchdesk.mainwindow import MainWindow
from stretchdesk.pose_images import PoseImages
from stretchdesk.singleinstance import SingleInstance
from tests.gui.conftest import WindowFactory

pytestmark = pytest.mark.gui

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
       b'<rect x="0" y="0" width="5" height="10" fill="#ff0000"/></svg>')


def test_builtin_is_read_only_until_duplicated(window: MainWindow) -> None:
    builtin = [e for e in window.workspace.entries() if e.builtin]
    assert builtin, "the shipped routines are missing"
    window.routines.select(builtin[0].routine.id)
    assert window.document.read_only
    assert not window.editor.model.edits.add_poses(["childs-pose"])
    assert window.editor.banner.isVisibleTo(window)
    window.editor.duplicate_button.click()
    assert not window.document.read_only
    assert window.document.routine_id in window.workspace.user
    assert window.editor.model.items() == builtin[0].routine.items


def trash_entries(window: MainWindow) -> list[str]:
    window.trash_menu.refresh()
    return [action.text() for action in window.trash_menu.actions() if action.isEnabled()]


def test_delete_is_undoable_and_the_trash_restores_any(
        make_window: WindowFactory, data_dir: Path) -> None:
    window = make_window()
    assert trash_entries(window) == []
    doomed = [window.controller.new_routine(name) for name in ("Monday", "Tuesday", "Friday")]
    window.controller.new_routine("Kept")
    for routine in doomed:
        window.routines.select(routine.id)
        window.delete_action.trigger()
        assert routine.id not in window.workspace.user
    assert window.document.routine_id is None
    assert window.undo_action.isEnabled() and "Friday" in window.undo_action.text()
    window.undo_action.trigger()
    assert window.workspace.get(doomed[2].id).name == "Friday"
    assert window.document.routine_id == doomed[2].id
    window.redo_action.trigger()
    assert doomed[2].id not in window.workspace.user
    window.undo_action.trigger()
    assert window.workspace.get(doomed[2].id).name == "Friday"
    window.close()

    again = make_window()
    listed = trash_entries(again)
    assert [text.split(" — ")[0] for text in listed] == ["Tuesday", "Monday"]
    assert all(" — deleted " in text and str(datetime.now().year) in text for text in listed)
    monday = next(a for a in again.trash_menu.actions() if a.text().startswith("Monday"))
    monday.trigger()
    assert again.workspace.get(doomed[0].id).name == "Monday"
    assert again.document.routine_id == doomed[0].id
    assert [text.split(" — ")[0] for text in trash_entries(again)] == ["Tuesday"]


def test_keyboard_moves_deletes_and_undoes(window: MainWindow, qtbot: QtBot) -> None:
    window.controller.new_routine("Keys")
    model = window.editor.model
    model.edits.add_poses(["childs-pose", "cat-cow", "downward-facing-dog"])
    view = window.editor.view
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [i.pose for i in model.items() if isinstance(i, Step)] == [
        "cat-cow", "childs-pose", "downward-facing-dog"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert model.rowCount() == 2
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == 3
    qtbot.keyClick(view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert model.rowCount() == 2


def test_settings_are_undoable_and_update_the_total(window: MainWindow) -> None:
    window.controller.new_routine("Timing")
    window.editor.model.edits.add_poses(["childs-pose", "cat-cow"])
    before = window.editor.total.text()
    window.editor.settings_form.timings["transition_seconds"].setValue(40)
    settings = window.document.settings()
    assert settings is not None and settings.transition_seconds == 40
    assert window.editor.total.text() != before
    window.undo_action.trigger()
    assert window.editor.total.text() == before
    assert window.editor.settings_form.timings["transition_seconds"].value() == 5


def test_splitter_sizes_are_remembered(make_window: WindowFactory) -> None:
    first = make_window()
    first.splitter.setSizes([300, 500, 640])
    wanted = first.splitter.sizes()
    first.close()
    second = make_window()
    assert second.splitter.sizes() == wanted


def test_custom_pose_appears_in_library(window: MainWindow, data_dir: Path) -> None:
    pose = Pose(id="my-wall-calf", name="My Wall Calf", kind=Kind.STATIC_STRETCH,
                position=Position.STANDING, targets=["calves"], per_side=True,
                hold=Hold(seconds=30), difficulty=Difficulty.BEGINNER,
                instructions=["Lean on the wall."], image="my-wall-calf.svg")
    saved = window.custom_poses.add(pose, SVG)
    assert saved is not None and saved.custom and saved.image is not None
    assert saved.image.startswith("my-wall-calf-") and saved.image.endswith(".svg")
    assert (data_dir / "images" / saved.image).read_bytes() == SVG
    window.library.search.setText("my wall")
    proxy = window.library.proxy
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(PoseRole.CUSTOM) is True
    assert window.images.image_path("my-wall-calf") == data_dir / "images" / saved.image


def test_changes_on_disk_are_picked_up(window: MainWindow, qtbot: QtBot, data_dir: Path) -> None:
    routine = window.controller.new_routine("From the GUI")
    other = Workspace.open(data_dir)
    other.save(other.get(routine.id).touched(name="Renamed by the CLI"))
    qtbot.waitUntil(lambda: window.document.name() == "Renamed by the CLI", timeout=5000)
    assert window.routine_model.index(window.routine_model.row_of(routine.id)).data() == (
        "Renamed by the CLI")


def test_second_instance_wakes_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "data")
    assert first.acquire()
    second = SingleInstance(tmp_path / "data")
    with qtbot.waitSignal(first.raise_requested, timeout=3000):
        assert not second.acquire()
    first.release()


def test_figures_placeholder_then_real_file_and_mirror(qtbot: QtBot, tmp_path: Path) -> None:
    builtin_dir = tmp_path / "figures"
    builtin_dir.mkdir()
    images = PoseImages(Catalog(builtin_poses()), tmp_path / "user", builtin_dir)
    placeholder = images.pixmap("childs-pose", 64, 2.0)
    assert placeholder.size() == QSize(128, 128) and placeholder.devicePixelRatio() == 2.0
    assert images.pixmap("childs-pose", 64, 2.0) is placeholder
    (builtin_dir / "childs-pose.svg").write_bytes(SVG)
    with qtbot.waitSignal(images.images_changed, timeout=3000):
        pass
    real = images.pixmap("childs-pose", QSize(40, 40)).toImage()
    assert QColor(real.pixel(15, 20)) == QColor("#ff0000")
    assert real.pixelColor(35, 20).alpha() == 0
    mirrored = images.pixmap("childs-pose", QSize(40, 40), mirrored=True).toImage()
    assert QColor(mirrored.pixel(35, 20)) == QColor("#ff0000")
    assert mirrored.pixelColor(5, 20).alpha() == 0


def test_importing_a_routine_with_a_custom_pose_shows_it_everywhere_at_once(
        window: MainWindow, tmp_path: Path) -> None:
    """One catalog object: the editor, its painter, the library and the images all follow it,
    with no wait for the file watcher."""
    other = Workspace.open(tmp_path / "other")
    towel = Pose(id="my-towel", name="My Towel Stretch", kind=Kind.STATIC_STRETCH,
                 position=Position.SUPINE, targets=["hamstrings", "calves"], per_side=True,
                 hold=Hold(seconds=40), instructions=["Loop the towel round the foot."],
                 image="my-towel.svg")
    other.save_custom_pose(towel, SVG)
    routine = Routine(name="Towel work", items=[Step(pose="my-towel"), Step(pose="childs-pose")])
    other.save(routine)
    bundle = tmp_path / "towel.json"
    other.export(routine, bundle)
    assert "my-towel" not in window.catalog.current

    imported = window.controller.import_path(bundle)
    assert imported is not None and window.document.routine_id == imported.id
    model = window.editor.model
    assert model.index(0, 0).data() == "My Towel Stretch"
    assert window.editor.delegate.catalog["my-towel"].name == "My Towel Stretch"
    total = window.workspace.timeline(window.workspace.get(imported.id)).total_seconds
    assert window.editor.total.text() == f"Total {format_duration(total)}"
    assert "hamstrings" in [name for name, _ in window.editor.chart.rows()]
    assert window.library.model.row_of("my-towel") >= 0
    assert window.images.image_path("my-towel") is not None


def test_naming_a_routine_then_clicking_a_card_selects_it(window: MainWindow, qtbot: QtBot) -> None:
    """Saving the name made the watcher reload the data dir, which rebuilt the library under
    the runner's first click; a reload that changes no pose now leaves the library alone."""
    window.new_action.trigger()
    resets: list[bool] = []
    window.library.model.modelReset.connect(lambda: resets.append(True))
    qtbot.keyClicks(window.editor.settings_form.name, " for Tuesday")
    assert window.controller.save_now()
    window.controller.reload_from_disk()
    assert resets == []
    view = window.library.view
    target = window.library.proxy.index(2, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(target).center())
    assert view.currentIndex() == target
    assert view.selectionModel().isSelected(target)
