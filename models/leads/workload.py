"""A team's workload, per member: what each rep carries, owes and did, and who is away.

For each rep and team lead of the team: open leads (new or working, not do-not-call),
callbacks overdue and due later today, speed-to-lead breaches among the open leads,
calls today and the connect rate this week (days and weeks of the team's calendar),
capacity and what is left of it, inactive or away today (and the next away period).

A handful of aggregate queries grouped by owner (leads) and by caller (calls), whatever
the number of leads: no loop over leads in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from models.core.entities import Call, Lead, Team, User
from models.core.enums import ACTIVE_STAGES, Stage
from models.core.errors import NotFound
from models.db.collation import bytewise
from models.leads.call_figures import REACHED
from models.teams import permissions
from models.teams.away import AwayInfo, away_on, next_away
from models.teams.permissions import Action
from models.teams.settings import TeamSettings

_OPEN = [s.value for s in ACTIVE_STAGES]
#: The roles whose load the view shows (the ones leads are given to).
MEMBER_ROLES = ("rep", "team_lead")


@dataclass(frozen=True)
class RepLoad:
    user_id: int
    name: str
    email: str
    role: str
    active: bool
    capacity: int
    open_leads: int
    #: ``capacity`` less the open leads (0 when over it).
    free_capacity: int
    callbacks_overdue: int
    #: Callbacks due later today (not overdue yet).
    callbacks_due_today: int
    sla_breaches: int
    calls_today: int
    calls_week: int
    connects_week: int
    #: Connects ÷ calls this week (None: no call this week).
    connect_rate_week: float | None
    #: The away period covering today (None: here today).
    away: AwayInfo | None
    #: The next away period that starts after today.
    next_away: AwayInfo | None

    @property
    def available(self) -> bool:
        """Leads may be given to them today: active and not away."""
        return self.active and self.away is None


@dataclass(frozen=True)
class Workload:
    team_id: int
    team_name: str
    #: Today and the first day of this week (Monday), on the team's calendar.
    today: date
    week_start: date
    members: tuple[RepLoad, ...]
    #: New leads of the team nobody owns yet (what distribution places).
    unassigned_new: int


def open_lead() -> ColumnElement[bool]:
    """A lead in a rep's working queue: new or working, and callable."""
    return Lead.stage.in_(_OPEN) & Lead.do_not_call.is_(False)


def only_team(session: Session, team_id: int) -> bool:
    """Whether ``team_id`` is the database's one team (it then owns leads of no team)."""
    return session.scalar(select(func.count(Team.id)).where(Team.id != team_id)) == 0


def unassigned_new(session: Session, team_id: int) -> ColumnElement[bool]:
    """The team's new leads nobody owns: routed to the team, or to no team when it is
    the only one."""
    team = Lead.team_id == team_id
    if only_team(session, team_id):
        team = or_(team, Lead.team_id.is_(None))
    return and_(
        Lead.owner_id.is_(None),
        Lead.stage == Stage.NEW.value,
        Lead.do_not_call.is_(False),
        team,
    )


def team_settings(session: Session, team_id: int) -> tuple[Team, TeamSettings]:
    team = session.get(Team, team_id)
    if team is None:
        raise NotFound("team.not_found", team_id=team_id)
    return team, TeamSettings.from_dict(team.settings)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _lead_figures(
    session: Session, ids: list[int], now: datetime, day_end: datetime
) -> dict[int, tuple[int, int, int, int]]:
    """Per owner: open leads, callbacks overdue, due later today, speed-to-lead breaches."""
    breach = Lead.sla_met.is_(False) | (
        Lead.sla_met.is_(None) & Lead.first_call_at.is_(None) & (Lead.sla_due_at <= now)
    )
    rows = session.execute(
        select(
            Lead.owner_id,
            func.count(Lead.id),
            _count(Lead.next_callback_at <= now),
            _count((Lead.next_callback_at > now) & (Lead.next_callback_at < day_end)),
            _count(breach),
        )
        .where(Lead.owner_id.in_(ids), open_lead())
        .group_by(Lead.owner_id)
    )
    return {int(r[0] or 0): (int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows}


def _call_figures(
    session: Session, ids: list[int], now: datetime, day_start: datetime, week_start: datetime
) -> dict[int, tuple[int, int, int]]:
    """Per caller: calls today, calls this week, connects this week (calls that stand)."""
    rows = session.execute(
        select(
            Call.user_id,
            _count(Call.started_at >= day_start),
            func.count(Call.id),
            _count(Call.outcome.in_([o.value for o in REACHED])),
        )
        .where(
            Call.user_id.in_(ids),
            Call.started_at >= week_start,
            Call.started_at <= now,
            Call.superseded.is_(False),
        )
        .group_by(Call.user_id)
    )
    return {int(r[0]): (int(r[1]), int(r[2]), int(r[3])) for r in rows}


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def workload_for(session: Session, viewer_id: int | None, team_id: int, now: datetime) -> Workload:
    """:func:`workload` as ``viewer_id`` may read it: reports are for team leads (their own
    team), marketing and admins. ``None``: a reading command on a local database that
    names nobody (whoever can open the file reads it all anyway; team mode always names
    the signed-in login)."""
    if viewer_id is not None:
        viewer = permissions.actor(session, viewer_id)
        permissions.require(viewer, Action.READ_REPORTS, team_id=team_id)
    return workload(session, team_id, now)


def workload(session: Session, team_id: int, now: datetime) -> Workload:
    """The team's members and their figures, active members first, then by name."""
    team, settings = team_settings(session, team_id)
    zone = ZoneInfo(settings.timezone)
    today = now.astimezone(zone).date()
    week_start = today - timedelta(days=today.weekday())
    day_start = _local_midnight(today, zone)
    day_end = _local_midnight(today + timedelta(days=1), zone)
    users = list(
        session.scalars(
            select(User)
            .where(User.team_id == team_id, User.role.in_(MEMBER_ROLES))
            .order_by(
                User.active.desc(),
                bytewise(func.coalesce(User.display_name_kana, User.display_name)),
                User.id,
            )
        )
    )
    ids = [u.id for u in users]
    leads = _lead_figures(session, ids, now, day_end) if ids else {}
    calls = (
        _call_figures(session, ids, now, day_start, _local_midnight(week_start, zone))
        if ids
        else {}
    )
    away = away_on(session, ids, today)
    upcoming = next_away(session, ids, today)
    members = []
    for user in users:
        open_leads, overdue, due_today, breaches = leads.get(user.id, (0, 0, 0, 0))
        if not user.active and open_leads == 0:
            continue  # gone, and leaving nothing behind
        calls_today, calls_week, connects = calls.get(user.id, (0, 0, 0))
        members.append(
            RepLoad(
                user_id=user.id,
                name=user.display_name,
                email=user.email,
                role=user.role,
                active=user.active,
                capacity=user.capacity,
                open_leads=open_leads,
                free_capacity=max(0, user.capacity - open_leads),
                callbacks_overdue=overdue,
                callbacks_due_today=due_today,
                sla_breaches=breaches,
                calls_today=calls_today,
                calls_week=calls_week,
                connects_week=connects,
                connect_rate_week=connects / calls_week if calls_week else None,
                away=away.get(user.id),
                next_away=upcoming.get(user.id),
            )
        )
    pool = session.scalar(select(func.count(Lead.id)).where(unassigned_new(session, team_id)))
    return Workload(team.id, team.name, today, week_start, tuple(members), int(pool or 0))
