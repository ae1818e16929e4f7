"""The figure helper process: `python -m stretchdesk.player.figure_helper POSE_ID...`.

Takes the routine's poses in play order. Builds each pose's figure in turn and
writes it to stdout as soon as it is ready, as a 4-byte big-endian length and a
pickle of (pose_id, PoseFigure or None). Then it samples what the player animates
into tracks of solved drawings (core/skeleton/solved.py), in the order they play:
each movement's rep cycle (key "rep:POSE") and each morph from one pose to the
next (key "morph:FROM>TO"), so the player's GUI never solves a body per frame.
Qt-free: it imports only the core, so it starts fast and shares no GIL with the
player's GUI thread.
"""

from __future__ import annotations

import pickle
import struct
import sys
from typing import BinaryIO

HEADER = struct.Struct("!I")


def frame(pose_id: str, figure: object) -> bytes:
    data = pickle.dumps((pose_id, figure), protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


def read_frames(buffer: bytearray) -> list[tuple[str, object]]:
    """Take every whole frame off the front of `buffer` (a partial one stays)."""
    found: list[tuple[str, object]] = []
    while len(buffer) >= HEADER.size:
        (size,) = HEADER.unpack_from(buffer)
        if len(buffer) < HEADER.size + size:
            break
        found.append(pickle.loads(bytes(buffer[HEADER.size : HEADER.size + size])))
        del buffer[: HEADER.size + size]
    return found


def rep_key(pose_id: str) -> str:
    return f"rep:{pose_id}"


def morph_key(from_pose: str, to_pose: str) -> str:
    return f"morph:{from_pose}>{to_pose}"


def plan(pose_ids: list[str]) -> list[str]:
    """Every key the helper sends for poses played in this order: the figures first,
    then for each pose its rep track and the morph into it from the pose before (a
    key for a pose without a figure, or one that does not move, arrives as None).
    Switching sides needs no track: both sides start and end on the still keyframe."""
    order = [p for i, p in enumerate(pose_ids) if i == 0 or pose_ids[i - 1] != p]
    keys = list(dict.fromkeys(order))
    for i, pose_id in enumerate(order):
        if i:
            keys.append(morph_key(order[i - 1], pose_id))
        keys.append(rep_key(pose_id))
    return list(dict.fromkeys(keys))


def build(key: str, figures: dict[str, object]) -> object:
    """The figure or track behind one key of the plan (None when there is none)."""
    from stretchdesk.core.skeleton import PoseFigure, pose_figure
    from stretchdesk.core.skeleton.solved import morph_track, rep_track

    kind, _, rest = key.partition(":")
    if kind == "rep":
        pose = figures.get(rest)
        return rep_track(pose) if isinstance(pose, PoseFigure) and pose.moving else None
    if kind == "morph":
        a, _, b = rest.partition(">")
        start, end = figures.get(a), figures.get(b)
        if isinstance(start, PoseFigure) and isinstance(end, PoseFigure):
            return morph_track(start.figure, end.figure)
        return None
    try:
        return pose_figure(key)
    except (KeyError, LookupError, ValueError):
        return None


def main(pose_ids: list[str], out: BinaryIO) -> int:
    figures: dict[str, object] = {}
    for key in plan(pose_ids):
        built = build(key, figures)
        if ":" not in key:
            figures[key] = built
        out.write(frame(key, built))
        out.flush()
    return 0


if __name__ == "__main__":
    stdout = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must never corrupt the frames
    sys.exit(main(sys.argv[1:], stdout))
