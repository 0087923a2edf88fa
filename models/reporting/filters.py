"""What the KPIs are about: a period of days, and optionally a team, a rep, a campaign, an
industry and a definition version; as SQL conditions on leads, calls and handoffs.

A period is whole days on the team's calendar (its time zone, summer time included):
from local midnight of ``first`` to local midnight after ``last``. Without a team the
first team's zone is used (one zone for a report over every team).

What each filter keeps:

- team: leads routed to the team (and leads of no team yet when it is the only one);
  calls and promotions made by the team's members.
- rep: the rep's leads (owner); calls and promotions the rep made.
- campaign: leads with a touch (engagement) in that campaign, at any time.
- industry: leads whose company is in that industry.
- definition version: promotions (handoffs) made under that version, and what came of
  them (acceptance, rejection, overrides); leads, calls and reaches are not narrowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, exists, select, true
from sqlalchemy.orm import Session

from models.core.entities import Account, Call, Handoff, Lead, Team, Touch, User
from models.core.errors import InvalidInput
from models.db.id_sets import among
from models.leads.workload import only_team
from models.reporting.local_time import offsets
from models.teams.settings import DEFAULTS, TeamSettings

#: The longest period a report covers (a few years of weekly or monthly buckets).
MAX_DAYS = 3 * 366


class NamedPeriod(StrEnum):
    THIS_MONTH = "this-month"
    LAST_MONTH = "last-month"
    LAST_30_DAYS = "last-30-days"
    THIS_QUARTER = "this-quarter"


@dataclass(frozen=True)
class Period:
    """Whole days, ``first`` to ``last`` inclusive, on the team's calendar."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput(
                "kpi.period_order",
                field="until",
                first=self.first.isoformat(),
                last=self.last.isoformat(),
            )
        if self.days > MAX_DAYS:
            raise InvalidInput("kpi.period_too_long", field="since", days=self.days, limit=MAX_DAYS)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def named_period(name: str, today: date) -> Period:
    """``this-month`` (1st to today), ``last-month``, ``last-30-days`` (today included),
    ``this-quarter`` (its first day to today)."""
    if name == NamedPeriod.THIS_MONTH:
        return Period(today.replace(day=1), today)
    if name == NamedPeriod.LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return Period(last.replace(day=1), last)
    if name == NamedPeriod.LAST_30_DAYS:
        return Period(today - timedelta(days=29), today)
    if name == NamedPeriod.THIS_QUARTER:
        return Period(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)
    raise InvalidInput(
        "kpi.period_unknown",
        field="period",
        value=name,
        expected=", ".join(p.value for p in NamedPeriod),
    )


@dataclass(frozen=True)
class KpiFilter:
    period: Period
    team_id: int | None = None
    #: A rep's user id.
    rep_id: int | None = None
    campaign: str | None = None
    industry: str | None = None
    #: None: promotions under every version.
    definition_version: int | None = None


def team_zone(session: Session, team_id: int | None) -> ZoneInfo:
    """The time zone of ``team_id`` (None: the first team's; no team: the default)."""
    query = select(Team.settings).order_by(Team.id).limit(1)
    if team_id is not None:
        query = select(Team.settings).where(Team.id == team_id)
    settings = session.scalar(query)
    if settings is None and team_id is None:
        return ZoneInfo(str(DEFAULTS["timezone"]))
    return ZoneInfo(TeamSettings.from_dict(settings).timezone)


@dataclass(frozen=True)
class Window:
    """A period as instants: ``start`` (inclusive) to ``end`` (exclusive), UTC."""

    period: Period
    zone: ZoneInfo
    start: datetime = field(init=False)
    end: datetime = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", self.midnight(self.period.first))
        object.__setattr__(self, "end", self.midnight(self.period.last + timedelta(days=1)))

    def midnight(self, day: date) -> datetime:
        """The instant ``day`` begins on the team's clock (UTC)."""
        return datetime.combine(day, time(0), tzinfo=self.zone).astimezone(UTC)

    @cached_property
    def offsets(self) -> list[tuple[datetime, int]]:
        """The zone's UTC offsets over the period (:func:`local_time.offsets`)."""
        return offsets(self.zone, self.start, self.end)

    def days(self) -> list[date]:
        return [self.period.first + timedelta(days=n) for n in range(self.period.days)]


def window(session: Session, kpi: KpiFilter) -> Window:
    return Window(kpi.period, team_zone(session, kpi.team_id))


