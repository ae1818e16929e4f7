"""Wakes the event loop exactly when the session's next cue is due.

One precise single-shot timer is re-armed from `Session.deadline()` after
every poll: a late wake-up delays that cue only, it never shifts later ones.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretchdesk.core.session import Clock, Session


class SessionDriver(QObject):
    events_ready = Signal(list)

    def __init__(self, session: Session, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.kick)

    def kick(self) -> None:
        """Deliver what is due now and re-arm for the next deadline."""
        events = self.session.poll()
        self._rearm()
        if events:
            self.events_ready.emit(events)

    def _rearm(self) -> None:
        deadline = self.session.deadline()
        if deadline is None:
            self._timer.stop()
            return
        wait = max(0, math.ceil((deadline - self._clock()) * 1000))
        self._timer.start(wait)

    def stop(self) -> None:
        self._timer.stop()

    def armed_in_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1
