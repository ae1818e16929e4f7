"""Builders for the data-safety tests: bundles, images, snapshots of a data dir."""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import zlib
from pathlib import Path
from typing import Any

from stretchdesk.core.lock import LOCK_NAME


def png(width: int = 1, height: int = 1, shade: int = 0) -> bytes:
    """A real, decodable PNG (a grey square); `shade` makes different bytes."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\0" + bytes([shade % 256]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def png_header_only(width: int, height: int) -> bytes:
    """The first bytes of a PNG claiming a size: enough for the bomb check."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header + b"\0\0\0\0"


def fan_out_svg(levels: int = 8, fan: int = 10) -> bytes:
    """Each group draws the previous one `fan` times: tiny file, fan**levels shapes."""
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
             'viewBox="0 0 10 10"><defs><g id="g0"><rect width="1" height="1"/></g>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#g{level - 1}"/>' for _ in range(fan))
        parts.append(f'<g id="g{level}">{uses}</g>')
    parts.append(f'</defs><use xlink:href="#g{levels}"/></svg>')
    return "".join(parts).encode()


def pose_dict(pose_id: str, name: str | None = None, image: str | None = None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": pose_id, "name": name or pose_id.replace("-", " ").title(), "kind": "static-stretch",
        "position": "supine", "targets": ["hips"], "per_side": False, "hold": {"seconds": 30},
        "instructions": ["Lie down.", "Breathe."],
    }
    if image is not None:
        data["image"] = image
    data.update(extra)
    return data


def bundle(routine_id: str, name: str, items: list[dict[str, Any]],
           poses: list[tuple[dict[str, Any], bytes | None]] = ()) -> bytes:  # type: ignore[assignment]
    entries = []
    for pose, image in poses:
        entry: dict[str, Any] = {"pose": pose}
        if image is not None:
            kind = pose["image"].rsplit(".", 1)[-1]
            media = {"png": "image/png", "svg": "image/svg+xml", "jpg": "image/jpeg"}[kind]
            entry["image"] = {"filename": pose["image"], "media_type": media,
                              "data": base64.b64encode(image).decode()}
        entries.append(entry)
    document = {"format": "stretchdesk-routine", "version": 1,
                "routine": {"id": routine_id, "name": name, "items": items}, "custom_poses": entries}
    return json.dumps(document).encode()


def snapshot(root: Path) -> dict[str, str]:
    """Every file under the data dir (but the lock) by relative path, with a digest of its bytes."""
    if not root.is_dir():
        return {}
    files: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.name == LOCK_NAME or path.is_dir():
            continue
        files[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return files
