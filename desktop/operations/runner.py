"""Running one user action: a ``models`` use case on the worker, under the failure policy.

Anki's ``CollectionOp`` is the model::

    ops.write(lambda s: log_call(s, user_id, draft, now), initiator="call-dialog") \\
        .success(on_saved).refused(show_next_to_the_form).run()

* ``success(result)`` runs on the GUI thread; if the result is (or carries) a
  :class:`~models.core.changes.Changes`, :attr:`Operations.changed` broadcasts it,
  stamped with the op's initiator, and each view decides what to refresh.
* A refusal goes to ``refused(text, exc)`` (translated text), or is said once.
* A transient failure is retried with backoff (:data:`BACKOFF_MS`) while the policy's
  banner is up; ``retrying(text)`` lets a form say "not saved yet". Background ops are
  not retried (their timer runs again): a probe watches for the database instead, so the
  banner clears itself.
* Every failure that ends the op (a refusal, a permanent or unexpected failure, a
  transient one of a background op) calls ``failed(failure)`` after the policy.

An op with an ``owner`` (a dialog, a view) stops when the owner is deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.operations.policy import FailurePolicy, Refused
from desktop.operations.worker import DbWorker
from models.core.changes import Changes
from models.db.database import Database
from models.db.failures import Failure, Kind

T = TypeVar("T")

#: Delays between retries of a transient failure (the last one repeats).
BACKOFF_MS: tuple[int, ...] = (250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000)
PROBE_MS = 3_000


class Operations(QObject):
    """The window's entry to the domain: runs ops, broadcasts what they changed.

    GUI thread. Signals: ``changed(Changes)`` after every successful write that changed
    something (views subscribe to it themselves).
    """

    changed = Signal(object)

    def __init__(self, worker: DbWorker, policy: FailurePolicy, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.policy = policy
        self._probe = QTimer(self)
        self._probe.setSingleShot(True)
        self._probe.timeout.connect(self._run_probe)
        self._probing = False
        #: Ops that have not finished (kept alive while they wait for a retry).
        self.pending: set[Op[Any]] = set()
        #: What a transient failure made unavailable: "read", "write" or both.
        self._unavailable: set[str] = set()

    @property
    def db(self) -> Database:
        return self.worker.db

    def read(self, job: Callable[[Session], T], **options: Any) -> Op[T]:
        """An op that reads in one transaction (a consistent snapshot)."""
        return Op(self, "read", job, **options)

    def write(self, job: Callable[[Session], T], **options: Any) -> Op[T]:
        """An op that is one unit of work: it commits whole or not at all."""
        return Op(self, "write", job, **options)

    def call(self, job: Callable[[Database], T], **options: Any) -> Op[T]:
        """An op that manages its own transactions (long work split in chunks)."""
        return Op(self, "db", job, **options)

    def broadcast(self, changes: Changes) -> None:
        if not changes.empty:
            self.changed.emit(changes)

    # -- Used by Op -----------------------------------------------------------------------
    def _failed(self, mode: str) -> None:
        """A transient failure: remember whether writing or only reading is affected."""
        self._unavailable.add("write" if mode in ("write", "db") else "read")

    def _succeeded(self, mode: str) -> None:
        """An op succeeded. A read proves reading works, not writing (on SQLite another
        program can hold the write lock while reads go on): only a successful write
        clears a banner that a failed write put up."""
        writes = mode in ("write", "db")
        if writes or self._unavailable <= {"read"}:
            self._unavailable.clear()
            self._probe.stop()
            self.policy.recovered()

    def _watch(self) -> None:
        """Keep asking the database (cheaply) until it answers, then clear the banner."""
        if not self._probe.isActive() and not self._probing:
            self._probe.start(PROBE_MS)

    def _run_probe(self) -> None:
        """``SELECT 1``, in a write transaction when writing failed (on SQLite that takes
        the write lock, so it answers only once a write would go through)."""
        self._probing = True
        mode = "write" if "write" in self._unavailable else "read"

        def done(_result: object) -> None:
            self._probing = False
            self._succeeded(mode)

        def failed(exc: BaseException) -> None:
            self._probing = False
            if self.policy.handle(exc, background=True).kind is Kind.TRANSIENT:
                self._watch()

        probe = self.worker.write if mode == "write" else self.worker.read
        probe(lambda session: session.execute(text("SELECT 1")), done, failed)


class Op(Generic[T]):
    """One use case run on the worker (see the module docstring)."""

    def __init__(
        self,
        ops: Operations,
        mode: str,
        job: Callable[..., T],
        *,
        initiator: str | None = None,
        background: bool = False,
        owner: QObject | None = None,
    ) -> None:
        self._ops = ops
        self._mode = mode
        self._job = job
        self.initiator = initiator
        self.background = background
        self._owner = owner
        self._on_success: Callable[[T], None] | None = None
        self._on_refused: Refused | None = None
        self._on_failed: Callable[[Failure], None] | None = None
        self._on_retrying: Callable[[str], None] | None = None
        self.attempts = 0
        self.cancelled = False
        self._retry: QTimer | None = None

    def success(self, fn: Callable[[T], None]) -> Op[T]:
        self._on_success = fn
        return self

    def refused(self, fn: Refused) -> Op[T]:
        self._on_refused = fn
        return self

    def failed(self, fn: Callable[[Failure], None]) -> Op[T]:
        self._on_failed = fn
        return self

    def retrying(self, fn: Callable[[str], None]) -> Op[T]:
        self._on_retrying = fn
        return self

    def run(self) -> Op[T]:
        self.attempts += 1
        self._ops.pending.add(self)
        worker = self._ops.worker
        submit = {"read": worker.read, "write": worker.write, "db": worker.call}[self._mode]
        submit(self._job, self._done, self._error)
        return self

    def cancel(self) -> None:
        """Stop retrying (the user closed the form or chose another lead)."""
        self.cancelled = True
        if self._retry is not None:
            self._retry.stop()
        self._ops.pending.discard(self)

    # -- Results (GUI thread) -----------------------------------------------------------
    def _alive(self) -> bool:
        return not self.cancelled and (self._owner is None or shiboken6.isValid(self._owner))

    def _done(self, result: T) -> None:
        self._ops.pending.discard(self)
        self._ops._succeeded(self._mode)
        if self._mode in {"write", "db"}:
            changes = getattr(result, "changes", result)
            if isinstance(changes, Changes):
                self._ops.broadcast(replace(changes, initiator=self.initiator))
        if self._alive() and self._on_success is not None:
            self._on_success(result)

    def _error(self, exc: BaseException) -> None:
        alive = self._alive()
        failure = self._ops.policy.handle(
            exc,
            background=self.background or not alive,
            refused=self._on_refused if alive else None,
        )
        if failure.kind is Kind.TRANSIENT:
            self._ops._failed(self._mode)
        if failure.kind is Kind.TRANSIENT and alive and not self.background:
            delay = BACKOFF_MS[min(self.attempts - 1, len(BACKOFF_MS) - 1)]
            if self._on_retrying is not None:
                self._on_retrying(self._ops.policy.banner)
            self._retry = QTimer()
            self._retry.setSingleShot(True)
            self._retry.timeout.connect(self._retry_now)
            self._retry.start(delay)
            return
        self._ops.pending.discard(self)
        if failure.kind is Kind.TRANSIENT:
            self._ops._watch()
        if alive and self._on_failed is not None:
            self._on_failed(failure)

    def _retry_now(self) -> None:
        if self._alive():
            self.run()
