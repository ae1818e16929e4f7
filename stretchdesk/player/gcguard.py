"""Python's cycle collector runs on the GUI thread only, while a voice thread lives.

The collector runs on whichever thread happens to allocate when a threshold
trips. If that is the voice thread, it can destroy QObjects that belong to the
GUI thread (a file watcher's socket notifier, a timer) and Qt then crashes in
its event loop. So while a voice thread runs, automatic collection is off and
a timer on the GUI thread collects instead, generation by generation, as the
thresholds would have (pyqtgraph's GarbageCollector does the same).
"""

from __future__ import annotations

import gc
import threading

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

VOICE_THREAD = "stretchdesk-voice"
CHECK_MS = 250


class _Guard(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._was_enabled = True

    def hold(self) -> None:
        if not self._timer.isActive():
            self._was_enabled = gc.isenabled()
            gc.disable()
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        collect_due_generations()
        if not any(thread.name == VOICE_THREAD and thread.is_alive() for thread in threading.enumerate()):
            self._timer.stop()
            if self._was_enabled:
                gc.enable()


_guard: _Guard | None = None


def collect_on_gui_thread() -> None:
    """Call on the GUI thread just before starting the voice thread."""
    global _guard
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    if _guard is None or not shiboken6.isValid(_guard):
        _guard = _Guard(app)
    _guard.hold()


def collect_due_generations() -> int:
    """What automatic collection would do now: the youngest generations past their threshold."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    found = 0
    if counts[0] > thresholds[0]:
        found += gc.collect(0)
        if counts[1] > thresholds[1]:
            found += gc.collect(1)
            if counts[2] > thresholds[2]:
                found += gc.collect(2)
    return found
