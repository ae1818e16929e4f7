"""A normal (non-editable) install works: the wheel carries the code and every resource,
and the installed `stretchdesk` command runs from anywhere, away from the checkout.

The wheel is built from the checkout, then installed with --no-deps into a fresh venv.
The dependencies (PySide6, pydantic, platformdirs) are borrowed from the dev venv
through a .pth file, so nothing large is downloaded. A path in a .pth is added as it
is: the dev venv's own .pth files (the editable install's pointer to the checkout)
are not read, so the fresh venv can only import the stretchdesk it installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from stretchdesk.player.sounds import CUES

ROOT = Path(__file__).resolve().parents[1]
BUILTIN_ROUTINES = 17
BUILTIN_POSES = len(json.loads((ROOT / "resources" / "poses.json").read_text())["poses"])  # what the checkout ships


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, f"{command} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result.stdout


def build_wheel(target: Path) -> Path:
    """Build with the dev venv; offline when hatchling is installed there, else pip fetches it."""
    flags = ["--no-build-isolation"] if importlib.util.find_spec("hatchling") else []
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", *flags, "-w", target, ROOT, cwd=target)
    wheels = list(target.glob("stretchdesk-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A fresh venv with the wheel installed; returns (venv, its site-packages)."""
    base = tmp_path_factory.mktemp("packaging")
    wheel = build_wheel(base)
    venv = base / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel, cwd=base)
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=base).strip())
    borrowed = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    (site / "zz_dev_venv_dependencies.pth").write_text("\n".join(borrowed) + "\n", encoding="utf-8")
    return venv, site


@pytest.fixture
def elsewhere(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A working dir away from the checkout, and an environment whose data dir is empty."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["STRETCHDESK_DATA_DIR"] = str(tmp_path / "data")
    env["QT_QPA_PLATFORM"] = "offscreen"
    work = tmp_path / "work"
    work.mkdir()
    return work, env


def test_installed_package_imports_from_the_fresh_venv(
    installed: tuple[Path, Path], elsewhere: tuple[Path, dict[str, str]]
) -> None:
    venv, site = installed
    work, env = elsewhere
    probe = (
        "import json, sys, stretchdesk, stretchdesk.app\n"
        "from stretchdesk.core.paths import resources_dir\n"
        "print(json.dumps({'file': stretchdesk.__file__, 'resources': str(resources_dir()), 'path': sys.path}))\n"
    )
    found = json.loads(run(venv / "bin" / "python", "-c", probe, cwd=work, env=env))
    assert Path(found["file"]) == site / "stretchdesk" / "__init__.py"
    assert Path(found["resources"]) == site / "stretchdesk" / "resources"
    assert str(ROOT) not in found["path"], "the checkout leaked into the fresh venv"


def test_wheel_holds_the_code_and_every_resource_and_nothing_else(installed: tuple[Path, Path]) -> None:
    _venv, site = installed
    package = site / "stretchdesk"
    resources = package / "resources"
    assert (resources / "poses.json").is_file()
    assert len(list((resources / "images").glob("*.svg"))) == BUILTIN_POSES
    assert sorted(p.stem for p in (resources / "sounds").glob("*.wav")) == sorted(CUES)
    assert len(list((resources / "routines").glob("*.json"))) == BUILTIN_ROUTINES
    assert (resources / "schema" / "routine.schema.json").is_file()
    assert (resources / "icons" / "stretchdesk.svg").is_file()
    assert (resources / "stretchdesk.desktop").is_file()

    def files(folder: Path, suffixes: tuple[str, ...] | None = None) -> set[str]:
        return {
            str(path.relative_to(folder)) for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and (suffixes is None or path.suffix in suffixes)
        }

    assert files(resources) == files(ROOT / "resources")
    assert files(package, (".py",)) == files(ROOT / "stretchdesk", (".py",))
    record = (site / "stretchdesk-0.1.0.dist-info" / "RECORD").read_text(encoding="utf-8").splitlines()
    tops = {line.split(",")[0].split("/")[0] for line in record}
    assert tops == {"stretchdesk", "stretchdesk-0.1.0.dist-info", ".."}, tops


def test_installed_command_lists_exports_validates_and_imports(
    installed: tuple[Path, Path], elsewhere: tuple[Path, dict[str, str]]
) -> None:
    venv, site = installed
    work, env = elsewhere
    command = venv / "bin" / "stretchdesk"

    routines = json.loads(run(command, "routines", "--json", cwd=work, env=env))
    assert len(routines) == BUILTIN_ROUTINES and all(row["builtin"] for row in routines)
    assert all(row["total_seconds"] > 0 and row["holds"] > 0 for row in routines)
    poses = json.loads(run(command, "poses", "--json", cwd=work, env=env))
    assert len(poses) == BUILTIN_POSES and len({pose["id"] for pose in poses}) == BUILTIN_POSES
    assert len(run(command, "poses", cwd=work, env=env).splitlines()) == BUILTIN_POSES

    schema = json.loads(run(command, "schema", cwd=work, env=env))
    assert schema["title"] == "StretchDesk routine" and "routine" in schema["properties"]
    shipped = site / "stretchdesk" / "resources" / "schema" / "routine.schema.json"
    assert schema == json.loads(shipped.read_text(encoding="utf-8"))

    first = routines[0]
    exported = work / "shared.json"
    assert "exported" in run(command, "export", first["id"], "-o", exported, cwd=work, env=env)
    assert json.loads(exported.read_text(encoding="utf-8"))["routine"]["id"] == first["id"]
    assert run(command, "validate", exported, cwd=work, env=env).startswith(f"{exported}: valid routine ")
    assert "imported" in run(command, "import", exported, cwd=work, env=env)
    mine = [row for row in json.loads(run(command, "routines", "--json", cwd=work, env=env)) if not row["builtin"]]
    assert len(mine) == 1 and mine[0]["total_seconds"] == first["total_seconds"]
    assert sorted(p.name for p in work.iterdir()) == ["shared.json"], "the command wrote into the working dir"
