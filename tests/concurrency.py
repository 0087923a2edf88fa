"""Two transactions at once: one runs on a thread while the test holds the other open.

:class:`Background` runs a function on a thread and hands back its result or its
exception; :func:`wait_until_blocked` returns once that thread waits on a lock held by the
test's own open transaction (PostgreSQL: ``pg_stat_activity`` says so; SQLite: the
thread is still inside its ``BEGIN IMMEDIATE``, waiting on the busy handler, after a
moment). So a test can interleave two real connections deterministically: hold A, start
B, see B wait, then let A commit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy import text

from models.db.database import Database

T = TypeVar("T")
#: How long a SQLite writer is given to show it is waiting (it waits up to the busy
#: timeout, 10 s, for the write lock the test holds).
SQLITE_SETTLE_S = 0.5


class Background(Generic[T]):
    """``fn()`` on a daemon thread; :meth:`result` re-raises what it raised."""

    def __init__(self, fn: Callable[[], T], name: str = "background") -> None:
        self._fn = fn
        self._value: T | None = None
        self._error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self._value = self._fn()
        except BaseException as exc:
            self._error = exc

    @property
    def done(self) -> bool:
        return not self.thread.is_alive()

    def result(self, timeout: float = 30.0) -> T:
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the background transaction did not finish"
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


def wait_until_blocked(db: Database, job: Background[Any], timeout: float = 15.0) -> bool:
    """Wait until ``job`` waits on a lock (True) or has finished without waiting (False)."""
    if db.dialect != "postgresql":
        job.thread.join(SQLITE_SETTLE_S)
        return not job.done
    deadline = time.monotonic() + timeout
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as monitor:
        while time.monotonic() < deadline:
            if job.done:
                return False
            waiting = monitor.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
                )
            )
            if waiting:
                return True
            time.sleep(0.01)
    raise AssertionError("the background transaction neither waited on a lock nor finished")
