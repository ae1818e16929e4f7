"""Run under any Qt platform: prints the window's shortcuts bound twice and whether
undo/redo keys work, as JSON (tests run it under offscreen and under Xvfb)."""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from stretchdesk.app import build_main_window
from stretchdesk.mainwindow import MainWindow


def shortcuts_bound_twice(window: MainWindow) -> dict[str, list[str]]:
    """Every key sequence held by more than one action anywhere in the window."""
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            owners[sequence.toString()].append(action.text().replace("&", ""))
    return {keys: names for keys, names in owners.items() if len(names) > 1}


def main() -> int:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    window = build_main_window(folder / "data", QSettings(str(folder / "s.ini"),
                                                          QSettings.Format.IniFormat))
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    window.controller.new_routine("Keys")
    model = window.editor.model
    model.edits.add_poses(["childs-pose"])
    window.editor.view.setFocus()
    QTest.qWait(100)
    rows = []
    for key, modifiers in ((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
                           (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                            | Qt.KeyboardModifier.ShiftModifier),
                           (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
                           (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)):
        QTest.keyClick(window.editor.view, key, modifiers)
        rows.append(model.rowCount())
    print(json.dumps({
        "platform": app.platformName(),
        "twice": shortcuts_bound_twice(window),
        "redo": [sequence.toString() for sequence in window.redo_action.shortcuts()],
        "rows_after_undo_redo_undo_redo": rows,
    }))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
