"""The role × action table, walked against the real use cases on both databases.

For every role and every action, the use case that does the action is run as team A's
user of that role on team A's own leads, and rolled back: it must be done exactly when
:data:`permissions.ALLOWED` says the role may, and otherwise refused as a
:class:`PermissionDenied` (never another kind of failure).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from models.core.enums import Role
from models.core.errors import PermissionDenied
from models.db.database import Database
from models.definitions import lifecycle
from models.definitions.approval import approve
from models.handoff.promote import PromotionDraft, promote
from models.handoff.respond import Answer, respond
from models.imports.lead_writer import write_leads
from models.imports.rows import LeadRecord
from models.imports.run import require_may_import
from models.leads.actions import requalify
from models.leads.assignment import reassign
from models.leads.calls import CallDraft, log_call
from models.teams import permissions
from models.teams.permissions import Action
from models.teams.rules import update_settings
from models.teams.users import add_user
from tests.permission_world import NOW, World, attempt, build

Probe = Callable[[World, int], Callable[[Session], object]]


def _import_one(session: Session, user_id: int) -> object:
    """What an import does with one row, after the check every import makes first."""
    require_may_import(session, user_id)
    record = LeadRecord(2, 2, "山田 太郎", "株式会社ヤマダ", "ヤマダ", email="taro@yamada.example")
    return write_leads(session, user_id, "probe", [record], NOW)


#: For each action, the use case doing it on team A (as the user whose id is given).
PROBES: dict[Action, Probe] = {
    Action.WORK_LEAD: lambda w, u: (
        lambda s: log_call(s, u, CallDraft(w.a.unassigned, "no_answer", NOW), NOW)
    ),
    Action.REASSIGN: lambda w, u: (
        lambda s: reassign(s, u, [w.a.owned], w.rep_a2, "休暇中の引き継ぎ", NOW)
    ),
    Action.OVERRIDE_PROMOTION: lambda w, u: (
        lambda s: promote(
            s,
            u,
            PromotionDraft(
                w.a.owned, w.users["field_rep"], override_reason="部長の紹介: 今月中に訪問したい"
            ),
            NOW,
        )
    ),
    Action.SEND_BACK: lambda w, u: lambda s: requalify(s, u, w.a.recycled, NOW),
    Action.EDIT_DEFINITION_DRAFT: lambda w, u: lambda s: lifecycle.create_draft(s, u, now=NOW),
    Action.APPROVE_DEFINITION: lambda w, u: lambda s: approve(s, u, w.proposed, now=NOW),
    Action.EDIT_TEAM_RULES: lambda w, u: (
        lambda s: update_settings(s, u, w.team_a, {"sla_minutes": 7}, NOW)
    ),
    Action.ANSWER_HANDOFF: lambda w, u: (
        lambda s: respond(s, u, Answer(w.a.handoff, accept=True), NOW)
    ),
    Action.IMPORT: lambda w, u: lambda s: _import_one(s, u),
    Action.MANAGE_USERS: lambda w, u: (
        lambda s: add_user(
            s, actor_id=u, email="new.rep@example.jp", display_name="新人", role="rep", now=NOW
        )
    ),
}
#: Actions no use case in models/ enforces yet: reading reports (the workload view is
#: read without an actor; in team mode the server's grants decide what a login reads).
UNPROBED = {Action.READ_REPORTS}


def test_every_action_has_a_probe() -> None:
    assert set(PROBES) | UNPROBED == set(Action)


def test_the_table_gives_every_action_to_an_administrator_and_managing_users_to_them_only() -> None:
    assert all(permissions.allowed(Role.ADMIN, action) for action in Action)
    assert [r for r in Role if permissions.allowed(r, Action.MANAGE_USERS)] == [Role.ADMIN]


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_each_role_may_do_what_the_table_says_and_nothing_else(db: Database, role: str) -> None:
    world = build(db)
    user = world.users[role]
    wrong: list[str] = []
    for action, probe in PROBES.items():
        refused = attempt(db, probe(world, user))
        may = permissions.allowed(role, action)
        if may and refused is not None:
            wrong.append(f"{action}: refused ({refused.key}: {refused})")
        elif not may and refused is None:
            wrong.append(f"{action}: done, the table refuses it")
        elif not may and not isinstance(refused, PermissionDenied):
            wrong.append(f"{action}: refused as {type(refused).__name__} ({refused.key})")
    assert wrong == [], f"{role}: " + "; ".join(wrong)
