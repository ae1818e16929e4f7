from __future__ import annotations

import base64
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchdesk.core.bundle import parse_bundle, routine_schema
from stretchdesk.core.documents import BadDocument, NewerVersion
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Routine, Step
from stretchdesk.core.paths import resource
from stretchdesk.core.workspace import Workspace
from tests.helpers import make_pose

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def routine_with_custom_pose(workspace: Workspace) -> Routine:
    workspace.save_custom_pose(make_pose("towel-calf", per_side=True, image="towel.png"), PNG)
    routine = Routine(name="Mixed", items=[Step(pose="pigeon"), Step(pose="towel-calf")], tags=["x"])
    workspace.save(routine)
    return routine


def test_export_import_round_trip_on_another_machine(tmp_path: Path) -> None:
    here = Workspace(tmp_path / "here")
    routine = routine_with_custom_pose(here)
    exported = tmp_path / "mixed.json"
    here.export(routine, exported)
    there = Workspace(tmp_path / "there")
    imported = there.import_file(exported)
    assert imported == routine
    assert there.catalog["towel-calf"] == here.catalog["towel-calf"]
    image = there.catalog["towel-calf"].image
    assert image is not None and image.startswith("towel-") and image.endswith(".png")
    assert (tmp_path / "there" / "images" / image).read_bytes() == PNG


def test_import_of_a_clash_makes_a_copy_never_overwrites(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "d")
    routine = routine_with_custom_pose(workspace)
    exported = tmp_path / "mixed.json"
    workspace.export(routine, exported)
    copy = workspace.import_file(exported)
    assert copy.id != routine.id and copy.name == "Mixed (2)"
    assert workspace.get(routine.id) == routine
    assert len(list((tmp_path / "d" / "routines").glob("*.json"))) == 2


def test_import_renames_a_custom_pose_that_differs_from_the_local_one(tmp_path: Path) -> None:
    here = Workspace(tmp_path / "here")
    routine = routine_with_custom_pose(here)
    exported = tmp_path / "mixed.json"
    here.export(routine, exported)
    there = Workspace(tmp_path / "there")
    there.save_custom_pose(make_pose("towel-calf", seconds=99))
    imported = there.import_file(exported)
    assert imported.pose_ids() == ["pigeon", "towel-calf-2"]
    assert there.catalog["towel-calf"].hold.seconds == 99


def test_exported_files_validate_against_the_committed_schema(tmp_path: Path) -> None:
    schema = json.loads(resource("schema", "routine.schema.json").read_text())
    assert schema == routine_schema(), "run `stretchdesk schema > resources/schema/routine.schema.json`"
    workspace = Workspace(tmp_path / "d")
    exported = tmp_path / "mixed.json"
    workspace.export(routine_with_custom_pose(workspace), exported)
    jsonschema.validate(json.loads(exported.read_text()), schema)
    for path in resource("routines").glob("*.json"):
        jsonschema.validate(json.loads(path.read_text()), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": "stretchdesk-routine", "version": 1, "routine": {"name": 3}}, schema)


def bundle_bytes(**changes: object) -> bytes:
    document: dict[str, object] = {
        "format": "stretchdesk-routine", "version": 1,
        "routine": {"id": "r1", "name": "R", "items": [{"type": "step", "pose": "pigeon"}]},
    }
    document.update(changes)
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2", "not valid JSON"),
        (b"[]", "expected a JSON object"),
        (bundle_bytes(format="other"), "\"format\" is 'other'"),
        (bundle_bytes(version="1"), "\"version\" must be a whole number"),
        (b"[" * 100 + b"]" * 100, "nested deeper"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
        (bundle_bytes(routine={"name": "x", "items": [{"type": "step", "pose": "Bad Id"}]}),
         "routine.items.0.step.pose"),
        (bundle_bytes(custom_poses=[{"pose": {**make_pose("p").model_dump(mode="json"), "image": "../../etc/x.png"}}]),
         "plain file name"),
        (bundle_bytes(custom_poses=[{
            "pose": make_pose("p", image="p.png").model_dump(mode="json"),
            "image": {"filename": "../p.png", "media_type": "image/png", "data": ""}}]), "filename"),
        (bundle_bytes(custom_poses=[{
            "pose": make_pose("p", image="p.png").model_dump(mode="json"),
            "image": {"filename": "p.png", "media_type": "image/png", "data": "bm90IGEgcG5n"}}]),
         "content is not a PNG"),
        (b" " * (11 * 1024 * 1024), "limit is 10 MB"),
    ],
)
def test_bad_bundles_get_one_clear_line(data: bytes, message: str) -> None:
    with pytest.raises(BadDocument) as caught:
        parse_bundle(data, "in.json")
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith("in.json")


def test_bundle_from_a_newer_version_is_refused_politely() -> None:
    with pytest.raises(NewerVersion, match="update StretchDesk"):
        parse_bundle(bundle_bytes(version=2), "in.json")


def test_failed_import_writes_nothing(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "d")
    source = tmp_path / "bad.json"
    source.write_bytes(bundle_bytes(routine={"name": ""}))
    with pytest.raises(StretchDeskError):
        workspace.import_file(source)
    assert not (tmp_path / "d").exists() or not any((tmp_path / "d").rglob("*.json"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)
near_bundles = st.fixed_dictionaries(
    {"format": st.sampled_from(["stretchdesk-routine", "x"]), "version": st.sampled_from([1, 2, 0, "1"]),
     "routine": json_values | st.fixed_dictionaries({"name": json_values, "items": json_values})},
    optional={"custom_poses": json_values},
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode()),
                         near_bundles.map(lambda v: json.dumps(v).encode())))
def test_garbage_never_escapes_as_an_uncaught_exception(tmp_path: Path, payload: bytes) -> None:
    workspace = Workspace(tmp_path / "fuzz")
    try:
        workspace.import_bytes(payload, "fuzz.json")
    except StretchDeskError as error:
        assert "\n" not in str(error)
