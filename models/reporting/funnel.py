"""The funnel of the leads marketing sent in a period: MQL → working → reached → promoted
(SQL) → accepted by field sales (SAL), each stage the leads of the one before that got
this far, with the share lost between two stages; and the leads behind a stage.

A lead is counted once, in the period its MQL date (``mql_at``, the start of its current
round) falls in; what happened to it since then counts, up to now. Working and reached
come from the lead's call figures (the calls that stand, kept on the lead by
:mod:`models.leads.call_figures`), promoted and accepted from its handoffs.

Counted with speed to lead and the time to promotion in one statement over the period's
leads (:mod:`models.reporting.cohort`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, func, not_, select
from sqlalchemy.orm import Session

from models.core.entities import Lead
from models.core.enums import HandoffStatus
from models.reporting.filters import KpiFilter, Window, lead_conditions, promoted_since


class FunnelStage(StrEnum):
    MQL = "mql"
    WORKING = "working"
    REACHED = "reached"
    PROMOTED = "promoted"
    ACCEPTED = "accepted"


STAGES = tuple(FunnelStage)


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    leads: int
    #: The share of the previous stage's leads that did not get here (None: the first
    #: stage, or a previous stage without leads).
    drop_off: float | None
    #: The share of the MQLs that got here (None: no MQL).
    of_mql: float | None


@dataclass(frozen=True)
class Funnel:
    steps: tuple[FunnelStep, ...]

    def leads(self, stage: str) -> int:
        return next(s.leads for s in self.steps if s.stage == stage)


@dataclass(frozen=True)
class LeadsBehind:
    stage: str
    #: The leads of the previous stage that did not get to ``stage`` (the drop-off).
    dropped: bool
    #: Every lead behind the bar, however many ``lead_ids`` holds.
    total: int
    #: The newest MQLs first, at most the limit asked for.
    lead_ids: tuple[int, ...]


def _reached_stage(kpi: KpiFilter, stage: FunnelStage) -> ColumnElement[bool]:
    """What takes a lead from the previous stage to ``stage`` (MQL: nothing)."""
    if stage == FunnelStage.WORKING:
        # IS NOT NULL first: a lead never called is false (not NULL) here, so NOT keeps it.
        return and_(Lead.first_call_at.is_not(None), Lead.first_call_at >= Lead.mql_at)
    if stage == FunnelStage.REACHED:
        return and_(Lead.reached_at.is_not(None), Lead.reached_at >= Lead.mql_at)
    if stage == FunnelStage.PROMOTED:
        return promoted_since(Lead.mql_at, kpi)
    if stage == FunnelStage.ACCEPTED:
        return promoted_since(Lead.mql_at, kpi, HandoffStatus.ACCEPTED.value)
    return Lead.id.is_not(None)


def stage_condition(kpi: KpiFilter, stage: FunnelStage) -> ColumnElement[bool]:
    """A lead of the cohort that got as far as ``stage``."""
    steps = STAGES[1 : STAGES.index(stage) + 1]
    return and_(*(_reached_stage(kpi, s) for s in steps)) if steps else Lead.id.is_not(None)


def mql_in_period(session: Session, kpi: KpiFilter, span: Window) -> list[ColumnElement[bool]]:
    """The leads whose MQL date falls in the period (and that the filter keeps)."""
    return [Lead.mql_at >= span.start, Lead.mql_at < span.end, *lead_conditions(session, kpi)]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def funnel(stages: tuple[int, ...]) -> Funnel:
    """The funnel of the leads per stage, MQL first (counted by
    :func:`models.reporting.cohort.cohort_counts`)."""
    steps = []
    for index, stage in enumerate(STAGES):
        before = stages[index - 1] if index else None
        drop = None if before is None else _share(before - stages[index], before)
        steps.append(FunnelStep(stage.value, stages[index], drop, _share(stages[index], stages[0])))
    return Funnel(tuple(steps))


def leads_behind(
    session: Session,
    kpi: KpiFilter,
    span: Window,
    stage: FunnelStage,
    limit: int,
    *,
    dropped: bool = False,
) -> LeadsBehind:
    """The ids of the leads at ``stage`` (or, ``dropped``, of the previous stage that did
    not get there), the newest MQLs first, at most ``limit``; and how many there are."""
    if dropped and stage == FunnelStage.MQL:
        dropped = False  # nothing comes before the MQLs
    if dropped:
        previous = STAGES[STAGES.index(stage) - 1]
        behind = and_(stage_condition(kpi, previous), not_(_reached_stage(kpi, stage)))
    else:
        behind = stage_condition(kpi, stage)
    conditions = [*mql_in_period(session, kpi, span), behind]
    total = session.scalar(select(func.count(Lead.id)).where(*conditions)) or 0
    ids = session.scalars(
        select(Lead.id)
        .where(*conditions)
        .order_by(Lead.mql_at.desc(), Lead.id.desc())
        .limit(max(0, limit))
    )
    return LeadsBehind(stage.value, dropped, int(total), tuple(ids))
