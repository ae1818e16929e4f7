"""Parallel writers: 24 `stretchdesk import` processes started at once, every bundle with
the same routine id and the same custom pose id (each a different pose and picture),
while the open app's workspace keeps saving its own routine. Every routine must land,
each playing its own bundle's pose with its own picture."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchdesk.core.models import Routine, Step
from stretchdesk.core.workspace import Workspace
from tests.safety_helpers import bundle, png, pose_dict

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
WRITERS = int(os.environ.get("PARALLEL_WRITERS", "24"))


def test_parallel_imports_lose_nothing_and_mix_nothing_up(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = Workspace(data)
    mine = Routine(id="r-shared", name="Mine, already here", items=[Step(pose="pigeon")])
    app.save(mine)
    sources = []
    for number in range(WRITERS):
        source = tmp_path / f"bundle-{number}.json"
        pose = pose_dict("shared-pose", name=f"Pose of bundle {number}", image="towel.png")
        source.write_bytes(bundle("r-shared", f"Bundle {number}", [{"type": "step", "pose": "shared-pose"}],
                                  [(pose, png(shade=number))]))
        sources.append(source)
    env = {**os.environ, "STRETCHDESK_DATA_DIR": str(data)}
    processes = [
        subprocess.Popen([sys.executable, "-m", "stretchdesk", "import", str(source)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for source in sources
    ]
    saves = 0
    while any(process.poll() is None for process in processes):
        mine = mine.touched(description=f"saved {saves}")
        app.save(mine)
        saves += 1
    results = [process.communicate(timeout=120) for process in processes]
    for process, (_, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err
    after = Workspace(data)
    assert after.problems == []
    assert after.user["r-shared"] == mine, "the app's own routine was replaced or lost"
    imported = {r.name: r for r in after.user.values() if r.name.startswith("Bundle ")}
    assert len(imported) == WRITERS, f"only {len(imported)} of {WRITERS} routines are on disk"
    for number in range(WRITERS):
        (pose_id,) = imported[f"Bundle {number}"].pose_ids()
        pose = after.catalog[pose_id]
        assert pose.name == f"Pose of bundle {number}", "a routine plays another bundle's pose"
        assert (data / "images" / str(pose.image)).read_bytes() == png(shade=number)
    assert len({r.id for r in after.user.values()}) == WRITERS + 1
    print(f"\nparallel import: {WRITERS} processes, {saves} saves by the open app meanwhile, 0 lost")
