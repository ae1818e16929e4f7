"""Figures for the runner essentials of issue 16: calves and feet, foam rolling, the
pre-run dynamic set (see the authoring guide in library/__init__.py and docs/figures.md).

They live apart from the per-position modules so the generator work merges without
touching them; each still follows the same rules: right side drawn, contacts declared.
"""

from __future__ import annotations

from collections.abc import Callable

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.balance import balance_on
from stretchdesk.core.skeleton.body import Depth
from stretchdesk.core.skeleton.contacts import _segment_gap as segment_gap
from stretchdesk.core.skeleton.contacts import circles
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, hold, moving
from stretchdesk.core.skeleton.kinematics import add, direction
from stretchdesk.core.skeleton.library.all_fours import downward_dog
from stretchdesk.core.skeleton.library.prone_side import foam_roll
from stretchdesk.core.skeleton.library.standing import lunge_down, wall_calf_stretch
from stretchdesk.core.skeleton.library.supine import knee_to_chest
from stretchdesk.core.skeleton.motion import MotionCue
from stretchdesk.core.skeleton.props import Ball, FoamRoller, StairStep, YogaBlock
from stretchdesk.core.skeleton.resting import rest_part_on_floor


def _other(side: Depth) -> Depth:
    return "far" if side == "near" else "near"


def _hands_on_hips(f: Figure) -> Figure:
    """Side view: both hands on the front of the hips, elbows back."""
    waist = f.point("waist")
    f = f.reach("near_arm", (waist[0] + 0.02, waist[1] - 0.06))
    f = f.reach("far_arm", (waist[0] + 0.02, waist[1] - 0.06))
    return f.aim(hand=-60.0)


def _on_one_leg(f: Figure, standing: Depth) -> Figure:
    """Standing knee a little soft, the foot planted under the body's weight."""
    f = balance_on(f.shift(dy=-0.03), standing)
    return f.rests("floor", f"{standing}_foot")


# -- pre-run dynamic set --------------------------------------------------------------


def leg_swing(thigh: float, foot: float) -> Figure:
    """Tall on the left leg, hands on the hips, right leg swinging straight from the hip."""
    f = bases.standing().aim(near_thigh=thigh, near_shin=thigh, near_foot=foot)
    f = _hands_on_hips(f)
    return _on_one_leg(f, "far").accented("near_leg")


def leg_swing_across(out: float) -> Figure:
    """Seen from the front: both hands on a wall ahead, right leg swinging out and across."""
    f = bases.standing("front").set(near_hip=out, near_knee=2.0, near_ankle=0.0)
    f = f.shift(dy=-0.03).aim(upper_arm=-60.0, forearm=-75.0)
    f = f.plant_foot("far", f.point("far_hip")[0])
    f = balance_on(f, "far", 180.0)
    return f.rests("floor", "far_foot").accented("near_leg")


def high_knee(lifted: Depth) -> Figure:
    """Running on the spot: one knee driven up to hip height, the opposite arm forward."""
    standing = _other(lifted)
    f = bases.standing().aim(**{f"{lifted}_thigh": 0.0, f"{lifted}_shin": -95.0, f"{lifted}_foot": -30.0})
    f = f.aim(**{f"{standing}_upper_arm": -40.0, f"{standing}_forearm": 40.0})
    f = f.aim(**{f"{lifted}_upper_arm": -130.0, f"{lifted}_forearm": -80.0})
    f = f.aim(**{f"{standing}_foot": -20.0})
    return _on_one_leg(f, standing).accented("near_leg" if lifted == "near" else "far_leg")


def _jog_stance() -> Figure:
    """Between strides: both feet down, arms bent at the sides."""
    f = bases.standing().aim(upper_arm=-90.0, forearm=0.0)
    x = f.point("hips")[0]
    f = f.plant_foot("near", x + 0.03).plant_foot("far", x - 0.03)
    return f.rests("floor", "near_foot", "far_foot")


def butt_kick(lifted: Depth) -> Figure:
    """Jogging on the spot: one heel flicked up to the buttock, the thigh pointing down,
    the arms pumping as in a run: the kicking side's fist up in front, the other elbow
    drawn back with that fist at the waist. No hand goes behind the body, where the
    heel is: a hand at the foot is the standing quad stretch."""
    standing = _other(lifted)
    f = bases.standing().aim(**{f"{lifted}_thigh": -100.0, f"{lifted}_shin": 95.0, f"{lifted}_foot": 150.0})
    f = f.aim(**{f"{lifted}_upper_arm": -40.0, f"{lifted}_forearm": 40.0})
    f = f.aim(**{f"{standing}_upper_arm": -120.0, f"{standing}_forearm": -20.0})
    return _on_one_leg(f, standing).accented("near_leg" if lifted == "near" else "far_leg")


