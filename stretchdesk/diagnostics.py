"""What went wrong, written down: a rotating log file, the exception hooks, faulthandler.

A runner who starts StretchDesk from the desktop menu never sees stderr. So an
unexpected exception (in a slot, a thread, anywhere) goes to a log file under
platformdirs.user_log_dir("StretchDesk") with its traceback, and the user gets
one line saying so and where the file is; a hard crash leaves its Python stack
in the same folder (faulthandler).
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO

import platformdirs
from PySide6.QtCore import QObject, Signal

from stretchdesk import APP_NAME

LOG_FILE = "stretchdesk.log"
CRASH_FILE = "crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
LOGGER = "stretchdesk"


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class Diagnostics(QObject):
    """Installs the hooks for the life of the app; `error_reported` carries the one line."""

    error_reported = Signal(str)

    def __init__(self, log_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_dir = log_dir or default_log_dir()
        self.log_path = self.log_dir / LOG_FILE
        self._handler: RotatingFileHandler | None = None
        self._crash_file: IO[str] | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> str | None:
        """Start logging; None, or one line saying why the log can't be written (the app goes on)."""
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            self._handler = RotatingFileHandler(self.log_path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                encoding="utf-8")
            self._crash_file = (self.log_dir / CRASH_FILE).open("a", encoding="utf-8")
        except OSError as error:
            return f"Can't write the log in {self.log_dir} ({error.strerror}); problems won't be recorded."
        self._handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger = logging.getLogger(LOGGER)
        logger.addHandler(self._handler)
        logger.setLevel(logging.INFO)
        faulthandler.enable(file=self._crash_file)
        self._previous_hook, self._previous_thread_hook = sys.excepthook, threading.excepthook
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        logger.info("StretchDesk started (Python %s)", sys.version.split()[0])
        return None

    def uninstall(self) -> None:
        """Put the previous hooks back and close the files (tests, and the end of the app)."""
        if self._handler is None:
            return
        sys.excepthook, threading.excepthook = self._previous_hook, self._previous_thread_hook
        faulthandler.disable()
        logging.getLogger(LOGGER).removeHandler(self._handler)
        self._handler.close()
        self._handler = None
        if self._crash_file is not None:
            self._crash_file.close()
            self._crash_file = None

    def _on_exception(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, trace)
            return
        logging.getLogger(LOGGER).error("Unexpected error", exc_info=(kind, error, trace))
        self.error_reported.emit(self.user_line(error))

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        logging.getLogger(LOGGER).error(
            "Unexpected error in thread %s", args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        self.error_reported.emit(self.user_line(args.exc_value))

    def user_line(self, error: BaseException) -> str:
        what = str(error).splitlines()[0] if str(error) else type(error).__name__
        return f"Something went wrong ({what}); the details are in {self.log_path}"
