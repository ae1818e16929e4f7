"""Small builders shared by the core tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchdesk.core.models import Hold, Pose

if TYPE_CHECKING:
    from PySide6.QtGui import QImage


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


def warm_pixels(image: QImage) -> int:
    """Pixels in the "feel it here" glow's warm orange, which the plain figure's blues and
    tans never reach (its accent orange is darker in green)."""
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            count += colour.alpha() > 0 and colour.red() > 200 and 110 < colour.green() < 200 and colour.blue() < 110
    return count
