"""All pose figures, gathered from one module per body position. AUTHORING GUIDE:

Where: add your pose to the module for its `position` in resources/poses.json:
standing, seated, kneeling, all_fours, supine, prone_side (prone + side-lying),
wall (legs-up-the-wall). Each module exports FIGURES = {pose-id: PoseFigure}.
Read the pose's instructions in poses.json first; draw the RIGHT side.

Conventions (details in body.py): metres, floor y = 0, y up; degrees,
counter-clockwise, 0 = +x. Side view: the figure faces right and we see its
right side, so near_* limbs = right = the working side; far_* are drawn lighter.
Supine lies head-left (pelvis 180), prone head-right (pelvis 0). Front view
(view="front") mirrors far limbs: aim(thigh=10) spreads both legs. Left-side
figures are the same data drawn mirrored: never author a second pose.

Recipe (every step returns a new Figure; see figure.py for the full list):
    f = bases.supine()                      # or standing/kneeling/all_fours/seated/prone
    f = f.aim(near_thigh=88, near_shin=88)  # absolute bone directions, parent first
    f = f.set(waist=30, knee=90)            # relative joint angles (unprefixed = both)
    f = f.ground()                          # lowest surface onto the floor
    f = f.plant_foot("both", x)             # IK: ankle over x, foot flat on the floor
    f = f.plant_hand("both", f.arm_floor_x())  # IK: palm flat where a straight arm lands
    f = f.reach("near_arm", f.point("near_ankle"))  # IK: wrist to any point
    f = f.touch("head", "waist", 20, 70)    # turn a joint until a point touches y=0
    f = f.with_props(Strap(hands=("near_hand", "far_hand")))  # props follow the body
    f = f.block_under("mid_back")           # a block that exactly fills the gap
    return f.accented("near_leg")           # working limb in the accent colour
Moving poses: moving(key0, key1, still=1) (still = keyframe shown on the card);
held poses: hold(f). Examples: all_fours.py (cat-cow, touch with aim=), supine.py
(bridge, strap, blocks), seated.py (front-view butterfly), wall.py (Wall prop).

Pitfalls: ground() counts every limb, so pose the arms before grounding (hanging
arms of a seated figure hold it up). reach/plant raise ValueError "N cm short" when
the target is out of reach: move the target, don't loosen the check. A far limb
exactly behind the near one is invisible: offset it a little if both matter.

Check your pose (prints joint/floor problems, exit 1 if any):
    python -m stretchdesk.figures.preview POSE_ID /tmp/out.png [--mirrored]
then look at the PNG. Then `python -m stretchdesk figures --write` and run
`pytest tests/test_figures_model.py tests/test_figures_render.py`.
"""

from __future__ import annotations

from stretchdesk.core.figure.figure import PoseFigure
from stretchdesk.core.figure.library import (
    all_fours,
    kneeling,
    prone_side,
    runner_extras,
    seated,
    standing,
    supine,
    wall,
)


def _gather() -> dict[str, PoseFigure]:
    figures: dict[str, PoseFigure] = {}
    for module in (standing, seated, kneeling, all_fours, supine, prone_side, wall, runner_extras):
        for pose_id, figure in module.FIGURES.items():
            if pose_id in figures:
                raise ValueError(f"pose {pose_id!r} has a figure in two library modules")
            figures[pose_id] = figure
    return figures


FIGURES: dict[str, PoseFigure] = _gather()
