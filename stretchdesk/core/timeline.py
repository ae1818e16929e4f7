"""Routine expansion: the one place that decides what the player will run.

The editor's total, the minutes per area chart, `stretchdesk show` and the
player all read the same `Timeline`, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from stretchdesk.core.models import Block, BlockMode, Pose, Rest, Routine, Step
from stretchdesk.core.vocabulary import Area, Side, Sides


class SegmentKind(StrEnum):
    PREPARE = "prepare"
    HOLD = "hold"
    SWITCH = "switch"
    TRANSITION = "transition"
    REST = "rest"


ItemPath = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch of the clock. For prepare, switch and transition segments,
    `pose` is the pose coming next, so the player can show what to get into."""

    kind: SegmentKind
    seconds: float
    start: float
    pose: str | None = None
    side: Side | None = None
    path: ItemPath = ()
    note: str = ""

    @property
    def end(self) -> float:
        return self.start + self.seconds

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "pose": self.pose,
            "side": self.side.value if self.side else None,
            "seconds": self.seconds,
            "start": self.start,
        }


@dataclass(frozen=True)
class Timeline:
    segments: tuple[Segment, ...]
    problems: tuple[str, ...] = ()
    seconds_per_area: Mapping[Area, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return self.segments[-1].end if self.segments else 0.0

    @property
    def hold_seconds(self) -> float:
        return sum(s.seconds for s in self.holds())

    def holds(self) -> Iterator[Segment]:
        return (s for s in self.segments if s.kind is SegmentKind.HOLD)

    def index_at(self, elapsed: float) -> int:
        """Index of the segment running at `elapsed` seconds (len() when done)."""
        for index, segment in enumerate(self.segments):
            if elapsed < segment.end:
                return index
        return len(self.segments)


@dataclass(frozen=True, slots=True)
class _Planned:
    """A hold or rest before the glue segments (prepare/switch/transition) go in."""

    kind: SegmentKind
    seconds: float
    pose: str | None
    side: Side | None
    path: ItemPath
    note: str
    switch_before: bool = False


class _Expander:
    def __init__(self, routine: Routine, catalog: Mapping[str, Pose], tighter_side: Side) -> None:
        self.routine = routine
        self.tighter_side = tighter_side
        self.catalog = catalog
        self.problems: list[str] = []
        self.planned: list[_Planned] = []

    def run(self) -> Timeline:
        self._items(self.routine.items, (), forced_side=None)
        segments = self._with_glue()
        areas: dict[Area, float] = {}
        for segment in segments:
            pose = self.catalog.get(segment.pose) if segment.pose else None
            if segment.kind is SegmentKind.HOLD and pose is not None:
                for area in pose.targets:
                    areas[area] = areas.get(area, 0.0) + segment.seconds
        return Timeline(tuple(segments), tuple(self.problems), areas)

    def _items(
        self, items: list[Step | Rest | Block], path: ItemPath, forced_side: Side | None
    ) -> None:
        for index, item in enumerate(items):
            here = (*path, index)
            if isinstance(item, Step):
                self._step(item, here, forced_side)
            elif isinstance(item, Rest):
                self.planned.append(
                    _Planned(SegmentKind.REST, item.seconds, None, None, here, item.note)
                )
            else:
                self._block(item, here, forced_side)

    def _block(self, block: Block, path: ItemPath, forced_side: Side | None) -> None:
        if block.mode is BlockMode.ROUNDS:
            for _ in range(block.rounds):
                self._items(block.items, path, forced_side)
            return
        first = forced_side or self.routine.first_side
        sides = [first] if forced_side else [first, first.other]
        for number, side in enumerate(sides):
            mark = len(self.planned)
            self._items(block.items, path, side)
            if number > 0 and mark < len(self.planned):
                self.planned[mark] = _replace_switch(self.planned[mark])

    def _step(self, step: Step, path: ItemPath, forced_side: Side | None) -> None:
        pose = self.catalog.get(step.pose)
        if pose is None:
            where = ".".join(str(i + 1) for i in path)
            self.problems.append(f"step {where}: unknown pose {step.pose!r} (skipped)")
            return
        seconds = (step.hold or pose.hold).total_seconds()
        note = step.note
        if not pose.per_side or step.sides is Sides.NONE:
            sides: list[Side | None] = [None]
        elif forced_side is not None:
            sides = [forced_side]
        elif step.sides is Sides.BOTH:
            sides = [self.routine.first_side, self.routine.first_side.other]
        elif step.sides is Sides.TIGHTER:
            sides = [self.tighter_side]
        else:
            sides = [Side(step.sides.value)]
        for number, side in enumerate(sides):
            self.planned.append(
                _Planned(SegmentKind.HOLD, seconds, pose.id, side, path, note, number > 0)
            )

    def _with_glue(self) -> list[Segment]:
        routine = self.routine
        segments: list[Segment] = []
        clock = 0.0

        def add(kind: SegmentKind, seconds: float, planned: _Planned) -> None:
            nonlocal clock
            if seconds <= 0:
                return
            segments.append(
                Segment(kind, seconds, clock, planned.pose, planned.side, planned.path, planned.note)
            )
            clock += seconds

        previous: _Planned | None = None
        for planned in self.planned:
            if planned.kind is SegmentKind.HOLD:
                if previous is None:
                    add(SegmentKind.PREPARE, routine.prepare_seconds, planned)
                elif planned.switch_before or _same_pose_other_side(previous, planned):
                    add(SegmentKind.SWITCH, routine.switch_seconds, planned)
                elif previous.kind is SegmentKind.HOLD:
                    add(SegmentKind.TRANSITION, routine.transition_seconds, planned)
            add(planned.kind, planned.seconds, planned)
            previous = planned
        return segments


def _same_pose_other_side(previous: _Planned, planned: _Planned) -> bool:
    return (
        previous.kind is SegmentKind.HOLD
        and previous.pose == planned.pose
        and None not in (previous.side, planned.side)
        and previous.side != planned.side
    )


def _replace_switch(planned: _Planned) -> _Planned:
    return replace(planned, switch_before=planned.kind is SegmentKind.HOLD)


def expand(
    routine: Routine, catalog: Mapping[str, Pose], tighter_side: Side = Side.RIGHT
) -> Timeline:
    """The exact segments the player runs, with unknown poses reported, not fatal.

    Steps marked "tighter side" play on `tighter_side` (the player asks the runner;
    everything that only needs a total uses the default)."""
    return _Expander(routine, catalog, tighter_side).run()


def uses_tighter_side(routine: Routine) -> bool:
    """True when some step plays on the tighter side, so the player should ask which it is."""

    def walk(items: list[Step | Rest | Block]) -> bool:
        return any(
            (isinstance(item, Step) and item.sides is Sides.TIGHTER)
            or (isinstance(item, Block) and walk(item.items))
            for item in items
        )

    return walk(routine.items)
