"""The dashboard's reads, each one op on the app's worker (:class:`Operations`): every
figure of the dashboard, the leads behind a bar of the funnel, and the campaign report;
what the filters offer is read on the thread pool (:func:`options`). Each takes the filter
bar's :class:`KpiChoice` and the clock's now; the results come back on the GUI thread as
plain data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.dashboards.choice import KpiChoice, kpi_filter
from desktop.operations.runner import Op, Operations
from desktop.operations.worker import Task
from models.db.database import Database
from models.leads.queue import QueueRow, queue_rows
from models.reporting import (
    CampaignReport,
    Dashboard,
    LeadsBehind,
    campaign_report,
    dashboard,
    leads_behind,
)
from models.reporting.options import Choices, choices

#: The most leads a bar's list shows (the newest MQLs first; the total is said).
BEHIND_LIMIT = 500


@dataclass(frozen=True)
class Behind:
    found: LeadsBehind
    #: The leads' rows, in the order found.
    rows: list[QueueRow]


#: The option reads under way, kept alive until they end (a window closed meanwhile
#: must not take the running task, and the signals it is about to emit, with it).
_RUNNING: set[Task] = set()


def options(db: Database, user_id: int, now: datetime) -> Task:
    """What the filters offer, on the thread pool (not the worker: the distinct campaigns
    of every engagement take a while on a large database, and the figures must not wait
    for them): ``finished(Choices)`` or ``failed(exception)``; start it yourself."""

    def run(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Choices:
        with db.read() as session:
            return choices(session, user_id, now)

    task = Task(run)
    _RUNNING.add(task)
    task.signals.finished.connect(lambda _result: _RUNNING.discard(task))
    task.signals.failed.connect(lambda _exc: _RUNNING.discard(task))
    return task


def board(
    ops: Operations, user_id: int, choice: KpiChoice, now: datetime, owner: QObject
) -> Op[Dashboard]:
    return ops.read(
        lambda session: dashboard(session, user_id, kpi_filter(session, user_id, choice, now)),
        owner=owner,
    )


def behind(
    ops: Operations,
    user_id: int,
    choice: KpiChoice,
    stage: str,
    dropped: bool,
    now: datetime,
    owner: QObject,
) -> Op[Behind]:
    def job(session: Session) -> Behind:
        kpi = kpi_filter(session, user_id, choice, now)
        found = leads_behind(session, user_id, kpi, stage, BEHIND_LIMIT, dropped=dropped)
        return Behind(found, queue_rows(session, found.lead_ids))

    return ops.read(job, owner=owner)


def campaigns(
    ops: Operations, user_id: int, choice: KpiChoice, now: datetime, owner: QObject
) -> Op[CampaignReport]:
    return ops.read(
        lambda session: campaign_report(
            session, user_id, kpi_filter(session, user_id, choice, now)
        ),
        owner=owner,
    )
