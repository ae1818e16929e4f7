"""SIGKILL a writer hundreds of times mid-save: every file must still be a whole version,
and each temp file a kill left behind is found at the next start and kept in quarantine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.reliability
def test_kill_storm_leaves_only_whole_versions(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.reliability.kill_storm_driver", str(tmp_path / "data"), "220", "7"],
        capture_output=True, text=True, timeout=240, check=False, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["kills"] == 220
    assert report["problems"] == []
    assert report["unfinished"] > 0, "no kill landed mid-write; the storm proved nothing"
    assert report["quarantined"] == report["unfinished"], "every unfinished save is kept in quarantine"
