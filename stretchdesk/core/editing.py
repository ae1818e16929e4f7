"""The editing rules for a routine, as pure operations addressed by tree paths.

A path is a tuple of indexes: ``(2,)`` is the third top-level item, ``(2, 0)``
the first item inside that block. Every operation applied to a routine gives a
new, validated routine and the operation that undoes it, so an undo history is
just a list of operations; the Qt editor only wraps these. This module holds the
primitives (insert, remove, replace in place, settings), `Batch` and the rules;
`edit_operations` the compound ones (move, group, ungroup, set hold/sides/note/
block mode), which break down into primitives so a view model can announce each
change as plain row insertions, removals and moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Protocol

from pydantic import ValidationError

from stretchdesk.core.documents import describe_validation_error
from stretchdesk.core.models import MAX_BLOCK_DEPTH, Block, BlockMode, Rest, Routine, Step
from stretchdesk.core.vocabulary import Side

Item = Step | Rest | Block
TreePath = tuple[int, ...]
MAX_TOP_LEVEL_ITEMS = 500
MAX_BLOCK_ITEMS = 200


class EditRejected(ValueError):
    """An edit that would break the routine; the message says what to do instead."""


@dataclass(frozen=True)
class RoutineSettings:
    """The routine's own fields a runner edits, typed (the items are edited separately)."""

    name: str
    description: str
    prepare_seconds: float
    transition_seconds: float
    switch_seconds: float
    first_side: Side

    @classmethod
    def of(cls, routine: Routine) -> RoutineSettings:
        return cls(routine.name, routine.description, routine.prepare_seconds,
                   routine.transition_seconds, routine.switch_seconds, routine.first_side)

    def changed_fields(self, other: RoutineSettings) -> set[str]:
        return {f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)}


class Operation(Protocol):
    def primitives(self, routine: Routine) -> list[Primitive]:
        """The same change as inserts, removes and in-place replacements, in order."""
        ...

    def inverse(self, routine: Routine) -> Operation:
        """The operation that undoes this one when applied to its result."""
        ...


# -- tree access ----------------------------------------------------------
def item_at(routine: Routine, path: TreePath) -> Item:
    items: Sequence[Item] = routine.items
    found: Item | None = None
    for depth, index in enumerate(path):
        if not 0 <= index < len(items):
            raise EditRejected(f"there is no step at {format_path(path)}")
        found = items[index]
        if depth < len(path) - 1:
            if not isinstance(found, Block):
                raise EditRejected(f"there is no step at {format_path(path)}")
            items = found.items
    if found is None:
        raise EditRejected("an edit needs the position of a step")
    return found


def children_of(routine: Routine, parent: TreePath) -> list[Item]:
    if not parent:
        return list(routine.items)
    block = item_at(routine, parent)
    if not isinstance(block, Block):
        raise EditRejected(f"{format_path(parent)} is not a block")
    return list(block.items)


def format_path(path: TreePath) -> str:
    return "step " + ".".join(str(index + 1) for index in path) if path else "the routine"


def _with_children(items: Sequence[Item], parent: TreePath, new_children: list[Item]) -> list[Item]:
    if not parent:
        return new_children
    head, rest = parent[0], parent[1:]
    block = items[head]
    assert isinstance(block, Block)
    rebuilt = block.model_copy(update={"items": _with_children(block.items, rest, new_children)})
    return [*items[:head], rebuilt, *items[head + 1:]]


def _set_children(routine: Routine, parent: TreePath, new_children: list[Item]) -> Routine:
    return routine.model_copy(update={"items": _with_children(routine.items, parent, new_children)})


# -- primitives -------------------------------------------------------------
@dataclass(frozen=True)
class Insert:
    at: TreePath
    items: tuple[Item, ...]

    def primitives(self, routine: Routine) -> list[Primitive]:
        return [self]

    def inverse(self, routine: Routine) -> Operation:
        return Remove(self.at, len(self.items))

    def apply_unchecked(self, routine: Routine) -> Routine:
        children = children_of(routine, self.at[:-1])
        index = self.at[-1]
        if not 0 <= index <= len(children):
            raise EditRejected(f"can't insert at {format_path(self.at)}")
        return _set_children(routine, self.at[:-1],
                             [*children[:index], *self.items, *children[index:]])


@dataclass(frozen=True)
class Remove:
    at: TreePath
    count: int = 1

    def primitives(self, routine: Routine) -> list[Primitive]:
        return [self]

    def inverse(self, routine: Routine) -> Operation:
        children = children_of(routine, self.at[:-1])
        return Insert(self.at, tuple(children[self.at[-1]:self.at[-1] + self.count]))

    def apply_unchecked(self, routine: Routine) -> Routine:
        children = children_of(routine, self.at[:-1])
        index = self.at[-1]
        if self.count < 1 or index < 0 or index + self.count > len(children):
            raise EditRejected(f"there is no step at {format_path(self.at)}")
        return _set_children(routine, self.at[:-1],
                             [*children[:index], *children[index + self.count:]])


