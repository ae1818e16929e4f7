"""Time the figure renderer against baselines measured in the same run.

    cd /work/main && QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_figures.py

Prints medians of several repeats; no asserts (machines differ, ratios matter).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from benchmarks.goals import goal
from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.figure_scene import FigureScene
from stretchdesk.core.skeleton import figure_ids, frames, interpolate, pose_figure, solve, transition
from stretchdesk.core.skeleton.motion import forget_cue_marks
from stretchdesk.drawing.framing import world_bounds
from stretchdesk.drawing.offscreen_app import ensure_gui_app
from stretchdesk.drawing.render import paint_figure, render_image
from stretchdesk.drawing.sheet import images_dir
from stretchdesk.library.delegate import CARD_FIGURE_SIZE as CARD_FIGURE
from stretchdesk.pose_images import PoseImages

REPEATS = 5


def median_ms(work: Callable[[], object]) -> float:
    return timed(work)[0]


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """Medians of wall time and of this thread's CPU time (ms). On a shared machine the
    wall time is mostly the wait for a core; the CPU time is the work itself."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        start, cpu = time.perf_counter(), time.thread_time()
        work()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _scenes(a: str, b: str, targets: Mapping[str, tuple[str, ...]]) -> tuple[list[FigureScene], list[FigureScene]]:
    """15 frames of a morph from a to b, then 15 frames over one rep of whichever moves."""
    morph = [FigureScene(b, from_pose_id=a, blend=step / 15) for step in range(15)]
    mover = b if pose_figure(b).moving else a
    reps = [FigureScene(mover, elapsed=step / 15 * 4.0, rep_seconds=4.0, glow=targets[mover])
            for step in range(15)]
    return morph, reps


def live_frames(
    catalog: Mapping[str, Any], pairs: list[tuple[str, str]], targets: Mapping[str, tuple[str, ...]]
) -> tuple[list[float], list[float], list[float], list[float]]:
    from PySide6.QtWidgets import QApplication

    from stretchdesk.player.figure_motion import FigureMotion
    from stretchdesk.player.figure_view import FigureView

    app = QApplication.instance()
    assert app is not None
    live = FigureMotion()
    live.prepare([p for pair in pairs for p in pair])
    live.wait(600)
    images = PoseImages(catalog, Path(tempfile.mkdtemp()))
    view = FigureView(images, live)
    view.resize(3840, 2160)
    view.show()
    app.processEvents()
    morph_times: list[float] = []
    rep_times: list[float] = []
    still_times: list[float] = []
    cpu_times: list[float] = []  # this thread's CPU time per frame: the cost without the wait for a core
    for a, b in pairs:
        morph, reps = _scenes(a, b, targets)
        for scenes, times in ((morph, morph_times), (reps, rep_times)):
            view.set_scene(scenes[0])  # a new camera: the one full repaint, not timed
            app.processEvents()
            for scene in scenes[1:]:
                begin, cpu = time.perf_counter(), time.thread_time()
                view.set_scene(scene)
                app.processEvents()
                times.append((time.perf_counter() - begin) * 1000)
                cpu_times.append((time.thread_time() - cpu) * 1000)
        for step in range(5):  # a held pose: the clock moves, the picture does not
            begin = time.perf_counter()
            view.set_scene(FigureScene(a, elapsed=step + 1.0, glow=targets[a]))
            app.processEvents()
            still_times.append((time.perf_counter() - begin) * 1000)
    view.close()
    live.close()
    return morph_times, rep_times, still_times, cpu_times


def before_frames(pairs: list[tuple[str, str]], targets: Mapping[str, tuple[str, ...]]) -> list[float]:
    """The same frames the way the player drew them before: solve the body, then fill the
    whole 4K frame and paint the figure anti-aliased."""
    screen = QImage(3840, 2160, QImage.Format.Format_ARGB32_Premultiplied)
    times: list[float] = []
    for a, b in pairs:
        start, end = pose_figure(a), pose_figure(b)
        mover = end if end.moving else start
        camera = world_bounds(start)
        other = world_bounds(end)
        camera = (min(camera[0], other[0]), min(camera[1], other[1]),
                  max(camera[2], other[2]), max(camera[3], other[3]))
        keys = mover.keyframes
        for step in range(1, 30):
            begin = time.perf_counter()
            if step < 15:
                body = transition(start.figure, end.figure, step / 15)
            else:
                where = (step - 15) / 15 * len(keys)
                i = int(where)
                body = interpolate(keys[i], keys[(i + 1) % len(keys)], where - i)
            screen.fill(Qt.GlobalColor.transparent)
            painter = QPainter(screen)
            paint_figure(painter, body, QRectF(0, 0, 3840, 2160), frame=camera, glow=targets[b])
            painter.end()
            times.append((time.perf_counter() - begin) * 1000)
    return times


