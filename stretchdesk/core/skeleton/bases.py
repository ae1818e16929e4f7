"""Starting figures for each body position; author a pose by adjusting one of these.

Every base rests on the floor and passes the joint checks, so a pose only has
to change what makes it different. Each base is built once per process (they are
immutable): the foam-roll poses start from prone() some seventy times while they
search for the hip height that fits the roller.
"""

from __future__ import annotations

import functools

from stretchdesk.core.skeleton.body import View
from stretchdesk.core.skeleton.figure import Figure
from stretchdesk.core.skeleton.resting import SHIN_TAPER, rest_on


def _laces_down(figure: Figure) -> Figure:
    """Point both feet until the toes rest on the mat (laces down behind the shins)."""
    for side in ("near", "far"):
        figure = figure.touch(f"{side}_toe", f"{side}_ankle", 10.0, -95.0)
    return figure


@functools.cache
def standing(view: View = "side") -> Figure:
    """Standing tall, arms by the sides, facing right (or the viewer)."""
    figure = Figure(view=view).set(elbow=8.0, shoulder=4.0)
    if view == "front":
        figure = figure.set(shoulder=8.0, hip=4.0, ankle=0.0)
    return figure.ground()


@functools.cache
def kneeling() -> Figure:
    """Kneeling upright on both knees, shins and laces on the mat, hands by the hips."""
    figure = Figure().aim(thigh=-90.0, shin=180.0 + SHIN_TAPER, foot=178.0).set(elbow=10.0)
    return _laces_down(figure.ground())


@functools.cache
def all_fours() -> Figure:
    """Hands and knees (table top): hands under shoulders, knees under hips."""
    figure = (
        Figure(pelvis=14.0)
        .aim(thigh=-90.0, shin=180.0 + SHIN_TAPER, foot=178.0, neck=8.0, head=-5.0)
        .ground()
    )
    figure = _laces_down(figure)
    return figure.plant_hand("both", figure.point("near_shoulder")[0] + 0.02)


@functools.cache
def seated() -> Figure:
    """Sitting tall with straight legs (staff pose), hands resting on the thighs."""
    figure = Figure().aim(thigh=0.0, shin=0.0, foot=80.0)
    hip, knee = figure.point("near_hip"), figure.point("near_knee")
    rest = ((hip[0] + knee[0]) / 2 + 0.04, hip[1] + 0.06)
    return figure.reach("near_arm", rest).reach("far_arm", rest).aim(hand=-15.0).ground()


@functools.cache
def supine() -> Figure:
    """Lying on the back, head to the left, legs long, arms by the sides."""
    figure = (
        Figure(pelvis=180.0)
        .aim(thigh=0.0, shin=0.0, foot=70.0, chest=180.0, neck=180.0, head=182.0)
        .ground()
    )
    for side in ("near", "far"):  # the legs slope down a little until the heels rest
        figure = figure.touch(f"{side}_heel", f"{side}_hip", 20.0, -20.0)
    return figure.plant_hand("both", figure.arm_floor_x(toward=1.0))


@functools.cache
def prone() -> Figure:
    """Lying face down, head to the right, laces on the mat, arms by the sides."""
    figure = (
        Figure(pelvis=0.0)
        .aim(thigh=180.0, shin=180.0, foot=178.0, neck=-2.0, head=2.0)
        .ground()
    )
    for side in ("near", "far"):  # knees, shins and laces down on the mat
        legs = {f"{side}_shin": 180.0 + SHIN_TAPER, f"{side}_foot": 178.0}
        figure = figure.touch(f"{side}_knee", f"{side}_hip", -10.0, 30.0, aim=legs)
        figure = figure.touch(f"{side}_toe", f"{side}_ankle", 10.0, -95.0)
    return figure.plant_hand("both", figure.arm_floor_x(toward=-1.0), direction=180.0)


@functools.cache
def side_lying(tilt: float = 6.0) -> Figure:
    """Lying on the left side, legs long and stacked, head on the outstretched bottom arm.

    `tilt` lifts the shoulders a little so the broad shoulders and narrower hips
    both rest on the mat.
    """
    f = Figure(view="front", pelvis=180.0 - tilt).aim(chest=180.0 - tilt, neck=180.0, head=182.0)
    f = f.aim(near_thigh=-1.0, near_shin=-1.0, near_foot=0.0)
    f = f.aim(far_thigh=0.0, far_shin=0.0, far_foot=0.0)
    f = f.aim(far_upper_arm=183.0, far_forearm=177.0, far_hand=178.0)
    f = f.aim(near_upper_arm=-4.0, near_forearm=-4.0, near_hand=-4.0)
    # the bottom leg and the bottom arm under the head both lie along the mat
    f = f.aim(far_thigh=-3.0, far_shin=-1.0)
    return rest_on(f, "far_leg", "far_arm").rests("floor", "far_knee", "far_elbow")
