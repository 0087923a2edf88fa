"""models/calls.py and models/follow_ups.py on both databases, on the demo data set.

The demo data (300 leads, seed 7) is generated at ``NOW`` (Friday 2026-11-20, 12:00 in
Tokyo) once per backend and cloned for each test that writes, so every test starts
from the same data as ``demo_db`` without paying for the generation again. Leads are
chosen by what they are (stage, owner, why now), never by a hard-coded id, and every
expectation comes from the domain rules, not from the code under test.

A refused action is run inside a write transaction that then *commits*: if the use case
had written anything before refusing, it would land, and the row counts would show it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from models.core.entities import (
    Account,
    AuditEntry,
    Call,
    Lead,
    QualificationAnswer,
    StageChange,
    Team,
)
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.db.database import Database
from models.definitions import versions
from models.leads.bant import current_answers
from models.leads.calls import (
    BantAnswer,
    CallDraft,
    CallLogged,
    NextStep,
    correct_call,
    lead_calls,
    log_call,
)
from models.leads.follow_ups import due_callbacks, overdue_count, should_suggest_recycle, tick
from models.leads.queue import (
    ANY_OWNER,
    NO_OWNER,
    QueueQuery,
    SortKey,
    queue_ids,
    queue_page,
    queue_rows,
)
from models.scoring.rescore import refresh_due
from models.teams.rules import team_settings_for
from models.teams.settings import TeamSettings
from models.teams.users import user_by_email
from tests.conftest import NOW
from tests.write_checks import counts, lead_row, refused

T0 = NOW + timedelta(minutes=5)
ACTIVE = ("new", "working")
CALM = ("new", "fresh", "score")  # no hot signal, no due callback, not resting


# -- Helpers ------------------------------------------------------------------------------
def uid(db: Database, local: str) -> int:
    with db.read() as session:
        return user_by_email(session, f"{local}@baton.example").id


def pick(db: Database, *where: ColumnElement[bool], order: Any = Lead.id) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(Lead.id).where(*where).order_by(order, Lead.id)))


def callable_lead(db: Database, owner: int | None, *where: ColumnElement[bool]) -> int:
    """The first active, callable lead of ``owner`` with nothing urgent on it."""
    owned = Lead.owner_id.is_(None) if owner is None else Lead.owner_id == owner
    ids = pick(
        db,
        owned,
        Lead.stage.in_(ACTIVE),
        Lead.do_not_call.is_(False),
        Lead.why_now.in_(CALM),
        Lead.next_callback_at.is_(None),
        *where,
    )
    assert ids, "the demo data has such a lead"
    return ids[0]


def draft(lead_id: int, outcome: str = "no_answer", at: datetime = T0, **kw: Any) -> CallDraft:
    return CallDraft(lead_id=lead_id, outcome=outcome, started_at=at, **kw)


def log(db: Database, user_id: int, call: CallDraft, now: datetime = T0) -> CallLogged:
    with db.write() as session:
        return log_call(session, user_id, call, now)


def call_row(db: Database, call_id: int) -> Call:
    with db.read() as session:
        call = session.get(Call, call_id)
        assert call is not None
        return call


def audits(db: Database, action: str, entity_id: int) -> list[AuditEntry]:
    with db.read() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == action, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.id)
            )
        )


def stage_changes(db: Database, lead_id: int) -> list[StageChange]:
    with db.read() as session:
        return list(
            session.scalars(
                select(StageChange).where(StageChange.lead_id == lead_id).order_by(StageChange.id)
            )
        )


def priority_config(db: Database) -> Any:
    with db.read() as session:
        return versions.active(session).scoring.priority


# -- The first call ---------------------------------------------------------------------
def test_first_call_in_time_moves_a_new_lead_to_working(demo_db: Database) -> None:
    # Demo leads that arrived minutes before NOW: their speed-to-lead clock is running.
    running = pick(demo_db, Lead.stage == "new", Lead.sla_met.is_(None), Lead.owner_id.is_not(None))
    assert running
    lead_id = running[0]
    before = lead_row(demo_db, lead_id)
    assert before["sla_due_at"] > NOW
    owner = before["owner_id"]
    now = NOW + timedelta(minutes=1)
    assert now < before["sla_due_at"]
    result = log(demo_db, owner, draft(lead_id, "connected", at=now, duration_seconds=300), now)

    after = lead_row(demo_db, lead_id)
    assert result.lead_id == lead_id
    assert result.changes.lead_ids == frozenset({lead_id})
    assert result.changes.queue
    assert after["stage"] == "working"
    assert after["stage_changed_at"] == now
    assert after["call_attempts"] == 1
    assert after["first_call_at"] == after["last_call_at"] == now
    assert after["sla_met"] is True
    assert after["unanswered_streak"] == 0
    assert after["owner_id"] == owner

    moves = stage_changes(demo_db, lead_id)
    assert [(s.from_stage, s.to_stage) for s in moves][-1] == ("new", "working")
    assert moves[-1].changed_by == owner
    assert moves[-1].changed_at == now

    call = call_row(demo_db, result.call_id)
    assert (call.lead_id, call.user_id, call.outcome) == (lead_id, owner, "connected")
    assert (call.started_at, call.duration_seconds, call.created_at) == (now, 300, now)
    assert call.superseded is False
    assert call.supersedes_id is None

    (entry,) = audits(demo_db, "call_logged", lead_id)
    assert (entry.entity, entry.user_id, entry.at) == ("lead", owner, now)
    assert entry.before is not None
    assert entry.after is not None
    assert entry.before["stage"] == "new"
    assert entry.before["call_attempts"] == 0
    assert entry.before["sla_met"] is None
    assert entry.after["stage"] == "working"
    assert entry.after["call_attempts"] == 1
    assert entry.after["sla_met"] is True
    assert entry.after["call_id"] == result.call_id

    # The priority was recomputed at the call: the new-lead boost is gone and nothing
    # else is urgent, so the score alone orders it.
    assert before["why_now"] in ("new", "fresh")
    assert after["scored_at"] == now
    assert after["why_now"] == "score"
    assert after["priority"] == pytest.approx(after["score"])
    assert after["priority"] < before["priority"]


def test_first_call_after_the_deadline_misses_the_target(demo_db: Database) -> None:
    running = pick(demo_db, Lead.stage == "new", Lead.sla_met.is_(None), Lead.owner_id.is_not(None))
    lead_id = running[-1]
    before = lead_row(demo_db, lead_id)
    late = before["sla_due_at"] + timedelta(minutes=1)
    log(demo_db, before["owner_id"], draft(lead_id, "no_answer", at=late), late)
    after = lead_row(demo_db, lead_id)
    assert after["sla_met"] is False
    assert after["first_call_at"] == late
    assert after["stage"] == "working"
    (entry,) = audits(demo_db, "call_logged", lead_id)
    assert entry.after is not None
    assert entry.after["sla_met"] is False


def test_a_later_call_does_not_change_speed_to_lead(demo_db: Database) -> None:
    running = pick(demo_db, Lead.stage == "new", Lead.sla_met.is_(None), Lead.owner_id.is_not(None))
    lead_id = running[0]
    owner = lead_row(demo_db, lead_id)["owner_id"]
    first = NOW + timedelta(minutes=1)
    log(demo_db, owner, draft(lead_id, "no_answer", at=first), first)
    later = NOW + timedelta(hours=3)
    log(demo_db, owner, draft(lead_id, "voicemail", at=later), later)
    after = lead_row(demo_db, lead_id)
    assert after["sla_met"] is True
    assert (after["first_call_at"], after["last_call_at"]) == (first, later)
    assert after["call_attempts"] == 2
    # Only one stage change: the lead was already working at the second call.
    assert [(s.from_stage, s.to_stage) for s in stage_changes(demo_db, lead_id)][-2:] == [
        (None, "new"),
        ("new", "working"),
    ]


# -- Unanswered attempts and spacing ----------------------------------------------------
def test_unanswered_attempts_rest_the_lead_until_spacing_passes(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    cfg = priority_config(demo_db)
    lead_id = callable_lead(demo_db, misaki, Lead.unanswered_streak == 0, Lead.stage == "working")
    before = lead_row(demo_db, lead_id)
    queue = QueueQuery(owner=misaki)
    with demo_db.read() as session:
        rank_before = queue_ids(session, queue).index(lead_id)

    log(demo_db, misaki, draft(lead_id, "no_answer"), T0)
    rested = lead_row(demo_db, lead_id)
    assert rested["unanswered_streak"] == 1
    assert rested["call_attempts"] == before["call_attempts"] + 1
    assert rested["why_now"] == "resting"
    assert rested["priority"] == pytest.approx(rested["score"] - cfg.resting_penalty)
    assert rested["priority"] < before["priority"]
    rest_until = T0 + timedelta(hours=cfg.spacing_hours)
    assert rested["priority_until"] == rest_until
    with demo_db.read() as session:
        assert queue_ids(session, queue).index(lead_id) > rank_before

    # A second unanswered attempt an hour later: the rest grows with the streak.
    second = T0 + timedelta(hours=1)
    log(demo_db, misaki, draft(lead_id, "voicemail", at=second), second)
    rested = lead_row(demo_db, lead_id)
    assert rested["unanswered_streak"] == 2
    assert rested["why_now"] == "resting"
    rest_until = second + timedelta(hours=2 * cfg.spacing_hours)
    assert rested["priority_until"] == rest_until

    # The minute tick before the rest is over changes nothing; after it, the lead is back.
    with demo_db.write() as session:
        early = tick(session, rest_until - timedelta(minutes=1))
    assert lead_id not in early.lead_ids
    assert lead_row(demo_db, lead_id)["why_now"] == "resting"
    with demo_db.write() as session:
        changes = tick(session, rest_until + timedelta(minutes=1))
    assert lead_id in changes.lead_ids
    assert changes.queue
    back = lead_row(demo_db, lead_id)
    assert back["why_now"] == "score"
    assert back["priority"] == pytest.approx(back["score"])
    assert back["unanswered_streak"] == 2  # the streak stays; only the rest is over


def test_each_unanswered_outcome_counts_and_the_rest_is_capped(demo_db: Database) -> None:
    shota = uid(demo_db, "shota.suzuki")
    cfg = priority_config(demo_db)
    lead_id = callable_lead(demo_db, shota, Lead.unanswered_streak == 0)
    at = T0
    outcomes = ["no_answer", "voicemail", "busy", "gatekeeper"] * 6
    for n, outcome in enumerate(outcomes, start=1):
        at = T0 + timedelta(minutes=n)
        log(demo_db, shota, draft(lead_id, outcome, at=at), at)
        assert lead_row(demo_db, lead_id)["unanswered_streak"] == n
    rested = lead_row(demo_db, lead_id)
    assert rested["why_now"] == "resting"
    hours = min(cfg.spacing_hours * len(outcomes), cfg.spacing_max_hours)
    assert rested["priority_until"] == at + timedelta(hours=hours)
    with demo_db.write() as session:
        changes = refresh_due(session, at + timedelta(hours=hours, seconds=1))
    assert lead_id in changes.lead_ids
    assert lead_row(demo_db, lead_id)["why_now"] == "score"


def test_a_conversation_resets_the_unanswered_streak(demo_db: Database) -> None:
    yumi = uid(demo_db, "yumi.takahashi")
    lead_id = callable_lead(demo_db, yumi, Lead.stage == "working")
    log(demo_db, yumi, draft(lead_id, "no_answer", at=T0), T0)
    log(
        demo_db,
        yumi,
        draft(lead_id, "busy", at=T0 + timedelta(minutes=1)),
        T0 + timedelta(minutes=1),
    )
    assert lead_row(demo_db, lead_id)["unanswered_streak"] >= 2
    talk = T0 + timedelta(minutes=2)
    log(demo_db, yumi, draft(lead_id, "connected", at=talk, temperature="warm"), talk)
    after = lead_row(demo_db, lead_id)
    assert after["unanswered_streak"] == 0
    assert after["why_now"] == "score"
    assert after["temperature"] == "warm"
    assert after["last_call_at"] == talk


# -- Callbacks ------------------------------------------------------------------------------
def test_a_due_callback_rises_to_the_top_of_its_owners_queue(demo_db: Database) -> None:
    callback = T0 + timedelta(hours=2)
    due_at = callback + timedelta(minutes=1)
    # A rep with no other callback due by then, and their least urgent lead.
    with demo_db.read() as session:
        reps = [
            user_by_email(session, f"{local}@baton.example").id
            for local in ("misaki.sato", "shota.suzuki", "yumi.takahashi", "emily.carter")
        ]
        rep = next(r for r in reps if not due_callbacks(session, due_at, owner_id=r))
        rows = queue_rows(session, queue_ids(session, QueueQuery(owner=rep)))
        lead_id = next(r.id for r in reversed(rows) if r.next_callback_at is None)
    before = lead_row(demo_db, lead_id)
    assert before["next_callback_at"] is None

    result = log(
        demo_db,
        rep,
        draft(
            lead_id,
            "callback_requested",
            notes="来週火曜の午後に折り返し希望",
            next_step=NextStep.CALLBACK,
            callback_at=callback,
        ),
        T0,
    )
    call = call_row(demo_db, result.call_id)
    assert (call.next_step, call.callback_at, call.meeting_at) == ("callback", callback, None)
    assert call.notes == "来週火曜の午後に折り返し希望"
    waiting = lead_row(demo_db, lead_id)
    assert waiting["next_callback_at"] == callback
    assert waiting["why_now"] != "callback_due"
    assert waiting["priority_until"] is not None
    assert waiting["priority_until"] <= callback
    with demo_db.read() as session:
        assert lead_id not in [d.lead_id for d in due_callbacks(session, T0)]
        assert overdue_count(session, T0, owner_id=rep) == 0

    with demo_db.write() as session:
        changes = tick(session, due_at)
    assert lead_id in changes.lead_ids
    due = lead_row(demo_db, lead_id)
    assert due["why_now"] == "callback_due"
    with demo_db.read() as session:
        top = queue_page(session, QueueQuery(owner=rep), limit=3)
        assert top[0].id == lead_id
        assert top[0].next_callback_at == callback
        (mine,) = due_callbacks(session, due_at, owner_id=rep)
        assert (mine.lead_id, mine.callback_at, mine.owner_id) == (lead_id, callback, rep)
        assert overdue_count(session, due_at, owner_id=rep) == 1

    # Calling back clears the promise.
    later = due_at + timedelta(minutes=5)
    log(demo_db, rep, draft(lead_id, "connected", at=later), later)
    assert lead_row(demo_db, lead_id)["next_callback_at"] is None
    assert lead_row(demo_db, lead_id)["why_now"] != "callback_due"


def test_a_meeting_is_recorded_on_the_lead(demo_db: Database) -> None:
    emily = uid(demo_db, "emily.carter")
    lead_id = callable_lead(demo_db, emily)
    meeting = NOW + timedelta(days=4, hours=1)
    result = log(
        demo_db,
        emily,
        draft(lead_id, "meeting_booked", next_step=NextStep.MEETING, meeting_at=meeting),
    )
    call = call_row(demo_db, result.call_id)
    assert (call.next_step, call.meeting_at, call.callback_at) == ("meeting", meeting, None)
    after = lead_row(demo_db, lead_id)
    assert after["next_meeting_at"] == meeting
    assert after["next_callback_at"] is None


def test_due_callbacks_and_overdue_counts_match_the_leads(demo_db: Database) -> None:
    with demo_db.read() as session:
        rows = session.execute(
            select(
                Lead.id,
                Lead.next_callback_at,
                Lead.owner_id,
                Lead.stage,
                Lead.do_not_call,
                Lead.name,
                Lead.phone,
                Account.name.label("company"),
            ).join(Account, Account.id == Lead.account_id)
        ).all()
        owners = sorted({r.owner_id for r in rows if r.owner_id is not None})
        for moment in (
            NOW - timedelta(days=2),
            NOW,
            NOW + timedelta(days=1),
            NOW + timedelta(days=5),
        ):
            expected = sorted(
                (
                    r
                    for r in rows
                    if r.next_callback_at is not None
                    and r.next_callback_at <= moment
                    and r.stage in ACTIVE
                    and not r.do_not_call
                ),
                key=lambda r: (r.next_callback_at, r.id),
            )
            got = due_callbacks(session, moment)
            assert [d.lead_id for d in got] == [r.id for r in expected]
            assert [(d.name, d.company, d.phone, d.callback_at) for d in got] == [
                (r.name, r.company, r.phone, r.next_callback_at) for r in expected
            ]
            assert overdue_count(session, moment) == len(expected)
            for owner in owners:
                mine = [r.id for r in expected if r.owner_id == owner]
                assert [d.lead_id for d in due_callbacks(session, moment, owner_id=owner)] == mine
                assert overdue_count(session, moment, owner_id=owner) == len(mine)
        # The data set has callbacks both overdue at NOW and still to come.
        assert overdue_count(session, NOW) > 0
        assert overdue_count(session, NOW + timedelta(days=5)) > overdue_count(session, NOW)


# -- BANT ---------------------------------------------------------------------------------
def test_only_moved_answers_are_recorded_and_history_is_kept(demo_db: Database) -> None:
    ken = uid(demo_db, "ken.ito")
    lead_id = callable_lead(demo_db, ken, Lead.stage == "new")
    with demo_db.read() as session:
        assert all(q.value == "unknown" for q in current_answers(session, lead_id).values())

    def answers(n: int, bant: dict[str, BantAnswer]) -> CallLogged:
        at = T0 + timedelta(hours=n)
        return log(demo_db, ken, draft(lead_id, "connected", at=at, bant=bant), at)

    first = answers(
        0,
        {
            "budget": BantAnswer("planned", "  「下期に予算化予定」 "),
            "need": BantAnswer("explicit", "手作業の集計に毎月2日"),
            "timeline": BantAnswer("unknown"),  # what was already known is not recorded again
        },
    )
    # The same answers again, plus one that moved: only the new one lands.
    second = answers(
        1,
        {
            "budget": BantAnswer("planned", "「下期に予算化予定」"),
            "need": BantAnswer("explicit", "手作業の集計に毎月2日"),
            "authority": BantAnswer("influencer"),
        },
    )
    third = answers(2, {"budget": BantAnswer("allocated", "予算承認済み")})
    fourth = answers(3, {"budget": BantAnswer("none", "凍結")})
    # Same value, new evidence: the evidence moved, so it is recorded.
    fifth = answers(4, {"need": BantAnswer("explicit", "部長も課題と認識")})

    with demo_db.read() as session:
        rows = session.execute(
            select(
                QualificationAnswer.field,
                QualificationAnswer.value,
                QualificationAnswer.evidence,
                QualificationAnswer.call_id,
                QualificationAnswer.recorded_by,
                QualificationAnswer.recorded_at,
            )
            .where(QualificationAnswer.lead_id == lead_id)
            .order_by(QualificationAnswer.id)
        ).all()
        current = current_answers(session, lead_id)
    assert [(r.field, r.value, r.evidence, r.call_id) for r in rows] == [
        ("budget", "planned", "「下期に予算化予定」", first.call_id),
        ("need", "explicit", "手作業の集計に毎月2日", first.call_id),
        ("authority", "influencer", None, second.call_id),
        ("budget", "allocated", "予算承認済み", third.call_id),
        ("budget", "none", "凍結", fourth.call_id),
        ("need", "explicit", "部長も課題と認識", fifth.call_id),
    ]
    assert {r.recorded_by for r in rows} == {ken}
    assert rows[0].recorded_at == T0
    assert current["budget"].value == "none"
    assert current["budget"].evidence == "凍結"
    assert current["budget"].recorded_at == T0 + timedelta(hours=3)
    assert (current["need"].value, current["need"].evidence) == ("explicit", "部長も課題と認識")
    assert current["authority"].value == "influencer"
    assert (current["timeline"].value, current["timeline"].recorded_at) == ("unknown", None)


# -- Refused calls ----------------------------------------------------------------------------
def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


INVALID: list[tuple[str, dict[str, Any], str]] = [
    ("unknown-outcome", {"outcome": "answered"}, "outcome"),
    ("empty-outcome", {"outcome": ""}, "outcome"),
    ("naive-start", {"started_at": _naive(T0)}, "started_at"),
    ("start-in-future", {"started_at": T0 + timedelta(minutes=30)}, "started_at"),
    ("negative-duration", {"duration_seconds": -1}, "duration"),
    ("unknown-temperature", {"temperature": "lukewarm"}, "temperature"),
    ("notes-too-long", {"notes": "あ" * 20_001}, "notes"),
    ("unknown-next-step", {"next_step": "email"}, "next_step"),
    (
        "callback-in-past",
        {"next_step": "callback", "callback_at": T0 - timedelta(minutes=1)},
        "callback_at",
    ),
    ("callback-now", {"next_step": "callback", "callback_at": T0}, "callback_at"),
    ("callback-without-time", {"next_step": "callback"}, "callback_at"),
    (
        "naive-callback",
        {"next_step": "callback", "callback_at": _naive(T0 + timedelta(days=1))},
        "callback_at",
    ),
    ("meeting-booked-without-time", {"outcome": "meeting_booked"}, "meeting_at"),
    (
        "meeting-booked-without-step",
        {"outcome": "meeting_booked", "meeting_at": T0 + timedelta(days=2)},
        "meeting_at",
    ),
    ("meeting-without-time", {"next_step": "meeting"}, "meeting_at"),
    (
        "naive-meeting",
        {
            "outcome": "meeting_booked",
            "next_step": "meeting",
            "meeting_at": _naive(T0 + timedelta(days=2)),
        },
        "meeting_at",
    ),
    # Longer than a day; this many seconds would not even fit the INTEGER column.
    ("duration-past-a-day", {"duration_seconds": 2**40}, "duration"),
    ("unknown-bant-field", {"bant": {"budgetz": BantAnswer("planned")}}, "bant"),
    ("unknown-bant-value", {"bant": {"budget": BantAnswer("lots")}}, "bant.budget"),
    (
        "bant-evidence-too-long",
        {"bant": {"need": BantAnswer("explicit", "x" * 2_001)}},
        "bant.need",
    ),
]


@pytest.mark.parametrize(("case", "fields", "field"), INVALID, ids=[c[0] for c in INVALID])
def test_invalid_calls_are_refused_naming_the_field_and_write_nothing(
    shared_db: Database, case: str, fields: dict[str, Any], field: str
) -> None:
    misaki = uid(shared_db, "misaki.sato")
    lead_id = callable_lead(shared_db, misaki, Lead.stage == "new")
    call = replace(
        draft(lead_id, fields.get("outcome", "connected")),
        **{k: v for k, v in fields.items() if k != "outcome"},
    )
    error = refused(shared_db, [lead_id], InvalidInput, lambda s: log_call(s, misaki, call, T0))
    assert error.params["field"] == field, case
    assert str(error)


def test_an_unknown_lead_or_user_is_not_found(shared_db: Database) -> None:
    misaki = uid(shared_db, "misaki.sato")
    lead_id = callable_lead(shared_db, misaki)
    error = refused(
        shared_db, [lead_id], NotFound, lambda s: log_call(s, misaki, draft(999_999), T0)
    )
    assert error.params["lead_id"] == 999_999
    refused(shared_db, [lead_id], NotFound, lambda s: log_call(s, 999_999, draft(lead_id), T0))


# -- Permissions ------------------------------------------------------------------------------
def test_a_rep_cannot_call_another_reps_lead(shared_db: Database) -> None:
    misaki, shota = uid(shared_db, "misaki.sato"), uid(shared_db, "shota.suzuki")
    lead_id = callable_lead(shared_db, shota)
    error = refused(
        shared_db, [lead_id], PermissionDenied, lambda s: log_call(s, misaki, draft(lead_id), T0)
    )
    assert error.key == "lead.of_another_rep"
    assert error.params["lead_id"] == lead_id


@pytest.mark.parametrize(
    "local", ["daisuke.watanabe", "ai.nakamura"], ids=["field-rep", "marketing"]
)
def test_field_sales_and_marketing_cannot_log_calls(shared_db: Database, local: str) -> None:
    user = uid(shared_db, local)
    owned = callable_lead(shared_db, uid(shared_db, "misaki.sato"))
    unassigned = callable_lead(shared_db, None)
    for lead_id in (owned, unassigned):
        refused(
            shared_db,
            [lead_id],
            PermissionDenied,
            lambda s, lead_id=lead_id: log_call(s, user, draft(lead_id), T0),
        )


def test_a_team_lead_or_admin_can_call_any_lead_without_taking_it(demo_db: Database) -> None:
    shota = uid(demo_db, "shota.suzuki")
    for local in ("naoki.tanaka", "makoto.kobayashi"):
        supervisor = uid(demo_db, local)
        lead_id = callable_lead(demo_db, shota, Lead.call_attempts == 0)
        result = log(demo_db, supervisor, draft(lead_id, "connected"))
        assert call_row(demo_db, result.call_id).user_id == supervisor
        after = lead_row(demo_db, lead_id)
        assert after["owner_id"] == shota
        assert after["call_attempts"] == 1
    unassigned = callable_lead(demo_db, None)
    log(demo_db, uid(demo_db, "naoki.tanaka"), draft(unassigned, "no_answer"))
    assert lead_row(demo_db, unassigned)["owner_id"] is None


def test_calling_an_unassigned_lead_claims_it_for_the_rep(demo_db: Database) -> None:
    emily = uid(demo_db, "emily.carter")
    lead_id = callable_lead(demo_db, None)
    with demo_db.read() as session:
        assert lead_id in queue_ids(session, QueueQuery(owner=NO_OWNER))
    result = log(demo_db, emily, draft(lead_id, "no_answer"))
    after = lead_row(demo_db, lead_id)
    assert after["owner_id"] == emily
    assert call_row(demo_db, result.call_id).user_id == emily
    with demo_db.read() as session:
        assert lead_id not in queue_ids(session, QueueQuery(owner=NO_OWNER))
        assert lead_id in queue_ids(session, QueueQuery(owner=emily))
    # Now it is Emily's: another rep is refused.
    refused(
        demo_db,
        [lead_id],
        PermissionDenied,
        lambda s: log_call(s, uid(demo_db, "ken.ito"), draft(lead_id), T0),
    )


def test_a_do_not_call_lead_refuses_calls(shared_db: Database) -> None:
    flagged = pick(shared_db, Lead.do_not_call.is_(True), Lead.stage.in_(ACTIVE))
    assert flagged, "the demo data has a do-not-call lead"
    supervisor = uid(shared_db, "naoki.tanaka")
    error = refused(
        shared_db,
        flagged[:1],
        PermissionDenied,
        lambda s: log_call(s, supervisor, draft(flagged[0], "connected"), T0),
    )
    assert error.key == "lead.do_not_call"


def test_leads_out_of_the_queue_refuse_calls(shared_db: Database) -> None:
    supervisor = uid(shared_db, "naoki.tanaka")
    for stage in ("promoted", "recycled", "disqualified"):
        lead_id = pick(shared_db, Lead.stage == stage, Lead.do_not_call.is_(False))[0]
        error = refused(
            shared_db,
            [lead_id],
            InvalidInput,
            lambda s, lead_id=lead_id: log_call(s, supervisor, draft(lead_id), T0),
        )
        assert error.params["field"] == "stage"


def _every_filter(session: Session, lead: dict[str, Any], industry: str | None) -> list[QueueQuery]:
    queries = [
        QueueQuery(),
        QueueQuery(stages=()),
        QueueQuery(stages=(lead["stage"],)),
        QueueQuery(stages=("new", "working", "promoted", "recycled", "disqualified")),
        QueueQuery(owner=ANY_OWNER, stages=()),
        QueueQuery(owner=NO_OWNER, stages=()),
        QueueQuery(owner=lead["owner_id"], stages=()),
        QueueQuery(stages=(), grades=(lead["grade"],)),
        QueueQuery(stages=(), text=lead["name"]),
        QueueQuery(stages=(), callbacks_due_by=NOW + timedelta(days=3650)),
    ]
    if industry:
        queries.append(QueueQuery(stages=(), industries=(industry,)))
    return [replace(q, sort=sort) for q in queries for sort in (SortKey.PRIORITY, SortKey.NAME)]


def test_outcome_do_not_call_flags_the_lead_and_it_leaves_every_queue(demo_db: Database) -> None:
    ken = uid(demo_db, "ken.ito")
    lead_id = callable_lead(demo_db, ken, Lead.stage == "working")
    lead = lead_row(demo_db, lead_id)
    with demo_db.read() as session:
        industry = session.scalar(select(Account.industry).where(Account.id == lead["account_id"]))
        assert lead_id in queue_ids(session, QueueQuery(stages=(), text=lead["name"]))
    log(demo_db, ken, draft(lead_id, "do_not_call", notes="二度と電話しないでほしいとのこと"))
    after = lead_row(demo_db, lead_id)
    assert after["do_not_call"] is True
    (entry,) = audits(demo_db, "call_logged", lead_id)
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["do_not_call"], entry.after["do_not_call"]) == (False, True)
    with demo_db.read() as session:
        for query in _every_filter(session, after, industry):
            assert lead_id not in queue_ids(session, query), query
            assert lead_id not in [r.id for r in queue_page(session, query, limit=1_000)], query
    refused(demo_db, [lead_id], PermissionDenied, lambda s: log_call(s, ken, draft(lead_id), T0))


# -- Corrections ----------------------------------------------------------------------------
def test_the_author_corrects_a_call_which_is_superseded_not_deleted(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = callable_lead(demo_db, misaki, Lead.stage == "new")
    mistaken = log(demo_db, misaki, draft(lead_id, "no_answer", notes="不在"))
    rested = lead_row(demo_db, lead_id)
    assert (rested["unanswered_streak"], rested["why_now"]) == (1, "resting")
    calls_before = counts(demo_db)["Call"]

    fixed_at = T0 + timedelta(minutes=10)
    fixed = draft(
        lead_id,
        "connected",
        notes="実際は担当者と話せた",
        temperature="hot",
        bant={"need": BantAnswer("explicit", "見積もり依頼あり")},
    )
    with demo_db.write() as session:
        result = correct_call(session, misaki, mistaken.call_id, fixed, fixed_at)
    assert result.lead_id == lead_id
    assert result.call_id != mistaken.call_id
    assert counts(demo_db)["Call"] == calls_before + 1
    old, new = call_row(demo_db, mistaken.call_id), call_row(demo_db, result.call_id)
    assert (old.superseded, old.outcome, old.notes) == (True, "no_answer", "不在")
    assert (new.superseded, new.supersedes_id) == (False, mistaken.call_id)
    assert (new.outcome, new.notes, new.user_id) == ("connected", "実際は担当者と話せた", misaki)
    after = lead_row(demo_db, lead_id)
    assert after["call_attempts"] == 1  # the superseded call no longer counts
    assert after["unanswered_streak"] == 0
    assert after["temperature"] == "hot"
    assert after["why_now"] == "score"
    assert after["scored_at"] == fixed_at
    with demo_db.read() as session:
        assert current_answers(session, lead_id)["need"].value == "explicit"
        timeline = lead_calls(session, lead_id)
    assert {(c.id, c.superseded, c.supersedes_id) for c in timeline} == {
        (mistaken.call_id, True, None),
        (result.call_id, False, mistaken.call_id),
    }
    (entry,) = audits(demo_db, "call_corrected", mistaken.call_id)
    assert (entry.entity, entry.user_id, entry.at) == ("call", misaki, fixed_at)
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["outcome"], entry.after["outcome"]) == ("no_answer", "connected")
    assert entry.after["call_id"] == result.call_id

    # The same call cannot be corrected twice (correct the correction instead).
    error = refused(
        demo_db,
        [lead_id],
        InvalidInput,
        lambda s: correct_call(s, misaki, mistaken.call_id, fixed, fixed_at),
    )
    assert error.params["field"] == "call"


def test_only_the_author_or_a_team_lead_corrects_a_call(demo_db: Database) -> None:
    misaki, shota = uid(demo_db, "misaki.sato"), uid(demo_db, "shota.suzuki")
    naoki = uid(demo_db, "naoki.tanaka")
    lead_id = callable_lead(demo_db, misaki)
    logged = log(demo_db, misaki, draft(lead_id, "busy"))
    fixed = draft(lead_id, "gatekeeper", notes="受付で止められた")
    for other in (shota, uid(demo_db, "ai.nakamura"), uid(demo_db, "daisuke.watanabe")):
        refused(
            demo_db,
            [lead_id],
            PermissionDenied,
            lambda s, other=other: correct_call(s, other, logged.call_id, fixed, T0),
        )
    with demo_db.write() as session:
        result = correct_call(session, naoki, logged.call_id, fixed, T0 + timedelta(minutes=1))
    new = call_row(demo_db, result.call_id)
    assert new.user_id == misaki  # still Misaki's call; the audit says who corrected it
    assert new.outcome == "gatekeeper"
    (entry,) = audits(demo_db, "call_corrected", logged.call_id)
    assert entry.user_id == naoki


def test_refused_corrections_write_nothing(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id, other_lead = pick(
        demo_db,
        Lead.owner_id == misaki,
        Lead.stage.in_(ACTIVE),
        Lead.do_not_call.is_(False),
        Lead.next_callback_at.is_(None),
    )[:2]
    callback = T0 + timedelta(hours=1)
    logged = log(
        demo_db,
        misaki,
        draft(lead_id, "callback_requested", next_step="callback", callback_at=callback),
    )
    later = callback + timedelta(hours=1)
    cases: list[tuple[CallDraft, str]] = [
        (draft(other_lead, "connected"), "lead"),
        (draft(lead_id, "answered"), "outcome"),
        (draft(lead_id, "no_answer", duration_seconds=-5), "duration"),
        # A new callback time that is already past is refused...
        (
            draft(
                lead_id,
                "callback_requested",
                next_step="callback",
                callback_at=later - timedelta(minutes=1),
            ),
            "callback_at",
        ),
    ]
    for fixed, field in cases:
        error = refused(
            demo_db,
            [lead_id, other_lead],
            InvalidInput,
            lambda s, fixed=fixed: correct_call(s, misaki, logged.call_id, fixed, later),
        )
        assert error.params["field"] == field
    refused(
        demo_db,
        [lead_id],
        NotFound,
        lambda s: correct_call(s, misaki, 999_999, draft(lead_id), later),
    )
    # ...but keeping the callback it already had is not new input, even though it is past.
    same = draft(
        lead_id,
        "callback_requested",
        notes="メモを追記",
        next_step="callback",
        callback_at=callback,
    )
    with demo_db.write() as session:
        result = correct_call(session, misaki, logged.call_id, same, later)
    assert call_row(demo_db, result.call_id).callback_at == callback
    assert lead_row(demo_db, lead_id)["next_callback_at"] == callback


# -- When to give up ---------------------------------------------------------------------
def test_recycling_is_suggested_after_the_teams_unanswered_limit(demo_db: Database) -> None:
    ken = uid(demo_db, "ken.ito")
    lead_id = callable_lead(demo_db, ken, Lead.stage == "new")
    with demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        rules = team_settings_for(session, lead)
        team = session.scalars(select(Team)).first()
        assert team is not None
        assert rules == TeamSettings.from_dict(team.settings)
    assert (rules.max_unanswered, rules.period_days) == (6, 14)

    def suggested(now: datetime, settings: TeamSettings = rules) -> bool:
        with demo_db.read() as session:
            return should_suggest_recycle(session, lead_id, settings, now)

    now = T0 + timedelta(days=10)
    attempts = [T0 + timedelta(days=2 * n) for n in range(rules.max_unanswered)]
    logged = []
    for n, at in enumerate(attempts):
        assert not suggested(now), n
        logged.append(log(demo_db, ken, draft(lead_id, "no_answer", at=at), at).call_id)
    assert suggested(now)
    # Attempts older than the period no longer count.
    assert not suggested(attempts[0] + timedelta(days=rules.period_days, seconds=1))
    # A stricter team: three unanswered attempts within four days.
    strict = replace(rules, max_unanswered=3, period_days=4)
    assert suggested(attempts[-1], strict)  # the last three are within four days
    assert not suggested(attempts[-1], replace(strict, period_days=3))
    # A correction that turns an attempt into a conversation takes it out of the count.
    with demo_db.write() as session:
        correct_call(session, ken, logged[-1], draft(lead_id, "connected", at=attempts[-1]), now)
    assert not suggested(now)
    assert lead_row(demo_db, lead_id)["unanswered_streak"] == 0


def test_the_discovery_fields_are_kept_and_read_back_for_a_correction(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = callable_lead(demo_db, misaki)
    logged = log(
        demo_db,
        misaki,
        draft(
            lead_id,
            "connected",
            challenge=" 見積業務の属人化 ",
            competitors="A社クラウド",
            decision_process="部長 → 役員会",
        ),
    )
    with demo_db.read() as session:
        item = next(c for c in lead_calls(session, lead_id) if c.id == logged.call_id)
    assert (item.challenge, item.competitors, item.decision_process) == (
        "見積業務の属人化",
        "A社クラウド",
        "部長 → 役員会",
    )
    with pytest.raises(InvalidInput) as refused:
        log(demo_db, misaki, draft(lead_id, "connected", challenge="bad\x00byte"))
    assert refused.value.params["field"] == "challenge"