def main() -> None:
    from PySide6.QtWidgets import QApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # the player's view is a widget
    ensure_gui_app()
    ids = figure_ids()
    poses = [pose_figure(i) for i in ids]
    svgs = [str(images_dir() / f"{i}.svg") for i in ids]

    def thumbnails() -> None:
        solve.cache_clear()  # cold: no skeleton solved yet
        for pose in poses:
            render_image(pose, 200, 200)

    def thumbnails_nothing_kept() -> None:
        """Also the drills' motion cues worked out afresh (their ghost and the arrow's path,
        solved along the movement), as on the very first draw of each drill."""
        forget_cue_marks()
        thumbnails()

    catalog = builtin_poses()

    svg_only = Path(tempfile.mkdtemp())  # the packaged SVGs without their shipped rasters
    for path in svgs:
        shutil.copy(path, svg_only)

    def cards(ratio: float = 1.0, builtin: Path | None = None) -> Callable[[], None]:
        def work() -> None:
            """What the library does on a cold start: each card's figure at the card's size."""
            images = PoseImages(catalog, Path(tempfile.mkdtemp()), builtin)
            for pose_id in catalog:
                images.pixmap(pose_id, CARD_FIGURE, ratio)
            images.deleteLater()
        return work

    library_cards = cards()

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

    # The player's live figure at 3840x2160: the real FigureView, full screen, fed the
    # scenes the player feeds it (a morph, then reps with the "feel it here" glow), its
    # tracks prepared by the helper process as in the player. A frame is set_scene plus
    # the repaint it causes, backing store included.
    live_poses = [("cat-cow", "downward-facing-dog"), ("seated-spinal-twist", "forward-lunge"),
                  ("forward-lunge", "savasana"), ("sphinx-with-pelvic-tilt", "cat-cow")]
    targets = {pose_id: tuple(pose.targets) for pose_id, pose in catalog.items()}
    morph_times, rep_times, still_times, cpu_times = live_frames(catalog, live_poses, targets)
    before_times = before_frames(live_poses, targets)

    (thumbs, thumbs_cpu), (svg_ms, svg_cpu) = timed(thumbnails), timed(svg_baseline)
    first_ms, first_cpu = timed(thumbnails_nothing_kept)
    cards_ms, cards_cpu = timed(library_cards)
    hidpi_ms, hidpi_cpu = timed(cards(2.0))
    parsed_ms, parsed_cpu = timed(cards(1.0, svg_only))
    big_ms, fill_ms = median_ms(big), median_ms(fill_baseline)
    solve_ms, blend_ms = median_ms(solve_frames), median_ms(blend_frames)
    n = len(ids)
    print(f"figures: {n}")
    print(f"{n} thumbnails 200x200 from figure data, cold: {thumbs:8.1f} ms "
          f"({thumbs / n:.2f} ms each; goal <= 100 ms); CPU {thumbs_cpu:.1f} ms")
    print(f"  the same with the motion cues worked out afresh too: {first_ms:8.1f} ms; CPU {first_cpu:.1f} ms, "
          f"ratio {first_ms / svg_ms:.2f}x to the SVG baseline")
    print(f"{n} SVGs 200x200 via QSvgRenderer (baseline): {svg_ms:8.1f} ms  "
          f"ratio {thumbs / svg_ms:.2f}x; CPU {svg_cpu:.1f} ms, ratio {thumbs_cpu / svg_cpu:.2f}x")
    print(f"{len(catalog)} library card figures {CARD_FIGURE.width()}x{CARD_FIGURE.height()}, cold cache: "
          f"{cards_ms:8.1f} ms  ratio to the SVG baseline {cards_ms / svg_ms:.2f}x (goal <= 100 ms); "
          f"CPU {cards_cpu:.1f} ms, ratio {cards_cpu / svg_cpu:.2f}x; from the shipped rasters")
    print(f"  the same at pixel ratio 2: {hidpi_ms:8.1f} ms, CPU {hidpi_cpu:.1f} ms; "
          f"parsing each SVG instead (custom poses, other pixel ratios): {parsed_ms:8.1f} ms, "
          f"CPU {parsed_cpu:.1f} ms, ratio {parsed_ms / svg_ms:.2f}x")
    print(f"one figure 3840x2160: {big_ms:8.1f} ms (goal <= 30 ms)")
    print(f"QImage 3840x2160 allocate+fill (baseline): {fill_ms:8.1f} ms  "
          f"ratio {big_ms / fill_ms:.2f}x")
    per_frame = (blend_ms + solve_ms) / max(1, len(blended))
    print(f"blend+solve one animation frame: {per_frame:.3f} ms "
          f"({len(blended)} frames; a 60 fps frame lasts 16.7 ms)")
    goal("64 thumbnails 200x200, cold", thumbs / n * 64, 100, "ms",
         f"QSvgRenderer {svg_ms / n * 64:.0f} ms; CPU {thumbs_cpu / n * 64:.0f} ms against {svg_cpu / n * 64:.0f} ms")
    goal("64 thumbnails 200x200, truly first (motion cues worked out afresh too)", first_ms / n * 64, 100, "ms",
         f"QSvgRenderer {svg_ms / n * 64:.0f} ms; CPU {first_cpu / n * 64:.0f} ms against {svg_cpu / n * 64:.0f} ms")
    goal(f"64 library card figures {CARD_FIGURE.width()}x{CARD_FIGURE.height()}, cold", cards_ms / len(catalog) * 64,
         100, "ms", f"CPU {cards_cpu / len(catalog) * 64:.0f} ms")
    live_all = sorted(morph_times + rep_times)
    live_median = statistics.median(live_all)
    live_p95 = live_all[int(len(live_all) * 0.95)]
    before_median = statistics.median(before_times)
    print(f"live figure frame 3840x2160, player's FigureView: morph median {statistics.median(morph_times):.1f} ms, "
          f"reps + glow median {statistics.median(rep_times):.1f} ms, all {live_median:.1f} ms "
          f"(p95 {live_p95:.1f} ms, {len(live_all)} frames; goal <= 8 ms); "
          f"a held pose {statistics.median(still_times):.2f} ms; "
          f"CPU time per moving frame median {statistics.median(cpu_times):.1f} ms")
    print(f"the same frames solved and painted in full, anti-aliased (baseline, the old path): "
          f"median {before_median:.1f} ms  ratio {live_median / before_median:.2f}x")
    goal("one figure 3840x2160", big_ms, 30, "ms", f"allocate+fill {fill_ms:.1f} ms")
    goal("live figure frame 3840x2160", live_median, 8, "ms",
         f"p95 {live_p95:.1f} ms; old full repaint {before_median:.1f} ms")


if __name__ == "__main__":
    main()
