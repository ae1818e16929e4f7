"""Routine generator over 20 recipes (goal: <= 50 ms each), with how well each result
meets its recipe: time error, share of holding time on the focus areas, and position
changes against the fewest possible for the same poses.

Baseline, measured in the same run: a naive generator that shuffles the allowed focus
poses, keeps their default holds and stops at the requested time (what a hand-rolled
"random routine" button would do), on the same recipes.
Run: .venv/bin/python benchmarks/bench_generator.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.goals import goal
from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.generator import allowed_poses, generate
from stretchdesk.core.generator_flow import Assessment, assess
from stretchdesk.core.models import Pose, Routine, Step
from stretchdesk.core.recipes import Recipe, parse_avoid
from stretchdesk.core.recipes_runs import RunType, suggest
from stretchdesk.core.timeline import expand
from stretchdesk.core.vocabulary import Area, Difficulty, Position, Prop

REPEATS = 5
EVERYTHING = frozenset(Prop)


def recipes() -> list[Recipe]:
    """20 recipes a runner might ask for: every run type, short and long, few and many props."""
    made = [suggest(run, 60, seed=number) for number, run in enumerate(RunType)]
    made += [suggest(RunType.LONG, 150, props=EVERYTHING, level=Difficulty.INTERMEDIATE, seed=3)]
    made += [
        Recipe(3, {Area.HIPS: 1}, seed=1),
        Recipe(5, {Area.HAMSTRINGS: 1}, frozenset({Prop.STRAP}), seed=2),
        Recipe(10, {Area.HIPS: 2, Area.GLUTES: 1}, seed=3),
        Recipe(10, {Area.QUADS: 1, Area.HIP_FLEXORS: 1}, EVERYTHING, avoid=parse_avoid("lying"), seed=4),
        Recipe(20, {}, EVERYTHING, seed=5),
        Recipe(25, {Area.LOWER_BACK: 1, Area.SPINE: 1}, seed=6),
        Recipe(30, {Area.HIPS: 1, Area.HAMSTRINGS: 1}, EVERYTHING, level=Difficulty.ADVANCED, seed=7),
        Recipe(40, {}, seed=8),
        Recipe(45, {Area.GLUTES: 1, Area.HIPS: 1, Area.ADDUCTORS: 1}, EVERYTHING, seed=9),
        Recipe(60, {}, EVERYTHING, level=Difficulty.ADVANCED, seed=10),
        Recipe(8, {Area.QUADS: 1}, avoid=frozenset(Position) - {Position.STANDING}, seed=11),
        Recipe(12, {Area.CALVES: 1, Area.HAMSTRINGS: 1}, frozenset({Prop.WALL}), seed=12),
    ]
    assert len(made) == 20
    return made


def naive(recipe: Recipe, catalog: Mapping[str, Pose]) -> Routine:
    pool = [p for p in allowed_poses(recipe, catalog) if not recipe.focus or set(p.targets) & set(recipe.focus)]
    random.Random(recipe.seed).shuffle(pool)
    chosen: list[Step] = []
    for pose in pool:
        trial = Routine(name="naive", items=[*chosen, Step(pose=pose.id)])
        if expand(trial, catalog).total_seconds > recipe.seconds:
            break
        chosen.append(Step(pose=pose.id))
    return Routine(name="naive", items=chosen or [Step(pose=pool[0].id)])


def measure(routine: Routine, recipe: Recipe, catalog: Mapping[str, Pose]) -> Assessment:
    return assess(routine, catalog, recipe.minutes, list(recipe.focus))


def main() -> None:
    catalog = builtin_poses()
    generate(recipes()[0], catalog)  # warm: imports and pydantic validators
    times: list[float] = []
    naive_times: list[float] = []
    ours: list[Assessment] = []
    theirs: list[Assessment] = []
    print(f"{'recipe':58} {'ms':>6} {'error':>6} {'focus':>6} {'moves':>5} {'best':>4}")
    for recipe in recipes():
        runs = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            routine = generate(recipe, catalog)
            runs.append(time.perf_counter() - start)
        times.append(statistics.median(runs))
        report = measure(routine, recipe, catalog)
        ours.append(report)
        start = time.perf_counter()
        shuffled = naive(recipe, catalog)
        naive_times.append(time.perf_counter() - start)
        theirs.append(measure(shuffled, recipe, catalog))
        print(f"{recipe.describe()[:58]:58} {times[-1] * 1000:6.1f} {report.time_error:6.1%} "
              f"{report.focus_share:6.0%} {report.position_changes:5} {report.fewest_changes:4}")
    extra = sum(r.position_changes - r.fewest_changes for r in ours)
    naive_extra = sum(r.position_changes - r.fewest_changes for r in theirs)
    naive_error = max(r.time_error for r in theirs)
    print(f"ours: mean {statistics.mean(times) * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms per recipe")
    print(f"naive shuffle: worst time error {naive_error:.1%}, {naive_extra} position changes above the optimum")
    mean_naive = statistics.mean(naive_times) * 1000
    print(f"ratio ours/naive shuffle (mean time): {statistics.mean(times) * 1000 / mean_naive:.2f}")
    goal("generate a routine, mean of 20 recipes", statistics.mean(times) * 1000, 50, "ms",
         f"naive shuffle {mean_naive:.1f} ms")
    goal("generate a routine, slowest of 20 recipes", max(times) * 1000, 50, "ms",
         f"naive shuffle {max(naive_times) * 1000:.1f} ms")
    goal("generated total vs requested, worst error", max(r.time_error for r in ours) * 100, 5, "%",
         f"naive shuffle {naive_error:.0%}")
    goal("holding time off the focus areas, worst", max(1 - r.focus_share for r in ours) * 100, 40, "%",
         f"naive shuffle {max(1 - r.focus_share for r in theirs):.0%}")
    goal("position changes above the fewest possible, all 20", extra, 0, "changes",
         f"naive shuffle {naive_extra}")


if __name__ == "__main__":
    main()
