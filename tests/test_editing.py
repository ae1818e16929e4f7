"""The editing rules without Qt: every operation undoes exactly, for any sequence."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchdesk.core.edit_operations import (
    Group,
    Move,
    SetBlockMode,
    SetHold,
    SetNote,
    SetSides,
    Ungroup,
)
from stretchdesk.core.edit_plans import (
    group_paths,
    move_by_keyboard,
    move_paths,
    remove_paths,
)
from stretchdesk.core.editing import (
    EditRejected,
    EditSession,
    Insert,
    Item,
    Operation,
    SetSettings,
    TreePath,
    apply,
    item_at,
)
from stretchdesk.core.models import Block, BlockMode, Hold, Rest, Routine, Step
from stretchdesk.core.vocabulary import Side, Sides

POSES = ("childs-pose", "cat-cow", "pigeon-pose", "downward-facing-dog")


def seed() -> Routine:
    inner = Block(mode=BlockMode.ROUNDS, rounds=3, items=[Step(pose="cat-cow"), Rest(seconds=10)])
    return Routine(name="Seed", items=[
        Step(pose="childs-pose"),
        Block(mode=BlockMode.EACH_SIDE, items=[Step(pose="pigeon-pose"), inner]),
        Step(pose="downward-facing-dog", hold=Hold(breaths=5)),
    ])


def all_paths(items: list[Item], prefix: TreePath = ()) -> list[TreePath]:
    found: list[TreePath] = []
    for index, item in enumerate(items):
        path = (*prefix, index)
        found.append(path)
        if isinstance(item, Block):
            found += all_paths(item.items, path)
    return found


@st.composite
def operation_for(draw: st.DrawFn, routine: Routine) -> Operation:
    paths = all_paths(routine.items)
    slots = [(len(routine.items),), *paths,
             *((*p, 0) for p in paths if isinstance(item_at(routine, p), Block))]
    kind = draw(st.sampled_from(["insert", "remove", "move", "group", "ungroup", "hold", "sides",
                                 "note", "mode", "settings", "keys", "drop"]))
    if kind == "insert" or not paths:
        step: Item = draw(st.one_of(st.builds(Step, pose=st.sampled_from(POSES)),
                                    st.builds(Rest, seconds=st.integers(1, 600))))
        return Insert(draw(st.sampled_from(slots)), (step,))
    path = draw(st.sampled_from(paths))
    chosen = draw(st.lists(st.sampled_from(paths), min_size=1, max_size=4))
    if kind == "remove":
        return remove_paths(routine, chosen)
    if kind == "move":
        return Move(path, 1, draw(st.sampled_from(slots)))
    if kind == "drop":
        return move_paths(routine, chosen, draw(st.sampled_from(slots)))
    if kind == "keys":
        return move_by_keyboard(routine, [path], draw(st.sampled_from(["up", "down", "in", "out"])))
    if kind == "group":
        mode = draw(st.sampled_from(list(BlockMode)))
        if draw(st.booleans()):
            return group_paths(routine, chosen, mode, draw(st.integers(1, 5)))
        return Group(path, 1, mode, draw(st.integers(1, 5)))
    if kind == "ungroup":
        return Ungroup(path)
    if kind == "hold":
        return SetHold(path, draw(st.one_of(st.none(), st.builds(Hold, seconds=st.integers(1, 900)),
                                            st.builds(Hold, breaths=st.integers(1, 20)))))
    if kind == "sides":
        return SetSides(path, draw(st.sampled_from(list(Sides))))
    if kind == "note":
        return SetNote(path, draw(st.text(max_size=20)))
    if kind == "mode":
        return SetBlockMode(path, draw(st.sampled_from(list(BlockMode))), draw(st.integers(1, 9)))
    settings_now = EditSession(routine).settings
    return SetSettings(replace(settings_now, prepare_seconds=float(draw(st.integers(0, 600))),
                               first_side=draw(st.sampled_from(list(Side)))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_undo_to_the_original_and_redo_to_the_final(data: st.DataObject) -> None:
    original = seed()
    routine = original
    done: list[tuple[Operation, Operation]] = []
    for _ in range(data.draw(st.integers(1, 25))):
        try:
            operation = data.draw(operation_for(routine))
            result, inverse = apply(routine, operation)
        except EditRejected:
            continue
        Routine.model_validate(result.model_dump())
        done.append((operation, inverse))
        routine = result
    final = routine
    for _, inverse in reversed(done):
        routine, _ = apply(routine, inverse)
        Routine.model_validate(routine.model_dump())
    assert routine == original
    for operation, _ in done:
        routine, _ = apply(routine, operation)
    assert routine == final


def test_moving_a_step_out_of_a_nested_block_and_back() -> None:
    routine = seed()
    moved, undo = apply(routine, Move((1, 1, 0), 1, (0,)))
    assert moved.items[0] == Step(pose="cat-cow")
    inner = item_at(moved, (2, 1))
    assert isinstance(inner, Block) and inner.items == [Rest(seconds=10)]
    back, _ = apply(moved, undo)
    assert back == routine


def test_rules_refuse_broken_routines_with_a_clear_message() -> None:
    routine = seed()
    with pytest.raises(EditRejected, match="at least one step"):
        apply(routine, Move((1, 1, 0), 2, (0,)))
    with pytest.raises(EditRejected, match="no step at step 9"):
        apply(routine, SetNote((8,), "x"))
    deep: Operation = Group((1, 1, 0), 1, BlockMode.ROUNDS, 2)
    routine, _ = apply(routine, deep)
    routine, _ = apply(routine, Group((1, 1, 0, 0), 1, BlockMode.ROUNDS, 2))
    with pytest.raises(EditRejected, match="nest at most 4"):
        apply(routine, Group((1, 1, 0, 0, 0), 1, BlockMode.ROUNDS, 2))
    with pytest.raises(EditRejected, match="built in"):
        EditSession(routine, read_only=True).apply(SetNote((0,), "x"))
    with pytest.raises(EditRejected, match="into itself"):
        move_paths(routine, [(1,)], (1, 0))


def test_deleting_every_step_of_a_block_deletes_the_block() -> None:
    routine = seed()
    result, _ = apply(routine, remove_paths(routine, [(1, 1, 0), (1, 1, 1)]))
    block = item_at(result, (1,))
    assert isinstance(block, Block) and block.items == [Step(pose="pigeon-pose")]


def test_group_gathers_scattered_siblings_where_the_first_was() -> None:
    routine = seed()
    result, undo = apply(routine, group_paths(routine, [(0,), (2,)], BlockMode.ROUNDS, 3))
    assert len(result.items) == 2
    block = result.items[0]
    assert isinstance(block, Block) and [s.pose for s in block.items if isinstance(s, Step)] == [
        "childs-pose", "downward-facing-dog"]
    assert apply(result, undo)[0] == routine
