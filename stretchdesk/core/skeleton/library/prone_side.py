"""Figures for poses lying face down or on one side (see library/__init__.py).

Prone poses use the usual side view: head to the right (pelvis 0), near = right.

Side-lying convention (`side_lying()`): a body on its side is drawn in the FRONT
view turned onto the floor, as if we stood at the mat looking at the person's
chest: pelvis 180 puts the head on the left, the left (far) side rests on the
mat and the right (near) limbs are on top, so near is still the working side
and the left-side version is the same drawing mirrored. Moves in the picture
plane (a top leg lifted, a clam opening) are drawn as they are. Moves toward
the back, which the viewer can't see face-on, are drawn tipped up as if seen
from a little above: a heel drawn back to the buttock points up-and-back from
the knee. The bottom arm stretches overhead as a pillow for the head. A figure
may show its face (facing="us"): a face looking at us on a body along the floor
line is what tells lying on the side from lying on the back.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.body import Depth, Limb, wrap
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, hold, moving
from stretchdesk.core.skeleton.kinematics import foot_points
from stretchdesk.core.skeleton.motion import MotionCue
from stretchdesk.core.skeleton.props import FoamRoller, Sliders
from stretchdesk.core.skeleton.resting import rest_on

LEGS_DOWN = ("near_knee", "far_knee", "near_toe", "far_toe")


def sphinx() -> Figure:
    """Face down, elbows under the shoulders, forearms on the mat, chest lifted."""
    f = bases.prone().set(neck=-40.0, head=-25.0)
    forearms = {"upper_arm": -90.0, "forearm": 0.0, "hand": 0.0}
    f = f.touch("near_elbow", "waist", -60.0, 0.0, aim=forearms)
    return f.rests("floor", "hips", *LEGS_DOWN, "near_elbow", "far_elbow")


def side_lying(tilt: float = 6.0) -> Figure:
    """Lying on the left side (see bases.side_lying)."""
    return bases.side_lying(tilt)


def _heel_to_buttock(f: Figure, thigh: float, shin: float) -> Figure:
    """Fold the top knee so the heel goes back toward the buttock, and hold the ankle.

    The fold turns the shin up over the thigh (counter-clockwise), which the
    front view stores as a negative knee angle: set it directly, because set()
    and aim() would wrap it into the side view's range.
    """
    f = f.aim(near_thigh=thigh)
    f = f.replace(near_knee=wrap(thigh - shin)).aim(near_foot=shin - 80.0).ground()
    ankle = f.point("near_ankle")
    return f.reach("near_arm", (ankle[0] - 0.03, ankle[1] + 0.04)).aim(near_hand=-30.0)


def side_lying_quad() -> Figure:
    """On the left side, legs long and stacked: the top heel drawn back to the buttock,
    hand on the ankle. The face looks at us: lying on the side, not on the back."""
    f = _heel_to_buttock(side_lying().replace(facing="us"), 4.0, 150.0)
    return f.rests("body", "near_hand", on="near_ankle").accented("near_leg")


def origami() -> Figure:
    """On the left side, folded: the bottom knee drawn up to the chest, the top heel
    drawn back to the buttock by the top hand, the face toward us.

    The side-lying quad stretch's picture with the long bottom leg folded up: the
    tucked thigh comes toward us and toward the head, so it is drawn across the belly
    in front of the torso, its knee at the chest and the shin folded back under it.
    That fold, which the side-lying quad's long stacked legs never show, is the
    picture's point; the bottom hip and the elbow under the head rest on the mat.
    """
    f = side_lying(tilt=14.0).replace(contacts=(), facing="us")
    f = f.aim(far_thigh=155.0, far_shin=-16.0, far_foot=-16.0, far_upper_arm=197.0, far_forearm=178.0)
    f = _heel_to_buttock(rest_on(f, "far_leg", "far_arm", "torso"), 4.0, 150.0)
    f = f.rests("body", "near_hand", on="near_ankle")
    f = f.rests("floor", "far_elbow", "far_hip").accented("near_leg")
    return f.drawn_in_front("far_leg")


def rotating_stomach() -> Figure:
    """Hips and feet down, the chest pressed up on the straight left arm; the right elbow
    bent back along the ribs over an upright forearm, so the right shoulder drops; the
    head turned to look back over the raised left shoulder.

    One arm straight and one folded like a push-up's tells the twist from a sphinx (both
    forearms down). The folded arm's upper arm runs back level from the dropped shoulder:
    an elbow bent back low along the mat read as a leg folded under (Pigeon). The
    head's profile faces back (looking_back): a face tipped up to the ceiling read as
    looking up, a sphinx's or cobra's gaze."""
    f = bases.prone().twisted(-62.0).replace(pelvis=16.0).set(waist=-40.0, neck=-20.0, head=-20.0)
    f = f.aim(thigh=184.0, shin=180.0, foot=178.0, upper_arm=0.0, forearm=0.0)
    f = rest_on(f, "near_leg", "far_leg", "torso")
    f = f.plant_hand("far", f.arm_floor_x("far", bend=0.995))
    f = f.touch("near_wrist", "near_shoulder", -75.0, -20.0, aim={"near_forearm": -90.0, "near_hand": 0.0})
    return f.rests("floor", "hips", "near_hand", "far_hand").accented("near_arm").looking_back()


def _plant_toes(f: Figure, side: Depth, x: float, foot: float) -> Figure:
    """IK: put the toes of a foot pointing along `foot` on the floor at x."""
    _, toe = foot_points((0.0, 0.0), foot, 1.0, "side")
    lift = body.RADII["foot"][1] - toe[1]
    limb: Limb = "near_leg" if side == "near" else "far_leg"
    return f.reach(limb, (x - toe[0], lift)).aim(**{f"{side}_foot": foot})


def _push_up(torso: float = 9.0) -> Figure:
    """Push-up position on the toes: the legs slope until straight arms stand on the
    floor under the shoulders. `torso` tilts the back up toward the head; a few
    degrees keep the hips high enough for a knee to swing under them."""

    def posed(legs: float) -> Figure:
        f = Figure(pelvis=torso).aim(chest=torso, neck=torso + 4.0, head=torso + 12.0)
        f = f.aim(thigh=180.0 + legs, shin=180.0 + legs, foot=legs - 115.0)
        return f.aim(upper_arm=0.0, forearm=0.0, hand=0.0).ground()

    arm = (body.UPPER_ARM + body.FOREARM) * 0.995 + body.RADII["hand"][0]
    low, high = torso, 60.0
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if posed(middle).point("near_shoulder")[1] < arm else (low, middle)
    f = posed(low)
    return f.plant_hand("both", f.point("near_shoulder")[0])


def mountain_climber(near: float, far: float) -> Figure:
    """Push-up position with each foot slid in by a fraction (0 = leg long, 1 = toes
    under the hips, knee under the chest); the toes stay on their sliders."""
    f = _push_up()
    hips, toes = f.point("hips")[0], f.point("near_toe")[0]
    drawn_in: tuple[tuple[Depth, float], ...] = (("near", near), ("far", far))
    for side, amount in drawn_in:
        if amount > 0:
            f = _plant_toes(f, side, toes + (hips - 0.08 - toes) * amount, -95.0 + 40.0 * amount)
    f = f.with_props(Sliders(width=0.2, thickness=0.04))  # big enough to see at card size
    return f.rests("floor", "near_hand", "far_hand", "near_toe", "far_toe")


def _mountain_climbers() -> PoseFigure:
    """Knees drive in turn. Every keyframe plants the toes, and the steps are small,
    so the blended frames between them keep the hands and toes on the floor."""
    steps = (1.0, 0.66, 0.33, 0.0)
    near = [mountain_climber(a, 0.0) for a in steps]
    far = [mountain_climber(0.0, a) for a in reversed(steps)]
    cycle = [*near, *far[1:], *far[-2:0:-1], *near[-1:0:-1]]
    # An arrow along the floor where the right foot slides in and out on its slider:
    # a drill on sliders, not the held front leg of a low lunge.
    cue = MotionCue((), "near_toe", ghost=3, offset=-0.07)
    return moving(*(f.accented("near_leg") for f in cycle), cue=cue)


def _roller_radius(f: Figure, x: float) -> float:
    """Radius of a roller standing at x that just touches the underside of the near thigh."""
    sk = f.solve()
    (hx, hy), (kx, ky) = sk.points["near_hip"], sk.points["near_knee"]
    r_hip, r_knee = body.RADII["thigh"]

    def gap(radius: float) -> float:
        t = ((x - hx) * (kx - hx) + (radius - hy) * (ky - hy)) / ((kx - hx) ** 2 + (ky - hy) ** 2)
        t = min(1.0, max(0.0, t))
        px, py = hx + (kx - hx) * t, hy + (ky - hy) * t
        return math.hypot(x - px, radius - py) - (r_hip + (r_knee - r_hip) * t) - radius

    low, high = 0.0, hy
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if gap(middle) > 0 else (low, middle)
    return low


@functools.lru_cache(maxsize=128)
def _on_forearms_hips_at(height: float) -> Figure:
    """foam_roll's body with the hips at `height`; kept, as the four roller frames'
    searches for the height try many of the same ones."""
    f = bases.prone().replace(pelvis=8.0, y=height).set(neck=-25.0, head=-15.0)
    forearms = {"upper_arm": -90.0, "forearm": 0.0, "hand": 0.0}
    f = f.aim(far_shin=180.0, far_foot=178.0, near_foot=-100.0)
    f = f.touch("near_elbow", "waist", -45.0, 60.0, aim=forearms)
    f = f.touch("far_knee", "far_hip", -50.0, 40.0, aim={"far_shin": 180.0, "far_foot": 178.0})
    return f.touch("near_toe", "near_hip", -50.0, 20.0, aim={"near_foot": -100.0})


def foam_roll(along: float, knee_out: bool = False) -> Figure:
    """On the forearms, right thigh resting on a roller `along` metres below the hip.

    The hips are raised until a 15 cm roller exactly fills the gap under the thigh,
    with the elbows, the left knee and the right toes on the floor. `knee_out` bends
    the left knee out to the side (the quads roll): the thigh, pointing away from
    us, shows a little short and its knee lands well ahead of the hips, under the
    chest, where it shows between the elbows and the roller.
    """
    low, high = 0.15, 0.35
    for _ in range(16):  # 0.2 m / 2**16: a few micrometres
        middle = (low + high) / 2
        below = _roller_radius(_on_forearms_hips_at(middle), -along) < 0.075
        low, high = (middle, high) if below else (low, middle)
    f = _on_forearms_hips_at(low)
    if knee_out:
        f = f.foreshortened(far_thigh=0.9, far_shin=0.9)
        f = f.touch("far_knee", "far_hip", 150.0, 90.0, aim={"far_shin": 180.0, "far_foot": 178.0})
    # The roller stays put and the body rolls over it; its end is nearer to us than the
    # left leg, so it is drawn in front (it only touches the right thigh).
    roller = FoamRoller(0.0, _roller_radius(f, -along), layer="front")
    f = f.shift(dx=along).with_props(roller).rests("roller", "near_thigh")
    return f.rests("floor", "near_elbow", "far_elbow", "far_knee", "near_toe").accented("near_leg")


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
    "sphinx-with-pelvic-tilt": lambda: hold(sphinx()),
    "rotating-stomach-stretch": lambda: hold(rotating_stomach()),
    "floor-sliding-mountain-climbers": lambda: _mountain_climbers(),
    "hip-foam-rolling": lambda: moving(
        foam_roll(0.02), foam_roll(0.07),
        cue=MotionCue((), "hips", path="glide", size=0.14, offset=0.24),
    ),
    "origami-stretch": lambda: hold(origami()),
    "side-lying-quad-stretch": lambda: hold(side_lying_quad()),
}
