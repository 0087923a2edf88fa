"""A wrong number marks the lead's number invalid: the lead drops below every lead that can
be reached until a rep enters a new number (issue 7, item 6).

Before: a lead logged "wrong number" kept its priority (a hot lead stayed on top of the
queue, inviting the next rep to dial the same wrong number), and no form entered a new one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import create_engine, func, insert, select, text

from models.core.entities import ACCOUNT, CALL, LEAD, AuditEntry, Lead
from models.core.errors import ConcurrentChange, InvalidInput, PermissionDenied
from models.db import migrations
from models.db.database import Database
from models.leads.calls import correct_call
from models.leads.phones import update_phone
from models.leads.queue import ANY_OWNER, QueueQuery, queue_ids
from models.scoring.rescore import rescore_all, rescore_due
from tests.concurrency import stale_leads
from tests.test_calls import ACTIVE, T0, draft, log, pick, uid
from tests.write_checks import lead_row, refused

NEW_NUMBER = "０９０－８７６５－４３２１"


def _top_lead(db: Database, owner: int) -> int:
    """The owner's lead highest in the queue (the one the issue saw stay on top)."""
    ids = pick(
        db,
        Lead.owner_id == owner,
        Lead.stage.in_(ACTIVE),
        Lead.do_not_call.is_(False),
        Lead.phone_e164.is_not(None),
        order=Lead.priority.desc(),
    )
    return ids[0]


def _lowest_reachable(db: Database) -> float:
    with db.read() as session:
        lowest = session.scalar(
            select(func.min(Lead.priority)).where(
                Lead.stage.in_(ACTIVE), Lead.phone_invalid.is_(False)
            )
        )
    assert lowest is not None
    return float(lowest)


def _wrong_number(db: Database, owner: int, lead_id: int, at: datetime = T0) -> int:
    return log(db, owner, draft(lead_id, "wrong_number", at=at), at).call_id


def _set_phone(
    db: Database, user: int, lead_id: int, typed: str, now: datetime, seen: int | None = None
) -> None:
    with db.write() as session:
        update_phone(session, user, lead_id, typed, now, seen)


def test_a_wrong_number_drops_the_lead_below_every_reachable_lead(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = _top_lead(demo_db, misaki)
    assert lead_row(demo_db, lead_id)["priority"] > 50
    _wrong_number(demo_db, misaki, lead_id)
    row = lead_row(demo_db, lead_id)
    assert row["phone_invalid"] is True and row["why_now"] == "wrong_number"
    assert row["priority"] < _lowest_reachable(demo_db)
    with demo_db.read() as session:
        queue = queue_ids(session, QueueQuery(owner=ANY_OWNER))
    reachable = pick(demo_db, Lead.stage.in_(ACTIVE), Lead.phone_invalid.is_(False))
    assert all(queue.index(lead_id) > queue.index(i) for i in reachable if i in queue)
    # ... and stays there through a full rescore and the minute tick's.
    later = T0 + timedelta(days=2)
    rescore_all(demo_db, later)
    with demo_db.write() as session:
        rescore_due(session, later + timedelta(days=30), among=[lead_id])
    row = lead_row(demo_db, lead_id)
    assert row["phone_invalid"] is True and row["why_now"] == "wrong_number"
    assert row["priority"] < _lowest_reachable(demo_db)
    assert lead_id not in stale_leads(demo_db)


def test_a_new_number_makes_the_lead_reachable_again(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = _top_lead(demo_db, misaki)
    _wrong_number(demo_db, misaki, lead_id)
    version = lead_row(demo_db, lead_id)["version"]
    entered = T0 + timedelta(minutes=10)
    _set_phone(demo_db, misaki, lead_id, f" {NEW_NUMBER} ", entered, version)
    row = lead_row(demo_db, lead_id)
    assert (row["phone"], row["phone_e164"]) == (NEW_NUMBER, "+819087654321")
    assert row["phone_invalid"] is False and row["why_now"] != "wrong_number"
    assert row["phone_changed_at"] == entered
    assert row["priority"] >= _lowest_reachable(demo_db)
    assert lead_id not in stale_leads(demo_db)
    with demo_db.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == lead_id, AuditEntry.action == "phone_changed"
            )
        ).one()
    assert entry.user_id == misaki
    assert entry.before is not None and entry.before["phone_invalid"] is True
    assert entry.after is not None and entry.after["phone_e164"] == "+819087654321"
    # The new number is wrong too: a call to it marks it again.
    _wrong_number(demo_db, misaki, lead_id, entered + timedelta(minutes=5))
    assert lead_row(demo_db, lead_id)["phone_invalid"] is True


def test_correcting_the_wrong_number_call_makes_the_number_good_again(
    demo_db: Database,
) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = _top_lead(demo_db, misaki)
    call_id = _wrong_number(demo_db, misaki, lead_id)
    with demo_db.write() as session:
        correct_call(
            session, misaki, call_id, draft(lead_id, "no_answer"), T0 + timedelta(minutes=1)
        )
    row = lead_row(demo_db, lead_id)
    assert row["phone_invalid"] is False and row["why_now"] != "wrong_number"