def hip_circle(lean: float) -> Figure:
    """Feet hip-width, hands on the hips, the hips drawing a slow circle."""
    f = bases.standing().aim(pelvis=90.0 + lean, chest=90.0 - lean * 0.6, neck=90.0, head=90.0)
    x = f.point("hips")[0]
    f = f.plant_foot("near", x + 0.02 - lean * 0.004).plant_foot("far", x - 0.02 - lean * 0.004)
    return _hands_on_hips(f).rests("floor", "near_foot", "far_foot")


def ankle_circle(foot: float) -> Figure:
    """On the left leg, hand on the hip, right foot just off the floor drawing circles with the toes."""
    f = bases.standing().aim(near_thigh=-40.0, near_shin=-95.0, near_foot=foot)
    f = _hands_on_hips(f)
    return _on_one_leg(f, "far").accented("near_leg")


def walking_lunge_down() -> Figure:
    """A long stride forward, back knee just off the floor, arms swinging like a runner's."""
    f = lunge_down().replace(contacts=())
    f = f.aim(near_upper_arm=-140.0, near_forearm=-60.0, far_upper_arm=-40.0, far_forearm=40.0)
    return f.rests("floor", "near_foot", "near_heel", "far_toe").accented("near_leg")


def walking_lunge_up() -> Figure:
    """Risen through the front foot, the back leg passing forward to start the next stride."""
    f = bases.standing().aim(far_thigh=-52.0, far_shin=-100.0, far_foot=-25.0)
    f = f.aim(near_upper_arm=-50.0, near_forearm=30.0, far_upper_arm=-130.0, far_forearm=-70.0)
    return _on_one_leg(f, "near").accented("near_leg")


def standing_side_bend() -> Figure:
    """Seen from the front: feet together, hips pushed to the right, left hand on the hip,
    right arm reaching overhead as the upper body arches to the left: the right side lengthens."""
    f = bases.standing("front")
    x = f.point("hips")[0]
    f = f.replace(pelvis=84.0).set(waist=14.0, neck=7.0).shift(dx=0.03, dy=-0.02)
    f = f.plant_foot("near", x + 0.02).plant_foot("far", x - 0.02, direction=180.0)
    f = f.aim(near_upper_arm=100.0, near_forearm=62.0)
    waist = f.point("waist")
    f = f.reach("far_arm", (waist[0] - 0.15, waist[1] - 0.11), flip=True).aim(far_hand=-60.0)
    return f.rests("floor", "near_foot", "far_foot").accented("near_arm")


def bent_knee_soleus() -> Figure:
    """Palms on the wall, right foot back with the heel down and the right knee bent, left knee bent:
    the wall calf stretch with a shorter step and the hips lower."""
    return wall_calf_stretch(lean=74.0, hips=0.78, back=0.18, reach=0.5)


def ball_roll(along: float) -> Figure:
    """Standing on the left leg, hands on the hips, the right arch rolling over a small ball.
    The right foot is set a step ahead of the left, so the ball shows in front of
    the standing foot rather than hidden behind it.
    """
    radius = 0.045
    f = _hands_on_hips(bases.standing())
    f = _on_one_leg(f, "far")
    ankle = f.point("far_ankle")
    ball_x = ankle[0] + 0.3
    sole = body.RADII["foot"][0]
    f = f.reach("near_leg", (ball_x - along, 2 * radius + sole + 0.04)).aim(near_foot=0.0)
    return f.with_props(Ball(ball_x, radius=radius, layer="front")).rests("ball", "near_foot").accented("near_leg")


def toe_squat() -> Figure:
    """Kneeling with the toes tucked under, sitting back toward the heels, hands on the
    thighs. The seat stays well above the heels so the upturned heels and the
    tucked toes show behind it instead of hiding under the seat, and the right leg is
    accented so the foot standing on its toes catches the eye: plain kneeling on the
    heels (or Child's Pose) has the feet flat."""
    f = bases.kneeling().aim(pelvis=84.0, thigh=-40.0, shin=172.0, foot=-104.0)
    f = rest_part_on_floor(f, "near_knee")
    f = f.touch("near_toe", "near_ankle", -178.0, -20.0)
    f = f.touch("far_toe", "far_ankle", -178.0, -20.0)
    hip, knee = f.point("near_hip"), f.point("near_knee")
    rest = ((hip[0] + knee[0]) / 2 + 0.04, hip[1] + 0.06)
    f = f.reach("near_arm", rest).reach("far_arm", rest).aim(hand=-15.0)
    return f.rests("floor", "near_knee", "far_knee", "near_toe", "far_toe").accented("near_leg")


