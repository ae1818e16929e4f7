"""Figures for poses on hands and knees (see library/__init__.py)."""

from __future__ import annotations

import math
from collections.abc import Callable

from stretchdesk.core.skeleton import bases, body
from stretchdesk.core.skeleton.body import Limb
from stretchdesk.core.skeleton.figure import Figure, PoseFigure, hold, moving
from stretchdesk.core.skeleton.kinematics import Vec, add, direction
from stretchdesk.core.skeleton.motion import MotionCue
from stretchdesk.core.skeleton.props import Band
from stretchdesk.core.skeleton.resting import SHIN_TAPER, on_plan_mat, rest_on

HANDS = ("near_hand", "far_hand")
TABLE = (*HANDS, "near_knee", "far_knee", "near_shin", "far_shin", "near_toe", "far_toe")

ARM = body.UPPER_ARM + body.FOREARM
# Hands and knees seen from the head end: the torso and shins point at the viewer.
END_ON = {"pelvis": 0.2, "chest": 0.25, "neck": 0.3, "head": 0.4, "shin": 0.12}


def _spine(pelvis: float, neck: float, head: float) -> Figure:
    """All fours with the pelvis tilted; the waist bends until straight arms reach the floor."""
    table = bases.all_fours().replace(pelvis=pelvis).set(neck=neck, head=head)
    straight = {"thigh": -90.0, "upper_arm": -90.0, "forearm": -88.0, "hand": 0.0}
    return table.touch("near_wrist", "waist", -60.0, 70.0, aim=straight).rests("floor", *TABLE)


def cat() -> Figure:
    """Exhale: tailbone tucked, back rounded up, chin toward the chest."""
    return _spine(pelvis=40.0, neck=50.0, head=25.0)


def cow() -> Figure:
    """Inhale: belly sinks, tailbone and gaze lift."""
    return _spine(pelvis=-12.0, neck=-30.0, head=-15.0)


def downward_dog() -> Figure:
    """An upside-down V: straight arms in line with the back, heels reaching down."""
    f = Figure(pelvis=-50.0).aim(chest=-52.0, neck=-60.0, head=-62.0)
    f = f.aim(upper_arm=-52.0, forearm=-52.0, hand=0.0, thigh=-116.0, shin=-116.0, foot=0.0)
    f = f.ground()
    f = f.plant_hand("both", f.point("near_wrist")[0])
    f = f.plant_foot("both", f.point("near_ankle")[0] + 0.06)
    return f.rests("floor", *HANDS, "near_foot", "far_foot")


def _rest_on(f: Figure, *limbs: Limb) -> Figure:
    """Lift or drop the figure until the lowest of these limbs rests on the floor."""
    low = min(c.lowest() for c in f.solve().capsules if c.part in limbs)
    return f.shift(dy=-low)


def _heading(a: Vec, b: Vec) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def _upper_crossing(a: Vec, ra: float, b: Vec, rb: float) -> Vec:
    """The higher of the two points at distance ra from a and rb from b."""
    d = math.dist(a, b)
    along = (d * d + ra * ra - rb * rb) / (2 * d)
    up = math.sqrt(max(0.0, ra * ra - along * along))
    ux, uy = (b[0] - a[0]) / d, (b[1] - a[1]) / d
    mx, my = a[0] + ux * along, a[1] + uy * along
    first, second = (mx - uy * up, my + ux * up), (mx + uy * up, my - ux * up)
    return first if first[1] > second[1] else second


def _hips_to(start: Figure, hip: Vec, waist: float = 0.0) -> Figure:
    """Move the hips of a hands-and-knees figure: knees, shins and hands stay planted and
    the arms stay straight, so the torso tilts to follow (rocking, circling)."""
    dirs = start.solve().directions
    wrist = start.point("near_wrist")
    f = start.replace(x=hip[0], y=hip[1], waist=waist)
    to_shoulder = _heading(hip, f.point("near_shoulder")) - f.pelvis
    shoulder = _upper_crossing(hip, math.dist(hip, f.point("near_shoulder")), wrist, ARM * 0.999)
    f = f.replace(pelvis=_heading(hip, shoulder) - to_shoulder)
    for side in body.DEPTHS:
        f = f.aim(**{
            f"{side}_thigh": _heading(hip, start.point(f"{side}_knee")),
            f"{side}_shin": dirs[f"{side}_shin"],
            f"{side}_foot": dirs[f"{side}_foot"],
        })
    return f.plant_hand("both", wrist[0]).ground()


