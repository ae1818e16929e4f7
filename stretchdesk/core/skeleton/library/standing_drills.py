"""Figures for standing drills that move: lunges, skater squats, band walks, the hip hinge.

Each is a few keyframes and a motion cue (a ghost and an arrow) that shows where the
body goes; the held standing stretches are in standing.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.balance import balance_on
from stretchdesk.core.skeleton.body import Depth, Limb
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, moving
from stretchdesk.core.skeleton.interpolate import interpolate
from stretchdesk.core.skeleton.library.standing import hand_on_hip
from stretchdesk.core.skeleton.motion import MotionCue
from stretchdesk.core.skeleton.props import Band


def _hands_on_hips(f: Figure) -> Figure:
    """Both hands resting on the hips, elbows out (front view) or back (side view)."""
    if f.view == "side":
        return hand_on_hip(hand_on_hip(f, "near"), "far")
    waist = f.point("waist")
    grip = (waist[0] + 0.15, waist[1] - 0.11)
    f = f.reach("near_arm", grip, flip=True)
    return f.reach("far_arm", (2 * waist[0] - grip[0], grip[1]), flip=True).aim(hand=-120.0)


def _band_at_ankles(f: Figure) -> Figure:
    """A resistance band looped round both legs just above the ankles."""
    return f.with_props(Band("near_ankle", "far_ankle"))


LUNGE_STRIDE = 0.45  # m the hips travel forward from standing into the lunge


def lunge_standing() -> Figure:
    """Tall, eyes ahead, hands on the hips, a stride behind where the lunge lands: its
    ghost stands back there, so the lunge reads as a step forward and back again."""
    f = bases.standing().shift(dx=-LUNGE_STRIDE)
    return _hands_on_hips(f).rests("floor", "near_foot", "near_heel", "far_foot", "far_toe")


def lunge_down() -> Figure:
    """Long stride onto the right foot, front shin upright, back knee a hand's width off
    the floor: a gap that tells this drill from the kneeling Low Lunge. The back leg
    is accented: its hip flexors are what stretch."""
    f = bases.standing().aim(far_thigh=-102.0, far_shin=175.5)
    f = f.shift(dy=body.RADII["thigh"][1] + 0.07 - f.point("far_knee")[1])
    f = f.plant_foot("near", f.point("hips")[0] + 0.35)
    f = f.touch("far_toe", "far_ankle", -20.0, 50.0)
    return _hands_on_hips(f).rests("floor", "near_foot", "near_heel", "far_toe").accented("far_leg")


def lunge_step() -> Figure:
    """Mid-stride: the back foot rolls onto its toes as the front heel lands."""
    down = lunge_down()
    f = interpolate(lunge_standing(), down, 0.5).replace(contacts=())
    f = f.shift(dy=-f.solve().underside("far_toe")[1])
    f = f.plant_foot("near", down.point("near_ankle")[0] - 0.20 - LUNGE_STRIDE / 2, direction=8.0)
    return f.rests("floor", "near_heel", "far_toe").accented("far_leg")


def skater_squat() -> Figure:
    """Feet hip-width, seat lowered, knees tracking out over the toes; the right leg,
    which lifts out to the side next, is accented so it matches its ghost."""
    f = bases.standing("front").shift(dy=-0.3).plant_foot("both", 0.17)
    return _hands_on_hips(f).rests("floor", "near_foot", "far_foot").accented("near_leg")


def skater_lift(lifted: Depth, hip: float = 36.0) -> Figure:
    """Risen onto one leg, the other lifted `hip` degrees out to the side, toes facing forward."""
    standing: Depth = "far" if lifted == "near" else "near"
    lean = 7.0 if lifted == "near" else -7.0
    f = bases.standing("front").replace(pelvis=90.0 + lean).set(waist=lean * 0.4)
    f = f.set(**{f"{lifted}_hip": hip, f"{lifted}_knee": 4.0, f"{lifted}_ankle": 0.0})
    f = f.shift(dy=-0.08)  # the standing knee stays soft: the hips sink a little
    f = _hands_on_hips(f.plant_foot(standing, f.point(f"{standing}_hip")[0]))
    f = balance_on(f, standing, 0.0 if standing == "near" else 180.0)
    leg: Limb = "near_leg" if lifted == "near" else "far_leg"
    return f.rests("floor", f"{standing}_foot").accented(leg)


def skater_reach(lifted: Depth, out: float = 62.0, knee_out: float = 56.0) -> Figure:
    """A single-leg squat: the standing knee deeply bent and tracking out over the toes
    (so its bend shows face-on), hips sunk, chest tipped forward (drawn short), hands on
    the hips, the other leg reaching long and straight out to the side, foot clear of the
    floor, toes forward. A leg swing stands tall on a straight leg; only the skater squats
    down onto the standing leg."""
    standing: Depth = "far" if lifted == "near" else "near"
    f = Figure(view="front").foreshortened(chest=0.8, **{f"{standing}_thigh": 0.8})
    s = 1.0 if f.point(f"{standing}_hip")[0] > f.point(f"{lifted}_hip")[0] else -1.0
    f = f.replace(pelvis=90.0 - s * 6.0).set(waist=-s * 3.0)
    f = f.aim(**{f"{standing}_thigh": -90.0 + s * knee_out, f"{standing}_shin": -90.0 - s * 22.0,
                 f"{lifted}_thigh": -90.0 - s * out, f"{lifted}_shin": -90.0 - s * out})
    f = f.set(**{f"{lifted}_ankle": 0.0})
    # hands on the hips, a little lower than _hands_on_hips puts them: the short chest
    # would fold the elbows past the rising frame's, and the blend would swing them out
    waist = f.point("waist")
    grip = (waist[0] + 0.15, waist[1] - 0.16)
    f = f.reach("near_arm", grip, flip=True)
    f = f.reach("far_arm", (2 * waist[0] - grip[0], grip[1]), flip=True).aim(hand=-120.0)
    for _ in range(2):  # sit the bent leg on the floor, then its foot under the weight
        f = f.shift(dy=-min(c.lowest() for c in f.solve().capsules if c.part == f"{standing}_leg"))
        f = balance_on(f, standing, 0.0 if standing == "near" else 180.0)
    leg: Limb = "near_leg" if lifted == "near" else "far_leg"
    return f.rests("floor", f"{standing}_foot").accented(leg)


def skater_rep(lifted: Depth) -> tuple[Figure, ...]:
    """Out of the squat the weight goes onto one foot as the other clears the floor
    (a low lift), then the standing knee sinks deep as that leg reaches far out to the
    side, the drill's point."""
    low = skater_lift(lifted)
    return skater_squat(), low, skater_reach(lifted), low


