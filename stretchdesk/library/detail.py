"""A pose in full: big figure, how to get into it, cues, cautions and credit."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.core.models import Pose
from stretchdesk.core.wording import mirror_sides
from stretchdesk.pose_images import PoseImages

FIGURE_SIZE = 300


def pose_html(pose: Pose) -> str:
    def items(values: list[str], tag: str = "ul") -> str:
        return f"<{tag}>" + "".join(f"<li>{escape(v)}</li>" for v in values) + f"</{tag}>"

    facts = [
        pose.kind.value.replace("-", " "),
        pose.position.value.replace("-", " "),
        pose.difficulty.value,
        ", ".join(p.value.replace("-", " ") for p in pose.props) or "no equipment",
    ]
    parts = [f"<h2>{escape(pose.name)}</h2>"]
    if pose.aliases:
        parts.append(f"<p><i>Also called {escape(', '.join(pose.aliases))}</i></p>")
    if pose.summary:
        parts.append(f"<p>{escape(pose.summary)}</p>")
    parts.append(f"<p><b>Targets:</b> {escape(', '.join(a.value.replace('-', ' ') for a in pose.targets))}"
                 f"<br><b>Type:</b> {escape(' · '.join(facts))}</p>")
    hold = pose.hold.label() + (" on each side" if pose.per_side else "")
    parts.append(f"<p><b>Hold:</b> {escape(hold)}"
                 + (f" — {escape(pose.hold_note)}" if pose.hold_note else "") + "</p>")
    # steps are written for the right side; the player mirrors them when it plays the left
    sided = pose.per_side and any(mirror_sides(line) != line for line in pose.instructions)
    heading = "Steps (right side; the left mirrors them)" if sided else "Steps"
    parts.append(f"<h3>{heading}</h3>" + items(pose.instructions, "ol"))
    if pose.cues:
        parts.append("<h3>Cues</h3>" + items(pose.cues))
    if pose.cautions:
        parts.append("<h3>Take care</h3>" + items(pose.cautions))
    if pose.credits:
        parts.append("<h3>Credit</h3>" + items(pose.credits))
    return "".join(parts)


class PoseDetailDialog(QDialog):
    add_requested = Signal(str)

    def __init__(self, pose: Pose, images: PoseImages, can_add: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(pose.name)
        self.setObjectName("poseDetail")
        self.setMinimumSize(640, 420)
        self.resize(820, 560)
        figure = QLabel()
        figure.setAccessibleName(f"Figure of {pose.name}")
        figure.setPixmap(images.pixmap(pose.id, FIGURE_SIZE, self.devicePixelRatioF()))
        figure.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        figure.setMinimumWidth(FIGURE_SIZE + 16)
        text = QTextBrowser()
        text.setObjectName("poseDetailText")
        text.setOpenLinks(False)
        text.setHtml(pose_html(pose))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        add = buttons.addButton("Add to routine", QDialogButtonBox.ButtonRole.AcceptRole)
        add.setEnabled(can_add)
        add.setToolTip("Append this pose to the open routine")
        add.clicked.connect(lambda: self.add_requested.emit(pose.id))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(figure)
        row.addWidget(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
