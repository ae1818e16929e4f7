"""A runner builds a routine from an empty data dir, the way the window is used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListView
from pytestqt.qtbot import QtBot

from stretchdesk.core.models import Block, BlockMode, Hold, Step
from stretchdesk.library.model import POSE_MIME, PoseRole
from stretchdesk.mainwindow import MainWindow
from stretchdesk.routines.controller import NEW_ROUTINE_HINT
from stretchdesk.routines.pdf import SheetLine, plan_pages
from tests.gui.conftest import WindowFactory

pytestmark = pytest.mark.gui


def visible_pose_ids(window: MainWindow) -> list[str]:
    proxy = window.library.proxy
    return [str(proxy.index(row, 0).data(PoseRole.POSE_ID)) for row in range(proxy.rowCount())]


def poses_in_routine(window: MainWindow) -> list[str]:
    return [item.pose for item in window.editor.model.items() if isinstance(item, Step)]


def test_build_a_routine_then_find_it_after_restart(
    make_window: WindowFactory, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window()
    for name in ("routineList", "libraryView", "librarySearch", "routineView", "routineTotal",
                 "playButton"):
        assert window.findChild(object, name) is not None, name
    window.new_action.trigger()
    assert not window.document.read_only
    assert window.statusBar().currentMessage() == NEW_ROUTINE_HINT  # no placeholder name to go stale
    model = window.editor.model
    assert model.rowCount() == 0

    search = window.findChild(QLineEdit, "librarySearch")
    qtbot.keyClicks(search, "child pose")
    assert visible_pose_ids(window) == ["childs-pose"]
    search.clear()
    qtbot.keyClicks(search, "hamstring")
    hamstring_poses = visible_pose_ids(window)
    assert "downward-facing-dog" in hamstring_poses
    window.library.prop.setCurrentIndex(window.library.prop.findData("no-equipment"))
    no_kit = visible_pose_ids(window)
    assert no_kit and set(no_kit) <= set(hamstring_poses)
    assert all(not window.workspace.catalog[p].props for p in no_kit)
    window.library.prop.setCurrentIndex(0)
    search.clear()

    view = window.findChild(QListView, "libraryView")
    library = view.model()
    rows = {visible_pose_ids(window)[r]: r for r in range(library.rowCount())}
    mime = library.mimeData([library.index(rows[p], 0) for p in
                             ("childs-pose", "cat-cow", "downward-facing-dog")])
    assert mime.hasFormat(POSE_MIME)
    assert POSE_MIME in model.mimeTypes()
    assert model.canDropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert sorted(poses_in_routine(window)) == ["cat-cow", "childs-pose", "downward-facing-dog"]
    start = poses_in_routine(window)
    total_label = window.findChild(QLabel, "routineTotal")
    first_total = total_label.text()
    assert first_total.startswith("Total ") and first_total != "Total 0 s"

    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert poses_in_routine(window) == [start[1], start[2], start[0]]
    drag = model.mimeData([model.index(2, 0)])
    assert model.dropMimeData(drag, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert poses_in_routine(window) == start

    hold_index = model.index(0, 0)
    assert model.setData(hold_index, "1:15", Qt.ItemDataRole.EditRole)
    first = model.item((0,))
    assert isinstance(first, Step) and first.hold == Hold(seconds=75)
    assert total_label.text() != first_total
    assert not model.setData(hold_index, "forever", Qt.ItemDataRole.EditRole)

    view_steps = window.editor.view
    view_steps.selectionModel().clearSelection()
    for row in (1, 2):
        view_steps.selectionModel().select(model.index(row, 0),
                                           view_steps.selectionModel().SelectionFlag.Select)
    window.editor.group_rounds_action.trigger()
    assert model.rowCount() == 2
    block = model.item((1,))
    assert isinstance(block, Block) and block.mode is BlockMode.ROUNDS and block.rounds == 2

    window.undo_action.trigger()
    assert poses_in_routine(window) == start
    window.redo_action.trigger()
    assert isinstance(model.item((1,)), Block)
    for _ in range(3):
        window.undo_action.trigger()
    assert poses_in_routine(window) == [start[1], start[2], start[0]]
    assert model.item((0,)) == Step(pose=start[1])
    for _ in range(3):
        window.redo_action.trigger()
    assert isinstance(model.item((1,)), Block)
    window.editor.settings_form.name.clear()
    qtbot.keyClicks(window.editor.settings_form.name, "Tuesday cool-down")
    saved_items = model.items()
    routine_id = window.document.routine_id
    assert "Tuesday cool-down" in window.windowTitle()
    window.close()

    again = make_window()
    entry = again.workspace.get(str(routine_id))
    assert entry.name == "Tuesday cool-down"
    assert entry.items == saved_items
    again.routines.select(routine_id)
    assert again.editor.model.items() == saved_items

    exported = tmp_path / "out" / "tuesday.json"
    assert again.controller.export_json(exported)
    assert json.loads(exported.read_text())["routine"]["name"] == "Tuesday cool-down"
    imported = again.controller.import_path(exported)
    assert imported is not None and imported.id != routine_id
    assert imported.items == saved_items
    assert again.document.routine_id == imported.id

    pdf = tmp_path / "out" / "tuesday.pdf"
    assert again.controller.export_pdf(pdf) == 1
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF")
    assert content.count(b"/Type /Page\n") + content.count(b"/Type /Page ") + content.count(
        b"/Type /Page/") >= 1


def test_long_routine_pdf_never_splits_a_step(window: MainWindow, tmp_path: Path) -> None:
    window.controller.new_routine("Long")
    window.editor.model.edits.add_poses(["childs-pose"] * 13)
    pdf = tmp_path / "long.pdf"
    pages = window.controller.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert 2 <= pages < 13
    assert pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages") == pages


def line(kind: str, number: str) -> SheetLine:
    return SheetLine(number, kind, "", "", None, 0, kind)


def test_pages_keep_steps_whole_and_block_headers_with_their_first_step() -> None:
    lines = [line("step", "1"), line("step", "2"), line("block", "3"), line("step", "3.1"),
             line("step", "3.2"), line("rest", "4"), line("step", "5")]
    heights = {"step": 300, "block": 40, "rest": 60}
    pages = plan_pages(lines, lambda item: heights[item.kind], 700, 1000)
    assert [[item.number for item in page] for page in pages] == [
        ["1", "2"], ["3", "3.1", "3.2", "4", "5"]]
    for index, page in enumerate(pages):
        room = 700 if index == 0 else 1000
        assert sum(heights[item.kind] for item in page) <= room
        assert page[-1].kind != "block"
    assert [item for page in pages for item in page] == lines
    giant = plan_pages([line("step", "1"), line("step", "2")], lambda item: 5000, 700, 1000)
    assert [len(page) for page in giant] == [1, 1]
