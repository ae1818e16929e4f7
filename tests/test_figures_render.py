"""The Qt renderer: shipped SVGs are current, no figure is blank or a duplicate,
and the left side is a true mirror image."""

from __future__ import annotations

import gzip
import hashlib
import math
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from stretchdesk.cli import main
from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.skeleton import figure_ids, pose_figure
from stretchdesk.core.skeleton.solved import drawing
from stretchdesk.drawing.render import render_image
from stretchdesk.drawing.sheet import images_dir, pose_svg
from stretchdesk.figure_rasters import glow_variant

IDS = figure_ids()
pytestmark = pytest.mark.gui


def _inked(image: QImage) -> float:
    """Fraction of pixels that are not fully transparent."""
    small = image.scaled(60, 45)
    inked = sum(
        1 for y in range(small.height()) for x in range(small.width())
        if small.pixelColor(x, y).alpha() > 0
    )
    return inked / (small.width() * small.height())


def _digest(image: QImage) -> str:
    return hashlib.sha256(image.constBits().tobytes()).hexdigest()


@pytest.mark.parametrize("pose_id", IDS)
def test_svg_is_shipped_and_current(qapp: object, pose_id: str) -> None:
    path = images_dir() / f"{pose_id}.svg"
    assert path.is_file(), "run `stretchdesk figures --write`"
    assert path.read_bytes() == pose_svg(pose_id), "stale: run `stretchdesk figures --write`"
    variant = glow_variant(path)
    assert variant.is_file(), "run `stretchdesk figures --write`"
    assert gzip.decompress(variant.read_bytes()) == pose_svg(pose_id, glow=True), "stale glow variant"


@pytest.mark.parametrize("pose_id", IDS)
def test_svg_draws_a_figure(qapp: object, pose_id: str) -> None:
    renderer = QSvgRenderer(str(images_dir() / f"{pose_id}.svg"))
    assert renderer.isValid()
    image = QImage(240, 180, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 240, 180))
    painter.end()
    assert _inked(image) > 0.04


def test_no_two_poses_look_the_same(qapp: object) -> None:
    digests = {_digest(render_image(pose_figure(i), 160, 120)): i for i in IDS}
    assert len(digests) == len(IDS)


# A symmetric front view (butterfly, deep squat) is its own mirror image; that is fine
# for poses done once, but a per-side pose must look different for the left side.
SIDED = [i for i in IDS if pose_figure(i).figure.view == "side" or pose_figure(i).accent]


def test_every_per_side_pose_has_a_figure_that_mirrors_visibly() -> None:
    per_side = {pose.id for pose in builtin_poses().values() if pose.per_side}
    assert sorted((per_side & set(IDS)) - set(SIDED)) == []


@pytest.mark.parametrize("pose_id", SIDED)
def test_left_side_is_a_mirror_image(qapp: object, pose_id: str) -> None:
    pose = pose_figure(pose_id)
    plain = render_image(pose, 200, 150)
    mirrored = render_image(pose, 200, 150, mirrored=True)
    assert _digest(plain) != _digest(mirrored)
    assert _inked(mirrored) == pytest.approx(_inked(plain), abs=0.02)


def test_renders_crisp_at_any_size(qapp: object) -> None:
    for width, height in ((64, 48), (1920, 1080)):
        image = render_image(pose_figure(IDS[0]), width, height)
        assert image.size().width() == width
        assert _inked(image) > 0.02


def test_cli_draws_a_contact_sheet(qapp: object, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "sheet.png"
    assert main(["figures", "--sheet", str(sheet)]) == 0
    image = QImage(str(sheet))
    assert not image.isNull() and image.width() > 1000
    assert f"{len(IDS)} figures" in capsys.readouterr().out


def test_cli_figures_needs_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures"]) == 1
    assert "--write" in capsys.readouterr().err


def _differs(a: QImage, b: QImage) -> tuple[int, int]:
    """(pixels that changed, of which outside the figure's ink in `a`)."""
    changed = outside = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            if a.pixel(x, y) != b.pixel(x, y):
                changed += 1
                outside += a.pixelColor(x, y).alpha() == 0
    return changed, outside


def test_feel_it_here_glow_warms_the_target_areas_inside_the_body(qapp: object) -> None:
    pose = builtin_poses()["downward-facing-dog"]
    plain = render_image(pose_figure(pose.id), 400, 300)
    glowing = render_image(pose_figure(pose.id), 400, 300, glow=tuple(pose.targets))
    changed, outside = _differs(plain, glowing)
    assert changed > 200, "the hamstrings and calves should light up"
    assert outside == 0, "the glow stays on the body"
    shifts = [(glowing.pixelColor(x, y), plain.pixelColor(x, y))
              for y in range(0, 300, 2) for x in range(0, 400, 2)
              if glowing.pixel(x, y) != plain.pixel(x, y)]
    warmer = sum(g.red() >= p.red() and g.blue() <= p.blue() for g, p in shifts)
    assert warmer > len(shifts) * 0.9, "the glow is warm: more red, less blue"


def test_glow_lights_only_the_named_areas(qapp: object) -> None:
    figure = pose_figure("downward-facing-dog")
    calves = render_image(figure, 400, 300, glow=("calves",))
    spine = render_image(figure, 400, 300, glow=("spine",))
    assert _digest(calves) != _digest(spine)
    assert _digest(render_image(figure, 400, 300, glow=("no-such-area",))) == _digest(
        render_image(figure, 400, 300))


def test_a_far_limb_drawn_in_front_shows_over_the_torso(qapp: object) -> None:
    """Origami's bottom knee comes up toward us: painted over the belly, its outline
    shows inside the body; the silhouette itself is the same either way."""
    folded = pose_figure("origami-stretch").figure
    assert folded.in_front == ("far_leg",)
    front = render_image(folded, 400, 300)
    behind = render_image(folded.replace(in_front=()), 400, 300)
    changed, outside = _differs(behind, front)
    assert changed > 100, "the tucked thigh should be drawn across the torso"
    assert outside == 0, "only the painting order changes, not the outline of the figure"


def test_a_near_leg_drawn_behind_hides_under_the_torso(qapp: object) -> None:
    """Fire Hydrants seen from the head end: the chest is nearer to us than the hips, so
    the lifted thigh comes out from behind it; the silhouette is the same either way."""
    lifted = pose_figure("fire-hydrants").figure
    assert lifted.behind == ("near_leg",)
    behind = render_image(lifted, 400, 300)
    over = render_image(lifted.replace(behind=()), 400, 300)
    changed, outside = _differs(over, behind)
    assert changed > 20, "the torso should be painted over the top of the thigh"
    assert outside == 0, "only the painting order changes, not the outline of the figure"


def test_a_head_looking_back_draws_its_profile_toward_the_feet() -> None:
    """Rotating Stomach Stretch turns the head to look back over the raised shoulder: the
    nose is drawn on the side of the feet (prone figures face +x), not up and ahead."""
    twisted = pose_figure("rotating-stomach-stretch").figure
    assert twisted.looks_back
    back, ahead = drawing(twisted).face, drawing(twisted.replace(looks_back=False)).face
    assert math.cos(math.radians(back)) < 0 < math.cos(math.radians(ahead))
    assert drawing(twisted).head == drawing(twisted.replace(looks_back=False)).head  # only the face turns
