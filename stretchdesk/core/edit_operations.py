"""The compound editing operations: move, group, ungroup and the per-item settings.

Each breaks down into `editing`'s primitives and knows its own inverse.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from stretchdesk.core.documents import describe_validation_error
from stretchdesk.core.editing import (
    EditRejected,
    Insert,
    Operation,
    Primitive,
    Remove,
    Replace,
    TreePath,
    children_of,
    item_at,
)
from stretchdesk.core.models import Block, BlockMode, Hold, Rest, Routine, Step
from stretchdesk.core.vocabulary import Sides


@dataclass(frozen=True)
class Move:
    """Moves `count` siblings from `source` to `dest`; `dest` is a path in the
    routine as it is once they are taken out, which makes the inverse a Move
    with the two paths swapped."""

    source: TreePath
    count: int
    dest: TreePath

    def primitives(self, routine: Routine) -> list[Primitive]:
        children = children_of(routine, self.source[:-1])
        start = self.source[-1]
        moving = tuple(children[start:start + self.count])
        return [Remove(self.source, self.count), Insert(self.dest, moving)]

    def inverse(self, routine: Routine) -> Operation:
        return Move(self.dest, self.count, self.source)


@dataclass(frozen=True)
class Group:
    at: TreePath
    count: int
    mode: BlockMode
    rounds: int = 1
    note: str = ""

    def primitives(self, routine: Routine) -> list[Primitive]:
        children = children_of(routine, self.at[:-1])
        inner = children[self.at[-1]:self.at[-1] + self.count]
        rounds = 1 if self.mode is BlockMode.EACH_SIDE else self.rounds
        try:
            block = Block(mode=self.mode, rounds=rounds, items=inner, note=self.note)
        except ValidationError as error:
            raise EditRejected(describe_validation_error(error, "block")) from None
        return [Remove(self.at, self.count), Insert(self.at, (block,))]

    def inverse(self, routine: Routine) -> Operation:
        return Ungroup(self.at)


@dataclass(frozen=True)
class Ungroup:
    at: TreePath

    def primitives(self, routine: Routine) -> list[Primitive]:
        block = item_at(routine, self.at)
        if not isinstance(block, Block):
            raise EditRejected("only a block can be ungrouped")
        return [Remove(self.at, 1), Insert(self.at, tuple(block.items))]

    def inverse(self, routine: Routine) -> Operation:
        block = item_at(routine, self.at)
        assert isinstance(block, Block)
        return Group(self.at, len(block.items), block.mode, block.rounds, block.note)


@dataclass(frozen=True)
class SetHold:
    """A step's hold (None: the pose's own) or a rest's length (the hold's seconds)."""

    at: TreePath
    hold: Hold | None

    def primitives(self, routine: Routine) -> list[Primitive]:
        item = item_at(routine, self.at)
        if isinstance(item, Step):
            return [Replace(self.at, item.model_copy(update={"hold": self.hold}))]
        if isinstance(item, Rest) and self.hold is not None:
            seconds = min(self.hold.total_seconds(), 1800.0)
            return [Replace(self.at, item.model_copy(update={"seconds": seconds}))]
        raise EditRejected("a block has no hold of its own; set the holds of its steps")

    def inverse(self, routine: Routine) -> Operation:
        item = item_at(routine, self.at)
        if isinstance(item, Rest):
            return SetHold(self.at, Hold(seconds=item.seconds))
        assert isinstance(item, Step)
        return SetHold(self.at, item.hold)


@dataclass(frozen=True)
class SetSides:
    at: TreePath
    sides: Sides

    def primitives(self, routine: Routine) -> list[Primitive]:
        item = item_at(routine, self.at)
        if not isinstance(item, Step):
            raise EditRejected("only a pose step is played on sides")
        return [Replace(self.at, item.model_copy(update={"sides": self.sides}))]

    def inverse(self, routine: Routine) -> Operation:
        item = item_at(routine, self.at)
        assert isinstance(item, Step)
        return SetSides(self.at, item.sides)


@dataclass(frozen=True)
class SetNote:
    at: TreePath
    note: str

    def primitives(self, routine: Routine) -> list[Primitive]:
        item = item_at(routine, self.at)
        return [Replace(self.at, item.model_copy(update={"note": self.note.strip()[:300]}))]

    def inverse(self, routine: Routine) -> Operation:
        return SetNote(self.at, item_at(routine, self.at).note)


@dataclass(frozen=True)
class SetBlockMode:
    at: TreePath
    mode: BlockMode
    rounds: int

    def primitives(self, routine: Routine) -> list[Primitive]:
        block = item_at(routine, self.at)
        if not isinstance(block, Block):
            raise EditRejected("only a block has a mode and rounds")
        rounds = 1 if self.mode is BlockMode.EACH_SIDE else max(1, min(50, self.rounds))
        return [Replace(self.at, block.model_copy(update={"mode": self.mode, "rounds": rounds}))]

    def inverse(self, routine: Routine) -> Operation:
        block = item_at(routine, self.at)
        assert isinstance(block, Block)
        return SetBlockMode(self.at, block.mode, block.rounds)
