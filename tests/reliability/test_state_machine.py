"""A stateful property test: random sequences of everything a user (and the world) does
to a data dir, checked after every step against a simple in-memory model.

The model is just "what the user has": live routines by id, custom poses with their
image bytes, trashed routines, and bytes that a corruption sent to quarantine. After
each step a fresh Workspace (as the next `stretchdesk` command or app start would)
must show exactly the model: nothing lost, nothing changed, nothing mixed up.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Pose, Routine, Step
from stretchdesk.core.routine_files import routine_json
from stretchdesk.core.workspace import Workspace
from tests.safety_helpers import bundle, png, pose_dict

pytestmark = pytest.mark.reliability

STEPS_RUN = {"operations": 0, "runs": 0}
ROUTINE_IDS = st.sampled_from(["r-shared", "r-other", "evening-hips", "routines", "r-shared-2"])
POSE_IDS = st.sampled_from(["p-towel", "p-wall", "pigeon-x"])
IMAGE_NAMES = st.sampled_from(["towel.png", "wall.png", "towel-0123456789ab.png"])


class DataDirModel(RuleBasedStateMachine):
    trashed = Bundle("trashed")

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="sd-state-"))
        self.data = self.root / "data"
        self.gui = Workspace(self.data)  # a long-lived workspace, as the open app holds one
        self.routines: dict[str, Routine] = {}
        self.poses: dict[str, Pose] = {}
        self.images: dict[str, bytes] = {}
        self.quarantined: list[bytes] = []
        self.trash: dict[str, Routine] = {}
        self.deleted_poses: set[str] = set()
        self.counter = 0
        STEPS_RUN["runs"] += 1

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def _workspace(self, fresh: bool, needs: str | None = None) -> Workspace:
        """A fresh workspace (the next CLI command) or the app's long-lived one, which may be
        stale: it re-reads the data dir only when its copy of the routine at hand is out of
        date (the app's file watcher fires on such changes); its memory of which file holds
        which routine stays as old as it is."""
        STEPS_RUN["operations"] += 1
        if fresh:
            return Workspace(self.data)
        if needs is not None and self.gui.user.get(needs) != self.routines.get(needs):
            self.gui.reload()
        return self.gui

    def _remember(self, workspace: Workspace, routine: Routine) -> None:
        self.routines[routine.id] = routine
        for pose_id in routine.pose_ids():
            if workspace.catalog.is_custom(pose_id):
                pose = workspace.catalog[pose_id]
                self.poses[pose_id] = pose
                if pose.image:
                    self.images[pose_id] = (self.data / "images" / pose.image).read_bytes()

    @rule(routine_id=ROUTINE_IDS, pose_ids=st.lists(POSE_IDS, max_size=2, unique=True),
          image_name=IMAGE_NAMES, shade=st.integers(0, 3), fresh=st.booleans())
    def import_bundle(self, routine_id: str, pose_ids: list[str], image_name: str, shade: int,
                      fresh: bool) -> None:
        self.counter += 1
        name = f"Import {self.counter}"
        poses = [(pose_dict(pid, name=f"{pid} v{shade}", image=image_name), png(shade=shade))
                 for pid in pose_ids]
        items = [{"type": "step", "pose": pid} for pid in pose_ids] or [{"type": "step", "pose": "pigeon"}]
        workspace = self._workspace(fresh)
        imported = workspace.import_bytes(bundle(routine_id, name, items, poses), "b.json")
        assert imported.id not in self.routines, "an import reused a live routine's id"
        for pose_id in imported.pose_ids():
            if workspace.catalog.is_custom(pose_id):
                pose = workspace.catalog[pose_id]
                assert pose.name.endswith(f"v{shade}"), "the import plays another bundle's pose"
                assert (self.data / "images" / str(pose.image)).read_bytes() == png(shade=shade)
        self._remember(workspace, imported)

    @rule(data=st.data(), fresh=st.booleans())
    def edit(self, data: st.DataObject, fresh: bool) -> None:
        if not self.routines:
            return
        routine_id = data.draw(st.sampled_from(sorted(self.routines)))
        self.counter += 1
        changed = self.routines[routine_id].touched(
            description=f"edit {self.counter}", items=[*self.routines[routine_id].items, Step(pose="butterfly")][-6:]
        )
        self._workspace(fresh, routine_id).save(changed)
        self.routines[routine_id] = changed

    @rule(data=st.data(), fresh=st.booleans())
    def rename(self, data: st.DataObject, fresh: bool) -> None:
        if not self.routines:
            return
        routine_id = data.draw(st.sampled_from(sorted(self.routines)))
        self.counter += 1
        renamed = self.routines[routine_id].touched(name=f"Renamed {self.counter}")
        self._workspace(fresh, routine_id).save(renamed)
        self.routines[routine_id] = renamed

    @rule(data=st.data(), fresh=st.booleans())
    def duplicate(self, data: st.DataObject, fresh: bool) -> None:
        if not self.routines:
            return
        routine_id = data.draw(st.sampled_from(sorted(self.routines)))
        workspace = self._workspace(fresh, routine_id)
        copy = workspace.duplicate(routine_id)
        assert copy.id not in self.routines and copy.items == self.routines[routine_id].items
        self.routines[copy.id] = copy

    @rule(target=trashed, data=st.data(), fresh=st.booleans())
    def delete(self, data: st.DataObject, fresh: bool) -> tuple[Path, str]:
        if not self.routines:
            return (Path("/nonexistent"), "")
        routine_id = data.draw(st.sampled_from(sorted(self.routines)))
        where = self._workspace(fresh, routine_id).delete(routine_id)
        self.trash[routine_id] = self.routines.pop(routine_id)
        return (where, routine_id)

    @rule(item=consumes(trashed), fresh=st.booleans())
    def restore(self, item: tuple[Path, str], fresh: bool) -> None:
        where, routine_id = item
        if not routine_id or routine_id not in self.trash:
            return
        restored = self._workspace(fresh).restore(where, routine_id)
        assert restored == self.trash[routine_id]
        self.routines[routine_id] = self.trash.pop(routine_id)

    @rule(file_name=st.sampled_from(["r-shared", "evening-hips", "x", "r-other"]), routine_id=ROUTINE_IDS)
    def external_edit(self, file_name: str, routine_id: str) -> None:
        """Another program (a sync tool, a text editor) adds a routine file under any free
        name, holding an id that may be another file's name."""
        self.counter += 1
        if routine_id in self.routines or routine_id in self.trash:
            routine_id = f"ext-{self.counter}"
        routine = Routine(id=routine_id, name=f"External {self.counter}", items=[Step(pose="pigeon")])
        path = self.data / "routines" / f"{file_name}.json"
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(routine_json(routine))
        self.routines[routine.id] = routine

    @rule(data=st.data(), fresh=st.booleans())
    def delete_a_custom_pose(self, data: st.DataObject, fresh: bool) -> None:
        """The user deletes one of their poses; routines that use it keep the step."""
        if not self.poses:
            return
        pose_id = data.draw(st.sampled_from(sorted(self.poses)))
        workspace = self._workspace(fresh)
        if not workspace.catalog.is_custom(pose_id):
            workspace.reload()
        workspace.delete_custom_pose(pose_id)
        del self.poses[pose_id]
        self.deleted_poses.add(pose_id)

    @rule(data=st.data())
    def corrupt_a_file(self, data: st.DataObject) -> None:
        """The disk (or a careless edit) damages one routine file."""
        if not self.routines:
            return
        routine_id = data.draw(st.sampled_from(sorted(self.routines)))
        path = _file_holding(self.data / "routines", routine_id)
        garbage = f'{{"broken": "{routine_id}"'.encode()
        path.write_bytes(garbage)
        self.quarantined.append(garbage)
        del self.routines[routine_id]

    @rule()
    def a_save_gets_killed(self) -> None:
        """A writer died between writing its temp file and renaming it."""
        self.counter += 1
        folder = self.data / "routines"
        folder.mkdir(parents=True, exist_ok=True)
        content = f"half a save {self.counter}".encode()
        (folder / f".r-{self.counter}.json.k{self.counter}.tmp").write_bytes(content)
        self.quarantined.append(content)

    @invariant()
    def nothing_is_lost_or_changed(self) -> None:
        workspace = Workspace(self.data)
        assert workspace.user == self.routines
        for pose_id, pose in self.poses.items():
            assert workspace.catalog[pose_id] == pose
            assert (self.data / "images" / str(pose.image)).read_bytes() == self.images[pose_id]
        for routine in self.routines.values():
            for pose_id in routine.pose_ids():
                if pose_id in self.deleted_poses:
                    assert pose_id not in workspace.catalog, f"{routine.name} now plays another pose as {pose_id}"
        trashed = [json.loads(p.read_text())["routine"]["id"] for p in (self.data / "trash").glob("*.json")]
        assert set(self.trash) <= set(trashed)
        quarantine = self.data / "quarantine"
        kept = sorted(p.read_bytes() for p in quarantine.iterdir()) if quarantine.is_dir() else []
        assert sorted(self.quarantined) == kept
        assert not [p for p in (self.data / "routines").glob(".*.tmp")] if (self.data / "routines").is_dir() else True


def _file_holding(folder: Path, routine_id: str) -> Path:
    for path in folder.glob("*.json"):
        try:
            if json.loads(path.read_text())["routine"]["id"] == routine_id:
                return path
        except (ValueError, KeyError, TypeError):
            continue
    raise AssertionError(f"no file holds {routine_id}")


def test_random_sequences_never_lose_or_change_a_users_file() -> None:
    examples = int(os.environ.get("STATE_MACHINE_EXAMPLES", "100"))
    machine = DataDirModel.TestCase
    machine.settings = settings(max_examples=examples, stateful_step_count=25, deadline=None,
                                database=None, suppress_health_check=list(HealthCheck))
    STEPS_RUN.update(operations=0, runs=0)
    try:
        machine().runTest()
    except StretchDeskError as error:  # pragma: no cover - a failure here is the finding
        raise AssertionError(f"an operation failed: {error}") from error
    print(f"\nstate machine: {STEPS_RUN['runs']} runs, {STEPS_RUN['operations']} operations")
    assert STEPS_RUN["operations"] > examples * 2