@dataclass(frozen=True)
class Replace:
    """One item's own fields change; a block keeps its children (see `_same_shape`)."""

    at: TreePath
    item: Item

    def primitives(self, routine: Routine) -> list[Primitive]:
        return [self]

    def inverse(self, routine: Routine) -> Operation:
        return Replace(self.at, item_at(routine, self.at))

    def apply_unchecked(self, routine: Routine) -> Routine:
        old = item_at(routine, self.at)
        if not _same_shape(old, self.item):
            raise EditRejected("a replacement keeps the block's steps; move them instead")
        children = children_of(routine, self.at[:-1])
        children[self.at[-1]] = self.item
        return _set_children(routine, self.at[:-1], children)


@dataclass(frozen=True)
class SetSettings:
    settings: RoutineSettings

    def primitives(self, routine: Routine) -> list[Primitive]:
        return [self]

    def inverse(self, routine: Routine) -> Operation:
        return SetSettings(RoutineSettings.of(routine))

    def apply_unchecked(self, routine: Routine) -> Routine:
        return routine.model_copy(update={f.name: getattr(self.settings, f.name)
                                          for f in fields(self.settings)})


Primitive = Insert | Remove | Replace | SetSettings


def _same_shape(old: Item, new: Item) -> bool:
    if isinstance(old, Block) or isinstance(new, Block):
        return isinstance(old, Block) and isinstance(new, Block) and old.items == new.items
    return True


@dataclass(frozen=True)
class Batch:
    """Several operations as one edit; only the end result has to be valid."""

    operations: tuple[Operation, ...]

    def primitives(self, routine: Routine) -> list[Primitive]:
        found: list[Primitive] = []
        for operation in self.operations:
            steps = operation.primitives(routine)
            found += steps
            routine = _run(routine, steps)
        return found

    def inverse(self, routine: Routine) -> Operation:
        undo: list[Operation] = []
        for operation in self.operations:
            after = _run(routine, operation.primitives(routine))
            undo.append(operation.inverse(routine))
            routine = after
        return Batch(tuple(reversed(undo)))


# -- applying -------------------------------------------------------------
def _run(routine: Routine, steps: Sequence[Primitive]) -> Routine:
    for step in steps:
        routine = step.apply_unchecked(routine)
    return routine


def apply(routine: Routine, operation: Operation) -> tuple[Routine, Operation]:
    """The edited routine, validated, and the operation that undoes the edit."""
    result = _run(routine, operation.primitives(routine))
    return validated(result), operation.inverse(routine)


def validated(routine: Routine) -> Routine:
    """The routine re-checked as a whole, or EditRejected saying which rule it breaks."""
    if len(routine.items) > MAX_TOP_LEVEL_ITEMS:
        raise EditRejected(f"A routine holds at most {MAX_TOP_LEVEL_ITEMS} steps")
    for problem in _block_problems(routine.items, 1):
        raise EditRejected(problem)
    try:
        # Items are pydantic objects, validated when made, and the block rules that a
        # rebuilt block could break are checked above: re-check only the routine's own
        # fields and its validators, without re-reading every step (fast for 500 steps).
        return Routine.model_validate(dict(routine))
    except ValidationError as error:
        raise EditRejected(describe_validation_error(error, "routine")) from None


def _block_problems(items: Sequence[Item], depth: int) -> list[str]:
    for item in items:
        if not isinstance(item, Block):
            continue
        if depth > MAX_BLOCK_DEPTH:
            return [f"Blocks nest at most {MAX_BLOCK_DEPTH} deep"]
        if not item.items:
            return ["A block needs at least one step; delete or ungroup the block instead"]
        if len(item.items) > MAX_BLOCK_ITEMS:
            return [f"A block holds at most {MAX_BLOCK_ITEMS} steps"]
        if item.mode is BlockMode.EACH_SIDE and item.rounds != 1:
            return ["An each-side block plays once per side; rounds must be 1"]
        found = _block_problems(item.items, depth + 1)
        if found:
            return found
    return []


class EditSession:
    """The routine being edited; refuses every edit when it is read-only."""

    def __init__(self, routine: Routine, read_only: bool = False) -> None:
        self.routine = routine
        self.read_only = read_only

    def check(self, operation: Operation) -> tuple[Routine, Operation]:
        """What `operation` would give, without applying it (raises EditRejected)."""
        if self.read_only:
            raise EditRejected("This routine is built in; duplicate it to edit")
        return apply(self.routine, operation)

    def apply(self, operation: Operation) -> Operation:
        self.routine, inverse = self.check(operation)
        return inverse

    @property
    def settings(self) -> RoutineSettings:
        return RoutineSettings.of(self.routine)

