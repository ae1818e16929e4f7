"""The shipped library and built-in routines are complete and consistent."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from stretchdesk.core.catalog import builtin_poses, builtin_routines
from stretchdesk.core.paths import resource
from stretchdesk.core.timeline import expand, uses_tighter_side
from stretchdesk.core.vocabulary import Kind, Prop, Side

CATALOG_TSV = Path(__file__).resolve().parents[2] / "shared" / "catalog" / "poses.tsv"
SEED_ROUTINES = 13


def test_the_64_seed_poses_and_17_runner_essentials_are_present_with_complete_fields() -> None:
    poses = builtin_poses()
    assert len(poses) == 81
    for pose in poses.values():
        assert 3 <= len(pose.instructions) <= 6, pose.id
        assert 1 <= len(pose.cues) <= 3, pose.id
        assert all(text.strip() for text in [*pose.instructions, *pose.cues, *pose.cautions]), pose.id
        assert pose.summary and pose.hold_note and pose.credits and pose.targets, pose.id
        assert pose.image == f"{pose.id}.svg"


def test_pose_ids_match_the_seed_catalog() -> None:
    if not CATALOG_TSV.is_file():
        pytest.skip(f"the seed catalog {CATALOG_TSV} is not on this machine")
    with CATALOG_TSV.open(newline="") as handle:
        ids = [row["id"] for row in csv.DictReader(handle, delimiter="\t")]
    assert len(ids) == 64
    # the seed catalog first, in its order; then the runner essentials of issue 16
    assert list(builtin_poses())[: len(ids)] == ids


def test_every_listed_image_exists() -> None:
    missing = [p.id for p in builtin_poses().values() if not resource("images", p.image or "").is_file()]
    assert missing == []


def test_moving_poses_hold_as_reps_with_a_pace() -> None:
    for pose in builtin_poses().values():
        held_still = {"wall-psoas-hold", "hip-foam-rolling"}
        if pose.kind in (Kind.DYNAMIC_MOBILITY, Kind.STRENGTH) and pose.id not in held_still:
            assert pose.hold.reps is not None and pose.hold.seconds_per_rep, pose.id
    for pose_id in ("cat-cow", "glute-bridge", "fire-hydrants", "rocking-hip-to-heel", "lateral-band-walks"):
        assert builtin_poses()[pose_id].hold.reps, pose_id


def test_builtin_routines_are_the_13_seed_ones_plus_ours_and_all_expand_cleanly() -> None:
    routines = builtin_routines()
    ours = [r for r in routines.values() if "ours" in r.tags]
    assert len(routines) - len(ours) == SEED_ROUTINES and len(ours) >= 2
    for routine in routines.values():
        timeline = expand(routine, builtin_poses())
        assert timeline.problems == () and timeline.total_seconds > 60, routine.id
        assert routine.description, routine.id
    quickie = routines["builtin-post-run-hips-quickie"]
    assert 4 * 60 <= expand(quickie, builtin_poses()).total_seconds <= 6 * 60


def test_wall_sequence_repeats_the_tighter_side() -> None:
    wall = builtin_routines()["builtin-wall-inversions"]
    holds = [(s.pose, s.side) for s in expand(wall, builtin_poses()).holds()]
    cross = [side for pose, side in holds if pose == "wall-strap-cross-body-stretch"]
    figure_four = [side for pose, side in holds if pose == "wall-figure-four"]
    assert len(cross) == 3 and len(figure_four) == 3
    assert uses_tighter_side(wall)
    for tighter in Side:
        holds = [(s.pose, s.side) for s in expand(wall, builtin_poses(), tighter_side=tighter).holds()]
        assert [side for pose, side in holds if pose == "wall-strap-cross-body-stretch"][-1] is tighter
        assert [side for pose, side in holds if pose == "wall-figure-four"][-1] is tighter


RUNNER_ESSENTIALS = (
    "bent-knee-soleus-stretch", "step-heel-drop", "down-dog-calf-pedal", "toe-squat",
    "plantar-fascia-ball-roll", "standing-side-bend", "foam-roll-it-band", "foam-roll-quads",
    "foam-roll-calves", "thomas-test-hip-flexor-check", "leg-swings-front-back",
    "leg-swings-side-to-side", "walking-lunges", "high-knees", "butt-kicks", "ankle-circles", "hip-circles",
)


def test_the_runner_essentials_of_issue_16_have_full_pose_text() -> None:
    """Steps, cues, cautions, a hold range, targets, and props that match the figure's."""
    poses = builtin_poses()
    assert set(list(poses)[64:]) == set(RUNNER_ESSENTIALS)
    for pose_id in RUNNER_ESSENTIALS:
        pose = poses[pose_id]
        assert pose.instructions and pose.cues and pose.cautions and pose.targets, pose_id
        assert pose.hold_range is not None and pose.hold_range.min_seconds <= pose.hold.total_seconds(), pose_id
    assert poses["step-heel-drop"].props == [Prop.STEP]
