"""The fixed words poses and steps are described with: kind, position, props, target
areas and difficulty, and the sides of the runner's body a step is played on."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    YOGA_POSE = "yoga-pose"
    STATIC_STRETCH = "static-stretch"
    DYNAMIC_MOBILITY = "dynamic-mobility"
    STRENGTH = "strength"


class Position(StrEnum):
    STANDING = "standing"
    SEATED = "seated"
    KNEELING = "kneeling"
    ALL_FOURS = "all-fours"
    SUPINE = "supine"
    PRONE = "prone"
    SIDE_LYING = "side-lying"
    LEGS_UP_THE_WALL = "legs-up-the-wall"


class Prop(StrEnum):
    STRAP = "strap"
    BLOCK = "block"
    WALL = "wall"
    CHAIR = "chair"
    BAND = "band"
    BALL = "ball"
    FOAM_ROLLER = "foam-roller"
    SLIDERS = "sliders"
    TOWEL = "towel"
    STEP = "step"
    """A stair or sturdy low box to stand on (step heel drop)."""


class Area(StrEnum):
    HIPS = "hips"
    HIP_FLEXORS = "hip-flexors"
    HAMSTRINGS = "hamstrings"
    GLUTES = "glutes"
    LOWER_BACK = "lower-back"
    SPINE = "spine"
    QUADS = "quads"
    CALVES = "calves"
    ADDUCTORS = "adductors"
    IT_BAND = "it-band"
    CHEST_SHOULDERS = "chest-shoulders"
    CORE = "core"


class Difficulty(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return Side.LEFT if self is Side.RIGHT else Side.RIGHT


class Sides(StrEnum):
    """Which sides a step is played on; ignored for poses that have no sides.

    TIGHTER is resolved when the routine is played: the runner says which side
    is tighter (see `expand(tighter_side=...)`)."""

    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"
    NONE = "none"
    TIGHTER = "tighter"
