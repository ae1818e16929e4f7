"""Files in the data dir that StretchDesk could not use, listed in one place.

The status bar holds one line for a few seconds; a start-up that quarantined
eight files needs a list the runner can read, copy and act on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class ProblemsDialog(QDialog):
    def __init__(self, problems: list[str], data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle("Data dir problems")
        self.resize(760, 360)
        intro = QLabel(
            f"StretchDesk skipped {len(problems)} {'file' if len(problems) == 1 else 'files'} in {data_dir}. "
            "Unreadable files were moved to "
            "quarantine/ (nothing is deleted); files from a newer StretchDesk were left where they are."
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(problems))
        self.text.setObjectName("problemsText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_folder = buttons.addButton("Open data folder", QDialogButtonBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir))))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
