"""10,000 generated bundles: each ends in a valid import or one clear error line."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import resource
import uuid
from collections import deque
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.workspace import Workspace

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
scalars = st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats() | st.text(max_size=30)
json_like = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)
pose_ids = st.sampled_from(["pigeon", "low-lunge", "my-pose", "../x", "", "Bad Id", "a" * 200])
image_names = st.sampled_from(["p.png", "../p.png", "/etc/passwd", "p.svg", "p.exe", "..", "a/b.png", "p.jpg"])


@st.composite
def steps(draw: st.DrawFn) -> Any:
    return draw(st.one_of(
        st.fixed_dictionaries({"type": st.just("step"), "pose": pose_ids},
                              optional={"sides": st.sampled_from(["both", "left", "up"]),
                                        "hold": st.one_of(json_like, st.fixed_dictionaries({"seconds": scalars}))}),
        st.fixed_dictionaries({"type": st.just("rest"), "seconds": scalars}),
        json_like,
    ))


def nested(depth: int) -> Any:
    item: Any = {"type": "step", "pose": "pigeon"}
    for _ in range(depth):
        item = {"type": "block", "mode": "rounds", "rounds": 2, "items": [item]}
    return item


@st.composite
def bundles(draw: st.DrawFn) -> bytes:
    routine: dict[str, Any] = {
        "name": draw(st.one_of(st.text(max_size=20), st.just("x" * 5000), scalars)),
        "items": draw(st.one_of(st.lists(steps(), max_size=4), st.integers(0, 60).map(lambda d: [nested(d)]),
                                json_like)),
    }
    if draw(st.booleans()):
        routine["id"] = draw(st.one_of(pose_ids, scalars))
    custom = draw(st.lists(st.fixed_dictionaries({
        "pose": st.fixed_dictionaries({
            "id": pose_ids, "name": st.text(max_size=10), "kind": st.sampled_from(["strength", "nope"]),
            "position": st.just("supine"), "targets": st.just(["hips"]), "per_side": st.booleans(),
            "hold": st.just({"seconds": 20}), "instructions": st.just(["Do it."]), "image": image_names}),
        "image": st.fixed_dictionaries({
            "filename": image_names, "media_type": st.sampled_from(["image/png", "text/html"]),
            "data": st.sampled_from([PNG, "!!notbase64", "", base64.b64encode(b"GIF89a").decode()])}),
    }), max_size=2))
    document: dict[str, Any] = {
        "format": draw(st.sampled_from(["stretchdesk-routine", "stretchdesk-routine", "other", 3])),
        "version": draw(st.sampled_from([1, 1, 1, 2, 99, 0, -1, "1", None, 1.5])),
        "routine": routine,
        "custom_poses": custom,
    }
    for key in draw(st.lists(st.sampled_from(list(document)), max_size=2)):
        document.pop(key, None)
    return json.dumps(document).encode()


def current_rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


def files_outside(root: Path, data: Path) -> set[Path]:
    return {p for p in root.rglob("*") if data not in p.parents and p != data}


@pytest.mark.reliability
def test_ten_thousand_generated_bundles(tmp_path: Path) -> None:
    outcomes = {"imported": 0, "refused": 0}
    before = files_outside(tmp_path, tmp_path / "data")
    recent: deque[bytes] = deque(maxlen=500)

    @settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(payload=st.one_of(bundles(), st.binary(max_size=64)))
    def fuzz(payload: bytes) -> None:
        recent.append(payload)
        workspace = Workspace(tmp_path / "data" / uuid.uuid4().hex[:8])
        try:
            workspace.import_bytes(payload, "fuzz.json")
            outcomes["imported"] += 1
        except StretchDeskError as error:
            message = str(error)
            assert "\n" not in message and message.startswith("fuzz.json")
            outcomes["refused"] += 1

    fuzz()
    assert sum(outcomes.values()) >= int(os.environ.get("FUZZ_EXAMPLES", "10000"))
    assert outcomes["imported"] > 0 and outcomes["refused"] > 0
    assert files_outside(tmp_path, tmp_path / "data") == before
    for image in (tmp_path / "data").glob("*/images/*"):
        assert image.parent.parent.parent == tmp_path / "data"
    # Bounded: replaying the last 500 bundles 6 times (hypothesis itself out of the loop)
    # must not keep growing the process.
    samples = []
    for _ in range(6):
        for payload in recent:
            with contextlib.suppress(StretchDeskError):
                Workspace(tmp_path / "data" / uuid.uuid4().hex[:8]).import_bytes(payload, "fuzz.json")
        samples.append(current_rss_mb())
    growth_mb = samples[-1] - samples[1]
    assert growth_mb < 15, f"memory grew {growth_mb:.1f} MB over 2,000 replayed imports: {samples}"
