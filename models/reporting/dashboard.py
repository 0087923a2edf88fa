"""Everything the KPI dashboard shows, in one call, as its viewer may read it; and the leads
behind a bar of the funnel.

Reading KPIs asks :data:`Action.READ_REPORTS`: team leads read their own team (a filter
without a team is narrowed to it; another team is refused), marketing and admins every
team. ``user_id=None`` is a reading command on a local database that names nobody
(whoever can open the file reads it all anyway; team mode always names the login).

Runs on the caller's thread (the desktop's worker): a handful of grouped statements,
each over the period only, whatever the size of the database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from models.core.entities import Account, Team, Touch
from models.core.enums import Industry
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.core.text_rules import check_text
from models.definitions.whatif import without_jit
from models.reporting import funnel as funnel_module
from models.reporting.activity import Activity, activity
from models.reporting.cohort import cohort_counts
from models.reporting.conversion import Conversion, conversion
from models.reporting.filters import KpiFilter, Window, campaign_leads, window
from models.reporting.funnel import Funnel, FunnelStage, LeadsBehind
from models.reporting.industry import IndustryResponse, industry_response
from models.reporting.reasons import ReasonTrend, reason_trend
from models.reporting.speed import SpeedToLead, speed_to_lead
from models.teams import permissions
from models.teams.permissions import ALL_TEAMS, Action

#: PostgreSQL's memory for one sort or hash of a KPI statement (SET LOCAL work_mem).
WORK_MEM = "64MB"


@dataclass(frozen=True)
class Dashboard:
    #: The filter as applied (a team lead's narrowed to their team).
    filter: KpiFilter
    #: The time zone the days are cut in, and the period as instants (UTC).
    zone: str
    start: datetime
    end: datetime
    funnel: Funnel
    conversion: Conversion
    activity: Activity
    speed: SpeedToLead
    reasons: ReasonTrend
    industries: IndustryResponse


def for_aggregates(session: Session) -> None:
    """PostgreSQL, for this transaction: no JIT (aggregates over a million calls look
    costly enough to trigger it, and its compiling costs more than the statements: see
    without_jit); room to group the period's calls in memory (the default 4 MB sends
    the calls grouped by lead and month to disk); and a plan for each statement's own
    values. The driver prepares a statement run five times, and the server would then
    plan it once for any values: a campaign's leads as an array of unknown length made
    that plan take 49 s instead of 3 (measured at 100,000 leads, 96,000 in the campaign),
    far more than planning each statement anew costs. SQLite: nothing."""
    without_jit(session)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            select(
                func.set_config("work_mem", WORK_MEM, True),
                func.set_config("plan_cache_mode", "force_custom_plan", True),
            )
        )


def _any(session: Session, condition: ColumnElement[bool]) -> bool:
    return bool(session.scalar(select(exists().where(condition))))


def scoped(session: Session, user_id: int | None, kpi: KpiFilter) -> KpiFilter:
    """``kpi`` as ``user_id`` may read it (see the module), or a refusal."""
    # Text no lead can have is refused alike on both databases (PostgreSQL refuses a NUL).
    check_text(kpi.campaign, field="campaign", column=Touch.campaign)
    check_text(kpi.industry, field="industry", column=Account.industry)
    if kpi.team_id is not None and session.get(Team, kpi.team_id) is None:
        raise NotFound("team.not_found", team_id=kpi.team_id)
    # A name nothing carries (a typo) would give a report of zeros that looks like news.
    if kpi.campaign is not None and not campaign_leads(session, kpi.campaign):
        raise NotFound("kpi.campaign_unknown", campaign=kpi.campaign)
    # An industry is one of the codes, or one an imported company carries.
    codes = [i.value for i in Industry]
    industry = kpi.industry
    if (
        industry is not None
        and industry not in codes
        and not _any(session, Account.industry == industry)
    ):
        raise NotFound("kpi.industry_unknown", industry=industry, expected=", ".join(codes))
    if user_id is None:
        return kpi
    viewer = permissions.actor(session, user_id)
    permissions.require(viewer, Action.READ_REPORTS)
    if viewer.role in ALL_TEAMS:
        return kpi
    team = kpi.team_id if kpi.team_id is not None else viewer.team_id
    if team is None:
        raise PermissionDenied("kpi.no_team", user_id=viewer.id, user=viewer.display_name)
    permissions.require(viewer, Action.READ_REPORTS, team_id=team)
    return replace(kpi, team_id=team)


def dashboard(session: Session, user_id: int | None, kpi: KpiFilter) -> Dashboard:
    """Every figure of the dashboard for ``kpi``, as ``user_id`` may read it."""
    kpi = scoped(session, user_id, kpi)
    for_aggregates(session)
    span = window(session, kpi)
    counts = cohort_counts(session, kpi, span)
    funnel = funnel_module.funnel(counts.stages)
    reached = funnel.leads(FunnelStage.REACHED)
    promoted = funnel.leads(FunnelStage.PROMOTED)
    return Dashboard(
        filter=kpi,
        zone=span.zone.key,
        start=span.start,
        end=span.end,
        funnel=funnel,
        conversion=conversion(reached, promoted, counts.promotion_times),
        activity=activity(session, kpi, span),
        speed=speed_to_lead(counts.speed, counts.sla_met, counts.sla_missed),
        reasons=reason_trend(session, kpi, span),
        industries=industry_response(session, kpi, span),
    )


def leads_behind(
    session: Session,
    user_id: int | None,
    kpi: KpiFilter,
    stage: str,
    limit: int,
    *,
    dropped: bool = False,
) -> LeadsBehind:
    """The leads behind a bar of the funnel (``dropped``: behind its drop-off): at most
    ``limit`` ids, the newest MQLs first, and how many there are."""
    try:
        chosen = FunnelStage(stage)
    except ValueError:
        raise InvalidInput(
            "kpi.stage_unknown",
            field="stage",
            value=stage,
            expected=", ".join(s.value for s in FunnelStage),
        ) from None
    kpi = scoped(session, user_id, kpi)
    for_aggregates(session)
    span: Window = window(session, kpi)
    return funnel_module.leads_behind(session, kpi, span, chosen, limit, dropped=dropped)
