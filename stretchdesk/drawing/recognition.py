"""The figures' recognition check (issue 15): unlabeled, shuffled sheets and their scoring.

A judge who has never seen the code gets the sheets and the alphabetical list of names and
answers one line per figure: number, name, confidence (high/medium/low), runner-up, note.
The answer key stays with whoever made the sheets, so the judge can't eliminate by it.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.skeleton import figure_ids, pose_figure
from stretchdesk.drawing.render import CARD_PALETTE, paint_figure

CELL_WIDTH, CELL_HEIGHT = 252, 192
DESCRIBED_BY = " — "  # between a name and its summary on a described list
COLUMNS, PER_SHEET = 5, 20


@dataclass(frozen=True)
class Quiz:
    """Numbered sheets, the list of names a judge picks from, and the key: number -> pose id."""

    sheets: list[QImage]
    names: list[str]
    key: dict[int, str]


def shuffled_ids(seed: int) -> list[str]:
    ids = list(figure_ids())
    random.Random(seed).shuffle(ids)
    return ids


def make_quiz(seed: int, glow: bool = False, described: bool = False) -> Quiz:
    """Every figure once, in the seed's order, numbered from 1, PER_SHEET to a sheet.

    `glow` lights each pose's target areas as the player and the contact sheet do, to check
    whether "feel it here" tells look-alikes apart; `described` follows each name on the
    list with " — " and the pose's one-line summary, as the pose detail shows it, to tell
    names a newcomer can't picture from drawings that don't read."""
    ids = shuffled_ids(seed)
    key = {number: pose_id for number, pose_id in enumerate(ids, start=1)}
    poses = builtin_poses()
    targets = {pose_id: tuple(poses[pose_id].targets) if glow else () for pose_id in ids}
    sheets = [_sheet(ids[start:start + PER_SHEET], start + 1, targets)
              for start in range(0, len(ids), PER_SHEET)]
    names = sorted(poses[pose_id].name for pose_id in ids)
    if described:
        summaries = {poses[pose_id].name: poses[pose_id].summary for pose_id in ids}
        names = [f"{name}{DESCRIBED_BY}{summaries[name]}" for name in names]
    return Quiz(sheets=sheets, names=names, key=key)


def _sheet(chunk: list[str], first_number: int, targets: Mapping[str, tuple[str, ...]]) -> QImage:
    rows = (len(chunk) + COLUMNS - 1) // COLUMNS
    image = QImage(COLUMNS * CELL_WIDTH, rows * CELL_HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(16)
    font.setBold(True)
    painter.setFont(font)
    for index, pose_id in enumerate(chunk):
        x, y = (index % COLUMNS) * CELL_WIDTH, (index // COLUMNS) * CELL_HEIGHT
        painter.setPen(QColor("#dddddd"))
        painter.drawRect(x + 2, y + 2, CELL_WIDTH - 4, CELL_HEIGHT - 4)
        card = QRectF(x + 6, y + 6, CELL_WIDTH - 12, CELL_HEIGHT - 12)
        paint_figure(painter, pose_figure(pose_id), card, palette=CARD_PALETTE, glow=targets[pose_id])
        painter.setPen(QColor("#c00000"))
        painter.drawText(x + 8, y + 22, f"#{first_number + index}")
    painter.end()
    return image


@dataclass(frozen=True)
class Miss:
    number: int
    pose_id: str
    answer: str
    confidence: str


@dataclass
class Score:
    total: int
    right: int = 0
    right_high: int = 0
    unanswered: list[int] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)

    def summary(self) -> str:
        return (f"right {self.right}/{self.total} = {self.right / self.total:.0%}; "
                f"right with high confidence {self.right_high} = {self.right_high / self.total:.0%}"
                + (f"; unanswered {len(self.unanswered)}" if self.unanswered else ""))


def score(key: Mapping[int, str], names: Mapping[str, str], answers_tsv: str) -> Score:
    """Score a judge's tab-separated answers ("#12<TAB>Pigeon Pose<TAB>high ...").

    Lines that don't start with a number are comments. A figure answered twice counts by its
    last answer; a figure never answered counts as wrong.
    """
    answers: dict[int, tuple[str, str]] = {}
    for row in csv.reader(io.StringIO(answers_tsv), delimiter="\t"):
        label = row[0].strip().lstrip("#") if row else ""
        if not label.isdigit() or int(label) not in key:
            continue
        name = row[1].strip() if len(row) > 1 else ""
        confidence = row[2].strip().lower() if len(row) > 2 else ""
        answers[int(label)] = (name, confidence)
    result = Score(total=len(key))
    for number, pose_id in sorted(key.items()):
        if number not in answers:
            result.unanswered.append(number)
            continue
        name, confidence = answers[number]
        if name == names[pose_id]:
            result.right += 1
            result.right_high += confidence == "high"
        else:
            result.misses.append(Miss(number, pose_id, name, confidence))
    return result
