"""Running database work off the GUI thread.

* :class:`DbWorker` runs short jobs (one per user action, and the queue's row fetches)
  one at a time on its own thread, each in its own unit of work, and hands the plain
  result back to a callback on the GUI thread.
* :class:`Task` is long work (demo generation, full rescore) on the global thread pool
  with a progress signal and a cancel flag.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot
from sqlalchemy.orm import Session

from models.db.database import Database

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Runner(QObject):
    """Lives on the worker thread; emits results back to the GUI thread."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db
        self.jobs: dict[int, tuple[str, Callable[..., Any]]] = {}
        self._lock = threading.Lock()

    @Slot(int)
    def run(self, job_id: int) -> None:
        with self._lock:
            mode, fn = self.jobs.pop(job_id)
        try:
            if mode == "write":
                with self._db.write() as session:
                    result = fn(session)
            elif mode == "read":
                with self._db.read() as session:
                    result = fn(session)
            else:
                result = fn(self._db)
        except Exception as exc:
            self.failed.emit(job_id, exc)
        else:
            self.finished.emit(job_id, result)


class DbWorker(QObject):
    """Serial database worker: each job in its own unit of work, results back on the GUI
    thread. Use it through :class:`desktop.operations.runner.Operations`, which adds the
    failure policy and broadcasts what writes changed."""

    _request = Signal(int)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done, Failed]] = {}
        self._thread = QThread()
        self._thread.setObjectName("baton-db")
        self._runner = _Runner(db)
        self._runner.moveToThread(self._thread)
        self._request.connect(self._runner.run)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self._on_runner_failed)
        self._thread.start()

    def _submit(self, mode: str, fn: Callable[..., Any], on_done: Done, on_error: Failed) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        with self._runner._lock:
            self._runner.jobs[job_id] = (mode, fn)
        self._request.emit(job_id)
        return job_id

    def read(self, fn: Callable[[Session], Any], on_done: Done, on_error: Failed) -> int:
        """Run ``fn(session)`` in a read transaction; ``on_done(result)`` on the GUI thread."""
        return self._submit("read", fn, on_done, on_error)

    def write(self, fn: Callable[[Session], Any], on_done: Done, on_error: Failed) -> int:
        """Run ``fn(session)`` as one unit of work (commits whole, or rolls back)."""
        return self._submit("write", fn, on_done, on_error)

    def call(self, fn: Callable[[Database], Any], on_done: Done, on_error: Failed) -> int:
        """Run ``fn(db)``, which manages its own transactions."""
        return self._submit("db", fn, on_done, on_error)

    @Slot(int, object)
    def _on_runner_finished(self, job_id: int, result: Any) -> None:
        on_done, _on_error = self._callbacks.pop(job_id)
        on_done(result)

    @Slot(int, object)
    def _on_runner_failed(self, job_id: int, exc: BaseException) -> None:
        _on_done, on_error = self._callbacks.pop(job_id)
        on_error(exc)

    def idle(self) -> bool:
        return not self._callbacks

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait()


class TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Long work on the thread pool: ``fn(progress, cancelled)`` with a cancel flag.

    Emits (through :attr:`signals`) ``progress(done, total)``, then ``finished(result)``
    or ``failed(exception)``.
    """

    def __init__(self, fn: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._fn = fn
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._fn(self.signals.progress.emit, self._cancel.is_set)
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