def three_legged_dog() -> Figure:
    """Down dog on the left toes, the straight right leg swept up in line with the back."""
    f = Figure(pelvis=-56.0).aim(chest=-58.0, neck=-66.0, head=-68.0)
    f = f.aim(upper_arm=-58.0, forearm=-58.0, hand=0.0)
    f = f.aim(near_thigh=130.0, near_shin=130.0).set(near_ankle=-60.0, far_knee=0.0)
    f = _rest_on(f, "near_arm", "far_arm")
    f = f.plant_hand("both", f.point("near_wrist")[0])
    f = f.touch("far_toe", "far_hip", 60.0, 150.0, aim={"far_foot": -55.0})
    return f.rests("floor", *HANDS, "far_toe").accented("near_leg")


def twisting_lizard() -> Figure:
    """Right foot forward outside the left hand, back knee lifted, right arm reaching up
    and back as the chest turns open to the right."""
    f = Figure(y=0.38, pelvis=34.0).twisted(55.0).aim(chest=10.0, neck=22.0, head=50.0)
    f = f.aim(near_upper_arm=110.0, near_forearm=106.0, near_hand=104.0)
    f = f.plant_foot("near", f.x + 0.58).set(far_knee=0.0)
    f = f.touch("far_toe", "far_hip", -40.0, 40.0, aim={"far_foot": -40.0})
    f = f.plant_hand("far", f.arm_floor_x("far", bend=0.98))
    return f.rests("floor", "far_hand", "near_foot", "far_toe").accented("near_leg")


def half_pigeon_variation() -> Figure:
    """Hands down, right knee forward with the heel tucked under the pelvis (the shin
    runs across toward the left hip, so it shows short), left leg slid straight back
    onto its toes: the hips stay lifted high off the mat, unlike Pigeon's sunk hips."""
    f = Figure(pelvis=25.0).aim(chest=20.0, upper_arm=-70.0).foreshortened(near_shin=0.8)
    f = f.aim(near_thigh=-45.0, near_shin=-178.0, near_foot=-178.0)
    f = _rest_on(f.aim(far_thigh=150.0), "near_leg").set(far_knee=0.0)
    f = f.touch("far_toe", "far_hip", -120.0, 90.0, aim={"far_foot": -40.0})
    arms = {"upper_arm": -84.0, "forearm": -82.0, "hand": 0.0, "neck": 30.0, "head": 20.0}
    f = f.touch("near_wrist", "waist", -30.0, 75.0, aim=arms)
    return f.rests("floor", *HANDS, "near_knee", "near_shin", "far_toe").accented("near_leg")


def _rock_forward() -> Figure:
    """Table top with the right ankle crossed over the back of the left calf."""
    f = bases.all_fours().aim(near_shin=166.0, near_foot=168.0)
    return f.rests("floor", *HANDS, "near_knee", "far_knee", "far_shin", "far_toe").accented("near_leg")


def _rock_back() -> Figure:
    """Hips sat back toward the left heel, arms long, hands where they were."""
    start = _rock_forward()
    f = _hips_to(start, add(start.point("far_knee"), direction(-28.0), -body.THIGH))
    return f.aim(near_shin=168.0, near_foot=170.0).set(neck=10.0, head=5.0)


def _capsule_table() -> Figure:
    """Table top, right knee a little ahead of the left, a band from a low anchor behind
    pulling the top of the right thigh back."""
    f = bases.all_fours().aim(near_thigh=-84.0, near_shin=180.0 + SHIN_TAPER).ground()
    anchor = (f.point("far_toe")[0] - 0.35, 0.06)
    f = f.with_props(Band("near_hip", anchor)).rests("strap", "near_hip")
    return f.rests("floor", *TABLE).accented("near_leg")


