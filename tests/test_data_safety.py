"""Regression tests for every way a hostile or unlucky user lost data or got a traceback.

Each test names the case it attacks; together they cover the classes behind them:
ids vs file names, exclusive creation, content-addressed images, bounded reads,
odd targets, folders that lead outside, one line per error.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stretchdesk.cli import main
from stretchdesk.core.documents import BadDocument
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.imagecheck import image_problem
from stretchdesk.core.models import Block, BlockMode, Pose, Routine, Step
from stretchdesk.core.routine_files import read_routine_file, routine_json
from stretchdesk.core.storage import Store
from stretchdesk.core.workspace import Workspace
from tests.safety_helpers import bundle, fan_out_svg, png, png_header_only, pose_dict, snapshot

ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("stretchdesk: error: ") and "Traceback" not in err
    return lines[0]


# -- 1. an import never overwrites -------------------------------------------------------
def test_import_never_replaces_a_routine_whose_file_name_is_the_bundles_id(tmp_path: Path, data_dir: Path) -> None:
    store = Store(data_dir)
    store.ensure()
    mine = Routine(id="evening-hips", name="Evening hips", items=[Step(pose="pigeon")])
    (store.routines_dir / "r-shared.json").write_text(routine_json(mine))
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r-shared", "Shared", [{"type": "step", "pose": "butterfly"}]))
    imported = Workspace(data_dir).import_file(source)
    assert read_routine_file(store.routines_dir / "r-shared.json") == mine
    reopened = Workspace(data_dir)
    assert reopened.user["evening-hips"] == mine
    assert reopened.user[imported.id].pose_ids() == ["butterfly"]


def test_import_never_replaces_a_pose_file_or_an_image(tmp_path: Path, data_dir: Path) -> None:
    workspace = Workspace(data_dir)
    towel = png(shade=10)
    mine = workspace.save_custom_pose(Pose.model_validate(pose_dict("my-towel", image="towel.png")), towel)
    pose_file = data_dir / "poses" / "my-towel.json"
    os.rename(pose_file, data_dir / "poses" / "towel-calf.json")  # a file name that is not its id
    legacy = data_dir / "images" / "towel.png"  # how v1 stored images: the pose's own name
    legacy.write_bytes(towel)
    before = snapshot(data_dir)
    other = png(shade=200)
    edited = pose_dict("my-towel", name="My towel, edited", image="towel.png")
    stranger = pose_dict("towel-calf", name="Someone else's", image="towel.png")
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r-new", "Towels", [{"type": "step", "pose": "my-towel"},
                                                 {"type": "step", "pose": "towel-calf"}],
                              [(edited, other), (stranger, png(shade=99))]))
    imported = Workspace(data_dir).import_file(source)
    after = snapshot(data_dir)
    assert {k: v for k, v in after.items() if k in before} == before, "a file the user had was changed"
    reopened = Workspace(data_dir)
    assert reopened.catalog["my-towel"] == mine
    assert imported.pose_ids() == ["my-towel-2", "towel-calf-2"]
    images = {reopened.catalog[p].image for p in imported.pose_ids()}
    assert len(images) == 2 and mine.image not in images
    for pose_id, raw in zip(imported.pose_ids(), (other, png(shade=99)), strict=True):
        assert (data_dir / "images" / str(reopened.catalog[pose_id].image)).read_bytes() == raw


def test_importing_the_same_bundle_twice_shares_pose_and_image(tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r-1", "Twice", [{"type": "step", "pose": "mine"}],
                              [(pose_dict("mine", image="m.png"), png(shade=3))]))
    first = Workspace(data_dir).import_file(source)
    second = Workspace(data_dir).import_file(source)
    assert first.pose_ids() == second.pose_ids() == ["mine"] and first.id != second.id
    assert len(list((data_dir / "images").iterdir())) == 1
    assert len(list((data_dir / "poses").iterdir())) == 1


def test_a_newer_version_file_is_left_alone_and_the_import_writes_nothing_over_it(
    tmp_path: Path, data_dir: Path
) -> None:
    store = Store(data_dir)
    store.ensure()
    future = json.dumps({"format": "stretchdesk-routine", "version": 9, "routine": {}})
    (store.routines_dir / "r-x.json").write_text(future)
    (store.images_dir / "towel.png").write_bytes(png(shade=1))
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r-x", "X", [{"type": "step", "pose": "t"}],
                              [(pose_dict("t", image="towel.png"), png(shade=2))]))
    imported = Workspace(data_dir).import_file(source)
    assert imported.id != "r-x"
    assert (store.routines_dir / "r-x.json").read_text() == future
    assert (store.images_dir / "towel.png").read_bytes() == png(shade=1)


# -- 2. one bad file never stops the app ---------------------------------------------------
def test_a_file_with_a_huge_integer_is_quarantined_not_a_traceback(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    store = Store(data_dir)
    store.ensure()
    text = routine_json(Routine(id="big", name="Big"))
    text = text.replace('"prepare_seconds": 10.0', '"prepare_seconds": ' + "9" * 5000)
    assert "9" * 5000 in text
    (store.routines_dir / "big.json").write_text(text)
    code, _out, err = run(capsys, "routines")
    assert code == 0 and "Traceback" not in err
    (warning,) = err.strip().splitlines()
    assert "big.json" in warning and "moved to" in warning
    assert next(store.quarantine_dir.iterdir()).read_text() == text


def test_any_exception_while_reading_one_file_is_that_files_problem(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(data_dir)
    good = store.save_routine(Routine(name="Good"))
    bad = store.routines_dir / "bad.json"
    bad.write_text(good.read_text().replace("Good", "Bad"))
    original = read_routine_file

    def flaky(path: Path) -> Routine:
        if path.name == "bad.json":
            raise MemoryError("surprise")
        return original(path)

    monkeypatch.setattr("stretchdesk.core.storage.read_routine_file", flaky)
    loaded = Store(data_dir).load_routines()
    assert len(loaded.items) == 1 and len(loaded.problems) == 1 and "MemoryError" in loaded.problems[0]


# -- 3. nesting that multiplies, images that are bombs -------------------------------------
def multiplying_bundle() -> bytes:
    items: list[dict[str, object]] = [{"type": "step", "pose": "pigeon"} for _ in range(200)]
    for _ in range(4):
        items = [{"type": "block", "mode": "rounds", "rounds": 50, "items": items}]
    return bundle("r-bomb", "Bomb", items)


def test_a_bundle_that_expands_to_a_billion_holds_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "bomb.json"
    source.write_bytes(multiplying_bundle())
    assert len(source.read_bytes()) < 10_000
    for command in ("validate", "import"):
        started = time.monotonic()
        code, _, err = run(capsys, command, str(source))
        assert code == 1 and "10,000 holds" in one_error_line(err)
        assert time.monotonic() - started < 20, "refusing must not expand the routine"
    assert not (data_dir / "routines").exists() or not list((data_dir / "routines").iterdir())


def test_a_multiplying_routine_dropped_into_the_data_dir_is_quarantined(data_dir: Path) -> None:
    store = Store(data_dir)
    store.ensure()
    (store.routines_dir / "bomb.json").write_bytes(multiplying_bundle())
    workspace = Workspace(data_dir)
    assert workspace.user == {} and "10,000 holds" in workspace.problems[0]


def test_the_expansion_bound_matches_the_real_expansion() -> None:
    from stretchdesk.core.catalog import builtin_poses, builtin_routines
    from stretchdesk.core.models import played_upper_bound
    from stretchdesk.core.timeline import SegmentKind, expand

    for routine in builtin_routines().values():
        played = [s for s in expand(routine, builtin_poses()).segments
                  if s.kind in (SegmentKind.HOLD, SegmentKind.REST)]
        assert len(played) <= played_upper_bound(routine.items)
    every_side = Routine(name="x", items=[Block(mode=BlockMode.EACH_SIDE, items=[
        Block(mode=BlockMode.ROUNDS, rounds=3, items=[Step(pose="pigeon"), Step(pose="low-lunge")])])])
    holds = [s for s in expand(every_side, builtin_poses()).segments if s.kind is SegmentKind.HOLD]
    assert len(holds) == played_upper_bound(every_side.items) == 12


def test_image_bombs_are_refused_before_anything_decodes_them() -> None:
    assert image_problem(png(), "a.png") is None
    assert "megapixels" in str(image_problem(png_header_only(100_000, 100_000), "a.png"))
    assert "over 50,000" in str(image_problem(fan_out_svg(), "a.svg"))
    assert image_problem(fan_out_svg(levels=2), "a.svg") is None
    laughs = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    assert "DOCTYPE" in str(image_problem(laughs, "a.svg"))
    loop = b'<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>'
    assert "loop" in str(image_problem(loop, "a.svg"))
    assert "not a PNG" in str(image_problem(b"GIF89a", "a.png"))


def test_an_svg_bomb_in_a_bundle_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "svg.json"
    source.write_bytes(bundle("r", "R", [{"type": "step", "pose": "b"}],
                              [(pose_dict("b", image="b.svg"), fan_out_svg())]))
    code, _, err = run(capsys, "import", str(source))
    assert code == 1 and "b.svg" in one_error_line(err)


# -- 5. write errors: one line, nothing half-written ---------------------------------------
@pytest.mark.parametrize("failing", ["link", "write", "fsync", "mkdir"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_failing_write_during_import_leaves_nothing_behind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
    failing: str, code: int,
) -> None:
    Store(data_dir).save_routine(Routine(id="keep", name="Keep"))
    if failing == "mkdir":
        os.rmdir(data_dir / "images")
    before = snapshot(data_dir)
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r", "R", [{"type": "step", "pose": "p"}], [(pose_dict("p", image="p.png"), png())]))
    real = getattr(os, failing)
    calls = {"n": 0}

    def broken(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] >= 2 or failing == "mkdir":
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, failing, broken)
    exit_code, _, err = run(capsys, "import", str(source))
    monkeypatch.undo()
    assert exit_code == 1 and os.strerror(code) in one_error_line(err)
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("where", ["", "routines", "images", "poses"])
def test_a_data_dir_or_subfolder_that_is_a_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
) -> None:
    root = tmp_path / "d"
    if where:
        root.mkdir()
    (root / where if where else root).write_text("not a folder")
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r", "R", [{"type": "step", "pose": "p"}], [(pose_dict("p", image="p.png"), png())]))
    before = snapshot(root) if where else {}
    code, _, err = run(capsys, "import", str(source), "--data-dir", str(root))
    assert code == 1 and "is a file" in one_error_line(err)
    assert (snapshot(root) if where else {}) == before


@pytest.mark.parametrize("where", ["", "routines", "images"])
def test_a_data_dir_or_subfolder_that_is_a_broken_link_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
) -> None:
    root = tmp_path / "d"
    gone = tmp_path / "unmounted" / "StretchDesk"
    if where:
        root.mkdir()
    (root / where if where else root).symlink_to(gone)
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r", "R", [{"type": "step", "pose": "p"}], [(pose_dict("p", image="p.png"), png())]))
    link = root / where if where else root
    code, _, err = run(capsys, "import", str(source), "--data-dir", str(root))
    line = one_error_line(err)
    assert code == 1 and f"is a broken link to {gone}" in line and "fix the link or remove it" in line
    assert "is a file" not in line
    assert not gone.exists() and not gone.parent.exists(), "a broken link is never followed to create its target"
    assert os.readlink(link) == str(gone)
    if where:
        assert [path.name for path in root.iterdir()] == [where]


def test_broken_links_are_reported_when_listing_and_a_looping_data_dir_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    broken.symlink_to(tmp_path / "gone")
    code, out, err = run(capsys, "routines", "--data-dir", str(broken))
    assert code == 0 and "built-in" in out
    assert err.strip() == (f"stretchdesk: warning: {broken}: the data dir is a broken link to {tmp_path / 'gone'} "
                           "(fix the link or remove it); only built-in routines are shown")
    root = tmp_path / "d"
    root.mkdir()
    (root / "routines").symlink_to(tmp_path / "unmounted")
    code, out, err = run(capsys, "routines", "--data-dir", str(root))
    assert code == 0 and "built-in" in out
    assert err.strip() == (f"stretchdesk: warning: {root / 'routines'}: is a broken link to {tmp_path / 'unmounted'}, "
                           "so nothing in it is shown; fix the link or remove it")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r", "R", [{"type": "step", "pose": "pigeon"}]))
    code, _, err = run(capsys, "import", str(source), "--data-dir", str(loop))
    line = one_error_line(err)
    assert code == 1 and "loops back on itself" in line and "fix the link or remove it" in line


def test_ids_a_newer_file_keeps_under_other_field_names_are_never_reused_by_an_import(
    tmp_path: Path, data_dir: Path
) -> None:
    """A newer StretchDesk may keep its ids under other names, or as keys: an import keeps
    off every one of them (its routine and poses get new ids), and the newer files stay."""
    store = Store(data_dir)
    store.ensure()
    future_routine = json.dumps({"format": "stretchdesk-routine", "version": 2, "routine": {
        "uid": "r-shared", "title": "Future", "moves": [{"ref": "my-strap"}]}})
    future_poses = json.dumps({"format": "stretchdesk-pose", "version": 3,
                               "poses": {"my-towel": {"title": "Towel stretch"}}})
    (store.routines_dir / "future.json").write_text(future_routine)
    (store.poses_dir / "mine-v3.json").write_text(future_poses)
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r-shared", "Shared", [{"type": "step", "pose": "my-towel"},
                                                     {"type": "step", "pose": "my-strap"}],
                              [(pose_dict("my-towel"), None), (pose_dict("my-strap"), None)]))
    imported = Workspace(data_dir).import_file(source)
    assert imported.id != "r-shared"
    assert imported.pose_ids() == ["my-towel-2", "my-strap-2"]
    assert (store.routines_dir / "future.json").read_text() == future_routine
    assert (store.poses_dir / "mine-v3.json").read_text() == future_poses
    reopened = Workspace(data_dir)
    assert reopened.user[imported.id] == imported
    assert {"my-towel-2", "my-strap-2"} <= set(reopened.catalog.custom)
    assert sum("newer StretchDesk" in problem for problem in reopened.problems) == 2


def test_saving_an_id_a_newer_file_may_hold_is_refused_in_one_line(data_dir: Path) -> None:
    workspace = Workspace(data_dir)
    workspace.store.ensure()
    poses_dir = workspace.store.poses_dir
    future = json.dumps({"format": "stretchdesk-pose", "version": 4, "pose": {"slug": "my-towel"}})
    (poses_dir / "towel.json").write_text(future)
    workspace.reload()
    before = snapshot(data_dir)
    with pytest.raises(StretchDeskError) as refused:
        workspace.save_custom_pose(Pose.model_validate(pose_dict("my-towel", name="My towel")))
    message = str(refused.value)
    assert "\n" not in message and "format version 4" in message and "'my-towel'" in message
    assert "update StretchDesk" in message
    assert snapshot(data_dir) == before
    assert workspace.save_custom_pose(Pose.model_validate(pose_dict("my-strap"))).id == "my-strap"


# -- 6. sources: no FIFOs, devices, or reads past the limit --------------------------------
def test_fifos_and_devices_are_refused_before_reading(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.json"
    os.mknod(zero, 0o600 | stat.S_IFCHR, os.makedev(1, 5))
    for path, kind in ((fifo, "FIFO"), (zero, "device"), (tmp_path, "folder")):
        for command in ("validate", "import"):
            code, _, err = run(capsys, command, str(path))
            assert code == 1 and kind in one_error_line(err)


def test_big_files_are_refused_without_reading_them(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: 3 GB that takes no disk
    code, _, err = run(capsys, "validate", str(huge))
    assert code == 1 and "10 MB limit" in one_error_line(err)
    padded = tmp_path / "padded.json"
    padded.write_bytes(bundle("r", "R", []) + b" " * (11 * 1024 * 1024))
    code, _, err = run(capsys, "validate", str(padded))
    assert code == 1 and "10 MB limit" in one_error_line(err)


def test_start_up_never_reads_a_huge_file_whole(data_dir: Path) -> None:
    store = Store(data_dir)
    store.ensure()
    huge = store.routines_dir / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(1200 * 1024 * 1024)
    padded = store.routines_dir / "padded.json"
    padded.write_bytes(routine_json(Routine(name="Padded")).encode() + b" " * (11 * 1024 * 1024))
    workspace = Workspace(data_dir)
    assert workspace.user == {} and len(workspace.problems) == 2
    assert all("10 MB limit" in problem and "moved to" in problem for problem in workspace.problems)


def test_bounded_reads_ignore_a_lying_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file whose st_size says 0 (like /proc files or /dev/zero) is still cut at the limit."""
    from stretchdesk.core import safeio

    path = tmp_path / "grows.json"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    class Lying:
        def __init__(self, real: os.stat_result) -> None:
            self.st_mode, self.st_size = real.st_mode, 0

    monkeypatch.setattr(safeio.os, "fstat", lambda fd: Lying(real_fstat(fd)))
    monkeypatch.setattr(safeio.os, "stat", lambda p: Lying(real_fstat(os.open(p, os.O_RDONLY))))
    with pytest.raises(safeio.UnreadableSource, match="limit"):
        safeio.read_regular_file(path, 1000)


