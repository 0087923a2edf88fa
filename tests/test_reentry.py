"""A lead returned to nurture "until DATE" comes back when the date comes (item 9)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from models.core.entities import AuditEntry, Lead, StageChange, User
from models.core.errors import PermissionDenied
from models.db.database import Database
from models.leads.actions import RecycleInput, recycle, requalify
from models.leads.follow_ups import minute_tick
from tests.test_calls import T0, callable_lead, uid
from tests.test_cli import headless_env
from tests.write_checks import lead_row, refused


def _recycle_until(db: Database, until: date) -> tuple[int, int]:
    misaki = uid(db, "misaki.sato")
    lead_id = callable_lead(db, misaki)
    with db.write() as session:
        recycle(session, misaki, RecycleInput(lead_id, "timing", until, "来期に再検討"), T0)
    return misaki, lead_id


def test_a_recycled_lead_returns_on_its_date_to_its_owner(demo_db: Database) -> None:
    misaki, lead_id = _recycle_until(demo_db, date(2026, 12, 1))
    with demo_db.write() as session:
        minute_tick(session, datetime(2026, 11, 30, 14, 0, tzinfo=UTC))  # 23:00 JST on the 30th
    assert lead_row(demo_db, lead_id)["stage"] == "recycled"  # not yet in Tokyo
    back = datetime(2026, 11, 30, 15, 1, tzinfo=UTC)  # 00:01 JST on 1 December
    with demo_db.write() as session:
        changes = minute_tick(session, back)
    assert lead_id in changes.lead_ids and changes.queue
    row = lead_row(demo_db, lead_id)
    assert (row["stage"], row["owner_id"], row["recycle_until"]) == ("new", misaki, None)
    assert row["mql_at"] == back and row["call_attempts"] == 0
    with demo_db.read() as session:
        change = (
            session.query(StageChange)
            .filter_by(lead_id=lead_id)
            .order_by(StageChange.id.desc())
            .first()
        )
        entry = (
            session.query(AuditEntry).filter_by(entity_id=lead_id, action="back_from_nurture").one()
        )
    assert change is not None and change.reason == "back_from_nurture"
    assert entry.after is not None and entry.after["stage"] == "new"


def test_a_lead_whose_owner_left_returns_unassigned(demo_db: Database) -> None:
    misaki, lead_id = _recycle_until(demo_db, date(2026, 11, 25))
    with demo_db.write() as session:
        session.execute(update(User).where(User.id == misaki).values(active=False))
    with demo_db.write() as session:
        minute_tick(session, datetime(2026, 11, 25, 1, 0, tzinfo=UTC))
    row = lead_row(demo_db, lead_id)
    assert (row["stage"], row["owner_id"]) == ("new", None)


def test_a_do_not_call_lead_never_returns(demo_db: Database) -> None:
    _misaki, lead_id = _recycle_until(demo_db, date(2026, 11, 25))
    with demo_db.write() as session:
        session.execute(update(Lead).where(Lead.id == lead_id).values(do_not_call=True))
    with demo_db.write() as session:
        minute_tick(session, datetime(2026, 11, 26, 1, 0, tzinfo=UTC))
    assert lead_row(demo_db, lead_id)["stage"] == "recycled"


def test_only_marketing_and_supervisors_send_a_lead_again(demo_db: Database) -> None:
    misaki, lead_id = _recycle_until(demo_db, date(2027, 4, 1))
    later = T0 + timedelta(days=1)
    error = refused(
        demo_db, [lead_id], PermissionDenied, lambda s: requalify(s, misaki, lead_id, later)
    )
    assert error.key == "lead.requalify_not_allowed"
    with demo_db.write() as session:
        requalify(session, uid(demo_db, "ai.nakamura"), lead_id, later)
    assert lead_row(demo_db, lead_id)["stage"] == "new"


def test_baton_rescore_brings_them_back_too(demo_db: Database, tmp_path: Path) -> None:
    _misaki, lead_id = _recycle_until(demo_db, date(2026, 12, 1))
    url = demo_db.url.render_as_string(hide_password=False)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "rescore", "--db", url, "--now", "2026-12-01T03:00Z"],
        env=headless_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "1 leads came back from nurture." in done.stdout
    assert lead_row(demo_db, lead_id)["stage"] == "new"
