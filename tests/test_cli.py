from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stretchdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_poses_and_routines_list(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "poses", "--json")
    assert code == 0 and len(json.loads(out)) == 81
    code, out, _ = run(capsys, "routines")
    assert code == 0 and "After a Long Run" in out and "built-in" in out
    code, out, _ = run(capsys, "routines", "--json")
    rows = json.loads(out)
    assert {row["id"] for row in rows} >= {"builtin-after-a-long-run", "builtin-post-run-hips-quickie"}
    assert all(row["builtin"] and row["total_seconds"] > 0 for row in rows)


def test_show_json_gives_segments_with_kind_pose_side_seconds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "Strap Leg Stretches for Hips and Back", "--json")
    segments = json.loads(out)
    assert code == 0
    assert {tuple(sorted(s)) for s in segments} == {("kind", "pose", "seconds", "side", "start")}
    holds = [(s["pose"], s["side"]) for s in segments if s["kind"] == "hold"]
    legs = ["strap-leg-up-stretch", "strap-leg-to-side-stretch", "strap-leg-across-body-stretch"]
    assert holds == [(p, "right") for p in legs] + [(p, "left") for p in legs]
    assert [s["kind"] for s in segments].count("switch") == 1


def test_export_import_validate_through_the_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(
        capsys, "--data-dir", str(tmp_path / "a"), "export", "builtin-wall-inversions", "-o", str(target)
    )
    assert code == 0 and target.exists()
    code, out, _ = run(capsys, "validate", str(target))
    assert code == 0 and "valid routine 'Wall Inversions'" in out
    code, out, _ = run(capsys, "import", str(target), "--data-dir", str(tmp_path / "b"))
    assert code == 0 and "as r-" in out
    code, out, _ = run(capsys, "routines", "--data-dir", str(tmp_path / "b"))
    assert "Wall Inversions (2)" in out and "yours" in out


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["title"] == "StretchDesk routine"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "No Such Routine"], "no routine called 'No Such Routine'"),
        (["validate", "/nonexistent/file.json"], "/nonexistent/file.json: can't read"),
        (["export", "No Such", "-o", "x.json"], "no routine called"),
    ],
)
def test_errors_are_one_line_with_exit_1(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, _, err = run(capsys, *args)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("stretchdesk: error: ") and message in err


def test_bad_file_error_names_file_and_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "stretchdesk-routine", "version": 1, "routine": {"name": "x", "prepare_seconds": -3}}')
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1 and str(bad) in err and "routine.prepare_seconds" in err and "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["show"])
    assert exit_info.value.code == 2


def test_gui_without_a_display_says_so_in_one_line(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "STRETCHDESK_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run(
        [sys.executable, "-m", "stretchdesk"], capture_output=True, text=True, env=env, timeout=60, check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no display found" in result.stderr and "xvfb-run" in result.stderr


def test_install_desktop_writes_entry_and_icon(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "install-desktop")
    assert code == 0
    entry = tmp_path / "xdg-data" / "applications" / "stretchdesk.desktop"
    icon = tmp_path / "xdg-data" / "icons" / "hicolor" / "scalable" / "apps" / "stretchdesk.svg"
    text = entry.read_text()
    assert "Name=StretchDesk" in text and "Icon=stretchdesk" in text and "\nExec=" in text
    assert "stretchdesk" in text.split("\nExec=", 1)[1].splitlines()[0]
    assert icon.read_bytes().startswith(b"<svg")
    assert str(entry) in out


def test_a_data_dir_that_is_a_file_is_warned_about_and_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "notes"
    not_a_folder.write_text("not a folder")
    code, out, err = run(capsys, "--data-dir", str(not_a_folder), "routines")
    assert code == 0 and "built-in" in out
    assert err.strip() == (
        f"stretchdesk: warning: {not_a_folder}: the data dir is a file, not a folder; only built-in routines are shown"
    )
    assert not_a_folder.read_text() == "not a folder"
