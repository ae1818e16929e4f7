"""The `stretchdesk` command: the GUI with no arguments, scripting subcommands otherwise.

Qt is imported only by the commands that draw, so `stretchdesk routines` stays
fast and works on a machine without a display.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from stretchdesk import __version__
from stretchdesk.core.bundle import bundle_json, parse_bundle, routine_schema
from stretchdesk.core.documents import MAX_DOCUMENT_BYTES
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.generator import generate
from stretchdesk.core.models import format_duration
from stretchdesk.core.recipes import Recipe, RecipeError, parse_avoid, parse_focus, parse_level, parse_props
from stretchdesk.core.recipes_runs import parse_run, suggest
from stretchdesk.core.safeio import one_line, read_regular_file, shown
from stretchdesk.core.timeline import SegmentKind
from stretchdesk.core.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", _cmd_gui)
    original_stdout = sys.stdout
    sys.stdout = _GuardedOutput(original_stdout)
    try:
        if getattr(args, "data_dir", None) is not None and not args.data_dir.strip():
            raise StretchDeskError("--data-dir is empty; give the folder to use, or leave the option out")
        code = handler(args)
        sys.stdout.flush()
        return code
    except StretchDeskError as error:
        _say_error(str(error))
        return 1
    except KeyboardInterrupt:
        return 130
    except _OutputFailed as failure:
        _silence_stdout()
        if isinstance(failure.error, BrokenPipeError):
            return 0
        _say_error(f"can't write to standard output ({failure.error.strerror or failure.error})")
        return 1
    except OSError as error:
        _say_error(f"{shown(error.filename or 'a file')}: {error.strerror or error}")
        return 1
    except Exception as error:
        if os.environ.get("STRETCHDESK_DEBUG"):
            raise
        _say_error(f"unexpected {type(error).__name__}: {error} (STRETCHDESK_DEBUG=1 shows the details)")
        return 1
    finally:
        sys.stdout = original_stdout


class _OutputFailed(Exception):
    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _GuardedOutput:
    """Standard output that says when writing to it failed (a full disk, /dev/full, a
    closed pipe), so that case is told apart from a file the command was writing."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise _OutputFailed(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise _OutputFailed(error) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _say_error(message: str) -> None:
    print(f"stretchdesk: error: {one_line(message)}", file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit can't print a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where routines and custom poses live (default: $STRETCHDESK_DATA_DIR "
        "or the platform's user data dir)",
    )
    parser = argparse.ArgumentParser(
        prog="stretchdesk",
        description="Build post-run stretch routines and play them on a second screen.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    sub = command("poses", _cmd_poses, "list the pose library")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = command("routines", _cmd_routines, "list built-in and your own routines")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = command("show", _cmd_show, "print a routine's expanded timeline")
    sub.add_argument("routine", metavar="ROUTINE", help="routine id or exact name")
    sub.add_argument("--json", action="store_true", help="print the segments as JSON")
    sub = command("export", _cmd_export, "write a routine to a self-contained JSON file")
    sub.add_argument("routine", metavar="ROUTINE", help="routine id or exact name")
    sub.add_argument("-o", "--output", metavar="FILE", required=True,
                     help="the file to write, or - for standard output")
    sub = command("import", _cmd_import, "add a routine from an exported JSON file")
    sub.add_argument("file", metavar="FILE", type=Path)
    sub = command("validate", _cmd_validate, "check an exported routine file without importing")
    sub.add_argument("file", metavar="FILE", type=Path)
    command("schema", _cmd_schema, "print the JSON Schema of the routine format")
    sub = command("figures", _cmd_figures, "regenerate the pose figures or draw a contact sheet")
    sub.add_argument("--write", action="store_true", help="rewrite resources/images/*.svg")
    sub.add_argument("--sheet", metavar="FILE.png", type=Path, help="draw every figure to FILE")
    sub = command("generate", _cmd_generate, "make a routine from a recipe (time, focus, props)")
    sub.add_argument("--minutes", metavar="N", default=None,
                     help="how long, 3-60 (default 15, or what --after suggests)")
    sub.add_argument("--focus", metavar="AREAS", default=None,
                     help="areas to work on, e.g. hips,hamstrings or hips:2,calves (default: whole body)")
    sub.add_argument("--props", metavar="PROPS", default="none", help="none, or e.g. strap,wall,block")
    sub.add_argument("--avoid", metavar="POSITIONS", default="",
                     help="positions to leave out, e.g. kneeling,supine (lying and floor name groups)")
    sub.add_argument("--level", metavar="LEVEL", default="beginner", help="beginner, intermediate or advanced")
    sub.add_argument("--after", metavar="RUN", default=None,
                     help="today's run: easy, long, tempo, intervals, hills, trail, race, or before")
    sub.add_argument("--run-minutes", metavar="N", default="45", help="how long the run was")
    sub.add_argument("--seed", metavar="N", default=None, help="same seed, same routine")
    sub.add_argument("--save", action="store_true", help="store it with your routines and print its id")
    sub.add_argument("-o", "--output", metavar="FILE", type=Path, default=None,
                     help="write it in the export format (- for stdout)")
    command("install-desktop", _cmd_install_desktop, "add StretchDesk to your desktop's application menu")
    sub = command("play", _cmd_play, "open the player for a routine")
    sub.add_argument("routine", metavar="ROUTINE", help="routine id or exact name")
    sub.add_argument("--screen", metavar="N", type=int, default=None, help="screen number (0 = primary)")
    return parser


def _workspace(args: argparse.Namespace, writes: bool = False) -> Workspace:
    """The data dir, its problems printed as warnings; a command that writes fails at once,
    in one line, when the data dir itself is unusable."""
    workspace = Workspace.open(getattr(args, "data_dir", None))
    if writes:
        workspace.store.ensure()
    for problem in workspace.problems:
        print(f"stretchdesk: warning: {one_line(problem)}", file=sys.stderr)
    return workspace


def _print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _cmd_poses(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    poses = list(workspace.catalog.values())
    if args.json:
        _print_json([pose.model_dump(mode="json") for pose in poses])
        return 0
    for pose in poses:
        marks = " (custom)" if pose.custom else ""
        sided = "per side" if pose.per_side else ""
        print(f"{pose.id:38} {pose.name}{marks:9} {pose.hold.label():>12} {sided}")
    return 0


def _cmd_routines(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    rows = []
    for entry in workspace.entries():
        timeline = workspace.timeline(entry.routine)
        rows.append(
            {
                "id": entry.routine.id,
                "name": entry.routine.name,
                "builtin": entry.builtin,
                "total_seconds": timeline.total_seconds,
                "holds": sum(1 for _ in timeline.holds()),
            }
        )
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        kind = "built-in" if row["builtin"] else "yours"
        total = format_duration(float(str(row["total_seconds"])))
        print(f"{row['id']:34} {total:>8}  {kind:8}  {row['name']}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    routine = workspace.find(args.routine)
    timeline = workspace.timeline(routine)
    for problem in timeline.problems:
        print(f"stretchdesk: warning: {one_line(f'{routine.name}: {problem}')}", file=sys.stderr)
    if args.json:
        _print_json([segment.as_json() for segment in timeline.segments])
        return 0
    print(f"{routine.name} — {format_duration(timeline.total_seconds)}")
    for segment in timeline.segments:
        name = workspace.catalog[segment.pose].name if segment.pose else ""
        side = f" ({segment.side.value})" if segment.side else ""
        label = name + side if segment.kind is SegmentKind.HOLD else f"[{segment.kind.value}] {name}"
        print(f"{format_duration(segment.start):>8}  {format_duration(segment.seconds):>6}  {label}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    routine = workspace.find(args.routine)
    if args.output == "-":
        sys.stdout.write(bundle_json(workspace.export_bundle(routine)))
        return 0
    workspace.export(routine, Path(args.output))
    print(f"exported {routine.name!r} to {shown(args.output)}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    workspace = _workspace(args, writes=True)
    routine = workspace.import_file(args.file)
    print(f"imported {routine.name!r} as {routine.id}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    path: Path = args.file
    data = read_regular_file(path, MAX_DOCUMENT_BYTES)
    bundle = parse_bundle(data, str(path))
    print(f"{shown(path)}: valid routine {bundle.routine.name!r} ({len(bundle.custom_poses)} custom poses)")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    _print_json(routine_schema())
    return 0


def _cmd_generate(args: argparse.Namespace) -> int:
    recipe = recipe_from_args(args)
    workspace = _workspace(args)
    routine = generate(recipe, workspace.catalog)
    if args.save:
        routine = routine.touched(name=workspace.unique_name(routine.name))
        workspace.save(routine)
    if args.output is not None and str(args.output) == "-":
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


def _cmd_play(args: argparse.Namespace) -> int:
    display_problem = missing_display()
    if display_problem:
        raise StretchDeskError(display_problem)
    from stretchdesk.player.launcher import run_player

    return run_player(getattr(args, "data_dir", None), args.routine, args.screen)


def _cmd_figures(args: argparse.Namespace) -> int:
    if not (args.write or args.sheet):
        raise StretchDeskError("figures: say what to do: --write and/or --sheet FILE.png")
    from stretchdesk.drawing.offscreen_app import ensure_gui_app
    from stretchdesk.drawing.sheet import write_all_svgs, write_contact_sheet

    ensure_gui_app()
    if args.write:
        written = write_all_svgs()
        print(f"{len(written)} figure SVG(s) rewritten")
    if args.sheet:
        count = write_contact_sheet(args.sheet)
        print(f"contact sheet of {count} figures written to {args.sheet}")
    return 0


def _cmd_install_desktop(args: argparse.Namespace) -> int:
    from stretchdesk.desktop import install_desktop_entry

    try:
        written = install_desktop_entry()
    except OSError as error:
        raise StretchDeskError(f"{error.filename}: can't write ({error.strerror})") from None
    for path in written:
        print(f"wrote {path}")
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    display_problem = missing_display()
    if display_problem:
        raise StretchDeskError(display_problem)
    from stretchdesk.app import run_gui

    return run_gui(getattr(args, "data_dir", None))


def missing_display() -> str | None:
    """One line saying why no window can open here, or None when one can."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found (DISPLAY and WAYLAND_DISPLAY are unset): run StretchDesk in a "
        "desktop session, or under `xvfb-run`; the command-line tools (`stretchdesk --help`) "
        "work without one"
    )
