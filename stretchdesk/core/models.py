"""The domain models: poses, holds, steps, blocks and routines (their fixed words,
such as a pose's kind or a step's sides, are in `vocabulary.py`).

Everything here is plain pydantic so the same models validate the shipped
library, the user's files and imported bundles, and generate the JSON Schema.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from stretchdesk.core.vocabulary import Area, Difficulty, Kind, Position, Prop, Side, Sides

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SECONDS_PER_BREATH = 5.0
MAX_BLOCK_DEPTH = 4
MAX_PLAYED = 10_000


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


_HOLD_TEXT = re.compile(
    r"^\s*(?:(?P<reps>\d+)\s*(?:x|×|reps?)\s*(?:(?:of|@|at)?\s*(?P<pace>\d+(?:\.\d+)?)\s*s(?:ec(?:onds?)?)?)?"
    r"|(?P<breaths>\d+)\s*br(?:eaths?)?"
    r"|(?:(?P<min>\d+)\s*(?::|m(?:in(?:utes?)?)?)\s*)?(?P<sec>\d+(?:\.\d+)?)?\s*s?(?:ec(?:onds?)?)?)\s*$",
    re.IGNORECASE,
)


class Hold(StrictModel):
    """How long a pose is held: seconds, a breath count, or reps at a pace.

    Breaths and reps stay as the runner thinks of them, but always convert to
    seconds so the timeline has one clock.
    """

    seconds: float | None = Field(default=None, gt=0, le=3600)
    breaths: int | None = Field(default=None, ge=1, le=200)
    reps: int | None = Field(default=None, ge=1, le=500)
    seconds_per_rep: float | None = Field(default=None, gt=0, le=120)

    @model_validator(mode="after")
    def _exactly_one_measure(self) -> Self:
        given = (self.seconds is not None) + (self.breaths is not None) + (self.reps is not None)
        if given != 1:
            raise ValueError("a hold needs exactly one of seconds, breaths or reps")
        if self.reps is not None and self.seconds_per_rep is None:
            raise ValueError("a hold in reps needs seconds_per_rep (the pace)")
        if self.reps is None and self.seconds_per_rep is not None:
            raise ValueError("seconds_per_rep only goes with reps")
        return self

    def total_seconds(self) -> float:
        if self.seconds is not None:
            return self.seconds
        if self.breaths is not None:
            return self.breaths * SECONDS_PER_BREATH
        assert self.reps is not None and self.seconds_per_rep is not None
        return self.reps * self.seconds_per_rep

    def label(self) -> str:
        if self.seconds is not None:
            return format_duration(self.seconds)
        if self.breaths is not None:
            return f"{self.breaths} breath{'s' if self.breaths != 1 else ''}"
        return f"{self.reps} × {_trim(self.seconds_per_rep or 0)} s"

    @classmethod
    def parse(cls, text: str, default_pace: float = 3.0) -> Hold:
        """Read what a runner types: '30', '45s', '1:30', '2 min', '5 breaths', '10x3s', '12 reps'."""
        problem = ValueError(
            f"can't read hold {text!r}: type seconds (30), minutes (1:30), "
            "breaths (5 breaths) or reps (10x3s), all above zero"
        )
        match = _HOLD_TEXT.match(text)
        if not match or not any(match.groupdict().values()):
            raise problem
        try:
            if match["reps"]:
                pace = float(match["pace"]) if match["pace"] else default_pace
                return cls(reps=int(match["reps"]), seconds_per_rep=pace)
            if match["breaths"]:
                return cls(breaths=int(match["breaths"]))
            return cls(seconds=float(match["sec"] or 0) + 60 * float(match["min"] or 0))
        except ValidationError:
            raise problem from None


def _trim(value: float) -> str:
    return f"{value:g}"


def format_duration(seconds: float) -> str:
    """'45 s', '1:30', '12:00' — the format used across the app."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{rest:02d}"
    return f"{minutes}:{rest:02d}"


class HoldRange(StrictModel):
    """The recommended hold, per side, in seconds: what the generator may choose from."""

    min_seconds: float = Field(gt=0, le=3600)
    max_seconds: float = Field(gt=0, le=3600)

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Self:
        if self.min_seconds > self.max_seconds:
            raise ValueError("hold_range: min_seconds must not be above max_seconds")
        return self

    def __contains__(self, seconds: object) -> bool:
        return isinstance(seconds, int | float) and self.min_seconds <= seconds <= self.max_seconds


NonEmptyText = Annotated[str, Field(min_length=1, max_length=400)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=80)]


