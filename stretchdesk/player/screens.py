"""Which screen the audience window uses, and the picker that chooses it.

Screens are remembered by name (a TV keeps its name between sessions, its
index does not). A screen that is gone falls back to the primary screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QComboBox, QWidget

SETTINGS_KEY = "player/screen"


def find_screen(name: str | None) -> QScreen | None:
    if not name:
        return None
    return next((s for s in QGuiApplication.screens() if s.name() == name), None)


def screen_label(index: int, screen: QScreen) -> str:
    size = screen.geometry().size()
    primary = " (primary)" if screen is QGuiApplication.primaryScreen() else ""
    return f"{index}: {screen.name() or 'screen'} {size.width()}×{size.height()}{primary}"


def default_audience_screen() -> QScreen:
    """A second screen when there is one (that's where the TV usually is), else the primary."""
    primary = QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not primary]
    return others[0] if others else primary


def choose_screen(wanted: str | None) -> tuple[QScreen, str | None]:
    """The screen to play on and, when the wanted one is missing, a message saying so."""
    if not wanted:
        return default_audience_screen(), None
    found = find_screen(wanted)
    if found is not None:
        return found, None
    primary = QGuiApplication.primaryScreen()
    return primary, f"Screen {wanted!r} is not connected; playing on {primary.name()!r}."


def desk_screen(audience: QScreen, gone: QScreen | None = None) -> QScreen:
    """Where the controls go: a screen the player does not cover, the primary first;
    the player's own screen only when it is the only one."""
    others = [s for s in QGuiApplication.screens() if s is not audience and s is not gone]
    primary = QGuiApplication.primaryScreen()
    if primary in others:
        return primary
    return others[0] if others else audience


def place_full_screen(window: QWidget, screen: QScreen) -> None:
    """Put a top-level window full screen on `screen` (works before and after show())."""
    if window.isFullScreen():
        window.showNormal()
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()


class ScreenPicker(QComboBox):
    """Lists the connected screens; the choice is saved in the settings by name.

    The owner forwards the application's screenAdded/screenRemoved (and lets go of
    them when it closes), so a picker never outlives its player on app signals.
    """

    screen_chosen = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerScreenPicker")
        self.setToolTip("The screen the player goes full screen on")
        self._settings = settings
        self._filling = False
        self.currentIndexChanged.connect(self._on_current_index_changed)
        self.refresh()

    def chosen_name(self) -> str | None:
        value = self._settings.value(SETTINGS_KEY)
        return str(value) if value else None

    def refresh(self, gone: QScreen | None = None) -> None:
        self._filling = True
        self.clear()
        wanted = self.chosen_name()
        screens = [s for s in QGuiApplication.screens() if s is not gone]
        for index, screen in enumerate(screens):
            self.addItem(screen_label(index, screen), screen.name())
        names = [s.name() for s in screens]
        if wanted in names:
            self.setCurrentIndex(names.index(wanted))
        elif screens:
            fallback = default_audience_screen()
            self.setCurrentIndex(screens.index(fallback) if fallback in screens else 0)
        self._filling = False

    def on_screen_added(self, screen: QScreen) -> None:
        self.refresh()

    def on_screen_removed(self, screen: QScreen) -> None:
        """screenRemoved arrives while the screen may still be listed: leave it out."""
        self.refresh(gone=screen)

    def _on_current_index_changed(self, index: int) -> None:
        if self._filling or index < 0:
            return
        name = str(self.itemData(index))
        self._settings.setValue(SETTINGS_KEY, name)
        self.screen_chosen.emit(name)
