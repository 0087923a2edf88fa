"""Reading the queue: the ordered ids with the first rows, more rows, the filter lists.

Rows come with who is on the phone with their leads (one more query per page of rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.operations.runner import Op, Operations
from models.core.clock import utcnow
from models.leads import claims as lead_claims
from models.leads import queue
from models.leads.claims import Claimant
from models.leads.queue import FilterOptions, QueueQuery, QueueRow, SortKey

#: How many of the top of the priority order a load also reports (the next lead, and the
#: one after it when the next is the lead just worked).
TOP = 2
#: How far down the priority order "next lead" looks past leads being called.
LOOK_PAST = 8


@dataclass(frozen=True)
class QueuePage:
    #: Every matching id, in the query's order.
    ids: list[int]
    #: The rows of the first ids (of the changed ones, after :func:`resync`).
    rows: list[QueueRow]
    #: The first :data:`TOP` ids in priority order whatever the query's sort, leads someone
    #: is on the phone with passed over: "next lead".
    top: list[int]
    #: Who is on the phone with the leads of ``rows``, by lead id.
    claims: dict[int, Claimant] = field(default_factory=dict)


@dataclass(frozen=True)
class QueueRows:
    rows: list[QueueRow]
    #: Who is on the phone with the leads of ``rows``, by lead id.
    claims: dict[int, Claimant]


def _top(session: Session, query: QueueQuery, ids: list[int]) -> list[int]:
    """The first :data:`TOP` ids in priority order, leads someone is on the phone with
    last (among the first few)."""
    if query.sort == SortKey.PRIORITY and query.descending:
        head = ids[: TOP + LOOK_PAST]
    else:
        by_priority = replace(query, sort=SortKey.PRIORITY, descending=True)
        head = [row.id for row in queue.queue_page(session, by_priority, limit=TOP + LOOK_PAST)]
    held = lead_claims.claimants(session, head, utcnow())
    return sorted(head, key=lambda lead_id: lead_id in held)[:TOP]  # a stable sort


def _rows(session: Session, ids: Sequence[int]) -> QueueRows:
    rows = queue.queue_rows(session, ids)
    return QueueRows(rows, lead_claims.claimants(session, [r.id for r in rows], utcnow()))


def load(ops: Operations, query: QueueQuery, first: int, owner: QObject) -> Op[QueuePage]:
    """Every matching id in queue order, the rows of the first ``first`` of them, and the
    top of the priority order (the same as the first ids unless sorted otherwise)."""

    def job(session: Session) -> QueuePage:
        ids = queue.queue_ids(session, query)
        found = _rows(session, ids[:first])
        return QueuePage(ids, found.rows, _top(session, query, ids), found.claims)

    return ops.read(job, owner=owner)


def resync(
    ops: Operations, query: QueueQuery, changed: Sequence[int], limit: int, owner: QObject
) -> Op[QueuePage]:
    """Some leads changed: every matching id again (cheap), and the rows of the first
    ``limit`` of ``changed`` still in the queue (``changed`` in the order they matter)."""
    wanted = list(changed)

    def job(session: Session) -> QueuePage:
        ids = queue.queue_ids(session, query)
        present = set(ids)
        found = _rows(session, [i for i in wanted if i in present][:limit])
        return QueuePage(ids, found.rows, _top(session, query, ids), found.claims)

    return ops.read(job, owner=owner)


def rows(ops: Operations, ids: Sequence[int], owner: QObject) -> Op[QueueRows]:
    wanted = list(ids)
    return ops.read(lambda session: _rows(session, wanted), owner=owner)


def claims(ops: Operations, ids: Sequence[int], owner: QObject) -> Op[dict[int, Claimant]]:
    """Who is on the phone with these leads now (their claims changed)."""
    wanted = list(ids)
    return ops.read(lambda s: lead_claims.claimants(s, wanted, utcnow()), owner=owner)


def filter_options(ops: Operations, owner: QObject) -> Op[FilterOptions]:
    return ops.read(queue.filter_options, owner=owner)
