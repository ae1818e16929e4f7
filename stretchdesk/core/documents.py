"""The on-disk JSON documents: a header (format, version) around a payload.

Reading checks the header before the payload so that a file written by a newer
StretchDesk is recognised and left alone instead of being called corrupt.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.safeio import CantRead, UnreadableSource, read_regular_file

FORMAT_VERSION = 1
ROUTINE_FORMAT = "stretchdesk-routine"
POSE_FORMAT = "stretchdesk-pose"
POSES_FORMAT = "stretchdesk-poses"
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_NESTING = 40


class BadDocument(StretchDeskError):
    """The file is not a valid document of the expected kind."""


class NewerVersion(StretchDeskError):
    """The file was written by a newer StretchDesk; it must not be touched."""


def read_json_bytes(data: bytes, source: str) -> Any:
    if len(data) > MAX_DOCUMENT_BYTES:
        raise BadDocument(
            f"{source}: file is {len(data) / 1e6:.1f} MB; the limit is "
            f"{MAX_DOCUMENT_BYTES // 1024 // 1024} MB"
        )
    if not data.strip():
        raise BadDocument(f"{source}: the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadDocument(f"{source}: not UTF-8 text (byte {error.start})") from None
    try:
        value = json.loads(text)
    except RecursionError:
        raise BadDocument(f"{source}: JSON nested too deeply") from None
    except json.JSONDecodeError as error:
        raise BadDocument(
            f"{source}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except ValueError as error:
        raise BadDocument(f"{source}: not usable JSON ({_first_words(str(error))})") from None
    if _depth(value) > MAX_NESTING:
        raise BadDocument(f"{source}: JSON nested deeper than {MAX_NESTING} levels")
    return value


def _first_words(text: str) -> str:
    return text.split(";")[0].split("\n")[0][:120]


def _depth(value: Any) -> int:
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        current, level = stack.pop()
        if isinstance(current, dict):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in current.values())
        elif isinstance(current, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in current)
    return deepest


def check_header(value: Any, expected_format: str, source: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadDocument(f"{source}: expected a JSON object with \"format\": \"{expected_format}\"")
    found = value.get("format")
    if found != expected_format:
        raise BadDocument(
            f"{source}: \"format\" is {found!r}, expected {expected_format!r}"
        )
    version = value.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadDocument(f"{source}: \"version\" must be a whole number >= 1, got {version!r}")
    if version > FORMAT_VERSION:
        raise NewerVersion(
            f"{source}: written by a newer StretchDesk (format version {version}; this one reads "
            f"{FORMAT_VERSION}); update StretchDesk to open it"
        )
    return value


def describe_validation_error(error: ValidationError, source: str) -> str:
    """The first problem, as one line that says where and what to fix."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "document"
    more = len(error.errors()) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{source}: {where}: {first['msg']}{suffix}"


def read_document(path: Path, expected_format: str) -> dict[str, Any]:
    return check_header(read_json_bytes(read_document_bytes(path), str(path)), expected_format, str(path))


def read_document_bytes(path: Path) -> bytes:
    """A document's bytes: regular files only, never more than the size limit."""
    try:
        return read_regular_file(path, MAX_DOCUMENT_BYTES)
    except CantRead:
        raise
    except UnreadableSource as error:
        raise BadDocument(str(error)) from None


def dump_document(expected_format: str, **payload: Any) -> str:
    document = {"format": expected_format, "version": FORMAT_VERSION, **payload}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
