"""The session log: one JSON object per line in `<data dir>/history.jsonl`.

The file is small (a line per session), so each save rewrites it atomically:
a crash leaves the old log or the new one, never a torn line. Lines that can't
be read are reported and kept out of the sums, not fatal, and saving keeps them
byte for byte. Lines are split on "\n" only: a routine name may hold U+2028,
which `str.splitlines` would cut in two.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from stretchdesk.core.atomic import atomic_write_bytes
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.lock import DataDirLock
from stretchdesk.core.models import Pose
from stretchdesk.core.safeio import read_regular_file
from stretchdesk.core.session import Session
from stretchdesk.core.timeline import SegmentKind
from stretchdesk.core.vocabulary import Area

HISTORY_FILE = "history.jsonl"
MAX_HISTORY_BYTES = 64 * 1024 * 1024
AREA_WINDOW_DAYS = 28
MIN_HELD_SECONDS = 5.0
"""A session with at least this much holding is logged, however it ended."""


@dataclass(frozen=True)
class SessionRecord:
    routine_id: str
    routine_name: str
    started: datetime
    seconds: float
    steps_completed: int
    steps_total: int
    finished: bool
    areas: Mapping[str, float] = field(default_factory=dict)
    held_seconds: float = 0.0
    """Seconds spent in holds, partial holds included (older lines: 0)."""
    poses_reached: int = 0
    """Holds the runner got to, finished or not (older lines: steps_completed)."""

    def as_json(self) -> dict[str, object]:
        return {
            "routine_id": self.routine_id,
            "routine_name": self.routine_name,
            "started": self.started.astimezone(UTC).isoformat(timespec="seconds"),
            "seconds": round(self.seconds, 3),
            "steps_completed": self.steps_completed,
            "steps_total": self.steps_total,
            "finished": self.finished,
            "areas": {area: round(value, 3) for area, value in sorted(self.areas.items())},
            "held_seconds": round(self.held_seconds, 3),
            "poses_reached": self.poses_reached,
        }

    @classmethod
    def from_json(cls, data: object) -> SessionRecord:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        started = datetime.fromisoformat(str(data["started"]))
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        areas = data.get("areas") or {}
        if not isinstance(areas, dict):
            raise ValueError("areas must be an object")
        return cls(
            routine_id=str(data["routine_id"]),
            routine_name=str(data["routine_name"]),
            started=started,
            seconds=float(data["seconds"]),
            steps_completed=int(data["steps_completed"]),
            steps_total=int(data["steps_total"]),
            finished=bool(data["finished"]),
            areas={str(key): float(value) for key, value in areas.items()},
            held_seconds=float(data.get("held_seconds", 0.0)),
            poses_reached=int(data["poses_reached"] if "poses_reached" in data else data["steps_completed"]),
        )


def held_seconds(session: Session) -> float:
    """Seconds spent in holds so far, partial holds included."""
    return sum(
        played for segment, played in zip(session.segments, session.played, strict=True)
        if segment.kind is SegmentKind.HOLD
    )


def poses_reached(session: Session) -> int:
    """Holds the runner got to (any time in them), finished or not."""
    return sum(
        1 for segment, played in zip(session.segments, session.played, strict=True)
        if segment.kind is SegmentKind.HOLD and played > 0
    )


def will_be_logged(session: Session) -> bool:
    """True when stopping now would save the session: enough seconds were held."""
    return held_seconds(session) >= MIN_HELD_SECONDS


def record_session(
    session: Session,
    routine_id: str,
    routine_name: str,
    catalog: Mapping[str, Pose],
    started: datetime,
) -> SessionRecord | None:
    """What a played session amounts to; None with less than MIN_HELD_SECONDS of holding.

    Partial holds count: a runner who skips on after 20 s of a 60 s hold still held 20 s.
    """
    if not will_be_logged(session):
        return None
    areas: dict[str, float] = {}
    for index, segment in enumerate(session.segments):
        pose = catalog.get(segment.pose) if segment.pose else None
        if segment.kind is not SegmentKind.HOLD or pose is None:
            continue
        for area in pose.targets:
            areas[area.value] = areas.get(area.value, 0.0) + session.played[index]
    holds = sum(1 for segment in session.segments if segment.kind is SegmentKind.HOLD)
    return SessionRecord(
        routine_id=routine_id,
        routine_name=routine_name,
        started=started.replace(microsecond=0),
        seconds=session.played_seconds,
        steps_completed=len(session.completed),
        steps_total=holds,
        finished=session.finished and session.position() >= session.total,
        areas={key: value for key, value in areas.items() if value > 0},
        held_seconds=held_seconds(session),
        poses_reached=poses_reached(session),
    )


class History:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / HISTORY_FILE
        self.problems: list[str] = []
        self._lock = DataDirLock(data_dir)

    def load(self) -> list[SessionRecord]:
        """Oldest first. Unreadable lines go to `problems`."""
        self.problems = []
        if not self.path.exists():
            return []
        try:
            data = read_regular_file(self.path, MAX_HISTORY_BYTES)
        except StretchDeskError as error:
            self.problems.append(f"{error}; the history was not read")
            return []
        records: list[SessionRecord] = []
        for number, line in enumerate(data.split(b"\n"), start=1):
            if not line.strip():
                continue
            try:
                records.append(SessionRecord.from_json(json.loads(line.decode("utf-8"))))
            except UnicodeDecodeError:
                self.problems.append(f"{self.path} line {number}: skipped (not UTF-8 text)")
            except (ValueError, KeyError, TypeError) as error:
                self.problems.append(f"{self.path} line {number}: skipped ({error})")
        records.sort(key=lambda record: record.started)
        return records

    def add(self, record: SessionRecord) -> None:
        """Append a line; lines this version can't read stay as they are. Under the data
        dir's lock, so two players finishing at once both keep their line."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StretchDeskError(f"{self.path.parent}: can't save the session ({error.strerror})") from None
        with self._lock.held():
            lines: list[bytes] = []
            if self.path.exists():
                data = read_regular_file(self.path, MAX_HISTORY_BYTES)
                lines = [line for line in data.split(b"\n") if line.strip()]
            lines.append(json.dumps(record.as_json(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
            try:
                atomic_write_bytes(self.path, b"\n".join(lines) + b"\n")
            except OSError as error:
                message = f"{self.path}: can't save the session ({error.strerror})"
                raise StretchDeskError(message) from None


def streak_days(records: Iterable[SessionRecord], today: date) -> int:
    """Consecutive days with a session, ending today (or yesterday, while today is still open)."""
    days = {record.started.astimezone().date() for record in records}
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def minutes_per_area(
    records: Iterable[SessionRecord], now: datetime, days: int = AREA_WINDOW_DAYS
) -> dict[Area, float]:
    """Minutes held per target area in the last `days` days, biggest first."""
    since = now - timedelta(days=days)
    totals: dict[Area, float] = {}
    for record in records:
        if record.started < since or record.started > now:
            continue
        for name, seconds in record.areas.items():
            try:
                area = Area(name)
            except ValueError:
                continue
            totals[area] = totals.get(area, 0.0) + seconds / 60
    return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0].value)))