# -- 7. export never replaces a device -----------------------------------------------------
def test_export_refuses_devices_and_fifos_and_can_write_stdout(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    device = tmp_path / "full"
    os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 7))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (device, fifo, tmp_path):
        code, _, err = run(capsys, "export", "builtin-lower-back-love", "-o", str(target))
        assert code == 1 and "not writing over it" in one_error_line(err)
    assert stat.S_ISCHR(device.stat().st_mode) and stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name not in ("data",)) == ["fifo", "full"]
    code, out, _ = run(capsys, "export", "builtin-lower-back-love", "-o", "-")
    assert code == 0 and json.loads(out)["routine"]["id"] == "builtin-lower-back-love"


def test_a_full_stdout_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    full = tmp_path / "full"
    os.mknod(full, 0o600 | stat.S_IFCHR, os.makedev(1, 7))
    with full.open("w") as stdout:
        result = subprocess.run([sys.executable, "-m", "stretchdesk", "poses"], stdout=stdout,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == "stretchdesk: error: can't write to standard output (No space left on device)"


# -- 8. folders that lead outside are never written into or moved out of --------------------
def test_a_symlinked_routines_folder_is_read_but_nothing_in_it_is_moved(tmp_path: Path, data_dir: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    (synced / "package.json").write_text('{"name": "x"}')
    (synced / "notes.json").write_text("[]")
    (synced / "mine.json").write_text(routine_json(Routine(id="mine", name="Mine")))
    data_dir.mkdir()
    (data_dir / "routines").symlink_to(synced)
    workspace = Workspace(data_dir)
    assert list(workspace.user) == ["mine"]
    assert len(workspace.problems) == 2 and all("outside the data dir" in p for p in workspace.problems)
    assert sorted(p.name for p in synced.iterdir()) == ["mine.json", "notes.json", "package.json"]
    with pytest.raises(StretchDeskError, match="outside the data dir"):
        workspace.save(Routine(name="New"))
    assert sorted(p.name for p in synced.iterdir()) == ["mine.json", "notes.json", "package.json"]


# -- 9. export with a bad image -------------------------------------------------------------
@pytest.mark.parametrize("image", [b"\x89PNG\r\n\x1a\n" + b"\0" * (3 * 1024 * 1024), b"GIF89a not a png"])
def test_export_with_a_bad_custom_image_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, image: bytes
) -> None:
    workspace = Workspace(data_dir)
    pose = workspace.save_custom_pose(Pose.model_validate(pose_dict("mine", image="mine.png")), png())
    (data_dir / "images" / str(pose.image)).write_bytes(image)
    workspace.save(Routine(id="r-mine", name="Mine", items=[Step(pose="mine")]))
    code, _, err = run(capsys, "export", "r-mine", "-o", str(tmp_path / "out.json"))
    line = one_error_line(err)
    assert code == 1 and ("replace the image" in line or "needs a smaller" in line)
    assert not (tmp_path / "out.json").exists()


# -- 10. empty --data-dir, names with line breaks -------------------------------------------
def test_an_empty_data_dir_option_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "routines", "--data-dir", "")
    assert code == 1 and "--data-dir is empty" in one_error_line(err)


