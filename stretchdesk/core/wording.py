"""Side-aware wording: pose instructions are written for the right side.

When a runner plays the left side, "step your right foot forward" must read
"step your left foot forward", or they end up stretching the same leg twice.
"""

from __future__ import annotations

import re

# "right" that is not a side: "a right angle", "right over your ankle", "right away"
_SIDE_WORD = re.compile(r"\b(left|right)\b(?!-angle|\s+(?:angles?|over|away)\b)", re.IGNORECASE)
_OTHER = {"left": "right", "right": "left"}


def _swap(match: re.Match[str]) -> str:
    word = match.group(1)
    other = _OTHER[word.lower()]
    if word.isupper():
        return other.upper()
    return other.capitalize() if word[0].isupper() else other


def mirror_sides(text: str) -> str:
    """Swap every left/right that names a side, keeping capitals."""
    return _SIDE_WORD.sub(_swap, text)
