"""Routine and pose files: the JSON text saved for one, reading one back, listing a folder.

Reading validates straight from bytes and only on failure looks again for a precise
one-line message; files from a newer StretchDesk yield every id they may hold.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from stretchdesk.core.bundle import RoutineBundle
from stretchdesk.core.documents import (
    POSE_FORMAT,
    ROUTINE_FORMAT,
    BadDocument,
    check_header,
    describe_validation_error,
    dump_document,
    read_document,
    read_document_bytes,
    read_json_bytes,
)
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import SLUG_PATTERN, Pose, Routine
from stretchdesk.core.upkeep import is_listed_file

_SLUG = re.compile(SLUG_PATTERN)
_MAX_ID = 80


def routine_json(routine: Routine) -> str:
    return dump_document(ROUTINE_FORMAT, routine=routine.model_dump(mode="json"))


def pose_json(pose: Pose) -> str:
    custom = pose.model_copy(update={"custom": True})
    return dump_document(POSE_FORMAT, pose=custom.model_dump(mode="json"))


def parse_routine_document(payload: dict[str, object], source: str) -> Routine:
    try:
        return RoutineBundle.model_validate(payload).routine
    except ValidationError as error:
        raise BadDocument(describe_validation_error(error, source)) from None


def read_routine_file(path: Path) -> Routine:
    """Validate straight from bytes (fast); on failure, look again for a precise message."""
    data = read_document_bytes(path)
    try:
        return RoutineBundle.model_validate_json(data).routine
    except ValueError:
        pass
    payload = check_header(read_json_bytes(data, str(path)), ROUTINE_FORMAT, str(path))
    return parse_routine_document(payload, str(path))


def ids_in_newer_file(path: Path) -> frozenset[str]:
    """Every id a file from a newer StretchDesk may hold, whatever it calls the field: each
    string in it, key or value, that has the shape of an id. Over-counting only keeps a new
    id off a name; missing one could give two files one id."""
    try:
        value = read_json_bytes(read_document_bytes(path), str(path))
    except StretchDeskError:
        return frozenset()
    found: set[str] = set()
    stack: list[object] = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            stack.extend(current.keys())
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
        elif isinstance(current, str) and len(current) <= _MAX_ID and _SLUG.match(current):
            found.add(current)
    return frozenset(found)


def read_pose_file(path: Path) -> Pose:
    payload = read_document(path, POSE_FORMAT)
    try:
        return Pose.model_validate(payload.get("pose")).model_copy(update={"custom": True})
    except ValidationError as error:
        raise BadDocument(describe_validation_error(error, str(path))) from None


def json_files(folder: Path, regular_only: bool = True) -> list[Path]:
    try:
        entries = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return []
    return sorted(
        path
        for path in entries
        if path.suffix == ".json" and not path.name.startswith(".")
        and (not regular_only or is_listed_file(path))
    )