def test_a_file_name_with_a_line_break_stays_on_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "two\nlines\u2028here.json"
    bad.write_text("{oops")
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 1 and "two\\nlines\\u2028here.json" in one_error_line(err)


# -- 11. one bundle: repeated pose ids, shared image names -----------------------------------
def test_a_bundle_that_repeats_a_pose_id_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r", "R", [{"type": "step", "pose": "p"}],
                              [(pose_dict("p"), None), (pose_dict("p", name="Other"), None)]))
    code, _, err = run(capsys, "validate", str(source))
    assert code == 1 and "appears twice" in one_error_line(err)


def test_two_poses_sharing_an_image_name_keep_their_own_pictures(tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r", "R", [{"type": "step", "pose": "a"}, {"type": "step", "pose": "b"}],
                              [(pose_dict("a", image="same.png"), png(shade=1)),
                               (pose_dict("b", image="same.png"), png(shade=2))]))
    Workspace(data_dir).import_file(source)
    catalog = Workspace(data_dir).catalog
    assert catalog["a"].image != catalog["b"].image
    assert (data_dir / "images" / str(catalog["a"].image)).read_bytes() == png(shade=1)
    assert (data_dir / "images" / str(catalog["b"].image)).read_bytes() == png(shade=2)


def test_a_bad_document_error_is_a_stretchdesk_error() -> None:
    assert issubclass(BadDocument, StretchDeskError)


