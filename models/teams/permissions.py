"""Who may do what. Enforced here, in the domain, whatever the UI shows."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.core.entities import Lead, User
from models.core.enums import Role
from models.core.errors import NotFound, PermissionDenied
from models.core.messages import lead_label

SUPERVISORS = frozenset({Role.TEAM_LEAD.value, Role.ADMIN.value})
#: Who may send a lead back to the queue (marketing's call, or a supervisor's).
SENDERS = frozenset({Role.MARKETING.value, Role.TEAM_LEAD.value, Role.ADMIN.value})
WORKERS = frozenset({Role.REP.value, Role.TEAM_LEAD.value, Role.ADMIN.value})


def actor(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise NotFound("user.not_active", user_id=user_id)
    return user


def require_can_work(user: User, lead: Lead) -> None:
    """Reps work their own leads and unassigned ones; team leads and admins any lead."""
    if user.role in SUPERVISORS:
        return
    if user.role != Role.REP.value:
        raise PermissionDenied(
            "user.cannot_work_leads", user_id=user.id, user=user.display_name, role=user.role
        )
    if lead.owner_id not in (None, user.id):
        raise PermissionDenied(
            "lead.of_another_rep", user_id=user.id, lead_id=lead.id, lead=lead_label(lead)
        )


def is_supervisor(user: User) -> bool:
    return user.role in SUPERVISORS
