"""Who may do what: one table of role × action, enforced here, in the domain.

Every use case asks :func:`require` (or :func:`allowed`) before it writes; the UI asks
the same table only to enable its buttons. In team mode PostgreSQL enforces the same
rules itself (grants and row-level security, :mod:`models.db.server_security`), so a
login that bypasses the app cannot do more either.

Scope: a rep works their own leads and unassigned ones of their team; a team lead
(reassigning, overriding, editing their team's rules) acts on their own team; an admin
on every team. :func:`require_lead` checks a lead against that scope.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy.orm import Session

from models.core.entities import Lead, User
from models.core.enums import Role
from models.core.errors import NotFound, PermissionDenied
from models.core.messages import lead_label


class Action(StrEnum):
    #: Call, log outcomes, recycle, disqualify, promote a lead that meets the definition.
    WORK_LEAD = "work_lead"
    #: Give leads to another rep (one or many), distribute and rebalance unassigned ones.
    REASSIGN = "reassign"
    #: Promote a lead that does not meet every criterion, with a reason.
    OVERRIDE_PROMOTION = "override_promotion"
    #: Send a recycled or disqualified lead back to the queue.
    SEND_BACK = "send_back"
    #: Create and edit draft definition versions.
    EDIT_DEFINITION_DRAFT = "edit_definition_draft"
    #: Propose a draft and approve a proposed version (for their side).
    APPROVE_DEFINITION = "approve_definition"
    #: A team's working rules, routing, reps' capacity and away periods.
    EDIT_TEAM_RULES = "edit_team_rules"
    #: KPIs, the workload view, reports and exports over the team.
    READ_REPORTS = "read_reports"
    #: Accept or reject a handoff addressed to them.
    ANSWER_HANDOFF = "answer_handoff"
    #: Add users, change roles, deactivate.
    MANAGE_USERS = "manage_users"


_R = Role
#: The one table. A role not listed for an action may not do it.
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.WORK_LEAD: frozenset({_R.REP, _R.TEAM_LEAD, _R.ADMIN}),
    Action.REASSIGN: frozenset({_R.TEAM_LEAD, _R.ADMIN}),
    Action.OVERRIDE_PROMOTION: frozenset({_R.TEAM_LEAD, _R.ADMIN}),
    Action.SEND_BACK: frozenset({_R.MARKETING, _R.TEAM_LEAD, _R.ADMIN}),
    Action.EDIT_DEFINITION_DRAFT: frozenset({_R.TEAM_LEAD, _R.MARKETING, _R.ADMIN}),
    Action.APPROVE_DEFINITION: frozenset({_R.TEAM_LEAD, _R.MARKETING, _R.ADMIN}),
    Action.EDIT_TEAM_RULES: frozenset({_R.TEAM_LEAD, _R.ADMIN}),
    Action.READ_REPORTS: frozenset({_R.TEAM_LEAD, _R.MARKETING, _R.ADMIN}),
    Action.ANSWER_HANDOFF: frozenset({_R.FIELD_REP, _R.TEAM_LEAD, _R.ADMIN}),
    Action.MANAGE_USERS: frozenset({_R.ADMIN}),
}

#: Roles whose scope is every team (the others act on their own team only).
ALL_TEAMS = frozenset({_R.ADMIN.value, _R.MARKETING.value})
SUPERVISORS = frozenset({Role.TEAM_LEAD.value, Role.ADMIN.value})
#: Who may send a lead back to the queue (marketing's call, or a supervisor's).
SENDERS = frozenset(r.value for r in ALLOWED[Action.SEND_BACK])
WORKERS = frozenset(r.value for r in ALLOWED[Action.WORK_LEAD])


def allowed(role: str, action: Action) -> bool:
    """Whether ``role`` may do ``action`` at all (scope aside)."""
    return role in {r.value for r in ALLOWED[action]}


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


def require_can_work(user: User, lead: Lead) -> None:
    """Reps work their own leads and unassigned ones; team leads any lead of their team,
    admins any lead."""
    if user.role in SUPERVISORS:
        if not in_scope(user, lead.team_id):
            raise PermissionDenied(
                "lead.of_another_team", user_id=user.id, lead_id=lead.id, lead=lead_label(lead)
            )
        return
    if user.role != Role.REP.value:
        raise PermissionDenied(
            "user.cannot_work_leads", user_id=user.id, user=user.display_name, role=user.role
        )
    if lead.owner_id not in (None, user.id):
        raise PermissionDenied(
            "lead.of_another_rep", user_id=user.id, lead_id=lead.id, lead=lead_label(lead)
        )
    if not in_scope(user, lead.team_id):
        raise PermissionDenied(
            "lead.of_another_team", user_id=user.id, lead_id=lead.id, lead=lead_label(lead)
        )


def is_supervisor(user: User) -> bool:
    return user.role in SUPERVISORS