class Pose(StrictModel):
    id: Slug
    name: Annotated[str, Field(min_length=1, max_length=80)]
    aliases: list[Annotated[str, Field(min_length=1, max_length=120)]] = []
    summary: Annotated[str, Field(max_length=200)] = ""
    kind: Kind
    position: Position
    props: list[Prop] = []
    targets: list[Area] = Field(min_length=1)
    per_side: bool
    hold: Hold
    hold_note: Annotated[str, Field(max_length=300)] = ""
    hold_range: HoldRange | None = None
    difficulty: Difficulty = Difficulty.BEGINNER
    instructions: list[NonEmptyText] = Field(min_length=1, max_length=12)
    cues: list[NonEmptyText] = []
    cautions: list[NonEmptyText] = []
    image: Annotated[str, Field(max_length=120)] | None = None
    credits: list[Annotated[str, Field(min_length=1, max_length=300)]] = []
    custom: bool = False

    @field_validator("image")
    @classmethod
    def _image_is_a_plain_file_name(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.(svg|png|jpe?g)", value):
            raise ValueError("image must be a plain file name ending in .svg, .png or .jpg")
        return value

    def recommended_range(self) -> HoldRange:
        """The declared range, or the default hold alone when none is declared."""
        if self.hold_range is not None:
            return self.hold_range
        seconds = self.hold.total_seconds()
        return HoldRange(min_seconds=seconds, max_seconds=seconds)

    def searchable_text(self) -> str:
        words = [self.name, *self.aliases, *(area.value.replace("-", " ") for area in self.targets)]
        return " ".join(words).casefold()


class Step(StrictModel):
    type: Literal["step"] = "step"
    pose: Slug
    hold: Hold | None = None
    sides: Sides = Sides.BOTH
    note: Annotated[str, Field(max_length=300)] = ""


class Rest(StrictModel):
    type: Literal["rest"] = "rest"
    seconds: float = Field(gt=0, le=1800)
    note: Annotated[str, Field(max_length=300)] = ""


class BlockMode(StrEnum):
    EACH_SIDE = "each-side"
    ROUNDS = "rounds"


class Block(StrictModel):
    """Steps played together: once per side ("all seven on the right, then the
    left") or for N rounds ("move between these two three times")."""

    type: Literal["block"] = "block"
    mode: BlockMode
    rounds: int = Field(default=1, ge=1, le=50)
    items: list[Item] = Field(min_length=1, max_length=200)
    note: Annotated[str, Field(max_length=300)] = ""

    @model_validator(mode="after")
    def _rounds_only_for_rounds(self) -> Self:
        if self.mode is BlockMode.EACH_SIDE and self.rounds != 1:
            raise ValueError("an each-side block plays once per side; rounds must be 1")
        return self

    def depth(self) -> int:
        deepest = 0
        for item in self.items:
            if item.type == "block":
                deepest = max(deepest, item.depth())
        return 1 + deepest


Item = Annotated[Step | Rest | Block, Field(discriminator="type")]


def played_upper_bound(items: list[Step | Rest | Block], forced_side: bool = False) -> int:
    """The most holds and rests these items can expand to, counted without expanding
    them (blocks multiply, so a small file could otherwise describe billions).

    Mirrors `timeline.expand`: a step plays on both sides unless a side is forced
    by an each-side block or named; an each-side block inside another plays once.
    Saturates just above MAX_PLAYED, so the count itself stays cheap."""
    total = 0
    for item in items:
        if isinstance(item, Step):
            total += 1 if forced_side or item.sides is not Sides.BOTH else 2
        elif isinstance(item, Rest):
            total += 1
        elif item.mode is BlockMode.ROUNDS:
            total += item.rounds * played_upper_bound(item.items, forced_side)
        else:
            total += (1 if forced_side else 2) * played_upper_bound(item.items, True)
        if total > MAX_PLAYED:
            return MAX_PLAYED + 1
    return total


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_routine_id() -> str:
    return f"r-{uuid.uuid4().hex[:12]}"


class Routine(StrictModel):
    id: Slug = Field(default_factory=new_routine_id)
    name: Annotated[str, Field(min_length=1, max_length=100)]
    description: Annotated[str, Field(max_length=2000)] = ""
    items: list[Item] = Field(default=[], max_length=500)
    prepare_seconds: float = Field(default=10, ge=0, le=600)
    transition_seconds: float = Field(default=5, ge=0, le=600)
    switch_seconds: float = Field(default=5, ge=0, le=600)
    first_side: Side = Side.RIGHT
    tags: list[Annotated[str, Field(min_length=1, max_length=40)]] = []
    created: datetime = Field(default_factory=_now)
    updated: datetime = Field(default_factory=_now)

    @model_validator(mode="after")
    def _blocks_not_too_deep(self) -> Self:
        for item in self.items:
            if isinstance(item, Block) and item.depth() > MAX_BLOCK_DEPTH:
                raise ValueError(f"blocks nest at most {MAX_BLOCK_DEPTH} deep")
        if played_upper_bound(self.items) > MAX_PLAYED:
            raise ValueError(
                f"the blocks repeat their steps into more than {MAX_PLAYED:,} holds; lower a block's rounds"
            )
        return self

    def pose_ids(self) -> list[str]:
        """Every pose referenced, in order, with repeats."""
        found: list[str] = []

        def walk(items: list[Step | Rest | Block]) -> None:
            for item in items:
                if isinstance(item, Step):
                    found.append(item.pose)
                elif isinstance(item, Block):
                    walk(item.items)

        walk(self.items)
        return found

    def touched(self, **changes: object) -> Routine:
        """A validated copy with changes applied and `updated` set to now."""
        data = {**dict(self), **changes, "updated": _now()}
        return Routine.model_validate(data)


Block.model_rebuild()
Routine.model_rebuild()
