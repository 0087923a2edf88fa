"""models/lead_actions.py on both databases: return to nurture, disqualify, do not call,
and marketing sending a recycled lead again.

Same arrangement as tests/test_calls.py: the demo data set (300 leads, seed 7, at
``NOW``) is generated once per backend and cloned for each test that writes; a refused
action runs in a transaction that commits anyway, so anything it wrote would show.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import AuditEntry, Lead, StageChange, Team
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.db.database import Database
from models.leads.actions import (
    DISQUALIFY_REASONS,
    RECYCLE_REASONS,
    RecycleInput,
    disqualify,
    mark_do_not_call,
    recycle,
    requalify,
)
from models.leads.calls import CallDraft, log_call
from models.leads.follow_ups import due_callbacks, overdue_count, sweep_sla
from models.leads.queue import ANY_OWNER, NO_OWNER, QueueQuery, queue_ids
from models.scoring.sla import deadline
from models.teams.settings import TeamSettings
from models.teams.users import user_by_email
from tests.conftest import NOW
from tests.write_checks import counts, lead_row, refused

T0 = NOW + timedelta(minutes=5)
ACTIVE = ("new", "working")
ALL_STAGES = ("new", "working", "promoted", "recycled", "disqualified")
TOKYO = ZoneInfo("Asia/Tokyo")


# -- Helpers ------------------------------------------------------------------------------
def uid(db: Database, local: str) -> int:
    with db.read() as session:
        return user_by_email(session, f"{local}@baton.example").id


def sender(session: Session) -> int:
    """Marketing sends leads again (the demo's marketing user)."""
    return user_by_email(session, "ai.nakamura@baton.example").id


def pick(db: Database, *where: ColumnElement[bool]) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(Lead.id).where(*where).order_by(Lead.id)))


def active_leads(db: Database, owner: int, *where: ColumnElement[bool]) -> list[int]:
    return pick(
        db, Lead.owner_id == owner, Lead.stage.in_(ACTIVE), Lead.do_not_call.is_(False), *where
    )


def audits(db: Database, action: str, lead_id: int) -> list[AuditEntry]:
    with db.read() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(
                    AuditEntry.action == action,
                    AuditEntry.entity == "lead",
                    AuditEntry.entity_id == lead_id,
                )
                .order_by(AuditEntry.id)
            )
        )


def last_stage_change(db: Database, lead_id: int) -> StageChange:
    with db.read() as session:
        change = session.scalars(
            select(StageChange)
            .where(StageChange.lead_id == lead_id)
            .order_by(StageChange.id.desc())
            .limit(1)
        ).first()
        assert change is not None
        return change


def in_queue(db: Database, lead_id: int, query: QueueQuery) -> bool:
    with db.read() as session:
        return lead_id in queue_ids(session, query)


def team_rules(db: Database) -> TeamSettings:
    with db.read() as session:
        team = session.scalars(select(Team).order_by(Team.id)).first()
        assert team is not None
        return TeamSettings.from_dict(team.settings)


def call(db: Database, user_id: int, lead_id: int, at: datetime, outcome: str = "connected") -> int:
    with db.write() as session:
        draft = CallDraft(lead_id=lead_id, outcome=outcome, started_at=at)
        return log_call(session, user_id, draft, at).call_id


