"""How many open leads a rep can carry: distribution fills up to it, the workload view
shows what is free. Set by a team lead of the rep's team or an administrator."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import User
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.teams import permissions
from models.teams.permissions import Action

#: A ceiling no inside-sales rep works near (a typo's guard: 15000 for 150).
MAX_CAPACITY = 5_000


def set_capacity(
    session: Session, actor_id: int, user_id: int, capacity: int, now: datetime
) -> Changes:
    """Give ``user_id`` a capacity of ``capacity`` open leads (0: give them none)."""
    if not 0 <= capacity <= MAX_CAPACITY:
        raise InvalidInput("capacity.range", field="capacity", value=capacity, max=MAX_CAPACITY)
    actor = permissions.actor(session, actor_id)
    user = session.get(User, user_id, with_for_update=True)
    if user is None:
        raise NotFound("user.not_found", user_id=user_id)
    if not permissions.allowed(actor.role, Action.EDIT_TEAM_RULES) or not permissions.in_scope(
        actor, user.team_id
    ):
        raise PermissionDenied(
            "capacity.not_allowed", actor=actor.display_name, user=user.display_name
        )
    if user.capacity == capacity:
        return Changes()
    before = {"capacity": user.capacity}
    user.capacity = capacity
    session.flush()
    audit.record(
        session,
        user_id=actor.id,
        entity="user",
        entity_id=user.id,
        action="capacity_set",
        before=before,
        after={"capacity": capacity},
        at=now,
    )
    return Changes(users=True)
