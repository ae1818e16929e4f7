"""What a playing session reports: its state at one moment (phase, segment, time left)
and the events that came due (a segment started, a tick, halfway, the end)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from stretchdesk.core.timeline import Segment


class Phase(StrEnum):
    PREPARE = "prepare"
    HOLD = "hold"
    SWITCH = "switch"
    TRANSITION = "transition"
    REST = "rest"
    DONE = "done"


class EventKind(StrEnum):
    STARTED = "started"
    TICK = "tick"
    HALFWAY = "halfway"
    FINISHED = "finished"


@dataclass(frozen=True, slots=True)
class Event:
    """Something the player should say or sound. `due` is the clock time it was
    meant for, so a caller can measure how late it was delivered."""

    kind: EventKind
    index: int
    due: float
    count: int = 0


@dataclass(frozen=True, slots=True)
class SessionState:
    phase: Phase
    index: int
    segment: Segment | None
    segment_seconds: float
    segment_elapsed: float
    elapsed: float
    total: float
    paused: bool
    next_hold: Segment | None

    @property
    def remaining(self) -> float:
        return max(0.0, self.segment_seconds - self.segment_elapsed)

    @property
    def countdown(self) -> int:
        """Whole seconds shown on screen: 30 for the whole first second, 1 for the last."""
        return math.ceil(self.remaining - 1e-9)

    @property
    def fraction(self) -> float:
        if not self.segment_seconds:
            return 1.0
        return min(1.0, self.segment_elapsed / self.segment_seconds)

    @property
    def time_left(self) -> float:
        return max(0.0, self.total - self.elapsed)