# -- Return to nurture ------------------------------------------------------------------
def test_recycle_with_each_reason(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    leads = active_leads(demo_db, misaki)
    assert len(leads) >= len(RECYCLE_REASONS)
    until = date(2027, 4, 1)
    for n, (lead_id, reason) in enumerate(zip(leads, RECYCLE_REASONS, strict=False)):
        before = lead_row(demo_db, lead_id)
        now = T0 + timedelta(minutes=n)
        note = f"  {reason}: 来期に再検討  "
        assert in_queue(demo_db, lead_id, QueueQuery())
        with demo_db.write() as session:
            changes = recycle(
                session, misaki, RecycleInput(lead_id, reason, until if n % 2 else None, note), now
            )
        assert changes == Changes(lead_ids=frozenset({lead_id}), queue=True)
        after = lead_row(demo_db, lead_id)
        assert after["stage"] == "recycled"
        assert after["recycle_reason"] == reason
        assert after["recycle_until"] == (until if n % 2 else None)
        assert after["recycled_at"] == after["stage_changed_at"] == now
        assert after["next_callback_at"] is None
        assert after["owner_id"] == misaki
        assert after["version"] == before["version"] + 1

        change = last_stage_change(demo_db, lead_id)
        assert (change.from_stage, change.to_stage) == (before["stage"], "recycled")
        assert (change.reason, change.note) == (reason, note.strip())
        assert (change.changed_by, change.changed_at) == (misaki, now)

        (entry,) = audits(demo_db, "recycled", lead_id)
        assert (entry.user_id, entry.at) == (misaki, now)
        assert entry.before is not None
        assert entry.after is not None
        assert entry.before["stage"] == before["stage"]
        assert entry.before["recycle_reason"] is None
        assert entry.after["stage"] == "recycled"
        assert entry.after["recycle_reason"] == reason
        assert entry.after["recycle_until"] == (until.isoformat() if n % 2 else None)
        assert entry.after["note"] == note

        # Out of every working queue, still findable among the recycled leads.
        assert not in_queue(demo_db, lead_id, QueueQuery())
        assert not in_queue(demo_db, lead_id, QueueQuery(owner=misaki))
        assert in_queue(demo_db, lead_id, QueueQuery(stages=("recycled",)))


def test_recycling_drops_a_promised_callback(demo_db: Database) -> None:
    with demo_db.read() as session:
        due = due_callbacks(session, NOW)
    lead_id, owner = due[0].lead_id, due[0].owner_id
    assert owner is not None
    with demo_db.read() as session:
        overdue = overdue_count(session, NOW, owner_id=owner)
    with demo_db.write() as session:
        recycle(session, owner, RecycleInput(lead_id, "unreachable"), T0)
    assert lead_row(demo_db, lead_id)["next_callback_at"] is None
    with demo_db.read() as session:
        assert lead_id not in [d.lead_id for d in due_callbacks(session, T0)]
        assert overdue_count(session, NOW, owner_id=owner) == overdue - 1
    (entry,) = audits(demo_db, "recycled", lead_id)
    assert entry.before is not None
    assert entry.before["next_callback_at"] is not None


def test_a_team_lead_recycles_any_lead_and_a_rep_claims_nothing(demo_db: Database) -> None:
    naoki, shota = uid(demo_db, "naoki.tanaka"), uid(demo_db, "shota.suzuki")
    lead_id = active_leads(demo_db, shota)[0]
    with demo_db.write() as session:
        recycle(session, naoki, RecycleInput(lead_id, "no_need", note="ニーズなし"), T0)
    assert lead_row(demo_db, lead_id)["stage"] == "recycled"
    assert last_stage_change(demo_db, lead_id).changed_by == naoki
    unassigned = pick(demo_db, Lead.owner_id.is_(None), Lead.stage.in_(ACTIVE))[0]
    with demo_db.write() as session:
        recycle(session, shota, RecycleInput(unassigned, "bad_data"), T0)
    after = lead_row(demo_db, unassigned)
    assert (after["stage"], after["owner_id"]) == ("recycled", None)


RECYCLE_REFUSALS: list[tuple[str, dict[str, Any], str]] = [
    ("other-without-note", {"reason": "other"}, "note"),
    ("other-blank-note", {"reason": "other", "note": " \u3000 "}, "note"),
    ("unknown-reason", {"reason": "budget"}, "reason"),
    ("until-today", {"reason": "timing", "until": T0.date()}, "until"),
    ("until-yesterday", {"reason": "timing", "until": T0.date() - timedelta(days=1)}, "until"),
]


@pytest.mark.parametrize(
    ("case", "fields", "field"), RECYCLE_REFUSALS, ids=[c[0] for c in RECYCLE_REFUSALS]
)
def test_invalid_recycles_are_refused_and_write_nothing(
    shared_db: Database, case: str, fields: dict[str, Any], field: str
) -> None:
    misaki = uid(shared_db, "misaki.sato")
    lead_id = active_leads(shared_db, misaki)[0]
    data = RecycleInput(lead_id, **fields)
    error = refused(shared_db, [lead_id], InvalidInput, lambda s: recycle(s, misaki, data, T0))
    assert error.params["field"] == field, case


def test_the_reentry_date_is_tomorrow_at_the_earliest(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = active_leads(demo_db, misaki)[0]
    tomorrow = T0.date() + timedelta(days=1)
    with demo_db.write() as session:
        recycle(session, misaki, RecycleInput(lead_id, "timing", tomorrow), T0)
    assert lead_row(demo_db, lead_id)["recycle_until"] == tomorrow


def test_the_reentry_date_is_judged_on_the_teams_calendar(demo_db: Database) -> None:
    """Saturday 2026-11-21 08:30 in Tokyo is still Friday in UTC: "today" is the 21st."""
    misaki = uid(demo_db, "misaki.sato")
    lead_id = active_leads(demo_db, misaki)[0]
    morning = datetime(2026, 11, 21, 8, 30, tzinfo=TOKYO).astimezone(UTC)
    assert morning.date() == date(2026, 11, 20)
    today = RecycleInput(lead_id, "timing", date(2026, 11, 21))
    error = refused(demo_db, [lead_id], InvalidInput, lambda s: recycle(s, misaki, today, morning))
    assert error.params["field"] == "until"
    with demo_db.write() as session:
        recycle(session, misaki, RecycleInput(lead_id, "timing", date(2026, 11, 22)), morning)
    assert lead_row(demo_db, lead_id)["recycle_until"] == date(2026, 11, 22)


def test_only_new_and_working_leads_go_back_to_nurture(shared_db: Database) -> None:
    naoki = uid(shared_db, "naoki.tanaka")
    for stage in ("promoted", "recycled", "disqualified"):
        lead_id = pick(shared_db, Lead.stage == stage)[0]
        error = refused(
            shared_db,
            [lead_id],
            InvalidInput,
            lambda s, lead_id=lead_id: recycle(s, naoki, RecycleInput(lead_id, "timing"), T0),
        )
        assert error.params["field"] == "stage", stage


def test_recycle_permissions(shared_db: Database) -> None:
    misaki, shota = uid(shared_db, "misaki.sato"), uid(shared_db, "shota.suzuki")
    lead_id = active_leads(shared_db, shota)[0]
    data = RecycleInput(lead_id, "timing")
    error = refused(shared_db, [lead_id], PermissionDenied, lambda s: recycle(s, misaki, data, T0))
    assert error.key == "lead.of_another_rep"
    for local in ("ai.nakamura", "daisuke.watanabe"):
        user = uid(shared_db, local)
        refused(
            shared_db,
            [lead_id],
            PermissionDenied,
            lambda s, user=user: recycle(s, user, data, T0),
        )
    refused(
        shared_db,
        [],
        NotFound,
        lambda s: recycle(s, misaki, RecycleInput(999_999, "timing"), T0),
    )


# -- Disqualify -----------------------------------------------------------------------------
def test_disqualify_is_separate_from_recycling(demo_db: Database) -> None:
    ken = uid(demo_db, "ken.ito")
    lead_id = active_leads(demo_db, ken)[0]
    before = lead_row(demo_db, lead_id)
    with demo_db.write() as session:
        changes = disqualify(session, ken, lead_id, "student_or_personal", " 学生の個人利用 ", T0)
    assert changes == Changes(lead_ids=frozenset({lead_id}), queue=True)
    after = lead_row(demo_db, lead_id)
    assert after["stage"] == "disqualified"
    assert after["stage_changed_at"] == T0
    # Not a return to nurture: no recycle reason, date or time.
    assert (after["recycle_reason"], after["recycle_until"], after["recycled_at"]) == (
        None,
        None,
        None,
    )
    change = last_stage_change(demo_db, lead_id)
    assert (change.from_stage, change.to_stage) == (before["stage"], "disqualified")
    assert (change.reason, change.note, change.changed_by) == (
        "student_or_personal",
        "学生の個人利用",
        ken,
    )
    (entry,) = audits(demo_db, "disqualified", lead_id)
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["stage"], entry.after["stage"]) == (before["stage"], "disqualified")
    assert entry.after["note"] == " 学生の個人利用 "
    assert audits(demo_db, "recycled", lead_id) == []
    assert not in_queue(demo_db, lead_id, QueueQuery())
    assert in_queue(demo_db, lead_id, QueueQuery(stages=("disqualified",)))

    # Marketing cannot send a disqualified lead back as new, and it cannot be disqualified twice.
    error = refused(
        demo_db, [lead_id], InvalidInput, lambda s: requalify(s, sender(s), lead_id, T0)
    )
    assert error.params["field"] == "stage"
    error = refused(
        demo_db, [lead_id], InvalidInput, lambda s: disqualify(s, ken, lead_id, "duplicate", "", T0)
    )
    assert error.params["field"] == "stage"


def test_each_disqualify_reason_and_the_refusals(demo_db: Database) -> None:
    yumi = uid(demo_db, "yumi.takahashi")
    leads = active_leads(demo_db, yumi)
    for lead_id, reason in zip(leads, DISQUALIFY_REASONS, strict=False):
        with demo_db.write() as session:
            disqualify(session, yumi, lead_id, reason, "重複登録" if reason == "other" else "", T0)
        assert last_stage_change(demo_db, lead_id).reason == reason
    lead_id = leads[len(DISQUALIFY_REASONS)]
    for reason, note, field in (("other", "  ", "note"), ("no_budget", "", "reason")):
        error = refused(
            demo_db,
            [lead_id],
            InvalidInput,
            lambda s, reason=reason, note=note: disqualify(s, yumi, lead_id, reason, note, T0),
        )
        assert error.params["field"] == field
    other = active_leads(demo_db, uid(demo_db, "emily.carter"))[0]
    refused(
        demo_db,
        [other],
        PermissionDenied,
        lambda s: disqualify(s, yumi, other, "not_a_fit", "", T0),
    )


# -- Do not call --------------------------------------------------------------------------
def test_do_not_call_flags_the_lead_and_it_leaves_every_queue(demo_db: Database) -> None:
    with demo_db.read() as session:
        due = due_callbacks(session, NOW + timedelta(days=5))
    lead_id, owner = next((d.lead_id, d.owner_id) for d in due if d.owner_id is not None)
    assert owner is not None
    lead = lead_row(demo_db, lead_id)
    every_filter = [
        QueueQuery(),
        QueueQuery(stages=()),
        QueueQuery(stages=ALL_STAGES),
        QueueQuery(stages=(), owner=owner),
        QueueQuery(stages=(), owner=ANY_OWNER),
        QueueQuery(stages=(), text=lead["name"]),
        QueueQuery(stages=(), grades=(lead["grade"],)),
        QueueQuery(stages=(), callbacks_due_by=NOW + timedelta(days=5)),
    ]
    assert all(in_queue(demo_db, lead_id, q) for q in every_filter)
    with demo_db.write() as session:
        changes = mark_do_not_call(session, owner, lead_id, "本人から架電停止の依頼", T0)
    assert changes == Changes(lead_ids=frozenset({lead_id}), queue=True)
    after = lead_row(demo_db, lead_id)
    assert after["do_not_call"] is True
    assert after["next_callback_at"] is None
    assert after["stage"] == lead["stage"]  # a flag, not a stage
    (entry,) = audits(demo_db, "do_not_call", lead_id)
    assert (entry.user_id, entry.at) == (owner, T0)
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["do_not_call"], entry.after["do_not_call"]) == (False, True)
    assert entry.before["next_callback_at"] is not None
    assert entry.after["note"] == "本人から架電停止の依頼"
    for query in [*every_filter, QueueQuery(stages=(), owner=NO_OWNER)]:
        assert not in_queue(demo_db, lead_id, query), query
    with demo_db.read() as session:
        assert lead_id not in [d.lead_id for d in due_callbacks(session, NOW + timedelta(days=5))]

    # Marking it again changes nothing and records nothing.
    before = counts(demo_db)
    with demo_db.write() as session:
        assert mark_do_not_call(session, owner, lead_id, "", T0 + timedelta(minutes=1)).empty
    assert counts(demo_db) == before
    # And no call can be logged on it any more.
    refused(
        demo_db,
        [lead_id],
        PermissionDenied,
        lambda s: log_call(s, owner, CallDraft(lead_id, "connected", T0), T0),
    )


