"""The `stretchdesk` command: the GUI with no arguments, scripting subcommands otherwise.

This module is the entry point: the parser, one-line errors and exit codes, and the
commands that open windows; the data-dir commands are in cli_data.py and
`generate` in cli_generate.py.

Qt is imported only by the commands that draw, so `stretchdesk routines` stays
fast and works on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from stretchdesk import __version__
from stretchdesk.cli_data import (
    cmd_export,
    cmd_import,
    cmd_poses,
    cmd_routines,
    cmd_schema,
    cmd_show,
    cmd_validate,
)
from stretchdesk.cli_generate import add_generate_arguments, cmd_generate
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.safeio import one_line, shown

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

    sub = command("poses", cmd_poses, "list the pose library")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = command("routines", cmd_routines, "list built-in and your own routines")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = command("show", cmd_show, "print a routine's expanded timeline")
    sub.add_argument("routine", metavar="ROUTINE", help="routine id or exact name")
    sub.add_argument("--json", action="store_true", help="print the segments as JSON")
    sub = command("export", cmd_export, "write a routine to a self-contained JSON file")
    sub.add_argument("routine", metavar="ROUTINE", help="routine id or exact name")
    sub.add_argument("-o", "--output", metavar="FILE", required=True,
                     help="the file to write, or - for standard output")
    sub = command("import", cmd_import, "add a routine from an exported JSON file")
    sub.add_argument("file", metavar="FILE", type=Path)
    sub = command("validate", cmd_validate, "check an exported routine file without importing")
    sub.add_argument("file", metavar="FILE", type=Path)
    command("schema", cmd_schema, "print the JSON Schema of the routine format")
    sub = command("figures", _cmd_figures, "regenerate the pose figures or draw a contact sheet")
    sub.add_argument("--write", action="store_true", help="rewrite resources/images/*.svg and their card rasters")
    sub.add_argument("--sheet", metavar="FILE.png", type=Path, help="draw every figure to FILE")
    sub = command("generate", cmd_generate, "make a routine from a recipe (time, focus, props)")
    add_generate_arguments(sub)
    command("install-desktop", _cmd_install_desktop, "add StretchDesk to your desktop's application menu")
    sub = command("play", _cmd_play, "open the player for a routine")
    sub.add_argument("routine", metavar="ROUTINE", help="routine id or exact name")
    sub.add_argument("--screen", metavar="N", type=int, default=None, help="screen number (0 = primary)")
    return parser


def _cmd_play(args: argparse.Namespace) -> int:
    display_problem = missing_display()
    if display_problem:
        raise StretchDeskError(display_problem)
    from stretchdesk.player.play_command import run_player

    return run_player(getattr(args, "data_dir", None), args.routine, args.screen)


def _cmd_figures(args: argparse.Namespace) -> int:
    if not (args.write or args.sheet):
        raise StretchDeskError("figures: say what to do: --write and/or --sheet FILE.png")
    from stretchdesk.drawing.offscreen_app import ensure_gui_app
    from stretchdesk.drawing.sheet import write_all_rasters, write_all_svgs, write_contact_sheet

    ensure_gui_app()
    if args.write:
        written = write_all_svgs()
        print(f"{len(written)} figure SVG(s) rewritten")
        rasters = write_all_rasters()
        print(f"{len(rasters)} card raster(s) rewritten")
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
