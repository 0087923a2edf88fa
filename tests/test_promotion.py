"""Promotion to field sales: the checklist on a lead, the gate, the override, the race,
field sales' answer, routing, and the queue filters (both databases)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models.core.entities import Account, AuditEntry, Handoff, Lead, StageChange, User
from models.core.errors import ConcurrentChange, InvalidInput, NotFound, PermissionDenied
from models.db.database import Database
from models.definitions import versions
from models.definitions.criteria import (
    FitIn,
    Group,
    ScoreAtLeast,
    Touches,
    root,
)
from models.definitions.sql import condition
from models.handoff.checklist import checklist
from models.handoff.inbox import incoming, lead_handoffs, overdue, overdue_count
from models.handoff.promote import PromotionDraft, promote
from models.handoff.respond import Answer, respond
from models.handoff.routing import suggest_field_rep
from models.leads.bant import BantAnswer
from models.leads.queue import ANY_MEETING, ANY_OWNER, ONE_AWAY, QUALIFIED, QueueQuery, queue_ids
from models.teams.rules import update_settings
from tests.concurrency import Background
from tests.test_calls import T0, callable_lead, draft, log, uid

MEETING = T0 + timedelta(days=3)
#: What a good conversation gives: every BANT answer the default definition asks for.
GOOD_BANT = {
    "need": BantAnswer("explicit", "紙の見積書を毎月300件手で転記している"),
    "authority": BantAnswer("decision_maker", "部長決裁で導入可能"),
    "timeline": BantAnswer("within_3m", "来期（4月）から運用したい"),
    "budget": BantAnswer("planned", "来期予算に計上予定"),
}


def _near(db: Database, owner: int) -> int:
    """A callable lead of ``owner`` that meets what a call cannot change (score, a recent
    touch of the right kind, company size): the default definition's other criteria."""
    with db.read() as session:
        items = root(versions.active(session).criteria).items
    fixed = Group("all", tuple(i for i in items if isinstance(i, ScoreAtLeast | Touches | FitIn)))
    with db.read() as session:
        eligible = set(
            session.scalars(
                select(Lead.id)
                .join(Account, Account.id == Lead.account_id)
                .where(condition(fixed, T0))
            )
        )
    return callable_lead(db, owner, Lead.id.in_(eligible))


def qualified_lead(db: Database, rep: int) -> int:
    lead_id = _near(db, rep)
    log(
        db,
        rep,
        draft(
            lead_id,
            "meeting_booked",
            next_step="meeting",
            meeting_at=MEETING,
            bant=GOOD_BANT,
            notes="デモの日程を確定。<script>alert(1)</script>",
            challenge="見積業務の属人化",
            competitors="A社クラウド",
            decision_process="部長 → 役員会",
        ),
    )
    return lead_id


