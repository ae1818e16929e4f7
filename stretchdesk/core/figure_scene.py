"""What the player's big figure draws at one moment of a session.

Apart from `player_view` (the words on the TV and in the voice) because the figure
follows rules of its own: a rest previews the hold that comes next, a transition or
switch morphs from the pose just held, a hold glows on its target areas and keeps
its rep tempo. The figure widgets, their motion and the figure benchmark need only
this, never the text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from stretchdesk.core.models import Hold, Pose
from stretchdesk.core.session_state import SessionState
from stretchdesk.core.timeline import Segment, SegmentKind
from stretchdesk.core.vocabulary import Side


@dataclass(frozen=True)
class FigureScene:
    """What the big figure draws: the pose (and, in a transition, the one before it)."""

    pose_id: str | None
    mirrored: bool = False
    from_pose_id: str | None = None
    from_mirrored: bool = False
    blend: float = 1.0
    elapsed: float = 0.0
    rep_seconds: float | None = None
    glow: tuple[str, ...] = ()


def figure_scene(
    state: SessionState,
    segments: Sequence[Segment],
    catalog: Mapping[str, Pose],
    hold_of: Callable[[Segment], Hold | None],
) -> FigureScene:
    """The figure for this moment: a rest previews what comes next; a transition
    or switch morphs from the pose just held."""
    segment = state.segment
    if segment is None:
        return FigureScene(None)
    if segment.kind is SegmentKind.REST:
        upcoming = state.next_hold
        if upcoming is None:
            return FigureScene(None)
        return FigureScene(pose_id=upcoming.pose, mirrored=upcoming.side is Side.LEFT)
    rep_seconds = None
    glow: tuple[str, ...] = ()
    if segment.kind is SegmentKind.HOLD:
        hold = hold_of(segment)
        rep_seconds = hold.seconds_per_rep if hold else None
        held = catalog.get(segment.pose) if segment.pose else None
        glow = tuple(area.value for area in held.targets) if held else ()
    before = _previous_hold(segments, state.index)
    morph = segment.kind in (SegmentKind.TRANSITION, SegmentKind.SWITCH) and before is not None
    return FigureScene(
        pose_id=segment.pose,
        mirrored=segment.side is Side.LEFT,
        from_pose_id=before.pose if morph and before else None,
        from_mirrored=bool(before and before.side is Side.LEFT),
        blend=state.fraction if morph else 1.0,
        elapsed=state.segment_elapsed,
        rep_seconds=rep_seconds,
        glow=glow,
    )


def _previous_hold(segments: Sequence[Segment], index: int) -> Segment | None:
    for earlier in reversed(segments[:index]):
        if earlier.kind is SegmentKind.HOLD:
            return earlier
    return None
