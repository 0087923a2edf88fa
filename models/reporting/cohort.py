"""The leads marketing sent in a period (MQL date in it), counted in one statement for the
funnel (:mod:`models.reporting.funnel`), the time to promotion
(:mod:`models.reporting.conversion`) and speed to lead (:mod:`models.reporting.speed`).

One scan of the period's leads, grouped by how long each waited for its first call and
by how long it took to be handed off: the rows that come back are a handful per speed
bucket plus one per distinct time to a handoff (the medians are taken from those), so
their number follows the handoffs, not the leads.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import BigInteger, ColumnElement, case, func, literal, or_, select
from sqlalchemy.orm import Session

from models.core.entities import Lead
from models.core.enums import HandoffStatus
from models.reporting.conversion import first_promotion
from models.reporting.filters import KpiFilter, Window, promoted_since
from models.reporting.funnel import STAGES, FunnelStage, mql_in_period, stage_condition
from models.reporting.local_time import bucket_index, seconds_between
from models.reporting.speed import NOT_CALLED_INDEX, SPEED_BUCKETS


@dataclass(frozen=True)
class CohortCounts:
    #: Leads per funnel stage, MQL first (:data:`models.reporting.funnel.STAGES`).
    stages: tuple[int, ...]
    #: Leads per speed bucket (:data:`models.reporting.speed.SPEED_BUCKETS` by index, then
    #: later, then not called).
    speed: dict[int, int]
    sla_met: int
    sla_missed: int
    #: (seconds from the MQL date to the first handoff, leads) of the leads promoted.
    promotion_times: tuple[tuple[int, int], ...]


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def cohort_counts(session: Session, kpi: KpiFilter, span: Window) -> CohortCounts:
    # Each lead's figures once, in a subquery the databases keep apart ("OFFSET 0": merged
    # into the outer statement, every test of a bucket would compute them again).
    reached = stage_condition(kpi, FunnelStage.REACHED)
    promoted = promoted_since(Lead.mql_at, kpi)
    not_called = or_(Lead.first_call_at.is_(None), Lead.first_call_at < Lead.mql_at)
    per_lead = (
        select(
            case((not_called, None), else_=seconds_between(Lead.first_call_at, Lead.mql_at)).label(
                "waited"
            ),
            _flag(stage_condition(kpi, FunnelStage.WORKING)).label("working"),
            _flag(reached).label("reached"),
            case((reached, _flag(promoted)), else_=0).label("promoted"),
            _flag(Lead.sla_met.is_(True)).label("met"),
            _flag(Lead.sla_met.is_(False)).label("missed"),
            Lead.mql_at.label("mql_at"),
            Lead.id.label("id"),
        )
        .where(*mql_in_period(session, kpi, span))
        .offset(0)
        .subquery("per_lead")
    )
    lead = per_lead.c
    accepted = promoted_since(lead.mql_at, kpi, HandoffStatus.ACCEPTED.value, lead_id=lead.id)
    first = first_promotion(kpi, lead_id=lead.id, since=lead.mql_at)
    edges = [literal(limit + 1, BigInteger) for _, limit in SPEED_BUCKETS]
    speed = case(
        (lead.waited.is_(None), literal(NOT_CALLED_INDEX, BigInteger)),
        else_=bucket_index(lead.waited, edges),
    ).label("speed")
    seconds = case((lead.promoted == 1, seconds_between(first, lead.mql_at))).label("s")
    rows = session.execute(
        select(
            speed,
            seconds,
            func.count(),
            func.sum(lead.working),
            func.sum(lead.reached),
            func.sum(lead.promoted),
            func.sum(case((lead.promoted == 1, _flag(accepted)), else_=0)),
            func.sum(lead.met),
            func.sum(lead.missed),
        ).group_by(speed, seconds)
    ).all()
    totals = [0] * (len(STAGES) + 2)
    per_speed: dict[int, int] = defaultdict(int)
    times = []
    for row in rows:
        counts = [int(n or 0) for n in row[2:]]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        per_speed[int(row[0])] += counts[0]
        if row[1] is not None:
            times.append((int(row[1]), counts[0]))
    return CohortCounts(
        stages=tuple(totals[: len(STAGES)]),
        speed=dict(per_speed),
        sla_met=totals[-2],
        sla_missed=totals[-1],
        promotion_times=tuple(sorted(times)),
    )
