"""What the runner asks the generator for: time, focus, props, positions to avoid, level.

A `Recipe` is plain data, validated once here, so the CLI, the dialog and the
"after today's run" suggestions all hand the generator the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.vocabulary import Area, Difficulty, Kind, Position, Prop

MIN_MINUTES = 3
MAX_MINUTES = 60

LYING = frozenset({Position.SUPINE, Position.PRONE, Position.SIDE_LYING, Position.LEGS_UP_THE_WALL})
POSITION_GROUPS: Mapping[str, frozenset[Position]] = MappingProxyType(
    {
        "lying": LYING,
        "floor": frozenset(Position) - {Position.STANDING},
    }
)


class RecipeError(StretchDeskError):
    """A recipe the generator can't work with; the message says what to change."""


@dataclass(frozen=True)
class Recipe:
    minutes: float
    focus: Mapping[Area, float] = field(default_factory=dict)
    props: frozenset[Prop] = frozenset()
    avoid: frozenset[Position] = frozenset()
    level: Difficulty = Difficulty.BEGINNER
    seed: int = 0
    kinds: frozenset[Kind] = frozenset(Kind)
    hold_bias: float = 0.5
    """Where in each pose's recommended range holds start out: 0 shortest, 1 longest."""
    title: str = ""

    def __post_init__(self) -> None:
        if not MIN_MINUTES <= self.minutes <= MAX_MINUTES:
            raise RecipeError(
                f"minutes must be between {MIN_MINUTES} and {MAX_MINUTES}, not {self.minutes:g}"
            )
        bad = [area.value for area, weight in self.focus.items() if not weight > 0]
        if bad:
            raise RecipeError(f"focus weights must be above zero (check {', '.join(bad)})")
        if self.avoid >= frozenset(Position):
            raise RecipeError("every position is avoided: allow at least one (e.g. standing)")
        if not self.kinds:
            raise RecipeError("a recipe needs at least one kind of pose")
        if not 0 <= self.hold_bias <= 1:
            raise RecipeError("hold_bias must be between 0 and 1")
        object.__setattr__(self, "focus", MappingProxyType(dict(self.focus)))

    @property
    def seconds(self) -> float:
        return self.minutes * 60

    def with_seed(self, seed: int) -> Recipe:
        """The same recipe, another roll of the dice (what "Regenerate" does)."""
        return Recipe(
            self.minutes, self.focus, self.props, self.avoid, self.level, seed,
            self.kinds, self.hold_bias, self.title,
        )

    def describe(self) -> str:
        """One line a runner can read back: '20 min · hips, hamstrings · props: strap'."""
        parts = [f"{self.minutes:g} min"]
        parts.append(", ".join(area.value for area in self.focus) or "whole body")
        parts.append("props: " + (", ".join(sorted(p.value for p in self.props)) or "none"))
        if self.avoid:
            parts.append("avoiding " + ", ".join(sorted(p.value for p in self.avoid)))
        parts.append(self.level.value)
        return " · ".join(parts)


def _choices(enum: type[StrEnum]) -> str:
    return ", ".join(member.value for member in enum)


def parse_focus(text: str) -> dict[Area, float]:
    """'hips,hamstrings' or 'hips:2,calves' (weight after a colon, default 1)."""
    focus: dict[Area, float] = {}
    for word in _words(text):
        name, _, weight_text = word.partition(":")
        try:
            area = Area(name)
        except ValueError:
            raise RecipeError(f"unknown focus area {name!r}: choose from {_choices(Area)}") from None
        try:
            weight = float(weight_text) if weight_text else 1.0
        except ValueError:
            raise RecipeError(f"focus weight for {name} must be a number, not {weight_text!r}") from None
        if not weight > 0:
            raise RecipeError(f"focus weight for {name} must be above zero")
        focus[area] = weight
    return focus


def parse_props(text: str) -> frozenset[Prop]:
    """'none' or 'strap,wall,block'."""
    words = _words(text)
    if words == ["none"]:
        return frozenset()
    props = set()
    for word in words:
        try:
            props.add(Prop(word))
        except ValueError:
            raise RecipeError(f"unknown prop {word!r}: say none or choose from {_choices(Prop)}") from None
    return frozenset(props)


def parse_avoid(text: str) -> frozenset[Position]:
    """Positions to leave out: 'kneeling,supine', or the groups 'lying' and 'floor'."""
    avoided: set[Position] = set()
    for word in _words(text):
        if word in POSITION_GROUPS:
            avoided |= POSITION_GROUPS[word]
            continue
        try:
            avoided.add(Position(word))
        except ValueError:
            names = ", ".join([*(p.value for p in Position), *POSITION_GROUPS])
            raise RecipeError(f"unknown position {word!r}: choose from {names}") from None
    return frozenset(avoided)


def parse_level(text: str) -> Difficulty:
    try:
        return Difficulty(text.strip().lower())
    except ValueError:
        raise RecipeError(f"unknown level {text!r}: choose from {_choices(Difficulty)}") from None


def _words(text: str) -> list[str]:
    return [word.strip().lower() for word in text.split(",") if word.strip()]


def focus_label(focus: Iterable[Area]) -> str:
    names = [area.value.replace("-", " ") for area in focus]
    if not names:
        return "Whole body"
    if len(names) == 1:
        return names[0].capitalize()
    return (", ".join(names[:-1]) + " and " + names[-1]).capitalize()
