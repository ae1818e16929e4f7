"""'After today's run': the kind and length of a run suggest a recipe.

The reasons for every choice, and which article backs each one, are written
out in docs/after-the-run.md; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from stretchdesk.core.recipes import LYING, MAX_MINUTES, MIN_MINUTES, Recipe, RecipeError
from stretchdesk.core.vocabulary import Area, Difficulty, Kind, Position, Prop


class RunType(StrEnum):
    EASY = "easy"
    LONG = "long"
    TEMPO = "tempo"
    HILLS = "hills"
    TRAIL = "trail"
    RACE = "race"
    BEFORE = "before"
    """Not after a run at all: a moving warm-up before one."""


RUN_LABELS: Mapping[RunType, str] = MappingProxyType(
    {
        RunType.EASY: "Easy run",
        RunType.LONG: "Long run",
        RunType.TEMPO: "Tempo or intervals",
        RunType.HILLS: "Hills",
        RunType.TRAIL: "Trail",
        RunType.RACE: "Race",
        RunType.BEFORE: "Before a run (warm-up)",
    }
)
_RUN_ALIASES = {"intervals": RunType.TEMPO, "interval": RunType.TEMPO, "speed": RunType.TEMPO,
                "hill": RunType.HILLS, "warm-up": RunType.BEFORE, "warmup": RunType.BEFORE,
                "pre-run": RunType.BEFORE}

_TITLES = {
    RunType.EASY: "After an easy run",
    RunType.LONG: "After a long run",
    RunType.TEMPO: "After tempo or intervals",
    RunType.HILLS: "After hills",
    RunType.TRAIL: "After a trail run",
    RunType.RACE: "After a race",
    RunType.BEFORE: "Warm-up before a run",
}

STATIC_KINDS = frozenset({Kind.YOGA_POSE, Kind.STATIC_STRETCH, Kind.DYNAMIC_MOBILITY})
MOVING_KINDS = frozenset({Kind.DYNAMIC_MOBILITY, Kind.STRENGTH})


@dataclass(frozen=True)
class RunAdvice:
    """One row of the mapping in docs/after-the-run.md."""

    focus: Mapping[Area, float]
    base_minutes: float
    minutes_per_run_minute: float
    cap_minutes: float
    hold_bias: float
    kinds: frozenset[Kind]
    why: str

    def minutes_for(self, run_minutes: float) -> float:
        wanted = self.base_minutes + self.minutes_per_run_minute * max(0.0, run_minutes)
        return float(round(min(self.cap_minutes, max(MIN_MINUTES, wanted))))


ADVICE: Mapping[RunType, RunAdvice] = MappingProxyType(
    {
        RunType.EASY: RunAdvice(
            {Area.HIPS: 1, Area.HAMSTRINGS: 1, Area.CALVES: 1, Area.QUADS: 1},
            8, 0.05, 12, 0.5, STATIC_KINDS,
            "a short all-round static session: about ten minutes after a run loosens the legs",
        ),
        RunType.LONG: RunAdvice(
            {Area.HIPS: 2, Area.HAMSTRINGS: 2, Area.LOWER_BACK: 2, Area.CALVES: 1},
            10, 0.1, 30, 0.85, STATIC_KINDS,
            "hips, hamstrings, back and calves tighten over long miles; hold longer",
        ),
        RunType.TEMPO: RunAdvice(
            {Area.HIP_FLEXORS: 2, Area.QUADS: 1, Area.HAMSTRINGS: 1, Area.LOWER_BACK: 1},
            10, 0.05, 15, 0.5, STATIC_KINDS,
            "fast running works the hip flexors hard and speedwork can leave the lower back tight",
        ),
        RunType.HILLS: RunAdvice(
            {Area.CALVES: 2, Area.HIP_FLEXORS: 2, Area.GLUTES: 1, Area.QUADS: 1},
            10, 0.05, 15, 0.6, STATIC_KINDS,
            "climbing loads the calves and drives the knees up; descending works the quads",
        ),
        RunType.TRAIL: RunAdvice(
            {Area.HIPS: 2, Area.GLUTES: 1, Area.LOWER_BACK: 1, Area.CALVES: 1},
            10, 0.05, 20, 0.6, STATIC_KINDS,
            "uneven ground asks more of the hips and glutes; trails can leave the lower back tight",
        ),
        RunType.RACE: RunAdvice(
            {Area.HIPS: 1, Area.HAMSTRINGS: 1, Area.LOWER_BACK: 1, Area.CALVES: 1},
            10, 0.0, 10, 0.2, STATIC_KINDS,
            "gentle and brief: tired muscles only to mild tension, then rest",
        ),
        RunType.BEFORE: RunAdvice(
            {Area.HIPS: 2, Area.HIP_FLEXORS: 1, Area.GLUTES: 1, Area.HAMSTRINGS: 1},
            6, 0.0, 6, 0.3, MOVING_KINDS,
            "moving stretches before a run; static holds wait until after",
        ),
    }
)


def parse_run(text: str) -> RunType:
    word = text.strip().lower()
    try:
        return _RUN_ALIASES.get(word) or RunType(word)
    except ValueError:
        names = ", ".join(run.value for run in RunType)
        raise RecipeError(f"unknown run {text!r}: choose from {names} (or intervals)") from None


def suggest(
    run: RunType,
    run_minutes: float = 45,
    *,
    props: frozenset[Prop] = frozenset(),
    avoid: frozenset[Position] = frozenset(),
    level: Difficulty = Difficulty.BEGINNER,
    seed: int = 0,
) -> Recipe:
    """The recipe a run suggests; the runner's props, positions and level still apply."""
    if not 0 <= run_minutes <= 24 * 60:
        raise RecipeError("run length must be between 0 and 1440 minutes")
    advice = ADVICE[run]
    minutes = min(MAX_MINUTES, advice.minutes_for(run_minutes))
    if run is RunType.BEFORE and not (avoid | LYING) >= frozenset(Position):
        avoid = avoid | LYING  # a warm-up keeps you on your feet, or at most on hands and knees
    title = _TITLES[run]
    return Recipe(
        minutes=minutes,
        focus=dict(advice.focus),
        props=props,
        avoid=avoid,
        level=level,
        seed=seed,
        kinds=advice.kinds,
        hold_bias=advice.hold_bias,
        title=f"{title} · {minutes:g} min",
    )
