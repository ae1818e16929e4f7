"""Runs two_screens_cases.py in its own process with two offscreen screens.

A QApplication reads QT_QPA_PLATFORM once, and in a full test run another
folder may have created it already with one screen; a child pytest process
with its own platform config is the reliable way to get two.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).with_name("two_screens_cases.py")
SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1440, "height": 900,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "tv", "x": 1440, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]
}
CASE_NAMES = [
    "test_audience_goes_full_screen_on_the_second_screen",
    "test_remembered_screen_is_used_and_a_missing_one_falls_back",
    "test_picking_a_screen_moves_the_player_and_is_remembered",
    "test_removing_the_screen_moves_the_player_to_the_primary",
    "test_the_controls_screen_going_away_keeps_them_reachable",
    "test_a_ready_player_is_laid_out_for_the_tv_and_follows_the_picker",
]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str | None]:
    folder = tmp_path_factory.mktemp("two-screens")
    config = folder / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    report = folder / "report.xml"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    command = [
        sys.executable, "-m", "pytest", str(CASES), "-q", "-p", "no:cacheprovider",
        f"--junitxml={report}", "--rootdir", str(ROOT),
    ]
    run = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert report.exists(), run.stdout + run.stderr
    results: dict[str, str | None] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        results[case.get("name", "")] = None if problem is None else problem.get("message", "") + (
            problem.text or ""
        )
    return results


def test_every_case_ran(outcomes: dict[str, str | None]) -> None:
    assert sorted(outcomes) == sorted(CASE_NAMES)


@pytest.mark.parametrize("case", CASE_NAMES)
def test_two_screens(outcomes: dict[str, str | None], case: str) -> None:
    assert case in outcomes, f"{case} did not run"
    assert outcomes[case] is None, outcomes[case]
