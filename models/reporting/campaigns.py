"""What happened to what marketing sent: per campaign and per content asset (a touch's
``campaign`` and ``content_title``), the leads it reached in the period and what became
of them — the report marketing takes to the monthly review (失注共有会).

Attribution: a lead counts for every campaign (and every asset) it had a touch of in the
period, not only the first or the last. From its first touch of that campaign in the
period up to now: reached (a call that stands reached the person), promoted (a handoff,
of the filter's definition version), accepted by field sales, returned to nurture (the
reason of its latest return, rejections back to nurture as ``handoff_rejected``); and the
median days from its MQL date to that handoff.

One statement: the period's touches grouped by lead, campaign and asset once, what
followed each lead (its latest reach, handoff, acceptance and return) grouped by lead
once per table, then counted per campaign and asset (and reason) in the database. The
rows that come back are one per campaign, asset and reason, plus one per time to a
handoff (the medians are taken from those): their number follows the campaigns and the
handoffs, not the leads.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import CTE, ColumnElement, String, Subquery, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from models.core.entities import Call, Handoff, Lead, StageChange, Team, Touch, User
from models.core.enums import HandoffStatus, Stage
from models.leads.call_figures import REACHED
from models.reporting.conversion import median_days
from models.reporting.dashboard import for_aggregates, scoped
from models.reporting.filters import KpiFilter, Period, handoff_version, lead_of_row, window
from models.reporting.local_time import seconds_between
from models.reporting.reasons import return_reason


@dataclass(frozen=True)
class ReasonShare:
    code: str
    leads: int


@dataclass(frozen=True)
class CampaignRow:
    #: The campaign's name, or the asset's title.
    name: str
    leads_sent: int
    reached: int
    promoted: int
    accepted: int
    returned: int
    #: The reasons of the returns to nurture, most frequent first.
    return_reasons: tuple[ReasonShare, ...]
    #: Median days from MQL to the handoff (None: nobody promoted).
    median_days: float | None


@dataclass(frozen=True)
class CampaignReport:
    filter: KpiFilter
    zone: str
    start: datetime
    end: datetime
    #: The names of the filter's team and rep (None: not filtered).
    team_name: str | None
    rep_name: str | None
    #: Most leads sent first.
    campaigns: tuple[CampaignRow, ...]
    assets: tuple[CampaignRow, ...]

    @property
    def period(self) -> Period:
        return self.filter.period


CAMPAIGN, ASSET = "campaign", "asset"


def _pairs(session: Session, kpi: KpiFilter, start: datetime, end: datetime) -> CTE:
    """Each lead, campaign and asset of the period's touches, with the first such touch."""
    conditions = [Touch.occurred_at >= start, Touch.occurred_at < end]
    if kpi.campaign is not None:
        conditions.append(Touch.campaign == kpi.campaign)
    conditions += lead_of_row(session, replace(kpi, campaign=None), Touch.lead_id)
    # "+ 0": grouped on the plain column, SQLite walks ix_touch_lead_occurred for the order
    # and reads every touch of the database row by row.
    lead_id = Touch.lead_id + 0
    return (
        select(
            lead_id.label("lead_id"),
            Touch.campaign.label("campaign"),
            Touch.content_title.label("title"),
            func.min(Touch.occurred_at).label("first_at"),
        )
        .where(*conditions)
        .group_by(lead_id, Touch.campaign, Touch.content_title)
        .cte("pairs")
    )


def _sent(pairs: CTE) -> Subquery:
    """Each lead and campaign, and each lead and asset: ``kind``, ``name``, ``first_at``."""

    def per(kind: str, name: Any) -> Any:
        return (
            select(
                literal(kind, String).label("kind"),
                pairs.c.lead_id,
                name.label("name"),
                func.min(pairs.c.first_at).label("first_at"),
            )
            .where(name.is_not(None))
            .group_by(pairs.c.lead_id, name)
        )

    return union_all(per(CAMPAIGN, pairs.c.campaign), per(ASSET, pairs.c.title)).subquery("sent")


def _latest(kpi: KpiFilter, start: datetime) -> dict[str, Subquery]:
    """Per lead, the latest of what may have followed a touch of the period (each table
    read once, grouped by lead): a reach, a handoff, an accepted one, a return."""
    lead_id = Call.lead_id + 0  # one expression in SELECT and GROUP BY (see _pairs)
    reach = (
        select(lead_id.label("lead_id"), func.max(Call.started_at).label("at"))
        .where(
            Call.started_at >= start,
            Call.superseded.is_(False),
            Call.outcome.in_([o.value for o in REACHED]),
        )
        .group_by(lead_id)
        .subquery("reach")
    )
    accepted = case((Handoff.status == HandoffStatus.ACCEPTED.value, Handoff.created_at))
    handoff = (
        select(
            Handoff.lead_id.label("lead_id"),
            func.max(Handoff.created_at).label("at"),
            func.max(accepted).label("accepted_at"),
        )
        .where(Handoff.created_at >= start, handoff_version(kpi))
        .group_by(Handoff.lead_id)
        .subquery("handed")
    )
    back = (
        select(StageChange.lead_id.label("lead_id"), func.max(StageChange.changed_at).label("at"))
        .where(StageChange.to_stage == Stage.RECYCLED.value, StageChange.changed_at >= start)
        .group_by(StageChange.lead_id)
        .subquery("back")
    )
    return {"reach": reach, "handoff": handoff, "back": back}


