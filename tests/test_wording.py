"""Left-side wording: instructions written for the right side, mirrored word by word."""

from __future__ import annotations

import re

import pytest

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.wording import mirror_sides


@pytest.mark.parametrize(
    ("text", "mirrored"),
    [
        ("Step your right foot forward.", "Step your left foot forward."),
        ("Drop your left knee; keep the right hip up.", "Drop your right knee; keep the left hip up."),
        ("Right knee above left.", "Left knee above right."),
        ("LEFT", "RIGHT"),
        ("bend the knee to a right angle", "bend the knee to a right angle"),
        ("a right-angle bend with your left leg", "a right-angle bend with your right leg"),
        ("Stack your front knee right over your ankle.", "Stack your front knee right over your ankle."),
        ("Bright light; the leftover strap", "Bright light; the leftover strap"),
    ],
)
def test_mirror_sides_swaps_only_side_words(text: str, mirrored: str) -> None:
    assert mirror_sides(text) == mirrored


def test_every_sided_instruction_mirrors_and_mirrors_back() -> None:
    """Each per-side pose that names a side gets a different left-side text that round-trips."""
    named = 0
    for pose in builtin_poses().values():
        if not pose.per_side:
            continue
        for line in pose.instructions:
            flipped = mirror_sides(line)
            assert mirror_sides(flipped) == line
            if re.search(r"\b(left|right) (foot|knee|leg|hand|hip)\b", line, re.IGNORECASE):
                assert flipped != line
                named += 1
    assert named > 40
