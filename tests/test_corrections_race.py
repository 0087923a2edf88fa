"""Two corrections of the same call at once (issue 7, item 5): exactly one lands.

Two real connections: the first correction is made and held uncommitted while the second
starts on another thread; the second must wait, and once the first commits it must be
refused (the call is corrected already), never land beside it. On PostgreSQL the second
used to read the call before locking anything and never lock the call itself, so both
corrections superseded the same call. On SQLite the write transaction serialises them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from models.core.entities import AuditEntry, Call, Lead
from models.core.errors import InvalidInput
from models.db.database import Database
from models.leads.calls import CallDraft, CallLogged, correct_call, log_call
from models.teams.users import user_by_email
from tests.concurrency import Background, wait_until_blocked
from tests.conftest import NOW
from tests.write_checks import lead_row

T0 = NOW + timedelta(minutes=5)


def uid(db: Database, local: str) -> int:
    with db.read() as session:
        return user_by_email(session, f"{local}@baton.example").id


def a_lead_of(db: Database, owner: int) -> int:
    with db.read() as session:
        lead_id = session.scalar(
            select(Lead.id)
            .where(
                Lead.owner_id == owner,
                Lead.stage == "working",
                Lead.do_not_call.is_(False),
                Lead.next_callback_at.is_(None),
            )
            .order_by(Lead.id)
        )
    assert lead_id is not None
    return lead_id


def corrections_of(db: Database, call_id: int) -> list[Call]:
    with db.read() as session:
        return list(session.scalars(select(Call).where(Call.supersedes_id == call_id)))


def test_two_corrections_of_one_call_at_once_exactly_one_lands(demo_db: Database) -> None:
    misaki, naoki = uid(demo_db, "misaki.sato"), uid(demo_db, "naoki.tanaka")
    lead_id = a_lead_of(demo_db, misaki)
    attempts_before = lead_row(demo_db, lead_id)["call_attempts"]
    with demo_db.write() as session:
        mistaken = log_call(session, misaki, CallDraft(lead_id, "no_answer", T0), T0)
    fixed_at = T0 + timedelta(minutes=10)
    by_author = CallDraft(lead_id, "connected", T0, notes="本人と話せた")
    by_team_lead = CallDraft(lead_id, "gatekeeper", T0, notes="受付止まり")

    def second_correction() -> CallLogged:
        with demo_db.write() as session:
            return correct_call(session, naoki, mistaken.call_id, by_team_lead, fixed_at)

    with demo_db.write() as session:
        first = correct_call(session, misaki, mistaken.call_id, by_author, fixed_at)
        second = Background(second_correction, name="second-correction")
        # The second correction runs while the first is uncommitted: it must wait...
        assert wait_until_blocked(demo_db, second)
    # ...and, once the first has committed, be refused.
    with pytest.raises(InvalidInput) as refused:
        second.result()
    assert refused.value.key == "call.already_corrected"
    assert refused.value.params["field"] == "call"

    (landed,) = corrections_of(demo_db, mistaken.call_id)
    assert (landed.id, landed.outcome, landed.notes) == (first.call_id, "connected", "本人と話せた")
    with demo_db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "call_corrected", AuditEntry.entity_id == mistaken.call_id
            )
        ).all()
        standing = session.scalars(
            select(Call.id).where(Call.lead_id == lead_id, Call.superseded.is_(False))
        ).all()
    assert len(entries) == 1
    assert first.call_id in standing
    assert mistaken.call_id not in standing
    assert lead_row(demo_db, lead_id)["call_attempts"] == attempts_before + 1


def test_correcting_a_call_and_its_correction_at_once_keeps_one_chain(
    demo_db: Database,
) -> None:
    """The correction of a correction waits for it; the original cannot be corrected
    again meanwhile."""
    misaki = uid(demo_db, "misaki.sato")
    lead_id = a_lead_of(demo_db, misaki)
    with demo_db.write() as session:
        mistaken = log_call(session, misaki, CallDraft(lead_id, "busy", T0), T0)
    later = T0 + timedelta(minutes=3)
    with demo_db.write() as session:
        first = correct_call(
            session, misaki, mistaken.call_id, CallDraft(lead_id, "voicemail", T0), later
        )

        def again() -> CallLogged:
            with demo_db.write() as other:
                return correct_call(
                    other, misaki, mistaken.call_id, CallDraft(lead_id, "connected", T0), later
                )

        job = Background(again, name="again")
        assert wait_until_blocked(demo_db, job)
    with pytest.raises(InvalidInput):
        job.result()
    with demo_db.write() as session:
        fixed = correct_call(
            session, misaki, first.call_id, CallDraft(lead_id, "connected", T0), later
        )
    assert [c.id for c in corrections_of(demo_db, first.call_id)] == [fixed.call_id]
    assert len(corrections_of(demo_db, mistaken.call_id)) == 1
