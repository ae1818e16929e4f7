"""The commands that read or write the data dir: list poses and routines, show a
timeline, export, import, validate, and print the format's schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from stretchdesk.core.bundle import bundle_json, parse_bundle, routine_schema
from stretchdesk.core.documents import MAX_DOCUMENT_BYTES
from stretchdesk.core.models import format_duration
from stretchdesk.core.safeio import one_line, read_regular_file, shown
from stretchdesk.core.timeline import SegmentKind
from stretchdesk.core.workspace import Workspace


def workspace_of(args: argparse.Namespace, writes: bool = False) -> Workspace:
    """The data dir, its problems printed as warnings; a command that writes fails at once,
    in one line, when the data dir itself is unusable."""
    workspace = Workspace.open(getattr(args, "data_dir", None))
    if writes:
        workspace.store.ensure()
    for problem in workspace.problems:
        print(f"stretchdesk: warning: {one_line(problem)}", file=sys.stderr)
    return workspace


def print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def cmd_poses(args: argparse.Namespace) -> int:
    workspace = workspace_of(args)
    poses = list(workspace.catalog.values())
    if args.json:
        print_json([pose.model_dump(mode="json") for pose in poses])
        return 0
    for pose in poses:
        marks = " (custom)" if pose.custom else ""
        sided = "per side" if pose.per_side else ""
        print(f"{pose.id:38} {pose.name}{marks:9} {pose.hold.label():>12} {sided}")
    return 0


def cmd_routines(args: argparse.Namespace) -> int:
    workspace = workspace_of(args)
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
        print_json(rows)
        return 0
    for row in rows:
        kind = "built-in" if row["builtin"] else "yours"
        total = format_duration(float(str(row["total_seconds"])))
        print(f"{row['id']:34} {total:>8}  {kind:8}  {row['name']}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    workspace = workspace_of(args)
    routine = workspace.find(args.routine)
    timeline = workspace.timeline(routine)
    for problem in timeline.problems:
        print(f"stretchdesk: warning: {one_line(f'{routine.name}: {problem}')}", file=sys.stderr)
    if args.json:
        print_json([segment.as_json() for segment in timeline.segments])
        return 0
    print(f"{routine.name} — {format_duration(timeline.total_seconds)}")
    for segment in timeline.segments:
        name = workspace.catalog[segment.pose].name if segment.pose else ""
        side = f" ({segment.side.value})" if segment.side else ""
        label = name + side if segment.kind is SegmentKind.HOLD else f"[{segment.kind.value}] {name}"
        print(f"{format_duration(segment.start):>8}  {format_duration(segment.seconds):>6}  {label}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    workspace = workspace_of(args)
    routine = workspace.find(args.routine)
    if args.output == "-":
        sys.stdout.write(bundle_json(workspace.export_bundle(routine)))
        return 0
    workspace.export(routine, Path(args.output))
    print(f"exported {routine.name!r} to {shown(args.output)}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    workspace = workspace_of(args, writes=True)
    routine = workspace.import_file(args.file)
    print(f"imported {routine.name!r} as {routine.id}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    path: Path = args.file
    data = read_regular_file(path, MAX_DOCUMENT_BYTES)
    bundle = parse_bundle(data, str(path))
    print(f"{shown(path)}: valid routine {bundle.routine.name!r} ({len(bundle.custom_poses)} custom poses)")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    print_json(routine_schema())
    return 0