def _capsule_circle(thigh: float, waist: float) -> Figure:
    """One point of a slow hip circle: the hips swing about the knees, the back follows."""
    start = _capsule_table()
    return _hips_to(start, add(start.point("far_knee"), direction(thigh), -body.THIGH), waist)


def _from_front() -> Figure:
    """Table top seen from the head end: arms and thighs straight down, hands turned out.
    The face looks at us (a plain head on a chest seen end on read as one shape), and
    the chest, nearer to us than the hips, hides the tops of the thighs."""
    f = Figure(view="front", facing="us").foreshortened(**END_ON).drawn_behind("near_leg")
    f = f.aim(thigh=-90.0, shin=100.0, foot=100.0, upper_arm=-90.0, forearm=-90.0, hand=-10.0)
    f = rest_on(f, "near_leg", "far_leg")
    f = f.plant_hand("near", f.point("near_shoulder")[0] + 0.02, -10.0)
    f = f.plant_hand("far", f.point("far_shoulder")[0] - 0.02, 190.0)
    return f.rests("floor", *HANDS, "near_knee", "far_knee")


SWAY = 0.15  # m the hips glide to each side
SHOULDERS_FOLLOW = 0.4  # share of the glide the shoulders go along with over the planted hands


def _sink_to_reach(limbs: list[tuple[Vec, Vec, float]]) -> float:
    """How far the body must sink so every straight limb, (root, planted end, length),
    still reaches its planted end."""
    drop = 0.0
    for root, end, length in limbs:
        across = abs(root[0] - end[0])
        drop = max(drop, root[1] - end[1] - math.sqrt(length * length - across * across))
    return drop


def _straight_to(f: Figure, side: str, root: str, bones: tuple[str, ...], end: Vec, length: float) -> Figure:
    """Aim a limb straight from its root joint at a planted end, drawn as short as the gap
    (a limb leaning toward or away from us)."""
    start = f.point(f"{side}_{root}")
    f = f.foreshortened(**{f"{side}_{bone}": min(1.0, math.dist(start, end) / length) for bone in bones})
    return f.aim(**{f"{side}_{bone}": _heading(start, end) for bone in bones})


def _hips_shifted(shift: float) -> Figure:
    """Table top seen from the head end, the hips glided `shift` m toward the near side
    (the screen's right), the shoulders going along a little less than half as far.
    Hands and knees stay put, so the arms and the thighs lean toward the glide (the
    thighs seen a little short: they lean toward or away from us too) and the hips sink
    a little. The back, seen end on, is the short trunk leaning from hips to shoulders."""
    base = _from_front()
    sk = base.solve()
    dirs = sk.directions
    centre = sk.points["hips"]
    (near_x, level), far_x = sk.points["near_shoulder"], sk.points["far_shoulder"][0]
    seen = dict(base.foreshorten)
    trunk = seen["pelvis"] * body.PELVIS + seen["chest"] * (body.CHEST - body.SHOULDER_DROP)
    hips = (centre[0] + shift, centre[1])
    top = ((near_x + far_x) / 2 + shift * SHOULDERS_FOLLOW, level)
    lean, along = _heading(hips, top), math.dist(hips, top) / trunk
    f = base.replace(x=hips[0]).foreshortened(pelvis=seen["pelvis"] * along, chest=seen["chest"] * along)
    f = f.aim(pelvis=lean, chest=lean, neck=90.0, head=90.0)
    knees = {side: sk.points[f"{side}_knee"] for side in body.DEPTHS}
    wrists = {side: sk.points[f"{side}_wrist"] for side in body.DEPTHS}
    limbs = [(f.point(f"{side}_hip"), knees[side], body.THIGH) for side in body.DEPTHS]
    limbs += [(f.point(f"{side}_shoulder"), wrists[side], ARM) for side in body.DEPTHS]
    f = f.shift(dy=-_sink_to_reach(limbs))
    for side in body.DEPTHS:
        f = _straight_to(f, side, "hip", ("thigh",), knees[side], body.THIGH)
        f = _straight_to(f, side, "shoulder", ("upper_arm", "forearm"), wrists[side], ARM)
        f = f.aim(**{f"{side}_hand": dirs[f"{side}_hand"]})
    return f