def checked_row_by_row(column: Any) -> Any:
    """``column`` in a filter the statement's period drives: "+ 0" keeps SQLite's planner
    off the column's index. A team's leads or its members' calls are most of them in a
    database of one or two teams; walking the team's index to reach each row (then its
    period, or every call's row) measured 2-6 times slower than the period's rows
    checked one by one (PostgreSQL plans from its statistics either way)."""
    return column + 0


def lead_conditions(session: Session, kpi: KpiFilter) -> list[ColumnElement[bool]]:
    """The leads ``kpi`` is about (team, rep, campaign, industry; not the period)."""
    conditions: list[ColumnElement[bool]] = []
    # The only team's leads are every lead (its own and those not routed yet): nothing to
    # narrow (a condition every lead meets would still be checked on each of them).
    if kpi.team_id is not None and not only_team(session, kpi.team_id):
        conditions.append(checked_row_by_row(Lead.team_id) == kpi.team_id)
    if kpi.rep_id is not None:
        conditions.append(Lead.owner_id == kpi.rep_id)
    return conditions + _lead_attributes(session, kpi, Lead.id, Lead.account_id)


def campaign_leads(session: Session, campaign: str) -> frozenset[int]:
    """The leads with a touch in ``campaign``, read once per session (a dashboard's
    statements each narrowed by them: finding them is a scan of every touch, which each
    statement would otherwise repeat)."""
    cache: dict[str, frozenset[int]] = session.info.setdefault("kpi.campaign_leads", {})
    if campaign not in cache:
        rows = session.scalars(select(Touch.lead_id).where(Touch.campaign == campaign))
        cache[campaign] = frozenset(rows)
    return cache[campaign]


def _lead_attributes(
    session: Session, kpi: KpiFilter, lead_id: Any, account_id: Any = None
) -> list[ColumnElement[bool]]:
    """Campaign and industry, on the lead a row names (``lead_id``; ``account_id``: the
    lead's company, when the row is the lead)."""
    conditions: list[ColumnElement[bool]] = []
    if kpi.campaign is not None:
        leads = campaign_leads(session, kpi.campaign)
        conditions.append(among(session, checked_row_by_row(lead_id), leads))
    if kpi.industry is not None:
        companies = select(Account.id).where(Account.industry == kpi.industry)
        if account_id is not None:
            conditions.append(account_id.in_(companies))
        else:
            conditions.append(lead_id.in_(select(Lead.id).where(Lead.account_id.in_(companies))))
    return conditions


def lead_of_row(session: Session, kpi: KpiFilter, lead_id: Any) -> list[ColumnElement[bool]]:
    """:func:`lead_conditions` for rows that name a lead (``lead_id``): none when nothing
    narrows the leads, else one ``IN`` over the leads kept."""
    conditions = lead_conditions(session, kpi)
    if not conditions:
        return []
    return [checked_row_by_row(lead_id).in_(select(Lead.id).where(*conditions))]


def actor_conditions(
    session: Session, kpi: KpiFilter, user_id: Any, lead_id: Any
) -> list[ColumnElement[bool]]:
    """Calls or promotions (made by ``user_id``, on ``lead_id``): the team's members, the
    rep, and the leads of the campaign or industry."""
    conditions: list[ColumnElement[bool]] = []
    if kpi.team_id is not None:
        members = select(User.id).where(User.team_id == kpi.team_id)
        conditions.append(checked_row_by_row(user_id).in_(members))
    if kpi.rep_id is not None:
        conditions.append(user_id == kpi.rep_id)
    return conditions + _lead_attributes(session, kpi, lead_id)


def call_conditions(session: Session, kpi: KpiFilter, span: Window) -> list[ColumnElement[bool]]:
    """The calls that stand (not superseded by a correction) made in the period."""
    return [
        Call.started_at >= span.start,
        Call.started_at < span.end,
        Call.superseded.is_(False),
        *actor_conditions(session, kpi, Call.user_id, Call.lead_id),
    ]


def handoff_version(kpi: KpiFilter) -> ColumnElement[bool]:
    """Handoffs made under the filter's definition version (every one without it)."""
    if kpi.definition_version is None:
        return true()
    return Handoff.definition_version == kpi.definition_version


def promoted_since(
    since: Any, kpi: KpiFilter, status: str | None = None, *, lead_id: Any = None
) -> ColumnElement[bool]:
    """The lead (``lead_id``, by default ``Lead.id``) has a handoff made at ``since`` or
    later, of the filter's version (and, given ``status``, answered so)."""
    lead = Lead.id if lead_id is None else lead_id
    conditions = [Handoff.lead_id == lead, Handoff.created_at >= since, handoff_version(kpi)]
    if status is not None:
        conditions.append(Handoff.status == status)
    return exists().where(*conditions)
