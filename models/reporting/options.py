"""What a KPI filter can name, as its viewer may choose it: teams, reps, campaigns,
industries and the definition versions (the dashboard's filter bar offers these).

Asks :data:`Action.READ_REPORTS`: a team lead is offered their own team and its people,
marketing and administrators every team.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.core.entities import Touch, User
from models.core.enums import DefinitionStatus, Role
from models.db.collation import bytewise
from models.definitions.lifecycle import list_versions
from models.leads.queue import filter_options
from models.reporting.filters import team_zone
from models.teams import permissions
from models.teams.permissions import ALL_TEAMS, Action
from models.teams.rules import list_teams


@dataclass(frozen=True)
class RepChoice:
    id: int
    name: str
    team_id: int | None


@dataclass(frozen=True)
class Choices:
    """What the filter bar offers ``viewer``."""

    #: (id, name); a team lead's own team only.
    teams: tuple[tuple[int, str], ...]
    #: The viewer may choose any team (or all of them).
    every_team: bool
    own_team: int | None
    #: Reps and team leads, by reading.
    reps: tuple[RepChoice, ...]
    campaigns: tuple[str, ...]
    #: Industry codes.
    industries: tuple[str, ...]
    #: (version, name) of the versions approved at some time, newest first.
    versions: tuple[tuple[int, str], ...]
    #: The viewer's today on their team's calendar (the custom dates start there).
    today: date


def choices(session: Session, viewer: int, now: datetime) -> Choices:
    """What ``viewer`` may filter the KPIs by (refused without READ_REPORTS)."""
    user = permissions.actor(session, viewer)
    permissions.require(user, Action.READ_REPORTS)
    own = user.team_id
    every = user.role in ALL_TEAMS
    teams = tuple((t.id, t.name) for t in list_teams(session) if every or t.id == own)
    kept = {t for t, _ in teams}
    reps = tuple(
        RepChoice(int(i), str(n), t)
        for i, n, t in session.execute(
            select(User.id, User.display_name, User.team_id)
            .where(User.role.in_((Role.REP.value, Role.TEAM_LEAD.value)))
            .order_by(bytewise(func.coalesce(User.display_name_kana, User.display_name)), User.id)
        )
        if every or t in kept
    )
    campaigns = tuple(
        str(c)
        for c in session.scalars(
            select(Touch.campaign)
            .where(Touch.campaign.is_not(None))
            .group_by(Touch.campaign)
            .order_by(bytewise(Touch.campaign))
        )
    )
    versions = tuple(
        (v.version, v.name)
        for v in reversed(list_versions(session))
        if v.status == DefinitionStatus.APPROVED.value
    )
    return Choices(
        teams=teams,
        every_team=every,
        own_team=own,
        reps=reps,
        campaigns=campaigns,
        industries=filter_options(session).industries,
        versions=versions,
        today=now.astimezone(team_zone(session, own)).date(),
    )
