"""Who may do what: the one table of role × action.

Plain data, below every capability, so that each of them (the definitions' rules, the
use cases, the server's grants) reads the same table. :mod:`models.teams.permissions`
enforces it, with each role's scope (own leads, own team, every team).
"""

from __future__ import annotations

from enum import StrEnum

from models.core.enums import Role


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
    #: Bring leads and touches in from marketing tools' exports (and keep their mappings).
    IMPORT = "import"


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
    Action.IMPORT: frozenset({_R.MARKETING, _R.ADMIN}),
}

#: Roles whose scope is every team (the others act on their own team only).
ALL_TEAMS = frozenset({_R.ADMIN.value, _R.MARKETING.value})


def allowed(role: str, action: Action) -> bool:
    """Whether ``role`` may do ``action`` at all (scope aside)."""
    return role in ALLOWED[action]  # a Role is its str value