def _hips_shifting() -> PoseFigure:
    """From the centre, glide to the right and pause, back through the centre to the left
    and pause, in half steps (the straight arms are drawn short as they lean, which a
    blend of two far-apart glides doesn't keep: the hands would lift). The card shows
    the right end with the left end as its ghost and a two-way arrow under the hips,
    seen from the head end like Fire Hydrants: from above, a body on hands and knees
    read as lying face down."""
    steps = [_hips_shifted(SWAY * step) for step in (0.0, 0.5, 1.0, 1.0, 0.5, 0.0, -0.5, -1.0, -1.0, -0.5)]
    cue = MotionCue(("torso", "near_leg", "far_leg"), "hips", ghost=7, path="glide", size=0.5, offset=-0.22)
    return moving(*steps, still=2, cue=cue)


def fire_hydrant_up() -> Figure:
    """Right knee lifted out to the side to hip height, knee still bent at 90 degrees."""
    f = _from_front().aim(near_thigh=4.0, near_shin=-90.0, near_foot=-60.0)
    return f.replace(contacts=()).rests("floor", *HANDS, "far_knee").accented("near_leg")


def frog() -> Figure:
    """Seen from the ceiling, head left, on a mat seen from above: knees slid wide to
    either side of the hips, shins lying back parallel to the spine, feet turned out,
    chest and hips sunk low onto the forearms.

    From the head end the wide knees and the feet behind them overlap and the pose
    reads as a wide child's pose; from above the legs draw the frog's square."""
    f = Figure(view="front", pelvis=180.0, facing="down").aim(chest=180.0, neck=180.0, head=180.0)
    f = f.foreshortened(thigh=0.9, upper_arm=0.35)
    f = f.aim(near_thigh=88.0, far_thigh=-88.0, near_shin=2.0, far_shin=-2.0)
    f = f.aim(near_foot=80.0, far_foot=-80.0)
    f = f.aim(near_upper_arm=125.0, far_upper_arm=-125.0, near_forearm=176.0, far_forearm=184.0)
    f = f.aim(near_hand=180.0, far_hand=180.0)
    f = on_plan_mat(f)
    return f.rests("floor", "near_knee", "far_knee", "near_shin", "far_shin", "near_forearm", "far_forearm")


BUILDERS: dict[str, Callable[[], PoseFigure]] = {
    "cat-cow": lambda: moving(cow(), cat(), still=1),
    "downward-facing-dog": lambda: hold(downward_dog()),
    "three-legged-dog": lambda: hold(three_legged_dog()),
    "twisting-lizard": lambda: hold(twisting_lizard()),
    "half-pigeon-variation": lambda: hold(half_pigeon_variation()),
    "frog-hip-stretch": lambda: hold(frog()),
    "rocking-hip-to-heel": lambda: moving(
        _rock_forward(), _rock_back(), still=0,
        cue=MotionCue(("torso", "near_leg", "far_leg"), "hips", ghost=1, offset=-0.32),
    ),
    "side-to-side-hip-shifts": _hips_shifting,
    "hip-joint-capsule-mobilization": lambda: moving(
        _capsule_circle(-80.0, -8.0),
        _capsule_circle(-90.0, 10.0),
        _capsule_circle(-99.0, 0.0),
        _capsule_circle(-90.0, -14.0),
        cue=MotionCue((), "hips", path="circle", size=0.16, offset=0.2),
    ),
    "fire-hydrants": lambda: moving(
        _from_front().accented("near_leg"), fire_hydrant_up(), still=1,
        cue=MotionCue(("near_leg",), "near_knee", ghost=0, offset=0.12),
    ),
}
