"""Who may do what: the one table of role × action (:mod:`models.core.permission_table`,
re-exported here), enforced here, in the domain, with each role's scope.

Every use case asks :func:`require` (or :func:`allowed`) before it writes; the UI asks
the same table only to enable its buttons. In team mode PostgreSQL enforces the same
rules itself (grants and row-level security, :mod:`models.db.server_security`), so a
login that bypasses the app cannot do more either.

Scope: a rep works their own leads and unassigned ones of their team; a team lead
(reassigning, overriding, editing their team's rules) acts on their own team; an admin
on every team; marketing reads and sends back across teams. :func:`require` takes the
team an action is on; :func:`require_can_work` checks a lead against the working scope.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.core.entities import Lead, User
from models.core.errors import NotFound, PermissionDenied
from models.core.messages import lead_label
from models.core.permission_table import ALL_TEAMS, ALLOWED, Action, allowed

__all__ = [
    "ALLOWED",
    "ALL_TEAMS",
    "Action",
    "actor",
    "allowed",
    "in_scope",
    "require",
    "require_can_work",
    "supervises",
]


def actor(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise NotFound("user.not_active", user_id=user_id)
    return user


def require(user: User, action: Action, *, team_id: int | None = None) -> None:
    """Refuse unless ``user``'s role may do ``action`` (on ``team_id``, when given)."""
    if not allowed(user.role, action):
        raise PermissionDenied(
            "user.action_not_allowed",
            user_id=user.id,
            user=user.display_name,
            role=user.role,
            permission=action.value,
        )
    if team_id is not None and not in_scope(user, team_id):
        raise PermissionDenied(
            "user.other_team", user_id=user.id, user=user.display_name, team_id=team_id
        )


def in_scope(user: User, team_id: int | None) -> bool:
    """Whether ``team_id`` is within ``user``'s teams (None: not routed to a team yet)."""
    return user.role in ALL_TEAMS or team_id is None or team_id == user.team_id


def supervises(role: str) -> bool:
    """Whether ``role`` acts on every lead and handoff of its team, not only its own ones
    (answering a handoff for its field rep, correcting another rep's call): the roles that
    may reassign the team's leads."""
    return allowed(role, Action.REASSIGN)


def require_can_work(user: User, lead: Lead) -> None:
    """Refuse unless ``user`` may work ``lead``: reps their own leads and unassigned ones of
    their team, team leads any lead of their team, admins any lead (:data:`ALLOWED`)."""
    require(user, Action.WORK_LEAD)
    if not in_scope(user, lead.team_id):
        raise PermissionDenied(
            "lead.of_another_team", user_id=user.id, lead_id=lead.id, lead=lead_label(lead)
        )
    if lead.owner_id not in (None, user.id) and not supervises(user.role):
        raise PermissionDenied(
            "lead.of_another_rep", user_id=user.id, lead_id=lead.id, lead=lead_label(lead)
        )
