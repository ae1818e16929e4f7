"""The editor tree: steps inside blocks are rows you select, edit, drag and move by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from stretchdesk.core.catalog import Catalog, builtin_poses
from stretchdesk.core.editing import Insert
from stretchdesk.core.models import Block, BlockMode, Hold, Rest, Routine, Step
from stretchdesk.editor.model import RoutineTreeModel
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.library.model import pose_mime
from stretchdesk.mainwindow import MainWindow

pytestmark = pytest.mark.gui


def nested() -> tuple[Step | Rest | Block, ...]:
    inner = Block(mode=BlockMode.ROUNDS, rounds=3, items=[Step(pose="cat-cow"), Rest(seconds=10)])
    return (
        Step(pose="childs-pose"),
        Block(mode=BlockMode.EACH_SIDE, items=[Step(pose="pigeon"), inner]),
        Block(mode=BlockMode.ROUNDS, rounds=2, items=[Step(pose="downward-facing-dog")]),
    )


def tree_model() -> tuple[RoutineTreeModel, QUndoStack]:
    stack = QUndoStack()
    model = RoutineTreeModel(PoseCatalog(Catalog(builtin_poses())), stack)
    model.load(Routine(name="Nested", items=list(nested())), read_only=False)
    return model, stack


def poses_under(model: RoutineTreeModel, parent: QModelIndex) -> list[str]:
    found = []
    for row in range(model.rowCount(parent)):
        item = model.item(model.path_of(model.index(row, 0, parent)))
        found.append(item.pose if isinstance(item, Step) else item.type)
    return found


def test_every_step_in_every_block_is_a_row(qtmodeltester: ModelTester) -> None:
    model, _ = tree_model()
    qtmodeltester.check(model)
    outer = model.index(1, 0)
    assert model.rowCount() == 3 and model.rowCount(outer) == 2
    inner = model.index(1, 0, outer)
    assert model.rowCount(inner) == 2
    cat_cow = model.index(0, 0, inner)
    assert cat_cow.data() == "Cat-Cow Pose"
    assert model.parent(cat_cow) == inner and model.parent(inner) == outer
    assert model.path_of(cat_cow) == (1, 1, 0)
    assert cat_cow.flags() & Qt.ItemFlag.ItemIsEditable
    assert inner.flags() & Qt.ItemFlag.ItemIsDropEnabled
    assert model.setData(cat_cow, "45", Qt.ItemDataRole.EditRole)
    assert model.item((1, 1, 0)) == Step(pose="cat-cow", hold=Hold(seconds=45))
    qtmodeltester.check(model)


def test_drags_within_into_out_of_and_between_blocks(qtmodeltester: ModelTester) -> None:
    model, stack = tree_model()
    qtmodeltester.check(model)
    outer = model.index(1, 0)
    inner = model.index(1, 0, outer)
    move = Qt.DropAction.MoveAction

    within = model.mimeData([model.index(1, 0, inner)])
    assert model.dropMimeData(within, move, 0, 0, inner)
    assert poses_under(model, model.index(1, 0, model.index(1, 0))) == ["rest", "cat-cow"]

    into = model.mimeData([model.index(0, 0)])
    assert model.canDropMimeData(into, move, -1, 0, model.index(2, 0))
    assert model.dropMimeData(into, move, -1, 0, model.index(2, 0))
    assert poses_under(model, model.index(1, 0)) == ["downward-facing-dog", "childs-pose"]

    pigeon = model.index(0, 0, model.index(0, 0))
    out = model.mimeData([pigeon])
    assert model.dropMimeData(out, move, 0, 0, QModelIndex())
    assert poses_under(model, QModelIndex()) == ["pigeon", "block", "block"]

    block_b = model.index(2, 0)
    nested_block = model.index(0, 0, model.index(1, 0))
    between = model.mimeData([model.index(0, 0, nested_block), model.index(0, 0, block_b)])
    assert model.dropMimeData(between, move, 0, 0, QModelIndex())
    assert poses_under(model, QModelIndex())[:2] == ["rest", "downward-facing-dog"]
    qtmodeltester.check(model)

    poses = pose_mime(["childs-pose"])
    assert model.dropMimeData(poses, Qt.DropAction.CopyAction, -1, 0, model.index(3, 0))
    assert poses_under(model, model.index(3, 0))[-1] == "childs-pose"

    while stack.canUndo():
        stack.undo()
    routine = model.routine()
    assert routine is not None and tuple(routine.items) == nested()


def test_a_block_cannot_be_dropped_into_itself() -> None:
    model, stack = tree_model()
    outer = model.index(1, 0)
    mime = model.mimeData([outer])
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(1, 0, outer))
    assert stack.count() == 0


def open_nested(window: MainWindow) -> None:
    window.controller.new_routine("Nested")
    assert window.editor.model.edits.perform("Seed", Insert((0,), nested()))


def select(window: MainWindow, *paths: tuple[int, ...]) -> None:
    selection = window.editor.view.selectionModel()
    selection.clearSelection()
    for path in paths:
        selection.select(window.editor.model.index_of(path),
                         QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(window.editor.model.index_of(paths[-1]),
                              QItemSelectionModel.SelectionFlag.NoUpdate)


def test_a_nested_step_is_edited_in_the_inspector_and_the_total_follows(
        window: MainWindow, qtbot: QtBot) -> None:
    open_nested(window)
    editor = window.editor
    before_total, before_chart = editor.total.text(), editor.chart.rows()
    select(window, (1, 1, 0))
    assert editor.inspector.hold.isVisible()
    editor.inspector.hold.setText("2:00")
    editor.inspector.hold.editingFinished.emit()
    assert editor.model.item((1, 1, 0)) == Step(pose="cat-cow", hold=Hold(seconds=120))
    assert editor.total.text() != before_total
    assert editor.chart.rows() != before_chart
    select(window, (1, 1))
    assert editor.inspector.rounds.isVisible()
    editor.inspector.rounds.setValue(5)
    editor.inspector.rounds.editingFinished.emit()
    inner = editor.model.item((1, 1))
    assert isinstance(inner, Block) and inner.rounds == 5
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert editor.total.text() == before_total


def test_keyboard_moves_into_and_out_of_blocks(window: MainWindow, qtbot: QtBot) -> None:
    open_nested(window)
    view = window.editor.view
    model = window.editor.model
    view.setFocus()
    select(window, (0,))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert isinstance(model.item((0,)), Block) and model.item((1,)) == Step(pose="childs-pose")
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert model.item((0, 2)) == Step(pose="childs-pose")
    assert view.selected_paths() == [(0, 2)]
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert model.item((0, 1)) == Step(pose="childs-pose")
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert model.item((1,)) == Step(pose="childs-pose")
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(model.items()) == 2
    window.undo_action.trigger()
    assert model.item((1,)) == Step(pose="childs-pose")


def test_a_moved_block_keeps_its_selection_folding_and_indexes(
        window: MainWindow, qtbot: QtBot) -> None:
    open_nested(window)
    view, model = window.editor.view, window.editor.model
    inside = QPersistentModelIndex(model.index_of((1, 0)))
    view.collapse(model.index_of((1,)))
    view.setFocus()
    select(window, (1,))
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert isinstance(model.item((0,)), Block)
    assert view.selected_paths() == [(0,)]
    assert not view.isExpanded(model.index_of((0,)))
    assert inside.isValid() and model.path_of(inside) == (0, 0)