def test_a_recycled_lead_marked_do_not_call_leaves_the_all_stages_view(demo_db: Database) -> None:
    naoki = uid(demo_db, "naoki.tanaka")
    lead_id = pick(demo_db, Lead.stage == "recycled", Lead.do_not_call.is_(False))[0]
    assert in_queue(demo_db, lead_id, QueueQuery(stages=()))
    with demo_db.write() as session:
        mark_do_not_call(session, naoki, lead_id, "", T0)
    assert not in_queue(demo_db, lead_id, QueueQuery(stages=()))
    assert not in_queue(demo_db, lead_id, QueueQuery(stages=("recycled",)))


def test_only_those_who_work_the_lead_mark_it_do_not_call(shared_db: Database) -> None:
    shota = uid(shared_db, "shota.suzuki")
    lead_id = active_leads(shared_db, shota)[0]
    for local in ("misaki.sato", "ai.nakamura", "daisuke.watanabe"):
        user = uid(shared_db, local)
        refused(
            shared_db,
            [lead_id],
            PermissionDenied,
            lambda s, user=user: mark_do_not_call(s, user, lead_id, "", T0),
        )


# -- Marketing sends it again ------------------------------------------------------------------
def test_a_recycled_lead_comes_back_as_new_with_a_fresh_clock(demo_db: Database) -> None:
    lead_id = pick(
        demo_db, Lead.stage == "recycled", Lead.do_not_call.is_(False), Lead.owner_id.is_not(None)
    )[0]
    before = lead_row(demo_db, lead_id)
    assert before["call_attempts"] > 0
    assert not in_queue(demo_db, lead_id, QueueQuery())
    # Monday 2026-11-23 12:00 in Tokyo is 勤労感謝の日: the clock starts Tuesday 09:00.
    back_at = datetime(2026, 11, 23, 12, 0, tzinfo=TOKYO).astimezone(UTC)
    with demo_db.write() as session:
        marketing = sender(session)
        changes = requalify(session, marketing, lead_id, back_at)
    assert changes == Changes(lead_ids=frozenset({lead_id}), queue=True)
    after = lead_row(demo_db, lead_id)
    assert after["stage"] == "new"
    assert after["mql_at"] == after["stage_changed_at"] == back_at
    assert after["sla_due_at"] == deadline(back_at, team_rules(demo_db))
    assert after["sla_due_at"] == datetime(2026, 11, 24, 9, 5, tzinfo=TOKYO)
    assert (after["sla_met"], after["sla_breached_at"]) == (None, None)
    assert (after["call_attempts"], after["unanswered_streak"]) == (0, 0)
    assert after["owner_id"] == before["owner_id"]
    assert after["why_now"] == "fresh"
    assert after["scored_at"] == back_at
    change = last_stage_change(demo_db, lead_id)
    assert (change.from_stage, change.to_stage, change.reason) == ("recycled", "new", "mql_again")
    # Who sent it again is on record (requalify checks its actor like every action).
    assert (change.changed_by, change.changed_at) == (marketing, back_at)
    (entry,) = audits(demo_db, "requalified", lead_id)
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["stage"], entry.after["stage"]) == ("recycled", "new")
    assert in_queue(demo_db, lead_id, QueueQuery())
    assert in_queue(demo_db, lead_id, QueueQuery(owner=before["owner_id"]))