def test_a_wrong_number_is_still_wrong_after_a_return_from_nurture(demo_db: Database) -> None:
    """Re-entry starts a new round of calls; the number stays wrong until it is replaced."""
    misaki = uid(demo_db, "misaki.sato")
    lead_id = _top_lead(demo_db, misaki)
    _wrong_number(demo_db, misaki, lead_id)
    later = T0 + timedelta(hours=1)
    log(demo_db, misaki, draft(lead_id, "connected", at=later), later)  # the main line
    assert lead_row(demo_db, lead_id)["phone_invalid"] is True


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "lead.phone_required"),
        ("   ", "lead.phone_required"),
        ("不明", "lead.phone_not_a_number"),
        ("<b>03</b>", "lead.phone_not_a_number"),
        ("03-1234\x00-5678", "text.bad_character"),
        ("0" * 41, "text.too_long"),
    ],
)
def test_a_number_that_cannot_be_dialled_is_refused_and_nothing_is_written(
    demo_db: Database, typed: str, key: str
) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = _top_lead(demo_db, misaki)
    _wrong_number(demo_db, misaki, lead_id)
    error = refused(
        demo_db,
        [lead_id],
        InvalidInput,
        lambda s: update_phone(s, misaki, lead_id, typed, T0 + timedelta(minutes=1)),
    )
    assert error.key == key and error.params["field"] == "phone"


def test_the_number_marked_wrong_is_refused_however_it_is_written(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = _top_lead(demo_db, misaki)
    _wrong_number(demo_db, misaki, lead_id)
    wrong = lead_row(demo_db, lead_id)["phone_e164"]
    # The same number, typed in full width with its country code.
    typed = "＋" + "".join(chr(ord(c) + 0xFEE0) for c in wrong[1:])
    error = refused(
        demo_db,
        [lead_id],
        InvalidInput,
        lambda s: update_phone(s, misaki, lead_id, typed, T0 + timedelta(minutes=1)),
    )
    assert error.key == "lead.phone_same_as_wrong"


def test_a_stale_form_and_another_reps_lead_are_refused(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = _top_lead(demo_db, misaki)
    seen = lead_row(demo_db, lead_id)["version"]
    _wrong_number(demo_db, misaki, lead_id)  # meanwhile, from another desktop
    error = refused(
        demo_db,
        [lead_id],
        ConcurrentChange,
        lambda s: update_phone(s, misaki, lead_id, NEW_NUMBER, T0 + timedelta(minutes=1), seen),
    )
    assert error.key == "lead.changed_meanwhile"
    shota = uid(demo_db, "shota.suzuki")  # another rep
    refused(
        demo_db,
        [lead_id],
        PermissionDenied,
        lambda s: update_phone(s, shota, lead_id, NEW_NUMBER, T0 + timedelta(minutes=1)),
    )


def test_migration_0006_marks_the_numbers_calls_already_found_wrong(any_url: str) -> None:
    engine = create_engine(any_url)
    at = datetime(2026, 1, 5, tzinfo=UTC)
    try:
        with engine.begin() as connection:
            command.upgrade(migrations.config(connection), "0005")
            account_id = connection.execute(
                insert(ACCOUNT).returning(ACCOUNT.c.id),
                {"name": "株式会社テスト", "sort_key": "て"},
            ).scalar_one()
            # The user table as it stood at 0005 (today's has columns added since).
            user_id = connection.execute(
                text(
                    "INSERT INTO user_account (email, display_name, role, active, created_at)"
                    " VALUES (:email, :name, 'rep', :active, :at) RETURNING id"
                ),
                {"email": "rep@example.com", "name": "Rep", "active": True, "at": at},
            ).scalar_one()
            lead_ids = [
                connection.execute(
                    insert(LEAD).returning(LEAD.c.id),
                    {
                        "account_id": account_id,
                        "name": f"リード {n}",
                        "sort_key": f"りーど {n}",
                        "search_text": "",
                        "phone": "03-1234-5678",
                        "mql_at": at,
                        "stage_changed_at": at,
                    },
                ).scalar_one()
                for n in range(3)
            ]
            # Lead 0: a wrong number that stands; lead 1: one that was corrected; lead 2: none.
            for lead_id, outcome, superseded in (
                (lead_ids[0], "wrong_number", False),
                (lead_ids[1], "wrong_number", True),
                (lead_ids[1], "no_answer", False),
                (lead_ids[2], "no_answer", False),
            ):
                connection.execute(
                    insert(CALL),
                    {
                        "lead_id": lead_id,
                        "user_id": user_id,
                        "started_at": at,
                        "outcome": outcome,
                        "superseded": superseded,
                    },
                )
        with engine.begin() as connection:
            command.upgrade(migrations.config(connection), "head")
            marked = connection.execute(
                select(LEAD.c.id, LEAD.c.phone_invalid).order_by(LEAD.c.id)
            ).all()
        assert marked == [(lead_ids[0], True), (lead_ids[1], False), (lead_ids[2], False)]
        with engine.begin() as connection:
            command.downgrade(migrations.config(connection), "0005")
    finally:
        engine.dispose()
