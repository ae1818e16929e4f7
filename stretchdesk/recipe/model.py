"""The preview's cards: the generated routine's poses in order, each with its chosen hold."""

from __future__ import annotations

from collections.abc import Mapping

from stretchdesk.core.models import Pose, Routine
from stretchdesk.library.model import PoseCardsModel


class RecipePreviewModel(PoseCardsModel):
    """Read-only; the library's card delegate paints it (poses carry the generated hold)."""

    def set_routine(self, routine: Routine | None, catalog: Mapping[str, Pose]) -> None:
        held: list[Pose] = []
        for item in routine.items if routine is not None else ():
            pose = catalog.get(item.pose) if item.type == "step" else None
            if pose is not None and item.type == "step":
                held.append(pose.model_copy(update={"hold": item.hold or pose.hold}))
        self._reset(held)

    def tooltip(self, pose: Pose) -> str:
        sides = " each side" if pose.per_side else ""
        return f"{pose.name}: {pose.hold.label()}{sides}"

    def accessible_text(self, row: int, pose: Pose) -> str:
        return f"{row + 1}. {pose.name}, {pose.hold.label()}"
