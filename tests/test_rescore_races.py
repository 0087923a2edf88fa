"""Rescoring and the minute tick never write over fresher data (issue 7, items 3 and 4).

Two real connections, interleaved deterministically (tests.concurrency): one transaction
is held at a chosen point while the other runs on a thread, and the test sees the other
wait on a lock (or finish) before letting the first go on.

On PostgreSQL a full rescore used to read a chunk of leads without a lock and write their
derived columns by id afterwards: a call that committed in between was overwritten (the
lead was "working, one attempt" with the priority and "why now" of a new lead nobody had
called). On SQLite the chunk's ``BEGIN IMMEDIATE`` serialises it with the call, so the
same tests pass there before and after.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from models.core.entities import AuditEntry, Lead
from models.db.database import Database
from models.leads.calls import CallDraft, CallLogged, log_call
from models.leads.follow_ups import sweep_sla, tick
from models.scoring import rescore
from models.teams.users import user_by_email
from tests.concurrency import Background, stale_leads, wait_until_blocked
from tests.conftest import NOW
from tests.write_checks import lead_row

T0 = NOW + timedelta(minutes=5)


def uid(db: Database, local: str) -> int:
    with db.read() as session:
        return user_by_email(session, f"{local}@baton.example").id


def uncalled_new_lead(db: Database, owner: int, *where: Any) -> int:
    """A new lead of ``owner`` nobody has called: priority boosted for speed to lead."""
    with db.read() as session:
        lead_id = session.scalar(
            select(Lead.id)
            .where(
                Lead.owner_id == owner,
                Lead.stage == "new",
                Lead.call_attempts == 0,
                Lead.do_not_call.is_(False),
                Lead.why_now.in_(("new", "fresh")),
                *where,
            )
            .order_by(Lead.id)
        )
    assert lead_id is not None, "the demo data has such a lead"
    return lead_id


def call_in_background(db: Database, user_id: int, lead_id: int, now: datetime) -> Any:
    def call() -> CallLogged:
        with db.write() as session:
            return log_call(session, user_id, CallDraft(lead_id, "no_answer", now), now)

    return Background(call, name="rep-saves-a-call")


def assert_called_and_fresh(db: Database, lead_id: int) -> None:
    lead = lead_row(db, lead_id)
    assert (lead["stage"], lead["call_attempts"], lead["unanswered_streak"]) == ("working", 1, 1)
    assert lead["why_now"] not in ("new", "fresh"), lead["why_now"]
    assert lead_id not in stale_leads(db), stale_leads(db)[lead_id]
    assert not stale_leads(db)


@pytest.fixture
def pause_after_reading(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Run the given hook once, in the main thread, when a rescore has read its chunk
    (leads and touches) and starts computing: between its read and its write."""
    hooks: list[Any] = []
    real = rescore.score_lead

    def score_lead(*args: Any, **kwargs: Any) -> Any:
        if hooks and threading.current_thread() is threading.main_thread():
            hooks.pop()()
        return real(*args, **kwargs)

    monkeypatch.setattr(rescore, "score_lead", score_lead)
    yield hooks
    assert not hooks, "the rescore never reached its computation"


def test_a_call_saved_while_a_rescore_computes_is_not_overwritten(
    demo_db: Database, pause_after_reading: list[Any]
) -> None:
    """The issue's case: a rescore chunk has read, a call commits, the rescore writes."""
    misaki = uid(demo_db, "misaki.sato")
    lead_id = uncalled_new_lead(demo_db, misaki)
    jobs: list[Any] = []

    def a_call_comes_in() -> None:
        job = call_in_background(demo_db, misaki, lead_id, T0)
        jobs.append(job)
        # Before the fix (PostgreSQL) the call commits at once: nothing holds the lead.
        # After it, the call waits for the chunk's lock (and on SQLite for its write lock).
        wait_until_blocked(demo_db, job)

    pause_after_reading.append(a_call_comes_in)
    rescore.rescore_all(demo_db, T0 + timedelta(minutes=1))
    (job,) = jobs
    job.result()
    assert_called_and_fresh(demo_db, lead_id)


