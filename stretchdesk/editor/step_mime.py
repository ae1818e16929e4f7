"""What a drag out of the editor's tree carries, and where a drop lands.

A drag carries the dragged rows' tree paths tagged with the model that made
them (process id and object), so rows dragged from another window or process
are never read as paths into this routine.
"""

from __future__ import annotations

import json
import os

from PySide6.QtCore import QMimeData

from stretchdesk.core.editing import TreePath

STEP_MIME = "application/x-stretchdesk-step-paths"


def model_token(model: object) -> str:
    """Names one model in one process for the paths it puts on a drag."""
    return f"{os.getpid()}:{id(model)}"


def step_paths_mime(token: str, paths: list[TreePath], titles: list[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(STEP_MIME, json.dumps({"model": token, "paths": paths}).encode())
    mime.setText("\n".join(titles))
    return mime


def step_paths_from_mime(data: QMimeData, token: str) -> list[TreePath]:
    """The paths a drag from the model named `token` carries; [] for anything else."""
    if not data.hasFormat(STEP_MIME):
        return []
    try:
        payload = json.loads(bytes(data.data(STEP_MIME).data()).decode())
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    if not isinstance(payload, dict) or payload.get("model") != token:
        return []
    raw = payload.get("paths")
    if not isinstance(raw, list):
        return []
    return [tuple(path) for path in raw
            if isinstance(path, list) and path and all(isinstance(i, int) for i in path)]


def drop_destination(target: TreePath, row: int, row_count: int, on_block: bool,
                     top_level_rows: int) -> TreePath:
    """Where a drop before `row` under the row at `target` inserts; with no row (-1), a
    drop on a block goes in at its end, on a step just after it, on the empty area at
    the routine's end. `row_count` counts the target's children."""
    if row >= 0:
        return (*target, min(row, row_count))
    if not target:
        return (top_level_rows,)
    if on_block:
        return (*target, row_count)
    return (*target[:-1], target[-1] + 1)
