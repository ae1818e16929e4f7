"""Random edits through the Qt tree model and its undo stack: the rows always mirror the
core's routine, Qt's model tester sees every signal, and undo/redo go all the way back and forth."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester

from stretchdesk.core.catalog import Catalog, builtin_poses
from stretchdesk.core.editing import EditRejected, EditSession, Item
from stretchdesk.core.models import Block, Routine
from stretchdesk.editor.model import ItemRole, RoutineTreeModel
from stretchdesk.library.catalog import PoseCatalog
from tests.test_editing import operation_for, seed

pytestmark = pytest.mark.gui


def assert_rows_mirror(model: RoutineTreeModel, items: list[Item], parent: QModelIndex) -> None:
    assert model.rowCount(parent) == len(items)
    for row, item in enumerate(items):
        index = model.index(row, 0, parent)
        assert model.parent(index) == parent
        assert index.data(ItemRole.ITEM) == item
        assert model.path_of(index) == (*model.path_of(parent), row)
        assert_rows_mirror(model, item.items if isinstance(item, Block) else [], index)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_random_edits_keep_the_rows_in_step_with_the_routine(
        qtmodeltester: ModelTester, data: st.DataObject) -> None:
    stack = QUndoStack()
    model = RoutineTreeModel(PoseCatalog(Catalog(builtin_poses())), stack)
    original = seed()
    model.load(original, read_only=False)
    qtmodeltester.check(model)
    for _ in range(data.draw(st.integers(1, 12))):
        routine = model.routine()
        assert routine is not None
        try:
            operation = data.draw(operation_for(routine))
            EditSession(routine).check(operation)
        except EditRejected:
            continue
        assert model.edits.perform("Random edit", operation)
        current = model.routine()
        assert current is not None
        assert_rows_mirror(model, current.items, QModelIndex())
    final = model.routine()
    while stack.canUndo():
        stack.undo()
    assert model.routine() == original
    assert_rows_mirror(model, original.items, QModelIndex())
    while stack.canRedo():
        stack.redo()
    assert model.routine() == final
    assert isinstance(final, Routine)
    assert_rows_mirror(model, final.items, QModelIndex())