def step_heel_drop(tilt: float = 22.0) -> Figure:
    """On a stair: the ball of the right foot on the step's edge, that heel sunk `tilt`
    degrees below it with the leg long; the left foot flat on the step, knee soft, the
    trunk leaning a little forward so the weight stays over the step."""
    step = StairStep(edge=0.0)
    r_heel, r_ball = body.RADII["foot"]
    along, sole = direction(tilt), direction(tilt - 90.0)
    ball = add((step.edge, step.height), sole, -r_ball)  # the ball's underside on the corner
    heel = add(ball, along, -0.7 * body.FOOT)
    ankle = add(add(heel, along, body.HEEL_BACK), sole, r_heel - body.ANKLE_HEIGHT)
    ahead, leg = 0.06, body.THIGH + body.SHIN - 0.0015  # hips a little ahead, knee all but straight
    f = bases.standing().aim(pelvis=82.0, chest=80.0, neck=86.0, head=90.0)
    f = f.replace(x=ankle[0] + ahead, y=ankle[1] + (leg**2 - ahead**2) ** 0.5)
    f = f.reach("near_leg", ankle).aim(near_foot=tilt)
    f = f.reach("far_leg", (step.edge + 0.11, step.height + body.ANKLE_HEIGHT)).aim(far_foot=0.0)
    f = f.with_props(step).rests("step", "near_ball", on="edge")
    return f.rests("step", "far_foot").accented("near_leg")


def calf_pedal(bent: Depth) -> Figure:
    """Down dog with one knee bent and that heel lifted while the other heel presses down."""
    f = downward_dog().replace(contacts=())
    ankle = f.point(f"{bent}_ankle")
    f = f.reach("near_leg" if bent == "near" else "far_leg", (ankle[0] + 0.06, ankle[1] + 0.09))
    f = f.aim(**{f"{bent}_foot": -45.0})
    straight = _other(bent)
    f = f.rests("floor", "near_hand", "far_hand", f"{straight}_foot")
    return f.accented("near_leg" if bent == "far" else "far_leg")


def calf_roll(along: float) -> Figure:
    """Sitting, leaning back on the hands, right calf on a roller, left knee bent with the foot down.

    The straight right leg is lowered until its calf just rests on a 15 cm roller that
    sits `along` metres past the knee."""
    radius = 0.075
    f = bases.seated().aim(pelvis=122.0, chest=110.0, neck=98.0, head=92.0, upper_arm=-100.0)
    f = f.aim(far_thigh=45.0, far_shin=-60.0, far_foot=0.0).ground()
    centre = (f.point("near_hip")[0] + body.THIGH + along, radius)

    def gap(angle: float) -> float:
        g = f.aim(near_thigh=angle, near_shin=angle, near_foot=angle + 80.0)
        (a, ra), (b, rb) = circles(g.solve(), "near_shin")
        return segment_gap(centre, radius, a, ra, b, rb)

    low, high = -10.0, 30.0
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if gap(middle) < 0 else (low, middle)
    f = f.aim(near_thigh=high, near_shin=high, near_foot=high + 80.0)
    f = f.plant_foot("far", f.point("far_knee")[0] + 0.05)
    f = f.plant_hand("both", f.arm_floor_x(toward=-1.0, bend=0.97), direction=192.0)
    f = f.with_props(FoamRoller(centre[0], radius, layer="front")).rests("roller", "near_shin")
    return f.rests("floor", "seat", "far_foot", "near_hand", "far_hand").accented("near_leg")


def thomas_check(bench: float = 0.45) -> Figure:
    """On the back along a firm bench, the seat at its very edge, the left knee hugged
    to the chest with both hands; the right leg hangs over the edge, knee bent, foot
    down on the floor: we watch whether the right thigh stays raised. The bench (a
    box `bench` m high) is what tells the test from the knee hug on the floor."""
    f = knee_to_chest(hugged="far").replace(contacts=()).shift(dy=bench)
    hip = f.point("near_hip")
    f = f.aim(near_thigh=-18.0, near_shin=-80.0, near_foot=0.0)
    f = f.plant_foot("near", f.point("near_knee")[0] + 0.03)
    left = f.solve().bounds()[0] - 0.06
    right = hip[0] + 0.07
    f = f.with_props(YogaBlock((left + right) / 2, 0.0, right - left, bench))
    f = f.rests("block", "hips", "head").rests("body", "near_hand", "far_hand", on="far_shin")
    return f.rests("floor", "near_foot").accented("near_leg")


