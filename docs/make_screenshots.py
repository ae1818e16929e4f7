"""Regenerate the README screenshots from the real app (offscreen).

Run: ./scripts/screenshots   (or: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py)
Writes docs/builder.png, docs/player-hold.png and docs/contact-sheet.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QListView  # noqa: E402

from stretchdesk.app import build_main_window  # noqa: E402
from stretchdesk.figures.sheet import write_contact_sheet  # noqa: E402


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def builder(app: QApplication, folder: Path) -> None:
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(folder / "data", settings)
    window.resize(1440, 900)
    window.show()
    routines = window.findChild(QListView, "routineList")
    model = routines.model()
    for row in range(model.rowCount()):
        if "5-Minute" in str(model.index(row, 0).data()):
            routines.setCurrentIndex(model.index(row, 0))
    settle(app)
    window.grab().save(str(DOCS / "builder.png"))
    window.close()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as folder:
        builder(app, Path(folder))
    write_contact_sheet(DOCS / "contact-sheet.png")
    print(f"wrote screenshots to {DOCS}")


if __name__ == "__main__":
    main()