def test_a_requalified_lead_is_timed_afresh_when_called_late(demo_db: Database) -> None:
    """Speed to lead restarts with the new hand-over: the previous round's calls do not
    count as the first call, so a late call (or none) is a breach."""
    leads = pick(
        demo_db, Lead.stage == "recycled", Lead.do_not_call.is_(False), Lead.owner_id.is_not(None)
    )
    late_lead, silent_lead = leads[:2]
    back_at = T0
    with demo_db.write() as session:
        requalify(session, sender(session), late_lead, back_at)
        requalify(session, sender(session), silent_lead, back_at)
    due = lead_row(demo_db, late_lead)["sla_due_at"]
    assert due == deadline(back_at, team_rules(demo_db))

    # Nobody calls the second lead in time: the minute tick records the breach.
    with demo_db.write() as session:
        breached = sweep_sla(session, due + timedelta(minutes=1))
    assert silent_lead in breached
    silent = lead_row(demo_db, silent_lead)
    assert (silent["sla_met"], silent["sla_breached_at"]) == (False, silent["sla_due_at"])

    late = due + timedelta(minutes=10)
    owner = lead_row(demo_db, late_lead)["owner_id"]
    call(demo_db, owner, late_lead, late)
    after = lead_row(demo_db, late_lead)
    assert after["sla_met"] is False
    assert after["first_call_at"] == after["last_call_at"] == late
    assert after["call_attempts"] == 1
    assert after["stage"] == "working"