def band_walk_together() -> Figure:
    """Quarter squat, feet a little apart, band taut just above the ankles."""
    f = bases.standing("front").aim(thigh=-80.0, shin=-97.0, foot=-10.0).ground()
    f = _band_at_ankles(_hands_on_hips(f)).rests("floor", "near_toe", "far_toe")
    return f.accented("near_leg")


def band_walk_apart() -> Figure:
    """The right foot has stepped out wide against the band; the left follows next."""
    f = bases.standing("front").shift(dx=0.1, dy=-0.05)
    f = f.plant_foot("near", 0.44).plant_foot("far", -0.13, direction=180.0)
    return _band_at_ankles(_hands_on_hips(f)).rests("floor", "near_foot", "far_foot").accented("near_leg")


def monster_step(lead: Depth) -> Figure:
    """Quarter squat, one foot forward, hands together in front, band taut above the ankles."""
    f = bases.standing().aim(pelvis=68.0, chest=74.0, neck=82.0, head=88.0).shift(dy=-0.13)
    back: Depth = "far" if lead == "near" else "near"
    x = f.point("hips")[0]
    f = f.plant_foot(lead, x + 0.28).plant_foot(back, x - 0.16)
    chest = f.point("chest")
    hands = (chest[0] + 0.3, chest[1] - 0.12)
    f = f.reach("near_arm", hands).reach("far_arm", hands).aim(hand=20.0)
    return _band_at_ankles(f).rests("floor", "near_foot", "far_foot")


def hinge_up() -> Figure:
    """Standing tall, legs straight, arms by the sides."""
    return bases.standing().rests("floor", "near_foot", "far_foot")


def hinge_down(bend: float = 0.0) -> Figure:
    """Hinged at the hips, hands gripping just below the kneecaps; the knees `bend`
    degrees soft, or (0) locked straight with the quads squeezing: the TKE, so both
    legs are accented."""
    legs = {"thigh": -93.0 + bend / 2, "shin": -91.0 - bend / 2, "foot": 0.0}
    f = bases.standing().aim(**legs).ground()
    knee = f.point("near_knee")
    wrist = (knee[0] + 0.07, knee[1] + 0.04)
    reach = (body.UPPER_ARM + body.FOREARM) * 0.98

    def tilted(pelvis: float) -> Figure:
        spine = {"chest": pelvis - 4.0, "neck": pelvis - 25.0, "head": pelvis - 45.0}
        return f.aim(pelvis=pelvis, **spine, **legs)

    low, high = -30.0, 90.0  # bisect the hip hinge until straight arms just reach the grip
    for _ in range(40):
        middle = (low + high) / 2
        shoulder = tilted(middle).point("near_shoulder")
        if math.dist(shoulder, wrist) > reach:
            high = middle
        else:
            low = middle
    f = tilted(low)
    f = f.reach("near_arm", wrist).reach("far_arm", wrist).aim(hand=-75.0)
    f = f.rests("floor", "near_foot", "far_foot").rests("body", "near_hand", "far_hand", on="near_knee")
    return f.accented("near_leg", "far_leg")


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
    "forward-lunge": lambda: moving(
        lunge_standing(), lunge_step(), lunge_down(), lunge_step(), still=2,
        # a two-headed arrow along the floor from the ghost's feet to the front foot: step
        # out and back to the same spot (Walking Lunges travel on, one head)
        cue=MotionCue(("torso", "near_arm", "far_arm", "near_leg", "far_leg"), "near_ankle", ghost=0, offset=0.1),
    ),
    "skater-squats": lambda: moving(
        *skater_rep("near"), *skater_rep("far"), still=2,
        # up and down beside the head: the body sinks and rises (a squat), where a leg
        # swing's arrow would run sideways at the foot
        cue=MotionCue(("torso", "near_leg", "far_leg"), "head", ghost=0, path="glide", heading=90.0,
                      size=0.3, offset=0.3),
    ),
    "lateral-band-walks": lambda: moving(
        band_walk_together(), band_walk_apart(), still=1,
        cue=MotionCue((), "hips", path="heading", size=0.4, offset=-0.55),
    ),
    "monster-walk": lambda: moving(
        monster_step("near"), monster_step("far"), still=0,
        cue=MotionCue((), "head", path="heading", size=0.45, offset=0.25),
    ),
    "hip-hinge-with-tke": lambda: moving(
        hinge_up(), hinge_down(bend=24.0), hinge_down(), hinge_down(), still=2,
        cue=MotionCue(("torso", "near_arm", "far_arm"), "head", ghost=0, offset=0.15),
    ),
}