def _after(moment: Any, touch: Any) -> ColumnElement[int]:
    return case((moment >= touch, 1), else_=0)


def _days_to_handoff(sent: Subquery, kpi: KpiFilter) -> ColumnElement[int]:
    """Seconds from the lead's MQL date to its first handoff after the touch and the MQL
    date (correlated: asked only of the leads handed off after the touch)."""
    # Correlated to ``sent`` explicitly: used inside ``first`` too, two levels down.
    mql = select(Lead.mql_at).where(Lead.id == sent.c.lead_id).correlate(sent).scalar_subquery()
    first = (
        select(func.min(Handoff.created_at))
        .where(
            Handoff.lead_id == sent.c.lead_id,
            Handoff.created_at >= sent.c.first_at,
            Handoff.created_at >= mql,
            handoff_version(kpi),
        )
        .correlate(sent)
        .scalar_subquery()
    )
    return seconds_between(first, mql)


def _grouped(session: Session, kpi: KpiFilter, start: datetime, end: datetime) -> list[Any]:
    """Rows (kind, name, reason, seconds to the handoff, leads, reached, promoted, accepted)."""
    sent = _sent(_pairs(session, kpi, start, end))
    latest = _latest(kpi, start)
    reach, handoff, back = latest["reach"], latest["handoff"], latest["back"]
    joined = (
        sent.outerjoin(reach, reach.c.lead_id == sent.c.lead_id)
        .outerjoin(handoff, handoff.c.lead_id == sent.c.lead_id)
        .outerjoin(back, back.c.lead_id == sent.c.lead_id)
    )
    # The reason of the lead's latest return, when it came after the touch (else NULL).
    latest_reason = (
        select(return_reason())
        .where(StageChange.lead_id == sent.c.lead_id, StageChange.to_stage == Stage.RECYCLED.value)
        .order_by(StageChange.changed_at.desc(), StageChange.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    promoted = handoff.c.at >= sent.c.first_at
    per_lead = (
        select(
            sent.c.kind,
            sent.c.name,
            case((back.c.at >= sent.c.first_at, latest_reason)).label("reason"),
            case((promoted, _days_to_handoff(sent, kpi))).label("seconds"),
            _after(reach.c.at, sent.c.first_at).label("reached"),
            _after(handoff.c.at, sent.c.first_at).label("promoted"),
            _after(handoff.c.accepted_at, sent.c.first_at).label("accepted"),
        )
        .select_from(joined)
        .subquery()
    )
    c = per_lead.c
    return list(
        session.execute(
            select(
                c.kind,
                c.name,
                c.reason,
                c.seconds,
                func.count(),
                func.sum(c.reached),
                func.sum(c.promoted),
                func.sum(c.accepted),
            ).group_by(c.kind, c.name, c.reason, c.seconds)
        )
    )


def _rows(grouped: list[Any], kind: str) -> tuple[CampaignRow, ...]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    reasons: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    times: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row_kind, name, code, seconds, n, reached, promoted, accepted in grouped:
        if row_kind != kind:
            continue
        total = sums[name]
        for i, value in enumerate((n, reached, promoted, accepted, n if code else 0)):
            total[i] += int(value or 0)
        if code is not None:
            reasons[name][str(code)] += int(n)
        if seconds is not None:
            times[name].append((int(seconds), int(n)))
    rows = [
        CampaignRow(
            name=str(name),
            leads_sent=n,
            reached=reached,
            promoted=promoted,
            accepted=accepted,
            returned=returned,
            return_reasons=tuple(
                ReasonShare(code, count)
                for code, count in sorted(reasons[name].items(), key=lambda r: (-r[1], r[0]))
            ),
            median_days=median_days(times[name]),
        )
        for name, (n, reached, promoted, accepted, returned) in sums.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-r.leads_sent, r.name)))


def campaign_report(session: Session, user_id: int | None, kpi: KpiFilter) -> CampaignReport:
    """Per campaign and per content asset, as ``user_id`` may read it
    (:func:`models.reporting.dashboard.scoped`)."""
    kpi = scoped(session, user_id, kpi)
    for_aggregates(session)
    span = window(session, kpi)
    team = session.get(Team, kpi.team_id) if kpi.team_id is not None else None
    rep = session.get(User, kpi.rep_id) if kpi.rep_id is not None else None
    grouped = _grouped(session, kpi, span.start, span.end)
    return CampaignReport(
        filter=kpi,
        zone=span.zone.key,
        start=span.start,
        end=span.end,
        team_name=team.name if team is not None else None,
        rep_name=rep.display_name if rep is not None else None,
        campaigns=_rows(grouped, CAMPAIGN),
        assets=_rows(grouped, ASSET),
    )
