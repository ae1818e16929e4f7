"""The figure helper process: `python -m stretchdesk.player.figure_helper POSE_ID...`.

Builds each pose's figure in turn and writes it to stdout as soon as it is
ready, as a 4-byte big-endian length and a pickle of (pose_id, PoseFigure or
None). Qt-free: it imports only the core, so it starts fast and shares no GIL
with the player's GUI thread.
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


def main(pose_ids: list[str], out: BinaryIO) -> int:
    from stretchdesk.core.skeleton import pose_figure

    for pose_id in pose_ids:
        try:
            figure: object = pose_figure(pose_id)
        except (KeyError, LookupError, ValueError):
            figure = None
        out.write(frame(pose_id, figure))
        out.flush()
    return 0


if __name__ == "__main__":
    stdout = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must never corrupt the frames
    sys.exit(main(sys.argv[1:], stdout))
