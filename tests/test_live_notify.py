"""What the database announces for live refresh (migration 0009), and how it is read.

PostgreSQL: the triggers notify one channel with the ids a statement changed, in chunks
under the 8000-byte payload limit; a batch of many statements (a rescoring) sends a few
notifications, not one per lead; nothing is sent for a transaction rolled back or for a
claim merely renewed. SQLite: the revision changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import inspect, select, text, update
from sqlalchemy.engine import make_url

from models.core.changes import Changes
from models.core.entities import Lead
from models.db import live
from models.db.database import Database
from models.leads import claims
from models.scoring.rescore import rescore_all
from models.teams.users import user_by_email
from tests.conftest import NOW

LIMIT = 8000  # PostgreSQL's payload limit, in bytes


def test_payloads_read_as_the_changes_views_understand() -> None:
    read = live.read(
        ["lead:3,4", "lead:9", "lead_claim:4", "handoff", "user_account", "nonsense:x,y", "?"]
    )
    assert read.changes == Changes(lead_ids=frozenset({3, 4, 9}), handoffs=True, users=True)
    assert read.claims == frozenset({4}) and not read.all_claims
    many = live.read(["lead:*", "lead_claim:*", "team", "definition_approval"])
    assert many.changes == Changes(queue=True, team=True, definition=True)
    assert many.all_claims
    assert live.read([]).empty


def test_sqlite_gets_no_triggers(sqlite_url: str) -> None:
    from models.db.database import open_database

    db = open_database(sqlite_url)
    try:
        with db.read() as session:
            names = session.scalars(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
            assert list(names) == []
    finally:
        db.close()


@pytest.fixture
def listener(demo_db: Database) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    if demo_db.dialect != "postgresql":
        pytest.skip("notifications are PostgreSQL's")
    url = make_url(str(demo_db.engine.url.render_as_string(hide_password=False)))
    conn = psycopg.connect(
        host=url.host or "", port=url.port or 5432, dbname=url.database or "", autocommit=True
    )
    conn.execute("LISTEN baton")
    yield conn
    conn.close()


def heard(conn: psycopg.Connection[tuple[object, ...]]) -> list[str]:
    return [n.payload for n in conn.notifies(timeout=0.3)]


def test_a_statement_announces_the_ids_it_changed_once_committed(
    demo_db: Database, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    with demo_db.write() as session:
        session.execute(update(Lead).where(Lead.id.in_([5, 3, 4])).values(priority=1.0))
    assert heard(listener) == ["lead:3,4,5"]
    with pytest.raises(RuntimeError), demo_db.write() as session:
        session.execute(update(Lead).where(Lead.id == 7).values(priority=2.0))
        raise RuntimeError("rolled back")
    assert heard(listener) == []


def test_large_statements_come_in_chunks_under_the_payload_limit(
    demo_db: Database, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    # The same trigger function on a scratch table with large ids (10 digits each).
    with demo_db.write() as session:
        session.execute(text("CREATE TABLE scratch (id bigint PRIMARY KEY)"))
        session.execute(
            text(
                "CREATE TRIGGER scratch_live AFTER INSERT ON scratch REFERENCING NEW TABLE AS "
                "new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_notify_rows('id', '')"
            )
        )
    heard(listener)
    with demo_db.write() as session:
        session.execute(
            text("INSERT INTO scratch SELECT 2000000000 + g FROM generate_series(1, 2000) g")
        )
    payloads = heard(listener)
    assert len(payloads) == 4  # 600 ids a payload
    assert all(len(p.encode()) < LIMIT for p in payloads)
    ids = set().union(*(live.parse(p)[1] or set() for p in payloads))
    assert ids == {2_000_000_000 + g for g in range(1, 2001)}
    with demo_db.write() as session:
        session.execute(text("INSERT INTO scratch SELECT g FROM generate_series(1, 7000) g"))
    assert heard(listener) == ["scratch:*"]  # more than ten chunks: "many, reload"


def test_a_rescoring_sends_a_few_notifications_not_one_per_lead(
    demo_db: Database, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    with demo_db.read() as session:
        leads = session.scalar(select(Lead.id).order_by(Lead.id.desc()).limit(1))
    rescore_all(demo_db, NOW + timedelta(days=3))
    payloads = heard(listener)
    assert 0 < len(payloads) <= 20, payloads
    assert "lead:*" in payloads
    assert leads is not None and leads >= 300


def test_a_claim_is_announced_when_taken_or_let_go_not_when_renewed(
    demo_db: Database, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    with demo_db.read() as session:
        misaki = user_by_email(session, "misaki.sato@baton.example").id
        lead_id = session.scalar(
            select(Lead.id).where(Lead.owner_id == misaki, Lead.stage == "working")
        )
    assert lead_id is not None
    with demo_db.write() as session:
        claims.claim(session, misaki, lead_id, NOW)
    assert heard(listener) == [f"lead_claim:{lead_id}"]
    with demo_db.write() as session:
        claims.renew(session, misaki, lead_id, NOW + timedelta(minutes=5))
    assert heard(listener) == []
    with demo_db.write() as session:
        claims.release(session, misaki, lead_id)
    assert heard(listener) == [f"lead_claim:{lead_id}"]


def test_the_migration_left_one_trigger_per_event_and_table(demo_db: Database) -> None:
    if demo_db.dialect != "postgresql":
        pytest.skip("triggers are PostgreSQL's")
    with demo_db.read() as session:
        rows = session.execute(
            text(
                "SELECT event_object_table, event_manipulation FROM information_schema.triggers"
                " WHERE trigger_name LIKE 'baton_live%'"
            )
        ).all()
        tables = set(inspect(session.connection()).get_table_names())
    found = {(table, event) for table, event in rows}
    for table in ("lead", "lead_claim", "handoff", "user_account", "team", "definition"):
        assert table in tables
        assert {(table, e) for e in ("INSERT", "UPDATE", "DELETE")} <= found
