"""One writer at a time per data dir, across processes (CLI and GUI alike).

An advisory `flock` on `<data dir>/.lock`: the kernel drops it when the holder
exits or is killed, so a crash never leaves the data dir locked. Re-entrant
within one process, so an import that saves a pose and a routine takes it once.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.safeio import shown

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".lock"
WAIT_SECONDS = 30.0
POLL_SECONDS = 0.01


class DataDirLock:
    def __init__(self, root: Path, wait_seconds: float = WAIT_SECONDS) -> None:
        self.path = root / LOCK_NAME
        self.wait_seconds = wait_seconds
        self._depth = 0
        self._fd: int | None = None
        self._mutex = threading.RLock()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the body; StretchDeskError if it can't be had."""
        with self._mutex:
            if self._depth == 0:
                self._fd = self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._fd is not None:
                    os.close(self._fd)
                    self._fd = None

    def _acquire(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags | os.O_NONBLOCK, 0o644)
        except OSError as error:
            raise StretchDeskError(
                f"{shown(self.path)}: can't lock the data dir for writing ({error.strerror})"
            ) from None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise StretchDeskError(f"{shown(self.path)}: is not a regular file; remove it")
            self._wait_for(fd)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _wait_for(self, fd: int) -> None:
        if fcntl is None:
            return
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StretchDeskError(
                        f"{shown(self.path.parent)}: another StretchDesk has been writing here for "
                        f"{self.wait_seconds:.0f} s; try again when it is done"
                    ) from None
                time.sleep(POLL_SECONDS)
            except OSError as error:
                raise StretchDeskError(
                    f"{shown(self.path)}: can't lock the data dir ({error.strerror})"
                ) from None
