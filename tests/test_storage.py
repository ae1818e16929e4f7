from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from stretchdesk.core.atomic import atomic_write_text
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Routine, Step
from stretchdesk.core.storage import Store
from stretchdesk.core.workspace import Workspace
from tests.helpers import make_pose


def test_save_and_load_round_trip(data_dir: Path) -> None:
    store = Store(data_dir)
    routine = Routine(name="Evening", items=[Step(pose="pigeon")])
    path = store.save_routine(routine)
    assert path == data_dir / "routines" / f"{routine.id}.json"
    loaded = Store(data_dir).load_routines()
    assert loaded.items == {routine.id: routine} and loaded.problems == []


def test_atomic_write_leaves_the_old_file_when_the_write_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_unparsable_and_invalid_files_are_quarantined_not_deleted(data_dir: Path) -> None:
    store = Store(data_dir)
    store.ensure()
    (store.routines_dir / "broken.json").write_text("{not json")
    (store.routines_dir / "invalid.json").write_text(
        json.dumps({"format": "stretchdesk-routine", "version": 1, "routine": {"name": ""}})
    )
    (store.routines_dir / "empty.json").write_bytes(b"")
    loaded = store.load_routines()
    assert loaded.items == {}
    assert len(loaded.problems) == 3
    assert any("not valid JSON" in p and "moved to" in p for p in loaded.problems)
    assert any("routine.name" in p for p in loaded.problems)
    quarantined = sorted(p.name.split("-", 1)[1] for p in store.quarantine_dir.iterdir())
    assert quarantined == ["broken.json", "empty.json", "invalid.json"]
    assert (next(store.quarantine_dir.glob("*broken.json"))).read_text() == "{not json"


def test_newer_version_is_reported_left_alone_and_never_overwritten(data_dir: Path) -> None:
    store = Store(data_dir)
    store.ensure()
    future = {"format": "stretchdesk-routine", "version": 7, "routine": {"id": "fut", "name": "F"}}
    path = store.routines_dir / "fut.json"
    path.write_text(json.dumps(future))
    loaded = store.load_routines()
    assert loaded.items == {} and "newer StretchDesk" in loaded.problems[0]
    assert json.loads(path.read_text()) == future
    # a second file with its id would hide one of the two once StretchDesk is updated
    with pytest.raises(StretchDeskError, match=r"format version 7; .*it may hold 'fut' too"):
        store.save_routine(Routine(id="fut", name="Mine"))
    assert list(store.routines_dir.iterdir()) == [path] and json.loads(path.read_text()) == future
    assert store.save_routine(Routine(id="other", name="Other")).name == "other.json"


def test_a_known_file_that_became_newer_is_never_overwritten(data_dir: Path) -> None:
    store = Store(data_dir)
    path = store.save_routine(Routine(id="mine", name="Mine"))
    future = {"format": "stretchdesk-routine", "version": 7, "routine": {"id": "mine", "name": "F"}}
    path.write_text(json.dumps(future))
    with pytest.raises(StretchDeskError, match="not overwriting"):
        store.save_routine(Routine(id="mine", name="Mine again"))
    assert json.loads(path.read_text()) == future


def test_leftover_temp_files_from_a_crash_go_to_quarantine_and_are_reported(data_dir: Path) -> None:
    store = Store(data_dir)
    routine = Routine(name="Kept")
    path = store.save_routine(routine)
    (store.routines_dir / f".{routine.id}.json.abc.tmp").write_text("{half")
    os.link(path, store.routines_dir / f".{routine.id}.json.def.tmp")  # a finished file's second name
    loaded = store.load_routines()
    assert list(loaded.items) == [routine.id]
    assert len(loaded.problems) == 1 and "unfinished save" in loaded.problems[0]
    (moved,) = store.quarantine_dir.iterdir()
    assert moved.read_text() == "{half"
    assert sorted(p.name for p in store.routines_dir.iterdir()) == [path.name]
    assert Store(data_dir).load_routines().problems == []


def test_workspace_delete_goes_to_trash_and_restores(data_dir: Path) -> None:
    workspace = Workspace(data_dir)
    routine = Routine(name="Trash me")
    workspace.save(routine)
    trashed = workspace.delete(routine.id)
    assert trashed.exists() and routine.id not in Workspace(data_dir).user
    assert workspace.restore(trashed, routine.id) == routine
    assert routine.id in Workspace(data_dir).user


def test_builtin_routines_are_read_only_and_duplicate_to_edit(data_dir: Path) -> None:
    workspace = Workspace(data_dir)
    builtin = workspace.get("builtin-lower-back-love")
    with pytest.raises(StretchDeskError, match="read-only; duplicate it"):
        workspace.save(builtin)
    copy = workspace.duplicate(builtin.id)
    assert copy.id != builtin.id and copy.items == builtin.items
    assert copy.name == "Lower Back Love (4 poses) (2)"
    assert Workspace(data_dir).find(copy.name) == copy


def test_custom_poses_load_into_the_catalog(data_dir: Path) -> None:
    workspace = Workspace(data_dir)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    workspace.save_custom_pose(make_pose("my-couch-stretch", image="couch.svg"), svg)
    reopened = Workspace(data_dir)
    assert reopened.catalog.is_custom("my-couch-stretch")
    assert reopened.catalog["my-couch-stretch"].custom
    image = reopened.catalog["my-couch-stretch"].image
    assert image is not None and image.startswith("couch-")
    assert (data_dir / "images" / image).read_bytes() == svg
    with pytest.raises(StretchDeskError, match="taken by a built-in"):
        workspace.save_custom_pose(make_pose("pigeon"))


def test_find_by_id_or_exact_name_with_a_helpful_miss(data_dir: Path) -> None:
    workspace = Workspace(data_dir)
    assert workspace.find("builtin-wall-inversions").name == "Wall Inversions"
    assert workspace.find("Wall Inversions").id == "builtin-wall-inversions"
    with pytest.raises(StretchDeskError, match="stretchdesk routines"):
        workspace.find("Wall")


def test_loading_many_routines_reports_each_problem_once(data_dir: Path) -> None:
    store = Store(data_dir)
    for number in range(50):
        store.save_routine(Routine(name=f"R{number}", items=[Step(pose="pigeon")]))
    loaded = Store(data_dir).load_routines()
    assert len(loaded.items) == 50 and loaded.problems == []
