"""Render one pose's figure to PNG for checking while authoring.

    python -m stretchdesk.drawing.preview POSE_ID /tmp/out.png [--mirrored] [--size WxH]

Moving poses are drawn as a strip: every keyframe plus in-between frames. Any joint
or floor problem is printed, one line each, and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from stretchdesk.core.skeleton import frames, pose_figure, problems
from stretchdesk.drawing.framing import world_bounds
from stretchdesk.drawing.offscreen_app import ensure_gui_app
from stretchdesk.drawing.render import CARD_PALETTE, paint_figure


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stretchdesk.drawing.preview")
    parser.add_argument("pose_id")
    parser.add_argument("output")
    parser.add_argument("--mirrored", action="store_true", help="draw the left side")
    parser.add_argument("--size", default="480x360", help="one frame's size, WxH")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    ensure_gui_app()
    pose = pose_figure(args.pose_id)
    shown = frames(pose, per_step=2) if pose.moving else [pose.figure]
    image = QImage(width * len(shown), height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    frame = world_bounds(pose)
    for index, figure in enumerate(shown):
        rect = QRectF(index * width, 0, width, height)
        paint_figure(painter, figure, rect, mirrored=args.mirrored, palette=CARD_PALETTE,
                     frame=frame)
    painter.end()
    if not image.save(args.output):
        print(f"can't write {args.output}", file=sys.stderr)
        return 2
    found = 0
    for index, figure in enumerate(shown):
        for problem in problems(figure):
            print(f"frame {index}: {problem}")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
