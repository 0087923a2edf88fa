"""A team's working rules: reading them for the team-rules dialog, and saving its changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.operations.runner import Op, Operations
from models.core.enums import Role
from models.teams import rules, users
from models.teams.rules import TeamInfo, TeamUpdated

INITIATOR = "team-rules"


def team_rules(ops: Operations, user_id: int, owner: QObject) -> Op[TeamInfo]:
    """The rules of the team ``user_id`` works in (the first team for a user without one)."""
    return ops.read(lambda session: rules.team_of(session, user_id), owner=owner)


def save_rules(
    ops: Operations,
    user_id: int,
    team_id: int,
    changes: dict[str, Any],
    now: datetime,
    seen: dict[str, Any],
    owner: QObject | None = None,
) -> Op[TeamUpdated]:
    """Save what the form changed; refused whole if the rules moved past ``seen``."""
    return ops.write(
        lambda session: rules.update_settings(session, user_id, team_id, changes, now, seen),
        initiator=INITIATOR,
        owner=owner,
    )


@dataclass(frozen=True)
class FieldRepChoice:
    """A field sales rep a routing rule or an export may name (inactive ones too)."""

    id: int
    name: str
    email: str
    active: bool


def field_reps(ops: Operations, owner: QObject) -> Op[list[FieldRepChoice]]:
    """Every field sales rep, active or not, in the users' order."""

    def job(session: Session) -> list[FieldRepChoice]:
        active = {u.id for u in users.list_users(session)}
        return [
            FieldRepChoice(u.id, u.display_name, u.email, u.id in active)
            for u in users.list_users(session, active_only=False)
            if u.role == Role.FIELD_REP
        ]

    return ops.read(job, owner=owner)
