"""Time the figure renderer against baselines measured in the same run.

    cd /work/main && QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_figures.py

Prints medians of several repeats; no asserts (machines differ, ratios matter).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from benchmarks.goals import goal
from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.skeleton import figure_ids, frames, interpolate, pose_figure, solve, transition
from stretchdesk.drawing.offscreen_app import ensure_gui_app
from stretchdesk.drawing.render import paint_figure, render_image, world_bounds
from stretchdesk.drawing.sheet import images_dir
from stretchdesk.library.delegate import CARD_SIZE, FIGURE_HEIGHT, PAD
from stretchdesk.pose_images import PoseImages

REPEATS = 5
# the figure area of a library card: the card inset by 3, the padding, then 4 around the figure
CARD_FIGURE = QSize(CARD_SIZE.width() - 6 - 2 * PAD - 8, FIGURE_HEIGHT - 8)


def median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ensure_gui_app()
    ids = figure_ids()
    poses = [pose_figure(i) for i in ids]
    svgs = [str(images_dir() / f"{i}.svg") for i in ids]

    def thumbnails() -> None:
        solve.cache_clear()  # cold: no skeleton solved yet
        for pose in poses:
            render_image(pose, 200, 200)

    catalog = builtin_poses()

    def library_cards() -> None:
        """What the library does on a cold start: read each SVG, render it at the card's size."""
        images = PoseImages(catalog, Path(tempfile.mkdtemp()))
        for pose_id in catalog:
            images.pixmap(pose_id, CARD_FIGURE)
        images.deleteLater()

    def svg_baseline() -> None:
        for path in svgs:
            image = QImage(200, 200, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            QSvgRenderer(path).render(painter, QRectF(0, 0, 200, 200))
            painter.end()

    def big() -> None:
        solve.cache_clear()
        render_image(poses[0], 3840, 2160)

    def fill_baseline() -> None:
        image = QImage(3840, 2160, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)

    moving = [p for p in poses if p.moving]
    blended = [f for p in moving for f in frames(p, per_step=30)]

    def solve_frames() -> None:
        for figure in blended:
            solve(figure)

    def blend_frames() -> None:
        for pose in moving:
            frames(pose, per_step=30)

    # The player's live figure: one 4K frame = blend (a rep, or a morph between two
    # poses) + paint with the "feel it here" glow into a frame the size of the screen.
    screen = QImage(3840, 2160, QImage.Format.Format_ARGB32_Premultiplied)
    targets = {pose_id: tuple(pose.targets) for pose_id, pose in catalog.items()}
    live_poses = [("cat-cow", "downward-facing-dog"), ("seated-spinal-twist", "downward-facing-dog"),
                  ("forward-lunge", "savasana"), ("sphinx-with-pelvic-tilt", "knee-to-chest")]
    live_times: list[float] = []

    def live_frames() -> None:
        for a, b in live_poses:
            start, end = pose_figure(a), pose_figure(b)
            camera = world_bounds(start)
            both = world_bounds(end)
            camera = (min(camera[0], both[0]), min(camera[1], both[1]),
                      max(camera[2], both[2]), max(camera[3], both[3]))
            for step in range(30):  # half a second of a 60 fps morph, then half a second of reps
                begin = time.perf_counter()
                if step < 15:
                    body = transition(start.keyframes[-1], end.keyframes[0], step / 15)
                else:
                    keys = end.keyframes
                    body = interpolate(keys[0], keys[(1) % len(keys)], (step - 15) / 15)
                screen.fill(Qt.GlobalColor.transparent)
                painter = QPainter(screen)
                paint_figure(painter, body, QRectF(0, 0, 3840, 2160), frame=camera, glow=targets[b])
                painter.end()
                live_times.append((time.perf_counter() - begin) * 1000)

    live_frames()
    live_times.sort()
    live_median = statistics.median(live_times)
    live_p95 = live_times[int(len(live_times) * 0.95)]

    thumbs, svg_ms = median_ms(thumbnails), median_ms(svg_baseline)
    cards_ms = median_ms(library_cards)
    big_ms, fill_ms = median_ms(big), median_ms(fill_baseline)
    solve_ms, blend_ms = median_ms(solve_frames), median_ms(blend_frames)
    n = len(ids)
    print(f"figures: {n}")
    print(f"{n} thumbnails 200x200 from figure data, cold: {thumbs:8.1f} ms "
          f"({thumbs / n:.2f} ms each; goal <= 100 ms)")
    print(f"{n} SVGs 200x200 via QSvgRenderer (baseline): {svg_ms:8.1f} ms  "
          f"ratio {thumbs / svg_ms:.2f}x")
    print(f"{len(catalog)} library card figures {CARD_FIGURE.width()}x{CARD_FIGURE.height()}, cold cache: "
          f"{cards_ms:8.1f} ms  ratio to the SVG baseline {cards_ms / svg_ms:.2f}x (goal <= 100 ms)")
    print(f"one figure 3840x2160: {big_ms:8.1f} ms (goal <= 30 ms)")
    print(f"QImage 3840x2160 allocate+fill (baseline): {fill_ms:8.1f} ms  "
          f"ratio {big_ms / fill_ms:.2f}x")
    per_frame = (blend_ms + solve_ms) / max(1, len(blended))
    print(f"blend+solve one animation frame: {per_frame:.3f} ms "
          f"({len(blended)} frames; a 60 fps frame lasts 16.7 ms)")
    goal("64 thumbnails 200x200, cold", thumbs / n * 64, 100, "ms", f"QSvgRenderer {svg_ms:.0f} ms")
    goal(f"64 library card figures {CARD_FIGURE.width()}x{CARD_FIGURE.height()}, cold", cards_ms / len(catalog) * 64,
         100, "ms", "")
    print(f"live figure frame 3840x2160 (morph or rep + glow): median {live_median:.1f} ms, "
          f"p95 {live_p95:.1f} ms over {len(live_times)} frames (goal <= 8 ms)")
    goal("one figure 3840x2160", big_ms, 30, "ms", f"allocate+fill {fill_ms:.1f} ms")
    goal("live figure frame 3840x2160", live_median, 8, "ms", f"p95 {live_p95:.1f} ms")


if __name__ == "__main__":
    main()
