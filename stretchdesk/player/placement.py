"""Where the player's two windows go, and where they go when screens come and go.

The player is full screen on its screen; the controls sit on a screen the player
does not cover (the primary first). With only one screen they become a compact
strip that stays on top of the player, so they are never buried under it.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen

from stretchdesk.player.audience import AudienceWindow
from stretchdesk.player.controls import ControlsPanel
from stretchdesk.player.screens import choose_screen, desk_screen, find_screen, place_full_screen


class Placement:
    def __init__(self, audience: AudienceWindow, controls: ControlsPanel) -> None:
        self.audience = audience
        self.controls = controls
        self.screen_name: str | None = None

    def show(self, screen_name: str | None) -> str | None:
        """Place both windows; a message when the wanted screen is missing."""
        screen, message = choose_screen(screen_name)
        self._place(screen)
        return message

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
