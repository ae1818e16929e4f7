"""The pose catalog as a Qt list model, and the MIME format poses travel in."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from stretchdesk.core.models import Pose

POSE_MIME = "application/x-stretchdesk-pose-ids"

AnyIndex = QModelIndex | QPersistentModelIndex


class PoseRole(IntEnum):
    POSE = Qt.ItemDataRole.UserRole + 1
    POSE_ID = Qt.ItemDataRole.UserRole + 2
    CUSTOM = Qt.ItemDataRole.UserRole + 3


def pose_mime(pose_ids: Sequence[str]) -> QMimeData:
    """Pose ids packed for a drag or a drop: a JSON list under POSE_MIME."""
    mime = QMimeData()
    mime.setData(POSE_MIME, json.dumps(list(pose_ids)).encode())
    mime.setText("\n".join(pose_ids))
    return mime


def pose_ids_from_mime(mime: QMimeData) -> list[str]:
    if not mime.hasFormat(POSE_MIME):
        return []
    try:
        ids = json.loads(bytes(mime.data(POSE_MIME).data()).decode())
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    if not isinstance(ids, list):
        return []
    return [pose_id for pose_id in ids if isinstance(pose_id, str)]


class PoseCardsModel(QAbstractListModel):
    """Poses in a list, answering the roles the card delegate paints from (PoseRole);
    the library and the recipe preview differ only in order, tooltip and dragging."""

    def __init__(self) -> None:
        super().__init__()
        self._poses: list[Pose] = []

    def _reset(self, poses: Iterable[Pose]) -> None:
        self.beginResetModel()
        self._poses = list(poses)
        self.endResetModel()

    def poses(self) -> list[Pose]:
        return list(self._poses)

    def tooltip(self, pose: Pose) -> str:
        return pose.summary or pose.name

    def accessible_text(self, row: int, pose: Pose) -> str:
        areas = ", ".join(area.value.replace("-", " ") for area in pose.targets)
        return f"{pose.name}, {pose.hold.label()}, {areas}"

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._poses)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._poses):
            return None
        pose = self._poses[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return pose.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(pose)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(index.row(), pose)
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


class PoseListModel(PoseCardsModel):
    """Poses sorted by name; a drag source for the routine editor."""

    def __init__(self, poses: Iterable[Pose] = ()) -> None:
        super().__init__()
        self.set_poses(poses)

    def set_poses(self, poses: Iterable[Pose]) -> None:
        self._reset(sorted(poses, key=lambda pose: pose.name.casefold()))

    def pose_at(self, row: int) -> Pose:
        return self._poses[row]

    def row_of(self, pose_id: str) -> int:
        for row, pose in enumerate(self._poses):
            if pose.id == pose_id:
                return row
        return -1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [POSE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return pose_mime([self._poses[row].id for row in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """The library is a source, not a target: poses are already in it."""
        return False

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return False