def test_a_rescore_started_while_a_call_is_saved_reads_the_call(demo_db: Database) -> None:
    """The other order: the call holds the lead, uncommitted; the rescore must wait for
    it and compute from what the call wrote, not from what it read before."""
    misaki = uid(demo_db, "misaki.sato")
    lead_id = uncalled_new_lead(demo_db, misaki)
    with demo_db.write() as session:
        log_call(session, misaki, CallDraft(lead_id, "no_answer", T0), T0)
        job = Background(
            lambda: rescore.rescore_all(demo_db, T0 + timedelta(minutes=1)), name="rescore"
        )
        assert wait_until_blocked(demo_db, job)
    report = job.result()
    assert not report.cancelled
    assert lead_row(demo_db, lead_id)["scored_at"] == T0 + timedelta(minutes=1)
    assert_called_and_fresh(demo_db, lead_id)


def test_the_tick_never_waits_for_a_lead_being_saved(demo_db: Database) -> None:
    """A tick meets a due lead a rep is saving a call on: it leaves that lead (the call
    rescores it) instead of waiting, so it can never be part of a deadlock."""
    if demo_db.dialect != "postgresql":
        pytest.skip("SQLite has no row locks: every writer waits for the one write lock")
    shota = uid(demo_db, "shota.suzuki")
    # Due for the tick on every count: a boost that runs out, a deadline that passes.
    lead_id = uncalled_new_lead(
        demo_db, shota, Lead.priority_until.is_not(None), Lead.sla_met.is_(None)
    )
    with demo_db.read() as session:
        others_due = session.scalar(
            select(Lead.id).where(Lead.priority_until.is_not(None), Lead.id != lead_id).limit(1)
        )
        latest = max(
            session.scalars(select(Lead.priority_until).where(Lead.priority_until.is_not(None)))
        )
    assert others_due is not None
    # Late enough for every boost to have run out: the lead being saved is due as well.
    at = max(latest, T0) + timedelta(minutes=1)
    with demo_db.write() as session:
        log_call(session, shota, CallDraft(lead_id, "no_answer", T0), T0)

        def a_tick() -> Any:
            with demo_db.write() as other:
                return tick(other, at)

        job = Background(a_tick, name="tick")
        assert not wait_until_blocked(demo_db, job), "the tick waited for the rep's save"
        changes = job.result()
    assert lead_id not in changes.lead_ids
    assert others_due in changes.lead_ids
    assert lead_row(demo_db, others_due)["scored_at"] == at
    # Left as the call rescored it; a later tick takes it up if it is due then.
    assert lead_row(demo_db, lead_id)["scored_at"] == T0
    assert_called_and_fresh(demo_db, lead_id)


def test_a_speed_to_lead_breach_is_audited_and_moves_the_version(demo_db: Database) -> None:
    """The SLA sweep writes like every other writer: through the ORM (the version moves,
    so a form opened before sees the change) and into the audit trail."""
    with demo_db.read() as session:
        lead = session.scalars(
            select(Lead)
            .where(
                Lead.stage == "new",
                Lead.sla_met.is_(None),
                Lead.first_call_at.is_(None),
                Lead.sla_due_at.is_not(None),
            )
            .order_by(Lead.sla_due_at.desc(), Lead.id)
        ).first()
        assert lead is not None
        lead_id, due, version = lead.id, lead.sla_due_at, lead.version
    assert due is not None
    at = max(due, T0) + timedelta(minutes=1)
    with demo_db.write() as session:
        changes = tick(session, at)
    assert lead_id in changes.lead_ids
    after = lead_row(demo_db, lead_id)
    assert (after["sla_met"], after["sla_breached_at"]) == (False, due)
    assert after["version"] == version + 1
    with demo_db.read() as session:
        (entry,) = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "lead",
                AuditEntry.entity_id == lead_id,
                AuditEntry.action == "sla_breached",
            )
        ).all()
    assert (entry.user_id, entry.at) == (None, at)
    assert entry.before == {"sla_met": None, "sla_breached_at": None}
    assert entry.after == {"sla_met": False, "sla_breached_at": due.isoformat()}
    # Recorded once: a later sweep finds nothing more to record for it.
    with demo_db.write() as session:
        assert lead_id not in sweep_sla(session, at + timedelta(minutes=1))
