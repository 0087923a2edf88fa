"""What the dashboard's filters say (:class:`KpiChoice`: plain values the filter bar
holds), turned into the domain's :class:`~models.reporting.KpiFilter` on the worker (a named
period is counted from today on the team's calendar); and the values the filter bar
offers come from :func:`models.reporting.options.choices`.

No Qt: runs on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from models.core.entities import User
from models.reporting import KpiFilter, NamedPeriod, Period, named_period
from models.reporting.filters import team_zone

#: The period chosen as two days (:attr:`KpiChoice.first`, :attr:`KpiChoice.last`).
CUSTOM = "custom"
#: The period a dashboard opens on (the command line's default too).
DEFAULT_PERIOD = NamedPeriod.LAST_30_DAYS.value


@dataclass(frozen=True)
class KpiChoice:
    #: A :class:`~models.reporting.NamedPeriod` value, or :data:`CUSTOM`.
    period: str = DEFAULT_PERIOD
    first: date | None = None
    last: date | None = None
    team_id: int | None = None
    rep_id: int | None = None
    campaign: str | None = None
    industry: str | None = None
    definition_version: int | None = None


def kpi_filter(session: Session, viewer: int, choice: KpiChoice, now: datetime) -> KpiFilter:
    """``choice`` as the domain's filter; a named period ends today on the calendar of the
    team chosen (else the viewer's team)."""
    if choice.period == CUSTOM and choice.first is not None and choice.last is not None:
        period = Period(choice.first, choice.last)
    else:
        calendar = choice.team_id
        if calendar is None:
            user = session.get(User, viewer)
            calendar = user.team_id if user is not None else None
        today = now.astimezone(team_zone(session, calendar)).date()
        period = named_period(choice.period, today)
    return KpiFilter(
        period=period,
        team_id=choice.team_id,
        rep_id=choice.rep_id,
        campaign=choice.campaign,
        industry=choice.industry,
        definition_version=choice.definition_version,
    )
