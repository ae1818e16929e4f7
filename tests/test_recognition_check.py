"""The recognition check's sheets show every figure once, unlabeled, and its scoring counts honestly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.skeleton import figure_ids
from stretchdesk.drawing.recognition import (
    CELL_HEIGHT,
    CELL_WIDTH,
    COLUMNS,
    DESCRIBED_BY,
    PER_SHEET,
    make_quiz,
    score,
)

SCRIPT = Path(__file__).resolve().parent.parent / "docs" / "recognition_check.py"
KEY = {1: "pigeon", 2: "butterfly", 3: "savasana"}
NAMES = {"pigeon": "Pigeon Pose", "butterfly": "Butterfly Stretch", "savasana": "Savasana"}


@pytest.mark.usefixtures("qapp")
def test_every_figure_appears_once_numbered_and_shuffled_by_seed() -> None:
    quiz = make_quiz(seed=7)
    assert sorted(quiz.key) == list(range(1, len(figure_ids()) + 1))
    assert sorted(quiz.key.values()) == sorted(figure_ids())
    assert len(quiz.sheets) == -(-len(figure_ids()) // PER_SHEET)
    assert quiz.sheets[0].width() == COLUMNS * CELL_WIDTH
    assert quiz.sheets[0].height() == PER_SHEET // COLUMNS * CELL_HEIGHT
    assert quiz.names == sorted(quiz.names) and len(set(quiz.names)) == len(quiz.names)
    assert make_quiz(seed=7).key == quiz.key
    assert make_quiz(seed=8).key != quiz.key


@pytest.mark.usefixtures("qapp")
def test_glow_lights_the_figures_and_keeps_the_order() -> None:
    plain, lit = make_quiz(seed=7), make_quiz(seed=7, glow=True)
    assert lit.key == plain.key and lit.names == plain.names
    assert all(a.size() == b.size() for a, b in zip(plain.sheets, lit.sheets, strict=True))
    assert all(a != b for a, b in zip(plain.sheets, lit.sheets, strict=True))


@pytest.mark.usefixtures("qapp")
def test_a_described_list_follows_each_name_with_its_summary_and_scores_by_the_name() -> None:
    plain, described = make_quiz(seed=7), make_quiz(seed=7, described=True)
    assert [line.split(DESCRIBED_BY)[0] for line in described.names] == plain.names
    summaries = {pose.name: pose.summary for pose in builtin_poses().values()}
    assert all(line.split(DESCRIBED_BY, 1)[1] == summaries[line.split(DESCRIBED_BY)[0]] for line in described.names)
    first = described.key[1]
    assert score({1: first}, {first: builtin_poses()[first].name},
                 f"1\t{builtin_poses()[first].name}\thigh\n").right_high == 1


def test_score_counts_right_high_and_misses() -> None:
    answers = "# judge's notes\n#1\tPigeon Pose\thigh\t-\n2\tPigeon Pose\tmedium\n"
    result = score(KEY, NAMES, answers)
    assert (result.right, result.right_high, result.total) == (1, 1, 3)
    assert [(m.number, m.answer) for m in result.misses] == [(2, "Pigeon Pose")]
    assert result.unanswered == [3]
    assert result.summary() == "right 1/3 = 33%; right with high confidence 1 = 33%; unanswered 1"


def test_a_second_answer_replaces_the_first_and_confidence_is_case_blind() -> None:
    answers = "1\tSavasana\thigh\n1\tPigeon Pose\tHigh\n2\tButterfly Stretch\tlow\n3\tSavasana\tmedium\n"
    result = score(KEY, NAMES, answers)
    assert (result.right, result.right_high, result.misses) == (3, 1, [])


def test_the_key_is_refused_inside_the_judges_folder(tmp_path: Path) -> None:
    out = tmp_path / "judge"
    done = subprocess.run([sys.executable, str(SCRIPT), "sheets", str(out), str(out / "key.json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "keep the key out of" in done.stderr
    assert not out.exists()


def test_score_command_prints_the_summary_and_each_miss(tmp_path: Path) -> None:
    key_path = tmp_path / "key.json"
    key_path.write_text(json.dumps({"key": {str(n): p for n, p in KEY.items()}, "names": NAMES}))
    answers = tmp_path / "answers.tsv"
    answers.write_text("1\tPigeon Pose\thigh\n2\tSavasana\tlow\n3\tSavasana\thigh\n")
    done = subprocess.run([sys.executable, str(SCRIPT), "score", str(key_path), str(answers)],
                          capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.splitlines() == [
        "right 2/3 = 67%; right with high confidence 2 = 67%",
        "  #2 butterfly: answered 'Savasana' [low]",
    ]
