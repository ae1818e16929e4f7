"""`stretchdesk generate` and the after-the-run suggestions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stretchdesk.cli import main
from stretchdesk.core.bundle import parse_bundle
from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.generator import generate
from stretchdesk.core.generator_flow import RELAXATION_POSES, assess
from stretchdesk.core.recipes import LYING, RecipeError
from stretchdesk.core.recipes_runs import ADVICE, RunType, parse_run, suggest
from stretchdesk.core.vocabulary import Area, Kind, Position, Prop
from stretchdesk.core.workspace import Workspace


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_save_stores_the_routine_and_prints_only_its_id(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, err = run(capsys, "generate", "--minutes", "12", "--focus", "hips,hamstrings",
                         "--props", "strap", "--seed", "5", "--save")
    assert code == 0 and err == ""
    routine_id = out.strip()
    saved = Workspace.open(data_dir).get(routine_id)
    report = assess(saved, builtin_poses(), 12, [Area.HIPS, Area.HAMSTRINGS])
    assert report.time_error <= 0.05 and report.focus_share >= 0.6
    # Saving the same recipe twice keeps both, under different names.
    code, out, _ = run(capsys, "generate", "--minutes", "12", "--focus", "hips,hamstrings",
                       "--props", "strap", "--seed", "5", "--save")
    workspace = Workspace.open(data_dir)
    assert code == 0 and len(workspace.user) == 2
    assert workspace.get(out.strip()).name != saved.name


def test_output_writes_the_export_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "made.json"
    code, _, _ = run(capsys, "generate", "--minutes", "8", "--seed", "1", "-o", str(target))
    bundle = parse_bundle(target.read_bytes(), str(target))
    assert code == 0 and bundle.routine.pose_ids()
    code, out, _ = run(capsys, "generate", "--minutes", "8", "--seed", "1", "-o", "-")
    assert code == 0
    again = json.loads(out)
    assert again["routine"]["items"] == json.loads(target.read_text())["routine"]["items"]


def test_same_seed_prints_the_same_routine(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "generate", "--minutes", "20", "--focus", "glutes", "--seed", "9")
    second = run(capsys, "generate", "--minutes", "20", "--focus", "glutes", "--seed", "9")
    assert first == second and first[0] == 0 and "seed 9" in first[1]


def test_after_a_run_uses_the_suggested_recipe(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "generate", "--after", "long", "--run-minutes", "120", "--seed", "3", "--save")
    routine = Workspace.open(data_dir).get(out.strip())
    assert code == 0 and routine.name.startswith("After a long run")
    assert routine.pose_ids()[-1] in RELAXATION_POSES


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--minutes", "2"], "between 3 and 60"),
        (["--minutes", "abc"], "--minutes takes a number"),
        (["--seed", "-1"], "--seed takes a whole number"),
        (["--focus", "feet"], "unknown focus area 'feet'"),
        (["--props", "rope"], "unknown prop 'rope'"),
        (["--avoid", "upside-down"], "unknown position"),
        (["--level", "expert"], "unknown level"),
        (["--after", "nap"], "unknown run 'nap'"),
        (["--focus", "it-band", "--minutes", "20"], "too few poses for it-band"),
        (["--focus", "it-band", "--avoid", "standing,lying"], "no pose for it-band"),
    ],
)
def test_bad_input_is_one_line_and_a_failure(
    capsys: pytest.CaptureFixture[str], data_dir: Path, args: list[str], words: str
) -> None:
    code, out, err = run(capsys, "generate", *args)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and words in err
    assert not data_dir.exists() or not any(data_dir.rglob("*.json"))


@pytest.mark.parametrize("run_type", list(RunType))
@pytest.mark.parametrize("run_minutes", [20, 60, 150])
def test_every_run_type_gives_a_routine_that_meets_its_recipe(run_type: RunType, run_minutes: int) -> None:
    recipe = suggest(run_type, run_minutes, seed=run_minutes)
    routine = generate(recipe, builtin_poses())
    report = assess(routine, builtin_poses(), recipe.minutes, list(recipe.focus))
    assert report.time_error <= 0.05 and report.focus_share >= 0.6
    kinds = {builtin_poses()[pose].kind for pose in routine.pose_ids()}
    assert kinds <= set(ADVICE[run_type].kinds)


def test_before_a_run_moves_and_after_a_run_holds() -> None:
    before, after = suggest(RunType.BEFORE), suggest(RunType.EASY)
    assert Kind.STATIC_STRETCH not in before.kinds and Kind.STATIC_STRETCH in after.kinds
    assert Kind.STRENGTH not in after.kinds
    assert before.avoid >= LYING and not after.avoid
    routine = generate(before, builtin_poses())
    assert all(builtin_poses()[pose].position not in LYING for pose in routine.pose_ids())
    # If the runner can only lie down, the warm-up still uses what they can do.
    only_lying = frozenset(Position) - LYING
    assert suggest(RunType.BEFORE, avoid=only_lying).avoid == only_lying


def test_longer_runs_get_longer_sessions_and_long_runs_longer_holds() -> None:
    assert suggest(RunType.LONG, 150).minutes > suggest(RunType.LONG, 60).minutes
    assert suggest(RunType.LONG).hold_bias > suggest(RunType.EASY).hold_bias
    assert set(suggest(RunType.HILLS).focus) >= {Area.CALVES, Area.HIP_FLEXORS}
    assert suggest(RunType.EASY, props=frozenset({Prop.STRAP})).props == {Prop.STRAP}


def test_run_names_and_aliases() -> None:
    assert parse_run("Intervals") is RunType.TEMPO and parse_run("long") is RunType.LONG
    with pytest.raises(RecipeError, match="choose from"):
        parse_run("jog")
    with pytest.raises(RecipeError, match="run length"):
        suggest(RunType.EASY, -5)


def test_props_step_offers_the_step_heel_drop(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "generate", "--minutes", "8", "--focus", "calves", "--props", "step", "--seed", "2")
    assert code == 0 and err == "" and "Step Heel Drop (standing)" in out
    code, _, err = run(capsys, "generate", "--minutes", "8", "--props", "stairs")
    assert code == 1 and "unknown prop 'stairs'" in err and "step" in err and err.count("\n") == 1


def test_save_and_export_to_stdout_would_mix_the_id_into_the_json(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, err = run(capsys, "generate", "--minutes", "5", "--seed", "1", "--save", "-o", "-")
    assert code == 1 and out == "" and "give -o a FILE" in err and err.count("\n") == 1
    assert Workspace.open(data_dir).user == {}  # nothing was saved
