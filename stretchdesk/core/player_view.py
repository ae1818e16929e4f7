"""What the player shows and says for a session state: the one place that decides it.

Qt-free, so every word and every figure choice is tested without a window; the
audience window, the controls panel and the voice only render what comes out,
so they can never disagree. The figure's own rules are in `figure_scene`; the paging
of instruction and caution lines in `screen_text`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from stretchdesk.core.figure_scene import FigureScene, figure_scene
from stretchdesk.core.history import MIN_HELD_SECONDS, held_seconds, poses_reached, will_be_logged
from stretchdesk.core.models import SECONDS_PER_BREATH, Block, Hold, Pose, Routine, Step, format_duration
from stretchdesk.core.screen_text import caution_line, instruction_lines, page_at
from stretchdesk.core.session import Session
from stretchdesk.core.session_state import Event, EventKind, Phase, SessionState
from stretchdesk.core.timeline import Segment, SegmentKind
from stretchdesk.core.vocabulary import Side
from stretchdesk.core.wording import counted, number_words, side_word, spoken_duration, spoken_name

PHASE_TITLES = {
    Phase.PREPARE: "GET READY",
    Phase.HOLD: "HOLD",
    Phase.SWITCH: "SWITCH SIDES",
    Phase.TRANSITION: "NEXT POSE",
    Phase.REST: "REST",
    Phase.DONE: "DONE",
}
START_KEYS = "Space, Enter, a click, or your clicker"
STOP_KEY = "Esc"
KEEP_KEY = "Space"


@dataclass(frozen=True)
class Breath:
    """The pace of a hold counted in breaths: in for the first half of each breath, out for
    the second. `size` is how full the breathing ring is (0 empty, 1 full, eased), `half`
    counts half-breaths from the hold's start, so a change of word is a change of `half`."""

    word: str
    size: float
    half: int


def breath_at(elapsed: float, seconds_per_breath: float = SECONDS_PER_BREATH) -> Breath:
    halves = max(0.0, elapsed) / (seconds_per_breath / 2)
    half = int(halves)
    size = (1 - math.cos(math.pi * (halves % 2))) / 2  # grows over "in", shrinks over "out"
    return Breath("in" if half % 2 == 0 else "out", size, half)


@dataclass(frozen=True)
class Prompt:
    """A question or hint across the TV, in type as large as the pose name."""

    title: str
    keys: str
    detail: str = ""
    question: bool = False


@dataclass(frozen=True)
class TvContent:
    """Everything the audience window (and the controls' status line) shows for one frame."""

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
    scene: FigureScene = FigureScene(None)
    caution: str = ""
    page: str = ""
    prompt: Prompt | None = None
    breath: Breath | None = None


