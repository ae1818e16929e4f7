"""How routine items read in the editor, the PDF sheet and tooltips."""

from __future__ import annotations

from collections.abc import Mapping

from stretchdesk.core.editing import Item
from stretchdesk.core.models import BlockMode, Hold, Pose, Rest, Step
from stretchdesk.core.vocabulary import Sides


def item_title(item: Item, catalog: Mapping[str, Pose]) -> str:
    if isinstance(item, Step):
        pose = catalog.get(item.pose)
        return pose.name if pose else f"Unknown pose ({item.pose})"
    if isinstance(item, Rest):
        return "Rest"
    count = f"{len(item.items)} step{'s' if len(item.items) != 1 else ''}"
    if item.mode is BlockMode.EACH_SIDE:
        return f"Block · each side · {count}"
    return f"Block · {item.rounds} rounds · {count}"


def hold_text(item: Item, catalog: Mapping[str, Pose]) -> str:
    if isinstance(item, Step):
        if item.hold is not None:
            return item.hold.label()
        pose = catalog.get(item.pose)
        return pose.hold.label() if pose else ""
    if isinstance(item, Rest):
        return Hold(seconds=item.seconds).label()
    return ""


def sides_text(step: Step, pose: Pose | None) -> str:
    if pose is None or not pose.per_side or step.sides is Sides.NONE:
        return ""
    return {Sides.BOTH: "both sides", Sides.LEFT: "left side only",
            Sides.RIGHT: "right side only", Sides.TIGHTER: "tighter side only"}[step.sides]
