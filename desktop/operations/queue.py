"""Reading the queue: the ordered ids with the first rows, more rows, the filter lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.operations.runner import Op, Operations
from models.leads import queue
from models.leads.queue import FilterOptions, QueueQuery, QueueRow, SortKey

#: How many of the top of the priority order a load also reports (the next lead, and the
#: one after it when the next is the lead just worked).
TOP = 2


@dataclass(frozen=True)
class QueuePage:
    #: Every matching id, in the query's order.
    ids: list[int]
    #: The rows of the first ids.
    rows: list[QueueRow]
    #: The first :data:`TOP` ids in priority order whatever the query's sort: "next lead".
    top: list[int]


def load(ops: Operations, query: QueueQuery, first: int, owner: QObject) -> Op[QueuePage]:
    """Every matching id in queue order, the rows of the first ``first`` of them, and the
    top of the priority order (the same as the first ids unless sorted otherwise)."""

    def job(session: Session) -> QueuePage:
        ids = queue.queue_ids(session, query)
        if query.sort == SortKey.PRIORITY and query.descending:
            top = ids[:TOP]
        else:
            by_priority = replace(query, sort=SortKey.PRIORITY, descending=True)
            top = [row.id for row in queue.queue_page(session, by_priority, limit=TOP)]
        return QueuePage(ids, queue.queue_rows(session, ids[:first]), top)

    return ops.read(job, owner=owner)


def rows(ops: Operations, ids: Sequence[int], owner: QObject) -> Op[list[QueueRow]]:
    wanted = list(ids)
    return ops.read(lambda session: queue.queue_rows(session, wanted), owner=owner)


def filter_options(ops: Operations, owner: QObject) -> Op[FilterOptions]:
    return ops.read(queue.filter_options, owner=owner)
