"""Motion cues: a moving pose's still shows where the movement goes (a ghost of the
moving parts at the other end, an arrow along the path), the player's live frame
shows the arrow only, and poses without a cue draw exactly as before."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from stretchdesk.core.skeleton import (
    MotionCue,
    PoseFigure,
    cue_marks,
    figure_ids,
    interpolate,
    moving,
    pose_figure,
    solve,
)
from stretchdesk.core.skeleton.motion import PATH_STEPS, TRIM, forget_cue_marks
from stretchdesk.drawing.framing import world_bounds
from stretchdesk.drawing.render import paint_figure, render_image

CUED = [pid for pid in figure_ids() if pose_figure(pid).cue is not None]


def test_the_drills_that_read_as_holds_declare_a_cue() -> None:
    for pose_id in ("hip-circles", "ankle-circles", "leg-swings-front-back", "leg-swings-side-to-side",
                    "butt-kicks", "skater-squats", "walking-lunges", "lateral-band-walks",
                    "side-to-side-hip-shifts"):
        assert pose_id in CUED, pose_id


def test_a_held_pose_has_no_marks() -> None:
    assert cue_marks(pose_figure("pigeon")) is None


def test_a_ghost_index_outside_the_keyframes_is_refused() -> None:
    pose = pose_figure("leg-swings-front-back")
    with pytest.raises(ValueError, match="ghost=5"):
        PoseFigure(pose.keyframes, pose.still, MotionCue(("near_leg",), "near_ankle", ghost=5))


@pytest.mark.parametrize("pose_id", CUED)
def test_ghost_is_the_other_keyframe_and_the_arrow_has_heads(pose_id: str) -> None:
    pose = pose_figure(pose_id)
    assert pose.cue is not None
    marks = cue_marks(pose)
    assert marks is not None
    other = solve(pose.keyframes[pose.cue.ghost])
    wanted = {(c.bone, c.a, c.b) for c in other.capsules if c.part in pose.cue.parts}
    assert {(c.bone, c.a, c.b) for c in marks.ghost} == wanted
    assert len(marks.arrow) >= 2 and marks.heads
    for _, (dx, dy) in marks.heads:
        assert math.hypot(dx, dy) == pytest.approx(1.0)
    arrow_only = cue_marks(pose, ghost=False)
    assert arrow_only is not None and arrow_only.ghost == () and arrow_only.arrow == marks.arrow


def test_a_swing_arrow_runs_between_the_two_ends() -> None:
    pose = pose_figure("leg-swings-front-back")
    marks = cue_marks(pose)
    assert marks is not None and pose.cue is not None
    still = solve(pose.figure).points["near_ankle"]
    other = solve(pose.keyframes[pose.cue.ghost]).points["near_ankle"]
    start, end = marks.arrow[0], marks.arrow[-1]
    assert math.dist(start, still) < math.dist(start, other)
    assert math.dist(end, other) < math.dist(end, still)
    assert len(marks.heads) == 2  # back and forth


def _every_sample_arrow(pose: PoseFigure) -> tuple[tuple[float, float], ...]:
    """A swing or travel arrow worked out the long way: every sample of the blend solved,
    moved beside the path, then a share cut off at each end."""
    cue = pose.cue
    assert cue is not None
    still, other = pose.keyframes[pose.still], pose.keyframes[cue.ghost]
    start, end = (other, still) if cue.path == "travel" else (still, other)
    points = [solve(interpolate(start, end, i / PATH_STEPS)).points[cue.track] for i in range(PATH_STEPS + 1)]
    (ax, ay), (bx, by) = points[0], points[-1]
    length = math.hypot(bx - ax, by - ay) or 1.0
    nx, ny = -(by - ay) / length * cue.offset, (bx - ax) / length * cue.offset
    cut = max(1, round(len(points) * TRIM))
    return tuple((x + nx, y + ny) if cue.offset else (x, y) for x, y in points[cut:len(points) - cut])


SAMPLED = [pid for pid in CUED if pose_figure(pid).cue.path in ("swing", "travel")]  # type: ignore[union-attr]


@pytest.mark.parametrize("pose_id", SAMPLED)
def test_an_arrow_solved_only_where_it_is_drawn_is_the_arrow_solved_everywhere(pose_id: str) -> None:
    """The first draw of a drill solves only the samples its arrow keeps; the arrow is the
    same to the last bit as one from every sample."""
    forget_cue_marks()
    pose = pose_figure(pose_id)
    marks = cue_marks(pose)
    assert marks is not None
    assert marks.arrow == _every_sample_arrow(pose)


def test_the_live_frame_reuses_the_arrow_the_still_worked_out() -> None:
    forget_cue_marks()
    pose = pose_figure("leg-swings-front-back")
    still, live = cue_marks(pose), cue_marks(pose, ghost=False)
    assert still is not None and live is not None
    assert live.arrow is still.arrow and live.heads is still.heads and live.ghost == ()
    forget_cue_marks()
    live = cue_marks(pose, ghost=False)
    still = cue_marks(pose)
    assert live is not None and still is not None and still.arrow is live.arrow and still.ghost


def test_ahead_slides_a_glide_arrow_along_its_heading() -> None:
    pose = pose_figure("foam-roll-quads")
    assert pose.cue is not None and pose.cue.path == "glide"
    arrows = []
    for ahead in (0.0, 0.2):
        marks = cue_marks(replace(pose, cue=replace(pose.cue, ahead=ahead)))
        assert marks is not None
        arrows.append(marks.arrow)
    heading = math.radians(pose.cue.heading)
    for (ax, ay), (bx, by) in zip(*arrows, strict=True):
        assert (bx - ax, by - ay) == pytest.approx((0.2 * math.cos(heading), 0.2 * math.sin(heading)))


def _differs(a: QImage, b: QImage) -> int:
    return sum(1 for y in range(0, a.height(), 2) for x in range(0, a.width(), 2)
               if a.pixel(x, y) != b.pixel(x, y))


def _painted(pose: PoseFigure, **kwargs: object) -> QImage:
    """The still keyframe as the player paints it: a fixed camera on the whole movement."""
    image = QImage(240, 180, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    paint_figure(painter, pose.figure, QRectF(0, 0, 240, 180), frame=world_bounds(pose), **kwargs)  # type: ignore[arg-type]
    painter.end()
    return image


@pytest.mark.gui
def test_the_still_draws_the_cue_and_a_live_frame_only_its_arrow(qapp: object) -> None:
    pose = pose_figure("skater-squats")
    with_cue, without = render_image(pose, 240, 180), render_image(replace(pose, cue=None), 240, 180)
    whole_cue = _differs(with_cue, without)
    assert whole_cue > 200  # a whole faint body and an arrow
    arrow = _differs(_painted(pose, motion=pose), _painted(pose))
    assert 0 < arrow < whole_cue / 2  # the arrow, not the ghost


@pytest.mark.gui
def test_a_ghost_shows_on_a_mat_seen_from_above(qapp: object) -> None:
    """A top view's mat is the floor itself: the ghost lies on it, not hidden under it."""
    frog = pose_figure("frog-hip-stretch").figure
    assert not frog.mat
    swept = frog.aim(near_thigh=150.0)  # the right knee slid up the mat toward the head
    pose = moving(frog, swept, cue=MotionCue(("near_leg",), "near_knee"))
    assert pose.cue is not None
    arrow_only = replace(pose, cue=replace(pose.cue, parts=()))
    assert _differs(render_image(pose, 240, 180), render_image(arrow_only, 240, 180)) > 200
