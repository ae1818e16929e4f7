""""Make me a routine": a recipe in, a routine that fits the time and flows out.

Steps: pick a closing rest (when there is time) and a gentle opener, cover each
focus area, fill up with focus poses (weighted by the recipe, seeded so the same
recipe and seed always give the same routine), order them by position, then
choose every hold inside its recommended range so the expanded timeline lands
on the requested minutes (generator_holds.py).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence

from stretchdesk.core.generator_flow import (
    RANK,
    RELAXATION_FROM_MINUTES,
    RELAXATION_POSES,
    flow_order,
    is_gentle,
)
from stretchdesk.core.generator_holds import TOLERANCE, HoldUnits, fit_holds, hold_units, sides
from stretchdesk.core.models import Pose, Routine, Step
from stretchdesk.core.recipes import Recipe, RecipeError, focus_label
from stretchdesk.core.timeline import expand
from stretchdesk.core.vocabulary import Area, Difficulty, Position, Sides

__all__ = ["MIN_FOCUS_SHARE", "TOLERANCE", "allowed_poses", "generate"]

MIN_FOCUS_SHARE = 0.6
MAX_REPEATS = 3
MAX_ROUNDS = 80
CLOSER_SHARE = 0.08
"""The closing rest gets about this share of the time (inside its own range)."""

_LEVELS = {
    Difficulty.BEGINNER: {Difficulty.BEGINNER},
    Difficulty.INTERMEDIATE: {Difficulty.BEGINNER, Difficulty.INTERMEDIATE},
    Difficulty.ADVANCED: set(Difficulty),
}


def allowed_poses(recipe: Recipe, catalog: Mapping[str, Pose]) -> list[Pose]:
    """Poses the recipe permits: props at hand, positions not avoided, level, kind."""
    levels = _LEVELS[recipe.level]
    return [
        pose
        for pose in catalog.values()
        if pose.position not in recipe.avoid
        and set(pose.props) <= recipe.props
        and pose.difficulty in levels
        and pose.kind in recipe.kinds
    ]


class _Builder:
    def __init__(self, recipe: Recipe, catalog: Mapping[str, Pose]) -> None:
        self.recipe = recipe
        self.catalog = catalog
        self.rng = random.Random(recipe.seed)
        self.pool = allowed_poses(recipe, catalog)
        if not self.pool:
            raise RecipeError("no pose fits these props, positions and level: allow more of them")
        areas = {area for pose in self.pool for area in pose.targets}
        self.focus: Mapping[Area, float] = recipe.focus or {area: 1.0 for area in sorted(areas)}
        self.named: Sequence[Area] = list(recipe.focus)
        """Areas the runner named: each must be covered (the whole body needs no such promise)."""
        missing = [area.value for area in self.named if area not in areas]
        if missing:
            raise RecipeError(
                f"no pose for {', '.join(missing)} with these props, positions and level: "
                "allow more props or positions, or drop that area"
            )
        self.target = recipe.seconds
        self.closer: Pose | None = None
        self.opener: Pose | None = None
        self.picks: list[Pose] = []
        self.essential: set[int] = set()
        self._units: dict[str, HoldUnits] = {}
        self._estimates: dict[tuple[str, float], float] = {}
        self._pools_after: dict[Position, list[Pose]] = {}
        # Looked up for every pose of the pool at every pick: worked out once.
        self._weights = {p.id: sum(self.focus.get(area, 0.0) for area in p.targets) for p in self.pool}
        self._shortest = {p.id: self.estimate(p, 0.0) for p in self.pool}

    def weight(self, pose: Pose) -> float:
        return self._weights[pose.id]

    def units(self, pose: Pose) -> HoldUnits:
        if pose.id not in self._units:
            self._units[pose.id] = hold_units(pose)
        return self._units[pose.id]

    def estimate(self, pose: Pose, at: float) -> float:
        """Seconds the pose adds with holds `at` (0-1) through its range, switches included."""
        key = (pose.id, at)
        if key not in self._estimates:
            units = self.units(pose)
            per_side = (units.low + at * (units.high - units.low)) * units.unit
            self._estimates[key] = sides(pose) * per_side + 5.0 * sides(pose)
        return self._estimates[key]

    def current(self, at: float) -> float:
        return 10.0 + sum(self.estimate(pose, at) for pose in self.chosen())

    def chosen(self) -> list[Pose]:
        return [p for p in (self.opener, *self.picks, self.closer) if p is not None]

    def pick(self, pool: Sequence[Pose]) -> Pose | None:
        counts = Counter(p.id for p in self.chosen())
        room = self.target * (1 + TOLERANCE) - self.current(0.0)
        shortest, closer = self._shortest, self.closer
        fitting = [p for p in pool if counts[p.id] < MAX_REPEATS and shortest[p.id] <= room and p is not closer]
        if not fitting:
            return None
        weights = [(self._weights[p.id] or 0.05) / (1 + 4 * counts[p.id]) for p in fitting]
        return self.rng.choices(fitting, weights=weights)[0]

    def choose_closer(self) -> None:
        if self.recipe.minutes < RELAXATION_FROM_MINUTES:
            return
        top = max(RANK[pose.position] for pose in self.pool)
        rests = [p for p in self.pool if p.id in RELAXATION_POSES and RANK[p.position] == top]
        rests = [p for p in rests if p.recommended_range().min_seconds <= 2 * CLOSER_SHARE * self.target]
        if rests:
            self.closer = self.rng.choice(rests)

    def choose_opener(self) -> None:
        gentle = [p for p in self.pool if is_gentle(p) and p is not self.closer]
        if self.closer is not None:
            elsewhere = [p for p in gentle if p.position != self.closer.position]
            gentle = elsewhere or gentle
        gentle = [p for p in gentle if self._covers(self._pool_after(p))]
        gentle = [p for p in gentle if self.weight(p) > 0] or gentle
        if not gentle:
            return
        # Open where the most focus poses can still follow, so the opener narrows nothing it needn't.
        kept = {p.id: sum(1 for q in self._pool_after(p) if self.weight(q) > 0) for p in gentle}
        gentle = [p for p in gentle if kept[p.id] == max(kept.values())]
        weights = [self.weight(p) or 0.1 for p in gentle]
        self.opener = self.rng.choices(gentle, weights=weights)[0]
        self.pool = self._pool_after(self.opener)
        self._pools_after.clear()  # they were cut from the pool before the opener narrowed it

    def _pool_after(self, opener: Pose) -> list[Pose]:
        """What may follow this opener without going back up or splitting the closer's position
        (it depends only on the opener's position, so it is worked out once per position)."""
        position = opener.position
        if position not in self._pools_after:
            pool = [p for p in self.pool if RANK[p.position] >= RANK[position]]
            if self.closer is not None and position == self.closer.position:
                pool = [p for p in pool if p.position == self.closer.position]
            self._pools_after[position] = pool
        return self._pools_after[position]

    def _covers(self, pool: Sequence[Pose]) -> bool:
        return all(any(area in p.targets for p in pool) for area in self.named)

    def focus_pool(self) -> list[Pose]:
        return [p for p in self.pool if self.weight(p) > 0 and p is not self.closer]

    def cover(self) -> None:
        for area in sorted(self.named, key=lambda a: (-self.focus[a], a.value)):
            if any(area in pose.targets for pose in self.chosen()):
                continue
            pose = self.pick([p for p in self.focus_pool() if area in p.targets])
            if pose is None:
                raise RecipeError(
                    f"{self.recipe.minutes:g} minutes is too short to cover {area.value} "
                    "with the other areas: add minutes or drop an area"
                )
            self.picks.append(pose)
            self.essential.add(len(self.picks) - 1)

    def fill(self) -> None:
        at = self.recipe.hold_bias
        pool = self.focus_pool()
        while self.current(at) < self.target:
            before = self.target - self.current(at)
            pose = self.pick(pool)
            if pose is None:
                return
            self.picks.append(pose)
            if self.current(at) - self.target > before:
                self.picks.pop()
                return

    def build(self) -> Routine:
        self.choose_closer()
        self.choose_opener()
        self.cover()
        self.fill()
        for _ in range(MAX_ROUNDS):
            routine, verdict = self.fit()
            if verdict == 0:
                self._check_focus(routine)
                return routine
            if verdict < 0 and not self.grow():
                break
            if verdict > 0 and not self.shrink():
                break
        raise RecipeError(
            f"can't fit {self.recipe.minutes:g} minutes with the poses these settings allow: "
            "allow more props, positions or areas, or change the minutes"
        )

    def _check_focus(self, routine: Routine) -> None:
        timeline = expand(routine, self.catalog)
        held = timeline.hold_seconds
        on_focus = sum(
            s.seconds for s in timeline.holds()
            if s.pose and set(self.catalog[s.pose].targets) & set(self.focus)
        )
        if held and on_focus / held < MIN_FOCUS_SHARE:
            raise self._too_few_focus_poses()

    def grow(self) -> bool:
        pose = self.pick(self.focus_pool()) or self.pick(self.pool)
        if pose is None:
            return False
        self.picks.append(pose)
        if self.focus_share(self.recipe.hold_bias) < MIN_FOCUS_SHARE + 0.05:
            self.picks.pop()
            raise self._too_few_focus_poses()
        return True

    def _too_few_focus_poses(self) -> RecipeError:
        names = ", ".join(area.value for area in self.focus)
        return RecipeError(
            f"too few poses for {names} to fill {self.recipe.minutes:g} minutes: "
            "add areas, props or positions, or ask for fewer minutes"
        )

    def focus_share(self, at: float) -> float:
        """Estimated share of holding time on focus areas, from mid-range holds."""
        held = [(self.estimate(p, at) - 5.0 * sides(p), self.weight(p) > 0) for p in self.chosen()]
        total = sum(seconds for seconds, _ in held)
        return sum(seconds for seconds, on in held if on) / total if total else 1.0

    def shrink(self) -> bool:
        for index in range(len(self.picks) - 1, -1, -1):
            if index not in self.essential:
                del self.picks[index]
                return True
        if self.closer is not None:
            self.closer = None
            return True
        return False

    def fit(self) -> tuple[Routine, int]:
        """Holds chosen to land on the target; verdict -1 too short, +1 too long, 0 fits."""
        order = flow_order(self.chosen(), self.opener, self.closer)
        units = [self.units(pose) for pose in order]
        chosen = [u.low for u in units]
        fixed = set()
        if self.closer is not None and order[-1] is self.closer:
            u = units[-1]
            wanted = CLOSER_SHARE * self.target / u.unit
            chosen[-1] = min(u.high, max(u.low, round(wanted)))
            fixed.add(len(order) - 1)
        glue = self._glue(order, units)
        verdict = fit_holds(order, units, chosen, fixed, glue, self.target)
        return self._routine(order, units, chosen), verdict

    def _glue(self, order: list[Pose], units: list[HoldUnits]) -> float:
        routine = self._routine(order, units, [u.low for u in units])
        timeline = expand(routine, self.catalog)
        return timeline.total_seconds - timeline.hold_seconds

    def _routine(self, order: list[Pose], units: list[HoldUnits], chosen: list[int]) -> Routine:
        steps = [
            Step(pose=pose.id, hold=u.hold(n), sides=Sides.BOTH)
            for pose, u, n in zip(order, units, chosen, strict=True)
        ]
        recipe = self.recipe
        name = recipe.title or f"{focus_label(recipe.focus)} · {recipe.minutes:g} min"
        return Routine(
            name=name[:100],
            description=(
                f"Made from a recipe: {recipe.describe()} (seed {recipe.seed}). "
                "Regenerate for another routine from the same recipe."
            ),
            items=steps,
            tags=["generated"],
        )


def generate(recipe: Recipe, catalog: Mapping[str, Pose]) -> Routine:
    """A routine for the recipe; the same recipe and seed always give the same routine."""
    return _Builder(recipe, catalog).build()
