"""No key is bound twice, and Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchdesk.mainwindow import MainWindow
from tests.gui.shortcut_probe import shortcuts_bound_twice

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def run_probe(env: dict[str, str]) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-m", "tests.gui.shortcut_probe"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Ambiguous shortcut" not in result.stderr, result.stderr[-2000:]
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_no_shortcut_is_bound_twice_in_the_window(window: MainWindow) -> None:
    assert shortcuts_bound_twice(window) == {}
    redo = [sequence.toString() for sequence in window.redo_action.shortcuts()]
    assert redo[:2] == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_undo_and_both_redo_keys_work_offscreen(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STRETCHDESK_DATA_DIR": str(tmp_path)}
    found = run_probe(env)
    assert found["twice"] == {}
    assert found["rows_after_undo_redo_undo_redo"] == [0, 1, 0, 1]