@dataclass(frozen=True)
class Summary:
    """The done screen."""

    routine_name: str
    total_time: str
    holds_done: int
    holds_total: int
    poses: tuple[str, ...]
    saved: str


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
        items: list[object] = list(self.routine.items)
        for position in segment.path:
            if position >= len(items):
                return None
            item = items[position]
            items = list(item.items) if isinstance(item, Block) else []
        pose = self.catalog.get(segment.pose) if segment.pose else None
        if isinstance(item, Step) and item.hold is not None:
            return item.hold
        return pose.hold if pose else None

    # -- the screen ------------------------------------------------------------

    def tv_content(self, state: SessionState, asking_stop: bool = False) -> TvContent:
        segment = state.segment
        hold_number = self._current_hold_number(state.index)
        step_text = f"Pose {hold_number} of {self.hold_count}" if self.hold_count else ""
        overall = min(1.0, state.elapsed / state.total) if state.total else 1.0
        if segment is None:
            return TvContent(
                Phase.DONE, PHASE_TITLES[Phase.DONE], None, self.routine.name, "", "",
                1.0, (), "", None, None, step_text, "0 s", 1.0, False,
            )
        next_hold = state.next_hold
        next_up = ""
        if next_hold is not None:
            next_up = "Next: " + self.pose_name(next_hold.pose)
            if next_hold.side:
                next_up += f" · {next_hold.side.value}"
        pose = self.catalog.get(segment.pose) if segment.pose else None
        lines, page = page_at(instruction_lines(state.phase, segment, pose), state.segment_elapsed)
        return TvContent(
            phase=state.phase,
            phase_title=PHASE_TITLES[state.phase],
            pose_id=segment.pose,
            pose_name=self.pose_name(segment.pose) if segment.pose else "Rest",
            side=segment.side.value.upper() if segment.side else "",
            countdown=str(state.countdown),
            fraction=state.fraction,
            lines=lines,
            next_up=next_up,
            next_pose_id=next_hold.pose if next_hold else None,
            next_side=next_hold.side if next_hold else None,
            step_text=step_text,
            time_left=f"{format_duration(state.time_left)} left",
            overall=overall,
            paused=state.paused,
            scene=self.scene(state),
            caution=caution_line(segment, pose, state.segment_elapsed),
            page=page,
            prompt=self.prompt(asking_stop),
            breath=self.breath(state),
        )

    def breath(self, state: SessionState) -> Breath | None:
        """The breathing pace while a hold counted in breaths runs, else None."""
        segment = state.segment
        if segment is None or segment.kind is not SegmentKind.HOLD:
            return None
        hold = self.hold_of(segment)
        if hold is None or hold.breaths is None:
            return None
        return breath_at(state.segment_elapsed)

    def prompt(self, asking_stop: bool) -> Prompt | None:
        """Before the start: which key starts. While asking to stop: the question and its keys."""
        if asking_stop:
            return Prompt("Stop the routine?", f"{STOP_KEY}: stop   ·   {KEEP_KEY}: keep going",
                          self.stop_consequence(), question=True)
        if not self.session.started:
            return Prompt(f"Press {KEEP_KEY} to start", f"or {START_KEYS.split(', ', 1)[1]}")
        return None

    def stop_consequence(self) -> str:
        """What stopping now does to the history, in one line."""
        held = held_seconds(self.session)
        if will_be_logged(self.session):
            return f"{self._held_words(held)} will be saved to your history."
        return f"Nothing is saved yet: under {MIN_HELD_SECONDS:g} s held."

    def saved_text(self, logged: bool) -> str:
        """The done screen's last line: what went into the history."""
        if logged:
            return f"Saved to your history: {self._held_words(held_seconds(self.session))}."
        return f"Not saved to your history: under {MIN_HELD_SECONDS:g} s held."

    def _held_words(self, held: float) -> str:
        reached = poses_reached(self.session)
        return f"{format_duration(held)} held over {reached} pose{'s' if reached != 1 else ''}"

    def summary(self, logged: bool) -> Summary:
        names = done_poses(
            self.pose_name(s.pose)
            for i, s in enumerate(self.session.segments)
            if i in self.session.completed
        )
        return Summary(
            self.routine.name,
            format_duration(self.session.played_seconds),
            len(self.session.completed),
            self.hold_count,
            tuple(names),
            self.saved_text(logged),
        )

    def scene(self, state: SessionState) -> FigureScene:
        """The figure for this moment (see `figure_scene`)."""
        return figure_scene(state, self.session.segments, self.catalog, self.hold_of)

    def _current_hold_number(self, index: int) -> int:
        for candidate in range(index, len(self.session.segments)):
            if candidate in self._hold_numbers:
                return self._hold_numbers[candidate]
        return self.hold_count

    # -- what is said and heard --------------------------------------------------

    def speech(self, event: Event) -> str | None:
        """The words for a cue, or None when the event is only a sound: said, not
        shown, so short names and numbers in words (core/wording.py)."""
        if event.kind is EventKind.FINISHED:
            return "Well done. That's the whole routine."
        if event.kind is EventKind.HALFWAY:
            return "Halfway"
        segment = self.session.segments[event.index]
        if event.kind is EventKind.TICK:
            return number_words(event.count) if segment.kind in (SegmentKind.HOLD, SegmentKind.PREPARE) else None
        pose = self.catalog.get(segment.pose) if segment.pose else None
        name = spoken_name(pose.name) if pose else (segment.pose or "")
        side = f", {segment.side.value} {side_word(pose) if pose else 'side'}" if segment.side else ""
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
            return counted(hold.reps, "rep")
        if hold is not None and hold.breaths is not None:
            return counted(hold.breaths, "breath")
        return spoken_duration(seconds)


def done_poses(names: Iterable[str]) -> list[str]:
    """Pose names in first-done order, repeats (sides, rounds) counted: 'Low Lunge ×6'."""
    counts = Counter(names)
    return [name if count == 1 else f"{name} ×{count}" for name, count in counts.items()]


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