def test_a_requalified_lead_called_in_time_meets_the_target(demo_db: Database) -> None:
    lead_id = pick(
        demo_db, Lead.stage == "recycled", Lead.do_not_call.is_(False), Lead.owner_id.is_not(None)
    )[0]
    owner = lead_row(demo_db, lead_id)["owner_id"]
    with demo_db.write() as session:
        requalify(session, sender(session), lead_id, T0)
    at = T0 + timedelta(minutes=2)
    call(demo_db, owner, lead_id, at, outcome="no_answer")
    after = lead_row(demo_db, lead_id)
    assert after["sla_met"] is True
    assert after["first_call_at"] == at
    assert (after["call_attempts"], after["unanswered_streak"]) == (1, 1)


def test_a_do_not_call_lead_is_never_sent_again(demo_db: Database) -> None:
    naoki = uid(demo_db, "naoki.tanaka")
    # A lead flagged while being worked, then returned to nurture...
    flagged = pick(demo_db, Lead.do_not_call.is_(True), Lead.stage.in_(ACTIVE))[0]
    with demo_db.write() as session:
        recycle(session, naoki, RecycleInput(flagged, "unreachable"), T0)
    # ...and a recycled lead flagged afterwards.
    recycled = pick(demo_db, Lead.stage == "recycled", Lead.do_not_call.is_(False))[0]
    with demo_db.write() as session:
        mark_do_not_call(session, naoki, recycled, "", T0)
    for lead_id in (flagged, recycled):
        error = refused(
            demo_db,
            [lead_id],
            InvalidInput,
            lambda s, lead_id=lead_id: requalify(s, sender(s), lead_id, T0 + timedelta(days=30)),
        )
        assert error.params["field"] == "do_not_call"
        after = lead_row(demo_db, lead_id)
        assert (after["stage"], after["do_not_call"]) == ("recycled", True)
        assert not in_queue(demo_db, lead_id, QueueQuery(stages=()))


def test_only_recycled_leads_are_sent_again(shared_db: Database) -> None:
    for stage in ("new", "working", "promoted", "disqualified"):
        lead_id = pick(shared_db, Lead.stage == stage, Lead.do_not_call.is_(False))[0]
        error = refused(
            shared_db,
            [lead_id],
            InvalidInput,
            lambda s, lead_id=lead_id: requalify(s, sender(s), lead_id, T0),
        )
        assert error.params["field"] == "stage", stage
    refused(shared_db, [], NotFound, lambda s: requalify(s, sender(s), 999_999, T0))
