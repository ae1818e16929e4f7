"""Small builders shared by the core tests."""

from __future__ import annotations

from stretchdesk.core.models import Hold, Pose


def make_pose(pose_id: str, *, per_side: bool = False, seconds: float = 30, **extra: object) -> Pose:
    data: dict[str, object] = {
        "id": pose_id,
        "name": pose_id.replace("-", " ").title(),
        "kind": "static-stretch",
        "position": "supine",
        "targets": ["hips"],
        "per_side": per_side,
        "hold": Hold(seconds=seconds),
        "instructions": ["Lie down.", "Breathe."],
    }
    data.update(extra)
    return Pose.model_validate(data)
