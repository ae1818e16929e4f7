"""Where the player's two windows go, and where they go when screens come and go.

The player is full screen on its screen; the controls sit on a screen the player
does not cover (the primary first). With only one screen they become a compact
strip that stays on top of the player, so they are never buried under it.

A placement follows the screens for as long as its session plays: it listens to
the application (which outlives the session) until `release()`, and to the
controls' screen picker and full-screen button.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QScreen

from stretchdesk.player.audience import AudienceWindow
from stretchdesk.player.controls import ControlsPanel
from stretchdesk.player.screens import choose_screen, desk_screen, find_screen, place_full_screen


class Placement(QObject):
    def __init__(self, audience: AudienceWindow, controls: ControlsPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.audience = audience
        self.controls = controls
        self.screen_name: str | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        app = _app()
        app.screenAdded.connect(self._on_app_screen_added)
        app.screenRemoved.connect(self._on_app_screen_removed)
        app.screenAdded.connect(self.controls.screen_picker.on_screen_added)
        app.screenRemoved.connect(self.controls.screen_picker.on_screen_removed)
        self.controls.fullscreen_requested.connect(self._on_controls_fullscreen_requested)
        self.controls.screen_chosen.connect(self._on_controls_screen_chosen)

    def release(self) -> None:
        """The application outlives this session: it stops following its screens."""
        app = _app()
        app.screenAdded.disconnect(self._on_app_screen_added)
        app.screenRemoved.disconnect(self._on_app_screen_removed)
        app.screenAdded.disconnect(self.controls.screen_picker.on_screen_added)
        app.screenRemoved.disconnect(self.controls.screen_picker.on_screen_removed)

    def show(self, screen_name: str | None) -> None:
        """Place both windows; the controls say so when the wanted screen is missing."""
        screen, message = choose_screen(screen_name)
        self._place(screen)
        self._say(message)

    def move_to(self, name: str) -> str | None:
        screen = find_screen(name)
        if screen is None:
            primary = QGuiApplication.primaryScreen()
            self._place(primary)
            return f"Screen {name!r} is not connected; playing on {primary.name()!r}."
        self._place(screen)
        return None

    def refit(self) -> None:
        """Again on the current screen (full screen again; the controls may get a screen of their own)."""
        if self.screen_name:
            self.move_to(self.screen_name)

    def screen_removed(self, gone: QScreen) -> str | None:
        """Move whatever was on `gone`; a message when the player itself had to move."""
        if gone.name() != self.screen_name:
            if self.controls.screen() is gone and self.screen_name:
                target = find_screen(self.screen_name)
                if target is not None:
                    self._place(target, gone)
            return None
        remaining = [s for s in QGuiApplication.screens() if s is not gone]
        primary = QGuiApplication.primaryScreen()
        target = primary if primary is not gone else (remaining[0] if remaining else primary)
        self._place(target, gone)
        return f"Screen {gone.name()!r} was disconnected; moved to {target.name()!r}."

    def _place(self, screen: QScreen, gone: QScreen | None = None) -> None:
        self.screen_name = screen.name()
        desk = desk_screen(screen, gone)
        self.controls.place_on(desk, compact=desk is screen)
        self.controls.show()
        place_full_screen(self.audience, screen)

    def _say(self, message: str | None) -> None:
        if message:
            self.controls.add_message(message)

    def _on_app_screen_added(self, _screen: QScreen) -> None:
        self.refit()

    def _on_app_screen_removed(self, screen: QScreen) -> None:
        self._say(self.screen_removed(screen))

    def _on_controls_fullscreen_requested(self) -> None:
        self.refit()

    def _on_controls_screen_chosen(self, name: str) -> None:
        self._say(self.move_to(name))


def _app() -> QGuiApplication:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    return app
