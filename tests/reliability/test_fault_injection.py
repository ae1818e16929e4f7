"""Fault injection: every operation that writes the data dir, with an OSError (ENOSPC,
EACCES, EIO, EROFS) raised at its 1st, 2nd, 3rd ... write, fsync, rename, link, mkdir,
unlink and open in turn, until the operation runs out of calls to break.

Each attempt must either complete (the operation's result is all there and the data
dir loads cleanly) or fail with one StretchDeskError line and leave the data dir
byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.history import History, SessionRecord
from stretchdesk.core.models import Pose, Routine, Step
from stretchdesk.core.workspace import Workspace
from tests.safety_helpers import bundle, png, pose_dict, snapshot

pytestmark = pytest.mark.reliability

CALLS = ("write", "fsync", "replace", "rename", "link", "mkdir", "unlink", "open")
ERRNOS = (errno.ENOSPC, errno.EACCES, errno.EIO, errno.EROFS)
INJECTED = {"faults": 0, "failed_cleanly": 0, "completed_anyway": 0}


@dataclass
class Injector:
    fail_at: int
    code: int
    count: int = 0
    fired: bool = False


@contextlib.contextmanager
def fault_at(fail_at: int, code: int) -> Iterator[Injector]:
    injector = Injector(fail_at, code)
    originals = {name: getattr(os, name) for name in CALLS}

    def wrap(name: str) -> Callable[..., object]:
        real = originals[name]

        def call(*args: object, **kwargs: object) -> object:
            injector.count += 1
            if injector.count == injector.fail_at:
                injector.fired = True
                raise OSError(injector.code, f"{os.strerror(injector.code)} (injected into {name})")
            return real(*args, **kwargs)

        return call

    for name in CALLS:
        setattr(os, name, wrap(name))
    try:
        yield injector
    finally:
        for name, real in originals.items():
            setattr(os, name, real)


Operation = Callable[[Workspace, Path], None]


def op_import(workspace: Workspace, tmp: Path) -> None:
    source = tmp / "bundle.json"
    if not source.exists():
        source.write_bytes(bundle("keep", "Imported", [{"type": "step", "pose": "mine"},
                                                       {"type": "step", "pose": "fresh"}],
                                  [(pose_dict("mine", name="Clashing edit", image="mine.png"), png(shade=9)),
                                   (pose_dict("fresh", image="towel.png"), png(shade=7))]))
    workspace.import_file(source)


def op_edit(workspace: Workspace, tmp: Path) -> None:
    routine = workspace.get("keep")
    workspace.save(routine.touched(description="edited", items=[*routine.items, Step(pose="pigeon")]))


def op_rename(workspace: Workspace, tmp: Path) -> None:
    workspace.save(workspace.get("keep").touched(name="Renamed"))


def op_duplicate(workspace: Workspace, tmp: Path) -> None:
    workspace.duplicate("keep")


def op_delete(workspace: Workspace, tmp: Path) -> None:
    workspace.delete("other")


def op_restore(workspace: Workspace, tmp: Path) -> None:
    (trashed,) = (workspace.data_dir / "trash").iterdir()
    workspace.restore(trashed, "other")


def op_new_pose(workspace: Workspace, tmp: Path) -> None:
    pose = Pose.model_validate(pose_dict("my-new-pose", image="new.png"))
    workspace.save_custom_pose(pose, png(shade=33))


def op_history(workspace: Workspace, tmp: Path) -> None:
    History(workspace.data_dir).add(SessionRecord(
        started=datetime(2026, 11, 30, 7, 0, tzinfo=UTC), routine_id="keep", routine_name="Keep",
        seconds=300.0, steps_completed=3, steps_total=3, finished=True, areas={}))


SCRIPT: list[tuple[str, Operation]] = [
    ("import", op_import), ("edit", op_edit), ("rename", op_rename), ("duplicate", op_duplicate),
    ("delete", op_delete), ("restore", op_restore), ("new pose", op_new_pose), ("history", op_history),
]


def seed(data: Path) -> None:
    workspace = Workspace(data)
    workspace.save_custom_pose(Pose.model_validate(pose_dict("mine", image="mine.png")), png(shade=1))
    workspace.save(Routine(id="keep", name="Keep", items=[Step(pose="mine")]))
    workspace.save(Routine(id="other", name="Other", items=[Step(pose="butterfly")]))


def content(data: Path) -> tuple[object, ...]:
    """What a user sees, without the random parts (ids, time stamps, file names)."""
    workspace = Workspace(data)
    assert workspace.problems == [], workspace.problems
    routines = sorted((r.name, r.description, len(r.items)) for r in workspace.user.values())
    poses = sorted((p.name, (data / "images" / str(p.image)).read_bytes()) for p in workspace.catalog.custom.values())
    history = (data / "history.jsonl").read_bytes() if (data / "history.jsonl").exists() else b""
    return tuple(routines), tuple(poses), history


def test_every_write_fails_cleanly_or_completes(tmp_path: Path) -> None:
    template = tmp_path / "template"
    seed(template)
    attempts = 0
    for index, (name, operation) in enumerate(SCRIPT):
        expected_dir = tmp_path / f"expected-{index}"
        shutil.copytree(template, expected_dir)
        operation(Workspace(expected_dir), tmp_path)
        expected = content(expected_dir)
        before = snapshot(template)
        fail_at = 1
        while True:
            work = tmp_path / f"work-{index}-{fail_at}"
            shutil.copytree(template, work)
            workspace = Workspace(work)
            failed: StretchDeskError | None = None
            with fault_at(fail_at, ERRNOS[fail_at % len(ERRNOS)]) as injector:
                try:
                    operation(workspace, tmp_path)
                except StretchDeskError as error:
                    failed = error
            attempts += 1
            if not injector.fired:
                assert failed is None
                break
            INJECTED["faults"] += 1
            if failed is not None:
                assert "\n" not in str(failed)
                assert snapshot(work) == before, f"{name}: fault #{fail_at} left a change behind ({failed})"
                INJECTED["failed_cleanly"] += 1
            else:
                assert content(work) == expected, f"{name}: fault #{fail_at} was swallowed but the result differs"
                INJECTED["completed_anyway"] += 1
            shutil.rmtree(work)
            fail_at += 1
        assert fail_at > 3, f"{name} made only {fail_at - 1} calls: the injector is not reaching it"
        shutil.rmtree(template)
        shutil.copytree(expected_dir, template)
    print(f"\nfault injection: {len(SCRIPT)} operations, {attempts} attempts, {INJECTED}")
    assert INJECTED["failed_cleanly"] > 50
