"""Two transactions at once, and what concurrent writers must leave behind.

One transaction runs on a thread while the test holds the other open.

:class:`Background` runs a function on a thread and hands back its result or its
exception; :func:`wait_until_blocked` returns once that thread waits on a lock held by the
test's own open transaction (PostgreSQL: ``pg_stat_activity`` says so; SQLite: the
thread is still inside its ``BEGIN IMMEDIATE``, waiting on the busy handler, after a
moment). So a test can interleave two real connections deterministically: hold A, start
B, see B wait, then let A commit. :func:`stale_leads` says which leads carry a score or
priority their own stored facts do not give.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import select, text

from models.core.entities import Account, Lead, Touch
from models.db.database import Database
from models.definitions import versions
from models.scoring.rescore import FACTS, derive

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


#: The columns a rescore derives from a lead's facts (models.scoring.rescore).
DERIVED = (
    "fit_score",
    "engagement_score",
    "score",
    "grade",
    "priority",
    "why_now",
    "priority_until",
    "last_touch_at",
)


def derived_differences(
    db: Database, at: datetime | None = None, columns: tuple[str, ...] = DERIVED
) -> dict[int, dict[str, tuple[Any, Any]]]:
    """Per lead, the derived columns whose stored value differs from a fresh recomputation
    from the lead's *stored* facts (stage, call figures, callback, touches, company,
    title) at ``at`` — or, when ``at`` is None, at the lead's own stored ``scored_at``.

    With ``at=None`` this is the definition of a **stale** lead: its stored score and
    priority are not what its stored facts give at the time they claim to be of. A
    rescore that read a lead before a call and wrote after it leaves exactly that (the
    priority of "new, never called" beside the facts "working, one attempt").
    Values are ``(stored, recomputed)``; scoring uses the public functions directly.
    """
    with db.read() as session:
        config = versions.active(session).scoring
        rows = session.execute(
            select(
                *FACTS,
                Lead.scored_at,
                *(getattr(Lead, c).label(f"stored_{c}") for c in DERIVED),
            ).join(Account, Account.id == Lead.account_id)
        ).all()
        touches: dict[int, list[tuple[str, datetime]]] = {}
        for lead_id, kind, occurred_at in session.execute(
            select(Touch.lead_id, Touch.kind, Touch.occurred_at)
        ):
            touches.setdefault(lead_id, []).append((kind, occurred_at))
    found: dict[int, dict[str, tuple[Any, Any]]] = {}
    for r in rows:
        when = at or r.scored_at
        assert when is not None, f"lead {r.id} was never scored"
        expected = derive(r, touches.get(r.id, ()), when, config)
        stored = {c: r._mapping[f"stored_{c}"] for c in columns}
        differences = {c: (stored[c], expected[c]) for c in columns if stored[c] != expected[c]}
        if differences:
            found[r.id] = differences
    return found


def stale_leads(db: Database) -> dict[int, dict[str, tuple[Any, Any]]]:
    """Leads whose stored derived columns are stale (see :func:`derived_differences`)."""
    return derived_differences(db)
