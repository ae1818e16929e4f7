from __future__ import annotations

import pytest
from pydantic import ValidationError

from stretchdesk.core.models import Block, Hold, Routine, Step, format_duration


def test_hold_converts_every_measure_to_seconds() -> None:
    assert Hold(seconds=45).total_seconds() == 45
    assert Hold(breaths=8).total_seconds() == 40
    assert Hold(reps=10, seconds_per_rep=3).total_seconds() == 30


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "exactly one of seconds, breaths or reps"),
        ({"seconds": 30, "breaths": 5}, "exactly one"),
        ({"reps": 10}, "needs seconds_per_rep"),
        ({"seconds": 30, "seconds_per_rep": 2}, "only goes with reps"),
        ({"seconds": -5}, "greater than 0"),
        ({"breaths": 0}, "greater than or equal to 1"),
        ({"seconds": 30, "minutes": 1}, "Extra inputs are not permitted"),
    ],
)
def test_bad_holds_are_rejected_with_a_clear_reason(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Hold.model_validate(data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30", Hold(seconds=30)),
        ("45s", Hold(seconds=45)),
        ("45 sec", Hold(seconds=45)),
        ("1:30", Hold(seconds=90)),
        ("2 min", Hold(seconds=120)),
        ("5 breaths", Hold(breaths=5)),
        ("10x3s", Hold(reps=10, seconds_per_rep=3)),
        ("12 reps", Hold(reps=12, seconds_per_rep=3)),
        ("8 × 4 s", Hold(reps=8, seconds_per_rep=4)),
    ],
)
def test_hold_parse_reads_what_a_runner_types(text: str, expected: Hold) -> None:
    assert Hold.parse(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "-5", "0", "5 hours"])
def test_hold_parse_refuses_nonsense_with_a_hint(text: str) -> None:
    with pytest.raises(ValueError, match="type seconds"):
        Hold.parse(text)


@pytest.mark.parametrize("hold", [Hold(seconds=45), Hold(breaths=5), Hold(reps=10, seconds_per_rep=3)])
def test_hold_label_parses_back_to_the_same_hold(hold: Hold) -> None:
    assert Hold.parse(hold.label()) == hold


def test_format_duration() -> None:
    assert format_duration(9.6) == "10 s"
    assert format_duration(90) == "1:30"
    assert format_duration(3725) == "1:02:05"


def test_step_rejects_bad_pose_reference_and_sides() -> None:
    with pytest.raises(ValidationError, match="pattern"):
        Step(pose="Not A Slug")
    with pytest.raises(ValidationError, match="sides"):
        Step.model_validate({"pose": "pigeon", "sides": "up"})


def test_each_side_block_cannot_have_rounds() -> None:
    with pytest.raises(ValidationError, match="rounds must be 1"):
        Block.model_validate({"mode": "each-side", "rounds": 3, "items": [{"pose": "pigeon", "type": "step"}]})


def test_routine_limits_block_nesting() -> None:
    item: dict[str, object] = {"type": "step", "pose": "pigeon"}
    for _ in range(6):
        item = {"type": "block", "mode": "rounds", "rounds": 2, "items": [item]}
    with pytest.raises(ValidationError, match="nest at most"):
        Routine.model_validate({"name": "deep", "items": [item]})


def test_routine_needs_a_name_and_lists_its_poses_in_order() -> None:
    with pytest.raises(ValidationError, match="at least 1 character"):
        Routine(name="")
    routine = Routine.model_validate(
        {
            "name": "r",
            "items": [
                {"type": "step", "pose": "a"},
                {"type": "block", "mode": "rounds", "rounds": 2, "items": [{"type": "step", "pose": "b"}]},
                {"type": "rest", "seconds": 10},
            ],
        }
    )
    assert routine.pose_ids() == ["a", "b"]


def test_touched_revalidates_and_bumps_updated() -> None:
    routine = Routine(name="Mine")
    renamed = routine.touched(name="Yours")
    assert renamed.name == "Yours" and renamed.updated >= routine.updated
    with pytest.raises(ValidationError):
        routine.touched(prepare_seconds=-1)
