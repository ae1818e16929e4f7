"""Your own poses: several target areas, editable, and deletable after naming their users."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from stretchdesk.core.editing import Insert
from stretchdesk.core.models import Block, BlockMode, Hold, Pose, Step
from stretchdesk.core.vocabulary import Area, Kind, Position
from stretchdesk.library.posedialog import PoseDialog
from stretchdesk.mainwindow import MainWindow

pytestmark = pytest.mark.gui


def towel() -> Pose:
    return Pose(id="my-towel", name="My Towel Stretch", kind=Kind.STATIC_STRETCH,
                position=Position.SUPINE, targets=[Area.HAMSTRINGS], per_side=True,
                hold=Hold(seconds=40), instructions=["Loop the towel round the foot."],
                custom=True)


def test_a_new_pose_takes_several_target_areas(window: MainWindow) -> None:
    dialog = PoseDialog(window.custom_poses.free_id, window)
    dialog.name.setText("Doorway Chest Opener")
    with pytest.raises(ValueError, match="at least one target area"):
        dialog.build()
    dialog.set_areas(["chest-shoulders", "spine"])
    pose, image = dialog.build()
    assert pose.id == "doorway-chest-opener" and image is None
    assert set(pose.targets) == {Area.SPINE, Area.CHEST_SHOULDERS}


def test_editing_a_custom_pose_keeps_its_id_and_updates_everything(window: MainWindow) -> None:
    assert window.custom_poses.add(towel(), None) is not None
    window.controller.new_routine("Towel day")
    assert window.editor.model.edits.add_poses(["my-towel"])
    dialog = PoseDialog(window.custom_poses.free_id, window, window.catalog.current["my-towel"])
    assert dialog.name.text() == "My Towel Stretch"
    assert dialog.checked_areas() == [Area.HAMSTRINGS]
    dialog.name.setText("Towel Hamstring and Calf")
    dialog.set_areas(["hamstrings", "calves"])
    edited, _ = dialog.build()
    assert edited.id == "my-towel" and edited.hold == Hold(seconds=40)
    assert window.custom_poses.add(edited, None) is not None
    assert window.editor.model.index(0, 0).data() == "Towel Hamstring and Calf"
    assert "calves" in [name for name, _ in window.editor.chart.rows()]
    row = window.library.model.row_of("my-towel")
    assert window.library.model.index(row).data() == "Towel Hamstring and Calf"


def test_deleting_a_custom_pose_names_the_routines_that_use_it_first(
        window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window.custom_poses.add(towel(), None)
    first = window.controller.new_routine("Monday mobility")
    window.editor.model.edits.perform("Seed", Insert((0,), (
        Block(mode=BlockMode.ROUNDS, rounds=2, items=[Step(pose="my-towel")]),)))
    window.controller.new_routine("Unrelated")
    window.editor.model.edits.add_poses(["childs-pose"])
    second = window.controller.new_routine("Friday flow")
    window.editor.model.edits.add_poses(["my-towel", "childs-pose"])
    asked: list[str] = []

    def answer(parent: QWidget, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.library.delete_pose_requested.emit("my-towel")
    assert "my-towel" in window.catalog.current
    assert "'Friday flow', 'Monday mobility'" in asked[0] and "Unrelated" not in asked[0]
    window.library.delete_pose_requested.emit("my-towel")
    assert "my-towel" not in window.catalog.current
    assert window.library.model.row_of("my-towel") == -1
    assert not (data_dir / "poses" / "my-towel.json").exists()
    assert list((data_dir / "trash" / "poses").glob("*my-towel.json"))
    assert window.document.routine_id == second.id
    assert window.editor.model.index(0, 0).data() == "Unknown pose (my-towel)"
    assert first.id in window.workspace.user
    assert [text for text in window.data_problems() if "trash" in text] == []
