"""The preview's cards: the generated routine's poses in order, each with its chosen hold."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from stretchdesk.core.models import Pose, Routine
from stretchdesk.library.model import PoseRole

AnyIndex = QModelIndex | QPersistentModelIndex


class RecipePreviewModel(QAbstractListModel):
    """Read-only; the library's card delegate paints it (poses carry the generated hold)."""

    def __init__(self) -> None:
        super().__init__()
        self._poses: list[Pose] = []

    def set_routine(self, routine: Routine | None, catalog: Mapping[str, Pose]) -> None:
        self.beginResetModel()
        self._poses = []
        if routine is not None:
            for item in routine.items:
                pose = catalog.get(item.pose) if item.type == "step" else None
                if pose is not None and item.type == "step":
                    held = pose.model_copy(update={"hold": item.hold or pose.hold})
                    self._poses.append(held)
        self.endResetModel()

    def poses(self) -> list[Pose]:
        return list(self._poses)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._poses)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._poses):
            return None
        pose = self._poses[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return pose.name
        if role == Qt.ItemDataRole.ToolTipRole:
            sides = " each side" if pose.per_side else ""
            return f"{pose.name}: {pose.hold.label()}{sides}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{index.row() + 1}. {pose.name}, {pose.hold.label()}"
        if role == PoseRole.POSE:
            return pose
        if role == PoseRole.POSE_ID:
            return pose.id
        if role == PoseRole.CUSTOM:
            return pose.custom
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
