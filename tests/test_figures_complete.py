"""Every built-in pose has a figure."""

from __future__ import annotations

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.skeleton import figure_ids


def test_every_builtin_pose_has_a_figure() -> None:
    missing = sorted(set(builtin_poses()) - set(figure_ids()))
    assert missing == [], f"{len(missing)} of {len(builtin_poses())} poses have no figure yet"
