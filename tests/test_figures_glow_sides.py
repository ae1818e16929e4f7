"""Which leg the "feel it here" glow sits on. Core only: no QApplication."""

from __future__ import annotations

import math

import pytest

from stretchdesk.core.skeleton import pose_figure, solve
from stretchdesk.core.skeleton.targets import glow_spots


def _leg_spots(pose_id: str, area: str) -> list[str]:
    """The legs ("near"/"far") whose thigh carries a spot of this area: the spot runs
    along that thigh, from near its hip toward its knee."""
    figure = pose_figure(pose_id).figure
    points = solve(figure).points
    sides = []
    for spot in glow_spots(figure, [area]):
        run = (spot.b[0] - spot.a[0], spot.b[1] - spot.a[1])
        for side in ("near", "far"):
            hip, knee = points[f"{side}_hip"], points[f"{side}_knee"]
            thigh = (knee[0] - hip[0], knee[1] - hip[1])
            cosine = (run[0] * thigh[0] + run[1] * thigh[1]) / (math.hypot(*run) * math.hypot(*thigh) or 1.0)
            if cosine > 0.999 and math.dist(spot.a, hip) < math.dist(spot.a, knee):
                sides.append(side)
    return sides


@pytest.mark.parametrize("pose_id", ["low-lunge", "forward-lunge", "pigeon", "open-lizard", "twisting-lizard"])
def test_hip_flexors_glow_on_the_back_leg_of_a_split_stance(pose_id: str) -> None:
    assert _leg_spots(pose_id, "hip-flexors") == ["far"], "the back thigh's hip is the one that stretches"


def test_without_a_split_the_hip_flexors_glow_on_the_accented_leg() -> None:
    assert _leg_spots("wall-psoas-hold", "hip-flexors") == ["near"]
    assert _leg_spots("thomas-test-hip-flexor-check", "hip-flexors") == ["near"]


def test_other_leg_areas_still_follow_the_accent() -> None:
    assert _leg_spots("pigeon", "hamstrings") == ["near"]  # pigeon's front leg is accented
