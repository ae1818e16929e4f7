"""The instruction and caution lines on the TV for one segment, paged to stay readable.

Apart from `player_view` because this is the TV's reading layout, not what the
session means: which lines a phase shows (how to get in while preparing, what to
feel while holding), mirrored for the left side, and turned into pages of a few
large lines, cautions one at a time, so a runner on the mat reads every one from
3 m and none is dropped.
"""

from __future__ import annotations

from stretchdesk.core.models import Pose
from stretchdesk.core.session_state import Phase
from stretchdesk.core.timeline import Segment, SegmentKind
from stretchdesk.core.vocabulary import Side
from stretchdesk.core.wording import mirror_sides

MAX_LINES = 3
"""Instruction lines on screen at once; longer lists turn pages."""
PAGE_SECONDS = 8.0


def instruction_lines(phase: Phase, segment: Segment, pose: Pose | None) -> list[str]:
    """How to get in while preparing; what to feel while holding. Every line, in order."""
    if phase is Phase.REST:
        return [segment.note or "Breathe easy and shake out your legs."]
    if pose is None:
        return [segment.note] if segment.note else []
    if phase is Phase.SWITCH:
        lines = ["Come out gently and set up on the other side.", *pose.instructions]
    elif phase is Phase.HOLD:
        lines = [*pose.cues, *pose.instructions[-1:]] if pose.cues else pose.instructions[-2:]
    else:
        lines = list(pose.instructions)
    lines = _sided(segment, pose, lines)
    if segment.note:
        lines.insert(0, segment.note)
    return lines


def page_at(lines: list[str], elapsed: float) -> tuple[tuple[str, ...], str]:
    """The lines on screen now: pages of MAX_LINES turning every PAGE_SECONDS."""
    pages = max(1, -(-len(lines) // MAX_LINES))
    if pages == 1:
        return tuple(lines), ""
    page = int(max(0.0, elapsed) // PAGE_SECONDS) % pages
    return tuple(lines[page * MAX_LINES : (page + 1) * MAX_LINES]), f"{page + 1}/{pages}"


def caution_line(segment: Segment, pose: Pose | None, elapsed: float) -> str:
    """The pose's cautions, one at a time, turning with the instruction pages."""
    if pose is None or not pose.cautions or segment.kind is SegmentKind.REST:
        return ""
    cautions = _sided(segment, pose, list(pose.cautions))
    index = int(max(0.0, elapsed) // PAGE_SECONDS) % len(cautions)
    count = f"  ({index + 1}/{len(cautions)})" if len(cautions) > 1 else ""
    return f"Careful: {cautions[index]}{count}"


def _sided(segment: Segment, pose: Pose, lines: list[str]) -> list[str]:
    if pose.per_side and segment.side is Side.LEFT:
        return [mirror_sides(line) for line in lines]
    return lines
