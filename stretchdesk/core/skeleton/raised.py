"""Getting off (and onto) what raises a body above the floor: a stair step or a bench.

The waypoints of those routes are built where the pose's own prop stands, so the
feet land on its tread or the seat on its edge (see transition.py).
"""

from __future__ import annotations

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.contacts import stands_on_step
from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.props import StairStep, YogaBlock

BENCH_HEIGHT = 0.2  # a block at least this high that the hips rest on is a bench


def bench_of(figure: Figure) -> YogaBlock | None:
    """The bench the body lies on: a tall block under the hips (Thomas test)."""
    if not any(c.surface == "block" and c.part == "hips" for c in figure.contacts):
        return None
    return next((p for p in figure.props if isinstance(p, YogaBlock) and p.height >= BENCH_HEIGHT), None)


def carried(figure: Figure) -> bool:
    """Raised off the floor on a step or a bench: the prop must stay while the body
    gets down off it."""
    return stands_on_step(figure) or bench_of(figure) is not None


def bench_sit_on(bench: YogaBlock) -> Figure:
    """Sitting up on the bench's right-hand edge, feet down on the floor, hands on the
    thighs: the way from lying along a bench to standing."""
    edge = bench.x + bench.width / 2
    f = Figure(x=edge - 0.1, y=bench.y + bench.height + body.RADII["pelvis"][0], pelvis=96.0)
    f = f.aim(chest=94.0, neck=92.0, head=90.0, thigh=-4.0)
    f = f.plant_foot("both", edge + 0.3)
    hip, knee = f.point("near_hip"), f.point("near_knee")
    rest = ((hip[0] + knee[0]) / 2 + 0.04, max(hip[1], knee[1]) + 0.07)
    f = f.reach("near_arm", rest).reach("far_arm", rest).aim(hand=-15.0)
    return f.with_props(bench).rests("block", "hips").rests("floor", "near_foot", "far_foot")


def step_of(*ends: Figure) -> StairStep:
    """The stair step one end of a morph stands on."""
    return next(p for end in ends for p in end.props if isinstance(p, StairStep))


def step_down_from(step: StairStep) -> Figure:
    """Half off a stair step: the right foot down on the floor behind its edge, the
    left still flat on the tread, knees soft, arms by the sides."""
    f = bases.standing().aim(pelvis=86.0, chest=88.0).replace(x=step.edge - 0.03, y=0.82)
    f = f.reach("near_leg", (step.edge - 0.14, body.ANKLE_HEIGHT)).aim(near_foot=0.0)
    f = f.reach("far_leg", (step.edge + 0.1, step.height + body.ANKLE_HEIGHT)).aim(far_foot=0.0)
    f = f.aim(upper_arm=-100.0, forearm=-20.0)
    return f.with_props(step).rests("floor", "near_foot").rests("step", "far_foot")
