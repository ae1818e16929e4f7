"""A routine with "tighter side" steps asks which side is tighter, remembers it, and plays there."""

from __future__ import annotations

from typing import Any

from stretchdesk.core.timeline import SegmentKind
from stretchdesk.core.vocabulary import Side
from tests.player.conftest import Rig

WALL = "builtin-wall-inversions"


def tighter_holds(controller: Any) -> list[Side | None]:
    routine = controller.routine
    tighter_paths = {path for path, step in _steps(routine.items, ()) if step.sides.value == "tighter"}
    return [s.side for s in controller.session.segments
            if s.kind is SegmentKind.HOLD and s.path in tighter_paths]


def _steps(items: Any, prefix: tuple[int, ...]) -> Any:
    for index, item in enumerate(items):
        here = (*prefix, index)
        if item.type == "step":
            yield here, item
        elif item.type == "block":
            yield from _steps(item.items, here)


def test_the_tighter_side_is_asked_remembered_and_played(rig: Rig) -> None:
    rig.tighter_answer = Side.LEFT
    first = rig.play(WALL)
    assert rig.tighter_defaults == [Side.RIGHT]
    assert tighter_holds(first) and set(tighter_holds(first)) == {Side.LEFT}
    first.close()
    rig.tighter_answer = Side.RIGHT
    second = rig.play(WALL)
    assert rig.tighter_defaults == [Side.RIGHT, Side.LEFT], "last time's answer is the default"
    assert set(tighter_holds(second)) == {Side.RIGHT}
    second.close()
    rig.play("builtin-post-run-hips-quickie").close()
    assert len(rig.tighter_defaults) == 2, "a routine without tighter-side steps does not ask"
