"""The runner's tighter side: what a "tighter side" step plays on.

The player asks once at the start of a routine that has such steps (see
`needs_tighter_side`), stores the answer under `TIGHTER_SIDE_SETTING` in its
settings, and offers the stored side as the default next time.
"""

from __future__ import annotations

from stretchdesk.core.models import Routine
from stretchdesk.core.timeline import uses_tighter_side
from stretchdesk.core.vocabulary import Side

TIGHTER_SIDE_SETTING = "player/tighterSide"
DEFAULT_TIGHTER_SIDE = Side.RIGHT


def needs_tighter_side(routine: Routine) -> bool:
    """True when the player should ask which side is tighter before it starts."""
    return uses_tighter_side(routine)


def tighter_side_from_setting(value: object) -> Side:
    """A stored setting back to a side; anything unreadable falls back to the default."""
    if isinstance(value, str):
        try:
            return Side(value.strip().lower())
        except ValueError:
            pass
    return DEFAULT_TIGHTER_SIDE


def tighter_side_setting(side: Side) -> str:
    """What to store: the side's plain name, readable in the settings file."""
    return side.value
