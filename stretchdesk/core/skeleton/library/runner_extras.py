"""Figures for the runner essentials of issue 16: the standing side bend, calves and feet,
foam rolling and the Thomas test (the pre-run dynamic set is in prerun_dynamic.py; see the
authoring guide in library/__init__.py and docs/figures.md).

They live apart from the per-position modules so the generator work merges without
touching them; each still follows the same rules: right side drawn, contacts declared.
"""

from __future__ import annotations

from collections.abc import Callable

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.body import Depth
from stretchdesk.core.skeleton.contacts import _segment_gap as segment_gap
from stretchdesk.core.skeleton.contacts import circles
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, hold, moving
from stretchdesk.core.skeleton.kinematics import add, direction
from stretchdesk.core.skeleton.library.all_fours import downward_dog
from stretchdesk.core.skeleton.library.prone_side import foam_roll
from stretchdesk.core.skeleton.library.stances import hands_on_hips, on_one_leg, other_side
from stretchdesk.core.skeleton.library.standing import wall_calf_stretch
from stretchdesk.core.skeleton.library.supine import knee_to_chest
from stretchdesk.core.skeleton.motion import MotionCue
from stretchdesk.core.skeleton.props import Ball, FoamRoller, StairStep, YogaBlock
from stretchdesk.core.skeleton.resting import rest_part_on_floor


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
    f = hands_on_hips(bases.standing())
    f = on_one_leg(f, "far")
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
    straight = other_side(bent)
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


def it_band_roll(at: float, radius: float = 0.085) -> Figure:
    """On the left side, propped on the left elbow, the right hand on the right hip, legs
    long and stacked: the outside of the left thigh rests on a roller `at` of the way
    from hip to knee, the left foot on the floor.

    The elbow stands under the shoulder with the forearm flat toward us (drawn short),
    and the body runs in one straight line from shoulder to feet: the side-plank
    outline with the top elbow pointing at the ceiling and the face toward us, which
    no face-down roll (quads, hip) has. The legs tilt until a roller of `radius`
    exactly fills the gap under the thigh there, the trunk leans until the elbow is
    down; the roller stands at x = 0, so keyframes slide the body over it.
    """

    def posed(angle: float, chest: float) -> Figure:
        f = Figure(view="front", pelvis=176.0, facing="us").aim(chest=chest, neck=165.0, head=172.0)
        f = f.aim(near_thigh=angle, near_shin=angle, far_thigh=angle, far_shin=angle, foot=0.0)
        f = f.foreshortened(far_forearm=0.4).aim(far_upper_arm=-88.0, far_forearm=182.0, far_hand=182.0)
        f = f.aim(near_upper_arm=-60.0, near_forearm=-20.0)
        return f.shift(dy=-f.solve().underside("far_heel")[1])

    def on_elbow(angle: float) -> Figure:
        upright, flat = 140.0, 190.0  # lean the trunk until the elbow is on the floor
        for _ in range(12):
            middle = (upright + flat) / 2
            low = posed(angle, middle).solve().underside("far_elbow")[1] < 0
            upright, flat = (upright, middle) if low else (middle, flat)
        return posed(angle, (upright + flat) / 2)

    def gap_under(f: Figure) -> tuple[float, float]:
        """Where the roller stands along x, and the radius that exactly fills the gap there."""
        (a, ra), (b, rb) = circles(f.solve(), "far_thigh")
        x = a[0] + (b[0] - a[0]) * at
        small, big = 0.0, 0.5
        for _ in range(30):
            middle = (small + big) / 2
            small, big = (middle, big) if segment_gap((x, middle), middle, a, ra, b, rb) > 0 else (small, middle)
        return x, small

    steep, flat = -40.0, 0.0  # steeper legs lift the hips and widen the gap
    for _ in range(14):
        middle = (steep + flat) / 2
        steep, flat = (steep, middle) if gap_under(on_elbow(middle))[1] < radius else (middle, flat)
    f = on_elbow((steep + flat) / 2)
    x, small = gap_under(f)
    f = f.shift(dx=-x)
    x = 0.0
    f = f.with_props(FoamRoller(x, small)).rests("roller", "far_thigh")
    # The top leg lies on the bottom one, its ankle on the lower shin just above the ankle.
    (knee, _), (ankle, r_shin) = circles(f.solve(), "far_shin")
    (_, r_top), = circles(f.solve(), "near_ankle")
    length = ((knee[0] - ankle[0]) ** 2 + (knee[1] - ankle[1]) ** 2) ** 0.5
    along = ((knee[0] - ankle[0]) / length, (knee[1] - ankle[1]) / length)
    up = (along[1], -along[0])  # the shin runs up-left from the ankle: its upper side
    rest = add(add(ankle, along, 0.07), up, r_shin + r_top)
    f = f.reach("near_leg", rest).aim(near_foot=0.0)
    f = f.rests("body", "near_ankle", on="far_shin")
    hip = f.point("near_hip")
    f = f.reach("near_arm", (hip[0] - 0.02, hip[1] + 0.07), flip=True).aim(near_hand=0.0)
    f = f.rests("body", "near_hand", on="near_thigh")
    return f.rests("floor", "far_elbow", "far_heel").accented("far_leg")


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
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
        foam_roll(0.14, knee_out=True), foam_roll(0.36, knee_out=True), still=1,
        cue=MotionCue((), "near_knee", path="glide", size=0.34, offset=0.15, heading=10.0, ahead=0.19),
    ),
    "foam-roll-calves": lambda: moving(
        calf_roll(0.06), calf_roll(0.22), still=0,
        cue=MotionCue((), "near_knee", path="glide", size=0.26, offset=0.13, ahead=0.2),
    ),
    "thomas-test-hip-flexor-check": lambda: hold(thomas_check()),
    "foam-roll-it-band": lambda: moving(
        it_band_roll(0.35), it_band_roll(0.75), still=1,
        cue=MotionCue((), "far_knee", path="glide", size=0.3, offset=-0.34, heading=162.0, ahead=0.0),
    ),
}
