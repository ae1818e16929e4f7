"""The session engine: plays a Timeline against a monotonic clock.

Every deadline is derived from one anchor (a clock reading and the plan
position at that reading), never by counting timer ticks, so a late or busy
event loop can delay a cue but never shifts the ones after it. Pause, +15 s,
skip and previous only move the anchor or a segment's length, so they are exact.
What it reports, its state and events, is in session_state.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from stretchdesk.core.session_state import Event, EventKind, Phase, SessionState
from stretchdesk.core.timeline import Segment, SegmentKind, Timeline

Clock = Callable[[], float]

EXTEND_SECONDS = 15.0
TICK_SECONDS = (3, 2, 1)
HALFWAY_MIN_SECONDS = 30.0


class FakeClock:
    """A clock that moves only when told to; for tests and simulations."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


class Session:
    """Plan position = seconds into the (possibly extended) timeline."""

    def __init__(self, timeline: Timeline, clock: Clock = time.monotonic) -> None:
        self.timeline = timeline
        self.segments = timeline.segments
        self._clock = clock
        self._lengths = [segment.seconds for segment in self.segments]
        self._starts: list[float] = []
        self._recompute()
        self._anchor_time = 0.0
        self._anchor_pos = 0.0
        self._cursor = 0.0
        self._started = False
        self._paused = False
        self._finished = not self.segments
        self._pending: list[Event] = []
        self._halfway_said: set[int] = set()
        self.played = [0.0] * len(self.segments)
        self.completed: set[int] = set()
        self.started_at: float | None = None
        self.played_seconds = 0.0

    # -- lifecycle -----------------------------------------------------------

    @property
    def started(self) -> bool:
        return self._started

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def total(self) -> float:
        return self._starts[-1]

    def start(self) -> None:
        if self._started:
            return
        now = self._clock()
        self._started = True
        self.started_at = now
        self._anchor_time, self._anchor_pos, self._cursor = now, 0.0, 0.0
        if self.segments:
            self._pending.append(Event(EventKind.STARTED, 0, now))
        else:
            self._pending.append(Event(EventKind.FINISHED, -1, now))

    def pause(self) -> None:
        if not self._started or self._paused or self._finished:
            return
        position = self.position()
        self._advance_to(position)
        self._anchor_pos = position
        self._paused = True

    def resume(self) -> None:
        if not self._paused:
            return
        self._anchor_time = self._clock()
        self._paused = False

    def toggle_pause(self) -> None:
        if self._paused:
            self.resume()
        else:
            self.pause()

    def stop(self) -> None:
        """End early: what was played stays counted, nothing more is emitted."""
        if self._started and not self._finished:
            position = self.position()
            self._advance_to(position)
            self._anchor_pos = position
        self._finished = True
        self._paused = False

    # -- navigation ----------------------------------------------------------

    def extend(self, seconds: float = EXTEND_SECONDS) -> None:
        """Add time to the running segment; later deadlines move with it."""
        if not self._started or self._finished:
            return
        index = self.current_index()
        self._advance_to(self.position())
        self._lengths[index] += seconds
        self._recompute()

    def skip(self) -> None:
        self._jump(self.current_index() + 1)

    def previous(self) -> None:
        self._jump(max(0, self.current_index() - 1))

    def restart_step(self) -> None:
        self._jump(self.current_index())

    def _jump(self, index: int) -> None:
        if not self._started or self._finished:
            return
        self._advance_to(self.position())
        now = self._clock()
        target = self._starts[min(index, len(self.segments))]
        self._anchor_time, self._anchor_pos, self._cursor = now, target, target
        if index >= len(self.segments):
            self._finish(now)
        else:
            self._pending.append(Event(EventKind.STARTED, index, now))

    # -- reading -------------------------------------------------------------

    def position(self) -> float:
        if not self._started:
            return 0.0
        if self._paused or self._finished:
            return self._anchor_pos
        return min(self.total, self._anchor_pos + (self._clock() - self._anchor_time))

    def current_index(self) -> int:
        return self._index_at(self.position())

    def _index_at(self, position: float) -> int:
        for index in range(len(self.segments)):
            if position < self._starts[index + 1]:
                return index
        return len(self.segments)

    def state(self) -> SessionState:
        position = self.position()
        index = self._index_at(position)
        if self._finished or index >= len(self.segments):
            return SessionState(
                Phase.DONE, len(self.segments), None, 0.0, 0.0, position, self.total,
                False, None,
            )
        segment = self.segments[index]
        return SessionState(
            phase=Phase(segment.kind.value),
            index=index,
            segment=segment,
            segment_seconds=self._lengths[index],
            segment_elapsed=position - self._starts[index],
            elapsed=position,
            total=self.total,
            paused=self._paused,
            next_hold=self.next_hold(index),
        )

    def next_hold(self, index: int) -> Segment | None:
        """The hold after the one this segment belongs to (glue belongs to the hold after it)."""
        segment = self.segments[index]
        anchor = index if segment.kind in (SegmentKind.HOLD, SegmentKind.REST) else index + 1
        for later in self.segments[anchor + 1 :]:
            if later.kind is SegmentKind.HOLD:
                return later
        return None

    def segment_start(self, index: int) -> float:
        return self._starts[index]

    def segment_length(self, index: int) -> float:
        return self._lengths[index]

    def deadline(self) -> float | None:
        """Clock time of the next event, or None when paused, finished or not started."""
        if not self._started or self._paused or self._finished:
            return None
        upcoming = self._next_event_position(self._cursor)
        if upcoming is None:
            return None
        return self._anchor_time + (upcoming - self._anchor_pos)

    def poll(self) -> list[Event]:
        """Events that became due since the last poll, in order."""
        if self._started and not self._paused and not self._finished:
            self._advance_to(self.position())
        events, self._pending = self._pending, []
        return events

    # -- internals -----------------------------------------------------------

    def _recompute(self) -> None:
        starts = [0.0]
        for length in self._lengths:
            starts.append(starts[-1] + length)
        self._starts = starts

    def _due(self, position: float) -> float:
        return self._anchor_time + (position - self._anchor_pos)

    def _marks(self, index: int) -> list[tuple[float, Event]]:
        """Event positions inside segment `index` (ticks, halfway) and at its end."""
        start, length = self._starts[index], self._lengths[index]
        end = start + length
        marks: list[tuple[float, Event]] = []
        kind = self.segments[index].kind
        if kind is SegmentKind.HOLD and length >= HALFWAY_MIN_SECONDS:
            position = start + length / 2
            marks.append((position, Event(EventKind.HALFWAY, index, self._due(position))))
        for count in TICK_SECONDS:
            if length > count:
                position = end - count
                marks.append((position, Event(EventKind.TICK, index, self._due(position), count)))
        if index + 1 < len(self.segments):
            marks.append((end, Event(EventKind.STARTED, index + 1, self._due(end))))
        else:
            marks.append((end, Event(EventKind.FINISHED, index, self._due(end))))
        marks.sort(key=lambda mark: mark[0])
        return marks

    def _next_event_position(self, after: float) -> float | None:
        index = self._index_at(after)
        while index < len(self.segments):
            for position, _event in self._marks(index):
                if position > after:
                    return position
            index += 1
        return None

    def _advance_to(self, position: float) -> None:
        """Emit every event in (cursor, position] and count the time played."""
        cursor = self._cursor
        if position <= cursor:
            return
        self.played_seconds += position - cursor
        index = self._index_at(cursor)
        while index < len(self.segments) and self._starts[index] <= position:
            start, end = self._starts[index], self._starts[index + 1]
            overlap = min(end, position) - max(start, cursor)
            if overlap > 0:
                self.played[index] += overlap
            for mark, event in self._marks(index):
                if not cursor < mark <= position:
                    continue
                if event.kind is EventKind.HALFWAY:
                    if index in self._halfway_said:
                        continue
                    self._halfway_said.add(index)
                self._pending.append(event)
            if end <= position and self.segments[index].kind is SegmentKind.HOLD:
                self.completed.add(index)
            if end > position:
                break
            index += 1
        self._cursor = position
        if position >= self.total:
            self._finished = True
            self._anchor_pos = self.total

    def _finish(self, now: float) -> None:
        self._finished = True
        self._pending.append(Event(EventKind.FINISHED, len(self.segments) - 1, now))
