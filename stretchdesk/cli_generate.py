"""`stretchdesk generate`: a recipe from the command line's words, a routine from the recipe.

The options mirror the dialog's inputs (core/recipes.py parses each one), so a bad
word gets the same one-line error here as there.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from stretchdesk.cli_data import workspace_of
from stretchdesk.core.bundle import bundle_json
from stretchdesk.core.generator import generate
from stretchdesk.core.models import format_duration
from stretchdesk.core.recipes import Recipe, RecipeError, parse_avoid, parse_focus, parse_level, parse_props
from stretchdesk.core.recipes_runs import parse_run, suggest


def add_generate_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `stretchdesk generate` (see the README's command list)."""
    parser.add_argument("--minutes", metavar="N", default=None,
                        help="how long, 3-60 (default 15, or what --after suggests)")
    parser.add_argument("--focus", metavar="AREAS", default=None,
                        help="areas to work on, e.g. hips,hamstrings or hips:2,calves (default: whole body)")
    parser.add_argument("--props", metavar="PROPS", default="none", help="none, or e.g. strap,wall,block")
    parser.add_argument("--avoid", metavar="POSITIONS", default="",
                        help="positions to leave out, e.g. kneeling,supine (lying and floor name groups)")
    parser.add_argument("--level", metavar="LEVEL", default="beginner", help="beginner, intermediate or advanced")
    parser.add_argument("--after", metavar="RUN", default=None,
                        help="today's run: easy, long, tempo, intervals, hills, trail, race, or before")
    parser.add_argument("--run-minutes", metavar="N", default="45", help="how long the run was")
    parser.add_argument("--seed", metavar="N", default=None, help="same seed, same routine")
    parser.add_argument("--save", action="store_true", help="store it with your routines and print its id")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, default=None,
                        help="write it in the export format (- for stdout)")


def cmd_generate(args: argparse.Namespace) -> int:
    to_stdout = args.output is not None and str(args.output) == "-"
    if args.save and to_stdout:
        raise RecipeError("--save prints the new routine's id on standard output, so it can't go with -o -: "
                          "give -o a FILE")
    recipe = recipe_from_args(args)
    workspace = workspace_of(args)
    routine = generate(recipe, workspace.catalog)
    if args.save:
        routine = routine.touched(name=workspace.unique_name(routine.name))
        workspace.save(routine)
    if to_stdout:
        sys.stdout.write(bundle_json(workspace.export_bundle(routine)))
    elif args.output is not None:
        workspace.export(routine, args.output)
    if args.save:
        print(routine.id)
    elif args.output is None:
        timeline = workspace.timeline(routine)
        print(f"{routine.name} — {format_duration(timeline.total_seconds)} (seed {recipe.seed})")
        for item in routine.pose_ids():
            pose = workspace.catalog[item]
            print(f"  {pose.name} ({pose.position.value})")
        print("use --save to keep it, -o FILE to export it, or another --seed for a different one")
    return 0


def recipe_from_args(args: argparse.Namespace) -> Recipe:
    """Command-line words to a Recipe; a missing seed is drawn at random and reported."""
    seed = int(_number(args.seed, "--seed")) if args.seed is not None else random.randrange(1_000_000)
    minutes = None if args.minutes is None else _number(args.minutes, "--minutes")
    props, avoid, level = parse_props(args.props), parse_avoid(args.avoid), parse_level(args.level)
    if args.after is not None:
        base = suggest(parse_run(args.after), _number(args.run_minutes, "--run-minutes"),
                       props=props, avoid=avoid, level=level, seed=seed)
        return Recipe(
            minutes=base.minutes if minutes is None else minutes,
            focus=base.focus if args.focus is None else parse_focus(args.focus),
            props=props, avoid=base.avoid, level=level, seed=seed, kinds=base.kinds,
            hold_bias=base.hold_bias, title=base.title if args.minutes is None else "",
        )
    return Recipe(
        minutes=15 if minutes is None else minutes,
        focus=parse_focus(args.focus or ""), props=props, avoid=avoid, level=level, seed=seed,
    )


def _number(text: str, option: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise RecipeError(f"{option} takes a number, not {text!r}") from None
    if option == "--seed" and (not value.is_integer() or value < 0):
        raise RecipeError(f"--seed takes a whole number of 0 or more, not {text!r}")
    return value
