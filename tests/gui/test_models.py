"""Every item model behind the window passes Qt's model tester, through edits too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester

from stretchdesk.core.catalog import Catalog, builtin_poses
from stretchdesk.core.models import BlockMode, Routine
from stretchdesk.core.workspace import RoutineEntry
from stretchdesk.editor.model import RoutineTreeModel
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.library.model import PoseListModel, PoseRole
from stretchdesk.library.proxy import NO_EQUIPMENT, PoseFilter, PoseFilterProxy
from stretchdesk.routines.model import RoutineListModel

pytestmark = pytest.mark.gui


def test_library_model_and_proxy(qtmodeltester: ModelTester) -> None:
    source = PoseListModel(builtin_poses().values())
    proxy = PoseFilterProxy(source)
    qtmodeltester.check(source)
    qtmodeltester.check(proxy)
    proxy.set_filter(PoseFilter(text="hip", prop=NO_EQUIPMENT))
    narrowed = proxy.rowCount()
    assert 0 < narrowed < source.rowCount()
    proxy.set_search_text("hip flex")
    assert 0 < proxy.rowCount() <= narrowed
    proxy.set_search_text("")
    source.set_poses(list(builtin_poses().values())[:10])
    assert proxy.rowCount() == len([
        p for p in list(builtin_poses().values())[:10] if not p.props
    ])


def test_search_is_and_of_words_over_names_aliases_and_areas() -> None:
    source = PoseListModel(builtin_poses().values())
    proxy = PoseFilterProxy(source)
    proxy.set_search_text("dog downward")
    found = [proxy.index(r, 0).data(PoseRole.POSE) for r in range(proxy.rowCount())]
    assert "Downward-Facing Dog" in {pose.name for pose in found}
    assert all("dog" in pose.searchable_text() and "downward" in pose.searchable_text()
               for pose in found)
    proxy.set_search_text("dog zzzz")
    assert proxy.rowCount() == 0
    proxy.set_search_text("calves")
    by_area = proxy.rowCount()
    assert by_area > 0
    proxy.set_filter(PoseFilter(area="calves"))
    assert proxy.rowCount() <= by_area
    proxy.set_filter(PoseFilter(text="zzzz-nothing"))
    assert proxy.rowCount() == 0


def test_editor_model_through_edits(qtmodeltester: ModelTester) -> None:
    stack = QUndoStack()
    model = RoutineTreeModel(PoseCatalog(Catalog(builtin_poses())), stack)
    qtmodeltester.check(model)
    model.load(Routine(name="x"), read_only=False)
    assert model.edits.add_poses(["childs-pose", "cat-cow", "downward-facing-dog", "childs-pose"])
    assert model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 4)
    assert [i.pose for i in model.items()] == [  # type: ignore[union-attr]
        "downward-facing-dog", "childs-pose", "childs-pose", "cat-cow"]
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 1)
    assert model.edits.group_paths([(1,), (3,)], BlockMode.EACH_SIDE)
    assert model.rowCount() == 3
    block = model.index(1, 0)
    assert model.rowCount(block) == 2
    assert model.index(0, 0, block).data() == "Child's Pose"
    assert model.removeRows(0, 1)
    qtmodeltester.check(model)
    while stack.canUndo():
        stack.undo()
    assert model.rowCount() == 0
    while stack.canRedo():
        stack.redo()
    assert model.rowCount() == 2
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_read_only_editor_refuses_edits() -> None:
    stack = QUndoStack()
    model = RoutineTreeModel(PoseCatalog(Catalog(builtin_poses())), stack)
    model.load(Routine(name="built in"), read_only=True)
    assert not model.edits.add_poses(["childs-pose"])
    assert stack.count() == 0
    assert not model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled


def test_routine_list_model(qtmodeltester: ModelTester) -> None:
    model = RoutineListModel()
    mine = Routine(name="Mine")
    model.set_entries([RoutineEntry(mine, False)], {mine.id: 75.0})
    qtmodeltester.check(model)
    assert model.index(0).data(Qt.ItemDataRole.DisplayRole) == "Mine"
    assert model.row_of(mine.id) == 0
