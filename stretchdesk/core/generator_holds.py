"""Holds for a generated routine: each pose's hold in whole units (seconds, breaths or
reps) inside its recommended range, chosen so the whole timeline lands on the target.

The generator picks and orders the poses; this module only turns their ranges into
holds. Everything is in units so a breath-counted pose stays a whole number of breaths.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from stretchdesk.core.models import Hold, Pose

TOLERANCE = 0.05
"""A routine may miss the requested time by this share (prepare, transitions and switches included)."""


@dataclass(frozen=True)
class HoldUnits:
    """A pose's hold as whole units (seconds, breaths or reps) within its range."""

    unit: float
    low: int
    high: int
    template: Hold

    def hold(self, units: int) -> Hold:
        if self.template.seconds is not None:
            return Hold(seconds=units)
        if self.template.breaths is not None:
            return Hold(breaths=units)
        return Hold(reps=units, seconds_per_rep=self.template.seconds_per_rep)


def hold_units(pose: Pose) -> HoldUnits:
    hold = pose.hold
    unit = 1.0 if hold.seconds is not None else hold.total_seconds() / (hold.breaths or hold.reps or 1)
    span = pose.recommended_range()
    low = math.ceil(span.min_seconds / unit - 1e-9)
    high = math.floor(span.max_seconds / unit + 1e-9)
    if low > high or low < 1:
        low = high = max(1, round(hold.total_seconds() / unit))
    return HoldUnits(unit, low, high, hold)


def sides(pose: Pose) -> int:
    return 2 if pose.per_side else 1


def fit_holds(
    order: Sequence[Pose], units: Sequence[HoldUnits], chosen: list[int], fixed: set[int],
    glue: float, target: float,
) -> int:
    """Set `chosen` (units per pose; the `fixed` ones stay as given) so that the holds plus
    `glue` (the timeline's seconds that are not holding) land on `target` seconds.
    Returns 0 when they do, -1 when even the longest holds fall short, +1 when even the
    shortest are too long (the caller then adds or drops a pose)."""
    free = [i for i in range(len(order)) if i not in fixed]

    def total() -> float:
        return glue + sum(sides(order[i]) * chosen[i] * units[i].unit for i in range(len(order)))

    lowest = total()
    highest = lowest + sum(sides(order[i]) * (units[i].high - units[i].low) * units[i].unit for i in free)
    if highest < target * (1 - TOLERANCE / 2):
        return -1
    if lowest > target * (1 + TOLERANCE / 2):
        return 1
    share = min(1.0, max(0.0, (target - lowest) / (highest - lowest))) if highest > lowest else 0.0
    for i in free:
        chosen[i] = units[i].low + math.floor(share * (units[i].high - units[i].low))
    for _ in range(400):  # unit steps toward the target, the most useful step first
        error = target - total()
        best: tuple[float, int, int] | None = None
        for i in free:
            step = 1 if error > 0 else -1
            if not units[i].low <= chosen[i] + step <= units[i].high:
                continue
            after = abs(error - step * sides(order[i]) * units[i].unit)
            if after < abs(error) and (best is None or after < best[0]):
                best = (after, i, step)
        if best is None:
            break
        chosen[best[1]] += best[2]
    return 0
