"""Regenerate the README screenshots from the real app (offscreen).

Run: ./scripts/screenshots   (or: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py)
Writes docs/builder.png, docs/player-hold.png and docs/contact-sheet.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent
SCREENS = Path(tempfile.mkdtemp()) / "screens.json"
SCREENS.write_text(
    '{"screens": [{"name": "tv", "x": 0, "y": 0, "width": 1920, "height": 1080,'
    ' "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}'
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"
sys.path.insert(0, str(DOCS.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QListView  # noqa: E402

from stretchdesk.app import build_main_window  # noqa: E402
from stretchdesk.core.session import FakeClock  # noqa: E402
from stretchdesk.core.workspace import Workspace  # noqa: E402
from stretchdesk.drawing.sheet import write_contact_sheet  # noqa: E402
from stretchdesk.player.audio import SilentSound  # noqa: E402
from stretchdesk.player.figure_motion import FigureMotion  # noqa: E402
from stretchdesk.player.launcher import PlayerLauncher  # noqa: E402


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
        if "After a Long Run" in str(model.index(row, 0).data()):
            routines.setCurrentIndex(model.index(row, 0))
    settle(app)
    window.grab().save(str(DOCS / "builder.png"))
    window.close()


def player(app: QApplication, folder: Path) -> None:
    """The audience window 12 s into the 5-minute routine: holding Low Lunge, right side."""
    clock = FakeClock()
    settings = QSettings(str(folder / "player.ini"), QSettings.Format.IniFormat)
    live = FigureMotion()
    launcher = PlayerLauncher(Workspace(folder / "player-data"), settings, clock=clock, sound=SilentSound(),
                              confirm=lambda *_: True, figure_motion=live)
    controller = launcher.play("builtin-post-run-hips-quickie")
    deadline = time.monotonic() + 30
    while live.figure("low-lunge") is None and time.monotonic() < deadline:  # the live figure, not the picture
        app.processEvents()
        time.sleep(0.02)
    controller.session.start()
    assert controller.session.started_at is not None
    clock.now = controller.session.started_at + 22
    controller.driver.kick()
    controller.refresh()
    settle(app)
    controller.audience.grab().save(str(DOCS / "player-hold.png"))
    launcher.shut_down()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as folder:
        builder(app, Path(folder))
        player(app, Path(folder))
    write_contact_sheet(DOCS / "contact-sheet.png")
    print(f"wrote screenshots to {DOCS}")


if __name__ == "__main__":
    main()
