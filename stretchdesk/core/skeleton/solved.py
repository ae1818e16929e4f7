"""Solved figures ready to paint, and tracks of them for the player's animation.

A `Drawing` is what the renderer needs and nothing more: the body's capsules and
head, the props as shapes (each with an opacity) and the few points the "feel it
here" glow is placed on. Solving a figure (forward kinematics, IK for planted hands
and feet, grounding) costs a few milliseconds; painting a Drawing costs none of that. So the player's helper process
samples each movement and each morph into a `Track` of Drawings ahead of time, and
the GUI only picks (and blends) two neighbouring samples per frame.

During a morph between poses the props stay where they are: the first pose's props
fade out in place, the next pose's fade in in place, and a prop both poses share
stays. A block never flies from one pose's place to the other's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from stretchdesk.core.skeleton import body
from stretchdesk.core.skeleton.figure import Facing, Figure, PoseFigure
from stretchdesk.core.skeleton.interpolate import interpolate
from stretchdesk.core.skeleton.kinematics import Capsule, Vec, lerp_point, outline_bounds, solve
from stretchdesk.core.skeleton.props import Box, Disc, Layer, Line, Shape
from stretchdesk.core.skeleton.targets import Spot, glow_points, spots_at
from stretchdesk.core.skeleton.transition import prop_hold, transition

FADE = 0.3  # share of a morph over which the props of either end fade


@dataclass(frozen=True, slots=True)
class PropShape:
    shape: Shape
    layer: Layer
    opacity: float = 1.0


@dataclass(frozen=True, slots=True)
class Drawing:
    """One paintable frame, in world metres (y up)."""

    view: body.View
    capsules: tuple[Capsule, ...]
    head: Vec
    head_radius: float
    face: float
    accent: frozenset[str]
    mat: bool
    props: tuple[PropShape, ...]
    points: tuple[tuple[str, Vec], ...] = ()  # where the glow areas lie, see targets
    facing: Facing = ""  # a figure seen from above: face up or back up, see Figure.facing
    in_front: frozenset[str] = frozenset()  # parts painted straight after the torso, see Figure.drawn_in_front
    behind: frozenset[str] = frozenset()  # near parts painted under the torso, see Figure.drawn_behind

    def glow(self, targets: Sequence[str]) -> list[Spot]:
        """The glow capsules of these target areas on this frame."""
        return spots_at(dict(self.points), self.accent, targets) if targets else []

    def body_bounds(self) -> tuple[float, float, float, float]:
        return outline_bounds(self.capsules, self.head, self.head_radius)


def prop_shapes(figure: Figure, opacity: float = 1.0) -> tuple[PropShape, ...]:
    points = solve(figure).points
    return tuple(
        PropShape(shape, prop.layer, opacity) for prop in figure.props for shape in prop.shapes(points)
    )


def drawing(figure: Figure, props: tuple[PropShape, ...] | None = None) -> Drawing:
    """Solve a figure once into what the painter draws."""
    skeleton = solve(figure)
    return Drawing(
        view=skeleton.view,
        capsules=skeleton.capsules,
        head=skeleton.head,
        head_radius=skeleton.head_radius,
        face=body.wrap(skeleton.face + 180.0) if figure.looks_back else skeleton.face,
        accent=frozenset(figure.accent),
        mat=figure.mat,
        props=prop_shapes(figure) if props is None else props,
        points=tuple(glow_points(skeleton).items()),
        facing=figure.facing,
        in_front=frozenset(figure.in_front),
        behind=frozenset(figure.behind),
    )


def _fade_out(t: float) -> float:
    return max(0.0, 1.0 - t / FADE)


def _fade_in(t: float) -> float:
    return max(0.0, 1.0 - (1.0 - t) / FADE)


def morph_props(a: Figure, b: Figure, t: float) -> tuple[PropShape, ...]:
    """The props of a morph's frame: each end's props where that end has them, the first
    fading out and the second fading in; a prop in the same place at both ends stays."""
    start, end = prop_shapes(a), prop_shapes(b)
    shared = {p.shape for p in start} & {p.shape for p in end}
    kept = [p for p in start if p.shape in shared]
    leave, arrive = prop_hold(a, b)  # a step stays while a foot is on it
    leaving = [replace(p, opacity=_fade_out(max(0.0, t - leave))) for p in start if p.shape not in shared]
    coming = [replace(p, opacity=_fade_in(min(1.0, t + 1.0 - arrive))) for p in end if p.shape not in shared]
    return tuple(p for p in (*kept, *leaving, *coming) if p.opacity > 0.0)


def morph_drawing(a: Figure, b: Figure, t: float) -> Drawing:
    """The morph's frame at t (grounded, see transition) with the props fading in place."""
    return drawing(transition(a, b, t), morph_props(a, b, t))


