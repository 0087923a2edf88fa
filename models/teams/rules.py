"""Teams and their working rules (business hours, holidays, speed to lead, attempts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import AuditEntry, Lead, Team, User
from models.core.enums import Role
from models.core.errors import ConcurrentChange, InvalidInput, NotFound
from models.teams import permissions
from models.teams.permissions import Action
from models.teams.settings import DEFAULTS, TeamSettings


@dataclass(frozen=True)
class TeamInfo:
    id: int
    name: str
    settings: dict[str, Any]


@dataclass(frozen=True)
class TeamUpdated:
    team: TeamInfo
    changes: Changes


def _merged(stored: dict[str, Any] | None) -> dict[str, Any]:
    merged = {**DEFAULTS, **(stored or {})}
    for key in ("business_hours", "attempts"):
        merged[key] = {**DEFAULTS[key], **(stored or {}).get(key, {})}
    return merged


def _check_known(changes: dict[str, Any]) -> None:
    """Only the rules Baton knows are stored (nothing else lands in the team's JSON)."""
    for key, value in changes.items():
        if key not in DEFAULTS:
            raise InvalidInput(
                "team.setting_unknown", field=key, value=key, expected=", ".join(DEFAULTS)
            )
        known = DEFAULTS[key]
        if not isinstance(known, dict):
            continue
        if not isinstance(value, dict):
            raise InvalidInput("team.settings_malformed", field=key, reason=f"{key}: {value!r}")
        for name in value:
            if name not in known:
                raise InvalidInput(
                    "team.setting_unknown",
                    field=key,
                    value=f"{key}.{name}",
                    expected=", ".join(f"{key}.{n}" for n in known),
                )


def changed_rules(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """The rules that differ, as dotted names ("business_hours.start", "sla_minutes")."""
    old, new = _merged(before), _merged(after)
    names: list[str] = []
    for key in DEFAULTS:
        if isinstance(DEFAULTS[key], dict):
            names += [f"{key}.{n}" for n in DEFAULTS[key] if old[key].get(n) != new[key].get(n)]
        elif old.get(key) != new.get(key):
            names.append(key)
    return names


def _refuse_stale(session: Session, team: Team, seen: dict[str, Any]) -> None:
    """The rules moved past what a form showed: say what changed, who changed it, when.

    ``changed`` lists the rules that differ (dotted names), so the form can mark them.
    """
    changed = changed_rules(seen, team.settings)
    latest = session.execute(
        select(AuditEntry.at, User.display_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity == "team", AuditEntry.entity_id == team.id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        raise ConcurrentChange(
            "team.changed_meanwhile", field="team", team=team.name, changed=changed
        )
    at, user_name = latest
    raise ConcurrentChange(
        "team.changed_meanwhile_by",
        field="team",
        team=team.name,
        user=user_name or "Baton",
        at=at.isoformat(timespec="minutes"),
        changed=changed,
    )


def list_teams(session: Session) -> list[TeamInfo]:
    return [
        TeamInfo(t.id, t.name, _merged(t.settings))
        for t in session.scalars(select(Team).order_by(Team.id))
    ]


def update_settings(
    session: Session,
    user_id: int,
    team_id: int,
    changes: dict[str, Any],
    now: datetime,
    seen: dict[str, Any] | None = None,
) -> TeamUpdated:
    """Change a team's rules (:data:`Action.EDIT_TEAM_RULES`: a team lead their own team's,
    an admin any team's); refused whole if invalid.

    ``seen`` is the rules a form showed when it was opened: if someone changed them
    since, nothing is written (None: no form, e.g. the CLI reading and writing at once).
    """
    user = permissions.actor(session, user_id)
    permissions.require(user, Action.EDIT_TEAM_RULES, team_id=team_id)
    team = session.scalars(select(Team).where(Team.id == team_id).with_for_update()).first()
    if team is None:
        raise NotFound("team.not_found", team_id=team_id)
    if seen is not None and _merged(team.settings) != _merged(seen):
        _refuse_stale(session, team, seen)
    _check_known(changes)
    before = _merged(team.settings)
    after = _merged(team.settings)
    for key, value in changes.items():
        if isinstance(value, dict):
            after[key] = {**after.get(key, {}), **value}
        else:
            after[key] = value
    settings = TeamSettings.from_dict(after)  # raises InvalidInput naming the field
    if "routing" in changes:
        _check_field_reps(session, settings)
    team.settings = after
    session.flush()
    audit.record(
        session,
        user_id=user_id,
        entity="team",
        entity_id=team.id,
        action="settings_changed",
        before=before,
        after=after,
        at=now,
    )
    return TeamUpdated(TeamInfo(team.id, team.name, after), Changes(team=True))


def _check_field_reps(session: Session, settings: TeamSettings) -> None:
    """Every routing rule names field sales reps (an inactive one stays: it is skipped)."""
    for index, rule in enumerate(settings.routing, start=1):
        for user_id in rule.field_reps:
            user = session.get(User, user_id)
            if user is None or user.role != Role.FIELD_REP.value:
                raise InvalidInput(
                    "team.routing_not_field_rep",
                    field="routing",
                    rule=index,
                    user=user.display_name if user else str(user_id),
                    role=user.role if user else "-",
                )


def _team_of(session: Session, user_id: int | None) -> Team | None:
    """The user's team; the first team for nobody or a user without one (None: no team)."""
    team = None
    if user_id is not None:
        user = session.get(User, user_id)
        team = user.team if user is not None else None
    if team is None:
        team = session.scalars(select(Team).order_by(Team.id).limit(1)).first()
    return team


def team_of(session: Session, user_id: int | None) -> TeamInfo:
    """The team whose rules ``user_id`` works under (see :func:`_team_of`), with its rules."""
    team = _team_of(session, user_id)
    if team is None:
        raise NotFound("team.none")
    return TeamInfo(team.id, team.name, _merged(team.settings))


def team_settings_for(session: Session, lead: Lead) -> TeamSettings:
    """The rules of the owner's team (the first team when the lead is unassigned)."""
    team = _team_of(session, lead.owner_id)
    return TeamSettings.from_dict(team.settings if team is not None else None)
