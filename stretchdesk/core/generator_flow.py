"""How a generated routine flows and how well it meets its recipe.

Positions go standing -> kneeling/all fours -> seated -> lying and never back
up. `fewest_position_changes` computes, by dynamic programming over the
positions, the least number of position changes any order of the same poses
could have, so the generator's order can be measured against it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from stretchdesk.core.models import Pose, Routine
from stretchdesk.core.timeline import Timeline, expand
from stretchdesk.core.vocabulary import Area, Difficulty, Kind, Position

POSITION_ORDER: tuple[Position, ...] = (
    Position.STANDING,
    Position.KNEELING,
    Position.ALL_FOURS,
    Position.SEATED,
    Position.PRONE,
    Position.SIDE_LYING,
    Position.SUPINE,
    Position.LEGS_UP_THE_WALL,
)
RANK: Mapping[Position, int] = {
    Position.STANDING: 0,
    Position.KNEELING: 1,
    Position.ALL_FOURS: 1,
    Position.SEATED: 2,
    Position.PRONE: 3,
    Position.SIDE_LYING: 3,
    Position.SUPINE: 3,
    Position.LEGS_UP_THE_WALL: 3,
}
RELAXATION_POSES: tuple[str, ...] = ("savasana", "legs-up-the-wall", "knees-to-chest", "childs-pose")
RELAXATION_FROM_MINUTES = 5
"""Below this a routine is all stretching: there is no time to settle into a rest pose."""


def is_gentle(pose: Pose) -> bool:
    """A pose fit to open a routine: beginner level and not strength work."""
    return pose.difficulty is Difficulty.BEGINNER and pose.kind is not Kind.STRENGTH


def position_changes(positions: Sequence[Position]) -> int:
    return sum(1 for before, after in pairwise(positions) if before != after)


def fewest_position_changes(
    positions: Sequence[Position], first: Position | None = None, last: Position | None = None
) -> int:
    """The fewest changes over every order of these positions, optionally with a fixed
    first and/or last one (the gentle opener, the closing rest).

    State: (positions already done, position now); a position may be left and
    come back to later, which is what the `first`/`last` constraints can force.
    """
    distinct = sorted(set(positions), key=POSITION_ORDER.index)
    if not distinct:
        return 0
    index = {position: number for number, position in enumerate(distinct)}
    full = (1 << len(distinct)) - 1
    unreachable = len(positions) + 1
    # best[mask][p]: fewest changes with the positions in mask started and p current.
    best = [[unreachable] * len(distinct) for _ in range(full + 1)]
    for position in distinct:
        if first is None or position == first:
            best[1 << index[position]][index[position]] = 0
    for mask in range(full + 1):
        row = best[mask]
        for there in range(len(distinct)):
            # Coming back to a position already started: one change from the best other one.
            others = [row[here] for here in range(len(distinct)) if here != there]
            if mask >> there & 1 and others:
                row[there] = min(row[there], min(others) + 1)
        for here in range(len(distinct)):
            cost = row[here]
            if cost == unreachable:
                continue
            for there in range(len(distinct)):
                if there == here:
                    continue
                nxt = mask | (1 << there)
                best[nxt][there] = min(best[nxt][there], cost + 1)
    ends = [index[last]] if last is not None and last in index else range(len(distinct))
    return min(best[full][end] for end in ends)


def flow_order(poses: Sequence[Pose], opener: Pose | None, closer: Pose | None) -> list[Pose]:
    """Group by position (each position once), ranks never going back up; the opener's
    position starts its rank and the closer's ends the last one."""

    def key(position: Position) -> tuple[int, int, int]:
        lead = 0 if opener is not None and position == opener.position else 1
        tail = 1 if closer is not None and position == closer.position else 0
        return (RANK[position], tail, lead * 10 + POSITION_ORDER.index(position))

    groups: dict[Position, list[Pose]] = {}
    for pose in poses:
        groups.setdefault(pose.position, []).append(pose)
    ordered: list[Pose] = []
    for position in sorted(groups, key=key):
        members = groups[position]
        members.sort(key=lambda p: (p is not opener, p is closer))
        ordered.extend(_repeats_together(members))
    return ordered


def _repeats_together(members: list[Pose]) -> list[Pose]:
    seen: dict[str, list[Pose]] = {}
    for pose in members:
        seen.setdefault(pose.id, []).append(pose)
    return [pose for group in seen.values() for pose in group]


@dataclass(frozen=True)
class Assessment:
    """How a routine measures up against its recipe (tests and the benchmark read this)."""

    total_seconds: float
    target_seconds: float
    focus_share: float
    position_changes: int
    fewest_changes: int
    seconds_per_area: Mapping[Area, float]

    @property
    def time_error(self) -> float:
        return abs(self.total_seconds - self.target_seconds) / self.target_seconds


def assess(
    routine: Routine, catalog: Mapping[str, Pose], minutes: float, focus: Sequence[Area]
) -> Assessment:
    timeline: Timeline = expand(routine, catalog)
    holds = list(timeline.holds())
    held = sum(s.seconds for s in holds)
    on_focus = sum(
        s.seconds for s in holds if s.pose and set(catalog[s.pose].targets) & set(focus)
    )
    positions = [catalog[pose_id].position for pose_id in routine.pose_ids()]
    return Assessment(
        total_seconds=timeline.total_seconds,
        target_seconds=minutes * 60,
        focus_share=on_focus / held if held and focus else 1.0,
        position_changes=position_changes(positions),
        fewest_changes=fewest_position_changes(positions),
        seconds_per_area=dict(timeline.seconds_per_area),
    )