# -- blending two drawings -------------------------------------------------------

def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _mix_capsule(a: Capsule, b: Capsule, t: float) -> Capsule:
    return Capsule(a.part, a.bone, lerp_point(a.a, b.a, t), lerp_point(a.b, b.b, t),
                   _mix(a.ra, b.ra, t), _mix(a.rb, b.rb, t))


def _mix_shape(a: Shape, b: Shape, t: float) -> Shape:
    if isinstance(a, Box) and isinstance(b, Box):
        return replace(a, base=lerp_point(a.base, b.base, t), angle=_mix(a.angle, b.angle, t),
                       width=_mix(a.width, b.width, t), height=_mix(a.height, b.height, t))
    if isinstance(a, Disc) and isinstance(b, Disc):
        return replace(a, centre=lerp_point(a.centre, b.centre, t), radius=_mix(a.radius, b.radius, t))
    if isinstance(a, Line) and isinstance(b, Line) and len(a.points) == len(b.points):
        points = tuple(lerp_point(p, q, t) for p, q in zip(a.points, b.points, strict=True))
        return replace(a, points=points)
    return a if t < 0.5 else b


def _same_shape(a: Drawing, b: Drawing) -> bool:
    return (
        a.view == b.view
        and len(a.capsules) == len(b.capsules)
        and all(ca.bone == cb.bone for ca, cb in zip(a.capsules, b.capsules, strict=True))
        and len(a.points) == len(b.points)
        and [p.shape.__class__ for p in a.props] == [p.shape.__class__ for p in b.props]
    )


def blend(a: Drawing, b: Drawing, t: float) -> Drawing:
    """A drawing between two close samples of one track (no kinematics: the samples are
    near enough that blending their points keeps every limb its length)."""
    if t <= 0.0 or not _same_shape(a, b):
        return a if t < 0.5 else b
    if t >= 1.0:
        return b
    props = tuple(
        PropShape(_mix_shape(pa.shape, pb.shape, t), pa.layer, _mix(pa.opacity, pb.opacity, t))
        for pa, pb in zip(a.props, b.props, strict=True)
    )
    points = tuple((name, lerp_point(pa, pb, t)) for (name, pa), (_, pb) in zip(a.points, b.points, strict=True))
    return replace(
        a,
        capsules=tuple(_mix_capsule(ca, cb, t) for ca, cb in zip(a.capsules, b.capsules, strict=True)),
        head=lerp_point(a.head, b.head, t),
        head_radius=_mix(a.head_radius, b.head_radius, t),
        face=a.face + body.wrap(b.face - a.face) * t,
        props=props,
        points=points,
    )


# -- tracks ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Track:
    """Drawings sampled evenly over a movement (`loop`: the last one runs back to the
    first) or a morph (from the first sample to the last)."""

    samples: tuple[Drawing, ...]
    loop: bool = False

    def at(self, fraction: float) -> Drawing:
        """The drawing a fraction (0..1) of the way through."""
        count = len(self.samples)
        if count == 1:
            return self.samples[0]
        spans = count if self.loop else count - 1
        where = (fraction % 1.0 if self.loop else min(1.0, max(0.0, fraction))) * spans
        index = min(int(where), spans - 1)
        return blend(self.samples[index], self.samples[(index + 1) % count], where - index)


REP_SAMPLES_PER_STEP = 24
MORPH_SAMPLES = 72


def rep_track(pose: PoseFigure, per_step: int = REP_SAMPLES_PER_STEP) -> Track:
    """One cycle of a movement, keyframe to keyframe and back to the first."""
    keys = pose.keyframes
    samples = [
        drawing(interpolate(keys[i], keys[(i + 1) % len(keys)], k / per_step))
        for i in range(len(keys))
        for k in range(per_step)
    ]
    return Track(tuple(samples), loop=True)


def rep_cycle(pose: PoseFigure, elapsed: float, rep_seconds: float) -> float:
    """Where a rep hold is in `rep_track`'s loop (0..1) after `elapsed` seconds.

    The loop is entered at the still keyframe, the one every morph into and out of the pose
    starts or ends on, so a hold of whole reps joins both morphs without a jump.
    """
    entry = pose.still / len(pose.keyframes)
    return ((elapsed % rep_seconds) / rep_seconds + entry) % 1.0


def morph_track(a: Figure, b: Figure, samples: int = MORPH_SAMPLES) -> Track:
    """A morph from a to b, sampled evenly (ends included)."""
    return Track(tuple(morph_drawing(a, b, i / samples) for i in range(samples + 1)))