# -- found by review: each a way past an earlier fix -----------------------------------------
def test_long_names_and_ids_stay_valid_when_made_unique(tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "long.json"
    pose_id = "p" * 80
    for shade in (1, 2):
        source.write_bytes(bundle("r-long", "N" * 100, [{"type": "step", "pose": pose_id}],
                                  [(pose_dict(pose_id, name=f"v{shade}", image="x.png"), png(shade=shade))]))
        Workspace(data_dir).import_file(source)
    workspace = Workspace(data_dir)
    assert workspace.problems == [] and len(workspace.user) == 2
    assert all(len(r.name) <= 100 for r in workspace.user.values())
    copy = workspace.duplicate(next(iter(workspace.user)))
    assert len(copy.name) <= 100 and Workspace(data_dir).problems == []


@pytest.mark.parametrize("svg", [
    fan_out_svg().replace(b'href="#', b'href="X'),  # Qt drops the first character, whatever it is
    fan_out_svg().replace(b' id="', b' xml:id="'),
    b'<svg xmlns="http://www.w3.org/2000/svg"><marker id="m"><rect width="1" height="1"/></marker>'
    b'<path marker-mid="url(#m)" d="M0 0 L1 1 L2 2"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><path style="marker-mid: url(#m)" d="M0 0 L1 1"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="c">' + b'<rect width="1" height="1"/>' * 1000
    + b'</clipPath></defs>' + b'<rect clip-path="url(#c)" width="5" height="5"/>' * 100 + b"</svg>",
    b'<svg xmlns="http://www.w3.org/2000/svg"><pattern id="p"><rect width="1" height="1"/></pattern></svg>',
])
def test_svg_bombs_by_other_routes_are_refused(svg: bytes) -> None:
    assert image_problem(svg, "a.svg") is not None


def test_export_never_writes_into_the_data_dir(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    store = Store(data_dir)
    other = store.save_routine(Routine(id="r-b", name="B"))
    store.save_routine(Routine(id="r-a", name="A"))
    before = snapshot(data_dir)
    for target in (other, data_dir / ".lock", data_dir / "routines" / "new.json"):
        code, _, err = run(capsys, "export", "r-a", "-o", str(target))
        assert code == 1 and "inside the data dir" in one_error_line(err)
    assert snapshot(data_dir) == before


def test_a_deleted_poses_id_never_goes_to_a_strangers_pose(tmp_path: Path, data_dir: Path) -> None:
    workspace = Workspace(data_dir)
    workspace.save_custom_pose(Pose.model_validate(pose_dict("my-stretch", name="Mine")))
    workspace.save(Routine(id="r-mine", name="Mine", items=[Step(pose="my-stretch")]))
    workspace.delete_custom_pose("my-stretch")
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r-x", "Stranger", [{"type": "step", "pose": "my-stretch"},
                                                  {"type": "step", "pose": "my-stretch-2"}],
                              [(pose_dict("my-stretch", name="Stranger's pose"), None)]))
    imported = Workspace(data_dir).import_file(source)
    after = Workspace(data_dir)
    assert "my-stretch" not in after.catalog, "the user's routine would play a stranger's pose"
    renamed = imported.pose_ids()[0]
    assert after.catalog[renamed].name == "Stranger's pose"
    assert imported.pose_ids()[1] == "my-stretch-2" and renamed != "my-stretch-2"


