"""Make or edit a custom pose with the runner's own picture (PNG, JPG or SVG)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from stretchdesk.core.bundle import check_image_bytes
from stretchdesk.core.documents import describe_validation_error
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.imagecheck import MAX_IMAGE_BYTES
from stretchdesk.core.models import Hold, Pose
from stretchdesk.core.safeio import read_regular_file
from stretchdesk.core.vocabulary import Area, Difficulty, Kind, Position

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:60] or "pose"


class PoseDialog(QDialog):
    """Collects the fields; `build()` returns the pose and image bytes or raises ValueError.

    Given an existing custom pose it edits that pose: same id, and its picture is kept
    unless another one is chosen.
    """

    def __init__(self, free_id: Callable[[str], str], parent: QWidget | None = None,
                 existing: Pose | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit {existing.name}" if existing else "New pose")
        self.setObjectName("poseDialog")
        self._free_id = free_id
        self._existing = existing
        self.name = QLineEdit()
        self.name.setAccessibleName("Pose name")
        self.summary = QLineEdit()
        self.summary.setAccessibleName("Summary")
        self.summary.setMaxLength(200)
        self.kind = _enum_combo(Kind, "Kind")
        self.position = _enum_combo(Position, "Position")
        self.areas = QListWidget()
        self.areas.setObjectName("poseAreas")
        self.areas.setAccessibleName("Target areas")
        self.areas.setToolTip("Tick every area the pose stretches or works")
        for area in Area:
            entry = QListWidgetItem(area.value.replace("-", " ").capitalize(), self.areas)
            entry.setData(Qt.ItemDataRole.UserRole, area.value)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        self.areas.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 8)
        self.difficulty = _enum_combo(Difficulty, "Difficulty")
        self.per_side = QComboBox()
        self.per_side.addItem("Both sides at once", False)
        self.per_side.addItem("One side, then the other", True)
        self.per_side.setAccessibleName("Sides")
        self.hold = QSpinBox()
        self.hold.setRange(5, 600)
        self.hold.setValue(30)
        self.hold.setSuffix(" s")
        self.hold.setAccessibleName("Hold seconds")
        self.instructions = QPlainTextEdit()
        self.instructions.setPlaceholderText("One instruction per line")
        self.instructions.setAccessibleName("Instructions")
        self.instructions.setTabChangesFocus(True)
        self.image_path = QLineEdit()
        self.image_path.setAccessibleName("Image file")
        self.image_path.setPlaceholderText("PNG, JPG or SVG, up to 2 MB")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._on_browse_clicked)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image_path, 1)
        image_row.addWidget(browse)
        self.error = QLabel()
        self.error.setObjectName("newPoseError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Name", self.name)
        form.addRow("&Summary", self.summary)
        form.addRow("&Kind", self.kind)
        form.addRow("&Position", self.position)
        form.addRow("&Target areas", self.areas)
        form.addRow("&Level", self.difficulty)
        form.addRow("S&ides", self.per_side)
        form.addRow("&Hold", self.hold)
        form.addRow("&Instructions", self.instructions)
        form.addRow("Ima&ge", image_row)
        form.addRow(self.error)
        form.addRow(buttons)
        self.result_pose: Pose | None = None
        self.result_image: bytes | None = None
        if existing is not None:
            self._fill(existing)

    def _fill(self, pose: Pose) -> None:
        self.name.setText(pose.name)
        self.summary.setText(pose.summary)
        for combo, value in ((self.kind, pose.kind.value), (self.position, pose.position.value),
                             (self.difficulty, pose.difficulty.value)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.per_side.setCurrentIndex(1 if pose.per_side else 0)
        self.hold.setValue(round(pose.hold.total_seconds()))
        self.instructions.setPlainText("\n".join(pose.instructions))
        self.set_areas([area.value for area in pose.targets])
        self.image_path.setPlaceholderText("Keep the current picture, or choose another")

    def set_areas(self, values: list[str]) -> None:
        for row in range(self.areas.count()):
            entry = self.areas.item(row)
            wanted = entry.data(Qt.ItemDataRole.UserRole) in values
            entry.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def checked_areas(self) -> list[Area]:
        return [Area(self.areas.item(row).data(Qt.ItemDataRole.UserRole))
                for row in range(self.areas.count())
                if self.areas.item(row).checkState() == Qt.CheckState.Checked]

    def build(self) -> tuple[Pose, bytes | None]:
        image: bytes | None = None
        existing = self._existing
        image_name = existing.image if existing else None
        pose_id = existing.id if existing else self._free_id(slugify(self.name.text()))
        source = self.image_path.text().strip()
        if source:
            path = Path(source).expanduser()
            if path.suffix.lower() not in IMAGE_SUFFIXES:
                raise ValueError("the image must be a .png, .jpg or .svg file")
            try:
                image = read_regular_file(path, MAX_IMAGE_BYTES)
            except StretchDeskError as error:
                raise ValueError(str(error)) from None
            image_name = f"{pose_id}{path.suffix.lower()}"
            if existing is not None:  # a new name, so no cached picture of the old one is shown
                image_name = f"{pose_id}-{hashlib.sha1(image).hexdigest()[:8]}{path.suffix.lower()}"
            check_image_bytes(image, image_name)
        lines = [line.strip() for line in self.instructions.toPlainText().splitlines() if line.strip()]
        areas = self.checked_areas()
        if not areas:
            raise ValueError("Tick at least one target area.")
        try:
            pose = Pose(
                id=pose_id, name=self.name.text().strip(), summary=self.summary.text().strip(),
                kind=Kind(self.kind.currentData()), position=Position(self.position.currentData()),
                targets=areas, per_side=bool(self.per_side.currentData()),
                hold=(existing.hold if existing and round(existing.hold.total_seconds())
                      == self.hold.value() else Hold(seconds=self.hold.value())),
                difficulty=Difficulty(self.difficulty.currentData()),
                instructions=lines or ["Move into the position slowly and breathe."],
                image=image_name, custom=True,
                **({"aliases": existing.aliases, "cues": existing.cues,
                    "cautions": existing.cautions, "hold_note": existing.hold_note,
                    "props": existing.props, "credits": existing.credits} if existing else {}),
            )
        except ValidationError as error:
            raise ValueError(describe_validation_error(error, "pose")) from None
        return pose, image

    def _on_accepted(self) -> None:
        if not self.name.text().strip():
            self.error.setText("Give the pose a name.")
            return
        try:
            self.result_pose, self.result_image = self.build()
        except ValueError as error:
            self.error.setText(str(error))
            return
        self.accept()

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a picture", "",
                                              "Images (*.png *.jpg *.jpeg *.svg)")
        if path:
            self.image_path.setText(path)


def _enum_combo(enum: type[Kind] | type[Position] | type[Difficulty],
                name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for member in enum:
        combo.addItem(member.value.replace("-", " ").capitalize(), member.value)
    return combo
