"""The "New from recipe…" dialog: live preview, Regenerate, Save into the editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.recipes_runs import RunType, suggest
from stretchdesk.core.vocabulary import Area, Position, Prop
from stretchdesk.core.workspace import Workspace
from stretchdesk.mainwindow import MainWindow
from stretchdesk.pose_images import PoseImages
from stretchdesk.recipe.dialog import RecipeDialog


def make_dialog(qtbot: QtBot, data_dir: Path, seed: int = 11) -> RecipeDialog:
    workspace = Workspace.open(data_dir)
    images = PoseImages(workspace.catalog, workspace.store.images_dir)
    dialog = RecipeDialog(workspace.catalog, images, seed=seed)
    qtbot.addWidget(dialog)
    images.setParent(dialog)
    return dialog


def test_preview_follows_the_inputs(qtbot: QtBot, data_dir: Path, qtmodeltester: ModelTester) -> None:
    dialog = make_dialog(qtbot, data_dir)
    qtmodeltester.check(dialog.preview_model)
    assert dialog.routine is not None and dialog.save_button.isEnabled()
    assert dialog.total.text().startswith(("14:", "15:"))
    dialog.minutes.setValue(30)
    dialog.focus[Area.HIPS].setChecked(True)
    dialog.focus[Area.HAMSTRINGS].setChecked(True)
    assert dialog.routine is not None
    assert dialog.preview_model.rowCount() == len(dialog.routine.items)
    assert [p.id for p in dialog.preview_model.poses()] == dialog.routine.pose_ids()
    assert dialog.total.text().startswith(("28:", "29:", "30:", "31:")) and "on your focus" in dialog.total.text()
    assert "Hamstrings" in dialog.areas.text()
    qtmodeltester.check(dialog.preview_model)


def test_an_impossible_recipe_says_what_to_change_and_cannot_be_saved(qtbot: QtBot, data_dir: Path) -> None:
    dialog = make_dialog(qtbot, data_dir)
    dialog.focus[Area.IT_BAND].setChecked(True)
    dialog.positions[Position.STANDING].setChecked(False)
    assert dialog.routine is None and not dialog.save_button.isEnabled()
    assert "No pose for it-band" in dialog.problem.text() and dialog.preview_model.rowCount() == 0
    assert not dialog.regenerate_button.isEnabled()
    dialog.positions[Position.STANDING].setChecked(True)
    dialog.props[Prop.STRAP].setChecked(True)
    dialog.level.setCurrentIndex(dialog.level.findData("intermediate"))
    assert dialog.routine is not None and dialog.problem.text() == ""
    assert dialog.save_button.isEnabled() and dialog.preview_model.rowCount() > 0


def test_regenerate_gives_another_routine_from_the_same_recipe(qtbot: QtBot, data_dir: Path) -> None:
    dialog = make_dialog(qtbot, data_dir)
    first = dialog.routine
    assert first is not None
    seen = {tuple(first.pose_ids())}
    for _ in range(3):
        dialog.regenerate_button.click()
        assert dialog.routine is not None
        seen.add(tuple(dialog.routine.pose_ids()))
    assert len(seen) >= 3 and dialog.seed == 14


def test_todays_run_fills_in_its_recipe(qtbot: QtBot, data_dir: Path) -> None:
    dialog = make_dialog(qtbot, data_dir)
    dialog.run_minutes.setValue(120)
    dialog.run.setCurrentIndex(dialog.run.findData(RunType.LONG.value))
    expected = suggest(RunType.LONG, 120)
    assert dialog.minutes.value() == expected.minutes
    assert {a for a, box in dialog.focus.items() if box.isChecked()} == set(expected.focus)
    assert dialog.routine is not None and dialog.routine.name.startswith("After a long run")
    dialog.run.setCurrentIndex(dialog.run.findData(RunType.BEFORE.value))
    assert not dialog.positions[Position.SUPINE].isChecked() and dialog.positions[Position.STANDING].isChecked()
    assert dialog.routine is not None and dialog.routine.name.startswith("Warm-up before a run")
    dialog.run.setCurrentIndex(0)
    assert not dialog.run_minutes.isEnabled()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform says this for any dialog
def test_save_stores_it_and_opens_it_in_the_editor(window: MainWindow, qtbot: QtBot) -> None:
    chosen: list[str] = []

    def press_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecipeDialog)
        assert dialog.routine is not None
        chosen.extend(dialog.routine.pose_ids())
        dialog.save_button.click()

    QTimer.singleShot(0, press_save)
    window.new_from_recipe_action.trigger()
    assert chosen
    routine_id = window.document.routine_id
    assert routine_id is not None and not window.workspace.is_builtin(routine_id)
    saved = window.workspace.get(routine_id)
    assert saved.pose_ids() == chosen and "generated" in saved.tags
    assert window.document.model.rowCount() == len(saved.items)
    assert all(pose in builtin_poses() for pose in chosen)


def test_the_step_is_a_prop_you_can_tick(qtbot: QtBot, data_dir: Path) -> None:
    dialog = make_dialog(qtbot, data_dir)
    dialog.minutes.setValue(8)
    dialog.focus[Area.CALVES].setChecked(True)
    assert dialog.routine is not None and "step-heel-drop" not in dialog.routine.pose_ids()
    assert dialog.props[Prop.STEP].text() == "Step"
    dialog.props[Prop.STEP].setChecked(True)
    assert dialog.routine is not None and "step-heel-drop" in dialog.routine.pose_ids()
    assert "step-heel-drop" in [pose.id for pose in dialog.preview_model.poses()]
