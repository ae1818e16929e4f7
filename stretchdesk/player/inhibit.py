"""Keep the screen awake while a routine plays, where the platform lets us.

Linux desktops: the freedesktop ScreenSaver D-Bus service. Windows:
SetThreadExecutionState. Elsewhere (or with no session bus) nothing happens
and `inhibit()` returns a message the controls can show.
"""

from __future__ import annotations

import sys
from typing import Protocol

from stretchdesk import APP_NAME

_WIN_CONTINUOUS = 0x80000000
_WIN_SYSTEM = 0x00000001
_WIN_DISPLAY = 0x00000002


class Inhibitor(Protocol):
    def inhibit(self) -> str | None: ...

    def release(self) -> None: ...


class NoInhibitor:
    def inhibit(self) -> str | None:
        return None

    def release(self) -> None:
        return None


class DBusInhibitor:
    SERVICE = "org.freedesktop.ScreenSaver"
    PATH = "/org/freedesktop/ScreenSaver"

    def __init__(self) -> None:
        self._cookie: int | None = None

    def inhibit(self) -> str | None:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return "The screen saver can't be paused here (no desktop session bus)."
        saver = QDBusInterface(self.SERVICE, self.PATH, self.SERVICE, bus)
        if not saver.isValid():
            return "The screen saver can't be paused here (no ScreenSaver service)."
        reply = saver.call("Inhibit", APP_NAME, "Playing a stretching routine")
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return "The screen saver did not accept the request to stay awake."
        self._cookie = int(reply.arguments()[0])
        return None

    def release(self) -> None:
        if self._cookie is None:
            return
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        saver = QDBusInterface(self.SERVICE, self.PATH, self.SERVICE, QDBusConnection.sessionBus())
        if saver.isValid():
            saver.call("UnInhibit", self._cookie)
        self._cookie = None


class WindowsInhibitor:
    def inhibit(self) -> str | None:
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel.SetThreadExecutionState(_WIN_CONTINUOUS | _WIN_SYSTEM | _WIN_DISPLAY)
        return None

    def release(self) -> None:
        import ctypes

        ctypes.windll.kernel32.SetThreadExecutionState(_WIN_CONTINUOUS)  # type: ignore[attr-defined]


def platform_inhibitor() -> Inhibitor:
    if sys.platform.startswith("win"):
        return WindowsInhibitor()
    if sys.platform.startswith("linux"):
        return DBusInhibitor()
    return NoInhibitor()