def it_band_roll() -> Figure:
    """On the left side, propped on the left forearm, the left leg long: the outside of
    the left thigh rests on a roller, the left heel on the floor, the right foot
    planted on the floor in front of the left knee."""

    def posed(angle: float) -> Figure:
        f = Figure(view="front", pelvis=176.0).aim(chest=158.0, neck=165.0, head=172.0)
        f = f.aim(near_thigh=angle - 9.0, near_shin=angle - 9.0, far_thigh=angle, far_shin=angle, foot=0.0)
        f = f.aim(far_upper_arm=-95.0, far_forearm=178.0, far_hand=178.0)
        return f.aim(near_upper_arm=-60.0, near_forearm=-20.0).ground()

    def heel_minus_elbow(f: Figure) -> float:
        (heel, r_heel), = circles(f.solve(), "far_heel")
        (elbow, r_elbow), = circles(f.solve(), "far_elbow")
        return (heel[1] - r_heel) - (elbow[1] - r_elbow)

    low, high = -40.0, 0.0  # tilt the legs until the heel and the elbow both reach the floor
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if heel_minus_elbow(posed(middle)) < 0 else (low, middle)
    f = posed(high)
    (a, ra), (b, rb) = circles(f.solve(), "far_thigh")
    x = a[0] + (b[0] - a[0]) * 0.6
    small, big = 0.0, 0.5  # the roller that exactly fills the gap under the thigh
    for _ in range(40):
        radius = (small + big) / 2
        small, big = (radius, big) if segment_gap((x, radius), radius, a, ra, b, rb) > 0 else (small, radius)
    f = f.with_props(FoamRoller(x, small)).rests("roller", "far_thigh")
    # The top leg crosses in front, knee up, its foot planted on the floor before the
    # lower knee: the side-lying outline no prone roll (quads, hip) has.
    knee = f.point("far_knee")
    foot_at = (knee[0] - 0.02, body.ANKLE_HEIGHT)
    f = f.reach("near_leg", foot_at).aim(near_foot=0.0)
    hip, top_knee = f.point("near_hip"), f.point("near_knee")
    f = f.reach("near_arm", (hip[0] + (top_knee[0] - hip[0]) * 0.15, hip[1] + (top_knee[1] - hip[1]) * 0.15 + 0.03))
    f = f.rests("body", "near_hand", on="near_thigh")
    return f.rests("floor", "far_elbow", "far_heel", "near_foot").accented("far_leg")


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
    "leg-swings-front-back": lambda: moving(
        leg_swing(-55.0, 25.0), leg_swing(-112.0, -10.0), still=0,
        cue=MotionCue(("near_leg",), "near_ankle", offset=-0.12),
    ),
    "leg-swings-side-to-side": lambda: moving(
        leg_swing_across(30.0), leg_swing_across(-20.0), still=0,
        cue=MotionCue(("near_leg",), "near_ankle", offset=-0.12),
    ),
    "high-knees": lambda: moving(
        _jog_stance(), high_knee("near"), _jog_stance(), high_knee("far"), still=1,
        cue=MotionCue(("near_leg",), "near_ankle", ghost=0, offset=0.15),
    ),
    "butt-kicks": lambda: moving(
        _jog_stance(), butt_kick("near"), _jog_stance(), butt_kick("far"), still=1,
        cue=MotionCue(("near_leg",), "near_ankle", ghost=0, offset=0.1),
    ),
    "hip-circles": lambda: moving(
        hip_circle(16.0), hip_circle(-16.0), still=0,
        cue=MotionCue(("torso",), "hips", path="circle", size=0.27, flatten=0.35),
    ),
    "ankle-circles": lambda: moving(
        ankle_circle(-45.0), ankle_circle(15.0), still=0,
        cue=MotionCue((), "near_toe", path="circle", size=0.12, flatten=0.75),
    ),
    "walking-lunges": lambda: moving(
        walking_lunge_up(), walking_lunge_down(), still=1,
        cue=MotionCue((), "head", path="heading", size=0.45, offset=0.25),
    ),
    "standing-side-bend": lambda: hold(standing_side_bend()),
    "bent-knee-soleus-stretch": lambda: hold(bent_knee_soleus()),
    "step-heel-drop": lambda: hold(step_heel_drop()),
    "toe-squat": lambda: hold(toe_squat()),
    "down-dog-calf-pedal": lambda: moving(calf_pedal("far"), calf_pedal("near"), still=0),
    "plantar-fascia-ball-roll": lambda: moving(
        ball_roll(0.05), ball_roll(0.14), ball_roll(0.05), ball_roll(-0.03), still=0,
        cue=MotionCue((), "near_toe", path="glide", size=0.18, offset=0.07),
    ),
    "foam-roll-quads": lambda: moving(
        foam_roll(0.26, knee_out=True), foam_roll(0.36, knee_out=True), still=1,
        cue=MotionCue((), "near_knee", path="glide", size=0.3, offset=0.17),
    ),
    "foam-roll-calves": lambda: moving(calf_roll(0.06), calf_roll(0.22), still=0),
    "thomas-test-hip-flexor-check": lambda: hold(thomas_check()),
    "foam-roll-it-band": lambda: hold(it_band_roll()),
}
