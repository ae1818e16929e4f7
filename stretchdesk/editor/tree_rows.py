"""Row identity for the editor's tree: which node a `QModelIndex` means, and row signals.

Rows are identified by small integer keys mirroring the routine's tree, so a
persistent index never points at freed memory. This base knows nothing about
routines: the subclass passes a `commit` callable that swaps in the routine
after the change, and it runs between Qt's begin/end row notifications.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex

from stretchdesk.core.editing import Item, TreePath
from stretchdesk.core.models import Block

AnyIndex = QModelIndex | QPersistentModelIndex


class TreeNode:
    """One row's identity; `row` is kept current so paths cost O(depth)."""

    __slots__ = ("block", "children", "key", "parent", "row")

    def __init__(self, key: int, parent: TreeNode | None, row: int, block: bool) -> None:
        self.key = key
        self.parent = parent
        self.row = row
        self.block = block
        self.children: list[TreeNode] = []

    def renumber(self, start: int = 0) -> None:
        for row in range(start, len(self.children)):
            self.children[row].row = row


class RowTree(QAbstractItemModel):
    """A one-column tree of keyed nodes with the structural half of Qt's model interface."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = itertools.count(1)
        self._root = TreeNode(0, None, 0, True)
        self._nodes: dict[int, TreeNode] = {}

    # -- paths and indexes --------------------------------------------------
    def path_of(self, index: AnyIndex) -> TreePath:
        node = self._nodes.get(index.internalId()) if index.isValid() else None
        path: list[int] = []
        while node is not None and node.parent is not None:
            path.append(node.row)
            node = node.parent
        return tuple(reversed(path))

    def index_of(self, path: TreePath) -> QModelIndex:
        index = QModelIndex()
        for row in path:
            index = self.index(row, 0, index)
        return index

    def _is_block_row(self, index: AnyIndex) -> bool | None:
        """True for a block, False for a step or rest, None for an index this model forgot."""
        node = self._nodes.get(index.internalId())
        return None if node is None else node.block

    # -- changing the rows ----------------------------------------------------
    def _reset_rows(self, items: Sequence[Item], commit: Callable[[], None]) -> None:
        self.beginResetModel()
        commit()
        self._nodes.clear()
        self._root.children = self._make_nodes(items, self._root)
        self.endResetModel()

    def _insert_rows(self, at: TreePath, items: Sequence[Item],
                     commit: Callable[[], None]) -> None:
        parent = self.index_of(at[:-1])
        node = self._node(parent)
        row = at[-1]
        self.beginInsertRows(parent, row, row + len(items) - 1)
        commit()
        node.children[row:row] = self._make_nodes(items, node)
        node.renumber(row)
        self.endInsertRows()

    def _remove_rows(self, at: TreePath, count: int, commit: Callable[[], None]) -> None:
        parent = self.index_of(at[:-1])
        node = self._node(parent)
        row = at[-1]
        self.beginRemoveRows(parent, row, row + count - 1)
        commit()
        for gone in node.children[row:row + count]:
            self._forget(gone)
        del node.children[row:row + count]
        node.renumber(row)
        self.endRemoveRows()

    def _move_rows(self, at: TreePath, count: int, dest_before_removal: TreePath,
                   dest_after_removal: TreePath, commit: Callable[[], None]) -> bool:
        """Move `count` rows from `at`; the destination is given as Qt wants it (before the
        rows leave) and as the nodes land (after). False if Qt refuses the move."""
        source_parent = self.index_of(at[:-1])
        dest_parent = self.index_of(dest_before_removal[:-1])
        first, last = at[-1], at[-1] + count - 1
        if not self.beginMoveRows(source_parent, first, last, dest_parent,
                                  dest_before_removal[-1]):
            return False
        source, dest = self._node(source_parent), self._node(dest_parent)
        nodes = source.children[first:last + 1]
        del source.children[first:last + 1]
        source.renumber(first)
        dest.children[dest_after_removal[-1]:dest_after_removal[-1]] = nodes
        for node in nodes:
            node.parent = dest
        dest.renumber()
        commit()
        self.endMoveRows()
        return True

    def _make_nodes(self, items: Sequence[Item], parent: TreeNode) -> list[TreeNode]:
        made = []
        for row, item in enumerate(items):
            node = TreeNode(next(self._keys), parent, row, isinstance(item, Block))
            self._nodes[node.key] = node
            if isinstance(item, Block):
                node.children = self._make_nodes(item.items, node)
            made.append(node)
        return made

    def _forget(self, node: TreeNode) -> None:
        self._nodes.pop(node.key, None)
        for child in node.children:
            self._forget(child)

    def _node(self, index: AnyIndex) -> TreeNode:
        if not index.isValid():
            return self._root
        return self._nodes.get(index.internalId(), self._root)

    # -- Qt model interface: structure --------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        node = self._node(parent)
        if parent.isValid() and node is self._root:
            return QModelIndex()
        if not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row].key)

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, child: AnyIndex) -> QModelIndex: ...

    def parent(self, child: AnyIndex | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        node = self._nodes.get(child.internalId()) if child.isValid() else None
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        above = node.parent
        return self.createIndex(above.row, 0, above.key)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        if parent.isValid() and node is self._root:
            return 0
        return len(node.children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0
