"""Logging, configured once at start: a rotating file in the user log folder.

Anything unexpected lands there with its traceback (the failure policy and the
``sys.excepthook`` installed here); the user is shown the file's path, never a repr.
Passwords never reach it: database URLs are logged redacted (models.db.database).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

LOG_NAME = "baton.log"
MAX_BYTES = 2_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"

log = logging.getLogger("baton")


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("Baton", appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def configure(level: int = logging.INFO) -> Path:
    """Send Baton's log records to the rotating file (idempotent); returns its path."""
    path = log_file()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def install_excepthook(report: Callable[[BaseException], None]) -> None:
    """Log every uncaught exception (a slot, a thread) and hand it to ``report``.

    ``report`` runs on the thread that raised; the failure policy passes it on to the
    GUI thread with a queued signal.
    """

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("uncaught exception", exc_info=(kind, value, tb))
        report(value)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
