"""A team's working rules: reading them for the team-rules dialog, and saving its changes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

from desktop.operations.runner import Op, Operations
from models.teams import rules
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
