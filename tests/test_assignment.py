"""Reassignment (models/leads/assignment.py) on both backends: many leads in one
transaction, with a reason, history and audit; refusals (who may, to whom, stale forms,
stages) leave every lead as it was."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models.core.entities import AssignmentChange, AuditEntry, Lead, LeadClaim
from models.core.errors import ConcurrentChange, InvalidInput, NotFound, PermissionDenied
from models.db.database import Database
from models.leads.assignment import reassign
from tests.assignment_data import NOW, TODAY, away, claim, make_leads, owners, people


def _count(db: Database, entity: type[AssignmentChange] | type[AuditEntry]) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(entity.id))) or 0)


def _versions(db: Database, ids: list[int]) -> dict[int, int]:
    with db.read() as session:
        return dict(session.execute(select(Lead.id, Lead.version).where(Lead.id.in_(ids))).all())


def test_a_team_lead_reassigns_many_leads_with_a_reason(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 3, owner=p.a, team=p.team, stage="working")
    unassigned = make_leads(db, 1, team=p.team)
    claim(db, ids[0], p.a)
    seen = _versions(db, ids + unassigned)
    reason = "<b>休暇</b> の引き継ぎ"  # markup is text, stored as typed
    with db.write() as session:
        result = reassign(session, p.lead, ids + unassigned, p.b, reason, NOW, seen)
    assert result.moved == 4 and result.to_name == "鈴木 B"
    assert result.changes.lead_ids == frozenset(ids + unassigned) and result.changes.queue
    assert {m.from_user_id for m in result.leads} == {p.a, None}
    assert all(m.lead == "見込み客 0 (株式会社テスト)" for m in result.leads[:1])
    assert set(owners(db, ids + unassigned).values()) == {p.b}
    with db.read() as session:
        history = session.scalars(select(AssignmentChange).order_by(AssignmentChange.id)).all()
        assert [(h.lead_id, h.from_user_id, h.to_user_id) for h in history] == [
            *((i, p.a, p.b) for i in ids),
            (unassigned[0], None, p.b),
        ]
        assert {(h.changed_by, h.reason, h.changed_at) for h in history} == {(p.lead, reason, NOW)}
        audits = session.scalars(select(AuditEntry).where(AuditEntry.action == "reassigned")).all()
        assert len(audits) == 4 and all(a.user_id == p.lead for a in audits)
        assert audits[0].before == {"owner_id": p.a, "team_id": p.team}
        assert audits[0].after == {"owner_id": p.b, "team_id": p.team, "reason": reason}
        # The claim on the lead is dropped: it is no longer A's call.
        assert session.scalar(select(func.count()).select_from(LeadClaim)) == 0
        assert all(
            v > seen[lead.id] for lead in session.scalars(select(Lead)) for v in [lead.version]
        )


def test_a_lead_that_is_the_targets_already_stays_as_it_is(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 2, owner=p.b, team=p.team)
    with db.write() as session:
        result = reassign(session, p.lead, ids, p.b, "確認", NOW)
    assert result.moved == 0 and result.changes.empty
    assert _count(db, AssignmentChange) == 0


def test_an_admin_moves_a_lead_to_another_team_and_its_team_follows(db: Database) -> None:
    p = people(db)
    (lead_id,) = make_leads(db, 1, owner=p.a, team=p.team)
    with db.write() as session:
        reassign(session, p.admin, [lead_id], p.d, "大阪の担当へ", NOW)
    with db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and (lead.owner_id, lead.team_id) == (p.d, p.other_team)


@pytest.mark.parametrize("reason", ["", "   ", "\t"])
def test_the_reason_is_required(db: Database, reason: str) -> None:
    p = people(db)
    ids = make_leads(db, 1, owner=p.a, team=p.team)
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        reassign(session, p.lead, ids, p.b, reason, NOW)
    assert refused.value.key == "assignment.reason_empty"
    assert refused.value.params["field"] == "reason"


def test_a_reason_with_a_nul_byte_is_refused_alike_on_both_databases(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 1, owner=p.a, team=p.team)
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        reassign(session, p.lead, ids, p.b, "休暇\x00中", NOW)
    assert refused.value.key == "text.bad_character"
    assert refused.value.params["position"] == 3
    assert owners(db, ids) == {ids[0]: p.a}


def test_no_lead_is_refused(db: Database) -> None:
    p = people(db)
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        reassign(session, p.lead, [], p.b, "理由", NOW)
    assert refused.value.key == "assignment.no_leads"


def test_the_target_must_be_an_active_rep_or_team_lead(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 1, owner=p.a, team=p.team)
    cases = {
        p.gone: "assignment.target_inactive",
        p.field_rep: "assignment.target_role",
        p.admin: "assignment.target_role",
    }
    for target, key in cases.items():
        with pytest.raises(InvalidInput) as refused, db.write() as session:
            reassign(session, p.lead, ids, target, "理由", NOW)
        assert refused.value.key == key
        assert refused.value.params["field"] == "to"
    with pytest.raises(NotFound), db.write() as session:
        reassign(session, p.lead, ids, 999_999, "理由", NOW)
    with db.write() as session:  # a team lead may carry leads
        reassign(session, p.admin, ids, p.lead, "理由", NOW)
    assert owners(db, ids) == {ids[0]: p.lead}


def test_a_rep_away_today_is_refused_unless_confirmed(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 1, owner=p.a, team=p.team)
    away(db, p.b, TODAY - timedelta(days=1), TODAY + timedelta(days=2))
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        reassign(session, p.lead, ids, p.b, "理由", NOW)
    assert refused.value.key == "assignment.target_away"
    assert (refused.value.params["first"], refused.value.params["last"]) == (
        "2026-11-19",
        "2026-11-22",
    )
    assert "鈴木 B is away from 2026-11-19 to 2026-11-22" in str(refused.value)
    with db.write() as session:
        reassign(session, p.lead, ids, p.b, "理由", NOW, allow_away=True)
    assert owners(db, ids) == {ids[0]: p.b}


def test_away_tomorrow_is_not_away_today(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 1, owner=p.a, team=p.team)
    away(db, p.b, TODAY + timedelta(days=1), TODAY + timedelta(days=5))
    with db.write() as session:
        reassign(session, p.lead, ids, p.b, "理由", NOW)
    assert owners(db, ids) == {ids[0]: p.b}


def test_who_may_reassign(db: Database) -> None:
    p = people(db)
    ours = make_leads(db, 1, owner=p.a, team=p.team)
    theirs = make_leads(db, 1, owner=p.d, team=p.other_team)
    refusals = [
        (p.a, ours, p.b, "user.action_not_allowed"),  # a rep
        (p.other_lead, ours, p.d, "user.other_team"),  # a team lead, another team's lead
        (p.lead, theirs, p.a, "user.other_team"),
        (p.lead, ours, p.d, "assignment.target_other_team"),  # to another team's rep
    ]
    for actor, leads, target, key in refusals:
        with pytest.raises(PermissionDenied) as refused, db.write() as session:
            reassign(session, actor, leads, target, "理由", NOW)
        assert refused.value.key == key, (actor, key)
    assert owners(db, ours + theirs) == {ours[0]: p.a, theirs[0]: p.d}
    assert _count(db, AuditEntry) == 0


def test_a_stale_lead_refuses_the_whole_batch_with_what_changed(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 3, owner=p.a, team=p.team)
    seen = _versions(db, ids)
    with db.write() as session:  # someone else moves the middle one meanwhile
        reassign(session, p.admin, [ids[1]], p.c, "先に", NOW)
    with pytest.raises(ConcurrentChange) as refused, db.write() as session:
        reassign(session, p.lead, ids, p.b, "理由", NOW + timedelta(minutes=1), seen)
    assert refused.value.key == "lead.changed_meanwhile"
    assert refused.value.params["action"] == "reassigned"
    assert refused.value.params["user"] == "小林 管理者"
    assert owners(db, ids) == {ids[0]: p.a, ids[1]: p.c, ids[2]: p.a}
    assert _count(db, AssignmentChange) == 1


def test_only_open_leads_change_hands_and_a_closed_one_refuses_the_batch(db: Database) -> None:
    p = people(db)
    open_ids = make_leads(db, 2, owner=p.a, team=p.team)
    promoted = make_leads(db, 1, owner=p.a, team=p.team, stage="promoted")
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        reassign(session, p.lead, open_ids + promoted, p.b, "理由", NOW)
    assert refused.value.key == "assignment.stage"
    assert refused.value.params["stage"] == "promoted"
    assert set(owners(db, open_ids + promoted).values()) == {p.a}


def test_an_unknown_lead_refuses_the_batch(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 1, owner=p.a, team=p.team)
    with pytest.raises(NotFound) as refused, db.write() as session:
        reassign(session, p.lead, [*ids, 987_654], p.b, "理由", NOW)
    assert refused.value.params["lead_id"] == 987_654
    assert owners(db, ids) == {ids[0]: p.a}


def test_a_thousand_leads_move_in_one_transaction(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 1_200, owner=p.a, team=p.team)
    with db.write() as session:
        result = reassign(session, p.lead, ids, p.c, "一括", NOW, _versions(db, ids))
    assert result.moved == 1_200
    assert set(owners(db, ids).values()) == {p.c}
