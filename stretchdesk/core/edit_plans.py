"""What a runner's gesture on a selection means as one editing operation.

A selection in the tree can hold steps from several blocks; these functions turn
"delete these", "move these there", "group these" and the keyboard moves into a
single operation from `editing`, so each gesture is one undo step.
"""

from __future__ import annotations

from collections.abc import Iterable

from stretchdesk.core.edit_operations import (
    Group,
    Move,
)
from stretchdesk.core.editing import (
    Batch,
    EditRejected,
    Insert,
    Item,
    Operation,
    Remove,
    TreePath,
    children_of,
    item_at,
)
from stretchdesk.core.models import Block, BlockMode, Routine


def top_most(paths: Iterable[TreePath]) -> list[TreePath]:
    """The paths in document order, leaving out any inside another selected path."""
    unique = sorted(set(paths))
    kept: list[TreePath] = []
    for path in unique:
        if not any(path[:len(outer)] == outer for outer in kept):
            kept.append(path)
    return kept


def after_removal(removed: TreePath, count: int, path: TreePath) -> TreePath:
    """Where `path` points once `count` siblings at `removed` are taken out."""
    parent, start = removed[:-1], removed[-1]
    depth = len(parent)
    if len(path) <= depth or path[:depth] != parent:
        return path
    index = path[depth]
    if index >= start + count:
        return (*parent, index - count, *path[depth + 1:])
    if index >= start:
        if len(path) > depth + 1:
            raise EditRejected("a block can't be moved into itself")
        return (*parent, start)
    return path


def before_removal(removed: TreePath, count: int, path: TreePath) -> TreePath:
    """The inverse of `after_removal`: where a path in the routine without the removed
    siblings points in the routine that still has them."""
    parent, start = removed[:-1], removed[-1]
    depth = len(parent)
    if len(path) <= depth or path[:depth] != parent:
        return path
    if len(path) == depth + 1:
        index = path[depth]
        return (*parent, index + count) if index > start else path
    if path[depth] >= start:
        return (*parent, path[depth] + count, *path[depth + 1:])
    return path


def remove_paths(routine: Routine, paths: Iterable[TreePath]) -> Operation:
    """Delete the selection; a block whose steps are all selected goes as a whole."""
    chosen = _whole_blocks(routine, top_most(paths))
    if not chosen:
        raise EditRejected("Select the steps to delete")
    return Batch(tuple(Remove(path) for path in reversed(chosen)))


def _whole_blocks(routine: Routine, paths: list[TreePath]) -> list[TreePath]:
    """Replaces 'every child of a block' by the block, until nothing changes."""
    while True:
        selected = set(paths)
        parents = {path[:-1] for path in paths if len(path) > 1}
        full = [parent for parent in sorted(parents, key=len, reverse=True)
                if all((*parent, index) in selected
                       for index in range(len(children_of(routine, parent))))]
        if not full:
            return paths
        paths = top_most([*paths, full[0]])


def move_paths(routine: Routine, paths: Iterable[TreePath], dest: TreePath) -> Operation:
    """Move the selection so it lands together, in order, at `dest` (a path in the
    routine as it is now: dropping before the item currently at `dest`)."""
    chosen = top_most(paths)
    if not chosen:
        raise EditRejected("Select the steps to move")
    for path in chosen:
        item_at(routine, path)
    moves: list[Operation] = []
    target = dest
    for path in reversed(chosen):
        target = after_removal(path, 1, target)
    moving: list[Item] = [item_at(routine, path) for path in chosen]
    removals = [Remove(path) for path in reversed(chosen)]
    moves.extend(removals)
    moves.append(Insert(target, tuple(moving)))
    return Batch(tuple(moves))


def move_by_keyboard(routine: Routine, paths: Iterable[TreePath], direction: str) -> Operation:
    """Alt+Up/Down move neighbouring steps past their neighbour (out of a block at its
    ends); Alt+Right moves them into the block above, Alt+Left out of their block."""
    chosen = top_most(paths)
    if not chosen:
        raise EditRejected("Select the steps to move")
    parent = chosen[0][:-1]
    first, last = chosen[0][-1], chosen[-1][-1]
    if any(path[:-1] != parent for path in chosen) or last - first + 1 != len(chosen):
        raise EditRejected("Select neighbouring steps in one block to move them together")
    count = len(chosen)
    siblings = children_of(routine, parent)
    source = chosen[0]
    if direction == "up":
        if first > 0:
            return Move(source, count, (*parent, first - 1))
        if not parent:
            raise EditRejected("Already at the top")
        return Move(source, count, parent)
    if direction == "down":
        if last + 1 < len(siblings):
            return Move(source, count, (*parent, first + 1))
        if not parent:
            raise EditRejected("Already at the bottom")
        return Move(source, count, after_removal(source, count, (*parent[:-1], parent[-1] + 1)))
    if direction == "in":
        above = siblings[first - 1] if first > 0 else None
        if not isinstance(above, Block):
            raise EditRejected("Move into a block: the step above must be a block")
        return Move(source, count, (*parent, first - 1, len(above.items)))
    if direction == "out":
        if not parent:
            raise EditRejected("Not inside a block")
        return Move(source, count, after_removal(source, count, (*parent[:-1], parent[-1] + 1)))
    raise ValueError(f"unknown direction {direction!r}")


def group_paths(routine: Routine, paths: Iterable[TreePath], mode: BlockMode,
                rounds: int = 2) -> Operation:
    """Group selected siblings into a block where the first one was."""
    chosen = top_most(paths)
    if not chosen:
        raise EditRejected("Select the steps to group")
    parent = chosen[0][:-1]
    if any(path[:-1] != parent for path in chosen):
        raise EditRejected("Select steps in the same block to group them")
    first = chosen[0]
    gather = [Move(path, 1, (*parent, first[-1] + offset))
              for offset, path in enumerate(chosen) if offset and path[-1] != first[-1] + offset]
    return Batch((*gather, Group(first, len(chosen), mode, rounds)))


def insert_position(routine: Routine, selected: TreePath | None) -> TreePath:
    """Where new steps go: after the selected item, beside it; at the end otherwise."""
    if selected is None:
        return (len(routine.items),)
    item_at(routine, selected)
    return (*selected[:-1], selected[-1] + 1)
