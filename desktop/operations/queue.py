"""Reading the queue: the ordered ids with the first rows, more rows, the filter lists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.operations.runner import Op, Operations
from models.leads import queue
from models.leads.queue import FilterOptions, QueueQuery, QueueRow

QueuePage = tuple[list[int], list[QueueRow]]


def load(ops: Operations, query: QueueQuery, first: int, owner: QObject) -> Op[QueuePage]:
    """Every matching id in queue order, and the rows of the first ``first`` of them."""

    def job(session: Session) -> QueuePage:
        ids = queue.queue_ids(session, query)
        return ids, queue.queue_rows(session, ids[:first])

    return ops.read(job, owner=owner)


def rows(ops: Operations, ids: Sequence[int], owner: QObject) -> Op[list[QueueRow]]:
    wanted = list(ids)
    return ops.read(lambda session: queue.queue_rows(session, wanted), owner=owner)


def filter_options(ops: Operations, owner: QObject) -> Op[FilterOptions]:
    return ops.read(queue.filter_options, owner=owner)
