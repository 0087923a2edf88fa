"""The "Callbacks due" filter and the status bar's due count follow the clock and writes.

The window's clock is :func:`models.core.clock.utcnow`, moved by the test instead of
waiting; the minute tick is its timer's ``timeout`` signal, emitted by the test.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.main.window import MainWindow
from models.core import clock
from models.core.changes import Changes
from models.core.entities import Lead
from models.core.enums import ACTIVE_STAGES
from models.db.database import Database
from tests.gui.conftest import wait_idle


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(clock, "utcnow", fake)
    return fake


def _my_lead_without_callback(db: Database, owner_id: int) -> int:
    with db.read() as session:
        lead_id = session.scalar(
            select(Lead.id)
            .where(
                Lead.owner_id == owner_id,
                Lead.stage.in_([s.value for s in ACTIVE_STAGES]),
                Lead.do_not_call.is_(False),
                Lead.next_callback_at.is_(None),
            )
            .order_by(Lead.id)
            .limit(1)
        )
    assert lead_id is not None
    return lead_id


def _set_callback(db: Database, lead_id: int, at: datetime) -> None:
    with db.write() as session:
        session.execute(update(Lead).where(Lead.id == lead_id).values(next_callback_at=at))


def _due_count(window: MainWindow) -> int:
    text = window.overdue_label.text()
    return int("".join(ch for ch in text if ch.isdigit()) or -1)


def _apply_due_filter(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.filters.due_only.setChecked(True)
    wait_idle(qtbot, window)


def test_the_due_filter_moves_its_cut_off_on_the_minute_tick(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, fake_clock: FakeClock
) -> None:
    lead_id = _my_lead_without_callback(sqlite_demo_db, window.user.id)
    _set_callback(sqlite_demo_db, lead_id, fake_clock.now + timedelta(seconds=90))
    _apply_due_filter(qtbot, window)
    assert window.model.row_of(lead_id) is None  # not due yet

    fake_clock.now += timedelta(minutes=2)
    window.follow_ups.tick_timer.timeout.emit()
    qtbot.waitUntil(lambda: window.model.row_of(lead_id) is not None, timeout=5_000)
    assert window.model.query.callbacks_due_by == fake_clock.now


def test_the_due_count_follows_the_tick(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, fake_clock: FakeClock
) -> None:
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: _due_count(window) >= 0, timeout=5_000)
    before = _due_count(window)
    lead_id = _my_lead_without_callback(sqlite_demo_db, window.user.id)
    _set_callback(sqlite_demo_db, lead_id, fake_clock.now + timedelta(seconds=30))
    fake_clock.now += timedelta(minutes=1)
    window.follow_ups.tick_timer.timeout.emit()
    qtbot.waitUntil(lambda: _due_count(window) == before + 1, timeout=5_000)


def test_a_write_refreshes_the_due_count_and_the_due_filter_at_once(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, fake_clock: FakeClock
) -> None:
    _apply_due_filter(qtbot, window)
    qtbot.waitUntil(lambda: _due_count(window) >= 0, timeout=5_000)
    before = _due_count(window)
    lead_id = _my_lead_without_callback(sqlite_demo_db, window.user.id)
    fake_clock.now += timedelta(seconds=20)  # time passes; no minute tick yet

    def job(session: Session) -> Changes:
        # A write that makes a callback due now (as a colleague's correction could).
        session.execute(
            update(Lead).where(Lead.id == lead_id).values(next_callback_at=fake_clock.now)
        )
        return Changes(lead_ids=frozenset({lead_id}), queue=True)

    window.ops.write(job, initiator="a-colleague").run()
    qtbot.waitUntil(lambda: _due_count(window) == before + 1, timeout=5_000)
    qtbot.waitUntil(lambda: window.model.row_of(lead_id) is not None, timeout=5_000)


def test_the_meeting_cut_off_moves_on_the_minute_tick(
    qtbot: QtBot, window: MainWindow, fake_clock: FakeClock
) -> None:
    """A meeting that passed unheld returns its lead to the call queue without a restart."""
    wait_idle(qtbot, window)
    assert window.model.query.meetings_as_of is not None
    fake_clock.now += timedelta(minutes=1)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.follow_ups.tick_timer.timeout.emit()
    assert window.model.query.meetings_as_of == fake_clock.now
