"""Prove a speed-up left every figure bit-identical: dump, change the code, dump, compare.

    .venv/bin/python benchmarks/figure_fingerprint.py dump /tmp/before.json
    ... change the skeleton code ...
    .venv/bin/python benchmarks/figure_fingerprint.py dump /tmp/after.json
    .venv/bin/python benchmarks/figure_fingerprint.py compare /tmp/before.json /tmp/after.json

The dump holds, for every figure, each keyframe's fields and its solved points,
directions and capsules, six blended frames between each pair of keyframes, the
motion cue's marks, and morph frames of a few transitions. Floats are written with
repr, so equal text means equal bits.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stretchdesk.core.skeleton import (
    Figure,
    cue_marks,
    figure_ids,
    interpolate,
    pose_figure,
    solve,
    transition,
)
from stretchdesk.core.skeleton.figure import FIGURE_FIELDS

BLEND_AT = (0.1, 0.25, 0.37, 0.5, 0.63, 0.9)


def _figure(figure: Figure) -> dict[str, Any]:
    skeleton = solve(figure)
    return {
        "fields": repr(tuple(getattr(figure, name) for name in FIGURE_FIELDS)),
        "points": repr(dict(skeleton.points)),
        "directions": repr(dict(skeleton.directions)),
        "capsules": repr(skeleton.capsules),
    }


def dump() -> dict[str, Any]:
    out: dict[str, Any] = {}
    ids = figure_ids()
    for pose_id in ids:
        pose = pose_figure(pose_id)
        keys = pose.keyframes
        entry: dict[str, Any] = {"keys": [_figure(k) for k in keys]}
        if pose.moving:
            pairs = zip(keys, keys[1:] + keys[:1], strict=True)
            entry["blends"] = [_figure(interpolate(a, b, t)) for a, b in pairs for t in BLEND_AT]
            entry["cue"] = repr(cue_marks(pose))
        out[pose_id] = entry
    morphs = list(zip(ids, ids[7:], strict=False))[::6]
    out["transitions"] = {
        f"{a}->{b}": [_figure(transition(pose_figure(a).figure, pose_figure(b).figure, t)) for t in (0.2, 0.5, 0.8)]
        for a, b in morphs
    }
    return out


def differences(before: Any, after: Any, path: str = "") -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        if before.keys() != after.keys():
            return [f"{path}: keys differ"]
        return list(itertools.chain.from_iterable(
            differences(before[k], after[k], f"{path}/{k}") for k in before))
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            return [f"{path}: {len(before)} against {len(after)} items"]
        return list(itertools.chain.from_iterable(
            differences(b, a, f"{path}[{i}]") for i, (b, a) in enumerate(zip(before, after, strict=True))))
    return [] if before == after else [path]


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "dump":
        Path(argv[1]).write_text(json.dumps(dump(), sort_keys=True))
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        found = differences(*(json.loads(Path(p).read_text()) for p in argv[1:]))
        for path in found[:20]:
            print("differs:", path)
        print(f"{len(found)} difference(s)")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
