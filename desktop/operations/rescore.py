"""Rescoring every lead (long work: progress and cancel, one short transaction a chunk)."""

from __future__ import annotations

from datetime import datetime

from desktop.operations.runner import Operations
from desktop.operations.worker import Task
from models.core.changes import Changes
from models.scoring import rescore

INITIATOR = "rescore"


def rescore_all(ops: Operations, now: datetime) -> Task:
    """The task, not yet started: connect to its signals, then ``start()`` it. Failures
    go to the failure policy; when it ends the views hear that the queue changed."""
    db = ops.db
    task = Task(
        lambda progress, cancelled: rescore.rescore_all(
            db, now, progress=progress, cancelled=cancelled
        )
    )
    task.signals.finished.connect(
        lambda _report: ops.broadcast(Changes(queue=True, initiator=INITIATOR))
    )
    task.signals.failed.connect(ops.policy.handle)
    return task