def test_a_bundle_pose_without_its_picture_never_shows_one_of_ours(tmp_path: Path, data_dir: Path) -> None:
    workspace = Workspace(data_dir)
    mine = workspace.save_custom_pose(Pose.model_validate(pose_dict("mine", image="me.png")), png(shade=5))
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r", "R", [{"type": "step", "pose": "theirs"}],
                              [(pose_dict("theirs", image=str(mine.image)), None)]))
    Workspace(data_dir).import_file(source)
    assert Workspace(data_dir).catalog["theirs"].image is None


def test_the_sweep_keeps_a_temp_whose_other_name_is_outside(tmp_path: Path, data_dir: Path) -> None:
    store = Store(data_dir)
    store.save_routine(Routine(id="r-a", name="A"))
    temp = store.routines_dir / ".r-a.json.k1.tmp"
    temp.write_text("newest edit")
    os.link(temp, tmp_path / "snapshot")
    history_temp = data_dir / ".history.jsonl.k2.tmp"
    history_temp.write_text("a session line")
    problems = Workspace(data_dir).problems
    assert len(problems) == 2 and all("unfinished save" in p for p in problems)
    assert sorted(p.read_text() for p in store.quarantine_dir.iterdir()) == ["a session line", "newest edit"]


def test_saves_keep_the_files_permissions(data_dir: Path) -> None:
    store = Store(data_dir)
    path = store.save_routine(Routine(id="r-a", name="A"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~current_umask()
    path.chmod(0o640)
    store.save_routine(Routine(id="r-a", name="A again"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


KILL_MID_IMPORT = """
import os, sys
from pathlib import Path
from stretchdesk.core.workspace import Workspace
real_link, calls = os.link, [0]
def link(*args, **kwargs):
    calls[0] += 1
    if calls[0] == int(sys.argv[3]):
        os._exit(9)  # as a SIGKILL would: no clean-up runs
    return real_link(*args, **kwargs)
os.link = link
Workspace(Path(sys.argv[1])).import_file(Path(sys.argv[2]))
"""


@pytest.mark.parametrize("killed_at", [3, 4, 5])  # the 1st link is the journal, the 6th the routine
def test_an_import_killed_half_way_is_undone_at_the_next_start(
    tmp_path: Path, data_dir: Path, killed_at: int
) -> None:
    Store(data_dir).save_routine(Routine(id="keep", name="Keep"))
    source = tmp_path / "b.json"
    source.write_bytes(bundle("r-new", "New", [{"type": "step", "pose": "p"}, {"type": "step", "pose": "q"}],
                              [(pose_dict("p", image="p.png"), png(shade=1)), (pose_dict("q"), None)]))
    result = subprocess.run([sys.executable, "-c", KILL_MID_IMPORT, str(data_dir), str(source), str(killed_at)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 9, result.stderr
    workspace = Workspace(data_dir)
    assert list(workspace.user) == ["keep"] and not workspace.catalog.custom
    assert any("interrupted" in problem for problem in workspace.problems)
    assert not list(data_dir.glob(".import-*")) and not list((data_dir / "routines").glob(".*.tmp"))
    assert Workspace(data_dir).problems == [], "the next start finds nothing more to report"
    Workspace(data_dir).import_file(source)
    assert len(Workspace(data_dir).user) == 2, "importing again works"


def test_without_hard_links_new_files_are_still_never_written_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stretchdesk.core.atomic import create_new_bytes, move_exclusive

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "new.json"
    create_new_bytes(target, b"first")
    with pytest.raises(FileExistsError):
        create_new_bytes(target, b"second")
    assert target.read_bytes() == b"first"
    moved = tmp_path / "moved.json"
    move_exclusive(target, moved)
    assert moved.read_bytes() == b"first" and not target.exists()
    (tmp_path / "other.json").write_bytes(b"other")
    with pytest.raises(FileExistsError):
        move_exclusive(moved, tmp_path / "other.json")
    assert (tmp_path / "other.json").read_bytes() == b"other" and moved.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["moved.json", "other.json"]
