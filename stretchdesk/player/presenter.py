"""What the player shows and says for a session state, as plain text.

Kept apart from the widgets so wording is decided (and tested) in one place,
and the audience window and the controls panel can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stretchdesk.core.models import Block, Hold, Pose, Routine, Side, Step, format_duration
from stretchdesk.core.session import Event, EventKind, Phase, Session, SessionState
from stretchdesk.core.timeline import Segment, SegmentKind
from stretchdesk.core.wording import mirror_sides

PHASE_TITLES = {
    Phase.PREPARE: "GET READY",
    Phase.HOLD: "HOLD",
    Phase.SWITCH: "SWITCH SIDES",
    Phase.TRANSITION: "NEXT POSE",
    Phase.REST: "REST",
    Phase.DONE: "DONE",
}
MAX_LINES = 3


@dataclass(frozen=True)
class Screen:
    """Everything the audience window needs for one frame."""

    phase: Phase
    phase_title: str
    pose_id: str | None
    pose_name: str
    side: str
    countdown: str
    fraction: float
    lines: tuple[str, ...]
    next_up: str
    next_pose_id: str | None
    next_side: Side | None
    step_text: str
    time_left: str
    overall: float
    paused: bool


class Presenter:
    def __init__(self, routine: Routine, catalog: Mapping[str, Pose], session: Session) -> None:
        self.routine = routine
        self.catalog = catalog
        self.session = session
        self._hold_numbers: dict[int, int] = {}
        for index, segment in enumerate(session.segments):
            if segment.kind is SegmentKind.HOLD:
                self._hold_numbers[index] = len(self._hold_numbers) + 1

    @property
    def hold_count(self) -> int:
        return len(self._hold_numbers)

    def pose_name(self, pose_id: str | None) -> str:
        pose = self.catalog.get(pose_id) if pose_id else None
        return pose.name if pose else (pose_id or "")

    def hold_of(self, segment: Segment) -> Hold | None:
        """The step's own hold if it set one, else the pose's default."""
        item: object = None
        items: list[Step | Block] | list[object] = list(self.routine.items)
        for position in segment.path:
            if position >= len(items):
                return None
            item = items[position]
            items = list(item.items) if isinstance(item, Block) else []
        pose = self.catalog.get(segment.pose) if segment.pose else None
        if isinstance(item, Step) and item.hold is not None:
            return item.hold
        return pose.hold if pose else None

    def screen(self, state: SessionState) -> Screen:
        segment = state.segment
        hold_number = self._current_hold_number(state.index)
        step_text = f"Pose {hold_number} of {self.hold_count}" if self.hold_count else ""
        overall = min(1.0, state.elapsed / state.total) if state.total else 1.0
        if segment is None:
            return Screen(
                Phase.DONE, PHASE_TITLES[Phase.DONE], None, self.routine.name, "", "",
                1.0, (), "", None, None, step_text, "0 s", 1.0, False,
            )
        next_hold = state.next_hold
        next_up = ""
        if next_hold is not None:
            next_up = "Next: " + self.pose_name(next_hold.pose)
            if next_hold.side:
                next_up += f" · {next_hold.side.value}"
        return Screen(
            phase=state.phase,
            phase_title=PHASE_TITLES[state.phase],
            pose_id=segment.pose,
            pose_name=self.pose_name(segment.pose) if segment.pose else "Rest",
            side=segment.side.value.upper() if segment.side else "",
            countdown=str(state.countdown),
            fraction=state.fraction,
            lines=self._lines(state.phase, segment),
            next_up=next_up,
            next_pose_id=next_hold.pose if next_hold else None,
            next_side=next_hold.side if next_hold else None,
            step_text=step_text,
            time_left=f"{format_duration(state.time_left)} left",
            overall=overall,
            paused=state.paused,
        )

    def _current_hold_number(self, index: int) -> int:
        for candidate in range(index, len(self.session.segments)):
            if candidate in self._hold_numbers:
                return self._hold_numbers[candidate]
        return self.hold_count

    def _lines(self, phase: Phase, segment: Segment) -> tuple[str, ...]:
        """How to get in while preparing; what to feel while holding."""
        if phase is Phase.REST:
            return (segment.note or "Breathe easy and shake out your legs.",)
        pose = self.catalog.get(segment.pose) if segment.pose else None
        if pose is None:
            return (segment.note,) if segment.note else ()
        if phase is Phase.SWITCH:
            lines = ["Come out gently and set up on the other side.", *pose.instructions]
        elif phase is Phase.HOLD:
            lines = [*pose.cues, *pose.instructions[-1:]] if pose.cues else pose.instructions[-2:]
        else:
            lines = list(pose.instructions)
        if pose.per_side and segment.side is Side.LEFT:
            lines = [mirror_sides(line) for line in lines]
        if segment.note:
            lines.insert(0, segment.note)
        return tuple(lines[:MAX_LINES])

    def speech(self, event: Event) -> str | None:
        """The words for a cue, or None when the event is only a sound."""
        if event.kind is EventKind.FINISHED:
            return "Well done. That's the whole routine."
        if event.kind is EventKind.HALFWAY:
            return "Halfway"
        segment = self.session.segments[event.index]
        if event.kind is EventKind.TICK:
            return str(event.count) if segment.kind in (SegmentKind.HOLD, SegmentKind.PREPARE) else None
        name = self.pose_name(segment.pose)
        side = f", {segment.side.value} side" if segment.side else ""
        seconds = self.session.segment_length(event.index)
        if segment.kind is SegmentKind.HOLD:
            return f"{name}{side}, {self._hold_words(segment, seconds)}"
        if segment.kind is SegmentKind.SWITCH:
            return "Switch sides"
        if segment.kind is SegmentKind.REST:
            return f"Rest, {spoken_duration(seconds)}"
        if segment.kind is SegmentKind.PREPARE:
            return f"Get ready: {name}{side}"
        return f"Next: {name}{side}"

    def _hold_words(self, segment: Segment, seconds: float) -> str:
        hold = self.hold_of(segment)
        if hold is not None and hold.reps is not None:
            return f"{hold.reps} reps"
        if hold is not None and hold.breaths is not None:
            return f"{hold.breaths} breaths"
        return spoken_duration(seconds)


def spoken_duration(seconds: float) -> str:
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if rest or not minutes:
        parts.append(f"{rest} second{'s' if rest != 1 else ''}")
    return " ".join(parts)


def cue_sound(event: Event, session: Session) -> str | None:
    """Which WAV plays for an event (see stretchdesk/player/sounds.py); halfway is voice only."""
    if event.kind is EventKind.FINISHED:
        return "done"
    if event.kind is EventKind.HALFWAY:
        return None
    if event.kind is EventKind.TICK:
        return "tick"
    kind = session.segments[event.index].kind
    if kind is SegmentKind.HOLD:
        return "chime"
    if kind is SegmentKind.SWITCH:
        return "switch"
    return "next"
