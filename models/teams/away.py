"""Away periods: the dates a user is away (holiday, training), so nothing is given to them.

A period covers whole days of the team's calendar, ``starts_on`` to ``ends_on``
inclusive. The user themself, a team lead of their team or an administrator adds and
removes them; distribution and reassignment ask :func:`away_on` who is away today.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import AwayPeriod, Team, User
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.core.text_rules import check_text
from models.teams import permissions
from models.teams.permissions import Action
from models.teams.settings import TeamSettings

_AUDIT = ("user_id", "starts_on", "ends_on", "note")


@dataclass(frozen=True)
class AwayInfo:
    id: int
    user_id: int
    starts_on: date
    ends_on: date
    note: str | None


@dataclass(frozen=True)
class AwayAdded:
    away: AwayInfo
    changes: Changes


def _info(period: AwayPeriod) -> AwayInfo:
    return AwayInfo(period.id, period.user_id, period.starts_on, period.ends_on, period.note)


def team_today(session: Session, team_id: int | None, now: datetime) -> date:
    """Today on the team's calendar (early morning in Tokyo is still yesterday in UTC)."""
    team = session.get(Team, team_id) if team_id is not None else None
    zone = TeamSettings.from_dict(team.settings if team is not None else None).timezone
    return now.astimezone(ZoneInfo(zone)).date()


def _first_of_each(periods: Iterable[AwayPeriod]) -> dict[int, AwayInfo]:
    found: dict[int, AwayInfo] = {}
    for period in periods:
        found.setdefault(period.user_id, _info(period))
    return found


def away_on(session: Session, user_ids: Iterable[int], day: date) -> dict[int, AwayInfo]:
    """The period covering ``day`` of each of ``user_ids`` who is away then (the one that
    lasts longest)."""
    covering = (AwayPeriod.starts_on <= day) & (AwayPeriod.ends_on >= day)
    order = (AwayPeriod.ends_on.desc(), AwayPeriod.id)
    return _first_of_each(_periods(session, user_ids, covering, order))


def next_away(session: Session, user_ids: Iterable[int], day: date) -> dict[int, AwayInfo]:
    """The next period of each of ``user_ids`` that starts after ``day``."""
    order = (AwayPeriod.starts_on, AwayPeriod.id)
    return _first_of_each(_periods(session, user_ids, AwayPeriod.starts_on > day, order))


def _periods(
    session: Session,
    user_ids: Iterable[int],
    where: ColumnElement[bool],
    order: tuple[ColumnElement[Any] | InstrumentedAttribute[Any], ...],
) -> list[AwayPeriod]:
    ids = sorted(set(user_ids))
    if not ids:
        return []
    statement = select(AwayPeriod).where(AwayPeriod.user_id.in_(ids), where).order_by(*order)
    return list(session.scalars(statement))


def away_periods(session: Session, user_id: int) -> list[AwayInfo]:
    """Every away period of the user, the earliest first."""
    periods = session.scalars(
        select(AwayPeriod)
        .where(AwayPeriod.user_id == user_id)
        .order_by(AwayPeriod.starts_on, AwayPeriod.id)
    )
    return [_info(p) for p in periods]


def _require_may_edit(actor: User, user: User) -> None:
    """The user themself; else whoever may change their team's rules (a team lead of
    their team, an administrator)."""
    if actor.id == user.id:
        return
    if not permissions.allowed(actor.role, Action.EDIT_TEAM_RULES) or not permissions.in_scope(
        actor, user.team_id
    ):
        raise PermissionDenied(
            "away.not_allowed", user_id=actor.id, actor=actor.display_name, user=user.display_name
        )


def add_away(
    session: Session,
    actor_id: int,
    user_id: int,
    starts_on: date,
    ends_on: date,
    note: str,
    now: datetime,
) -> AwayAdded:
    """Record that ``user_id`` is away from ``starts_on`` to ``ends_on`` (both included)."""
    note = note.strip()
    check_text(note, field="away_note", column=AwayPeriod.note)
    if ends_on < starts_on:
        raise InvalidInput(
            "away.dates_order",
            field="ends_on",
            first=starts_on.isoformat(),
            last=ends_on.isoformat(),
        )
    actor = permissions.actor(session, actor_id)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user.not_found", user_id=user_id)
    _require_may_edit(actor, user)
    period = AwayPeriod(
        user_id=user.id,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note or None,
        created_by=actor.id,
        created_at=now,
    )
    session.add(period)
    session.flush()
    audit.record(
        session,
        user_id=actor.id,
        entity="away_period",
        entity_id=period.id,
        action="away_added",
        before=None,
        after=audit.snapshot(period, _AUDIT),
        at=now,
    )
    return AwayAdded(_info(period), Changes(users=True))


def remove_away(session: Session, actor_id: int, away_id: int, now: datetime) -> Changes:
    """Take an away period back (the user is not away after all)."""
    actor = permissions.actor(session, actor_id)
    period = session.scalars(
        select(AwayPeriod).where(AwayPeriod.id == away_id).with_for_update()
    ).first()
    if period is None:
        raise NotFound("away.not_found", away_id=away_id)
    user = session.get(User, period.user_id)
    assert user is not None  # a foreign key
    _require_may_edit(actor, user)
    before = audit.snapshot(period, _AUDIT)
    session.delete(period)
    audit.record(
        session,
        user_id=actor.id,
        entity="away_period",
        entity_id=away_id,
        action="away_removed",
        before=before,
        after=None,
        at=now,
    )
    return Changes(users=True)
