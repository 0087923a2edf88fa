"""Response rate by industry over time (特定業界における反応率の変化): per industry of the
lead's company and per month (per week for a period of eight weeks or less), of the
leads called in that month, the share reached in that month.

A lead counts once per month it was called in, whoever called it and however often;
the calls are those of :mod:`models.reporting.activity` (the calls that stand, made by
the team's members or the rep). One statement: the calls grouped by lead and month in
the database, then by industry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models.core.entities import Account, Call, Lead
from models.leads.call_figures import REACHED
from models.reporting.filters import KpiFilter, Window, call_conditions
from models.reporting.local_time import bucket_index
from models.reporting.reasons import bucket_starts


@dataclass(frozen=True)
class IndustryMonth:
    #: The first day of the month (or week).
    month: date
    called: int
    reached: int
    #: reached ÷ called (None: no lead called).
    rate: float | None


@dataclass(frozen=True)
class IndustryTrend:
    #: The company's industry code (None: not known).
    industry: str | None
    months: tuple[IndustryMonth, ...]
    #: Lead-months called and reached over the whole period.
    called: int
    reached: int
    rate: float | None


@dataclass(frozen=True)
class IndustryResponse:
    unit: str
    buckets: tuple[date, ...]
    #: The industries with a lead called in the period, most called first.
    industries: tuple[IndustryTrend, ...]


def industry_response(session: Session, kpi: KpiFilter, span: Window) -> IndustryResponse:
    unit, starts = bucket_starts(span)
    bucket = bucket_index(Call.started_at, [span.midnight(day) for day in starts[1:]])
    reached = case((Call.outcome.in_([o.value for o in REACHED]), 1), else_=0)
    # "+ 0": grouped on the plain column, SQLite walks ix_call_lead_started for the order
    # and reads every call of the database row by row (measured: 7 s at a million calls),
    # where a scan of the table and a sort of the period's calls takes a fraction of it.
    lead_id = Call.lead_id + 0
    per_lead = (
        select(
            lead_id.label("lead_id"),
            bucket.label("bucket"),
            func.max(reached).label("reached"),
        )
        .where(*call_conditions(session, kpi, span))
        .group_by(lead_id, bucket)
        .subquery()
    )
    rows = session.execute(
        select(Account.industry, per_lead.c.bucket, func.count(), func.sum(per_lead.c.reached))
        .select_from(per_lead)
        .join(Lead, Lead.id == per_lead.c.lead_id)
        .join(Account, Account.id == Lead.account_id)
        .group_by(Account.industry, per_lead.c.bucket)
    )
    cells: dict[str | None, list[tuple[int, int]]] = defaultdict(lambda: [(0, 0)] * len(starts))
    for industry, index, called, hits in rows:
        cells[industry][int(index)] = (int(called), int(hits or 0))
    trends = []
    for industry, counts in cells.items():
        called = sum(c for c, _ in counts)
        hits = sum(h for _, h in counts)
        trends.append(
            IndustryTrend(
                industry=industry,
                months=tuple(
                    IndustryMonth(day, c, h, h / c if c else None)
                    for day, (c, h) in zip(starts, counts, strict=True)
                ),
                called=called,
                reached=hits,
                rate=hits / called if called else None,
            )
        )
    trends.sort(key=lambda t: (-t.called, t.industry or "\uffff"))
    return IndustryResponse(unit, tuple(starts), tuple(trends))