def _count(db: Database, table: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def _promote(db: Database, user: int, lead_id: int, field_rep: int, **kw: object) -> object:
    with db.write() as session:
        return promote(session, user, PromotionDraft(lead_id, field_rep, **kw), T0)  # type: ignore[arg-type]


def test_a_lead_that_meets_every_criterion_is_handed_off(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    field = uid(demo_db, "daisuke.watanabe")
    lead_id = _near(demo_db, misaki)
    with demo_db.read() as session:
        before = checklist(session, lead_id, T0)
    assert not before.qualified
    assert before.missing >= 3  # reached, need, authority, timeline, meeting still missing

    lead_id = qualified_lead(demo_db, misaki)
    with demo_db.read() as session:
        checked = checklist(session, lead_id, T0)
    assert checked.qualified, [(i.criterion, i.met) for i in checked.items]
    words = [e.text for item in checked.items for e in item.evidence if e.what == "answer"]
    assert "部長決裁で導入可能" in words  # the prospect's own words are the evidence
    query = QueueQuery(
        owner=ANY_OWNER,
        meetings=ANY_MEETING,
        meetings_as_of=T0,
        qualification=QUALIFIED,
        qualification_as_of=T0,
    )
    with demo_db.read() as session:
        assert lead_id in queue_ids(session, query)

    promoted = _promote(demo_db, misaki, lead_id, field, note="決裁者同席で訪問を推奨")
    with demo_db.read() as session:
        handoff = session.get(Handoff, promoted.handoff_id)  # type: ignore[attr-defined]
        assert handoff is not None
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.stage == "promoted" and lead.promoted_at == T0
        assert handoff.field_rep_id == field and handoff.status == "pending"
        assert handoff.meeting_at == MEETING  # the booked meeting carried over
        assert handoff.definition_version == versions.active(session).version
        assert handoff.checklist and all(item["met"] for item in handoff.checklist)
        assert handoff.facts and handoff.facts["bant"]["authority"]["value"] == "decision_maker"
        assert handoff.response_due_at is not None and handoff.response_due_at > T0
        summary = json.loads(handoff.summary)
        assert summary  # the summary field sales were given is kept with the handoff
        assert session.scalar(
            select(func.count()).where(
                AuditEntry.action == "promoted", AuditEntry.entity_id == lead_id
            )
        )
        assert lead_id not in queue_ids(session, query)  # out of every queue
        assert lead_id not in queue_ids(session, QueueQuery(owner=ANY_OWNER))
    mine = [row for row in _incoming(demo_db, field) if row.lead_id == lead_id]
    assert len(mine) == 1 and mine[0].status == "pending" and mine[0].field_rep_id == field


def _incoming(db: Database, field: int) -> list:  # type: ignore[type-arg]
    with db.read() as session:
        return incoming(session, field)


def test_a_lead_that_misses_a_criterion_is_refused_with_it(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    field = uid(demo_db, "daisuke.watanabe")
    lead_id = _near(demo_db, misaki)
    handoffs = _count(demo_db, Handoff)
    with pytest.raises(InvalidInput) as refused:
        _promote(demo_db, misaki, lead_id, field)
    assert refused.value.key == "handoff.not_qualified"
    assert json.loads(refused.value.params["criterion"])["kind"] == "reached"
    assert _count(demo_db, Handoff) == handoffs
    with demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.stage in ("new", "working")


def test_only_a_team_lead_overrides_and_only_with_a_reason(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_ = uid(demo_db, "naoki.tanaka")
    field = uid(demo_db, "sakura.yamamoto")
    lead_id = _near(demo_db, misaki)
    with pytest.raises(PermissionDenied) as rep_refused:
        _promote(demo_db, misaki, lead_id, field, override_reason="急ぎ")
    assert rep_refused.value.key == "handoff.override_supervisors_only"
    with pytest.raises(InvalidInput) as no_reason:
        _promote(demo_db, lead_, lead_id, field, override_reason="  ")
    assert no_reason.value.key == "handoff.override_reason_needed"
    promoted = _promote(demo_db, lead_, lead_id, field, override_reason="役員紹介の案件")
    assert promoted.overridden  # type: ignore[attr-defined]
    with demo_db.read() as session:
        handoff = session.get(Handoff, promoted.handoff_id)  # type: ignore[attr-defined]
        assert handoff is not None and handoff.override_reason == "役員紹介の案件"
        change = session.scalars(
            select(StageChange)
            .where(StageChange.lead_id == lead_id)
            .order_by(StageChange.id.desc())
        ).first()
        assert change is not None and change.reason == "override"


def test_the_field_rep_must_be_an_active_field_rep(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = qualified_lead(demo_db, misaki)
    with pytest.raises(InvalidInput) as not_field:
        _promote(demo_db, misaki, lead_id, uid(demo_db, "shota.suzuki"))
    assert not_field.value.key == "handoff.not_field_rep"
    field = uid(demo_db, "james.miller")
    with demo_db.write() as session:
        user = session.get(User, field)
        assert user is not None
        user.active = False
    with pytest.raises(InvalidInput) as inactive:
        _promote(demo_db, misaki, lead_id, field)
    assert inactive.value.key == "handoff.field_rep_inactive"
    with pytest.raises(InvalidInput) as none:
        _promote(demo_db, misaki, lead_id, None)  # type: ignore[arg-type]
    assert none.value.key == "handoff.field_rep_needed"


def test_two_reps_promoting_the_same_lead_exactly_one_wins(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_ = uid(demo_db, "naoki.tanaka")
    field = uid(demo_db, "daisuke.watanabe")
    lead_id = qualified_lead(demo_db, misaki)
    runs = [
        Background(lambda u=u: _promote(demo_db, u, lead_id, field), name=f"promote-{u}")
        for u in (misaki, lead_)
    ]
    outcomes = []
    for run in runs:
        try:
            outcomes.append(run.result())
        except InvalidInput as error:
            outcomes.append(error)
    wins = [o for o in outcomes if not isinstance(o, Exception)]
    losses = [o for o in outcomes if isinstance(o, InvalidInput)]
    assert len(wins) == 1 and len(losses) == 1
    assert losses[0].key == "handoff.promote_stage"
    with demo_db.read() as session:
        assert len(lead_handoffs(session, lead_id)) == 1


def test_field_sales_accept_or_reject_and_the_lead_goes_back(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    field = uid(demo_db, "daisuke.watanabe")
    other_field = uid(demo_db, "sakura.yamamoto")
    first = _promote(demo_db, misaki, qualified_lead(demo_db, misaki), field)
    second_lead = qualified_lead(demo_db, misaki)
    second = _promote(demo_db, misaki, second_lead, field)
    first_id = first.handoff_id  # type: ignore[attr-defined]
    second_id = second.handoff_id  # type: ignore[attr-defined]

    with demo_db.write() as session, pytest.raises(PermissionDenied) as not_yours:
        respond(session, other_field, Answer(first_id, accept=True), T0)
    assert not_yours.value.key == "handoff.not_yours"
    with demo_db.write() as session, pytest.raises(InvalidInput) as no_reason:
        respond(session, field, Answer(second_id, accept=False), T0)
    assert no_reason.value.key == "handoff.reason_needed"
    with demo_db.write() as session, pytest.raises(InvalidInput) as other:
        respond(session, field, Answer(second_id, accept=False, reason="other"), T0)
    assert other.value.key == "handoff.other_needs_text"
    with demo_db.write() as session, pytest.raises(ConcurrentChange):
        respond(session, field, Answer(first_id, accept=True, seen_version=99), T0)

    with demo_db.write() as session:
        respond(session, field, Answer(first_id, accept=True), T0)
    with demo_db.write() as session, pytest.raises(InvalidInput) as twice:
        respond(session, field, Answer(first_id, accept=False, reason="timing"), T0)
    assert twice.value.key == "handoff.answered"

    with demo_db.write() as session:
        respond(
            session,
            field,
            Answer(
                second_id, accept=False, reason="no_budget", text="予算は来年度", return_to="queue"
            ),
            T0,
        )
    with demo_db.read() as session:
        lead = session.get(Lead, second_lead)
        assert lead is not None and lead.stage == "working"
        handoff = session.get(Handoff, second_id)
        assert handoff is not None
        assert (handoff.status, handoff.response_code, handoff.returned_to) == (
            "rejected",
            "no_budget",
            "queue",
        )
        assert handoff.response_reason == "予算は来年度"
        assert second_lead in queue_ids(session, QueueQuery(owner=ANY_OWNER))


def test_a_rejected_lead_can_go_back_to_nurture(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    field = uid(demo_db, "daisuke.watanabe")
    lead_id = qualified_lead(demo_db, misaki)
    handoff_id = _promote(demo_db, misaki, lead_id, field).handoff_id  # type: ignore[attr-defined]
    with demo_db.write() as session:
        respond(
            session,
            field,
            Answer(handoff_id, accept=False, reason="timing", return_to="nurture"),
            T0,
        )
    with demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.stage == "recycled" and lead.recycle_reason == "timing"


def test_overdue_answers_are_listed_for_the_team_lead(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    field = uid(demo_db, "daisuke.watanabe")
    handoff_id = _promote(demo_db, misaki, qualified_lead(demo_db, misaki), field).handoff_id  # type: ignore[attr-defined]
    with demo_db.read() as session:
        assert handoff_id not in [h.id for h in overdue(session, T0)]
        late = T0 + timedelta(days=10)
        rows = overdue(session, late)
        assert handoff_id in [h.id for h in rows]
        assert all(h.overdue(late) for h in rows)
        assert overdue_count(session, late) == len(rows)


def test_routing_rules_then_round_robin_never_an_inactive_rep(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    tanaka = uid(demo_db, "naoki.tanaka")
    watanabe = uid(demo_db, "daisuke.watanabe")
    yamamoto = uid(demo_db, "sakura.yamamoto")
    lead_id = qualified_lead(demo_db, misaki)
    with demo_db.read() as session:
        account = session.scalars(
            select(Account).join(Lead, Lead.account_id == Account.id).where(Lead.id == lead_id)
        ).one()
        region = account.region
    with demo_db.write() as session:
        team_id = session.get(User, tanaka).team_id  # type: ignore[union-attr]
        update_settings(
            session,
            tanaka,
            team_id,  # type: ignore[arg-type]
            {"routing": [{"regions": [region], "field_reps": [yamamoto, watanabe]}]},
            T0,
        )
    with demo_db.read() as session:
        first = suggest_field_rep(session, lead_id)
    assert first.rule == 1 and first.field_rep_id in (yamamoto, watanabe)
    assert first.choices[0].id == first.field_rep_id
    _promote(demo_db, misaki, lead_id, first.field_rep_id)  # type: ignore[arg-type]
    second_lead = qualified_lead(demo_db, misaki)
    with demo_db.read() as session:
        region_matches = (
            session.scalars(
                select(Account.region)
                .join(Lead, Lead.account_id == Account.id)
                .where(Lead.id == second_lead)
            ).one()
            == region
        )
        second = suggest_field_rep(session, second_lead)
    if region_matches:
        assert second.field_rep_id != first.field_rep_id  # taken in turn
    with demo_db.write() as session:
        user = session.get(User, yamamoto)
        assert user is not None
        user.active = False
    with demo_db.read() as session:
        assert suggest_field_rep(session, lead_id).field_rep_id != yamamoto
        assert yamamoto not in [c.id for c in suggest_field_rep(session, lead_id).choices]


def test_routing_rules_are_checked_when_saved(demo_db: Database) -> None:
    tanaka = uid(demo_db, "naoki.tanaka")
    with demo_db.write() as session:
        team_id = session.get(User, tanaka).team_id  # type: ignore[union-attr]
    for bad, key in (
        ([{"regions": ["atlantis"], "field_reps": [1]}], "team.routing_value_unknown"),
        ([{"regions": ["kanto"]}], "team.routing_no_field_reps"),
        ([{"colour": "blue", "field_reps": [1]}], "team.routing_key_unknown"),
        ([{"regions": ["kanto"], "field_reps": [tanaka]}], "team.routing_not_field_rep"),
    ):
        with demo_db.write() as session, pytest.raises(InvalidInput) as refused:
            update_settings(session, tanaka, team_id, {"routing": bad}, T0)  # type: ignore[arg-type]
        assert refused.value.key == key


def test_one_criterion_away_in_sql_agrees_with_the_checklist(demo_db: Database) -> None:
    query = QueueQuery(
        owner=ANY_OWNER,
        meetings=ANY_MEETING,
        meetings_as_of=T0,
        qualification=ONE_AWAY,
        qualification_as_of=T0,
    )
    misaki = uid(demo_db, "misaki.sato")
    lead_id = _near(demo_db, misaki)
    log(demo_db, misaki, draft(lead_id, "connected", bant=GOOD_BANT))
    with demo_db.read() as session:
        checked = checklist(session, lead_id, T0)
        assert checked.missing == 1  # only the meeting is missing
        ids = queue_ids(session, query)
        assert lead_id in ids
        for other in ids[:40]:
            assert checklist(session, other, T0).missing == 1


def test_a_handoff_that_does_not_exist(demo_db: Database) -> None:
    field = uid(demo_db, "daisuke.watanabe")
    with demo_db.write() as session, pytest.raises(NotFound):
        respond(session, field, Answer(10**9, accept=True), T0)


def test_a_stale_form_markup_and_nul_bytes(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    field = uid(demo_db, "daisuke.watanabe")
    lead_id = qualified_lead(demo_db, misaki)
    with demo_db.read() as session:
        seen = session.get(Lead, lead_id).version  # type: ignore[union-attr]
    # Someone logs a call meanwhile: the dialog opened before it is refused, nothing written.
    log(demo_db, misaki, draft(lead_id, "connected", at=T0 + timedelta(minutes=1)))
    with pytest.raises(ConcurrentChange):
        _promote(demo_db, misaki, lead_id, field, seen_version=seen)
    for text, key in (("a\x00b", "note"), ("<b>\x00</b>", "override_reason")):
        with pytest.raises(InvalidInput) as refused:
            _promote(demo_db, misaki, lead_id, field, **{key: text})
        assert refused.value.params["field"] == ("handoff_note" if key == "note" else key)
    assert _count_for(demo_db, lead_id) == 0
    # Markup is kept as the text it is.
    note = "<img src=x onerror=alert(1)> 決裁者同席"
    promoted = _promote(demo_db, misaki, lead_id, field, note=note)
    with demo_db.read() as session:
        handoff = session.get(Handoff, promoted.handoff_id)  # type: ignore[attr-defined]
        assert handoff is not None and handoff.note == note


def _count_for(db: Database, lead_id: int) -> int:
    with db.read() as session:
        return len(lead_handoffs(session, lead_id))
