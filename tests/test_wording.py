"""Wording: instructions written for the right side, mirrored word by word for the left;
and what the voice says (short names, the limb a side is about, numbers in words).
Core only: no QApplication."""

from __future__ import annotations

import re

import pytest

from stretchdesk.core.catalog import builtin_poses, builtin_routines
from stretchdesk.core.models import Hold, Pose, Routine, Step
from stretchdesk.core.player_view import Presenter
from stretchdesk.core.session import FakeClock, Session
from stretchdesk.core.session_state import Event, EventKind
from stretchdesk.core.timeline import expand
from stretchdesk.core.vocabulary import Area, Sides
from stretchdesk.core.wording import (
    counted,
    mirror_sides,
    number_words,
    side_word,
    spoken_duration,
    spoken_name,
)


@pytest.mark.parametrize(
    ("text", "mirrored"),
    [
        ("Step your right foot forward.", "Step your left foot forward."),
        ("Drop your left knee; keep the right hip up.", "Drop your right knee; keep the left hip up."),
        ("Right knee above left.", "Left knee above right."),
        ("LEFT", "RIGHT"),
        ("bend the knee to a right angle", "bend the knee to a right angle"),
        ("a right-angle bend with your left leg", "a right-angle bend with your right leg"),
        ("Stack your front knee right over your ankle.", "Stack your front knee right over your ankle."),
        ("Bright light; the leftover strap", "Bright light; the leftover strap"),
    ],
)
def test_mirror_sides_swaps_only_side_words(text: str, mirrored: str) -> None:
    assert mirror_sides(text) == mirrored


def test_every_sided_instruction_mirrors_and_mirrors_back() -> None:
    """Each per-side pose that names a side gets a different left-side text that round-trips."""
    named = 0
    for pose in builtin_poses().values():
        if not pose.per_side:
            continue
        for line in pose.instructions:
            flipped = mirror_sides(line)
            assert mirror_sides(flipped) == line
            if re.search(r"\b(left|right) (foot|knee|leg|hand|hip)\b", line, re.IGNORECASE):
                assert flipped != line
                named += 1
    assert named > 40


@pytest.mark.parametrize(
    ("number", "words"),
    [(0, "zero"), (3, "three"), (13, "thirteen"), (20, "twenty"), (30, "thirty"), (45, "forty-five"),
     (99, "ninety-nine"), (100, "one hundred"), (120, "one hundred twenty"), (2025, "two thousand twenty-five")],
)
def test_numbers_are_said_in_words(number: int, words: str) -> None:
    assert number_words(number) == words


def test_durations_and_counts_are_said_in_words() -> None:
    assert spoken_duration(30) == "thirty seconds"
    assert spoken_duration(29.6) == "thirty seconds"
    assert spoken_duration(1) == "one second"
    assert spoken_duration(60) == "one minute"
    assert spoken_duration(90) == "one minute thirty seconds"
    assert spoken_duration(150) == "two minutes thirty seconds"
    assert counted(1, "breath") == "one breath"
    assert counted(8, "rep") == "eight reps"


@pytest.mark.parametrize(
    ("name", "said"),
    [("Pigeon Pose", "Pigeon"), ("Cat-Cow Pose", "Cat-Cow"), ("Child's Pose", "Child's Pose"),
     ("Sphinx Pose with Pelvic Tilt", "Sphinx Pose with Pelvic Tilt"),
     ("90-90 Hip Stretch", "Ninety-ninety Hip Stretch"), ("Leg Swings (Front to Back)", "Leg Swings"),
     ("Supine Hamstring Stretch, Hands Behind Knee", "Supine Hamstring Stretch"), ("Pose", "Pose"),
     ("Low Lunge", "Low Lunge")],
)
def test_spoken_names_are_short(name: str, said: str) -> None:
    assert spoken_name(name) == said


def _pose(targets: list[Area], instructions: list[str]) -> Pose:
    return Pose(id="mine", name="Mine", kind="static-stretch", position="seated", targets=targets, per_side=True,
                hold=Hold(seconds=30), instructions=instructions)


def test_the_side_word_comes_from_what_the_pose_works() -> None:
    poses = builtin_poses()
    assert side_word(poses["pigeon"]) == "leg"
    assert side_word(poses["wall-calf-stretch"]) == "leg"
    assert side_word(poses["seated-spinal-twist"]) == "side"  # aimed at the spine
    assert side_word(poses["standing-side-bend"]) == "side"  # the IT band, but the arms lead
    # a custom pose is worded from its own data
    assert side_word(_pose([Area.CHEST_SHOULDERS], ["Reach your right arm across your chest."])) == "arm"
    assert side_word(_pose([Area.HAMSTRINGS], ["Lift your right leg; hold the right foot."])) == "leg"
    assert side_word(_pose([Area.LOWER_BACK], ["Drop your right knee across."])) == "side"
    sided = [pose for pose in poses.values() if pose.per_side]
    assert {side_word(pose) for pose in sided} == {"leg", "side"}
    assert sum(side_word(pose) == "leg" for pose in sided) > len(sided) // 2


def test_the_voice_says_pigeon_right_leg_thirty_seconds_and_the_tv_keeps_digits() -> None:
    catalog = builtin_poses()
    routine = Routine(name="Hips", items=[Step(pose="pigeon", hold=Hold(seconds=30), sides=Sides.BOTH),
                                         Step(pose="childs-pose", hold=Hold(breaths=5))])
    clock = FakeClock()
    session = Session(expand(routine, catalog), clock)
    presenter = Presenter(routine, catalog, session)
    said = {i: presenter.speech(Event(EventKind.STARTED, i, 0.0)) for i in range(len(session.segments))}
    holds = [said[i] for i, segment in enumerate(session.segments) if segment.kind.value == "hold"]
    assert holds == ["Pigeon, right leg, thirty seconds", "Pigeon, left leg, thirty seconds",
                     "Child's Pose, five breaths"]
    assert said[0] == "Get ready: Pigeon, right leg"
    assert presenter.speech(Event(EventKind.TICK, 1, 0.0, 2)) == "two"
    session.start()
    clock.advance(routine.prepare_seconds + 1)
    screen = presenter.tv_content(session.state())
    assert (screen.pose_name, screen.side, screen.countdown) == ("Pigeon Pose", "RIGHT", "29")


def test_no_voice_line_of_a_built_in_routine_has_a_digit() -> None:
    catalog = builtin_poses()
    for routine in builtin_routines().values():
        session = Session(expand(routine, catalog), FakeClock())
        presenter = Presenter(routine, catalog, session)
        for index in range(len(session.segments)):
            words = presenter.speech(Event(EventKind.STARTED, index, 0.0)) or ""
            assert not re.search(r"\d", words), words
            assert " Pose," not in words or "Child's Pose" in words, words
