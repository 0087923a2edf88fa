"""Team scope, on both databases: a team lead acts on their own team's leads only, a rep on
their own leads and the unassigned ones of their team; administrators and marketing act
on every team; a lead not routed to a team yet is anyone's who may work leads. The queue
of a rep or a team lead shows their team's leads (and unrouted ones) only.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.core.errors import PermissionDenied
from models.db.database import Database
from models.handoff.promote import PromotionDraft, promote
from models.handoff.respond import Answer, respond
from models.leads.actions import RecycleInput, recycle, requalify
from models.leads.assignment import reassign
from models.leads.calls import CallDraft, log_call
from models.leads.queue import ANY_OWNER, ANY_TEAM, QueueQuery, queue_ids, queue_page, team_scope
from models.teams.rules import update_settings
from models.teams.users import get_user
from tests.permission_world import NOW, World, attempt, build


@pytest.fixture
def world(db: Database) -> World:
    return build(db)


def _call(lead_id: int, user_id: int) -> object:
    return lambda s: log_call(s, user_id, CallDraft(lead_id, "no_answer", NOW), NOW)


def _refused(db: Database, action: object, key: str) -> None:
    error = attempt(db, action)  # type: ignore[arg-type]
    assert isinstance(error, PermissionDenied), error
    assert error.key == key, error


def test_a_team_lead_cannot_work_reassign_or_override_another_teams_leads(
    db: Database, world: World
) -> None:
    lead = world.users["team_lead"]
    b = world.b
    _refused(db, _call(b.owned, lead), "lead.of_another_team")
    _refused(db, _call(b.unassigned, lead), "lead.of_another_team")
    _refused(
        db, lambda s: reassign(s, lead, [b.owned], world.rep_a2, "応援", NOW), "user.other_team"
    )
    override = PromotionDraft(b.owned, world.field_rep_b, override_reason="急ぎ")
    _refused(db, lambda s: promote(s, lead, override, NOW), "lead.of_another_team")
    _refused(db, lambda s: respond(s, lead, Answer(b.handoff, accept=True), NOW), "user.other_team")
    _refused(db, lambda s: requalify(s, lead, b.recycled, NOW), "user.other_team")
    _refused(
        db,
        lambda s: update_settings(s, lead, world.team_b, {"sla_minutes": 9}, NOW),
        "user.other_team",
    )
    # Their own team's, and a lead not routed yet, they may.
    for lead_id in (world.a.owned, world.a.unassigned, world.unrouted):
        assert attempt(db, _call(lead_id, lead)) is None
    assert (
        attempt(db, lambda s: reassign(s, lead, [world.a.owned], world.rep_a2, "応援", NOW)) is None
    )


def test_a_team_lead_cannot_move_a_lead_to_another_team(db: Database, world: World) -> None:
    lead = world.users["team_lead"]
    error = attempt(db, lambda s: reassign(s, lead, [world.a.owned], world.rep_b, "応援", NOW))
    assert isinstance(error, PermissionDenied)


def test_a_rep_works_their_own_and_their_teams_unassigned_leads_only(
    db: Database, world: World
) -> None:
    rep = world.users["rep"]
    _refused(db, _call(world.b.owned, rep), "lead.of_another_team")
    _refused(db, _call(world.b.unassigned, rep), "lead.of_another_team")
    data = RecycleInput(world.b.owned, "timing")
    _refused(db, lambda s: recycle(s, rep, data, NOW), "lead.of_another_team")
    # Another rep's lead of the same team: a team lead reassigns it first.
    _refused(db, _call(world.a.owned, world.rep_a2), "lead.of_another_rep")
    for lead_id in (world.a.owned, world.a.unassigned, world.unrouted):
        assert attempt(db, _call(lead_id, rep)) is None


def test_administrators_and_marketing_act_on_every_team(db: Database, world: World) -> None:
    admin, marketing = world.users["admin"], world.users["marketing"]
    assert attempt(db, _call(world.b.owned, admin)) is None
    assert (
        attempt(db, lambda s: reassign(s, admin, [world.b.owned], world.lead_b, "応援", NOW))
        is None
    )
    answer = Answer(world.b.handoff, accept=True)
    assert attempt(db, lambda s: respond(s, admin, answer, NOW)) is None
    assert attempt(db, lambda s: requalify(s, marketing, world.b.recycled, NOW)) is None


def test_the_field_rep_of_a_handoff_answers_it_and_no_other_field_rep(
    db: Database, world: World
) -> None:
    answer = Answer(world.b.handoff, accept=True)
    _refused(db, lambda s: respond(s, world.users["field_rep"], answer, NOW), "handoff.not_yours")
    assert attempt(db, lambda s: respond(s, world.field_rep_b, answer, NOW)) is None


def test_a_reps_or_team_leads_queue_shows_their_team_and_unrouted_leads(
    db: Database, world: World
) -> None:
    everyone = QueueQuery(stages=(), owner=ANY_OWNER)
    with db.read() as session:
        all_ids = set(queue_ids(session, everyone))
        seen = {}
        for role, user_id in world.users.items():
            user = get_user(session, user_id)
            query = replace(everyone, team=team_scope(user.role, user.team_id))
            seen[role] = set(queue_ids(session, query))
            assert [r.id for r in queue_page(session, query, limit=100)] == queue_ids(
                session, query
            )
        team_b = {world.b.unassigned, world.b.owned, world.b.recycled, world.b.promoted}
        nobodys = set(queue_ids(session, replace(everyone, team=None)))
    assert team_b <= all_ids and world.unrouted in all_ids
    for role in ("rep", "team_lead", "field_rep"):
        assert seen[role] == all_ids - team_b, role
    for role in ("admin", "marketing"):
        assert seen[role] == all_ids, role
    assert nobodys == {world.unrouted}
    assert team_scope("admin", world.team_a) == ANY_TEAM
    assert team_scope("rep", world.team_a) == world.team_a
