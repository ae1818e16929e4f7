"""All pose figures, gathered from one module per body position. AUTHORING GUIDE:

Where: add your pose to the module for its `position` in resources/poses.json:
standing, seated, kneeling, all_fours, supine, prone_side (prone + side-lying),
wall (legs-up-the-wall). Each module exports BUILDERS = {pose-id: lambda: PoseFigure}:
nothing is solved at import; a figure is built the first time it is asked for.
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
    python -m stretchdesk.drawing.preview POSE_ID /tmp/out.png [--mirrored]
then look at the PNG. Then `python -m stretchdesk figures --write` and run
`pytest tests/test_figures_model.py tests/test_figures_render.py`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from stretchdesk.core.skeleton.figure import PoseFigure
from stretchdesk.core.skeleton.library import (
    all_fours,
    kneeling,
    prerun_dynamic,
    prone_side,
    runner_extras,
    seated,
    standing,
    standing_drills,
    supine,
    supine_above,
    wall,
)

Builder = Callable[[], PoseFigure]


def _gather() -> dict[str, Builder]:
    builders: dict[str, Builder] = {}
    for module in (standing, standing_drills, seated, kneeling, all_fours, supine, supine_above, prone_side, wall,
                   prerun_dynamic, runner_extras):
        for pose_id, builder in module.BUILDERS.items():
            if pose_id in builders:
                raise ValueError(f"pose {pose_id!r} has a figure in two library modules")
            builders[pose_id] = builder
    return builders


BUILDERS: dict[str, Builder] = _gather()
_built: dict[str, PoseFigure] = {}
_lock = threading.Lock()


def figure(pose_id: str) -> PoseFigure:
    """The pose's figure, built on the first request and kept; KeyError if it has none.

    Built lazily because some poses search for their shape (the foam roller solves
    thousands of times): the player must only pay for the poses its routine uses.
    """
    with _lock:
        found = _built.get(pose_id)
        if found is None:
            found = _built[pose_id] = BUILDERS[pose_id]()
        return found


def is_built(pose_id: str) -> bool:
    """True once the pose's figure has been built (for tests and benchmarks)."""
    return pose_id in _built
